// Request builders for the Ampersand API (operations in tests/contract/openapi-api.json). Pure functions: a Client says where
// and as whom; each call returns the exact Request to send.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/http.h"
#include "core/json.h"
#include "core/secret.h"

namespace amp {

inline constexpr const char* kClientName = "ampersand-setup";
inline constexpr const char* kDefaultApiBase = "https://api.withampersand.com/v1";

// HostToken: the embedding page attaches a short-lived bearer token to each request itself (it
// fetches and refreshes tokens with the host's getToken), so requests are built without one.
// Backend: the API base is the builder's own backend, which adds the key server-side; requests carry
// no credential at all.
enum class AuthKind { None, ApiKey, Bearer, HostToken, Backend };

struct Client {
    std::string base = kDefaultApiBase; // ".../v1", no trailing slash
    AuthKind auth = AuthKind::None;
    const Secret* credential = nullptr; // API key or JWT, owned elsewhere, read only while building
};

// A Client with its own copy of the credential, for requests built long after it was lent (an OAuth
// attempt's checks, core/connect.h): nothing points at the lender, which may be gone by then. The copy
// is a Secret, wiped when replaced or destroyed.
struct Caller {
    std::string base = kDefaultApiBase;
    AuthKind auth = AuthKind::None;
    Secret credential;

    Caller() = default;
    explicit Caller(const Client& c)
        : base(c.base), auth(c.auth), credential(c.credential ? c.credential->reveal() : std::string_view()) {}
    Client client() const { return {base, auth, &credential}; } // valid while this Caller is
};

// The fields an admin sets on a provider app; which of them a PATCH carries is the mask's business.
struct AppFields {
    std::string provider, client_id, external_ref;
    const Secret* client_secret = nullptr; // omitted when null
    std::vector<std::string> scopes;
    json metadata{}; // ProviderAppMetadata (core/app_metadata.h); omitted when null
};

struct ConnectParams {
    std::string project, provider, group_ref, consumer_ref, provider_app_id;
    std::string workspace{}; // providerWorkspaceRef; omitted when empty
    json metadata{};         // providerMetadata (core/connect_inputs.h); omitted when null
};

std::string callback_uri(std::string_view api_base); // "{origin of base}/callbacks/v1/oauth"

Request get_provider(const Client& c, std::string_view provider);
Request list_providers(const Client& c); // the whole catalog, keyed by name
Request list_provider_apps(const Client& c, std::string_view project);
Request create_provider_app(const Client& c, std::string_view project, const AppFields& f);
Request update_provider_app(const Client& c, std::string_view project, std::string_view id, const AppFields& f,
                            const std::vector<std::string>& mask);
Request delete_provider_app(const Client& c, std::string_view project, std::string_view id);
Request oauth_connect(const Client& c, const ConnectParams& p);
Request list_connections(const Client& c, std::string_view project, std::string_view provider,
                         std::string_view group_ref, std::string_view consumer_ref = {});
Request get_connection(const Client& c, std::string_view project, std::string_view id);
Request delete_connection(const Client& c, std::string_view project, std::string_view id);

} // namespace amp
