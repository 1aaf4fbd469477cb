// Small HTML helpers for the sandbox's pages (consent, developer console, OAuth callback).
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace amp::sandbox {

std::string escape_html(std::string_view s);
// JSON that is safe inside a <script> element: no "</script>" or "<!--" can appear in it.
std::string script_json(const nlohmann::json& j);
// A whole document with the shared look; body is HTML already escaped by the caller.
std::string html_page(std::string_view title, std::string_view body);

} // namespace amp::sandbox
