// Unpredictable bytes for ids, secrets and the token signing key.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace amp::sandbox {

std::string random_bytes(size_t n);
std::string random_hex(size_t bytes);  // 2 * bytes lower-case hex digits
std::string random_digits(size_t n);   // never starts with 0, so it reads as a number
std::string hex(std::string_view bytes);

} // namespace amp::sandbox
