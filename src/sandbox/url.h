// Building URLs with query strings, for the consent URL and the redirects back from consent.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace amp::sandbox {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

std::string pct_encode(std::string_view s); // everything but RFC 3986 unreserved characters
std::string with_query(const std::string& url, const QueryParams& params); // appends with '?' or '&'

} // namespace amp::sandbox
