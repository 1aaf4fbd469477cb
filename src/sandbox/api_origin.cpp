// The API origin: every response gets a request id and CORS headers; preflights are answered for any path.
#include "sandbox/origins.h"
#include "sandbox/route.h"

#include <algorithm>

namespace amp::sandbox {

namespace {

// CORS. The widget calls cross-origin with custom headers, so browsers preflight; the real policy is
// unconfirmed (Ampersand does not document it), so by default any Origin is echoed, without credentials.
void add_cors_headers(const httplib::Request& req, httplib::Response& res, const Switches& sw) {
    res.set_header("Vary", "Origin");
    res.set_header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
    std::string origin = req.get_header_value("Origin");
    const auto& allowed = sw.corsOrigins;
    if (!origin.empty() && (allowed.empty() || std::find(allowed.begin(), allowed.end(), origin) != allowed.end()))
        res.set_header("Access-Control-Allow-Origin", origin);
}

void answer_preflight(httplib::Response& res) {
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS");
    res.set_header("Access-Control-Allow-Headers", "Content-Type, X-Api-Key, Authorization, X-Amp-Client, X-Amp-Client-Version");
    res.set_header("Access-Control-Max-Age", "600");
}

} // namespace

void setup_api_origin(httplib::Server& server, Context& ctx) {
    server.set_pre_routing_handler([&ctx](const httplib::Request& req, httplib::Response& res) {
        res.set_header("X-Request-Id", ctx.ids.request_id());
        // The test controls show recorded keys and secrets: no web page may read them, except the
        // token endpoint, which stands for a builder's backend that pages do call.
        bool controls = req.path.rfind("/__sandbox/", 0) == 0 && req.path != "/__sandbox/token";
        if (!controls) add_cors_headers(req, res, ctx.switches.get());
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // A bug in the sandbox should still answer in the API's error format, with what went wrong.
    server.set_exception_handler([&ctx](const httplib::Request&, httplib::Response& res, std::exception_ptr failure) {
        std::string what = "an unknown error";
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        send_problem(ctx, res, Problem(500, "The sandbox failed: " + what + "."));
    });
    server.Options(".*", open_route(ctx, [](const httplib::Request&, httplib::Response& res) { answer_preflight(res); }));
    add_provider_routes(server, ctx);
    add_provider_app_routes(server, ctx);
    add_connection_routes(server, ctx);
    add_callback_route(server, ctx);
    add_admin_routes(server, ctx);
    // Last, so it only catches what no route above matched.
    auto not_found = open_route(ctx, [](const httplib::Request& req, httplib::Response&) {
        throw Problem(404, "No such endpoint: " + req.method + " " + req.path + ".");
    });
    using Add = httplib::Server& (httplib::Server::*)(const std::string&, httplib::Server::Handler);
    for (Add add : std::initializer_list<Add>{&httplib::Server::Get, &httplib::Server::Post, &httplib::Server::Patch,
                                              &httplib::Server::Put, &httplib::Server::Delete})
        (server.*add)(".*", not_found);
}

} // namespace amp::sandbox
