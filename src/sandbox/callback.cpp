// GET /callbacks/v1/oauth: where Pinterest sends the popup back. It spends the state, exchanges the code
// with the Pinterest stand-in, and creates the connection (or updates the one for the same group,
// consumer and provider), then answers the page that tells the opener.
#include "sandbox/pages.h"
#include "sandbox/pinterest.h"
#include "sandbox/route.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

namespace amp::sandbox {

namespace {

struct Outcome {
    int attempt = 0;           // which oauth-connect this finishes; 0 when the state was unknown
    std::string connection_id; // set on success
    std::string error;         // set on failure
};

// The page the popup lands on: it posts the outcome to the opener with targetOrigin "*", as Ampersand's
// does, then closes itself on success.
std::string callback_page(const Outcome& outcome, const Switches& sw) {
    bool ok = outcome.error.empty();
    // Both failure shapes: OauthFlow2 reads data.error, the older OAuthWindow reads message.
    nlohmann::json message = ok ? nlohmann::json{{"eventType", "AUTHORIZATION_SUCCEEDED"},
                                                 {"data", {{"connection", outcome.connection_id}}}}
                                : nlohmann::json{{"eventType", "AUTHORIZATION_FAILED"},
                                                 {"data", {{"error", outcome.error}}},
                                                 {"message", outcome.error}};
    std::string result = ok ? "<h1>Connected</h1><p>Connection <code id=\"connection\">" + escape_html(outcome.connection_id) + "</code> is ready.</p>"
                            : "<h1>Connection failed</h1><p class=\"error\" id=\"error\">" + escape_html(outcome.error) + "</p>";
    std::string script = "<script>\n"
                         "const message = " + script_json(message) + ";\n"
                         "const posts = " + std::to_string(sw.callbackPostsTwice ? 2 : 1) + ";\n"
                         "const note = document.getElementById('note');\n"
                         "if (window.opener) {\n"
                         "  for (let i = 0; i < posts; i++) window.opener.postMessage(message, '*');\n" +
                         (ok ? "  note.textContent = 'This window closes by itself.';\n"
                               "  setTimeout(() => window.close(), " + std::to_string(sw.callbackCloseDelayMs) + ");\n"
                             : "") +
                         "} else {\n"
                         "  note.textContent = 'You can close this window.';\n"
                         "}\n"
                         "</script>";
    // The attempt number lets a person or a test tell which of several popups this was.
    std::string attempt = outcome.attempt ? "<p id=\"attempt\">Sign-in attempt " + std::to_string(outcome.attempt) + "</p>" : "";
    return html_page(ok ? "Connected" : "Connection failed", result + attempt + "\n<p id=\"note\"></p>\n" + script);
}

struct Exchange {
    std::string error; // empty on success
    std::vector<std::string> scopes; // granted
};

// The call Ampersand's backend makes to Pinterest's token endpoint, made here over HTTP to the stand-in so
// that the Basic credentials really travel and are checked there.
Exchange exchange_code(const std::string& token_url, const ProviderApp& app, const std::string& code,
                       const std::string& redirect_uri, const std::string& code_verifier) {
    size_t path_start = token_url.find('/', token_url.find("://") + 3);
    httplib::Client client(token_url.substr(0, path_start));
    client.set_basic_auth(app.client_id.c_str(), app.client_secret.c_str());
    client.set_connection_timeout(5);
    httplib::Params form{{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", redirect_uri}};
    if (!code_verifier.empty()) form.emplace("code_verifier", code_verifier); // PKCE providers (sandbox/crypto.h)
    auto res = client.Post(token_url.substr(path_start).c_str(), form);
    if (!res) return {"Could not reach Pinterest's token endpoint.", {}};
    auto body = nlohmann::json::parse(res->body, nullptr, false);
    if (res->status != 200) {
        bool has_message = body.is_object() && body.contains("message") && body["message"].is_string();
        return {has_message ? body["message"].get<std::string>() : "Pinterest refused the token request.", {}};
    }
    if (!body.is_object() || !body.value("scope", nlohmann::json()).is_string())
        return {"Pinterest's token response could not be read.", {}};
    return {"", split_scopes(body["scope"])};
}

std::optional<PendingAuth> take_state(Context& ctx, const std::string& state) {
    return ctx.store.with([&](Data& d) -> std::optional<PendingAuth> {
        auto it = d.pending.find(state);
        if (it == d.pending.end()) return std::nullopt;
        PendingAuth p = it->second;
        d.pending.erase(it);
        return p;
    });
}

// The group or consumer as other connections already know it, renamed when this attempt gave a name;
// a new one (named after its ref unless a name was given) otherwise.
Party party(const Data& d, Party Connection::*member, const std::string& ref, const std::string& name, int64_t now) {
    Party p{ref, name.empty() ? ref : name, now, {}};
    for (const Connection& c : d.connections)
        if ((c.*member).ref == ref) p = c.*member;
    if (!name.empty() && p.name != name) {
        p.name = name;
        p.update_time = now;
    }
    return p;
}

std::string save_connection(Context& ctx, const PendingAuth& p, const ProviderApp& app, const std::vector<std::string>& scopes) {
    return ctx.store.with([&](Data& d) {
        int64_t now = ctx.clock.tick();
        Connection fresh{.id = "",
                         .project_id = p.project_id,
                         .provider = p.provider,
                         .group = party(d, &Connection::group, p.group_ref, p.group_name, now),
                         .consumer = party(d, &Connection::consumer, p.consumer_ref, p.consumer_name, now),
                         .provider_app = app,
                         .scopes = scopes,
                         .create_time = now,
                         .update_time = {}};
        for (Connection& c : d.connections)
            if (c.provider == p.provider && c.group.ref == p.group_ref && c.consumer.ref == p.consumer_ref) {
                fresh.id = c.id;
                fresh.create_time = c.create_time;
                fresh.update_time = now;
                c = fresh;
                return c.id;
            }
        fresh.id = ctx.ids.uuid();
        d.connections.push_back(fresh);
        return fresh.id;
    });
}

Outcome complete(Context& ctx, const httplib::Request& req) {
    auto pending = take_state(ctx, req.get_param_value("state"));
    if (!pending) return {0, "", "This sign-in attempt is unknown or was already used. Start again from the app."};
    auto fail = [&](const std::string& why) { return Outcome{pending->attempt, "", why}; };
    if (req.has_param("error")) {
        std::string why = req.get_param_value("error_description");
        return fail("Pinterest did not grant access (" + req.get_param_value("error") + ")" + (why.empty() ? "." : ": " + why));
    }
    std::string code = req.get_param_value("code");
    if (code.empty()) return fail("Pinterest sent no authorization code.");
    auto app = ctx.store.with([&](Data& d) -> std::optional<ProviderApp> {
        if (ProviderApp* a = d.app(pending->provider_app_id)) return *a;
        return std::nullopt;
    });
    if (!app) return fail("The provider app was deleted during sign-in.");
    Exchange grant = exchange_code(ctx.urls.consent + token_path, *app, code, ctx.redirect_uri(), pending->code_verifier);
    if (!grant.error.empty()) return fail(grant.error);
    return {pending->attempt, save_connection(ctx, *pending, *app, grant.scopes), ""};
}

} // namespace

void add_callback_route(httplib::Server& server, Context& ctx) {
    server.Get(callback_path, [&ctx](const httplib::Request& req, httplib::Response& res) {
        Switches sw = ctx.switches.get();
        std::this_thread::sleep_for(std::chrono::milliseconds(sw.callbackDelayMs));
        Outcome outcome = complete(ctx, req);
        res.status = outcome.error.empty() ? 200 : 400;
        res.set_content(callback_page(outcome, sw), "text/html; charset=utf-8");
    });
}

} // namespace amp::sandbox
