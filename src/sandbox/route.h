// The API origin's routing. What every API call goes through: the wrappers here apply the test switches'
// faults, authenticate the caller, and turn the Problem a handler throws on any failure into the
// problem+json response, so no handler repeats the plumbing; the helpers handlers share to read requests and
// answer them; and the route groups, one a file, that api_origin.cpp adds.
#pragma once
#include "sandbox/context.h"
#include "sandbox/problem.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

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

// Reads string fields of a JSON request body, collecting an Issue for each one missing or mistyped so a
// single answer can name them all.
struct BodyFields {
    const nlohmann::json& body;
    std::vector<Issue> issues;

    // The field's value; "" with an issue when required and absent, or when not a (non-empty) string.
    std::string text(const std::string& name, bool required);
};

const Project& project_named(Context& ctx, const std::string& id_or_name); // throws 404

// The API origin's route groups (api_origin.cpp adds them all); each file adds its own to the server.
void add_provider_routes(httplib::Server& server, Context& ctx);     // GET /v1/providers[/{name}]
void add_provider_app_routes(httplib::Server& server, Context& ctx); // /v1/projects/{p}/provider-apps
void add_connection_routes(httplib::Server& server, Context& ctx);   // .../connections, oauth-connect, :oauth-update
void add_callback_route(httplib::Server& server, Context& ctx);      // GET /callbacks/v1/oauth
void add_admin_routes(httplib::Server& server, Context& ctx);        // /__sandbox/...

} // namespace amp::sandbox
