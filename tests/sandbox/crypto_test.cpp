// The sandbox's Base64 and its JWTs (HMAC-SHA-256 over OpenSSL).
#include "sandbox/base64.h"
#include "sandbox/jwt.h"

#include <catch2/catch.hpp>

using namespace amp::sandbox;

TEST_CASE("sandbox Base64 round-trips in both alphabets", "[sandbox]") {
    CHECK(base64_encode("foobar", Base64::standard) == "Zm9vYmFy");
    CHECK(base64_encode("fo", Base64::standard) == "Zm8=");
    CHECK(base64_encode("\xfb\xff", Base64::url) == "-_8");
    CHECK(base64_decode("Zm8=", Base64::standard) == "fo");
    CHECK(base64_decode("-_8", Base64::url) == "\xfb\xff");
    CHECK_FALSE(base64_decode("Zm8*", Base64::standard));
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
