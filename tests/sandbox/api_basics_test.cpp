// CORS, the public catalog, authentication and the problem format on the API origin.
#include "running_sandbox.h"

#include <catch2/catch.hpp>

using namespace amp::sandbox;
using namespace amp::sandbox::test;

TEST_CASE("sandbox answers CORS preflight for the widget's headers", "[sandbox]") {
    RunningSandbox s;
    auto c = s.anonymous_api();
    auto r = c.Options("/v1/projects/demo/provider-apps",
                       {{"Origin", "http://widget.test"}, {"Access-Control-Request-Method", "POST"},
                        {"Access-Control-Request-Headers", "content-type,x-api-key"}});
    REQUIRE(r);
    CHECK(r->status == 204);
    CHECK(r->get_header_value("Access-Control-Allow-Origin") == "http://widget.test");
    CHECK(r->get_header_value("Vary") == "Origin");
    CHECK(r->get_header_value("Access-Control-Allow-Methods") == "GET, POST, PATCH, DELETE, OPTIONS");
    CHECK(r->get_header_value("Access-Control-Allow-Headers") ==
          "Content-Type, X-Api-Key, Authorization, X-Amp-Client, X-Amp-Client-Version");
    CHECK(r->get_header_value("Access-Control-Max-Age") == "600");
}

TEST_CASE("sandbox echoes the Origin on answers and exposes the request id", "[sandbox]") {
    RunningSandbox s;
    auto c = s.api();
    auto r = c.Get("/v1/projects/demo/provider-apps", {{"Origin", "http://host.test"}});
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Access-Control-Allow-Origin") == "http://host.test");
    CHECK(r->get_header_value("Access-Control-Expose-Headers") == "X-Request-Id, Retry-After"); // a 429 says when
    CHECK(r->get_header_value("X-Request-Id") == "00000000-0000-4000-8000-000000000000#1");

    s.set_switches({{"corsOrigins", {"http://other.test"}}});
    r = c.Get("/v1/projects/demo/provider-apps", {{"Origin", "http://host.test"}});
    REQUIRE(r);
    CHECK_FALSE(r->has_header("Access-Control-Allow-Origin"));
}

TEST_CASE("sandbox test controls are not readable by web pages, its token endpoint is", "[sandbox]") {
    RunningSandbox s;
    auto c = s.api();
    httplib::Headers from_page = {{"Origin", "http://evil.test"}};
    CHECK_FALSE(c.Get("/__sandbox/requests", from_page)->has_header("Access-Control-Allow-Origin"));
    CHECK_FALSE(c.Get("/__sandbox/switches", from_page)->has_header("Access-Control-Allow-Origin"));
    auto token = c.Post("/__sandbox/token", from_page, R"({"groupRef":"g","consumerRef":"c"})", "application/json");
    REQUIRE(token);
    CHECK(token->get_header_value("Access-Control-Allow-Origin") == "http://evil.test");
}

TEST_CASE("sandbox serves the Pinterest provider info without credentials", "[sandbox]") {
    RunningSandbox s;
    auto c = s.anonymous_api();
    auto info = json_of(c.Get("/v1/providers/pinterest"));
    CHECK(info["name"] == "pinterest");
    CHECK(info["displayName"] == "Pinterest");
    CHECK(info["authType"] == "oauth2");
    CHECK(info["defaultModule"] == "");
    CHECK(info["oauth2Opts"]["grantType"] == "authorizationCode");
    CHECK(info["oauth2Opts"]["authURL"] == s.urls().consent + "/oauth/");
    CHECK(info["oauth2Opts"]["explicitScopesRequired"] == true);
    CHECK(info["oauth2Opts"]["explicitWorkspaceRequired"] == false);
    CHECK(info["oauth2Opts"]["tokenMetadataFields"]["scopesField"] == "scope");
    CHECK(info["support"]["read"] == true);
    CHECK(info["media"]["regular"]["iconURL"].is_string());

    auto all = json_of(c.Get("/v1/providers"));
    CHECK(all["pinterest"] == info);

    auto icon = s.consent().Get("/brand/icon.svg");
    REQUIRE(icon);
    CHECK(icon->get_header_value("Content-Type") == "image/svg+xml");
}

TEST_CASE("sandbox answers problems as application/problem+json", "[sandbox]") {
    RunningSandbox s;
    auto c = s.anonymous_api();
    auto r = c.Get("/v1/providers/nope");
    auto p = problem_of(r, 404);
    CHECK(p["type"] == "about:blank");
    CHECK(p["title"] == "Not Found");
    CHECK(p["status"] == 404);
    CHECK(p["subsystem"] == "api");
    CHECK(p["time"] == "2026-01-01T00:00:00Z");
    CHECK(p["requestId"] == r->get_header_value("X-Request-Id"));
    CHECK(p["retryable"] == false);

    problem_of(s.api().Get("/v1/nothing-here"), 404);
}

TEST_CASE("sandbox refuses missing or wrong credentials with 401", "[sandbox]") {
    RunningSandbox s;
    auto c = s.anonymous_api();
    auto p = problem_of(c.Get("/v1/projects/demo/provider-apps"), 401);
    CHECK(p["title"] == "Unauthorized");
    CHECK_THAT(p["detail"].get<std::string>(), Catch::Contains("Missing credentials"));
    CHECK_THAT(p["remedy"].get<std::string>(), Catch::Contains("API key"));

    auto wrong = c.Get("/v1/projects/demo/provider-apps", {{"X-Api-Key", "not-the-key"}});
    CHECK_THAT(problem_of(wrong, 401)["detail"].get<std::string>(), Catch::Contains("Invalid credentials"));
    CHECK(wrong->body.find("not-the-key") == std::string::npos);

    s.set_switches({{"authFailureStatus", 403}});
    problem_of(c.Get("/v1/projects/demo/connections"), 403);
}

TEST_CASE("sandbox finds the project by name or id, and 404s others", "[sandbox]") {
    RunningSandbox s;
    auto c = s.api();
    CHECK(c.Get("/v1/projects/demo/provider-apps")->status == 200);
    CHECK(c.Get("/v1/projects/5d1b7a40-6c2e-4f8a-9b3d-0e7f2a4c8d16/provider-apps")->status == 200);
    CHECK_THAT(problem_of(c.Get("/v1/projects/other/provider-apps"), 404)["detail"].get<std::string>(), Catch::Contains("other"));
}

TEST_CASE("sandbox takes the project name and API key it is given", "[sandbox]") {
    Options o = test_options();
    o.project = "acme";
    o.api_key = "k-123";
    RunningSandbox s(o);
    CHECK(s.sandbox.banner()["project"] == "acme");
    CHECK(s.sandbox.banner()["apiKey"] == "k-123");
    auto c = s.anonymous_api();
    CHECK(c.Get("/v1/projects/acme/connections", {{"X-Api-Key", "k-123"}})->status == 200);
    CHECK(c.Get("/v1/projects/demo/connections", {{"X-Api-Key", "k-123"}})->status == 404);
    CHECK(c.Get("/v1/projects/acme/connections", {{"X-Api-Key", "sandbox-key"}})->status == 401);
}
