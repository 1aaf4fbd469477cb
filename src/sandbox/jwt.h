// Test tokens standing in for the JWTs a builder's backend signs: HS256 with a key made per process, so
// only this sandbox can mint tokens it will accept. Claims and the 600 s limit follow Ampersand's docs.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace amp::sandbox {

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
