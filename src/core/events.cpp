#include "core/events.h"

#include "core/json.h"
#include "core/text.h"

namespace amp {

namespace {

// API text echoed to the host (display names, problem titles and details) is cleaned as for the
// screen, with a roomier cap: a host may log it, and must not be handed bidi tricks or a megabyte.
constexpr size_t kEventTextBytes = 4096;

std::string echoed(std::string_view s) {
    return shown_text(s, kEventTextBytes);
}

json app_json(const ProviderApp& a) {
    return {{"id", a.id}, {"provider", a.provider}, {"clientId", a.client_id}, {"scopes", a.scopes},
            {"createTime", a.create_time}, {"updateTime", a.update_time}};
}

// Every `error` event has this shape, whatever failed.
json error_json(ErrorCode code, std::string_view message, int status, std::string_view operation,
                bool retryable) {
    return {{"type", "error"}, {"code", error_code_name(code)},           {"message", echoed(message)},
            {"status", status}, {"operation", operation}, {"retryable", retryable}};
}

void add_fields(json& j, const std::vector<FieldIssue>& issues) {
    for (const FieldIssue& i : issues) j["fields"][i.field] = echoed(i.message);
}

} // namespace

std::string ready_event(std::string_view provider, std::string_view version) {
    return dump(json{{"type", "ready"}, {"provider", provider}, {"version", version}});
}

std::string provider_loaded_event(const ProviderInfo& p) {
    return dump(json{{"type", "providerLoaded"}, {"provider", p.name}, {"displayName", echoed(p.display_name)}});
}

std::string provider_chosen_event(std::string_view provider, std::string_view display_name) {
    return dump(json{{"type", "providerChosen"}, {"provider", provider}, {"displayName", echoed(display_name)}});
}

std::string provider_app_saved_event(const ProviderApp& app, bool created) {
    json j = app_json(app);
    j["type"] = "providerAppSaved";
    j["created"] = created;
    return dump(j);
}

std::string provider_app_deleted_event(std::string_view id, std::string_view provider) {
    return dump(json{{"type", "providerAppDeleted"}, {"id", id}, {"provider", provider}});
}

std::string error_event(const ApiError& e, std::string_view operation) {
    json j = error_json(e.code, e.message(), e.status, operation, e.retryable);
    if (!e.request_id.empty()) j["requestId"] = e.request_id;
    add_fields(j, e.issues);
    return dump(j);
}

std::string invalid_input_event(const std::vector<FieldIssue>& issues, std::string_view operation) {
    json j = error_json(ErrorCode::InvalidInput, issues.empty() ? "" : issues.front().message, 0, operation, false);
    add_fields(j, issues);
    return dump(j);
}

// requestedScopes, not scopes: what the app asked for. What the account granted is not shown to a
// browser, and a host must not take one for the other.
std::string connected_event(const Connection& c) {
    return dump(json{{"type", "connected"}, {"id", c.id}, {"provider", c.provider}, {"status", c.status},
                     {"requestedScopes", c.requested_scopes}, {"createTime", c.create_time}});
}

std::string connection_removed_event(std::string_view id) {
    return dump(json{{"type", "connectionRemoved"}, {"id", id}});
}

std::string failure_event(ErrorCode code, std::string_view message, std::string_view operation,
                          bool retryable) {
    return dump(error_json(code, message, 0, operation, retryable));
}

} // namespace amp
