#include "sandbox/store.h"

#include "sandbox/ids_and_clock.h"

#include <algorithm>
#include <cctype>

namespace amp::sandbox {

namespace {

template <class T>
T* find_by_id(std::vector<T>& items, const std::string& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
    return it == items.end() ? nullptr : &*it;
}

nlohmann::json party_json(const Party& p, const std::string& kind, const std::string& project_id) {
    nlohmann::json j{{kind + "Ref", p.ref}, {kind + "Name", p.name}, {"projectId", project_id},
                     {"createTime", Clock::format(p.create_time)}};
    if (p.update_time) j["updateTime"] = Clock::format(*p.update_time);
    return j;
}

template <class T>
bool erase_by_id(std::vector<T>& items, const std::string& id) {
    return std::erase_if(items, [&](const T& t) { return t.id == id; }) > 0;
}

} // namespace

bool Data::erase_app(const std::string& id) { return erase_by_id(apps, id); }
bool Data::erase_connection(const std::string& id) { return erase_by_id(connections, id); }

ProviderApp* Data::app(const std::string& id) { return find_by_id(apps, id); }
Connection* Data::connection(const std::string& id) { return find_by_id(connections, id); }

nlohmann::json app_json(const ProviderApp& app) {
    nlohmann::json j{{"id", app.id},         {"projectId", app.project_id},
                     {"provider", app.provider}, {"clientId", app.client_id},
                     {"scopes", app.scopes},  {"createTime", Clock::format(app.create_time)},
                     {"updateTime", Clock::format(app.update_time)}};
    if (app.external_ref) j["externalRef"] = *app.external_ref;
    if (!app.metadata.is_null()) j["metadata"] = app.metadata;
    return j;
}

nlohmann::json connection_json(const Connection& c, bool include_creds) {
    nlohmann::json j{{"id", c.id},
                     {"projectId", c.project_id},
                     {"provider", c.provider},
                     {"group", party_json(c.group, "group", c.project_id)},
                     {"consumer", party_json(c.consumer, "consumer", c.project_id)},
                     {"providerApp", app_json(c.provider_app)},
                     {"authScheme", "oauth2/authorizationCode"},
                     // Nothing here ever uses the connection, so it never becomes `working`.
                     {"status", "created"},
                     {"createTime", Clock::format(c.create_time)}};
    if (include_creds) j["oauth2AuthorizationCode"] = {{"scopes", c.scopes}};
    if (c.update_time) j["updateTime"] = Clock::format(*c.update_time);
    return j;
}

void RequestLog::add(const httplib::Request& req) {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : req.headers) {
        std::string lower = name;
        for (char& c : lower) c = (char)std::tolower((unsigned char)c);
        headers[lower] = value;
    }
    size_t q = req.target.find('?');
    nlohmann::json entry{{"method", req.method},
                         {"path", req.path},
                         {"query", q == std::string::npos ? "" : req.target.substr(q + 1)},
                         {"headers", headers},
                         {"body", req.body}};
    std::lock_guard lock(m_);
    entries_.push_back(std::move(entry));
}

nlohmann::json RequestLog::all() {
    std::lock_guard lock(m_);
    return entries_;
}

void RequestLog::clear() {
    std::lock_guard lock(m_);
    entries_ = nlohmann::json::array();
}

} // namespace amp::sandbox
