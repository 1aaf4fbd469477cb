// The consent stand-in on its own origin: developer console, consent (GET /oauth/ for Pinterest,
// /oauth/<provider> for any other browser-OAuth provider of the catalog), the user's decision, and the
// token endpoint the API's callback calls with HTTP Basic credentials.
#include "sandbox/crypto.h"
#include "sandbox/origins.h"
#include "sandbox/pages.h"

namespace amp::sandbox {

namespace {

constexpr const char* decision_path = "/oauth/decision";

// provider: from the authorize path; the decision form carries it as a field.
AuthorizeRequest authorize_request(const httplib::Request& req, const std::string& provider) {
    return {req.get_param_value("client_id"), req.get_param_value("redirect_uri"), req.get_param_value("response_type"),
            req.get_param_value("scope"), req.get_param_value("state"), provider.empty() ? "pinterest" : provider,
            req.get_param_value("workspace"), req.get_param_value("code_challenge"),
            req.get_param_value("code_challenge_method")};
}

// What the stand-in takes as the app's real secret: the pinterestSecret switch lets a test change it.
std::string real_secret(Context& ctx) {
    std::string s = ctx.switches.get().pinterestSecret;
    return s.empty() ? ctx.pinterest.app().app_secret : s;
}

// Pinterest shows an error page, rather than redirecting, when an authorize request is wrong.
bool refused(Context& ctx, const AuthorizeRequest& r, httplib::Response& res) {
    ProviderTraits provider = provider_traits(r.provider);
    std::string error = provider.browser_oauth ? ctx.pinterest.check(r, provider.scopes_required, provider.pkce)
                                               : "Unknown provider: no browser sign-in for '" + r.provider + "'.";
    if (error.empty()) return false;
    res.status = 400;
    res.set_content(consent_error_page(error), "text/html; charset=utf-8");
    return true;
}

void redirect_with_decision(Context& ctx, const AuthorizeRequest& r, bool approve, httplib::Response& res) {
    httplib::Params params{{"state", r.state}};
    if (approve) params.emplace("code", ctx.pinterest.issue_code(r));
    else params.emplace("error", "access_denied");
    res.set_redirect(httplib::append_query_params(r.redirect_uri, params));
}

void authorize(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    AuthorizeRequest r = authorize_request(req, req.matches[1]);
    if (refused(ctx, r, res)) return;
    Switches sw = ctx.switches.get();
    if (sw.autoDeny || sw.autoApprove) return redirect_with_decision(ctx, r, !sw.autoDeny, res);
    res.set_content(consent_page(ctx.pinterest.app(), provider_traits(r.provider).display_name, r, decision_path),
                    "text/html; charset=utf-8");
}

void decide(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    AuthorizeRequest r = authorize_request(req, req.get_param_value("provider"));
    if (refused(ctx, r, res)) return; // checked again: the form could have been edited
    redirect_with_decision(ctx, r, req.get_param_value("decision") == "approve", res);
}

std::pair<std::string, std::string> basic_credentials(const std::string& header) {
    const std::string scheme = "Basic ";
    if (header.rfind(scheme, 0) != 0) return {};
    auto decoded = base64_decode(header.substr(scheme.size()), Base64::standard);
    size_t colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon == std::string::npos) return {};
    return {decoded->substr(0, colon), decoded->substr(colon + 1)};
}

// Errors come back as Pinterest's {code, message}.
void token(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    auto reply = [&res](int status, const nlohmann::json& body) {
        res.status = status;
        res.set_content(body.dump(), "application/json");
    };
    if (req.get_param_value("grant_type") != "authorization_code")
        return reply(400, {{"code", 1}, {"message", "Unsupported grant_type."}});
    auto [app_id, secret] = basic_credentials(req.get_header_value("Authorization"));
    TokenGrant grant = ctx.pinterest.exchange(app_id, secret, real_secret(ctx), req.get_param_value("code"),
                                              req.get_param_value("redirect_uri"), req.get_param_value("code_verifier"));
    if (!grant.error.empty()) return reply(grant.status, {{"code", grant.status == 401 ? 2 : 1}, {"message", grant.error}});
    std::string scope;
    for (const auto& s : grant.scopes) scope += (scope.empty() ? "" : ",") + s;
    reply(200, {{"access_token", "pina_" + random_hex(24)},
                {"token_type", "bearer"},
                {"expires_in", 2592000},
                {"scope", scope},
                {"refresh_token", "pinr_" + random_hex(24)},
                {"refresh_token_expires_in", 5184000},
                {"response_type", "authorization_code"}});
}

} // namespace

void setup_consent_origin(httplib::Server& server, Context& ctx) {
    server.set_pre_routing_handler([&ctx](const httplib::Request&, httplib::Response& res) {
        // Severs window.opener for whoever opened the popup, as some providers' pages do.
        if (ctx.switches.get().consentSeversOpener) res.set_header("Cross-Origin-Opener-Policy", "same-origin");
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.Get("/", [&ctx](const httplib::Request&, httplib::Response& res) {
        res.set_content(console_page(ctx.pinterest.app(), real_secret(ctx)), "text/html; charset=utf-8");
    });
    server.Get(R"(/oauth(?:/([A-Za-z0-9]*))?)", [&ctx](const httplib::Request& req, httplib::Response& res) { authorize(ctx, req, res); });
    server.Post(decision_path, [&ctx](const httplib::Request& req, httplib::Response& res) { decide(ctx, req, res); });
    server.Post(token_path, [&ctx](const httplib::Request& req, httplib::Response& res) { token(ctx, req, res); });
    // Open to every origin, as Ampersand's image CDN answers: the widget reads the icon's pixels (ui/marks.h).
    server.Get(R"(/brand/(icon|logo)(-dark)?\.svg)", [](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Access-Control-Allow-Origin", "*");
        res.set_content(brand_svg(req.matches[1] == "logo", req.matches[2].matched), "image/svg+xml");
    });
}

} // namespace amp::sandbox
