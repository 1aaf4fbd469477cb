#include "core/api.h"

#include <algorithm>

#include "core/json.h"
#include "core/url.h"

#ifndef AMP_CLIENT_VERSION
#define AMP_CLIENT_VERSION "0.0.0"
#endif

namespace amp {

namespace {

Request make(const Client& c, Method m, std::string path) {
    Request r;
    r.method = m;
    r.url = c.base + path;
    r.headers = {{"Accept", "application/json, application/problem+json, text/plain"},
                 {"X-Amp-Client", kClientName},
                 {"X-Amp-Client-Version", AMP_CLIENT_VERSION}};
    if (c.credential && !c.credential->empty()) {
        if (c.auth == AuthKind::ApiKey) r.headers.push_back({"X-Api-Key", c.credential->reveal()});
        if (c.auth == AuthKind::Bearer) r.headers.push_back({"Authorization", "Bearer " + c.credential->reveal()});
    }
    return r;
}

Request with_json(Request r, const json& body) {
    r.headers.push_back({"Content-Type", "application/json"});
    r.body = dump(body);
    return r;
}

std::string apps_path(std::string_view project) {
    return "/projects/" + pct_encode(project) + "/provider-apps";
}

std::string connections_path(std::string_view project) {
    return "/projects/" + pct_encode(project) + "/connections";
}

// Only the fields named in `mask` (or every set field when mask is null) go into the body.
json app_json(const AppFields& f, const std::vector<std::string>* mask) {
    auto wanted = [&](const char* name) {
        return !mask || std::find(mask->begin(), mask->end(), name) != mask->end();
    };
    json j = json::object();
    if (wanted("provider") && !f.provider.empty()) j["provider"] = f.provider;
    if (wanted("clientId")) j["clientId"] = f.client_id;
    if (wanted("clientSecret") && f.client_secret) j["clientSecret"] = f.client_secret->reveal();
    if (wanted("scopes")) j["scopes"] = f.scopes;
    if (wanted("externalRef") && !f.external_ref.empty()) j["externalRef"] = f.external_ref;
    if (wanted("metadata") && !f.metadata.is_null()) j["metadata"] = f.metadata;
    return j;
}

} // namespace

std::string callback_uri(std::string_view api_base) {
    auto u = parse_url(api_base);
    return (u ? u->origin() : std::string("https://api.withampersand.com")) + "/callbacks/v1/oauth";
}

Request get_provider(const Client& c, std::string_view provider) {
    return make(c, Method::Get, "/providers/" + pct_encode(provider));
}

Request list_providers(const Client& c) {
    return make(c, Method::Get, "/providers");
}

Request list_provider_apps(const Client& c, std::string_view project) {
    return make(c, Method::Get, apps_path(project));
}

Request create_provider_app(const Client& c, std::string_view project, const AppFields& f) {
    return with_json(make(c, Method::Post, apps_path(project)), app_json(f, nullptr));
}

Request update_provider_app(const Client& c, std::string_view project, std::string_view id, const AppFields& f,
                            const std::vector<std::string>& mask) {
    json body = {{"updateMask", mask}, {"providerApp", app_json(f, &mask)}};
    return with_json(make(c, Method::Patch, apps_path(project) + "/" + pct_encode(id)), body);
}

Request delete_provider_app(const Client& c, std::string_view project, std::string_view id) {
    return make(c, Method::Delete, apps_path(project) + "/" + pct_encode(id));
}

Request oauth_connect(const Client& c, const ConnectParams& p) {
    json body = {{"projectIdOrName", p.project}, {"provider", p.provider}, {"groupRef", p.group_ref},
                 {"consumerRef", p.consumer_ref}};
    if (!p.provider_app_id.empty()) body["providerAppId"] = p.provider_app_id;
    if (!p.workspace.empty()) body["providerWorkspaceRef"] = p.workspace;
    if (!p.metadata.is_null()) body["providerMetadata"] = p.metadata;
    return with_json(make(c, Method::Post, "/oauth-connect"), body);
}

Request list_connections(const Client& c, std::string_view project, std::string_view provider,
                         std::string_view group_ref, std::string_view consumer_ref) {
    return make(c, Method::Get,
                connections_path(project) + query_string({{"provider", std::string(provider)},
                                                          {"groupRef", std::string(group_ref)},
                                                          {"consumerRef", std::string(consumer_ref)}}));
}

Request get_connection(const Client& c, std::string_view project, std::string_view id) {
    return make(c, Method::Get, connections_path(project) + "/" + pct_encode(id));
}

Request delete_connection(const Client& c, std::string_view project, std::string_view id) {
    return make(c, Method::Delete, connections_path(project) + "/" + pct_encode(id));
}

} // namespace amp
