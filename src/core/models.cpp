#include "core/models.h"

#include "core/url.h"

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

std::vector<MetadataInput> metadata_inputs(const json& list_owner, const char* key) {
    std::vector<MetadataInput> out;
    for (const json& i : items(list_owner, key)) {
        if (str(i, "name").empty()) continue;
        MetadataInput in{str(i, "name"), str(i, "displayName", str(i, "name")), str(i, "prompt"),
                         str(i, "defaultValue"), str(i, "docsURL"), {}};
        const json& modules = member(i, "moduleDependencies");
        if (modules.is_object())
            for (const auto& m : modules.items()) in.modules.push_back(m.key());
        out.push_back(std::move(in));
    }
    return out;
}

} // namespace

std::optional<ProviderInfo> parse_provider_info(std::string_view body) {
    return provider_info_from(parse_json(body));
}

std::optional<ProviderInfo> provider_info_from(const json& j) {
    if (str(j, "name").empty()) return std::nullopt;
    const json& oauth = member(j, "oauth2Opts");
    const json& app_metadata = member(j, "providerAppMetadata");
    ProviderInfo info{str(j, "name"), str(j, "displayName", str(j, "name")), str(j, "authType"),
                      str(oauth, "grantType"), str(oauth, "authURL"), flag(oauth, "explicitScopesRequired")};
    info.explicit_workspace_required = flag(oauth, "explicitWorkspaceRequired");
    info.default_module = str(j, "defaultModule");
    info.docs_url = str(oauth, "docsURL");
    info.icon_url = image_url(str(member(member(j, "media"), "regular"), "iconURL"));
    info.inputs = metadata_inputs(member(j, "metadata"), "input");
    info.app_query_params = metadata_inputs(app_metadata, "authQueryParams");
    info.app_provider_params = metadata_inputs(app_metadata, "providerParams");
    return info;
}

std::optional<ProviderApp> provider_app_from(const json& j) {
    if (str(j, "id").empty() || str(j, "provider").empty()) return std::nullopt;
    const json& metadata = member(j, "metadata");
    return ProviderApp{str(j, "id"), str(j, "projectId"), str(j, "provider"), str(j, "clientId"),
                       str(j, "externalRef"), str(j, "createTime"), str(j, "updateTime"), strings(j, "scopes"),
                       metadata.is_object() ? metadata : json()};
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
