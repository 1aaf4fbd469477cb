// The per-provider setup guide: labels as the provider names them, the console checklist and the
// scopes with their meanings. Ampersand's own ProviderInfo has none of this, so we ship it as data
// (assets/providers/<name>.json) and embed it in the build.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace amp {

struct GuideStep {
    std::string id, title, detail, link_label, url;
    bool shows_redirect_uri = false;
};

struct ScopeInfo {
    std::string name, meaning;
    bool preset = false; // chosen by default
};

enum class IdFormat { Any, Digits };

struct ProviderGuide {
    std::string provider, display_name, console_name, console_url;
    std::string client_id_label, client_id_hint, client_secret_label, client_secret_hint;
    IdFormat client_id_format = IdFormat::Any;
    bool scopes_required = false;
    bool generic = false; // made from the catalog entry alone (core/providers.h), not written by hand
    std::vector<GuideStep> steps;
    std::vector<ScopeInfo> scopes;
    const ScopeInfo* find_scope(std::string_view name) const;
};

std::optional<ProviderGuide> parse_guide(std::string_view json);
// What the build writes for a provider with no curated guide: its name, marked generic, and no words: the
// widget makes the guide from the catalog entry at run time, in the admin's language (core/providers.h).
std::string generic_guide_file(std::string_view provider);
const ProviderGuide* builtin_guide(std::string_view provider); // null when we ship no guide for it

} // namespace amp
