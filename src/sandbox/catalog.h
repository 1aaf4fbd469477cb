// The provider catalog the sandbox answers GET /v1/providers with. Pinterest only, as in Ampersand's
// catalog, except that its OAuth URLs point at the sandbox's Pinterest stand-in.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace amp::sandbox {

struct Urls { // origins, without a trailing slash
    std::string web, api, consent, host;
};

// The paths the stand-in serves, which the catalog names.
inline constexpr const char* authorize_path = "/oauth/";
inline constexpr const char* token_path = "/v5/oauth/token";
inline constexpr const char* callback_path = "/callbacks/v1/oauth";

std::optional<nlohmann::json> provider_info(const std::string& name, const Urls& urls);
nlohmann::json provider_catalog(const Urls& urls); // keyed by provider name
bool is_known_provider(const std::string& name);

} // namespace amp::sandbox
