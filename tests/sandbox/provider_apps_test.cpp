// Provider apps: create, list, update by mask, delete, validation and the duplicate switch.
#include "running_sandbox.h"

#include <catch2/catch.hpp>

using namespace amp::sandbox;
using namespace amp::sandbox::test;
using nlohmann::json;

namespace {

const std::string apps = "/v1/projects/demo/provider-apps";

std::vector<std::string> issue_names(const json& problem) {
    std::vector<std::string> names;
    for (const auto& issue : problem["issues"]) names.push_back(issue["name"]);
    return names;
}

} // namespace

TEST_CASE("sandbox creates and lists provider apps without ever returning the secret", "[sandbox]") {
    RunningSandbox s;
    auto c = s.api();
    auto r = post_json(c, apps, {{"provider", "pinterest"}, {"clientId", "1234567"}, {"clientSecret", "s3cret-value"},
                                 {"scopes", {"pins:read"}}, {"externalRef", "ext-1"},
                                 {"metadata", {{"providerParams", {{"k", "v"}}}}}});
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body.find("s3cret-value") == std::string::npos);
    auto app = json_of(r);
    CHECK(app == json{{"id", "00000000-0000-4000-8000-000000000001"},
                      {"projectId", "5d1b7a40-6c2e-4f8a-9b3d-0e7f2a4c8d16"},
                      {"provider", "pinterest"},
                      {"clientId", "1234567"},
                      {"scopes", {"pins:read"}},
                      {"externalRef", "ext-1"},
                      {"metadata", {{"providerParams", {{"k", "v"}}}}},
                      {"createTime", "2026-01-01T00:00:00Z"},
                      {"updateTime", "2026-01-01T00:00:00Z"}});

    auto list = c.Get(apps.c_str());
    REQUIRE(list);
    CHECK(list->body.find("s3cret-value") == std::string::npos);
    CHECK(json_of(list) == json::array({app}));
}

TEST_CASE("sandbox reports every invalid provider-app field as a 422 issue", "[sandbox]") {
    RunningSandbox s;
    auto c = s.api();
    auto r = post_json(c, apps, {{"provider", "myspace"}, {"clientId", 12}, {"clientSecret", ""},
                                 {"scopes", {"ok", 3}}, {"externalRef", false}, {"metadata", "x"}});
    auto p = problem_of(r, 422);
    CHECK(p["title"] == "Unprocessable Entity");
    auto names = issue_names(p);
    for (const char* name : {"provider", "clientId", "clientSecret", "scopes[1]", "externalRef", "metadata"})
        CHECK(std::find(names.begin(), names.end(), name) != names.end());
    for (const auto& issue : p["issues"]) {
        CHECK(issue["in"] == "body");
        if (issue["name"] == "clientSecret") CHECK_FALSE(issue.contains("value"));
    }

    auto missing = json_of(post_json(c, apps, json::object()));
    CHECK(issue_names(missing) == std::vector<std::string>{"clientId", "clientSecret", "provider"});

    problem_of(c.Post(apps.c_str(), "{not json", "application/json"), 400);
}

TEST_CASE("sandbox updates only the fields the update mask names", "[sandbox]") {
    RunningSandbox s;
    auto app = s.create_app({{"externalRef", "keep-me"}});
    std::string one = apps + "/" + app["id"].get<std::string>();
    auto c = s.api();
    auto r = patch_json(c, one, {{"updateMask", {"clientId", "scopes"}},
                                 {"providerApp", {{"clientId", "7654321"}, {"scopes", {"boards:read"}}, {"externalRef", "ignored"}}}});
    REQUIRE(r);
    CHECK(r->status == 200);
    auto updated = json_of(r);
    CHECK(updated["clientId"] == "7654321");
    CHECK(updated["scopes"] == json{"boards:read"});
    CHECK(updated["externalRef"] == "keep-me");
    CHECK(updated["createTime"] == app["createTime"]);
    CHECK(updated["updateTime"] == "2026-01-01T00:00:01Z");

    auto invalid = patch_json(c, one, {{"updateMask", {"clientId", "color"}}, {"providerApp", {{"clientId", "1"}}}});
    auto p = problem_of(invalid, 400);
    CHECK(p["detail"] == "Invalid update mask");
    CHECK(p["remedy"] == "Allowed masks: 'externalRef', 'clientId', 'clientSecret', 'provider', 'scopes', 'metadata'");

    CHECK(patch_json(c, one, {{"providerApp", {{"clientId", "1"}}}})->status == 400);
    CHECK(patch_json(c, one, {{"updateMask", json::array()}, {"providerApp", json::object()}})->status == 400);
    auto unset_secret = patch_json(c, one, {{"updateMask", {"clientSecret"}}, {"providerApp", json::object()}});
    CHECK(issue_names(problem_of(unset_secret, 400)) == std::vector<std::string>{"providerApp.clientSecret"});

    CHECK(patch_json(c, apps + "/no-such-app", {{"updateMask", {"clientId"}}, {"providerApp", {{"clientId", "1"}}}})->status == 404);
}

TEST_CASE("sandbox deletes provider apps with 204 and no body", "[sandbox]") {
    RunningSandbox s;
    auto app = s.create_app();
    std::string one = apps + "/" + app["id"].get<std::string>();
    auto c = s.api();
    auto r = c.Delete(one.c_str());
    REQUIRE(r);
    CHECK(r->status == 204);
    CHECK(r->body.empty());
    CHECK(json_of(c.Get(apps.c_str())) == json::array());
    CHECK(c.Delete(one.c_str())->status == 404);
}

TEST_CASE("sandbox allows a second app per provider unless rejectDuplicates is on", "[sandbox]") {
    RunningSandbox s;
    auto first = s.create_app();
    s.create_app();
    s.set_switches({{"rejectDuplicates", true}});
    auto c = s.api();
    auto r = post_json(c, apps, {{"provider", "pinterest"}, {"clientId", "1"}, {"clientSecret", "x"}});
    auto p = problem_of(r, 409);
    CHECK(p["title"] == "Conflict");
    CHECK_THAT(p["detail"].get<std::string>(), Catch::Contains(first["id"].get<std::string>()));
}
