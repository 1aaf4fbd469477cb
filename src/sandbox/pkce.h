// PKCE (RFC 7636) as Ampersand runs it for authorizationCodePKCE providers: its backend makes the verifier,
// puts the S256 challenge in the sign-in URL and sends the verifier with the code; the provider checks that
// they match. The widget takes no part (Ampersand builds the URL), so the sandbox plays both sides.
#pragma once
#include <string>
#include <string_view>

namespace amp::sandbox {

std::string pkce_verifier();                               // 64 unreserved characters (43 to 128 allowed)
std::string pkce_challenge(std::string_view verifier);     // BASE64URL(SHA256(verifier)), unpadded
bool pkce_matches(std::string_view verifier, std::string_view challenge);

} // namespace amp::sandbox
