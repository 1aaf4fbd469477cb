// A curated guide's translation (core/guide_overlay.h): laid over the English guide field by field, with
// anything missing, unknown or malformed leaving the English; fetched beside the guide for a non-English
// admin only, and holding the load until it answers, so the guide is drawn once, in that language. And
// every overlay the project ships checked against its English guide.
#include "answers.h"
#include "catalog_copy.h"
#include "core/guide_overlay.h"
#include "core/setup.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

using namespace amp;
using amp::test::answer;
namespace fs = std::filesystem;

namespace {

constexpr const char* kAssets = "https://setup.example.com/widget/";

const ProviderGuide& pinterest() {
    const ProviderGuide* g = builtin_guide("pinterest");
    REQUIRE(g);
    return *g;
}

// A German overlay of two steps and one scope, and one step id and scope the guide has not.
const char* kGerman = R"({"provider": "pinterest",
  "clientIdHint": "Nur Ziffern.",
  "steps": {"business": {"title": "Ein Unternehmenskonto haben", "detail": "Melden Sie sich an.", "linkLabel": "Konto erstellen"},
            "app": {"title": "App erstellen"},
            "nope": {"title": "Gibt es nicht"}},
  "scopes": {"pins:read": "Öffentliche Pins lesen", "nope:read": "Gibt es nicht"}})";

ProviderGuide overlaid(std::string_view text) {
    ProviderGuide g = pinterest();
    if (auto o = parse_overlay(text)) apply_overlay(g, *o);
    return g;
}

const GuideStep& step(const ProviderGuide& g, std::string_view id) {
    for (const GuideStep& s : g.steps)
        if (s.id == id) return s;
    FAIL("no step " << id);
    return g.steps.front();
}

} // namespace

TEST_CASE("an overlay's words replace the guide's, by step id and scope name", "[overlay]") {
    ProviderGuide de = overlaid(kGerman);
    CHECK(de.client_id_hint == "Nur Ziffern.");
    CHECK(de.client_secret_hint == pinterest().client_secret_hint); // not in the overlay: English
    CHECK(step(de, "business").title == "Ein Unternehmenskonto haben");
    CHECK(step(de, "business").detail == "Melden Sie sich an.");
    CHECK(step(de, "business").link_label == "Konto erstellen");
    CHECK(de.find_scope("pins:read")->meaning == "Öffentliche Pins lesen");
    // What is not words stays: the provider's terms, urls, ids, scope names and presets.
    CHECK(de.client_id_label == "App ID");
    CHECK(de.console_name == pinterest().console_name);
    CHECK(step(de, "business").url == step(pinterest(), "business").url);
    REQUIRE(de.steps.size() == pinterest().steps.size());
    REQUIRE(de.scopes.size() == pinterest().scopes.size());
    for (size_t i = 0; i < de.scopes.size(); i++) {
        CHECK(de.scopes[i].name == pinterest().scopes[i].name);
        CHECK(de.scopes[i].preset == pinterest().scopes[i].preset);
    }
}

TEST_CASE("what a partial overlay lacks or does not know stays English", "[overlay]") {
    ProviderGuide de = overlaid(kGerman);
    CHECK(step(de, "app").title == "App erstellen");
    CHECK(step(de, "app").detail == step(pinterest(), "app").detail); // the step has a title only
    CHECK(step(de, "trial").title == step(pinterest(), "trial").title); // no such step in the overlay
    CHECK(de.find_scope("pins:write")->meaning == pinterest().find_scope("pins:write")->meaning);
    CHECK_FALSE(de.find_scope("nope:read")); // an unknown scope adds nothing
    // An empty text is no translation.
    CHECK(step(overlaid(R"({"provider":"pinterest","steps":{"app":{"title":""}}})"), "app").title ==
          step(pinterest(), "app").title);
}

TEST_CASE("another provider's overlay, or a malformed one, leaves the guide English", "[overlay]") {
    auto english = [](const ProviderGuide& g) {
        CHECK(g.client_id_hint == pinterest().client_id_hint);
        CHECK(step(g, "business").title == step(pinterest(), "business").title);
        CHECK(g.find_scope("pins:read")->meaning == pinterest().find_scope("pins:read")->meaning);
    };
    std::string salesforce = kGerman;
    salesforce.replace(salesforce.find("pinterest"), 9, "salesforce");
    REQUIRE(parse_overlay(salesforce));
    english(overlaid(salesforce));
    for (const char* bad : {"", "not json", "[]", R"({"steps":{}})", R"({"provider":"pinterest","steps":[]})",
                            R"({"provider":"pinterest","clientIdHint":3})",
                            R"({"provider":"pinterest","steps":{"business":"Konto"}})",
                            R"({"provider":"pinterest","steps":{"business":{"title":1}}})",
                            R"({"provider":"pinterest","scopes":{"pins:read":{"de":"lesen"}}})",
                            R"({"provider":"pinterest","clientIdHint":"Nur Ziffern.","scopes":{"pins:read":null}})"}) {
        INFO(bad);
        CHECK_FALSE(parse_overlay(bad));
        english(overlaid(bad));
    }
}

namespace {

struct Flow {
    Flow(const std::string& provider, const std::string& locale) : s(options(provider, locale)) {}
    static SetupOptions options(const std::string& provider, const std::string& locale) {
        SetupOptions o;
        o.provider = provider;
        o.project = "acme";
        o.asset_base = kAssets;
        o.locale = locale;
        return o;
    }
    // Starts; the requests it made, by URL.
    std::map<std::string, int> start() {
        s.start();
        std::map<std::string, int> out;
        for (const Outgoing& o : s.take_requests()) out[o.request.url] = o.id;
        return out;
    }
    // Gives the project and key, and answers the app list with none.
    void give_access(double now = 0) {
        s.api_key.assign("key-1");
        s.submit_access();
        for (const Outgoing& o : s.take_requests()) s.on_response(o.id, answer(200, "application/json", "[]"), now);
    }
    void provider_answers(int id) {
        s.on_response(id, answer(200, "application/json", dump(member(test::catalog(), s.options.provider.c_str()))));
    }
    Setup s;
};

} // namespace

TEST_CASE("a German admin's Pinterest guide is fetched in German, and drawn once it has come", "[overlay][setup]") {
    Flow f("pinterest", "de");
    auto sent = f.start();
    REQUIRE(sent.size() == 2); // the provider, and the built-in guide's translation beside the widget
    const std::string overlay = "https://setup.example.com/widget/providers/de/pinterest.json";
    REQUIRE(sent.count(overlay));
    for (const auto& [url, id] : sent)
        if (url != overlay) f.provider_answers(id);
    // The access step is usable meanwhile: it shows none of the guide's words. The guide's steps, which
    // come after it, are not drawn in English while their German is coming.
    CHECK(f.s.stage() == Stage::Access);
    f.give_access();
    CHECK(f.s.stage() == Stage::LoadingProvider);
    f.s.on_response(sent[overlay], answer(200, "application/json", kGerman));
    CHECK(f.s.stage() == Stage::Ready);
    REQUIRE(f.s.guide);
    CHECK(step(*f.s.guide, "business").title == "Ein Unternehmenskonto haben");
    CHECK(f.s.steps_done.size() == pinterest().steps.size());
    CHECK(step(pinterest(), "business").title == "Have a Pinterest business account"); // the built-in one stays English
}

TEST_CASE("a translation that is late: the guide is shown in English after a while, then translated", "[overlay][setup]") {
    Flow f("pinterest", "ja");
    auto sent = f.start();
    const std::string overlay = "https://setup.example.com/widget/providers/ja/pinterest.json";
    for (const auto& [url, id] : sent)
        if (url != overlay) f.s.on_response(id, answer(200, "application/json", dump(member(test::catalog(), "pinterest"))), 1000);
    f.give_access(1000);
    CHECK(f.s.stage() == Stage::LoadingProvider);
    CHECK(f.s.next_deadline() == 3000); // two seconds, not the request's whole deadline
    f.s.tick(2999);
    CHECK(f.s.stage() == Stage::LoadingProvider);
    f.s.tick(3000);
    CHECK(f.s.stage() == Stage::Ready);
    CHECK(f.s.next_deadline() == 0);
    CHECK(step(*f.s.guide, "business").title == step(pinterest(), "business").title);
    f.s.steps_done[0] = true;
    f.s.on_response(sent[overlay], answer(200, "application/json", kGerman), 4000); // any words will do
    CHECK(step(*f.s.guide, "business").title == "Ein Unternehmenskonto haben");
    CHECK(f.s.steps_done[0]); // the admin's ticks stay
    CHECK(f.s.stage() == Stage::Ready);
}

TEST_CASE("a translation that does not come leaves the guide English, with no error", "[overlay][setup]") {
    for (Response missing : {answer(404, "text/html", "<h1>Not found</h1>"), Response{},
                             answer(200, "application/json", "{\"provider\":\"pinterest\",\"steps\":[]}")}) {
        INFO(missing.status);
        Flow f("pinterest", "fr");
        auto sent = f.start();
        REQUIRE(sent.size() == 2);
        for (const auto& [url, id] : sent)
            if (url.find("/providers/fr/") != std::string::npos) f.s.on_response(id, missing);
            else f.provider_answers(id);
        CHECK(f.s.stage() == Stage::Access);
        CHECK_FALSE(f.s.error);
        CHECK(f.s.take_events().size() == 1); // providerLoaded, and nothing else
        CHECK(step(*f.s.guide, "business").title == step(pinterest(), "business").title);
    }
}

TEST_CASE("English asks for no translation; a curated guide's comes beside its file", "[overlay][setup]") {
    Flow en("pinterest", "en");
    CHECK(en.start().size() == 1);
    Flow ja("salesforce", "ja");
    auto sent = ja.start();
    CHECK(sent.size() == 3);
    CHECK(sent.count("https://setup.example.com/widget/providers/salesforce.json"));
    CHECK(sent.count("https://setup.example.com/widget/providers/ja/salesforce.json"));
}

TEST_CASE("every shipped overlay matches its English guide, in a locale the loader offers", "[overlay][guides]") {
    std::set<std::string> offered;
    for (const std::string& l : test::loader_locales())
        if (l != "en") offered.insert(l);
    std::set<std::string> shipped;
    fs::path root = fs::path(AMP_SOURCE_DIR) / "assets/providers";
    for (const fs::directory_entry& dir : fs::directory_iterator(root)) {
        if (!dir.is_directory()) continue;
        std::string locale = dir.path().filename().string();
        shipped.insert(locale);
        CHECK(fs::exists(dir.path() / "pinterest.json")); // the built-in guide is translated in every locale
        for (const fs::directory_entry& e : fs::directory_iterator(dir.path())) {
            std::string name = e.path().filename().string();
            INFO(locale << "/" << name);
            REQUIRE(e.path().extension() == ".json");
            REQUIRE(fs::exists(root / name)); // an English guide of that name
            auto english = parse_guide(test::read_source_file(fs::path("assets/providers") / name));
            std::string text = test::read_source_file(fs::path("assets/providers") / locale / name);
            json raw = parse_json(text);
            REQUIRE(english);
            REQUIRE(parse_overlay(text));
            CHECK(str(raw, "provider") == english->provider);
            for (const auto& [key, value] : raw.items()) {
                INFO("key " << key);
                CHECK(std::set<std::string>{"provider", "clientIdHint", "clientSecretHint", "steps", "scopes"}.count(key));
            }
            CHECK(raw.contains("clientIdHint") == !english->client_id_hint.empty());
            CHECK(raw.contains("clientSecretHint") == !english->client_secret_hint.empty());
            std::vector<std::string> ids, names;
            for (const GuideStep& s : english->steps) ids.push_back(s.id);
            for (const ScopeInfo& s : english->scopes) names.push_back(s.name);
            std::vector<std::string> their_ids, their_names;
            for (const auto& [id, step] : member(raw, "steps").items()) {
                INFO("step " << id);
                their_ids.push_back(id);
                for (const auto& [key, value] : step.items()) {
                    INFO("key " << key);
                    CHECK(std::set<std::string>{"title", "detail", "linkLabel"}.count(key));
                    CHECK_FALSE(str(step, key.c_str()).empty());
                }
            }
            for (const auto& [scope, meaning] : member(raw, "scopes").items()) their_names.push_back(scope);
            std::sort(ids.begin(), ids.end());
            std::sort(names.begin(), names.end());
            CHECK(their_ids == ids); // nlohmann keeps keys sorted
            CHECK(their_names == names);
        }
    }
    CHECK(shipped == offered);
}
