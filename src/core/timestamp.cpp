#include "core/timestamp.h"

#include <cctype>

namespace amp {

namespace {

// Reads exactly n digits at s[i], moving i past them.
bool digits(std::string_view s, size_t& i, int n, int& out) {
    out = 0;
    for (int k = 0; k < n; ++k, ++i) {
        if (i >= s.size() || !std::isdigit((unsigned char)s[i])) return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

bool expect(std::string_view s, size_t& i, char c) {
    if (i >= s.size() || std::toupper((unsigned char)s[i]) != c) return false;
    ++i;
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

} // namespace

std::optional<long long> epoch_ms(std::string_view s) {
    size_t i = 0;
    int y, mo, d, h, mi, sec;
    if (!digits(s, i, 4, y) || !expect(s, i, '-') || !digits(s, i, 2, mo) || !expect(s, i, '-') ||
        !digits(s, i, 2, d) || !expect(s, i, 'T') || !digits(s, i, 2, h) || !expect(s, i, ':') ||
        !digits(s, i, 2, mi) || !expect(s, i, ':') || !digits(s, i, 2, sec))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
    long long ms = 0;
    if (i < s.size() && s[i] == '.') { // fractional seconds: milliseconds kept, the rest dropped
        ++i;
        int place = 100, count = 0;
        for (; i < s.size() && std::isdigit((unsigned char)s[i]); ++i, ++count, place /= 10) ms += (s[i] - '0') * place;
        if (count == 0) return std::nullopt;
    }
    long long offset_min = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) ++i;
    else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        int sign = s[i] == '-' ? -1 : 1, oh, om;
        ++i;
        if (!digits(s, i, 2, oh) || !expect(s, i, ':') || !digits(s, i, 2, om)) return std::nullopt;
        offset_min = sign * (oh * 60 + om);
    } else return std::nullopt;
    if (i != s.size()) return std::nullopt;
    long long secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset_min * 60;
    return secs * 1000 + ms;
}

bool not_before(std::string_view t, std::string_view floor) {
    auto a = epoch_ms(t), b = epoch_ms(floor);
    return !a || !b || *a >= *b;
}

} // namespace amp
