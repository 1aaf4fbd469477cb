// Every provider guide in assets/providers/ checked against Ampersand's own catalog (assets/catalog/catalog.json):
// a guide must name a provider Ampersand knows, one that connects through a browser OAuth grant, and must be
// well-formed enough for the widget to show (https links, one redirect step, plain scope names, cited sources).
#include "catalog_copy.h"
#include "core/catalog.h"
#include "core/json.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace amp;
using amp::test::catalog;
using amp::test::is_https_url;
namespace fs = std::filesystem;

namespace {

struct GuideFile {
    std::string name; // file name, e.g. "salesforce.json"
    json raw;         // the file as JSON, for the fields parse_guide does not read (sources)
    std::optional<ProviderGuide> guide;
};

// Every guide file, sorted by name so failures come out in a stable order.
const std::vector<GuideFile>& guide_files() {
    static const std::vector<GuideFile> files = [] {
        std::vector<GuideFile> out;
        for (const fs::directory_entry& e : fs::directory_iterator(fs::path(AMP_SOURCE_DIR) / "assets/providers")) {
            if (e.path().extension() != ".json") continue;
            std::string text = test::read_source_file(fs::path("assets/providers") / e.path().filename());
            out.push_back({e.path().filename().string(), parse_json(text), parse_guide(text)});
        }
        std::sort(out.begin(), out.end(), [](const GuideFile& a, const GuideFile& b) { return a.name < b.name; });
        return out;
    }();
    return files;
}

// The keys a guide may use at each level: a misspelt key ("showRedirectUri") would otherwise be dropped silently.
void check_keys(const json& object, const std::set<std::string>& allowed, const std::string& where) {
    INFO(where);
    CHECK((object.is_object() || object.is_null()));
    if (!object.is_object()) return;
    for (const auto& item : object.items()) {
        INFO("key " << item.key());
        CHECK(allowed.count(item.key()) == 1);
    }
}

} // namespace

TEST_CASE("the catalog copy and the guide files are there", "[guides]") {
    REQUIRE(catalog().is_object());
    CHECK(catalog().size() > 200);
    REQUIRE_FALSE(guide_files().empty());
}

TEST_CASE("every guide file is a guide named after its provider", "[guides]") {
    for (const GuideFile& f : guide_files()) {
        INFO(f.name);
        CHECK(f.guide);
        if (!f.guide) continue;
        CHECK(f.name == f.guide->provider + ".json");
        CHECK_FALSE(f.guide->console_name.empty());
        CHECK_FALSE(f.guide->client_id_label.empty());
        CHECK_FALSE(f.guide->client_id_hint.empty());
        CHECK_FALSE(f.guide->client_secret_label.empty());
        CHECK_FALSE(f.guide->client_secret_hint.empty());
        check_keys(f.raw, {"provider", "displayName", "consoleName", "consoleUrl", "clientId", "clientSecret", "steps",
                           "scopes", "scopesRequired", "sources"}, f.name);
        check_keys(member(f.raw, "clientId"), {"label", "format", "hint"}, f.name + " clientId");
        check_keys(member(f.raw, "clientSecret"), {"label", "hint"}, f.name + " clientSecret");
        for (const json& s : items(f.raw, "steps"))
            check_keys(s, {"id", "title", "detail", "linkLabel", "url", "showsRedirectUri"}, f.name + " step");
        for (const json& s : items(f.raw, "scopes")) check_keys(s, {"name", "meaning", "preset"}, f.name + " scope");
    }
}

TEST_CASE("every guide is for a catalog provider that connects through a browser OAuth grant", "[guides]") {
    for (const GuideFile& f : guide_files()) {
        INFO(f.name);
        if (!f.guide) continue; // reported as not a guide above
        const json& info = member(catalog(), f.guide->provider.c_str());
        CHECK(info.is_object());
        if (!info.is_object()) continue;
        CHECK(str(info, "authType") == "oauth2");
        const json& oauth = member(info, "oauth2Opts");
        const std::string grant = str(oauth, "grantType");
        CHECK((grant == "authorizationCode" || grant == "authorizationCodePKCE"));
        CHECK(f.guide->display_name == str(info, "displayName"));
        CHECK(f.guide->scopes_required == flag(oauth, "explicitScopesRequired"));
    }
}

TEST_CASE("every guide's scopes are plain, distinct names with a meaning", "[guides]") {
    for (const GuideFile& f : guide_files()) {
        INFO(f.name);
        if (!f.guide) continue; // reported as not a guide above
        std::set<std::string> seen;
        for (const ScopeInfo& s : f.guide->scopes) {
            INFO("scope '" << s.name << "'");
            CHECK_FALSE(s.name.empty());
            CHECK(std::none_of(s.name.begin(), s.name.end(), [](unsigned char c) { return c <= ' '; }));
            CHECK_FALSE(s.meaning.empty());
            CHECK(seen.insert(s.name).second);
        }
        // A provider that insists on scopes needs some to offer, and at least one chosen by default.
        if (f.guide->scopes_required)
            CHECK(std::any_of(f.guide->scopes.begin(), f.guide->scopes.end(),
                              [](const ScopeInfo& s) { return s.preset; }));
    }
}

TEST_CASE("every guide's links and sources are https", "[guides]") {
    for (const GuideFile& f : guide_files()) {
        INFO(f.name);
        if (!f.guide) continue; // reported as not a guide above
        CHECK(is_https_url(f.guide->console_url));
        for (const GuideStep& s : f.guide->steps) {
            INFO("step " << s.id);
            CHECK(is_https_url(s.url));
            CHECK_FALSE(s.link_label.empty());
        }
        const std::vector<json>& sources = items(f.raw, "sources");
        CHECK_FALSE(sources.empty());
        for (const json& source : sources) {
            INFO("source " << source.dump());
            CHECK((source.is_string() && is_https_url(source.get<std::string>())));
        }
    }
}

TEST_CASE("every checklist has distinct step ids and exactly one redirect step", "[guides]") {
    for (const GuideFile& f : guide_files()) {
        INFO(f.name);
        if (!f.guide) continue; // reported as not a guide above
        std::set<std::string> ids;
        int redirect_steps = 0;
        for (const GuideStep& s : f.guide->steps) {
            INFO("step '" << s.id << "'");
            CHECK_FALSE(s.id.empty());
            CHECK(ids.insert(s.id).second);
            CHECK_FALSE(s.title.empty());
            CHECK_FALSE(s.detail.empty());
            redirect_steps += s.shows_redirect_uri ? 1 : 0;
        }
        CHECK(redirect_steps == 1);
    }
}

TEST_CASE("the curated guides are all there", "[guides]") {
    std::set<std::string> names;
    for (const GuideFile& f : guide_files()) names.insert(f.name);
    for (const char* provider : {"asana", "atlassian", "google", "hubspot", "linkedIn", "microsoft", "notion",
                                 "pinterest", "salesforce", "shopify", "slack", "zendeskSupport"}) {
        INFO(provider);
        CHECK(names.count(std::string(provider) + ".json") == 1);
    }
}

TEST_CASE("parse_guide ignores fields it does not read, so guides can carry their sources", "[guides]") {
    auto g = parse_guide(R"({"provider": "acme", "displayName": "Acme", "sources": ["https://acme.example/docs"],
                             "scopes": [{"name": "read", "meaning": "Read", "preset": true, "since": "v2"}]})");
    REQUIRE(g);
    CHECK(g->display_name == "Acme");
    REQUIRE(g->scopes.size() == 1);
    CHECK(g->scopes[0].name == "read");
    CHECK(g->scopes[0].preset);
}
