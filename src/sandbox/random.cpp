#include "sandbox/random.h"

#include <mutex>
#include <random>

namespace amp::sandbox {

// std::random_device reads the kernel's generator on Linux. That is strong enough for a development
// stand-in, and it needs no library beyond the ones this target already links.
std::string random_bytes(size_t n) {
    static std::mutex m;
    static std::random_device device;
    std::lock_guard lock(m);
    std::string out(n, '\0');
    for (char& c : out) c = (char)(device() & 0xff);
    return out;
}

std::string hex(std::string_view bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::string random_hex(size_t bytes) { return hex(random_bytes(bytes)); }

std::string random_digits(size_t n) {
    std::string out;
    for (unsigned char c : random_bytes(n)) out += (char)('0' + c % 10);
    if (!out.empty() && out[0] == '0') out[0] = '1';
    return out;
}

} // namespace amp::sandbox
