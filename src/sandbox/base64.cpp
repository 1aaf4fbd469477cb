#include "sandbox/base64.h"

#include <cstdint>

namespace amp::sandbox {

namespace {

const char* alphabet_of(Base64 a) {
    return a == Base64::url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                            : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

} // namespace

std::string base64_encode(std::string_view bytes, Base64 alphabet) {
    const char* chars = alphabet_of(alphabet);
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) out += chars[(buffer >> (bits -= 6)) & 63];
    }
    if (bits > 0) out += chars[(buffer << (6 - bits)) & 63];
    if (alphabet == Base64::standard)
        while (out.size() % 4) out += '=';
    return out;
}

std::optional<std::string> base64_decode(std::string_view text, Base64 alphabet) {
    std::string_view chars = alphabet_of(alphabet);
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        size_t v = chars.find(c);
        if (v == std::string_view::npos) return std::nullopt;
        buffer = (buffer << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) out += (char)((buffer >> (bits -= 8)) & 0xff);
    }
    return out;
}

} // namespace amp::sandbox
