// Base64 (RFC 4648): the URL-safe unpadded form for JWTs, the standard form for HTTP Basic credentials.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace amp::sandbox {

enum class Base64 { standard, url };

std::string base64_encode(std::string_view bytes, Base64 alphabet);
std::optional<std::string> base64_decode(std::string_view text, Base64 alphabet); // padding optional

} // namespace amp::sandbox
