#include "core/url.h"

#include <cctype>

namespace amp {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (char)std::tolower((unsigned char)c);
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string pct_decode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') out += ' ';
        else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += (char)(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else out += s[i];
    }
    return out;
}

} // namespace

std::string Url::origin() const {
    return scheme + "://" + host + (port.empty() ? "" : ":" + port);
}

std::optional<Url> parse_url(std::string_view text) {
    Url u;
    size_t colon = text.find("://");
    if (colon == std::string_view::npos) return std::nullopt;
    u.scheme = lower(text.substr(0, colon));
    if (u.scheme != "http" && u.scheme != "https") return std::nullopt;
    std::string_view rest = text.substr(colon + 3);
    size_t end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;
    for (char c : authority)
        if ((unsigned char)c <= ' ' || c == '\\') return std::nullopt;
    size_t port_colon = authority.rfind(':');
    if (port_colon != std::string_view::npos && authority.find(']', port_colon) == std::string_view::npos) {
        std::string_view port = authority.substr(port_colon + 1);
        for (char c : port)
            if (!std::isdigit((unsigned char)c)) return std::nullopt;
        if (port.empty() || port.size() > 5 || (port.size() == 5 && port > "65535")) return std::nullopt;
        u.port = std::string(port);
        authority = authority.substr(0, port_colon);
    }
    if (authority.empty()) return std::nullopt;
    bool bracketed = authority.front() == '[' && authority.back() == ']';
    if (!bracketed && authority.find_first_of(":[]") != std::string_view::npos) return std::nullopt; // "::1", "a:b:80"
    u.host = lower(authority);
    if ((u.scheme == "https" && u.port == "443") || (u.scheme == "http" && u.port == "80")) u.port.clear();
    size_t hash = rest.find('#');
    if (hash != std::string_view::npos) rest = rest.substr(0, hash);
    size_t q = rest.find('?');
    u.path = std::string(rest.substr(0, q));
    if (q != std::string_view::npos) u.query = std::string(rest.substr(q + 1));
    return u;
}

bool is_loopback(const Url& url) {
    // 127.0.0.0/8 as a dotted address: a name like "127.0.0.1.evil.com" is not loopback.
    bool ipv4 = url.host.rfind("127.", 0) == 0 && url.host.find_first_not_of("0123456789.") == std::string::npos;
    return url.host == "localhost" || url.host == "[::1]" || ipv4;
}

bool is_trusted_transport(const Url& url) {
    return url.scheme == "https" || (url.scheme == "http" && is_loopback(url));
}

std::string image_url(std::string_view text) {
    auto url = parse_url(text);
    return url && is_trusted_transport(*url) ? std::string(text) : std::string();
}

std::string pct_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += (char)c;
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string query_string(const std::vector<std::pair<std::string, std::string>>& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (value.empty()) continue;
        out += out.empty() ? "?" : "&";
        out += pct_encode(name) + "=" + pct_encode(value);
    }
    return out;
}

std::string query_param(std::string_view query, std::string_view name) {
    while (!query.empty()) {
        size_t amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        size_t eq = pair.find('=');
        if (pct_decode(pair.substr(0, eq)) == name)
            return eq == std::string_view::npos ? std::string() : pct_decode(pair.substr(eq + 1));
        if (amp == std::string_view::npos) break;
        query = query.substr(amp + 1);
    }
    return {};
}

} // namespace amp
