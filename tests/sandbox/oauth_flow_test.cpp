// The OAuth path end to end: oauth-connect, the Pinterest stand-in's consent, the callback, connections.
#include "running_sandbox.h"

#include "core/url.h"

#include <catch2/catch.hpp>

using namespace amp::sandbox;
using namespace amp::sandbox::test;
using nlohmann::json;

namespace {

// Connects through consent and callback and answers the callback page.
httplib::Result connect(const RunningSandbox& s, const json& overrides = json::object()) {
    auto redirect = decide(s, s.consent_url(overrides), "approve");
    REQUIRE(redirect.status == 302);
    return follow_to_callback(s, redirect.location);
}

} // namespace

TEST_CASE("sandbox oauth-connect answers the consent URL as text/plain", "[sandbox]") {
    RunningSandbox s;
    auto app = s.create_app();
    std::string url = s.consent_url();
    CHECK(url.rfind(s.urls().consent + "/oauth/?", 0) == 0);
    CHECK(param(url, "client_id") == app["clientId"]);
    CHECK(param(url, "redirect_uri") == s.urls().api + "/callbacks/v1/oauth");
    CHECK(url.find("redirect_uri=http%3A%2F%2F127.0.0.1%3A") != std::string::npos);
    CHECK(param(url, "response_type") == "code");
    CHECK(param(url, "scope") == "pins:read,boards:read");
    CHECK(param(url, "state") == "00000000000000000000000000000001");

    auto c = s.api();
    auto r = post_json(c, "/v1/oauth-connect", {{"projectIdOrName", "demo"}, {"provider", "pinterest"}, {"groupRef", "g"}, {"consumerRef", "c"}});
    REQUIRE(r);
    CHECK(r->get_header_value("Content-Type") == "text/plain");
    CHECK(r->body.front() != '"');

    s.set_switches({{"scopeSeparator", " "}});
    CHECK(param(s.consent_url(), "scope") == "pins:read boards:read");
}

TEST_CASE("sandbox oauth-connect validates its body", "[sandbox]") {
    RunningSandbox s;
    auto c = s.api();
    auto missing = post_json(c, "/v1/oauth-connect", {{"provider", "pinterest"}});
    auto names = problem_of(missing, 400)["issues"];
    CHECK(names.size() == 3);
    CHECK(names[0]["name"] == "projectIdOrName");

    auto no_app = post_json(c, "/v1/oauth-connect", {{"projectIdOrName", "demo"}, {"provider", "pinterest"}, {"groupRef", "g"}, {"consumerRef", "c"}});
    CHECK_THAT(problem_of(no_app, 422)["detail"].get<std::string>(), Catch::Contains("No provider app"));

    s.create_app();
    auto legacy = post_json(c, "/v1/oauth-connect", {{"projectId", "5d1b7a40-6c2e-4f8a-9b3d-0e7f2a4c8d16"}, {"provider", "pinterest"}, {"groupRef", "g"}, {"consumerRef", "c"}});
    REQUIRE(legacy);
    CHECK(legacy->status == 200);
    s.set_switches({{"acceptLegacyProjectId", false}});
    CHECK(post_json(c, "/v1/oauth-connect", {{"projectId", "demo"}, {"provider", "pinterest"}, {"groupRef", "g"}, {"consumerRef", "c"}})->status == 400);

    auto wrong_app = post_json(c, "/v1/oauth-connect", {{"projectIdOrName", "demo"}, {"provider", "pinterest"}, {"groupRef", "g"}, {"consumerRef", "c"}, {"providerAppId", "nope"}});
    problem_of(wrong_app, 400);
}

TEST_CASE("sandbox consent and callback create a connection and tell the opener", "[sandbox]") {
    RunningSandbox s;
    auto app = s.create_app();
    std::string url = s.consent_url({{"groupName", "Group One"}});
    auto page = s.consent().Get(consent_target(url).c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find(">Approve</button>") != std::string::npos);
    CHECK(page->body.find(">Deny</button>") != std::string::npos);
    CHECK(page->body.find("<code>pins:read</code>") != std::string::npos);
    CHECK_FALSE(page->has_header("Cross-Origin-Opener-Policy"));

    auto redirect = decide(s, url, "approve");
    CHECK(redirect.status == 302);
    CHECK(redirect.location.rfind(s.urls().api + "/callbacks/v1/oauth?code=", 0) == 0);
    CHECK(param(redirect.location, "state") == param(url, "state"));

    auto done = follow_to_callback(s, redirect.location);
    REQUIRE(done);
    CHECK(done->status == 200);
    CHECK(done->body.find(R"({"data":{"connection":"00000000-0000-4000-8000-000000000002"},"eventType":"AUTHORIZATION_SUCCEEDED"})") != std::string::npos);
    CHECK(done->body.find("window.opener.postMessage(message, '*')") != std::string::npos);
    CHECK(done->body.find("window.close()") != std::string::npos);
    CHECK(done->body.find("You can close this window") != std::string::npos);
    CHECK(done->body.find("Sign-in attempt 1") != std::string::npos);

    auto c = s.api();
    auto list = json_of(c.Get("/v1/projects/demo/connections?provider=pinterest&groupRef=g1"));
    REQUIRE(list.size() == 1);
    auto conn = list[0];
    CHECK(conn["id"] == "00000000-0000-4000-8000-000000000002");
    CHECK(conn["group"]["groupRef"] == "g1");
    CHECK(conn["group"]["groupName"] == "Group One");
    CHECK(conn["consumer"]["consumerName"] == "c1");
    CHECK(conn["providerApp"]["id"] == app["id"]);
    CHECK_FALSE(conn["providerApp"].contains("clientSecret"));
    CHECK(conn["authScheme"] == "oauth2/authorizationCode");
    CHECK(conn["status"] == "created");
    CHECK(conn["createTime"] == "2026-01-01T00:00:01Z");
    CHECK_FALSE(conn.contains("oauth2AuthorizationCode")); // credentials only when asked for
    CHECK(json_of(c.Get("/v1/projects/demo/connections?groupRef=other")) == json::array());
    const char* one = "/v1/projects/demo/connections/00000000-0000-4000-8000-000000000002";
    CHECK(json_of(c.Get(one)) == conn);
    CHECK(json_of(c.Get(std::string(one) + "?includeCreds=false")) == conn);
    json with_creds = json_of(c.Get(std::string(one) + "?includeCreds=true"));
    CHECK(with_creds["oauth2AuthorizationCode"] == json{{"scopes", {"pins:read", "boards:read"}}});

    // The state is single use.
    auto again = follow_to_callback(s, redirect.location);
    REQUIRE(again);
    CHECK(again->body.find("AUTHORIZATION_FAILED") != std::string::npos);

    // Connecting the same group and consumer again updates the connection.
    auto second = connect(s, {{"groupName", "Renamed"}});
    CHECK(second->body.find("00000000-0000-4000-8000-000000000002") != std::string::npos);
    auto updated = json_of(c.Get("/v1/projects/demo/connections"));
    REQUIRE(updated.size() == 1);
    CHECK(updated[0]["createTime"] == conn["createTime"]);
    CHECK(updated[0]["updateTime"].is_string());
    CHECK(updated[0]["group"]["groupName"] == "Renamed");
    CHECK(updated[0]["group"]["createTime"] == conn["group"]["createTime"]);

    // Signing in again through the connection's :oauth-update also keeps its id.
    auto reauth = c.Patch("/v1/projects/demo/connections/00000000-0000-4000-8000-000000000002:oauth-update");
    REQUIRE(reauth);
    CHECK(reauth->status == 200);
    CHECK(reauth->get_header_value("Content-Type") == "text/plain");
    CHECK(param(reauth->body, "client_id") == app["clientId"]);
    auto reauthed = follow_to_callback(s, decide(s, reauth->body, "approve").location);
    CHECK(reauthed->body.find("00000000-0000-4000-8000-000000000002") != std::string::npos);
    problem_of(c.Patch("/v1/projects/demo/connections/nope:oauth-update"), 404);

    CHECK(c.Delete("/v1/projects/demo/connections/00000000-0000-4000-8000-000000000002")->status == 204);
    CHECK(c.Get("/v1/projects/demo/connections/00000000-0000-4000-8000-000000000002")->status == 404);
}

TEST_CASE("sandbox callback reports a denial and a wrong secret as failures", "[sandbox]") {
    RunningSandbox s;
    s.create_app({{"clientSecret", "not-the-real-secret"}});
    auto denied = decide(s, s.consent_url(), "deny");
    CHECK(param(denied.location, "error") == "access_denied");
    auto page = follow_to_callback(s, denied.location);
    REQUIRE(page);
    CHECK(page->body.find(R"("eventType":"AUTHORIZATION_FAILED")") != std::string::npos);
    CHECK(page->body.find("access_denied") != std::string::npos);

    auto wrong_secret = connect(s);
    REQUIRE(wrong_secret);
    CHECK(wrong_secret->status == 400);
    CHECK(wrong_secret->body.find(R"({"data":{"error":"Authentication failed."},"eventType":"AUTHORIZATION_FAILED","message":"Authentication failed."})") != std::string::npos);
    CHECK(wrong_secret->body.find("window.close()") == std::string::npos);
    CHECK(json_of(s.api().Get("/v1/projects/demo/connections")) == json::array());
}

TEST_CASE("sandbox pinterestSecret switch changes the secret Pinterest accepts", "[sandbox]") {
    RunningSandbox s;
    s.create_app();
    s.set_switches({{"pinterestSecret", "rotated"}});
    CHECK(connect(s)->body.find("Authentication failed.") != std::string::npos);
    auto console = s.consent().Get("/");
    REQUIRE(console);
    CHECK(console->body.find("rotated") != std::string::npos);
}

TEST_CASE("sandbox consent refuses bad authorize requests with an error page", "[sandbox]") {
    RunningSandbox s;
    s.create_app();
    std::string good = consent_target(s.consent_url());
    auto c = s.consent();
    auto expect_error = [&](const std::string& from, const std::string& to, const std::string& message) {
        std::string target = good;
        target.replace(target.find(from), from.size(), to);
        auto r = c.Get(target.c_str());
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK_FALSE(r->has_header("Location"));
        CHECK(r->body.find(message) != std::string::npos);
    };
    expect_error("client_id=", "client_id=99", "Invalid client_id");
    expect_error("redirect_uri=http", "redirect_uri=https", "Invalid redirect_uri");
    expect_error("response_type=code", "response_type=token", "Invalid response_type");
    expect_error("scope=pins", "scope=pins%3Aeverything%2Cpins", "Invalid scope: pins:everything");
    expect_error("state=", "nostate=", "Missing state");
}

TEST_CASE("sandbox consent switches approve, deny and sever the opener", "[sandbox]") {
    RunningSandbox s;
    s.create_app();
    auto c = s.consent();
    s.set_switches({{"autoApprove", true}, {"consentSeversOpener", true}});
    auto approved = c.Get(consent_target(s.consent_url()).c_str());
    REQUIRE(approved);
    CHECK(approved->status == 302);
    CHECK_FALSE(param(approved->get_header_value("Location"), "code").empty());
    CHECK(approved->get_header_value("Cross-Origin-Opener-Policy") == "same-origin");

    s.set_switches({{"autoDeny", true}});
    auto denied = c.Get(consent_target(s.consent_url()).c_str());
    REQUIRE(denied);
    CHECK(param(denied->get_header_value("Location"), "error") == "access_denied");
}

TEST_CASE("sandbox callback switches post twice and delay the page", "[sandbox]") {
    RunningSandbox s;
    s.create_app();
    s.set_switches({{"callbackPostsTwice", true}, {"callbackDelayMs", 150}, {"callbackCloseDelayMs", 50}});
    auto start = std::chrono::steady_clock::now();
    auto page = connect(s);
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(150));
    CHECK(page->body.find("const posts = 2;") != std::string::npos);
    CHECK(page->body.find("window.close(), 50)") != std::string::npos);
}

TEST_CASE("sandbox console lists the Pinterest app a newcomer copies from", "[sandbox]") {
    RunningSandbox s;
    auto r = s.consent().Get("/");
    REQUIRE(r);
    auto app = s.sandbox.banner()["pinterestApp"];
    CHECK(app["appId"] == "1508242");
    CHECK(r->body.find(app["appId"].get<std::string>()) != std::string::npos);
    CHECK(r->body.find(app["appSecret"].get<std::string>()) != std::string::npos);
    CHECK(r->body.find(s.urls().api + "/callbacks/v1/oauth") != std::string::npos);
}
