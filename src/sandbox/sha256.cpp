#include "sandbox/sha256.h"

#include <array>
#include <cmath>
#include <cstdint>

namespace amp::sandbox {

namespace {

using Words = std::array<uint32_t, 64>;

// The standard's constants are the first 32 fractional bits of roots of the first primes; computing
// them avoids a hand-typed table (the tests check the result against published digests).
struct Constants {
    Words k{};
    std::array<uint32_t, 8> h{};
    Constants() {
        int found = 0;
        for (int n = 2; found < 64; ++n) {
            bool prime = true;
            for (int d = 2; d * d <= n; ++d) prime = prime && n % d != 0;
            if (!prime) continue;
            auto frac = [](long double x) { return (uint32_t)((x - std::floor(x)) * 4294967296.0L); };
            if (found < 8) h[found] = frac(std::sqrt((long double)n));
            k[found++] = frac(std::cbrt((long double)n));
        }
    }
};

const Constants& constants() {
    static const Constants c;
    return c;
}

uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void compress(std::array<uint32_t, 8>& state, const unsigned char* block) {
    const Words& k = constants().k;
    Words w{};
    for (int i = 0; i < 16; ++i)
        w[i] = (uint32_t)block[4 * i] << 24 | (uint32_t)block[4 * i + 1] << 16 | (uint32_t)block[4 * i + 2] << 8 | block[4 * i + 3];
    for (int i = 16; i < 64; ++i) {
        uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    auto v = state;
    for (int i = 0; i < 64; ++i) {
        uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
        uint32_t choice = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint32_t t1 = v[7] + s1 + choice + k[i] + w[i];
        uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
        uint32_t majority = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        for (int j = 7; j > 0; --j) v[j] = v[j - 1];
        v[4] += t1;
        v[0] = t1 + s0 + majority;
    }
    for (int i = 0; i < 8; ++i) state[i] += v[i];
}

} // namespace

std::string sha256(std::string_view data) {
    auto state = constants().h;
    std::string padded(data);
    padded += '\x80';
    while (padded.size() % 64 != 56) padded += '\0';
    uint64_t bits = (uint64_t)data.size() * 8;
    for (int i = 7; i >= 0; --i) padded += (char)(bits >> (8 * i));
    for (size_t i = 0; i < padded.size(); i += 64) compress(state, (const unsigned char*)padded.data() + i);
    std::string out;
    for (uint32_t word : state)
        for (int i = 3; i >= 0; --i) out += (char)(word >> (8 * i));
    return out;
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
    std::string k = key.size() > 64 ? sha256(key) : std::string(key);
    k.resize(64, '\0');
    std::string inner = k, outer = k;
    for (size_t i = 0; i < 64; ++i) {
        inner[i] ^= 0x36;
        outer[i] ^= 0x5c;
    }
    return sha256(outer + sha256(inner + std::string(data)));
}

} // namespace amp::sandbox
