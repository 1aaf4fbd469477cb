#include "core/messages.h"

#include "amp_messages_en.h"

namespace amp {

namespace {

std::string_view language(std::string_view locale) {
    return locale.substr(0, locale.find('-'));
}

const json& lookup(const json& table, std::string_view key) {
    static const json none;
    if (!table.is_object()) return none;
    auto it = table.find(std::string(key));
    return it == table.end() ? none : *it;
}

// "{name}" replaced by the argument of that name; braces with no such argument are kept as they are.
std::string fill(std::string_view pattern, MessageArgs args) {
    std::string out;
    for (size_t i = 0; i < pattern.size();) {
        size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
        const MessageArg* arg = nullptr;
        if (close != std::string_view::npos)
            for (const MessageArg& a : args)
                if (a.name == pattern.substr(i + 1, close - i - 1)) arg = &a;
        if (arg) out += arg->value, i = close + 1;
        else out += pattern[i++];
    }
    return out;
}

} // namespace

PluralCategory plural_category(std::string_view locale, long long n) {
    std::string_view lang = language(locale);
    if (lang == "ja") return PluralCategory::Other;
    if (lang == "fr" || lang == "pt") return n == 0 || n == 1 ? PluralCategory::One : PluralCategory::Other;
    return n == 1 ? PluralCategory::One : PluralCategory::Other;
}

std::vector<std::string> plural_categories(std::string_view locale) {
    if (language(locale) == "ja") return {"other"};
    return {"one", "other"};
}

Messages::Messages() = default;

const json& Messages::english() {
    static const json en = parse_json({(const char*)amp_messages_en, amp_messages_en_size});
    return en;
}

bool Messages::load(std::string_view locale, std::string_view catalog_json) {
    json table = parse_json(catalog_json);
    if (!table.is_object()) return false;
    locale_ = std::string(locale);
    table_ = std::move(table);
    return true;
}

const json& Messages::find(std::string_view key, bool* localised) const {
    const json& mine = lookup(table_, key);
    if (localised) *localised = !mine.is_null();
    return mine.is_null() ? lookup(english(), key) : mine;
}

std::string Messages::text(std::string_view key, MessageArgs args) const {
    bool localised = false;
    const json* m = &find(key, &localised);
    if (m->is_object()) { // counts: the category of {count}, by the rule of the catalog it came from
        long long n = 0;
        for (const MessageArg& a : args)
            if (a.name == "count")
                for (char c : a.value)
                    if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
        bool one = plural_category(localised ? locale_ : "en", n) == PluralCategory::One;
        m = &member(*m, one && m->contains("one") ? "one" : "other");
    }
    return m->is_string() ? fill(m->get_ref<const std::string&>(), args) : std::string(key);
}

const std::string& Messages::text(std::string_view key) const {
    const json* m = &find(key);
    if (m->is_object()) m = &member(*m, "other");
    return m->is_string() ? m->get_ref<const std::string&>() : *unknown_.emplace(key).first;
}

namespace {
Messages& current() {
    static Messages m;
    return m;
}
} // namespace

const Messages& messages() { return current(); }
void use_messages(Messages m) { current() = std::move(m); }

} // namespace amp
