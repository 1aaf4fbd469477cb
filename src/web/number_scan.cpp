// strtod and sscanf for the widget's wasm, in place of musl's (our definitions win over the libc archive).
// musl reads numbers with __floatscan, which computes in 128-bit long double: with the soft-float helpers
// it costs about 15 KB of code, for nlohmann's number parsing (strtod on a token it has already checked)
// and a few ImGui sscanf calls ("#version %d" in the OpenGL backend; the .ini readers, which never run
// because io.IniFilename is null). Here a decimal number's span is found in C++ and converted by the
// browser's Number(), which rounds to the nearest double as strtod does.
// Limits, on purpose: no hexadecimal floats (C89 strtod: "0x1p3" reads as 0), no locale, and sscanf
// knows d i u o x X c s n f e g a and %%; a scan set (%[...]) or %p ends the scan like a mismatch.
#include <emscripten.h>

#include <cctype>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// The characters are ASCII digits, signs, '.', 'e' and letters of inf/nan, so no UTF-8 decoding is needed.
EM_JS(double, amp_decimal_value, (const char* s, int n), {
    let t = "";
    for (let i = 0; i < n; i++) t += String.fromCharCode(HEAPU8[s + i]);
    return Number(t);
});

namespace {

bool starts_with_word(const char* s, std::size_t max, const char* word, std::size_t& n) {
    std::size_t i = 0;
    for (; word[i]; i++)
        if (i >= max || std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
    n = i;
    return true;
}

// The length of the longest prefix of s (at most max characters) that strtod reads as a number, 0 if none.
std::size_t number_span(const char* s, std::size_t max) {
    std::size_t i = 0;
    if (i < max && (s[i] == '+' || s[i] == '-')) i++;
    std::size_t word = 0;
    if (starts_with_word(s + i, max - i, "infinity", word) || starts_with_word(s + i, max - i, "inf", word) ||
        starts_with_word(s + i, max - i, "nan", word))
        return i + word;
    std::size_t digits = 0;
    while (i < max && std::isdigit(static_cast<unsigned char>(s[i]))) i++, digits++;
    if (i < max && s[i] == '.') {
        i++;
        while (i < max && std::isdigit(static_cast<unsigned char>(s[i]))) i++, digits++;
    }
    if (!digits) return 0;
    if (i < max && (s[i] == 'e' || s[i] == 'E')) { // an exponent counts only with a digit
        std::size_t j = i + 1;
        if (j < max && (s[j] == '+' || s[j] == '-')) j++;
        if (j < max && std::isdigit(static_cast<unsigned char>(s[j]))) {
            while (j < max && std::isdigit(static_cast<unsigned char>(s[j]))) j++;
            i = j;
        }
    }
    return i;
}

double number_value(const char* s, std::size_t n) {
    double sign = *s == '-' ? -1 : 1;
    const char* word = s + (*s == '-' || *s == '+');
    if (*word == 'i' || *word == 'I') return sign * HUGE_VAL; // Number() knows only "Infinity"
    if (*word == 'n' || *word == 'N') return std::copysign(NAN, sign);
    double v = amp_decimal_value(s, static_cast<int>(n));
    bool nonzero_digit = false;
    for (std::size_t i = 0; i < n; i++) nonzero_digit |= s[i] >= '1' && s[i] <= '9';
    if (std::isinf(v) || (std::fabs(v) < DBL_MIN && nonzero_digit)) errno = ERANGE; // as musl
    return v;
}

const char* skip_space(const char* s) {
    while (std::isspace(static_cast<unsigned char>(*s))) s++;
    return s;
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// An integer as sscanf reads it (base 0: prefix decides, as for %i); false when no digit was read.
bool scan_integer(const char*& s, std::size_t width, int base, std::uint64_t& out) {
    const char* p = s;
    std::size_t left = width;
    bool negative = false;
    if (left && (*p == '+' || *p == '-')) negative = *p++ == '-', left--;
    if ((base == 0 || base == 16) && left > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
        digit_value(p[2]) < 16)
        p += 2, left -= 2, base = 16;
    else if (base == 0)
        base = left && *p == '0' ? 8 : 10;
    std::uint64_t v = 0;
    const char* first = p;
    while (left && digit_value(*p) < base) v = v * base + digit_value(*p++), left--;
    if (p == first) return false;
    out = negative ? 0 - v : v;
    s = p;
    return true;
}

enum class Size { hh, h, normal, l, ll };

void store_integer(void* to, Size size, std::uint64_t v) {
    switch (size) {
    case Size::hh: *static_cast<signed char*>(to) = static_cast<signed char>(v); break;
    case Size::h: *static_cast<short*>(to) = static_cast<short>(v); break;
    case Size::normal: *static_cast<int*>(to) = static_cast<int>(v); break;
    case Size::l: *static_cast<long*>(to) = static_cast<long>(v); break;
    case Size::ll: *static_cast<long long*>(to) = static_cast<long long>(v); break;
    }
}

} // namespace

extern "C" double strtod(const char* s, char** end) {
    const char* p = skip_space(s);
    std::size_t n = number_span(p, SIZE_MAX);
    if (end) *end = const_cast<char*>(n ? p + n : s);
    return n ? number_value(p, n) : 0.0;
}

// libc++'s std::stof and std::stold (in the object that holds std::to_string) name these two, which live in
// one libc object with strtod; defining them here keeps that object out. Neither is called by the widget:
// strtof rounds through double (a different float only for decimals within a hair of a halfway point), and
// long double gets the double's precision.
extern "C" float strtof(const char* s, char** end) { return static_cast<float>(strtod(s, end)); }
extern "C" long double strtold(const char* s, char** end) { return strtod(s, end); }

extern "C" int sscanf(const char* s, const char* fmt, ...) {
    std::va_list args;
    va_start(args, fmt);
    const char* const start = s;
    int assigned = 0;
    bool converted = false; // an input failure before the first conversion returns EOF
    for (; *fmt; fmt++) {
        if (std::isspace(static_cast<unsigned char>(*fmt))) {
            s = skip_space(s);
            continue;
        }
        if (*fmt != '%' || fmt[1] == '%') {
            if (*fmt == '%') fmt++, s = skip_space(s);
            if (*s != *fmt) {
                if (!*s && !converted) assigned = EOF;
                break;
            }
            s++;
            continue;
        }
        fmt++;
        bool store = *fmt != '*';
        if (!store) fmt++;
        std::size_t width = 0;
        while (std::isdigit(static_cast<unsigned char>(*fmt))) width = width * 10 + (*fmt++ - '0');
        Size size = Size::normal;
        if (fmt[0] == 'h' && fmt[1] == 'h') size = Size::hh, fmt += 2;
        else if (fmt[0] == 'l' && fmt[1] == 'l') size = Size::ll, fmt += 2;
        else if (*fmt == 'h') size = Size::h, fmt++;
        else if (*fmt == 'l' || *fmt == 'z' || *fmt == 't') size = Size::l, fmt++; // long is pointer-sized here
        else if (*fmt == 'j' || *fmt == 'L' || *fmt == 'q') size = Size::ll, fmt++;
        char conversion = *fmt;
        if (conversion == 'n') {
            if (store) store_integer(va_arg(args, void*), size, static_cast<std::uint64_t>(s - start));
            continue;
        }
        if (conversion != 'c') s = skip_space(s);
        if (!*s) {
            if (!converted) assigned = EOF;
            break;
        }
        if (!width) width = conversion == 'c' ? 1 : SIZE_MAX;
        const char* before = s;
        if (conversion == 'c' || conversion == 's') {
            char* to = store ? va_arg(args, char*) : nullptr;
            while (width-- && *s && (conversion == 'c' || !std::isspace(static_cast<unsigned char>(*s)))) {
                if (to) *to++ = *s;
                s++;
            }
            if (to && conversion == 's') *to = 0;
        } else if (conversion == 'f' || conversion == 'e' || conversion == 'g' || conversion == 'a' ||
                   conversion == 'F' || conversion == 'E' || conversion == 'G' || conversion == 'A') {
            std::size_t n = number_span(s, width);
            if (!n) break;
            double v = number_value(s, n);
            s += n;
            if (store) {
                void* to = va_arg(args, void*);
                if (size == Size::normal) *static_cast<float*>(to) = static_cast<float>(v);
                else if (size == Size::l) *static_cast<double*>(to) = v;
                else *static_cast<long double*>(to) = v;
            }
        } else {
            int base = conversion == 'd' || conversion == 'u' ? 10 : conversion == 'i' ? 0
                     : conversion == 'o' ? 8 : conversion == 'x' || conversion == 'X' ? 16 : -1;
            std::uint64_t v = 0;
            if (base < 0 || !scan_integer(s, width, base, v)) break;
            if (store) store_integer(va_arg(args, void*), size, v);
        }
        if (s == before) break;
        converted = true;
        if (store) assigned++;
    }
    va_end(args);
    return assigned;
}
