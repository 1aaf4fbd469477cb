// The sandbox's cryptography, all of it on OpenSSL (which cpp-httplib links already), so that the sandbox
// carries none of its own: Base64, random bytes, PKCE (RFC 7636) and the HS256 tokens it mints.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace amp::sandbox {

// Base64 (RFC 4648): the URL-safe unpadded form for JWTs and PKCE, the standard padded form for HTTP Basic
// credentials. Decoding takes padding or none, and refuses any character outside the alphabet.
enum class Base64 { standard, url };
std::string base64_encode(std::string_view bytes, Base64 alphabet);
std::optional<std::string> base64_decode(std::string_view text, Base64 alphabet);

// Unpredictable bytes for ids, secrets and the token signing key.
std::string random_bytes(size_t n);
std::string random_hex(size_t bytes); // 2 * bytes lower-case hex digits
std::string random_digits(size_t n);  // never starts with 0, so it reads as a number
std::string hex(std::string_view bytes);

// PKCE as Ampersand runs it for authorizationCodePKCE providers: its backend makes the verifier, puts the
// S256 challenge in the sign-in URL and sends the verifier with the code; the provider checks that they
// match. The widget takes no part (Ampersand builds the URL), so the sandbox plays both sides.
std::string pkce_verifier();                           // 64 unreserved characters (43 to 128 allowed)
std::string pkce_challenge(std::string_view verifier); // BASE64URL(SHA256(verifier)), unpadded
bool pkce_matches(std::string_view verifier, std::string_view challenge);

// Test tokens standing in for the JWTs a builder's backend signs: HS256 with a key made per process, so
// only this sandbox can mint tokens it will accept. Claims and the 600 s limit follow Ampersand's docs.
constexpr int64_t max_token_ttl = 600;

struct TokenClaims {
    std::string sub, group_ref, consumer_ref;
    int64_t iat = 0, exp = 0;
};

class Jwt {
public:
    Jwt();
    std::string mint(const TokenClaims& claims) const;
    // The claims when the signature is ours and exp is still ahead of now.
    std::optional<TokenClaims> verify(std::string_view token, int64_t now) const;

private:
    std::string key_;
};

} // namespace amp::sandbox
