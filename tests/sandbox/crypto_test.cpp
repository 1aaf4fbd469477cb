// The sandbox's own SHA-256, HMAC, Base64 and JWT code against published vectors.
#include "sandbox/base64.h"
#include "sandbox/jwt.h"
#include "sandbox/random.h"
#include "sandbox/sha256.h"

#include <catch2/catch.hpp>

using namespace amp::sandbox;

TEST_CASE("sandbox SHA-256 matches FIPS 180-4 examples", "[sandbox]") {
    CHECK(hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(hex(sha256(std::string(1000000, 'a'))) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sandbox HMAC-SHA-256 matches RFC 4231", "[sandbox]") {
    CHECK(hex(hmac_sha256(std::string(20, '\x0b'), "Hi There")) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    CHECK(hex(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(hex(hmac_sha256(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")) ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

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
