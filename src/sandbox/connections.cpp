// Connections (the connection operations of tests/contract/openapi-api.json): list with filters, get and
// delete; and the calls that start a sign-in, which the OAuth callback (callback.cpp) turns into a connection:
// POST /v1/oauth-connect for a new connection, and PATCH .../connections/{id}:oauth-update to sign in again
// (oauthConnect and oauthUpdate). Both remember the attempt under a single-use state and answer, as
// text/plain, the provider's consent URL, which here is the consent stand-in's (with the workspace as a query
// parameter, where the real one would name it in the host; with an S256 challenge for PKCE providers,
// sandbox/crypto.h).
#include "sandbox/crypto.h"
#include "sandbox/route.h"

#include <algorithm>

namespace amp::sandbox {

namespace {

using Json = nlohmann::json;

void list(Context& ctx, const httplib::Request& req, httplib::Response& res, const Caller&) {
    project_named(ctx, req.matches[1]);
    // An absent filter matches everything; the React library always sends groupRef and provider.
    auto matches = [&](const char* param, const std::string& value) {
        return !req.has_param(param) || req.get_param_value(param) == value;
    };
    send_json(res, ctx.store.with([&](Data& d) {
        Json out = Json::array();
        for (const auto& c : d.connections)
            if (matches("provider", c.provider) && matches("groupRef", c.group.ref) && matches("consumerRef", c.consumer.ref))
                out.push_back(connection_json(c));
        return out;
    }));
}

void get(Context& ctx, const httplib::Request& req, httplib::Response& res, const Caller&) {
    project_named(ctx, req.matches[1]);
    auto found = ctx.store.with([&](Data& d) -> std::optional<Connection> {
        if (Connection* c = d.connection(req.matches[2])) return *c;
        return std::nullopt;
    });
    if (!found) throw not_found(ctx, "Connection", req.matches[2]);
    send_json(res, connection_json(*found, req.get_param_value("includeCreds") == "true"));
}

// Picks the app the attempt will use: the one named, else the project's first for the provider.
ProviderApp pick_app(Context& ctx, Data& d, const std::string& provider, const std::string& app_id) {
    if (!app_id.empty()) {
        ProviderApp* app = d.app(app_id);
        if (!app) throw invalid_input(400, {{"providerAppId", "No provider app has this id.", app_id}});
        if (app->provider != provider)
            throw invalid_input(400, {{"providerAppId", "This provider app is for " + app->provider + ".", app_id}});
        return *app;
    }
    for (const ProviderApp& app : d.apps)
        if (app.provider == provider) return app;
    throw Problem(422, "No provider app is configured for '" + provider + "' in project '" + ctx.project.name + "'.",
                  "Create one first: POST /v1/projects/" + ctx.project.name + "/provider-apps.");
}

// A consumer token only speaks for its own group and consumer.
void check_token_covers(const Caller& caller, const std::string& group_ref, const std::string& consumer_ref) {
    if (caller.token && (caller.token->group_ref != group_ref || caller.token->consumer_ref != consumer_ref))
        throw Problem(403, "The bearer token was issued for another groupRef or consumerRef.",
                      "Ask the builder's backend for a token for this group and consumer.");
}

// providerMetadata: {name: {value, source, displayName?}} (ProviderMetadata in the contract).
void check_metadata(const Json& body, std::vector<Issue>& issues) {
    auto it = body.find("providerMetadata");
    if (it == body.end() || it->is_null()) return;
    if (!it->is_object()) return issues.push_back({"providerMetadata", "Expected an object keyed by field name.", *it});
    static const std::vector<std::string> sources = {"input", "token", "provider"};
    for (const auto& [name, info] : it->items()) {
        std::string field = "providerMetadata." + name;
        if (!info.is_object() || !info.contains("value") || !info["value"].is_string())
            issues.push_back({field + ".value", "Expected a string value.", info});
        else if (!info.contains("source") || !info["source"].is_string() ||
                 std::find(sources.begin(), sources.end(), info["source"].get<std::string>()) == sources.end())
            issues.push_back({field + ".source", "Expected one of input, token, provider.", info.value("source", Json())});
    }
}

// The provider's own refusals, once the body is well-formed: one without a browser sign-in, and a missing
// workspace for one whose catalog entry says explicitWorkspaceRequired.
void check_provider_needs(const std::string& provider, const std::string& workspace) {
    ProviderTraits t = provider_traits(provider);
    if (!t.browser_oauth)
        throw invalid_input(400, {{"provider", t.display_name + " does not connect through a browser OAuth grant.", provider}});
    if (t.workspace_required && workspace.empty()) {
        std::string label = t.workspace_label.empty() ? "workspace" : t.workspace_label;
        throw invalid_input(422, {{"providerWorkspaceRef", t.display_name + " needs the " + label +
                                                                " (providerWorkspaceRef) before sign-in."}});
    }
}

void answer_consent_url(Context& ctx, httplib::Response& res, PendingAuth p, const std::string& app_id,
                        const std::string& workspace = "") {
    std::string state = ctx.ids.opaque();
    bool pkce = provider_traits(p.provider).pkce;
    if (pkce) p.code_verifier = pkce_verifier();
    ProviderApp app = ctx.store.with([&](Data& d) {
        ProviderApp picked = pick_app(ctx, d, p.provider, app_id);
        p.provider_app_id = picked.id;
        p.attempt = ++d.attempts;
        d.pending[state] = p;
        return picked;
    });
    std::string scopes;
    for (const auto& s : app.scopes) scopes += (scopes.empty() ? "" : ctx.switches.get().scopeSeparator) + s;
    std::string auth_url = (*provider_info(p.provider, ctx.urls))["oauth2Opts"]["authURL"];
    httplib::Params query{{"client_id", app.client_id},
                          {"redirect_uri", ctx.redirect_uri()},
                          {"response_type", "code"},
                          {"scope", scopes},
                          {"state", state}};
    if (!workspace.empty()) query.emplace("workspace", workspace);
    if (pkce) {
        query.emplace("code_challenge", pkce_challenge(p.code_verifier));
        query.emplace("code_challenge_method", "S256");
    }
    res.set_content(httplib::append_query_params(auth_url, query), "text/plain");
}

void connect(Context& ctx, const httplib::Request& req, httplib::Response& res, const Caller& caller) {
    Json body = object_body(req);
    BodyFields f{body, {}};
    bool legacy = ctx.switches.get().acceptLegacyProjectId && !body.contains("projectIdOrName") && body.contains("projectId");
    PendingAuth p;
    std::string project_ref = f.text(legacy ? "projectId" : "projectIdOrName", true);
    p.provider = f.text("provider", true);
    p.group_ref = f.text("groupRef", true);
    p.consumer_ref = f.text("consumerRef", true);
    std::string app_id = f.text("providerAppId", false);
    p.group_name = f.text("groupName", false);
    p.consumer_name = f.text("consumerName", false);
    std::string workspace = f.text("providerWorkspaceRef", false);
    check_metadata(body, f.issues);
    if (!p.provider.empty() && !is_known_provider(p.provider)) f.issues.push_back({"provider", "Unknown provider.", p.provider});
    if (!f.issues.empty()) throw invalid_input(400, f.issues);
    check_provider_needs(p.provider, workspace);
    p.project_id = project_named(ctx, project_ref).id;
    check_token_covers(caller, p.group_ref, p.consumer_ref);
    answer_consent_url(ctx, res, p, app_id, workspace);
}

// Signs an existing connection in again, with its app if that still exists, else the provider's default.
void update(Context& ctx, const httplib::Request& req, httplib::Response& res, const Caller& caller) {
    project_named(ctx, req.matches[1]);
    std::string id = req.matches[2];
    auto found = ctx.store.with([&](Data& d) -> std::optional<std::pair<PendingAuth, std::string>> {
        const Connection* c = d.connection(id);
        if (!c) return std::nullopt;
        PendingAuth p{c->project_id, "", c->provider, c->group.ref, c->group.name, c->consumer.ref, c->consumer.name, 0, {}};
        return std::pair{p, d.app(c->provider_app.id) ? c->provider_app.id : ""};
    });
    if (!found) throw not_found(ctx, "Connection", id);
    check_token_covers(caller, found->first.group_ref, found->first.consumer_ref);
    answer_consent_url(ctx, res, found->first, found->second);
}

} // namespace

void add_connection_routes(httplib::Server& server, Context& ctx) {
    auto paths = project_paths("connections");
    server.Get(paths.all, authed_route(ctx, list));
    server.Get(paths.one, authed_route(ctx, get));
    server.Delete(paths.one, delete_route(ctx, "Connection", &Data::erase_connection));
    server.Post("/v1/oauth-connect", authed_route(ctx, connect));
    server.Patch(paths.one + ":oauth-update", authed_route(ctx, update));
}

} // namespace amp::sandbox
