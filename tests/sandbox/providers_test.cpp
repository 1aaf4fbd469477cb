// The sandbox's catalog is Ampersand's (assets/catalog/catalog.json) with browser sign-ins sent to the
// consent stand-in, which serves every OAuth provider; oauth-connect asks for what a provider's entry
// requires before sign-in (a workspace), and refuses providers without a browser OAuth grant.
#include "running_sandbox.h"

#include "core/url.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace amp::sandbox;
using namespace amp::sandbox::test;
using nlohmann::json;

namespace {

json salesforce_app(const RunningSandbox& s) {
    return s.create_app({{"provider", "salesforce"}, {"scopes", {"api", "refresh_token"}}});
}

json salesforce_connect(const std::string& workspace) {
    json body = {{"projectIdOrName", "demo"}, {"provider", "salesforce"}, {"groupRef", "g1"}, {"consumerRef", "c1"}};
    if (!workspace.empty()) body["providerWorkspaceRef"] = workspace;
    return body;
}

} // namespace

TEST_CASE("sandbox serves Ampersand's whole catalog, browser sign-ins pointed at the stand-in", "[sandbox][providers]") {
    RunningSandbox s;
    auto c = s.anonymous_api();
    auto all = json_of(c.Get("/v1/providers"));
    CHECK(all.size() == 238);
    CHECK(all["salesforce"]["oauth2Opts"]["authURL"] == s.urls().consent + "/oauth/salesforce");
    CHECK(all["salesforce"]["oauth2Opts"]["tokenURL"] == s.urls().consent + "/v5/oauth/token");
    CHECK(all["salesforce"]["oauth2Opts"]["explicitWorkspaceRequired"] == true);
    CHECK(all["salesforce"]["oauth2Opts"]["grantType"] == "authorizationCodePKCE");
    CHECK(all["salesforce"]["metadata"]["input"][0]["name"] == "workspace");
    // Entries without a browser grant are served as Ampersand has them.
    CHECK(all["marketo"]["oauth2Opts"]["grantType"] == "clientCredentials");
    CHECK(all["marketo"]["oauth2Opts"]["tokenURL"].get<std::string>().rfind("https://", 0) == 0);
    CHECK(all["activeCampaign"]["authType"] == "apiKey");

    auto one = json_of(c.Get("/v1/providers/salesforce"));
    CHECK(one == all["salesforce"]);
    problem_of(c.Get("/v1/providers/Salesforce"), 404); // names are case-sensitive, as in the catalog
}

TEST_CASE("sandbox oauth-connect refuses a missing workspace where the catalog requires one", "[sandbox][providers]") {
    RunningSandbox s;
    salesforce_app(s);
    auto c = s.api();
    auto missing = problem_of(post_json(c, "/v1/oauth-connect", salesforce_connect("")), 422);
    REQUIRE(missing["issues"].size() == 1);
    CHECK(missing["issues"][0]["name"] == "providerWorkspaceRef");
    CHECK_THAT(missing["issues"][0]["detail"].get<std::string>(), Catch::Contains("Salesforce needs the Subdomain"));

    json blank = salesforce_connect("");
    blank["providerWorkspaceRef"] = "";
    auto empty = post_json(c, "/v1/oauth-connect", blank);
    CHECK(problem_of(empty, 422)["issues"][0]["name"] == "providerWorkspaceRef");

    std::string url = s.consent_url(salesforce_connect("acme"));
    CHECK(url.rfind(s.urls().consent + "/oauth/salesforce?", 0) == 0);
    CHECK(param(url, "workspace") == "acme");
    CHECK(param(url, "scope") == "api,refresh_token");
}

TEST_CASE("sandbox oauth-connect checks providerMetadata and the provider's grant", "[sandbox][providers]") {
    RunningSandbox s;
    s.create_app();
    auto c = s.api();
    json body = {{"projectIdOrName", "demo"}, {"provider", "pinterest"}, {"groupRef", "g"}, {"consumerRef", "c"}};
    json good = body;
    good["providerMetadata"] = {{"adAccountId", {{"value", "123"}, {"source", "input"}}}};
    auto ok = post_json(c, "/v1/oauth-connect", good);
    REQUIRE(ok);
    CHECK(ok->status == 200);

    json bad = body;
    bad["providerMetadata"] = {{"adAccountId", {{"value", 123}, {"source", "input"}}}, {"other", {{"value", "x"}, {"source", "guess"}}}};
    auto issues = problem_of(post_json(c, "/v1/oauth-connect", bad), 400)["issues"];
    REQUIRE(issues.size() == 2);
    CHECK(issues[0]["name"] == "providerMetadata.adAccountId.value");
    CHECK(issues[1]["name"] == "providerMetadata.other.source");

    json api_key = body;
    api_key["provider"] = "activeCampaign";
    auto refused = problem_of(post_json(c, "/v1/oauth-connect", api_key), 400);
    CHECK(refused["issues"][0]["name"] == "provider");
    CHECK_THAT(refused["issues"][0]["detail"].get<std::string>(), Catch::Contains("browser OAuth"));
}

TEST_CASE("sandbox consent stand-in signs in to any OAuth provider, with its workspace", "[sandbox][providers]") {
    RunningSandbox s;
    salesforce_app(s);
    std::string url = s.consent_url(salesforce_connect("acme"));
    auto page = s.consent().Get(consent_target(url).c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("access to your Salesforce account?") != std::string::npos);
    CHECK(page->body.find("<code id=\"workspace\">acme</code>") != std::string::npos);
    CHECK(page->body.find("<code>refresh_token</code>") != std::string::npos);
    CHECK(page->body.find("name=\"provider\" value=\"salesforce\"") != std::string::npos);

    // Scopes the stand-in does not know are fine outside Pinterest; an unknown provider's path is not.
    auto other = s.consent().Get(("/oauth/nope?" + amp::parse_url(url)->query).c_str());
    REQUIRE(other);
    CHECK(other->status == 400);
    CHECK(other->body.find("Unknown provider") != std::string::npos);

    s.set_switches({{"autoApprove", true}});
    auto approved = s.consent().Get(consent_target(url).c_str());
    REQUIRE(approved);
    REQUIRE(approved->status == 302);
    auto done = follow_to_callback(s, approved->get_header_value("Location"));
    REQUIRE(done);
    CHECK(done->status == 200);
    auto list = json_of(s.api().Get("/v1/projects/demo/connections?provider=salesforce"));
    REQUIRE(list.size() == 1);
    CHECK(list[0]["provider"] == "salesforce");
}

TEST_CASE("sandbox consent stand-in asks for scopes only where the catalog requires them", "[sandbox][providers]") {
    RunningSandbox s;
    s.create_app({{"provider", "notion"}, {"scopes", json::array()}});
    std::string url = s.consent_url({{"provider", "notion"}});
    CHECK(param(url, "scope").empty());
    auto page = s.consent().Get(consent_target(url).c_str());
    REQUIRE(page);
    CHECK(page->status == 200); // Notion's explicitScopesRequired is false

    s.create_app({{"scopes", json::array()}});
    std::string pinterest = s.consent_url({{"providerAppId", json_of(s.api().Get("/v1/projects/demo/provider-apps")).back()["id"]}});
    auto refused = s.consent().Get(consent_target(pinterest).c_str());
    REQUIRE(refused);
    CHECK(refused->status == 400);
    CHECK(refused->body.find("Missing scope") != std::string::npos);
}

TEST_CASE("sandbox runs PKCE for authorizationCodePKCE providers: S256 challenge out, verifier checked at the token call",
          "[sandbox][providers]") {
    RunningSandbox s;
    salesforce_app(s);
    s.create_app();
    std::string url = s.consent_url(salesforce_connect("acme"));
    CHECK(param(url, "code_challenge_method") == "S256");
    CHECK(param(url, "code_challenge").size() == 43); // 32 bytes of SHA-256, base64url without padding
    CHECK(s.consent_url().find("code_challenge") == std::string::npos); // Pinterest's grant is plain authorizationCode

    // A PKCE provider's consent refuses a request without the challenge.
    std::string bare = std::regex_replace(consent_target(url), std::regex("code_challenge(_method)?=[^&]*&"), "");
    REQUIRE(bare.find("code_challenge") == std::string::npos);
    auto refused = s.consent().Get(bare.c_str());
    REQUIRE(refused);
    CHECK(refused->status == 400);
    CHECK(refused->body.find("requires PKCE") != std::string::npos);

    // The callback sends the verifier kept with the state: the sign-in completes.
    auto done = follow_to_callback(s, decide(s, url, "approve").location);
    REQUIRE(done);
    CHECK(done->status == 200);

    // A token call with the code but a wrong verifier is refused.
    s.set_switches({{"autoApprove", true}});
    auto approved = s.consent().Get(consent_target(s.consent_url(salesforce_connect("acme"))).c_str());
    REQUIRE(approved);
    std::string code = param(approved->get_header_value("Location"), "code");
    httplib::Client token(s.urls().consent);
    const json& app = s.sandbox.banner()["pinterestApp"];
    token.set_basic_auth(app["appId"].get<std::string>().c_str(), app["appSecret"].get<std::string>().c_str());
    auto wrong = token.Post("/v5/oauth/token", httplib::Params{{"grant_type", "authorization_code"}, {"code", code},
                                                               {"redirect_uri", param(url, "redirect_uri")},
                                                               {"code_verifier", "not-the-verifier"}});
    REQUIRE(wrong);
    CHECK(wrong->status == 400);
    CHECK(wrong->body.find("code_verifier") != std::string::npos);
}
