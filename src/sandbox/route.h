// What every API call goes through: the wrappers here apply the test switches' faults, authenticate the
// caller, and turn the Problem a handler throws on any failure into the problem+json response, so no
// handler repeats the plumbing.
#pragma once
#include "sandbox/context.h"
#include "sandbox/problem.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

namespace amp::sandbox {

// Who is calling the API: the builder with the API key, or an end user with a token this sandbox minted.
struct Caller {
    std::optional<TokenClaims> token; // empty: the API key
};

// Throws the 401 (or, by switch, 403) Problem when the credentials are missing or not valid.
Caller authenticate(Context& ctx, const httplib::Request& req);

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

// A DELETE of a project_paths() item: once the project is known, `may` (when given) can refuse the caller;
// erase (a Data member taking the id) runs under the store's lock and says whether the item existed; 204,
// else the 404 naming `what` ("Connection").
using Erase = bool (Data::*)(const std::string& id);
httplib::Server::Handler delete_route(Context& ctx, std::string what, Erase erase,
                                      void (*may)(Context&, const Caller&) = nullptr);

Problem not_found(const Context& ctx, const std::string& what, const std::string& id); // "Connection 'x' not found in ..."

nlohmann::json object_body(const httplib::Request& req); // throws 400 unless the body is a JSON object
const Project& project_named(Context& ctx, const std::string& id_or_name); // throws 404

} // namespace amp::sandbox
