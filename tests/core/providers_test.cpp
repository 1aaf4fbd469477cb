// Every provider of Ampersand's catalog copy (assets/catalog/catalog.json) through the core: which ones need a
// provider app, the generic guide each OAuth provider without a curated one gets, what "Test connection" asks
// for (workspace, metadata.input) and how it is checked and sent, and provider-app metadata.
#include "catalog_copy.h"
#include "core/api.h"
#include "core/app_metadata.h"
#include "core/connect_inputs.h"
#include "core/providers.h"

#include <catch2/catch.hpp>

#include <set>

using namespace amp;
using amp::test::catalog;
using amp::test::catalog_info;
using amp::test::is_https_url;

namespace {

std::vector<ProviderInfo> all_providers() {
    std::vector<ProviderInfo> out;
    for (const auto& item : catalog().items()) out.push_back(catalog_info(item.key()));
    return out;
}

const ConnectInput* input_named(const std::vector<ConnectInput>& inputs, const std::string& name) {
    for (const ConnectInput& in : inputs)
        if (in.name == name) return &in;
    return nullptr;
}

json body_of(const Request& r) { return parse_json(r.body); }

} // namespace

TEST_CASE("the catalog's providers split into browser OAuth and no provider app", "[providers]") {
    int oauth = 0, other = 0;
    for (const ProviderInfo& p : all_providers()) {
        INFO(p.name);
        REQUIRE_FALSE(p.name.empty());
        if (provider_kind(p) == ProviderKind::BrowserOAuth) {
            ++oauth;
            CHECK(how_users_connect(p).empty());
        } else {
            ++other;
            std::string how = how_users_connect(p);
            CHECK(how.rfind(p.display_name + " connects with ", 0) == 0);
            CHECK_THAT(how, Catch::EndsWith("no provider app to register here."));
        }
    }
    CHECK(oauth == 117); // 108 authorizationCode and 9 authorizationCodePKCE
    CHECK(other == 121);
    CHECK_THAT(how_users_connect(catalog_info("activeCampaign")), Catch::Contains("with an API key"));
    CHECK_THAT(how_users_connect(catalog_info("marketo")), Catch::Contains("OAuth client credentials"));
    CHECK_THAT(how_users_connect(catalog_info("sugarCRM")), Catch::Contains("own SugarCRM sign-in"));
}

TEST_CASE("every catalog OAuth provider yields a usable generic guide", "[providers]") {
    for (const ProviderInfo& p : all_providers()) {
        if (provider_kind(p) != ProviderKind::BrowserOAuth) continue;
        INFO(p.name);
        ProviderGuide g = generic_guide(p);
        CHECK(g.generic);
        CHECK(g.provider == p.name);
        CHECK(g.display_name == str(member(catalog(), p.name.c_str()), "displayName"));
        CHECK(g.scopes_required == p.explicit_scopes_required);
        CHECK(g.scopes.empty()); // free text: the catalog does not list scopes
        CHECK_FALSE(g.client_id_label.empty());
        CHECK_FALSE(g.client_secret_label.empty());
        CHECK((g.console_url.empty() || is_https_url(g.console_url)));
        std::set<std::string> ids;
        int redirect_steps = 0;
        for (const GuideStep& s : g.steps) {
            CHECK(ids.insert(s.id).second);
            CHECK_FALSE(s.title.empty());
            CHECK_FALSE(s.detail.empty());
            CHECK((s.url.empty() || is_https_url(s.url)));
            CHECK(s.link_label.empty() == s.url.empty());
            redirect_steps += s.shows_redirect_uri ? 1 : 0;
        }
        CHECK(redirect_steps == 1);
        CHECK_FALSE(authorization_host(p).empty());
        // The file the build writes for it names it and says it is generic, and holds no words.
        auto file = parse_guide(generic_guide_file(p.name));
        REQUIRE(file);
        CHECK(file->provider == p.name);
        CHECK(file->generic);
        CHECK(file->steps.empty());
    }
}

TEST_CASE("a generic guide says where users sign in and links the catalog's docs", "[providers]") {
    ProviderGuide aha = generic_guide(catalog_info("aha"));
    CHECK(authorization_host(catalog_info("aha")) == "<workspace>.aha.io");
    CHECK_THAT(aha.steps[0].detail, Catch::Contains("sign in to it at <workspace>.aha.io"));

    int with_docs = 0;
    for (const ProviderInfo& p : all_providers())
        if (provider_kind(p) == ProviderKind::BrowserOAuth && is_https_url(p.docs_url)) {
            INFO(p.name);
            ++with_docs;
            ProviderGuide g = generic_guide(p);
            CHECK(g.console_url == p.docs_url);
            CHECK(g.steps[0].url == p.docs_url);
        }
    CHECK(with_docs > 0);

    ProviderInfo required = catalog_info("pinterest"), optional = catalog_info("notion");
    CHECK(generic_guide(required).scopes_required);
    CHECK_THAT(generic_guide(required).steps.back().detail, Catch::Contains("needs the scopes named before sign-in"));
    CHECK_FALSE(generic_guide(optional).scopes_required);
    CHECK_THAT(generic_guide(optional).steps.back().detail, Catch::Contains("Scopes are optional for Notion"));
}

TEST_CASE("curated guide files are not marked generic", "[providers]") {
    for (const char* name : {"pinterest", "salesforce", "shopify"}) {
        INFO(name);
        auto g = parse_guide(test::read_source_file(std::string("assets/providers/") + name + ".json"));
        REQUIRE(g);
        CHECK_FALSE(g->generic);
    }
}

TEST_CASE("every provider that requires a workspace asks for it first", "[providers]") {
    int required = 0;
    for (const ProviderInfo& p : all_providers()) {
        if (!p.explicit_workspace_required) continue;
        INFO(p.name);
        ++required;
        auto inputs = connect_inputs(p);
        REQUIRE_FALSE(inputs.empty());
        CHECK(inputs.front().name == "workspace");
        CHECK(inputs.front().required);
        CHECK_FALSE(inputs.front().label.empty());
        CHECK_FALSE(check_inputs(inputs, {}).empty());
    }
    CHECK(required == 24);
}

TEST_CASE("connect inputs come from metadata.input; other modules' inputs are optional", "[providers]") {
    auto salesforce = connect_inputs(catalog_info("salesforce"));
    REQUIRE(salesforce.size() == 2);
    CHECK(salesforce[0].name == "workspace");
    CHECK(salesforce[0].label == "Subdomain");
    CHECK(salesforce[0].required);
    CHECK(is_https_url(salesforce[0].docs_url));
    CHECK(salesforce[1].name == "businessUnitId"); // Account Engagement only; the default module is crm
    CHECK_FALSE(salesforce[1].required);
    CHECK_THAT(salesforce[1].prompt, Catch::StartsWith("Business Unit ID is the 18-character ID"));

    auto linkedin = connect_inputs(catalog_info("linkedIn")); // Ad Account ID: the ads module only
    REQUIRE(linkedin.size() == 1);
    CHECK_FALSE(linkedin[0].required);

    auto netsuite = connect_inputs(catalog_info("netsuite"));
    const ConnectInput* prefix = input_named(netsuite, "workspace");
    REQUIRE(prefix);
    CHECK(prefix->required);
    CHECK(prefix->default_value == "1234567-sb");
    CHECK(initial_values(netsuite)["workspace"] == "1234567-sb");

    CHECK(connect_inputs(catalog_info("pinterest")).empty());
    auto basecamp = connect_inputs(catalog_info("basecamp")); // a workspace by metadata.input alone
    REQUIRE(basecamp.size() == 1);
    CHECK(basecamp[0].required);
}

TEST_CASE("connect inputs: a missing or URL-shaped workspace is refused before sign-in", "[providers]") {
    auto inputs = connect_inputs(catalog_info("salesforce"));
    auto issues = check_inputs(inputs, {});
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == "workspace");
    CHECK(issues[0].message == "Enter the Subdomain.");

    CHECK(check_inputs(inputs, {{"workspace", "   "}}).size() == 1);
    for (const char* url : {"https://acme.my.salesforce.com", "acme.my.salesforce.com/", "acme corp", "user@acme"}) {
        INFO(url);
        auto refused = check_inputs(inputs, {{"workspace", url}});
        REQUIRE(refused.size() == 1);
        CHECK_THAT(refused[0].message, Catch::StartsWith("Enter the Subdomain alone, not a URL"));
    }
    CHECK(check_inputs(inputs, {{"workspace", " acme "}}).empty());
    CHECK(check_inputs(inputs, {{"workspace", "acme--dev.sandbox"}}).empty()); // Salesforce sandboxes have dots
    CHECK(workspace_value({{"workspace", " acme "}}) == "acme");
}

TEST_CASE("oauth-connect sends providerWorkspaceRef and providerMetadata", "[providers][api]") {
    Client c;
    auto netsuite = connect_inputs(catalog_info("netsuite"));
    InputValues typed = {{"workspace", "1234567"}, {"scriptId", " 42 "}, {"deployId", ""}};
    CHECK(check_inputs(netsuite, typed).empty());
    ConnectParams p{"demo", "netsuite", "g", "c", "", workspace_value(typed), provider_metadata(netsuite, typed)};
    json body = body_of(oauth_connect(c, p));
    CHECK(body["providerWorkspaceRef"] == "1234567");
    CHECK(body["providerMetadata"] == json{{"scriptId", {{"value", "42"}, {"source", "input"}}}});

    ConnectParams plain{"demo", "pinterest", "g", "c", "", "", provider_metadata({}, {})};
    json none = body_of(oauth_connect(c, plain));
    CHECK_FALSE(none.contains("providerWorkspaceRef"));
    CHECK_FALSE(none.contains("providerMetadata"));
}

TEST_CASE("provider-app metadata is asked where the catalog declares it and saved as the spec shapes it", "[providers][api]") {
    ProviderInfo salesforce = catalog_info("salesforce"), hubspot = catalog_info("hubspot");
    REQUIRE(app_metadata_inputs(salesforce).size() == 1);
    CHECK(app_metadata_inputs(salesforce)[0].item.name == "packageInstallURL");
    CHECK_FALSE(app_metadata_inputs(salesforce)[0].query_param);
    REQUIRE(app_metadata_inputs(hubspot).size() == 1);
    CHECK(app_metadata_inputs(hubspot)[0].query_param);
    CHECK(app_metadata_inputs(catalog_info("pinterest")).empty());
    CHECK(app_metadata_inputs(catalog_info("google")).size() == 2);

    json sf = app_metadata(salesforce, {{"packageInstallURL", " https://login.salesforce.com/packaging/installPackage.apexp?p0=04t1 "}});
    CHECK(sf == json{{"providerParams", {{"packageInstallURL", "https://login.salesforce.com/packaging/installPackage.apexp?p0=04t1"}}}});
    json hs = app_metadata(hubspot, {{"optional_scope", "automation, crm.objects.leads.read"}});
    CHECK(hs == json{{"authQueryParams", {{"optional_scope", {"automation", "crm.objects.leads.read"}}}}});
    CHECK(app_metadata(hubspot, {{"optional_scope", " "}}).is_null());
    CHECK(app_metadata_values(hubspot, hs)["optional_scope"] == "automation crm.objects.leads.read");
    CHECK(app_metadata_values(salesforce, sf)["packageInstallURL"] == sf["providerParams"]["packageInstallURL"]);

    Client c;
    AppFields f{"hubspot", "id", "", nullptr, {"oauth"}, hs};
    CHECK(body_of(create_provider_app(c, "demo", f))["metadata"] == hs);
    CHECK(body_of(update_provider_app(c, "demo", "app-1", f, {"metadata"}))["providerApp"] == json{{"metadata", hs}});
    f.metadata = json();
    CHECK_FALSE(body_of(create_provider_app(c, "demo", f)).contains("metadata"));

    auto app = parse_provider_app(R"({"id":"a","provider":"hubspot","clientId":"x","metadata":)" + dump(hs) + "}");
    REQUIRE(app);
    CHECK(app->metadata == hs);
}
