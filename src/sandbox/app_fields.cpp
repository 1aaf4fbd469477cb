#include "sandbox/app_fields.h"

#include "sandbox/catalog.h"

#include <functional>
#include <map>

namespace amp::sandbox {

namespace {

using Json = nlohmann::json;
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

} // namespace

const std::vector<std::string>& app_field_names() {
    static const std::vector<std::string> names = {"externalRef", "clientId", "clientSecret", "provider", "scopes", "metadata"};
    return names;
}

void read_app_field(const std::string& field, const Json& source, const std::string& prefix, ProviderApp& app,
                    std::vector<Issue>& issues) {
    auto it = source.find(field);
    bool absent = it == source.end() || it->is_null(); // null clears an optional field, as leaving it out does
    readers().at(field)(absent ? nullptr : &*it, prefix + field, app, issues);
}

} // namespace amp::sandbox
