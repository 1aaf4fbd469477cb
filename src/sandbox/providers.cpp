// The provider catalog (getProvider in tests/contract/openapi-api.json). It needs no credentials, as in
// production.
#include "sandbox/route.h"

namespace amp::sandbox {

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
