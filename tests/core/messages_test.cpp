// The message catalogs: lookup, parameters and plurals (core/messages.h), and every shipped locale file
// checked against English: the same keys, the same parameters in each message, and the plural forms
// its language needs. A locale the loader offers (web/src/locale.js) must have its file.
#include "catalog_copy.h"
#include "core/messages.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

using namespace amp;
namespace fs = std::filesystem;

namespace {

// The {name}s a pattern uses.
std::set<std::string> params(const std::string& pattern) {
    std::set<std::string> out;
    static const std::regex brace(R"(\{([A-Za-z_]+)\})");
    for (std::sregex_iterator it(pattern.begin(), pattern.end(), brace), end; it != end; ++it) out.insert((*it)[1]);
    return out;
}

// Every form's parameters, as one set (a plural's forms may differ from each other only in wording).
std::set<std::string> params(const json& message) {
    if (message.is_string()) return params(message.get<std::string>());
    std::set<std::string> out;
    for (const auto& [category, form] : message.items()) {
        std::set<std::string> p = form.is_string() ? params(form.get<std::string>()) : std::set<std::string>{};
        out.insert(p.begin(), p.end());
    }
    return out;
}

// Puts English back after a test that loaded another locale.
struct EnglishAfter {
    ~EnglishAfter() { use_messages(Messages{}); }
};

} // namespace

TEST_CASE("English is built in, with parameters filled by name") {
    Messages en;
    CHECK(en.locale() == "en");
    CHECK(en.text("page.title", {{"provider", "Pinterest"}}) == "Set up Pinterest for Ampersand");
    CHECK(en.text("prove.account", {{"group", "g1"}, {"provider", "Pinterest"}, {"consumer", "me"}}) ==
          "Pinterest account of consumer me in group g1");
    // A value that looks like a parameter is not filled in again.
    CHECK(en.text("page.project", {{"project", "{project}"}}) == "Project: {project}");
}

TEST_CASE("a missing parameter stays visible; an unknown key reads as the key") {
    Messages en;
    CHECK(en.text("page.title") == "Set up {provider} for Ampersand");
    CHECK(en.text("no.such.key") == "no.such.key");
}

TEST_CASE("plural categories follow CLDR for the shipped languages") {
    for (const char* l : {"en", "de", "es"}) {
        INFO(l);
        CHECK(plural_category(l, 1) == PluralCategory::One);
        CHECK(plural_category(l, 0) == PluralCategory::Other);
        CHECK(plural_category(l, 2) == PluralCategory::Other);
    }
    for (const char* l : {"fr", "pt-BR"}) { // 0 and 1 are "one"
        INFO(l);
        CHECK(plural_category(l, 0) == PluralCategory::One);
        CHECK(plural_category(l, 1) == PluralCategory::One);
        CHECK(plural_category(l, 2) == PluralCategory::Other);
    }
    for (long long n : {0, 1, 2}) CHECK(plural_category("ja", n) == PluralCategory::Other);
    CHECK(plural_categories("ja") == std::vector<std::string>{"other"});
    CHECK(plural_categories("fr") == std::vector<std::string>{"one", "other"});
}

TEST_CASE("a counting message takes the form of its count, in its locale") {
    Messages en;
    CHECK(en.text("picker.count", {{"count", "1"}}).rfind("1 provider ", 0) == 0);
    CHECK(en.text("picker.count", {{"count", "0"}}).rfind("0 providers ", 0) == 0);
    Messages fr;
    REQUIRE(fr.load("fr", R"({"picker.count": {"one": "{count} fournisseur", "other": "{count} fournisseurs"}})"));
    CHECK(fr.text("picker.count", {{"count", "0"}}) == "0 fournisseur"); // French: 0 is singular
    CHECK(fr.text("picker.count", {{"count", "2"}}) == "2 fournisseurs");
    // A key the locale lacks reads in English, with English's plural rule.
    CHECK(fr.text("register.several", {{"count", "0"}, {"provider", "X"}}) == "This project has 0 X apps.");
}

TEST_CASE("a locale is laid over English; a file that is not a catalog leaves English") {
    Messages m;
    REQUIRE(m.load("de", R"({"common.cancel": "Abbrechen"})"));
    CHECK(m.locale() == "de");
    CHECK(m.text("common.cancel") == "Abbrechen");
    CHECK(m.text("common.copy") == "Copy");
    Messages bad;
    CHECK_FALSE(bad.load("de", "<html>not found</html>"));
    CHECK_FALSE(bad.load("de", "[1, 2]"));
    CHECK(bad.locale() == "en");
    CHECK(bad.text("common.cancel") == "Cancel");
}

TEST_CASE("the state machines speak from the catalog in use") {
    EnglishAfter restore;
    Messages de;
    REQUIRE(de.load("de", test::read_source_file("assets/locales/de.json")));
    use_messages(de);
    CHECK(tr("common.cancel") == "Abbrechen");
    CHECK(tr("page.title", {{"provider", "Pinterest"}}) == "Pinterest für Ampersand einrichten");
}

TEST_CASE("every shipped catalog has English's keys, parameters and its plural forms") {
    const json& en = Messages::english();
    REQUIRE(en.is_object());
    REQUIRE(en.size() > 150);
    std::set<std::string> files;
    for (const fs::directory_entry& e : fs::directory_iterator(fs::path(AMP_SOURCE_DIR) / "assets/locales"))
        if (e.path().extension() == ".json") files.insert(e.path().stem().string());
    std::set<std::string> offered_locales;
    for (const std::string& l : test::loader_locales()) offered_locales.insert(l);
    CHECK(files == offered_locales); // every offered locale has a file, and no file lies unused
    for (const std::string& locale : files) {
        INFO("locale " << locale);
        json catalog = parse_json(test::read_source_file(fs::path("assets/locales") / (locale + ".json")));
        REQUIRE(catalog.is_object());
        std::vector<std::string> categories = plural_categories(locale);
        for (const auto& [key, message] : en.items()) {
            INFO("key " << key);
            REQUIRE(catalog.contains(key));
            const json& m = catalog[key];
            if (message.is_object()) { // counts: exactly the locale's categories, each a string
                REQUIRE(m.is_object());
                std::vector<std::string> got;
                for (const auto& [category, form] : m.items()) {
                    CHECK(form.is_string());
                    got.push_back(category);
                }
                CHECK(got == categories);
            } else {
                REQUIRE(m.is_string());
                CHECK_FALSE(m.get<std::string>().empty());
            }
            CHECK(params(m) == params(message));
        }
        for (const auto& [key, message] : catalog.items()) {
            INFO("key " << key);
            CHECK(en.contains(key)); // no stray key: a misspelt one would never be read
        }
    }
}
