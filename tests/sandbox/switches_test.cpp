// Test switches, the request log and reset.
#include "running_sandbox.h"

#include <catch2/catch.hpp>

#include <chrono>

using namespace amp::sandbox;
using namespace amp::sandbox::test;
using nlohmann::json;

TEST_CASE("sandbox failNext answers the next calls with the chosen problem", "[sandbox]") {
    RunningSandbox s;
    s.set_switches({{"failNext", {{"status", 503}, {"count", 2}, {"retryable", true}}}});
    auto c = s.api();
    CHECK(c.Get("/v1/providers/pinterest")->status == 200); // the catalog is spared
    for (int i = 0; i < 2; ++i) {
        auto p = problem_of(c.Get("/v1/projects/demo/provider-apps"), 503);
        CHECK(p["title"] == "Service Unavailable");
        CHECK(p["retryable"] == true);
    }
    CHECK(c.Get("/v1/projects/demo/provider-apps")->status == 200);
}

TEST_CASE("sandbox failNext with fields answers an InputValidationProblem naming them", "[sandbox]") {
    RunningSandbox s;
    s.set_switches({{"failNext", {{"status", 422}, {"count", 1}, {"retryable", false}, {"fields", json::array({"clientId"})}}}});
    auto p = problem_of(s.api().Get("/v1/projects/demo/provider-apps"), 422);
    REQUIRE(p["issues"].size() == 1);
    CHECK(p["issues"][0]["name"] == "clientId");
    CHECK(p["retryable"] == false);
}

TEST_CASE("sandbox malformedNext and emptyNext answer unreadable bodies", "[sandbox]") {
    RunningSandbox s;
    s.set_switches({{"malformedNext", 1}, {"emptyNext", 1}});
    auto c = s.api();
    auto malformed = c.Get("/v1/projects/demo/connections");
    REQUIRE(malformed);
    CHECK(malformed->status == 500);
    CHECK(malformed->body == "<html>oops</html>");
    CHECK(malformed->get_header_value("Content-Type") == "text/html");
    auto empty = c.Get("/v1/projects/demo/connections");
    REQUIRE(empty);
    CHECK(empty->status == 502);
    CHECK(empty->body.empty());
    CHECK(c.Get("/v1/projects/demo/connections")->status == 200);
}

TEST_CASE("sandbox delayMs holds every /v1 answer", "[sandbox]") {
    RunningSandbox s;
    s.set_switches({{"delayMs", 120}});
    auto c = s.api();
    auto start = std::chrono::steady_clock::now();
    CHECK(c.Get("/v1/providers")->status == 200);
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(120));
}

TEST_CASE("sandbox switches merge, and refuse unknown names and wrong types", "[sandbox]") {
    RunningSandbox s;
    auto c = s.anonymous_api();
    s.set_switches({{"failNext", {{"count", 1}}}});
    auto current = json_of(c.Get("/__sandbox/switches"));
    CHECK(current["failNext"] == json{{"status", 500}, {"count", 1}, {"retryable", true}, {"fields", json::array()}});

    auto r = post_json(c, "/__sandbox/switches", {{"noSuchSwitch", true}, {"delayMs", "slow"}, {"failNext", {{"status", 200}}}});
    auto issues = problem_of(r, 422)["issues"];
    CHECK(issues.size() == 2);
    CHECK(json_of(c.Get("/__sandbox/switches")) == current);

    CHECK(post_json(c, "/__sandbox/switches", {{"failNext", {{"status", 200}}}})->status == 422);
    s.set_switches({{"failNext", nullptr}});
    CHECK(json_of(c.Get("/__sandbox/switches"))["failNext"]["count"] == 0);
}

TEST_CASE("sandbox records /v1 requests exactly, and reset clears everything", "[sandbox]") {
    RunningSandbox s;
    s.create_app();
    s.set_switches({{"rejectDuplicates", true}});
    auto c = s.api();
    c.Get("/v1/projects/demo/connections?groupRef=g%201", {{"X-Amp-Client", "widget"}});
    auto log = json_of(s.anonymous_api().Get("/__sandbox/requests"));
    REQUIRE(log.size() == 2);
    CHECK(log[0]["method"] == "POST");
    CHECK(log[0]["path"] == "/v1/projects/demo/provider-apps");
    CHECK(json::parse(log[0]["body"].get<std::string>())["provider"] == "pinterest");
    CHECK(log[0]["headers"]["x-api-key"] == "sandbox-key");
    CHECK(log[1]["query"] == "groupRef=g%201");
    CHECK(log[1]["headers"]["x-amp-client"] == "widget");

    auto reset = s.anonymous_api().Post("/__sandbox/reset");
    REQUIRE(reset);
    CHECK(reset->status == 204);
    CHECK(json_of(s.anonymous_api().Get("/__sandbox/requests")) == json::array());
    CHECK(json_of(s.anonymous_api().Get("/__sandbox/switches"))["rejectDuplicates"] == false);
    CHECK(json_of(c.Get("/v1/projects/demo/provider-apps")) == json::array());
    CHECK(s.create_app()["id"] == "00000000-0000-4000-8000-000000000001"); // counters start again
}
