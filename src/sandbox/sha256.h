// SHA-256 and HMAC-SHA-256 (FIPS 180-4, RFC 2104), for signing the sandbox's test tokens.
// Written here because the sandbox links no crypto library of its own.
#pragma once
#include <string>
#include <string_view>

namespace amp::sandbox {

std::string sha256(std::string_view data);                              // 32 raw bytes
std::string hmac_sha256(std::string_view key, std::string_view data); // 32 raw bytes

} // namespace amp::sandbox
