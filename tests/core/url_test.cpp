#include <catch2/catch.hpp>

#include "core/url.h"

using namespace amp;

namespace {

Url parsed(const char* text) {
    auto u = parse_url(text);
    INFO(text);
    REQUIRE(u);
    return *u;
}

bool trusted(const char* text) {
    return is_trusted_transport(parsed(text));
}

} // namespace

TEST_CASE("parse_url splits an absolute https URL") {
    Url u = parsed("HTTPS://API.Example.COM:8443/v1/providers?x=1&y=2#frag");
    CHECK(u.scheme == "https");
    CHECK(u.host == "api.example.com");
    CHECK(u.port == "8443");
    CHECK(u.path == "/v1/providers");
    CHECK(u.query == "x=1&y=2");
}

TEST_CASE("parse_url keeps an empty path and a query without a path") {
    Url bare = parsed("https://example.com");
    CHECK(bare.path.empty());
    CHECK(bare.query.empty());
    Url q = parsed("https://example.com?a=b");
    CHECK(q.host == "example.com");
    CHECK(q.path.empty());
    CHECK(q.query == "a=b");
}

TEST_CASE("parse_url refuses what is not an absolute http(s) URL") {
    const char* refused = GENERATE("", "/v1/providers", "//example.com/x", "example.com", "javascript:alert(1)",
                                   "javascript://example.com/%0aalert(1)", "data:text/html,hi", "ftp://example.com/",
                                   "file:///etc/passwd", "https://", "https:///path", " https://example.com");
    INFO(refused);
    CHECK_FALSE(parse_url(refused));
}

TEST_CASE("parse_url refuses userinfo and odd authorities") {
    const char* refused = GENERATE("https://user:pass@example.com/", "https://good.com@evil.com/",
                                   "https://good.com\\@evil.com/", "https://exa mple.com/", "https://example.com:/",
                                   "https://example.com:80a/", "https://example.com:123456/", "https://example.com:65536/",
                                   "https://:443/");
    INFO(refused);
    CHECK_FALSE(parse_url(refused));
}

TEST_CASE("parse_url does not let a fragment or query hide the real host") {
    CHECK(parsed("https://good.com#@evil.com").host == "good.com");
    CHECK(parsed("https://good.com?@evil.com").host == "good.com");
}

TEST_CASE("parse_url drops the scheme's default port only") {
    CHECK(parsed("https://example.com:443/").port.empty());
    CHECK(parsed("http://example.com:80/").port.empty());
    CHECK(parsed("http://example.com:443/").port == "443");
    CHECK(parsed("https://example.com:80/").port == "80");
    CHECK(parsed("http://127.0.0.1:8081/v1").port == "8081");
    CHECK(parsed("http://127.0.0.1:65535/").port == "65535");
}

TEST_CASE("parse_url handles bracketed IPv6 hosts") {
    Url plain = parsed("http://[::1]/v1");
    CHECK(plain.host == "[::1]");
    CHECK(plain.port.empty());
    CHECK(plain.path == "/v1");
    Url with_port = parsed("http://[::1]:8081/v1");
    CHECK(with_port.host == "[::1]");
    CHECK(with_port.port == "8081");
}

TEST_CASE("parse_url refuses colons in a host that is not bracketed") {
    CHECK_FALSE(parse_url("http://::1/"));
    CHECK_FALSE(parse_url("https://a:b:443/"));
    CHECK_FALSE(parse_url("http://[::1/"));
    CHECK_FALSE(parse_url("http://::1]/"));
}

TEST_CASE("origin is scheme, host and any non-default port") {
    CHECK(parsed("https://API.withampersand.com:443/v1?x=1").origin() == "https://api.withampersand.com");
    CHECK(parsed("http://127.0.0.1:8081/v1").origin() == "http://127.0.0.1:8081");
    CHECK(parsed("http://[::1]:9000").origin() == "http://[::1]:9000");
}

TEST_CASE("is_trusted_transport allows https anywhere") {
    CHECK(trusted("https://api.withampersand.com/v1"));
    CHECK(trusted("https://10.0.0.5:8443/"));
}

TEST_CASE("is_trusted_transport allows http only on loopback") {
    CHECK(trusted("http://localhost:8081/"));
    CHECK(trusted("http://127.0.0.1:8081/"));
    CHECK(trusted("http://127.1.2.3/"));
    CHECK(trusted("http://[::1]:8081/"));
    CHECK_FALSE(trusted("http://api.withampersand.com/v1"));
    CHECK_FALSE(trusted("http://10.0.0.5/"));
    CHECK_FALSE(trusted("http://localhost.evil.com/"));
}

TEST_CASE("a host name that merely starts with 127. is not loopback") {
    CHECK_FALSE(trusted("http://127.evil.com/"));
    CHECK_FALSE(trusted("http://127.0.0.1.evil.com/"));
    CHECK_FALSE(is_loopback(parsed("http://127.0.0.1.nip.io/")));
}

TEST_CASE("image_url keeps a picture's address only over a trusted transport") {
    CHECK(image_url("https://res.cloudinary.com/x/media/salesforce.svg") == "https://res.cloudinary.com/x/media/salesforce.svg");
    CHECK(image_url("http://127.0.0.1:8081/icon.png") == "http://127.0.0.1:8081/icon.png");
    CHECK(image_url("http://images.example.com/icon.png").empty());
    CHECK(image_url("data:image/svg+xml,<svg/>").empty());
    CHECK(image_url("javascript:alert(1)").empty());
    CHECK(image_url("/relative/icon.png").empty());
    CHECK(image_url("").empty());
}

TEST_CASE("pct_encode keeps unreserved characters and encodes the rest") {
    CHECK(pct_encode("AZaz09-._~") == "AZaz09-._~");
    CHECK(pct_encode("my project") == "my%20project");
    CHECK(pct_encode("a/b?c=d&e#f") == "a%2Fb%3Fc%3Dd%26e%23f");
    CHECK(pct_encode("+%") == "%2B%25");
    CHECK(pct_encode("\xC3\xA9") == "%C3%A9");
    CHECK(pct_encode("").empty());
}

TEST_CASE("query_string encodes pairs and skips empty values") {
    CHECK(query_string({}).empty());
    CHECK(query_string({{"a", ""}, {"b", ""}}).empty());
    CHECK(query_string({{"provider", "pinterest"}, {"groupRef", "team a&b"}}) ==
          "?provider=pinterest&groupRef=team%20a%26b");
    CHECK(query_string({{"empty", ""}, {"x", "1"}}) == "?x=1");
    CHECK(query_string({{"x", "1"}, {"empty", ""}, {"y", "2"}}) == "?x=1&y=2");
}

TEST_CASE("query_param finds and decodes a value") {
    const char* q = "code=abc%2F123&state=s+t%20u&flag&redirect_uri=https%3A%2F%2Fx.test%2Fcb";
    CHECK(query_param(q, "code") == "abc/123");
    CHECK(query_param(q, "state") == "s t u");
    CHECK(query_param(q, "redirect_uri") == "https://x.test/cb");
    CHECK(query_param(q, "flag").empty());
    CHECK(query_param(q, "missing").empty());
    CHECK(query_param("", "code").empty());
}

TEST_CASE("query_param decodes names and takes the first match") {
    CHECK(query_param("group%20ref=a&group ref=b", "group ref") == "a");
    CHECK(query_param("x=1&x=2", "x") == "1");
    CHECK(query_param("xy=1&x=2", "x") == "2");
}

TEST_CASE("query_param leaves broken escapes as they are") {
    CHECK(query_param("a=100%", "a") == "100%");
    CHECK(query_param("a=%zz", "a") == "%zz");
    CHECK(query_param("a=%4", "a") == "%4");
    CHECK(query_param("a=%41", "a") == "A");
}
