// The catalog (catalog.h), and the routes that answer it: GET /v1/providers[/{name}] (getProvider in
// tests/contract/openapi-api.json), which need no credentials, as in production.
#include "sandbox/catalog.h"

#include "sandbox/route.h"

#include "amp_sandbox_catalog.h"

namespace amp::sandbox {

namespace {

using Json = nlohmann::json;

// Ampersand's ProviderInfo objects by name, parsed once.
const Json& real_catalog() {
    static const Json all = Json::parse(amp_sandbox_catalog, amp_sandbox_catalog + amp_sandbox_catalog_size).at("catalog");
    return all;
}

bool browser_grant(const Json& info) {
    if (info.value("authType", "") != "oauth2") return false;
    std::string grant = info.value("/oauth2Opts/grantType"_json_pointer, "");
    return grant == "authorizationCode" || grant == "authorizationCodePKCE";
}

// The entry as the sandbox serves it: the browser sign-in goes to the consent stand-in, whose token
// endpoint the callback calls for every provider.
Json served(const std::string& name, Json info, const Urls& urls) {
    if (browser_grant(info)) {
        info["oauth2Opts"]["authURL"] = urls.consent + authorize_path + (name == "pinterest" ? "" : name);
        info["oauth2Opts"]["tokenURL"] = urls.consent + token_path;
    }
    if (name == "pinterest") {
        auto media = [&](const std::string& variant) {
            return Json{{"iconURL", urls.consent + "/brand/icon" + variant + ".svg"},
                        {"logoURL", urls.consent + "/brand/logo" + variant + ".svg"}};
        };
        info["media"] = {{"regular", media("")}, {"darkMode", media("-dark")}};
    }
    return info;
}

} // namespace

std::optional<Json> provider_info(const std::string& name, const Urls& urls) {
    auto it = real_catalog().find(name);
    if (it == real_catalog().end()) return std::nullopt;
    return served(name, *it, urls);
}

Json provider_catalog(const Urls& urls) {
    Json out = Json::object();
    for (const auto& [name, info] : real_catalog().items()) out[name] = served(name, info, urls);
    return out;
}

bool is_known_provider(const std::string& name) { return real_catalog().contains(name); }

ProviderTraits provider_traits(const std::string& name) {
    auto it = real_catalog().find(name);
    if (it == real_catalog().end()) return {name, false, false, false, {}, false};
    const Json& info = *it;
    ProviderTraits t{info.value("displayName", name), false, false, false, {}, false};
    t.browser_oauth = browser_grant(info);
    t.scopes_required = t.browser_oauth && info["oauth2Opts"].value("explicitScopesRequired", false);
    t.workspace_required = t.browser_oauth && info["oauth2Opts"].value("explicitWorkspaceRequired", false);
    t.pkce = t.browser_oauth && info["oauth2Opts"].value("grantType", "") == "authorizationCodePKCE";
    for (const Json& input : info.value("/metadata/input"_json_pointer, Json::array()))
        if (input.value("name", "") == "workspace") t.workspace_label = input.value("displayName", "");
    return t;
}

void add_provider_routes(httplib::Server& server, Context& ctx) {
    server.Get("/v1/providers", open_route(ctx, [&ctx](const httplib::Request&, httplib::Response& res) {
                   send_json(res, provider_catalog(ctx.urls));
               }));
    server.Get(R"(/v1/providers/([^/]+))", open_route(ctx, [&ctx](const httplib::Request& req, httplib::Response& res) {
                   auto info = provider_info(req.matches[1], ctx.urls);
                   if (!info)
                       throw Problem(404, "Provider '" + req.matches[1].str() + "' not found.",
                                     "GET /v1/providers lists the providers this sandbox knows.");
                   send_json(res, *info);
               }));
}

} // namespace amp::sandbox
