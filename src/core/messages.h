// The widget's own words, by key, in the admin's language: a message catalog per locale. English is
// built in (assets/locales/en.json, embedded); another locale's file (assets/locales/<locale>.json,
// served as locales/<locale>.json beside the widget) is laid over it, so a key it lacks reads in English.
// A message names its parameters ("Set up {provider} for Ampersand"); a message that counts is an
// object of CLDR plural categories ({"one": "{count} provider", "other": "{count} providers"}), chosen
// by its {count}. Machine text (error codes, event names and fields, log lines) is never looked up here.
#pragma once
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace amp {

// The CLDR plural categories of the shipped locales (English, German, Spanish: one is 1; French and
// Brazilian Portuguese: 0 and 1; Japanese: other only). CLDR's "many" (French, Spanish and Portuguese
// millions) never counts anything here.
enum class PluralCategory { One, Other };
PluralCategory plural_category(std::string_view locale, long long n);
// The categories a locale's counting messages must have (the catalog test checks every file).
std::vector<std::string> plural_categories(std::string_view locale);

// Views, not copies: the arguments (temporaries included) live until the message is made.
struct MessageArg {
    std::string_view name;
    std::string_view value;
};
using MessageArgs = std::initializer_list<MessageArg>;

class Messages {
public:
    Messages(); // English
    // Lays a locale's catalog (its file's text) over English; false, and English kept, when the text is
    // not a catalog.
    bool load(std::string_view locale, std::string_view catalog_json);
    const std::string& locale() const { return locale_; }
    // The message with its {name}s filled in; a plural message by its {count}. An unknown key reads
    // as the key, so a missing message shows, and a test finds it.
    std::string text(std::string_view key, MessageArgs args) const;
    // A message without parameters, as the catalog holds it (a plural: its "other" form). A reference,
    // valid while this catalog is in use: most of the screens' words are drawn with no copy made.
    const std::string& text(std::string_view key) const;
    static const json& english(); // the built-in catalog, parsed once

private:
    const json& find(std::string_view key, bool* localised = nullptr) const;
    std::string locale_ = "en";
    json table_; // the locale's file (null for English)
    mutable std::set<std::string, std::less<>> unknown_; // keys asked for that no catalog has
};

// The catalog the screens and state machines speak from; the web layer loads the admin's at start.
const Messages& messages();
void use_messages(Messages m);
inline std::string tr(std::string_view key, MessageArgs args) { return messages().text(key, args); }
inline const std::string& tr(std::string_view key) { return messages().text(key); }

} // namespace amp
