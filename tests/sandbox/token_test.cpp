// End-user tokens: minted by /__sandbox/token, accepted as Bearer until they expire.
#include "running_sandbox.h"

#include "sandbox/crypto.h"

#include <catch2/catch.hpp>

using namespace amp::sandbox;
using namespace amp::sandbox::test;
using nlohmann::json;

namespace {

std::string mint(const RunningSandbox& s, const json& body) {
    auto c = s.anonymous_api();
    return json_of(post_json(c, "/__sandbox/token", body))["token"];
}

httplib::Client bearer(const RunningSandbox& s, const std::string& token) {
    httplib::Client c(s.urls().api);
    c.set_default_headers({{"Authorization", "Bearer " + token}});
    return c;
}

} // namespace

TEST_CASE("sandbox tokens carry the documented claims and work as Bearer", "[sandbox]") {
    RunningSandbox s;
    std::string token = mint(s, {{"groupRef", "g1"}, {"consumerRef", "c1"}, {"ttl", 60}});
    std::string payload = token.substr(token.find('.') + 1, token.rfind('.') - token.find('.') - 1);
    auto claims = json::parse(*base64_decode(payload, Base64::url));
    CHECK(claims["groupRef"] == "g1");
    CHECK(claims["consumerRef"] == "c1");
    CHECK(claims["sub"].is_string());
    CHECK(claims["exp"].get<int64_t>() - claims["iat"].get<int64_t>() == 60);

    auto c = bearer(s, token);
    CHECK(c.Get("/v1/projects/demo/connections")->status == 200);

    std::string tampered = token;
    tampered[tampered.size() - 2] = tampered[tampered.size() - 2] == 'A' ? 'B' : 'A';
    CHECK(bearer(s, tampered).Get("/v1/projects/demo/connections")->status == 401);
    CHECK(bearer(s, "not.a.token").Get("/v1/projects/demo/connections")->status == 401);
}

TEST_CASE("sandbox tokens expire on the sandbox clock", "[sandbox]") {
    RunningSandbox s; // deterministic: the clock moves one second per stored change
    std::string token = mint(s, {{"groupRef", "g1"}, {"consumerRef", "c1"}, {"ttl", 1}});
    auto c = bearer(s, token);
    CHECK(c.Get("/v1/projects/demo/connections")->status == 200);
    s.create_app();
    CHECK_THAT(problem_of(c.Get("/v1/projects/demo/connections"), 401)["detail"].get<std::string>(), Catch::Contains("expired"));
}

TEST_CASE("sandbox token requests are validated and bound to their group and consumer", "[sandbox]") {
    RunningSandbox s;
    auto admin = s.anonymous_api();
    auto too_long = post_json(admin, "/__sandbox/token", {{"groupRef", "g1"}, {"consumerRef", "c1"}, {"ttl", 601}});
    CHECK(problem_of(too_long, 422)["issues"][0]["name"] == "ttl");
    CHECK(post_json(admin, "/__sandbox/token", {{"groupRef", "g1"}})->status == 422);

    s.create_app();
    auto c = bearer(s, mint(s, {{"groupRef", "g1"}, {"consumerRef", "c1"}}));
    json connect = {{"projectIdOrName", "demo"}, {"provider", "pinterest"}, {"groupRef", "g1"}, {"consumerRef", "c1"}};
    CHECK(post_json(c, "/v1/oauth-connect", connect)->status == 200);
    connect["groupRef"] = "g2";
    CHECK(post_json(c, "/v1/oauth-connect", connect)->status == 403);

    // Provider apps are the builder's: a consumer token may not write them unless the switch allows it.
    json app = {{"provider", "pinterest"}, {"clientId", "1"}, {"clientSecret", "x"}};
    auto refused = post_json(c, "/v1/projects/demo/provider-apps", app);
    CHECK(problem_of(refused, 403)["detail"] == "A consumer token may not change provider apps.");
    CHECK(json_of(s.api().Get("/v1/projects/demo/provider-apps")).size() == 1); // only the app the key made
    s.set_switches({{"tokensManageProviderApps", true}});
    CHECK(post_json(c, "/v1/projects/demo/provider-apps", app)->status == 200);
}
