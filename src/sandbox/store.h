// The sandbox's state, in memory only, which POST /__sandbox/reset clears: the Store (provider apps,
// connections and pending OAuth attempts of the one project) and the RequestLog of what the widget sent.
#pragma once
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace amp::sandbox {

struct ProviderApp {
    std::string id, project_id, provider, client_id, client_secret;
    std::vector<std::string> scopes;
    std::optional<std::string> external_ref;
    nlohmann::json metadata; // null when absent
    int64_t create_time = 0, update_time = 0;
};

struct Party { // a group or a consumer
    std::string ref, name;
    int64_t create_time = 0;
    std::optional<int64_t> update_time;
};

struct Connection {
    std::string id, project_id, provider;
    Party group, consumer;
    ProviderApp provider_app; // as it was when the user consented
    std::vector<std::string> scopes; // granted
    int64_t create_time = 0;
    std::optional<int64_t> update_time;
};

// What an OAuth state remembers between oauth-connect and the callback.
struct PendingAuth {
    std::string project_id, provider_app_id, provider;
    std::string group_ref, group_name, consumer_ref, consumer_name;
    int attempt = 0; // the how-manyth oauth-connect since reset
    std::string code_verifier; // PKCE providers: Ampersand's secret half of the challenge, sent with the code
};

struct Data {
    std::vector<ProviderApp> apps;        // in creation order, which is the order lists answer in
    std::vector<Connection> connections;
    std::map<std::string, PendingAuth> pending; // by state
    int attempts = 0;

    ProviderApp* app(const std::string& id);
    Connection* connection(const std::string& id);
    bool erase_app(const std::string& id); // false when there was none
    bool erase_connection(const std::string& id);
};

// The wire forms. clientSecret is write-only in the API, so no response form carries it; a connection's
// credentials (oauth2AuthorizationCode, granted scopes included) only when the caller asked for them.
nlohmann::json app_json(const ProviderApp& app);
nlohmann::json connection_json(const Connection& c, bool include_creds = false);

// Callers lock the data for a whole read-check-write through with(), so checks and writes cannot interleave.
class Store {
public:
    template <class F>
    auto with(F&& f) {
        std::lock_guard lock(m_);
        return f(data_);
    }

private:
    std::mutex m_;
    Data data_;
};

// The /v1 requests received since the last reset, so that tests can assert the exact headers and bodies the
// widget sent. Never printed: it holds API keys and secrets.
class RequestLog {
public:
    void add(const httplib::Request& req);
    nlohmann::json all(); // [{method, path, query, headers:{lower-case name: value}, body}]
    void clear();

private:
    std::mutex m_;
    nlohmann::json entries_ = nlohmann::json::array();
};

} // namespace amp::sandbox
