#include "sandbox/token_client.h"

#include "sandbox/pinterest.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace amp::sandbox {

Exchange exchange_code(const std::string& token_url, const ProviderApp& app, const std::string& code,
                       const std::string& redirect_uri) {
    size_t path_start = token_url.find('/', token_url.find("://") + 3);
    httplib::Client client(token_url.substr(0, path_start));
    client.set_basic_auth(app.client_id.c_str(), app.client_secret.c_str());
    client.set_connection_timeout(5);
    httplib::Params form{{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", redirect_uri}};
    auto res = client.Post(token_url.substr(path_start).c_str(), form);
    if (!res) return {"Could not reach Pinterest's token endpoint.", {}};
    auto body = nlohmann::json::parse(res->body, nullptr, false);
    if (res->status != 200) {
        bool has_message = body.is_object() && body.contains("message") && body["message"].is_string();
        return {has_message ? body["message"].get<std::string>() : "Pinterest refused the token request.", {}};
    }
    if (!body.is_object() || !body.value("scope", nlohmann::json()).is_string())
        return {"Pinterest's token response could not be read.", {}};
    return {"", split_scopes(body["scope"])};
}

} // namespace amp::sandbox
