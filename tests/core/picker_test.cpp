// The provider picker: its list (index.json rows made from Ampersand's catalog copy, as the build writes
// them), filtering as the admin types (case and accents aside), the keyboard's highlight, and what
// choosing does to Setup: a provider that needs an app becomes the flow's, one that needs none is
// explained, and a name the catalog does not know leads to the picker.
#include "catalog_copy.h"
#include "core/picker.h"
#include "core/providers.h"
#include "core/setup.h"
#include "machine_harness.h"

#include <catch2/catch.hpp>

using namespace amp;

namespace {

constexpr const char* kAssets = "https://setup.example.com/widget/";

// index.json as src/tools/write_guides.cpp writes it from the catalog copy.
std::string catalog_index() {
    json rows = json::array();
    for (const auto& item : test::catalog().items())
        if (auto info = parse_provider_info(dump(item.value()))) rows.push_back(index_row(*info, item.key() == "salesforce"));
    return dump(rows);
}

Picker catalog_picker() {
    Picker p;
    p.set_entries(parse_provider_index(catalog_index()).value());
    return p;
}

std::vector<std::string> names(const Picker& p) {
    std::vector<std::string> out;
    for (const ProviderEntry* e : p.shown()) out.push_back(e->name);
    return out;
}

bool lists(const Picker& p, const std::string& name) {
    auto all = names(p);
    return std::find(all.begin(), all.end(), name) != all.end();
}

Response ok_text(const std::string& text) { return test::answer(200, "application/json", text); }

struct Flow : test::MachineHarness<Flow> {
    explicit Flow(std::string provider) : s(options(std::move(provider))) {}
    static SetupOptions options(std::string provider) {
        SetupOptions o;
        o.provider = std::move(provider);
        o.project = "acme";
        o.asset_base = kAssets;
        return o;
    }
    Setup& machine() { return s; }
    // Answers what was sent: the index, guide files (404 unless `guide` is given) and catalog entries.
    void answer(const std::string& guide = "") {
        for (const Outgoing& o : s.take_requests()) {
            const std::string& url = o.request.url;
            if (url == std::string(kAssets) + "providers/index.json") s.on_response(o.id, ok_text(catalog_index()));
            else if (url.rfind(kAssets, 0) == 0) s.on_response(o.id, guide.empty() ? test::answer(404, "", "") : ok_text(guide));
            else {
                std::string name = url.substr(url.rfind('/') + 1);
                const json& entry = member(test::catalog(), name.c_str());
                s.on_response(o.id, entry.is_null() ? test::answer(404, "application/problem+json",
                                                                     R"({"title":"Not Found","status":404})")
                                                    : ok_text(dump(entry)));
            }
        }
    }
    Setup s;
};

} // namespace

TEST_CASE("search folding: case and Latin accents aside, other scripts as they are", "[picker]") {
    CHECK(search_folded("Société Générale") == "societe generale");
    CHECK(search_folded("SOCIÉTÉ") == "societe");
    CHECK(search_folded("Socie\xCC\x81te\xCC\x81") == "societe"); // typed decomposed: e + combining acute
    CHECK(search_folded("Łódź") == "lodz");
    CHECK(search_folded("日本") == "日本");
    CHECK(search_folded("a\xFF" "b") == "a\xFF" "b"); // a broken byte stays itself
}

TEST_CASE("the index lists the catalog, sorted by display name, with each provider's kind", "[picker]") {
    Picker p = catalog_picker();
    CHECK(p.entries.size() == test::catalog().size());
    CHECK(p.shown().size() == p.entries.size()); // an empty query shows everything
    CHECK(std::is_sorted(p.entries.begin(), p.entries.end(),
                         [](const ProviderEntry& a, const ProviderEntry& b) { return a.key < b.key; }));
    const ProviderEntry* sf = p.find("salesforce");
    REQUIRE(sf);
    CHECK(sf->display_name == "Salesforce");
    CHECK(sf->needs_app());
    CHECK(sf->curated);
    CHECK_FALSE(sf->shared_name); // the plain "Salesforce"
    CHECK(p.find("salesforceJWT")->shared_name); // "Salesforce" too: shown with its name
    // Each row keeps the catalog's icon for its mark; the entry made from a row carries it too.
    CHECK(sf->icon_url.rfind("https://", 0) == 0);
    CHECK(sf->info().icon_url == sf->icon_url);
    REQUIRE(p.find("activeCampaign"));
    CHECK_FALSE(p.find("activeCampaign")->needs_app());
    CHECK_FALSE(parse_provider_index("{}"));
    CHECK_FALSE(parse_provider_index("not json"));
}

TEST_CASE("an index row's icon is kept only when the widget may load it", "[picker]") {
    auto rows = parse_provider_index(R"j([{"name":"a","iconURL":"https://img.example.com/a.svg"},
                                         {"name":"b","iconURL":"http://img.example.com/b.png"},
                                         {"name":"c","iconURL":"javascript:alert(1)"},{"name":"d"}])j");
    REQUIRE(rows);
    REQUIRE(rows->size() == 4);
    CHECK((*rows)[0].icon_url == "https://img.example.com/a.svg");
    for (size_t i = 1; i < 4; ++i) CHECK((*rows)[i].icon_url.empty());
}

TEST_CASE("typing filters by display name and name, case- and accent-insensitively, prefixes first", "[picker]") {
    Picker p = catalog_picker();
    p.set_query("sales");
    auto found = names(p);
    CHECK(lists(p, "salesforce"));
    CHECK(found.back() == "freshsales"); // contains "sales", but does not start with it
    // Starting with it: those that need an app (what the widget sets up) first.
    CHECK(std::vector<std::string>(found.begin(), found.begin() + 3) ==
          std::vector<std::string>{"salesforce", "salesloft", "salesfinity"});
    p.set_query("SALESFORCE");
    CHECK(names(p).front() == "salesforce");
    p.set_query("  hub   spot ");
    CHECK(lists(p, "hubspot")); // every word, anywhere
    p.set_query("zendeskSupport"); // the name, as the option spells it
    CHECK(lists(p, "zendeskSupport"));
    p.set_query("nothing like it");
    CHECK(p.shown().empty());
    CHECK(p.current() == nullptr);

    Picker accented;
    accented.set_entries(parse_provider_index(R"([{"name":"societe","displayName":"Société Générale"},
                                                   {"name":"other","displayName":"Other"}])").value());
    accented.set_query("societe gen");
    CHECK(names(accented) == std::vector<std::string>{"societe"});
    accented.set_query("GÉNÉ");
    CHECK(names(accented) == std::vector<std::string>{"societe"});
}

TEST_CASE("the keyboard's highlight moves within the matches and starts over on new typing", "[picker]") {
    Picker p = catalog_picker();
    p.set_query("sales");
    size_t n = p.shown().size();
    REQUIRE(n > 3);
    CHECK(p.highlighted() == 0);
    p.move(-1);
    CHECK(p.highlighted() == 0); // stops at the top
    p.move(2);
    CHECK(p.current() == p.shown()[2]);
    p.move(100);
    CHECK(p.highlighted() == n - 1); // and at the bottom
    p.highlight(1);
    CHECK(p.highlighted() == 1);
    p.highlight(n); // out of range: ignored
    CHECK(p.highlighted() == 1);
    p.set_query("salesf");
    CHECK(p.highlighted() == 0);
}

TEST_CASE("no provider named: the picker, then the chosen provider's guide and an event", "[picker][setup]") {
    Flow f("");
    CHECK(f.s.stage() == Stage::Picking);
    f.s.start();
    auto sent = f.s.take_requests();
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].request.url == "https://setup.example.com/widget/providers/index.json");
    CHECK(sent[0].request.headers.empty()); // a static file: no credential
    f.s.on_response(sent[0].id, ok_text(catalog_index()));
    CHECK(f.s.picker.entries.size() == test::catalog().size());
    CHECK(f.s.stage() == Stage::Picking);

    f.s.picker.set_query("sales");
    f.s.picker.move(1);
    REQUIRE(f.s.picker.current()->name == "salesloft");
    f.s.picker.move(-1);
    REQUIRE(f.s.picker.current()->name == "salesforce");
    f.s.choose_provider(f.s.picker.current()->name);
    CHECK(f.only_event() == json{{"type", "providerChosen"}, {"provider", "salesforce"}, {"displayName", "Salesforce"}});
    CHECK(f.s.stage() == Stage::LoadingProvider);
    CHECK(f.s.options.provider == "salesforce");
    f.answer(test::read_source_file("assets/providers/salesforce.json"));
    CHECK(f.s.stage() == Stage::Access);
    REQUIRE(f.s.guide);
    CHECK(f.s.guide->client_id_label == "Consumer Key");
}

TEST_CASE("without index.json beside the widget, the picker lists GET /providers; both failing is an error", "[picker][setup]") {
    Flow f("");
    f.s.start();
    auto sent = f.s.take_requests();
    REQUIRE(sent.size() == 1);
    f.s.on_response(sent[0].id, test::answer(404, "text/html", "<h1>Not Found</h1>"));
    CHECK_FALSE(f.s.error);
    sent = f.s.take_requests();
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].request.url.size() > 10);
    CHECK(sent[0].request.url.substr(sent[0].request.url.size() - 10) == "/providers");
    for (const auto& [name, value] : sent[0].request.headers) // listing providers needs no credential
        CHECK((name != "X-Api-Key" && name != "Authorization"));
    f.s.on_response(sent[0].id, ok_text(dump(test::catalog())));
    CHECK(f.s.picker.entries.size() == test::catalog().size());
    CHECK(f.s.picker.find("salesforce")->needs_app());
    CHECK(f.s.picker.find("salesforce")->icon_url.rfind("https://", 0) == 0);
    CHECK(f.s.stage() == Stage::Picking);

    Flow g("");
    g.s.start();
    for (int i = 0; i < 2; ++i) {
        sent = g.s.take_requests();
        REQUIRE(sent.size() == 1);
        g.s.on_response(sent[0].id, test::answer(503, "application/problem+json", R"({"title":"Unavailable","status":503})"));
    }
    CHECK(g.s.error);
    CHECK(g.s.picker.entries.empty());
    CHECK(g.s.take_requests().empty()); // nothing more is asked until the admin retries
}

TEST_CASE("a provider that needs no app is explained, not set up", "[picker][setup]") {
    Flow f("");
    f.s.start();
    f.answer();
    f.s.choose_provider("activeCampaign");
    CHECK(f.s.stage() == Stage::Picking); // nothing to register: the picker stays
    CHECK(f.s.picker.explained == "activeCampaign");
    CHECK(f.s.options.provider.empty());
    CHECK(f.events().empty());
    f.nothing_sent();
    CHECK(how_users_connect(f.s.picker.find("activeCampaign")->info()).find("with an API key") != std::string::npos);
    f.s.choose_provider("noSuchProvider"); // not in the list: nothing happens
    CHECK(f.s.stage() == Stage::Picking);
}

TEST_CASE("an unknown provider name: a message naming it, an error event, and the picker", "[picker][setup]") {
    Flow f("noSuchProvider");
    f.s.start();
    f.answer(); // the provider and its guide file both 404
    CHECK(f.s.stage() == Stage::Picking);
    CHECK(f.s.picker.asked == "noSuchProvider");
    json e = f.only_event();
    CHECK(e["type"] == "error");
    CHECK(e["operation"] == "loadProvider");
    CHECK(e["status"] == 404);
    CHECK(e["message"].get<std::string>().find("noSuchProvider") != std::string::npos);
    f.answer(); // the index
    CHECK_FALSE(f.s.picker.entries.empty());
    f.s.choose_provider("pinterest");
    CHECK(f.s.picker.asked.empty());
    f.answer();
    CHECK(f.s.stage() == Stage::Access);
    CHECK(f.s.guide->client_id_label == "App ID"); // built in
}

TEST_CASE("Change provider keeps the project and its apps, and marks the providers that have one", "[picker][setup]") {
    Flow f("pinterest");
    f.s.api_key.assign(test::kKey);
    f.s.start();
    f.answer();
    f.s.submit_access();
    json apps = {{{"id", "app-1"}, {"projectId", "acme"}, {"provider", "hubspot"}, {"clientId", "hub-id"},
                  {"scopes", json::array()}, {"createTime", "2026-01-01T00:00:00Z"}}};
    f.s.on_response(f.one().id, test::ok(apps));
    CHECK(f.s.stage() == Stage::Ready);
    CHECK_FALSE(f.s.selected()); // no Pinterest app yet
    f.events();

    f.s.change_provider();
    CHECK(f.s.stage() == Stage::Picking);
    CHECK(f.s.apps_known());
    CHECK(f.s.has_app("hubspot"));
    CHECK_FALSE(f.s.has_app("pinterest"));
    f.answer(); // the index
    f.s.choose_provider("hubspot");
    CHECK(f.s.selected_id == "app-1"); // its saved app opens
    f.answer(test::read_source_file("assets/providers/hubspot.json"));
    CHECK(f.s.stage() == Stage::Ready); // straight to the form: the project is still connected
    CHECK(f.s.form.client_id == "hub-id"); // loaded into the fetched guide's form
}

TEST_CASE("a provider chosen in the picker gets its guide's translation only where the index says it is curated", "[picker][overlay]") {
    for (const char* name : {"gong", "salesforce"}) {
        INFO(name);
        Flow f("");
        f.s.options.locale = "pt-BR";
        f.s.start();
        f.answer();
        f.s.choose_provider(name);
        std::vector<std::string> urls;
        for (const Outgoing& o : f.s.take_requests()) urls.push_back(o.request.url);
        bool asked = std::count(urls.begin(), urls.end(), std::string(kAssets) + "providers/pt-BR/" + name + ".json");
        CHECK(asked == (std::string(name) == "salesforce")); // gong's guide is generic: worded from the catalog
        CHECK(urls.size() == (asked ? 3u : 2u));
    }
}
