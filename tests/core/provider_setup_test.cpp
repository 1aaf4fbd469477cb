// Setup for a provider other than the built-in Pinterest: its guide is fetched from beside the widget
// (providers/<name>.json) or, failing that, made from the catalog entry; a provider without a browser
// OAuth grant gets no guide; "Test connection" is held back until the catalog's sign-in inputs are right.
#include "answers.h"
#include "catalog_copy.h"
#include "core/providers.h"
#include "core/setup.h"

#include <catch2/catch.hpp>

using namespace amp;
using amp::test::answer;

namespace {

constexpr const char* kAssets = "https://setup.example.com/widget/";

struct Flow {
    explicit Flow(const std::string& provider) : s(options(provider)) {}
    static SetupOptions options(const std::string& provider) {
        SetupOptions o;
        o.provider = provider;
        o.project = "acme";
        o.asset_base = kAssets;
        return o;
    }
    // Starts, and answers both loads: the provider from the catalog copy, the guide file with `guide`.
    void load(const Response& guide) {
        s.start();
        for (const Outgoing& o : s.take_requests()) {
            if (o.request.url.rfind(kAssets, 0) == 0) s.on_response(o.id, guide);
            else s.on_response(o.id, answer(200, "application/json", dump(member(test::catalog(), s.options.provider.c_str()))));
        }
    }
    Setup s;
};

Response file(const std::string& text) { return answer(200, "application/json", text); }

} // namespace

TEST_CASE("a provider's guide file is fetched from beside the widget, with no header", "[providers][setup]") {
    Flow f("salesforce");
    CHECK_FALSE(f.s.guide);
    f.s.start();
    auto sent = f.s.take_requests();
    REQUIRE(sent.size() == 2);
    const Request& guide = sent[1].request;
    CHECK(guide.method == Method::Get);
    CHECK(guide.url == "https://setup.example.com/widget/providers/salesforce.json");
    CHECK(guide.headers.empty()); // no credential, and no CORS preflight for a static file
    CHECK(f.s.stage() == Stage::LoadingProvider);
    f.s.on_response(sent[0].id, answer(200, "application/json", dump(member(test::catalog(), "salesforce"))));
    CHECK(f.s.stage() == Stage::LoadingProvider); // the guide is still on its way
    f.s.on_response(sent[1].id, file(test::read_source_file("assets/providers/salesforce.json")));
    CHECK(f.s.stage() == Stage::Access); // the guide settled the load (README.md "States")
    REQUIRE(f.s.guide);
    CHECK(f.s.guide->client_id_label == "Consumer Key");
    CHECK_FALSE(f.s.guide->generic);
    CHECK(f.s.steps_done.size() == f.s.guide->steps.size());
    CHECK(f.s.form.scopes == std::vector<std::string>{"api", "refresh_token"}); // the guide's presets
}

TEST_CASE("a guide file that answers before the provider does not hold the load", "[providers][setup]") {
    Flow f("salesforce");
    f.s.start();
    auto sent = f.s.take_requests();
    REQUIRE(sent.size() == 2);
    f.s.on_response(sent[1].id, file(test::read_source_file("assets/providers/salesforce.json")));
    CHECK(f.s.stage() == Stage::Access); // the provider is not in yet, but the access step needs only the guide
    f.s.on_response(sent[0].id, answer(200, "application/json", dump(member(test::catalog(), "salesforce"))));
    CHECK(f.s.stage() == Stage::Access);
    REQUIRE(f.s.guide);
    CHECK_FALSE(f.s.guide->generic);
}

TEST_CASE("without a guide file, the catalog entry makes a generic guide", "[providers][setup]") {
    for (Response missing : {answer(404, "text/html", "<h1>Not found</h1>"), Response{}, file("{\"provider\":\"zoom\"}"),
                              file(generic_guide_file("gong"))}) { // what the build writes for it
        INFO(missing.status);
        Flow f("gong");
        f.load(missing);
        REQUIRE(f.s.guide);
        CHECK(f.s.guide->generic);
        CHECK(f.s.guide->display_name == "Gong");
        CHECK_FALSE(f.s.error);
    }
    Flow builtin("pinterest"); // built in: nothing to fetch
    builtin.s.start();
    CHECK(builtin.s.take_requests().size() == 1);
}

TEST_CASE("a provider without a browser OAuth grant gets no guide", "[providers][setup]") {
    Flow f("activeCampaign");
    f.load(answer(404, "text/plain", ""));
    CHECK_FALSE(f.s.guide);
    REQUIRE(f.s.provider);
    CHECK_FALSE(how_users_connect(*f.s.provider).empty());
}

TEST_CASE("Test connection waits for the catalog's sign-in inputs, which go into oauth-connect", "[providers][setup]") {
    Flow f("salesforce");
    f.load(file(test::read_source_file("assets/providers/salesforce.json")));
    f.s.take_events();
    REQUIRE(f.s.connect_fields().size() == 2);
    CHECK_FALSE(f.s.check_connect_values());
    REQUIRE(f.s.issues.size() == 1);
    CHECK(f.s.issues[0].field == "workspace");
    auto events = f.s.take_events();
    REQUIRE(events.size() == 1);
    json e = parse_json(events[0]);
    CHECK(e["type"] == "error");
    CHECK(e["code"] == "invalid_input");
    CHECK(e["operation"] == "testConnection");
    CHECK(e["fields"].contains("workspace"));

    f.s.connect_values["workspace"] = "https://acme.my.salesforce.com";
    CHECK_FALSE(f.s.check_connect_values());
    f.s.connect_values["workspace"] = "acme";
    CHECK(f.s.check_connect_values());
    CHECK(f.s.issues.empty());
}

TEST_CASE("the catalog's providerAppMetadata inputs are saved in ProviderApp.metadata, and changed by mask", "[providers][setup]") {
    Flow f("salesforce");
    f.s.api_key.assign("amp_key_123");
    f.load(file(test::read_source_file("assets/providers/salesforce.json")));
    f.s.submit_access();
    auto list = f.s.take_requests();
    REQUIRE(list.size() == 1);
    f.s.on_response(list[0].id, file("[]"));
    REQUIRE(f.s.app_fields().size() == 1);
    CHECK(f.s.app_fields()[0].item.name == "packageInstallURL");

    // Types the install URL, saves, and gives the one request sent (its id and body).
    auto save_with = [&](const std::string& url) {
        f.s.app_values["packageInstallURL"] = url;
        CHECK(f.s.unsaved_input());
        f.s.save();
        auto sent = f.s.take_requests();
        REQUIRE(sent.size() == 1);
        return std::make_pair(sent[0].id, parse_json(sent[0].request.body));
    };
    const std::string install = "https://login.salesforce.com/packaging/installPackage.apexp?p0=04t";
    f.s.form.client_id = "3MVG9id";
    f.s.form.client_secret.assign("sf-secret");
    auto [create_id, body] = save_with("  " + install + "  ");
    CHECK(body["metadata"] == json{{"providerParams", {{"packageInstallURL", install}}}});
    json app = {{"id", "app-9"}, {"projectId", "acme"}, {"provider", "salesforce"}, {"clientId", "3MVG9id"},
                {"scopes", body["scopes"]}, {"metadata", body["metadata"]}, {"createTime", "2026-01-01T00:00:00Z"}};
    f.s.on_response(create_id, answer(201, "application/json", dump(app)));
    REQUIRE(f.s.selected());
    CHECK(f.s.app_values["packageInstallURL"] == install); // the saved app's, to edit
    CHECK_FALSE(f.s.unsaved_input());

    auto [patch_id, update] = save_with("");
    CHECK(update["updateMask"] == json{"metadata"});
    CHECK(update["providerApp"] == json::object()); // emptied: absent under its mask, which clears it
    app.erase("metadata");
    f.s.on_response(patch_id, answer(200, "application/json", dump(app)));
    CHECK(f.s.app_values["packageInstallURL"].empty());
    CHECK(save_with("https://example.com/install").second["providerApp"]["metadata"] ==
          json{{"providerParams", {{"packageInstallURL", "https://example.com/install"}}}});
}
