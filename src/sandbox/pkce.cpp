#include "sandbox/pkce.h"

#include "sandbox/base64.h"
#include "sandbox/random.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace amp::sandbox {

std::string pkce_verifier() { return random_hex(32); }

std::string pkce_challenge(std::string_view verifier) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(verifier.data(), verifier.size(), digest, &len, EVP_sha256(), nullptr);
    return base64_encode(std::string_view(reinterpret_cast<char*>(digest), len), Base64::url);
}

// Constant time, as a provider compares them.
bool pkce_matches(std::string_view verifier, std::string_view challenge) {
    std::string want = pkce_challenge(verifier);
    return !challenge.empty() && want.size() == challenge.size() && CRYPTO_memcmp(want.data(), challenge.data(), want.size()) == 0;
}

} // namespace amp::sandbox
