// The sandbox's cryptography (src/sandbox/crypto.h): Base64, PKCE and its JWTs, all over OpenSSL.
#include "sandbox/crypto.h"

#include <catch2/catch.hpp>

using namespace amp::sandbox;

TEST_CASE("sandbox Base64 round-trips in both alphabets", "[sandbox]") {
    struct Case {
        std::string bytes;
        Base64 alphabet;
        std::string text; // padded in the standard alphabet only
    };
    for (const auto& [bytes, alphabet, text] : {Case{"foobar", Base64::standard, "Zm9vYmFy"}, Case{"fo", Base64::standard, "Zm8="},
                                                Case{"f", Base64::standard, "Zg=="}, Case{"", Base64::standard, ""},
                                                Case{"\xfb\xff", Base64::url, "-_8"}, Case{"f", Base64::url, "Zg"},
                                                Case{"foo", Base64::url, "Zm9v"}, Case{"", Base64::url, ""}}) {
        CHECK(base64_encode(bytes, alphabet) == text);
        // OpenSSL counts a zero byte for each '=', which must not reach the result.
        CHECK(base64_decode(text, alphabet) == bytes);
    }
    CHECK(base64_decode("Zg", Base64::standard) == "f"); // padding is optional
    std::string all_bytes;
    for (int i = 0; i < 256; ++i) all_bytes += (char)i;
    for (Base64 alphabet : {Base64::standard, Base64::url})
        for (size_t n = 0; n <= all_bytes.size(); n += 37)
            CHECK(base64_decode(base64_encode(all_bytes.substr(0, n), alphabet), alphabet) == all_bytes.substr(0, n));
}

TEST_CASE("sandbox Base64 refuses what is outside its alphabet", "[sandbox]") {
    CHECK_FALSE(base64_decode("Zm8*", Base64::standard));
    CHECK_FALSE(base64_decode("+/8", Base64::url));
    CHECK_FALSE(base64_decode("-_8=", Base64::standard));
    CHECK_FALSE(base64_decode(" Zm8=", Base64::standard)); // OpenSSL alone would pass white space at the ends
    CHECK_FALSE(base64_decode("Zm8=\n", Base64::standard));
    CHECK_FALSE(base64_decode("Zm=8", Base64::standard));  // and '=' within
}

TEST_CASE("sandbox PKCE matches RFC 7636's example", "[sandbox]") {
    // Appendix B of RFC 7636: the verifier and the S256 challenge it gives.
    const std::string verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    CHECK(pkce_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    CHECK(pkce_matches(verifier, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    CHECK_FALSE(pkce_matches(verifier, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cN"));
    CHECK_FALSE(pkce_matches(verifier, ""));
    std::string fresh = pkce_verifier();
    CHECK(fresh.size() == 64);
    CHECK(pkce_matches(fresh, pkce_challenge(fresh)));
}

TEST_CASE("sandbox JWTs verify only when ours and unexpired", "[sandbox]") {
    Jwt jwt, other;
    TokenClaims c{"sub", "g", "c", 100, 700};
    std::string token = jwt.mint(c);
    auto back = jwt.verify(token, 699);
    REQUIRE(back);
    CHECK(back->group_ref == "g");
    CHECK(back->consumer_ref == "c");
    CHECK_FALSE(jwt.verify(token, 700));
    CHECK_FALSE(other.verify(token, 699));
    CHECK_FALSE(jwt.verify("a.b", 0));
}
