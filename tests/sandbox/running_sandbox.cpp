#include "running_sandbox.h"

#include "core/url.h"

#include <catch2/catch.hpp>

namespace amp::sandbox::test {

namespace {

// Splits an absolute URL into what httplib::Client needs: the origin, and the path with its query.
std::pair<std::string, std::string> origin_and_target(const std::string& url) {
    auto u = amp::parse_url(url);
    REQUIRE(u);
    return {u->origin(), u->path + (u->query.empty() ? "" : "?" + u->query)};
}

} // namespace

void RunningSandbox::set_switches(const nlohmann::json& switches) const {
    auto c = anonymous_api();
    auto r = post_json(c, "/__sandbox/switches", switches);
    REQUIRE(r);
    REQUIRE(r->status == 200);
}

nlohmann::json RunningSandbox::create_app(const nlohmann::json& overrides) const {
    nlohmann::json body = {{"provider", "pinterest"},
                           {"clientId", sandbox.banner()["pinterestApp"]["appId"]},
                           {"clientSecret", sandbox.banner()["pinterestApp"]["appSecret"]},
                           {"scopes", {"pins:read", "boards:read"}}};
    body.update(overrides);
    auto c = api();
    auto r = post_json(c, "/v1/projects/demo/provider-apps", body);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return json_of(r);
}

std::string RunningSandbox::consent_url(const nlohmann::json& overrides) const {
    nlohmann::json body = {{"projectIdOrName", "demo"}, {"provider", "pinterest"}, {"groupRef", "g1"}, {"consumerRef", "c1"}};
    body.update(overrides);
    auto c = api();
    auto r = post_json(c, "/v1/oauth-connect", body);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return r->body;
}

nlohmann::json json_of(const httplib::Result& r) {
    REQUIRE(r);
    return nlohmann::json::parse(r->body);
}

nlohmann::json problem_of(const httplib::Result& r, int status) {
    REQUIRE(r);
    CHECK(r->status == status);
    CHECK(r->get_header_value("Content-Type") == "application/problem+json");
    return json_of(r);
}

httplib::Result post_json(httplib::Client& c, const std::string& path, const nlohmann::json& body) {
    return c.Post(path.c_str(), body.dump(), "application/json");
}

httplib::Result patch_json(httplib::Client& c, const std::string& path, const nlohmann::json& body) {
    return c.Patch(path.c_str(), body.dump(), "application/json");
}

std::string param(const std::string& url, const char* name) { return amp::query_param(amp::parse_url(url)->query, name); }

std::string consent_target(const std::string& url) {
    auto u = amp::parse_url(url);
    return u->path + "?" + u->query;
}

Redirect decide(const RunningSandbox& s, const std::string& consent_url, const std::string& decision) {
    auto url = amp::parse_url(consent_url);
    httplib::Params form{{"decision", decision}};
    for (const char* name : {"client_id", "redirect_uri", "response_type", "scope", "state", "workspace", "code_challenge",
                             "code_challenge_method"})
        form.emplace(name, amp::query_param(url->query, name));
    const std::string any_provider = "/oauth/"; // Pinterest's consent is at /oauth/, any other's at /oauth/<name>
    if (url->path.size() > any_provider.size()) form.emplace("provider", url->path.substr(any_provider.size()));
    auto c = s.consent();
    auto r = c.Post("/oauth/decision", form);
    REQUIRE(r);
    return {r->status, r->get_header_value("Location")};
}

httplib::Result follow_to_callback(const RunningSandbox& s, const std::string& location) {
    auto [origin, target] = origin_and_target(location);
    REQUIRE(origin == s.urls().api);
    return httplib::Client(origin).Get(target.c_str());
}

} // namespace amp::sandbox::test
