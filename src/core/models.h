// Ampersand's resources as the widget reads them (the ProviderInfo, ProviderApp and Connection schemas of
// tests/contract/openapi-api.json). Secrets never appear: the API does not return them and these types
// have no field for one.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace amp {

// A value the catalog asks someone to type (MetadataItemInput): a connecting user at sign-in
// (metadata.input), or the builder for the provider app (providerAppMetadata).
struct MetadataInput {
    std::string name, display_name, prompt, default_value, docs_url;
    std::vector<std::string> modules; // moduleDependencies: the modules that need it; empty: not said
};

struct ProviderInfo {
    std::string name, display_name, auth_type, grant_type, auth_url;
    bool explicit_scopes_required = false;
    bool explicit_workspace_required = false;
    std::string default_module{}, docs_url{}, icon_url{}; // docs_url: oauth2Opts.docsURL (where the client id is)
    std::vector<MetadataInput> inputs{};              // metadata.input
    std::vector<MetadataInput> app_query_params{};    // providerAppMetadata.authQueryParams
    std::vector<MetadataInput> app_provider_params{}; // providerAppMetadata.providerParams
};

struct ProviderApp {
    std::string id, project_id, provider, client_id, external_ref, create_time, update_time;
    std::vector<std::string> scopes;
    json metadata{}; // ProviderAppMetadata as the API answered it; null when absent
};

// The granted scopes are not here: the API gives them (in oauth2AuthorizationCode) only to a caller
// that asks for the tokens too, which a browser must never do. The provider app's scopes are what was
// requested.
struct Connection {
    std::string id, provider, status, group_ref, consumer_ref, create_time, update_time, provider_app_id;
    std::vector<std::string> requested_scopes; // providerApp.scopes, when the answer names the app
};

std::optional<ProviderInfo> parse_provider_info(std::string_view body);
std::optional<ProviderInfo> provider_info_from(const json& entry); // one value of GET /providers
std::optional<ProviderApp> provider_app_from(const json& j);
std::optional<ProviderApp> parse_provider_app(std::string_view body);
std::optional<std::vector<ProviderApp>> parse_provider_apps(std::string_view body);
std::optional<Connection> connection_from(const json& j);
std::optional<Connection> parse_connection(std::string_view body);
std::optional<std::vector<Connection>> parse_connections(std::string_view body);

} // namespace amp
