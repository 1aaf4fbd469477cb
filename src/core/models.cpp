#include "core/models.h"

namespace amp {

namespace {

template <class T>
std::optional<std::vector<T>> parse_list(std::string_view body, std::optional<T> (*one)(const json&)) {
    json j = parse_json(body);
    if (!j.is_array()) return std::nullopt;
    std::vector<T> out;
    for (const json& item : j)
        if (auto v = one(item)) out.push_back(std::move(*v));
    return out;
}

} // namespace

std::optional<ProviderInfo> parse_provider_info(std::string_view body) {
    json j = parse_json(body);
    if (str(j, "name").empty()) return std::nullopt;
    const json& oauth = member(j, "oauth2Opts");
    return ProviderInfo{str(j, "name"), str(j, "displayName", str(j, "name")), str(j, "authType"),
                        str(oauth, "grantType"), str(oauth, "authURL"), flag(oauth, "explicitScopesRequired")};
}

std::optional<ProviderApp> provider_app_from(const json& j) {
    if (str(j, "id").empty() || str(j, "provider").empty()) return std::nullopt;
    return ProviderApp{str(j, "id"), str(j, "projectId"), str(j, "provider"), str(j, "clientId"),
                       str(j, "externalRef"), str(j, "createTime"), str(j, "updateTime"), strings(j, "scopes")};
}

std::optional<ProviderApp> parse_provider_app(std::string_view body) {
    return provider_app_from(parse_json(body));
}

std::optional<std::vector<ProviderApp>> parse_provider_apps(std::string_view body) {
    return parse_list<ProviderApp>(body, &provider_app_from);
}

std::optional<Connection> connection_from(const json& j) {
    if (str(j, "id").empty()) return std::nullopt;
    const json& app = member(j, "providerApp");
    return Connection{str(j, "id"), str(j, "provider"), str(j, "status"),
                      str(member(j, "group"), "groupRef"), str(member(j, "consumer"), "consumerRef"),
                      str(j, "createTime"), str(j, "updateTime"), str(app, "id"), strings(app, "scopes")};
}

std::optional<Connection> parse_connection(std::string_view body) {
    return connection_from(parse_json(body));
}

std::optional<std::vector<Connection>> parse_connections(std::string_view body) {
    return parse_list<Connection>(body, &connection_from);
}

} // namespace amp
