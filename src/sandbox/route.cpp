#include "sandbox/route.h"

#include "sandbox/faults.h"

namespace amp::sandbox {

ProjectPaths project_paths(const std::string& collection) {
    std::string all = "/v1/projects/([^/]+)/" + collection;
    return {all, all + "/([^/:]+)"}; // no ':' in ids, which leaves room for custom methods such as :oauth-update
}

httplib::Server::Handler open_route(Context& ctx, Route route) {
    return [&ctx, route](const httplib::Request& req, httplib::Response& res) {
        std::optional<Spoil> spoil_after;
        try {
            if (!intercept(ctx, req, res, spoil_after)) route(req, res);
        } catch (const Problem& p) {
            send_problem(ctx, res, p);
        }
        if (spoil_after) spoil(ctx, res, *spoil_after);
    };
}

httplib::Server::Handler authed_route(Context& ctx, AuthedRoute route) {
    return open_route(ctx, [&ctx, route](const httplib::Request& req, httplib::Response& res) {
        route(ctx, req, res, authenticate(ctx, req));
    });
}

void send_json(httplib::Response& res, const nlohmann::json& body, int status) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

void send_problem(Context& ctx, httplib::Response& res, const Problem& p) {
    res.status = p.status;
    res.set_content(problem_json(p, ctx.now(), res.get_header_value("X-Request-Id")).dump(), "application/problem+json");
}

Problem not_found(const Context& ctx, const std::string& what, const std::string& id) {
    return Problem(404, what + " '" + id + "' not found in project '" + ctx.project.name + "'.");
}

nlohmann::json object_body(const httplib::Request& req) {
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded())
        throw Problem(400, "The request body is not valid JSON.");
    if (!body.is_object())
        throw Problem(400, "The request body must be a JSON object.");
    return body;
}

const Project& project_named(Context& ctx, const std::string& id_or_name) {
    if (id_or_name == ctx.project.id || id_or_name == ctx.project.name) return ctx.project;
    throw Problem(404, "Project '" + id_or_name + "' not found.",
                  "Use the project's name (" + ctx.project.name + ") or its id (" + ctx.project.id + ").");
}

} // namespace amp::sandbox
