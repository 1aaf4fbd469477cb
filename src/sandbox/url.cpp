#include "sandbox/url.h"

#include <cctype>

namespace amp::sandbox {

std::string pct_encode(std::string_view s) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += (char)c;
        else out += {'%', digits[c >> 4], digits[c & 15]};
    }
    return out;
}

std::string with_query(const std::string& url, const QueryParams& params) {
    std::string out = url;
    char sep = url.find('?') == std::string::npos ? '?' : '&';
    for (const auto& [name, value] : params) {
        out += sep + pct_encode(name) + "=" + pct_encode(value);
        sep = '&';
    }
    return out;
}

} // namespace amp::sandbox
