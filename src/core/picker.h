// The provider picker's state, with no I/O: the catalog's providers as dist/providers/index.json lists
// them (written by src/tools/write_guides.cpp), what the admin has typed to find one, and which match is
// highlighted for the keyboard. The UI (ui/picker.h) draws it and edits the query through set_query.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/models.h"

namespace amp {

// One row of index.json.
struct ProviderEntry {
    std::string name, display_name, auth_type, grant_type;
    std::string icon_url; // the catalog's icon (https only), or empty
    bool curated = false; // a guide written by hand, not the generic one
    bool shared_name = false; // another provider has the same display name, and this name is not it: show it too
    std::string key;      // display name and name, folded (search_folded), for matching
    ProviderInfo info() const; // as much of the catalog entry as the index holds
    bool needs_app() const;    // signs in through the browser: the builder registers a provider app
};

// A provider's row of index.json (written by src/tools/write_guides.cpp).
json index_row(const ProviderInfo& p, bool curated);
// The index's rows, sorted by display name; nullopt when the text is not such a list.
std::optional<std::vector<ProviderEntry>> parse_provider_index(std::string_view json);
// The same from GET /providers (the catalog, keyed by name), for a deploy without index.json.
std::optional<std::vector<ProviderEntry>> parse_provider_catalog(std::string_view json);

// Text as the picker compares it: ASCII letters in lower case, Latin letters with accents (U+00C0 to
// U+017F) as their base letter, combining accents dropped; anything else as it is. "Société" -> "societe".
std::string search_folded(std::string_view text);

struct Picker {
    std::vector<ProviderEntry> entries;
    std::string asked;     // a provider name given that the catalog does not know: said above the list
    std::string explained; // a provider that needs no app, chosen: how its users connect is shown instead

    const std::string& query() const { return query_; }
    void set_query(std::string q);     // refilters; the highlight goes back to the first match
    void set_entries(std::vector<ProviderEntry> list);
    // The entries the query matches (every word of it, in display name or name): those whose display
    // name starts with the query first, and within that, those that need an app before those that do not.
    std::vector<const ProviderEntry*> shown() const;
    size_t highlighted() const { return highlighted_; }
    void move(int delta);              // arrows: the highlight moves, stopping at either end
    void highlight(size_t index);      // the pointer or Tab moved there
    const ProviderEntry* current() const; // the highlighted match; null when nothing matches
    const ProviderEntry* find(std::string_view name) const;

private:
    void refilter();
    std::string query_;
    std::vector<size_t> shown_; // indices into entries (a copied Picker stays right)
    size_t highlighted_ = 0;
};

} // namespace amp
