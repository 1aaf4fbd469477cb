// The HTML the sandbox serves: the helpers every page is made with (escaping, the shared look), and the
// consent stand-in's pages: its developer console (what a builder copies App ID and App Secret from), the
// consent page with Approve and Deny (for any provider, named by its display name), and the error page
// Pinterest shows instead of redirecting when an authorize request is wrong. The OAuth callback's page is
// made with the helpers in callback.cpp, next to the outcome it reports.
#pragma once
#include "sandbox/pinterest.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace amp::sandbox {

std::string escape_html(std::string_view s);
// JSON that is safe inside a <script> element: no "</script>" or "<!--" can appear in it.
std::string script_json(const nlohmann::json& j);
// A whole document with the shared look; body is HTML already escaped by the caller.
std::string html_page(std::string_view title, std::string_view body);

// The consent stand-in's.
std::string console_page(const PinterestApp& app, const std::string& secret);
std::string consent_page(const PinterestApp& app, const std::string& provider_name, const AuthorizeRequest& r,
                         const std::string& decision_path);
std::string consent_error_page(const std::string& error);
std::string brand_svg(bool logo, bool dark); // for the catalog's media URLs

} // namespace amp::sandbox
