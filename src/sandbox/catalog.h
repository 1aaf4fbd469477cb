// The provider catalog the sandbox answers GET /v1/providers with: Ampersand's real catalog
// (assets/catalog/catalog.json, embedded), except that the OAuth URLs of every provider that signs in
// through the browser point at the sandbox's consent stand-in, and Pinterest's media at the stand-in's
// brand images.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace amp::sandbox {

struct Urls { // origins, without a trailing slash
    std::string web, api, consent, host;
};

// The paths the stand-in serves, which the catalog names. Pinterest keeps its real authorize path
// (/oauth/); every other provider has its own under it (/oauth/<name>).
inline constexpr const char* authorize_path = "/oauth/";
inline constexpr const char* token_path = "/v5/oauth/token";
inline constexpr const char* callback_path = "/callbacks/v1/oauth";

std::optional<nlohmann::json> provider_info(const std::string& name, const Urls& urls);
nlohmann::json provider_catalog(const Urls& urls); // keyed by provider name
bool is_known_provider(const std::string& name);

// What the API and the stand-in need to know of a catalog entry. All false / the name for an unknown one.
struct ProviderTraits {
    std::string display_name;
    bool browser_oauth = false;      // authorizationCode or authorizationCodePKCE
    bool scopes_required = false;    // oauth2Opts.explicitScopesRequired
    bool workspace_required = false; // oauth2Opts.explicitWorkspaceRequired
    std::string workspace_label;     // the catalog's displayName for its "workspace" input, if any
    bool pkce = false;               // grantType authorizationCodePKCE: sign-in carries an S256 challenge (RFC 7636)
};
ProviderTraits provider_traits(const std::string& name);

} // namespace amp::sandbox
