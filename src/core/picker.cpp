#include "core/picker.h"

#include <algorithm>
#include <cctype>

#include "core/json.h"
#include "core/providers.h"
#include "core/url.h"

namespace amp {

namespace {

// Base letters of U+00C0..U+017F, one per code point ('*' for the two signs among them, kept as they are).
constexpr std::string_view kLatinBase =
    "aaaaaaaceeeeiiii" "dnooooo*ouuuuyts" "aaaaaaaceeeeiiii" "dnooooo*ouuuuyty" // U+00C0..U+00FF
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhh"
    "iiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooo"
    "rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"; // U+0100..U+017F
static_assert(kLatinBase.size() == 0x180 - 0xC0);

constexpr char32_t kMalformed = 0xFFFFFFFF; // kept as the byte it is

// The code point at s[i] and its length in bytes.
char32_t decode(std::string_view s, size_t i, size_t* len) {
    unsigned char c = (unsigned char)s[i];
    *len = 1;
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return kMalformed;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (int k = 1; k < n; ++k) {
        if (((unsigned char)s[i + k] >> 6) != 2) return kMalformed;
        cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3F);
    }
    *len = (size_t)n;
    return cp;
}

std::vector<std::string> words(const std::string& folded) {
    std::vector<std::string> out;
    size_t at = 0;
    while ((at = folded.find_first_not_of(" \t", at)) != std::string::npos) {
        size_t end = folded.find_first_of(" \t", at);
        out.push_back(folded.substr(at, end - at));
        at = end;
    }
    return out;
}

} // namespace

std::string search_folded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0, len = 1; i < text.size(); i += len) {
        char32_t cp = decode(text, i, &len);
        if (cp < 0x80) out += (char)std::tolower((int)cp);
        else if (cp >= 0x300 && cp < 0x370) continue; // combining accents (text typed decomposed)
        else if (cp >= 0xC0 && cp < 0x180 && kLatinBase[cp - 0xC0] != '*') out += kLatinBase[cp - 0xC0];
        else out.append(text.substr(i, len));
    }
    return out;
}

ProviderInfo ProviderEntry::info() const {
    ProviderInfo p;
    p.name = name;
    p.display_name = display_name;
    p.auth_type = auth_type;
    p.grant_type = grant_type;
    p.icon_url = icon_url;
    return p;
}

bool ProviderEntry::needs_app() const {
    return provider_kind(info()) == ProviderKind::BrowserOAuth;
}

// authType and grantType: the picker tells from them how a provider that needs no app connects
// (how_users_connect) without loading its entry; iconURL: its mark in the list (ui/marks.h).
json index_row(const ProviderInfo& p, bool curated) {
    return {{"name", p.name}, {"displayName", p.display_name}, {"oauth", provider_kind(p) == ProviderKind::BrowserOAuth},
            {"authType", p.auth_type}, {"grantType", p.grant_type}, {"curated", curated}, {"iconURL", p.icon_url}};
}

namespace {
// index.json's rows as entries, sorted by display name.
std::vector<ProviderEntry> entries_of(const json& list) {
    std::vector<ProviderEntry> out;
    for (const json& row : list) {
        ProviderEntry e;
        e.name = str(row, "name");
        e.display_name = str(row, "displayName");
        e.auth_type = str(row, "authType");
        e.grant_type = str(row, "grantType");
        e.curated = flag(row, "curated");
        e.icon_url = image_url(str(row, "iconURL"));
        if (e.name.empty()) continue;
        if (e.display_name.empty()) e.display_name = e.name;
        e.key = search_folded(e.display_name) + "\n" + search_folded(e.name);
        out.push_back(std::move(e));
    }
    // Keys are unique (they end with the name), so the order is the same however sorted.
    std::sort(out.begin(), out.end(), [](const ProviderEntry& a, const ProviderEntry& b) { return a.key < b.key; });
    // Sorted, the same display names are neighbours. The one whose name is its display name ("salesforce"
    // for "Salesforce") keeps the plain display name; the others ("salesforceJWT") show their name too.
    auto plain = [](const ProviderEntry& e) {
        std::string display = search_folded(e.display_name);
        display.erase(std::remove(display.begin(), display.end(), ' '), display.end());
        return search_folded(e.name) == display;
    };
    for (size_t i = 1; i < out.size(); ++i)
        if (out[i].display_name == out[i - 1].display_name)
            for (ProviderEntry* e : {&out[i], &out[i - 1]}) e->shared_name = !plain(*e);
    return out;
}
} // namespace

std::optional<std::vector<ProviderEntry>> parse_provider_index(std::string_view text) {
    json list = parse_json(text);
    if (!list.is_array()) return std::nullopt;
    return entries_of(list);
}

std::optional<std::vector<ProviderEntry>> parse_provider_catalog(std::string_view text) {
    json catalog = parse_json(text);
    if (!catalog.is_object()) return std::nullopt;
    json rows = json::array();
    for (const auto& item : catalog.items())
        if (auto info = provider_info_from(item.value())) rows.push_back(index_row(*info, false));
    return entries_of(rows);
}


void Picker::set_entries(std::vector<ProviderEntry> list) {
    entries = std::move(list);
    refilter();
}

void Picker::set_query(std::string q) {
    if (q == query_) return;
    query_ = std::move(q);
    refilter();
}

void Picker::refilter() {
    std::string folded = search_folded(query_);
    std::vector<std::string> wanted = words(folded);
    std::string lead = wanted.empty() ? "" : folded.substr(folded.find_first_not_of(" \t"));
    // Four groups, each in display-name order: starts with the query and needs an app (what this widget
    // sets up), starts with it and needs none, then those with the query elsewhere, in the same two.
    std::vector<size_t> groups[4];
    for (size_t i = 0; i < entries.size(); ++i) {
        const std::string& key = entries[i].key;
        bool all = std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return key.find(w) != std::string::npos; });
        if (all) groups[(key.rfind(lead, 0) == 0 ? 0 : 2) + (entries[i].needs_app() ? 0 : 1)].push_back(i);
    }
    shown_.clear();
    for (const auto& g : groups) shown_.insert(shown_.end(), g.begin(), g.end());
    highlighted_ = 0;
}

std::vector<const ProviderEntry*> Picker::shown() const {
    std::vector<const ProviderEntry*> out;
    for (size_t i : shown_) out.push_back(&entries[i]);
    return out;
}

void Picker::move(int delta) {
    if (shown_.empty()) return;
    long to = std::clamp<long>((long)highlighted_ + delta, 0, (long)shown_.size() - 1);
    highlighted_ = (size_t)to;
}

void Picker::highlight(size_t index) {
    if (index < shown_.size()) highlighted_ = index;
}

const ProviderEntry* Picker::current() const {
    return highlighted_ < shown_.size() ? &entries[shown_[highlighted_]] : nullptr;
}

const ProviderEntry* Picker::find(std::string_view name) const {
    for (const ProviderEntry& e : entries)
        if (e.name == name) return &e;
    return nullptr;
}

} // namespace amp
