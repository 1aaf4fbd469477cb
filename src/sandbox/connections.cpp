// Connections (the connection operations of tests/contract/openapi-api.json): list with filters, get, delete.
// They are made by the OAuth callback.
#include "sandbox/route.h"


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

} // namespace

void add_connection_routes(httplib::Server& server, Context& ctx) {
    auto paths = project_paths("connections");
    server.Get(paths.all, authed_route(ctx, list));
    server.Get(paths.one, authed_route(ctx, get));
    server.Delete(paths.one, delete_route(ctx, "Connection", &Data::erase_connection));
}

} // namespace amp::sandbox
