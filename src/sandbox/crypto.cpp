#include "sandbox/crypto.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <stdexcept>

namespace amp::sandbox {

namespace {

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes_of(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

// OpenSSL knows only the standard alphabet; the URL one differs in two characters (RFC 4648, section 5).
void to_alphabet(std::string& text, Base64 from, Base64 to) {
    if (from == to) return;
    bool to_url = to == Base64::url;
    std::ranges::replace(text, to_url ? '+' : '-', to_url ? '-' : '+');
    std::ranges::replace(text, to_url ? '/' : '_', to_url ? '_' : '/');
}

bool in_alphabet(char c, Base64 alphabet) {
    bool url = alphabet == Base64::url;
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == (url ? '-' : '+') ||
           c == (url ? '_' : '/');
}

// Constant time, so the time taken does not tell how much of a forged signature or verifier was right.
bool same(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string sha256(std::string_view data) {
    std::string digest(EVP_MAX_MD_SIZE, '\0');
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), bytes_of(digest), &len, EVP_sha256(), nullptr);
    digest.resize(len);
    return digest;
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
    std::string mac(EVP_MAX_MD_SIZE, '\0');
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), (int)key.size(), bytes_of(data), data.size(), bytes_of(mac), &len);
    mac.resize(len);
    return mac;
}

std::string encode_part(const nlohmann::json& j) { return base64_encode(j.dump(), Base64::url); }

} // namespace

std::string base64_encode(std::string_view bytes, Base64 alphabet) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0'); // EVP_EncodeBlock ends the text with a NUL
    out.resize(EVP_EncodeBlock(bytes_of(out), bytes_of(bytes), (int)bytes.size()));
    if (alphabet == Base64::url) {
        while (!out.empty() && out.back() == '=') out.pop_back();
        to_alphabet(out, Base64::standard, Base64::url);
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text, Base64 alphabet) {
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    // Checked here, because EVP_DecodeBlock would pass white space at either end and '=' within.
    if (!std::ranges::all_of(text, [alphabet](char c) { return in_alphabet(c, alphabet); })) return std::nullopt;
    std::string standard(text);
    to_alphabet(standard, alphabet, Base64::standard);
    size_t padding = (4 - standard.size() % 4) % 4; // EVP_DecodeBlock takes whole groups of four only
    standard.append(padding, '=');
    std::string out(standard.size() / 4 * 3, '\0');
    int len = EVP_DecodeBlock(bytes_of(out), bytes_of(standard), (int)standard.size());
    if (len < 0) return std::nullopt;
    out.resize(len - padding); // it counts a byte for each '=', as if it were a zero
    return out;
}

std::string random_bytes(size_t n) {
    std::string out(n, '\0');
    if (n && RAND_bytes(bytes_of(out), (int)n) != 1) throw std::runtime_error("no random bytes from OpenSSL");
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

std::string pkce_verifier() { return random_hex(32); }

std::string pkce_challenge(std::string_view verifier) { return base64_encode(sha256(verifier), Base64::url); }

bool pkce_matches(std::string_view verifier, std::string_view challenge) {
    return !challenge.empty() && same(pkce_challenge(verifier), challenge);
}

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
