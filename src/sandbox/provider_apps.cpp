// Provider apps (listProviderApps, createProviderApp, updateProviderApp and deleteProviderApp in
// tests/contract/openapi-api.json): list, create, update by mask, delete. Create answers 200, not 201, as the
// spec says; no answer carries clientSecret.
#include "sandbox/catalog.h"
#include "sandbox/route.h"

#include <algorithm>
#include <functional>
#include <map>

namespace amp::sandbox {

namespace {

using Json = nlohmann::json;

// Reading provider-app fields from a request body. Every problem is collected as an Issue so one answer
// can list them all.
using Reader = std::function<void(const Json* value, const std::string& name, ProviderApp& app, std::vector<Issue>& issues)>;

// A required non-empty string. Secrets are reported without their value.
const std::string* text(const Json* v, const std::string& name, bool secret, std::vector<Issue>& issues) {
    if (!v) issues.push_back({name, name + " is required."});
    else if (!v->is_string() || v->get_ref<const std::string&>().empty())
        issues.push_back({name, "Expected a non-empty string.", secret ? Json() : *v});
    else return &v->get_ref<const std::string&>();
    return nullptr;
}

bool strings(const Json& v, const std::string& name, std::vector<Issue>& issues) {
    if (!v.is_array()) {
        issues.push_back({name, "Expected an array of strings.", v});
        return false;
    }
    size_t before = issues.size();
    for (size_t i = 0; i < v.size(); ++i)
        if (!v[i].is_string()) issues.push_back({name + "[" + std::to_string(i) + "]", "Expected a string.", v[i]});
    return issues.size() == before;
}

// ProviderAppMetadata: authQueryParams maps names to string arrays, providerParams names to strings.
bool metadata(const Json& v, const std::string& name, std::vector<Issue>& issues) {
    if (!v.is_object()) {
        issues.push_back({name, "Expected an object.", v});
        return false;
    }
    size_t before = issues.size();
    for (const auto& [key, value] : v.items()) {
        std::string path = name + "." + key;
        if (key == "authQueryParams" && value.is_object())
            for (const auto& [param, values] : value.items()) strings(values, path + "." + param, issues);
        else if (key == "providerParams" && value.is_object()) {
            for (const auto& [param, text] : value.items())
                if (!text.is_string()) issues.push_back({path + "." + param, "Expected a string.", text});
        } else if (key == "authQueryParams" || key == "providerParams")
            issues.push_back({path, "Expected an object.", value});
        else issues.push_back({path, "Unknown metadata field.", value});
    }
    return issues.size() == before;
}

const std::map<std::string, Reader>& readers() {
    static const std::map<std::string, Reader> all = {
        {"provider",
         [](const Json* v, const std::string& name, ProviderApp& app, std::vector<Issue>& issues) {
             const std::string* s = text(v, name, false, issues);
             if (s && !is_known_provider(*s)) issues.push_back({name, "Unknown provider.", *v});
             else if (s) app.provider = *s;
         }},
        {"clientId",
         [](const Json* v, const std::string& name, ProviderApp& app, std::vector<Issue>& issues) {
             if (const std::string* s = text(v, name, false, issues)) app.client_id = *s;
         }},
        {"clientSecret",
         [](const Json* v, const std::string& name, ProviderApp& app, std::vector<Issue>& issues) {
             if (const std::string* s = text(v, name, true, issues)) app.client_secret = *s;
         }},
        {"scopes",
         [](const Json* v, const std::string& name, ProviderApp& app, std::vector<Issue>& issues) {
             if (!v) app.scopes.clear();
             else if (strings(*v, name, issues)) app.scopes = v->get<std::vector<std::string>>();
         }},
        {"externalRef",
         [](const Json* v, const std::string& name, ProviderApp& app, std::vector<Issue>& issues) {
             if (!v) app.external_ref.reset();
             else if (!v->is_string()) issues.push_back({name, "Expected a string.", *v});
             else app.external_ref = v->get<std::string>();
         }},
        {"metadata",
         [](const Json* v, const std::string& name, ProviderApp& app, std::vector<Issue>& issues) {
             if (!v) app.metadata = nullptr;
             else if (metadata(*v, name, issues)) app.metadata = *v;
         }},
    };
    return all;
}

// The fields a body may set, for create (every one) and for PATCH (the ones its updateMask names);
// also the allowed update masks.
const std::vector<std::string>& app_field_names() {
    static const std::vector<std::string> names = {"externalRef", "clientId", "clientSecret", "provider", "scopes", "metadata"};
    return names;
}

// Sets one field of app from source[field]; an absent optional field is cleared. Issue names get prefix.
void read_app_field(const std::string& field, const Json& source, const std::string& prefix, ProviderApp& app,
                    std::vector<Issue>& issues) {
    auto it = source.find(field);
    bool absent = it == source.end() || it->is_null(); // null clears an optional field, as leaving it out does
    readers().at(field)(absent ? nullptr : &*it, prefix + field, app, issues);
}

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

} // namespace

void add_provider_app_routes(httplib::Server& server, Context& ctx) {
    auto paths = project_paths("provider-apps");
    server.Get(paths.all, authed_route(ctx, list));
    server.Post(paths.all, authed_route(ctx, create));
    server.Patch(paths.one, authed_route(ctx, update));
    server.Delete(paths.one, delete_route(ctx, "Provider app", &Data::erase_app, check_may_edit));
}

} // namespace amp::sandbox
