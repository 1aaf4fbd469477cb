// Just enough URL handling for an API client: split, origin, percent-encoding, query strings.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace amp {

struct Url {
    std::string scheme; // lower case, without "://"
    std::string host;   // lower case; IPv6 keeps its brackets
    std::string port;   // empty when the scheme's default
    std::string path;   // starts with '/' (or is empty)
    std::string query;  // without '?'
    std::string origin() const; // "scheme://host[:port]"
};

// Absolute http(s) URLs only; anything else (relative, javascript:, data:, userinfo) is refused.
std::optional<Url> parse_url(std::string_view text);
bool is_loopback(const Url& url);
// https anywhere, http only on loopback: what the widget will send secrets to or open in a popup.
bool is_trusted_transport(const Url& url);
// The text, when the widget may load a picture from it (a trusted transport); otherwise empty.
std::string image_url(std::string_view text);

std::string pct_encode(std::string_view s); // RFC 3986 unreserved characters stay as they are
std::string query_string(const std::vector<std::pair<std::string, std::string>>& params); // skips empty values
std::string query_param(std::string_view query, std::string_view name); // decoded; empty when absent

} // namespace amp
