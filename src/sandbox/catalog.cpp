#include "sandbox/catalog.h"

namespace amp::sandbox {

namespace {

nlohmann::json pinterest(const Urls& urls) {
    auto media = [&](const std::string& variant) {
        return nlohmann::json{{"iconURL", urls.consent + "/brand/icon" + variant + ".svg"},
                              {"logoURL", urls.consent + "/brand/logo" + variant + ".svg"}};
    };
    return {
        {"name", "pinterest"},
        {"displayName", "Pinterest"},
        {"authType", "oauth2"},
        {"baseURL", "https://api.pinterest.com"},
        {"defaultModule", ""},
        {"support",
         {{"read", true},
          {"write", true},
          {"proxy", true},
          {"subscribe", false},
          {"delete", false},
          {"bulkWrite", {{"insert", false}, {"update", false}, {"upsert", false}, {"delete", false}}},
          {"search", {{"operators", {{"equals", false}}}}}}},
        {"oauth2Opts",
         {{"grantType", "authorizationCode"},
          {"authURL", urls.consent + authorize_path},
          {"tokenURL", urls.consent + token_path},
          {"explicitScopesRequired", true},
          {"explicitWorkspaceRequired", false},
          {"tokenMetadataFields", {{"scopesField", "scope"}}}}},
        {"media", {{"regular", media("")}, {"darkMode", media("-dark")}}},
    };
}

} // namespace

std::optional<nlohmann::json> provider_info(const std::string& name, const Urls& urls) {
    if (name == "pinterest") return pinterest(urls);
    return std::nullopt;
}

nlohmann::json provider_catalog(const Urls& urls) { return {{"pinterest", pinterest(urls)}}; }

bool is_known_provider(const std::string& name) { return name == "pinterest"; }

} // namespace amp::sandbox
