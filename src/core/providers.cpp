#include "core/messages.h"
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
    const char* how = p.auth_type == "apiKey"               ? "connects.api_key"
                      : p.auth_type == "basic"              ? "connects.basic"
                      : p.grant_type == "clientCredentials" ? "connects.client_credentials"
                      : p.grant_type == "password"          ? "connects.password"
                                                            : "connects.other";
    return tr(how, {{"provider", p.display_name}});
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
    g.console_name = tr("generic.console", {{"provider", n}});
    g.console_url = docs;
    g.client_id_label = tr("generic.client_id");
    g.client_id_hint = tr("generic.client_id_hint", {{"provider", n}});
    g.client_secret_label = tr("generic.client_secret");
    g.client_secret_hint = tr("generic.client_secret_hint", {{"provider", n}});
    g.scopes_required = p.explicit_scopes_required;
    std::string link = docs.empty() ? "" : tr("generic.docs", {{"provider", n}});
    g.steps = {
        {"app", tr("generic.app", {{"provider", n}}),
         tr(host.empty() ? "generic.app_detail" : "generic.app_detail_host", {{"provider", n}, {"host", host}}), link, docs},
        {"redirect", tr("generic.redirect"), tr("generic.redirect_detail"), link, docs, true},
        {"credentials", tr("generic.credentials"), tr("generic.credentials_detail"), link, docs},
        {"scopes", tr(p.explicit_scopes_required ? "generic.scopes_required" : "generic.scopes_optional"),
         tr(p.explicit_scopes_required ? "generic.scopes_required_detail" : "generic.scopes_optional_detail", {{"provider", n}}),
         link, docs},
    };
    return g;
}

} // namespace amp
