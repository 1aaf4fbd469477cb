#include "core/providers.h"

namespace amp {

namespace {

bool is_https(const std::string& url) { return url.rfind("https://", 0) == 0 && url.size() > 8; }

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

} // namespace

ProviderKind provider_kind(const ProviderInfo& p) {
    bool browser = p.auth_type == "oauth2" && (p.grant_type == "authorizationCode" || p.grant_type == "authorizationCodePKCE");
    return browser ? ProviderKind::BrowserOAuth : ProviderKind::NoProviderApp;
}

std::string how_users_connect(const ProviderInfo& p) {
    if (provider_kind(p) == ProviderKind::BrowserOAuth) return {};
    const std::string& n = p.display_name;
    std::string how;
    if (p.auth_type == "apiKey") how = "with an API key: each user pastes a key from their own " + n + " account";
    else if (p.auth_type == "basic")
        how = "with a username and password (or key and secret) that each user enters from their own " + n + " account";
    else if (p.grant_type == "clientCredentials")
        how = "with OAuth client credentials that each customer creates in their own " + n + " account and enters";
    else if (p.grant_type == "password") how = "with each user's own " + n + " sign-in, entered directly";
    else how = "with credentials particular to " + n + " that each user enters";
    return n + " connects " + how + " when connecting through Ampersand, so there is no provider app to register here.";
}

std::string authorization_host(const ProviderInfo& p) {
    size_t scheme = p.auth_url.find("://");
    if (scheme == std::string::npos) return {};
    std::string host = p.auth_url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#"));
    replace_all(host, "{{.workspace}}", "<workspace>");
    return host;
}

ProviderGuide generic_guide(const ProviderInfo& p) {
    const std::string& n = p.display_name;
    std::string host = authorization_host(p);
    std::string docs = is_https(p.docs_url) ? p.docs_url : "";
    ProviderGuide g;
    g.provider = p.name;
    g.display_name = n;
    g.generic = true;
    g.console_name = n + "'s developer settings";
    g.console_url = docs;
    g.client_id_label = "Client ID";
    g.client_id_hint = "The OAuth client id of the app you created in " + n + " (some providers call it an app id or key).";
    g.client_secret_label = "Client secret";
    g.client_secret_hint = "Shown with the client id in " + n + "'s app settings; copy it whole.";
    g.scopes_required = p.explicit_scopes_required;
    std::string link = docs.empty() ? "" : n + " documentation";
    g.steps = {
        {"app", "Create an OAuth app in " + n,
         "In " + n + "'s developer settings, create an OAuth app (it may be called an app, a client or an integration) "
         "for your product." + (host.empty() ? "" : " Your users will sign in to it at " + host + "."),
         link, docs},
        {"redirect", "Add Ampersand's redirect URI",
         "In the app's OAuth settings, add the redirect URI below exactly as shown (it may be called a callback or "
         "redirect URL).",
         link, docs, true},
        {"credentials", "Copy the client ID and secret",
         "Copy the app's client id and client secret into the form below.", link, docs},
        {"scopes", p.explicit_scopes_required ? "Choose the scopes" : "Choose scopes, if you need to",
         p.explicit_scopes_required
             ? n + " needs the scopes named before sign-in: type them below as " + n + "'s documentation spells them, "
               "separated by spaces or commas."
             : "Scopes are optional for " + n + ": leave them empty to use what the app is set up with in " + n +
                   ", or type them below as its documentation spells them.",
         link, docs},
    };
    return g;
}

} // namespace amp
