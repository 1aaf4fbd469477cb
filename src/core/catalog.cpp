#include "core/catalog.h"

#include "core/json.h"
#include "amp_catalog_pinterest.h"

namespace amp {

const ScopeInfo* ProviderGuide::find_scope(std::string_view name) const {
    for (const ScopeInfo& s : scopes)
        if (s.name == name) return &s;
    return nullptr;
}

std::optional<ProviderGuide> parse_guide(std::string_view text) {
    json j = parse_json(text);
    if (!j.is_object() || str(j, "provider").empty()) return std::nullopt;
    ProviderGuide g;
    g.provider = str(j, "provider");
    g.display_name = str(j, "displayName", g.provider);
    g.console_name = str(j, "consoleName");
    g.console_url = str(j, "consoleUrl");
    const json& id = member(j, "clientId");
    g.client_id_label = str(id, "label", "Client ID");
    g.client_id_hint = str(id, "hint");
    g.client_id_format = str(id, "format") == "digits" ? IdFormat::Digits : IdFormat::Any;
    const json& secret = member(j, "clientSecret");
    g.client_secret_label = str(secret, "label", "Client secret");
    g.client_secret_hint = str(secret, "hint");
    g.scopes_required = flag(j, "scopesRequired");
    g.generic = flag(j, "generic");
    for (const json& s : items(j, "steps"))
        g.steps.push_back({str(s, "id"), str(s, "title"), str(s, "detail"), str(s, "linkLabel"), str(s, "url"),
                           flag(s, "showsRedirectUri")});
    for (const json& s : items(j, "scopes"))
        g.scopes.push_back({str(s, "name"), str(s, "meaning"), flag(s, "preset")});
    return g;
}

std::string generic_guide_file(std::string_view provider) {
    return dump({{"provider", provider}, {"generic", true}});
}

const ProviderGuide* builtin_guide(std::string_view provider) {
    static const std::optional<ProviderGuide> pinterest =
        parse_guide({(const char*)amp_catalog_pinterest, amp_catalog_pinterest_size});
    if (pinterest && provider == pinterest->provider) return &*pinterest;
    return nullptr;
}

} // namespace amp
