// The /v1 requests received since the last reset, in memory only, so that tests can assert the exact
// headers and bodies the widget sent. Never printed: it holds API keys and secrets.
#pragma once
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <mutex>

namespace amp::sandbox {

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
