// GET /callbacks/v1/oauth: where Pinterest sends the popup back. It spends the state, exchanges the code
// with the Pinterest stand-in, and creates the connection (or updates the one for the same group,
// consumer and provider), then answers the page that tells the opener.
#include "sandbox/callback_page.h"
#include "sandbox/routes.h"
#include "sandbox/token_client.h"

#include <chrono>
#include <thread>

namespace amp::sandbox {

namespace {

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
    Exchange grant = exchange_code(ctx.urls.consent + token_path, *app, code, ctx.redirect_uri());
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
