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

TEST_CASE("sandbox 429s say when to retry, in the Retry-After header and the body's retryAfter", "[sandbox]") {
    RunningSandbox s;
    s.set_switches({{"failNext", {{"status", 429}, {"count", 1}, {"retryAfter", 7}}}});
    auto r = s.api().Get("/v1/projects/demo/provider-apps");
    auto p = problem_of(r, 429);
    CHECK(r->get_header_value("Retry-After") == "7");
    CHECK(p["time"] == "2026-01-01T00:00:00Z");
    CHECK(p["retryAfter"] == "2026-01-01T00:00:07Z");
}

namespace {
int app_count(const RunningSandbox& s) { return (int)json_of(s.api().Get("/v1/projects/demo/provider-apps")).size(); }
const json kApp = {{"provider", "pinterest"}, {"clientId", "1508242"}, {"clientSecret", "x"}};
} // namespace

TEST_CASE("sandbox answerLostNext carries the call out, then answers without CORS headers", "[sandbox]") {
    RunningSandbox s;
    s.set_switches({{"answerLostNext", 1}});
    auto c = s.api();
    c.set_default_headers({{"X-Api-Key", "sandbox-key"}, {"Origin", "http://page.example"}});
    auto lost = post_json(c, "/v1/projects/demo/provider-apps", kApp);
    REQUIRE(lost);
    CHECK(lost->status == 200);
    CHECK_FALSE(lost->has_header("Access-Control-Allow-Origin")); // a browser's fetch fails on it
    CHECK(app_count(s) == 1);
    CHECK(post_json(c, "/v1/projects/demo/provider-apps", kApp)->get_header_value("Access-Control-Allow-Origin") ==
          "http://page.example");
}

TEST_CASE("sandbox answerUnreadableNext carries the call out, then answers a 200 that is not JSON", "[sandbox]") {
    RunningSandbox s;
    s.set_switches({{"answerUnreadableNext", 1}});
    auto c = s.api();
    auto r = post_json(c, "/v1/projects/demo/provider-apps", kApp);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(json::parse(r->body, nullptr, false).is_discarded());
    CHECK(app_count(s) == 1);
}

TEST_CASE("sandbox answerNeverNext carries the call out and holds the answer until a reset", "[sandbox]") {
    RunningSandbox s;
    s.set_switches({{"answerNeverNext", 1}});
    auto c = s.api();
    c.set_read_timeout(0, 300 * 1000); // the caller gives up, as the widget does at its deadline
    auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(post_json(c, "/v1/projects/demo/provider-apps", kApp));
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(300));
    CHECK(app_count(s) == 1);
    auto reset = s.anonymous_api().Post("/__sandbox/reset"); // releases the held worker
    REQUIRE(reset);
    CHECK(reset->status == 204);
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
    CHECK(current["failNext"] ==
          json{{"status", 500}, {"count", 1}, {"retryable", true}, {"fields", json::array()}, {"retryAfter", 1}});

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
