#include "core/text.h"

namespace amp {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// The length of the well-formed sequence at s[i], or 0 with `bad` set to the length of its maximal
// ill-formed subpart (at least 1).
size_t sequence_at(std::string_view s, size_t i, size_t& bad) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) return 1;
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF; // the range of the second byte (narrower after some leads)
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    size_t j = 1;
    for (; j < len && i + j < s.size(); ++j) {
        unsigned char b = (unsigned char)s[i + j];
        if (b < (j == 1 ? lo : 0x80) || b > (j == 1 ? hi : 0xBF)) break;
    }
    if (len && j == len) return len;
    bad = j;
    return 0;
}

unsigned decode(std::string_view seq) {
    unsigned char c = (unsigned char)seq[0];
    if (seq.size() == 1) return c;
    unsigned cp = c & (0x7F >> seq.size());
    for (size_t k = 1; k < seq.size(); ++k) cp = cp << 6 | ((unsigned char)seq[k] & 0x3F);
    return cp;
}

bool bidi_control(unsigned cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

bool control(unsigned cp) {
    return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029;
}

} // namespace

std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0, bad = 0; i < s.size();) {
        if (size_t len = sequence_at(s, i, bad)) out.append(s.substr(i, len)), i += len;
        else out.append(kReplacement), i += bad;
    }
    return out;
}

char32_t next_code_point(std::string_view s, size_t& i) {
    size_t bad = 0, len = sequence_at(s, i, bad);
    if (!len) {
        i += bad;
        return 0xFFFD;
    }
    char32_t cp = decode(s.substr(i, len));
    i += len;
    return cp;
}

int Utf16Joiner::push(char32_t c, char32_t out[2]) {
    constexpr char32_t kReplacementChar = 0xFFFD;
    int n = 0;
    bool high = c >= 0xD800 && c <= 0xDBFF, low = c >= 0xDC00 && c <= 0xDFFF;
    if (high_ && low) {
        out[n++] = 0x10000 + ((high_ - 0xD800) << 10) + (c - 0xDC00);
        high_ = 0;
        return n;
    }
    if (high_) out[n++] = kReplacementChar, high_ = 0;
    if (high) high_ = c;
    else out[n++] = low || c > 0x10FFFF ? kReplacementChar : c;
    return n;
}

std::string shown_text(std::string_view s, size_t cap) {
    std::string out;
    bool cut = s.size() > cap;
    if (cut) s = s.substr(0, cap); // only the part that can be shown is looked at: huge text stays cheap
    out.reserve(s.size() + 3);
    for (size_t i = 0, bad = 0; i < s.size();) {
        size_t len = sequence_at(s, i, bad);
        if (!len) {
            // A sequence the cut split in two is dropped, not shown as a replacement.
            if (!(cut && i + bad == s.size())) out.append(kReplacement);
            i += bad;
            continue;
        }
        unsigned cp = decode(s.substr(i, len));
        if (control(cp)) out.append(kReplacement);
        else if (!bidi_control(cp)) out.append(s.substr(i, len));
        i += len;
    }
    if (cut) out.append("\xE2\x80\xA6"); // U+2026
    return out;
}

} // namespace amp
