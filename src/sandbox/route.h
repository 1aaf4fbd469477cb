// Helpers every API handler uses: handlers throw a Problem on any failure, and the wrappers here turn
// it into the problem+json response, so no handler repeats the error plumbing.
#pragma once
#include "sandbox/auth.h"
#include "sandbox/context.h"
#include "sandbox/problem.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>

namespace amp::sandbox {

using Route = std::function<void(const httplib::Request&, httplib::Response&)>;
using AuthedRoute = void (*)(Context&, const httplib::Request&, httplib::Response&, const Caller&);

// The route patterns of a collection in the project: all of it, and one item by id.
struct ProjectPaths {
    std::string all, one;
};
ProjectPaths project_paths(const std::string& collection);

httplib::Server::Handler open_route(Context& ctx, Route route);
httplib::Server::Handler authed_route(Context& ctx, AuthedRoute route);

void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200);
// requestId comes from the X-Request-Id header the API origin set on the response.
void send_problem(Context& ctx, httplib::Response& res, const Problem& p);

// A DELETE: erase(Data&) runs under the store's lock and says whether the item existed; 204, else missing.
template <class Erase>
void delete_item(Context& ctx, httplib::Response& res, Erase erase, const Problem& missing) {
    if (!ctx.store.with(erase)) throw missing;
    ctx.clock.tick();
    res.status = 204;
}

Problem not_found(const Context& ctx, const std::string& what, const std::string& id); // "Connection 'x' not found in ..."

nlohmann::json object_body(const httplib::Request& req); // throws 400 unless the body is a JSON object
const Project& project_named(Context& ctx, const std::string& id_or_name); // throws 404

} // namespace amp::sandbox
