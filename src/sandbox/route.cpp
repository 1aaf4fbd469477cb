#include "sandbox/route.h"

#include <chrono>
#include <thread>

namespace amp::sandbox {

namespace {

Problem refused(Context& ctx, const std::string& detail) {
    return Problem(ctx.switches.get().authFailureStatus, detail,
                   "Send the project's API key in the X-Api-Key header (amp-sandbox prints it at start), or a "
                   "token from POST /__sandbox/token as Authorization: Bearer <token>.");
}

// What the test switches do to /v1 calls before their handler runs: record the call, hold it for
// delayMs, or answer it with an injected fault. Runs inside the route wrapper, where httplib has read
// the body (it reads bodies only after its pre-routing hook).
void answer_fault(Context& ctx, httplib::Response& res, const Fault& fault) {
    switch (fault.kind) {
    case Fault::fail: {
        std::vector<Issue> issues;
        for (const auto& field : fault.failure.fields) issues.emplace_back(field, "Rejected by the sandbox's failNext switch.");
        Problem p = issues.empty() ? Problem(fault.failure.status, "Failure injected by the sandbox's failNext switch.")
                                   : invalid_input(fault.failure.status, std::move(issues));
        p.retryable = fault.failure.retryable;
        if (p.status == 429) { // how long to wait, both ways the contract allows
            p.retry_after = Clock::format(ctx.clock.now() + fault.failure.retryAfter);
            res.set_header("Retry-After", std::to_string(fault.failure.retryAfter));
        }
        send_problem(ctx, res, p);
        break;
    }
    case Fault::malformed:
        res.status = 500;
        res.set_content("<html>oops</html>", "text/html");
        break;
    case Fault::empty:
        res.status = 502;
        break;
    }
}

// After a call was carried out: spoils its answer as the answer*Next switch taken for it says.
void spoil(Context& ctx, httplib::Response& res, Spoil how) {
    switch (how) {
    case Spoil::lost:
        res.headers.erase("Access-Control-Allow-Origin");
        break;
    case Spoil::unreadable:
        res.status = 200;
        res.set_content("{\"id\": \"cut sho", "application/json");
        break;
    case Spoil::never:
        ctx.switches.hold();
        break;
    }
}

// True when the call has been answered with a fault and its handler must not run. Otherwise
// spoil_after may say what to do to the handler's answer (see spoil).
bool intercept(Context& ctx, const httplib::Request& req, httplib::Response& res, std::optional<Spoil>& spoil_after) {
    if (req.path.rfind("/v1/", 0) != 0) return false;
    ctx.requests.add(req);
    if (req.method == "OPTIONS") return false; // preflights are recorded, never delayed or failed
    std::this_thread::sleep_for(std::chrono::milliseconds(ctx.switches.get().delayMs));
    // The catalog stays reachable so that a test can fail the calls made after the widget has loaded.
    if (req.path.rfind("/v1/providers", 0) == 0) return false;
    auto fault = ctx.switches.take_fault();
    if (fault) answer_fault(ctx, res, *fault);
    else spoil_after = ctx.switches.take_spoil();
    return fault.has_value();
}

} // namespace

Caller authenticate(Context& ctx, const httplib::Request& req) {
    if (req.has_header("X-Api-Key")) {
        if (req.get_header_value("X-Api-Key") != ctx.options.api_key) throw refused(ctx, "Invalid credentials: the API key is not valid.");
        return {};
    }
    std::string auth = req.get_header_value("Authorization");
    const std::string scheme = "Bearer ";
    if (auth.empty()) throw refused(ctx, "Missing credentials: send an X-Api-Key header or an Authorization: Bearer token.");
    if (auth.rfind(scheme, 0) != 0) throw refused(ctx, "Invalid credentials: the Authorization header is not a Bearer token.");
    auto claims = ctx.tokens.verify(auth.substr(scheme.size()), ctx.clock.now());
    if (!claims) throw refused(ctx, "Invalid credentials: the bearer token is not valid or has expired.");
    return {claims};
}

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

httplib::Server::Handler delete_route(Context& ctx, std::string what, Erase erase, void (*may)(Context&, const Caller&)) {
    return open_route(ctx, [&ctx, what, erase, may](const httplib::Request& req, httplib::Response& res) {
        Caller caller = authenticate(ctx, req);
        project_named(ctx, req.matches[1]);
        if (may) may(ctx, caller);
        std::string id = req.matches[2];
        if (!ctx.store.with([&](Data& d) { return (d.*erase)(id); })) throw not_found(ctx, what, id);
        ctx.clock.tick();
        res.status = 204;
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

std::string BodyFields::text(const std::string& name, bool required) {
    auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        if (required) issues.push_back({name, name + " is required."});
    } else if (!it->is_string() || (required && it->get_ref<const std::string&>().empty()))
        issues.push_back({name, "Expected a non-empty string.", *it});
    else return *it;
    return "";
}

const Project& project_named(Context& ctx, const std::string& id_or_name) {
    if (id_or_name == ctx.project.id || id_or_name == ctx.project.name) return ctx.project;
    throw Problem(404, "Project '" + id_or_name + "' not found.",
                  "Use the project's name (" + ctx.project.name + ") or its id (" + ctx.project.id + ").");
}

} // namespace amp::sandbox
