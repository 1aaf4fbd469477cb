// /__sandbox/: test controls that exist only in the sandbox and need no credentials. Tests use them to
// set switches, start from a clean slate, read what the widget sent, and get end-user tokens.
#include "sandbox/route.h"

namespace amp::sandbox {

namespace {

using Json = nlohmann::json;

void set_switches(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    auto issues = ctx.switches.merge(object_body(req));
    if (!issues.empty()) throw invalid_input(422, issues);
    send_json(res, ctx.switches.get());
}

void reset(Context& ctx, httplib::Response& res) {
    ctx.store.with([](Data& d) { d = Data{}; });
    ctx.switches.reset();
    ctx.requests.clear();
    ctx.ids.reset();
    ctx.clock.reset();
    res.status = 204;
}

// Stands in for the builder's backend, which signs a token for one group and consumer.
void mint_token(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    Json body = object_body(req);
    BodyFields f{body, {}};
    TokenClaims claims;
    claims.sub = f.text("sub", false);
    claims.group_ref = f.text("groupRef", true);
    claims.consumer_ref = f.text("consumerRef", true);
    Json ttl = body.value("ttl", Json(max_token_ttl));
    if (!ttl.is_number_integer() || ttl.get<int64_t>() < 1 || ttl.get<int64_t>() > max_token_ttl)
        f.issues.push_back({"ttl", "Expected whole seconds from 1 to " + std::to_string(max_token_ttl) + ".", ttl});
    if (!f.issues.empty()) throw invalid_input(422, f.issues);
    if (claims.sub.empty()) claims.sub = "sandbox-builder";
    claims.iat = ctx.clock.now();
    claims.exp = claims.iat + ttl.get<int64_t>();
    send_json(res, {{"token", ctx.tokens.mint(claims)}, {"expiresAt", Clock::format(claims.exp)}});
}

} // namespace

void add_admin_routes(httplib::Server& server, Context& ctx) {
    server.Get("/__sandbox/switches", open_route(ctx, [&ctx](auto&, auto& res) { send_json(res, ctx.switches.get()); }));
    server.Post("/__sandbox/switches", open_route(ctx, [&ctx](auto& req, auto& res) { set_switches(ctx, req, res); }));
    server.Post("/__sandbox/reset", open_route(ctx, [&ctx](auto&, auto& res) { reset(ctx, res); }));
    server.Get("/__sandbox/requests", open_route(ctx, [&ctx](auto&, auto& res) { send_json(res, ctx.requests.all()); }));
    server.Post("/__sandbox/token", open_route(ctx, [&ctx](auto& req, auto& res) { mint_token(ctx, req, res); }));
}

} // namespace amp::sandbox
