#include "sandbox/jwt.h"

#include "sandbox/base64.h"
#include "sandbox/random.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace amp::sandbox {

namespace {

std::string encode_part(const nlohmann::json& j) { return base64_encode(j.dump(), Base64::url); }

std::string hmac_sha256(std::string_view key, std::string_view data) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), (int)key.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
         mac, &len);
    return std::string(reinterpret_cast<char*>(mac), len);
}

// Constant time, so the time taken does not tell how much of a forged signature was right.
bool same(std::string_view a, std::string_view b) { return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0; }

} // namespace

Jwt::Jwt() : key_(random_bytes(32)) {}

std::string Jwt::mint(const TokenClaims& c) const {
    std::string signed_part = encode_part({{"alg", "HS256"}, {"typ", "JWT"}, {"kid", "sandbox"}}) + "." +
                              encode_part({{"sub", c.sub},
                                           {"groupRef", c.group_ref},
                                           {"consumerRef", c.consumer_ref},
                                           {"iat", c.iat},
                                           {"exp", c.exp}});
    return signed_part + "." + base64_encode(hmac_sha256(key_, signed_part), Base64::url);
}

std::optional<TokenClaims> Jwt::verify(std::string_view token, int64_t now) const {
    size_t first = token.find('.'), last = token.rfind('.');
    if (first == std::string_view::npos || first == last) return std::nullopt;
    std::string_view signed_part = token.substr(0, last);
    if (!same(token.substr(last + 1), base64_encode(hmac_sha256(key_, signed_part), Base64::url))) return std::nullopt;
    auto payload = base64_decode(signed_part.substr(first + 1), Base64::url);
    if (!payload) return std::nullopt;
    // The signature is ours, so the payload is what mint() wrote.
    auto j = nlohmann::json::parse(*payload);
    TokenClaims c{j["sub"], j["groupRef"], j["consumerRef"], j["iat"], j["exp"]};
    if (c.exp <= now) return std::nullopt;
    return c;
}

} // namespace amp::sandbox
