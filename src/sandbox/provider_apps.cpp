// Provider apps (listProviderApps, createProviderApp, updateProviderApp and deleteProviderApp in
// tests/contract/openapi-api.json): list, create, update by mask, delete. Create answers 200, not 201, as the
// spec says; no answer carries clientSecret.
#include "sandbox/app_fields.h"
#include "sandbox/route.h"
#include "sandbox/routes.h"

#include <algorithm>

namespace amp::sandbox {

namespace {

using Json = nlohmann::json;

void check_may_edit(Context& ctx, const Caller& caller) {
    if (caller.token && !ctx.switches.get().tokensManageProviderApps)
        throw Problem(403, "A consumer token may not change provider apps.",
                      "Call this endpoint from the builder's backend with the API key.");
}

// With the rejectDuplicates switch, a second app for the same provider is a conflict.
void check_unique(Context& ctx, const Data& data, const ProviderApp& app) {
    if (!ctx.switches.get().rejectDuplicates) return;
    for (const ProviderApp& other : data.apps)
        if (other.provider == app.provider && other.id != app.id)
            throw Problem(409, "Provider app " + other.id + " already exists for provider '" + app.provider + "'.",
                          "Update that app with PATCH, or delete it before creating another.");
}

Problem invalid_mask(const std::string& detail) {
    std::string allowed;
    for (const auto& name : app_field_names()) allowed += (allowed.empty() ? "'" : ", '") + name + "'";
    Problem p(400, "Invalid update mask", "Allowed masks: " + allowed);
    p.issues = {{"updateMask", detail}};
    return p;
}

std::vector<std::string> update_mask(const Json& body) {
    auto it = body.find("updateMask");
    if (it == body.end() || !it->is_array() || it->empty())
        throw invalid_mask("updateMask must be a non-empty array of field names.");
    std::vector<std::string> mask;
    for (const auto& entry : *it) {
        const auto& names = app_field_names();
        if (!entry.is_string() || std::find(names.begin(), names.end(), entry.get<std::string>()) == names.end())
            throw invalid_mask("Unknown field in updateMask: " + entry.dump() + ".");
        mask.push_back(entry);
    }
    return mask;
}

void list(Context& ctx, const httplib::Request& req, httplib::Response& res, const Caller&) {
    project_named(ctx, req.matches[1]);
    send_json(res, ctx.store.with([](Data& d) {
        Json out = Json::array();
        for (const auto& app : d.apps) out.push_back(app_json(app));
        return out;
    }));
}

void create(Context& ctx, const httplib::Request& req, httplib::Response& res, const Caller& caller) {
    const Project& project = project_named(ctx, req.matches[1]);
    check_may_edit(ctx, caller);
    Json body = object_body(req);
    ProviderApp app;
    std::vector<Issue> issues;
    for (const auto& field : app_field_names()) read_app_field(field, body, "", app, issues);
    if (!issues.empty()) throw invalid_input(422, issues);
    send_json(res, ctx.store.with([&](Data& d) {
        check_unique(ctx, d, app);
        app.id = ctx.ids.uuid();
        app.project_id = project.id;
        app.create_time = app.update_time = ctx.clock.tick();
        d.apps.push_back(app);
        return app_json(app);
    }));
}

void update(Context& ctx, const httplib::Request& req, httplib::Response& res, const Caller& caller) {
    project_named(ctx, req.matches[1]);
    check_may_edit(ctx, caller);
    Json body = object_body(req);
    auto mask = update_mask(body);
    auto fields = body.find("providerApp");
    if (fields == body.end() || !fields->is_object())
        throw invalid_input(400, {{"providerApp", "providerApp must be an object with the fields to update."}});
    send_json(res, ctx.store.with([&](Data& d) {
        ProviderApp* app = d.app(req.matches[2]);
        if (!app) throw not_found(ctx, "Provider app", req.matches[2]);
        ProviderApp next = *app;
        std::vector<Issue> issues;
        for (const auto& field : mask) read_app_field(field, *fields, "providerApp.", next, issues);
        // The contract documents only 400 InputValidationProblem for update (422 is create's).
        if (!issues.empty()) throw invalid_input(400, issues);
        check_unique(ctx, d, next);
        next.update_time = ctx.clock.tick();
        *app = next;
        return app_json(next);
    }));
}

void remove(Context& ctx, const httplib::Request& req, httplib::Response& res, const Caller& caller) {
    project_named(ctx, req.matches[1]);
    check_may_edit(ctx, caller);
    std::string id = req.matches[2];
    delete_item(ctx, res, [&](Data& d) { return d.erase_app(id); }, not_found(ctx, "Provider app", id));
}

} // namespace

void add_provider_app_routes(httplib::Server& server, Context& ctx) {
    auto paths = project_paths("provider-apps");
    server.Get(paths.all, authed_route(ctx, list));
    server.Post(paths.all, authed_route(ctx, create));
    server.Patch(paths.one, authed_route(ctx, update));
    server.Delete(paths.one, authed_route(ctx, remove));
}

} // namespace amp::sandbox
