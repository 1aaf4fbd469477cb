// A sandbox started in-process on free ports for one test, with clients for its origins.
#pragma once
#include "sandbox/sandbox.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

namespace amp::sandbox::test {

inline Options test_options() {
    Options o;
    o.web_port = o.api_port = o.consent_port = o.host_port = 0;
    o.dist.clear();
    o.deterministic = true;
    o.quiet = true;
    return o;
}

struct RunningSandbox {
    explicit RunningSandbox(Options o = test_options()) : sandbox(std::move(o)) { sandbox.start(); }

    Sandbox sandbox;
    const Urls& urls() const { return sandbox.urls(); }

    httplib::Client anonymous_api() const { return httplib::Client(urls().api); }
    httplib::Client api() const { // as the builder, with the API key
        httplib::Client c(urls().api);
        c.set_default_headers({{"X-Api-Key", "sandbox-key"}});
        return c;
    }
    httplib::Client consent() const { return httplib::Client(urls().consent); }
    httplib::Client web() const { return httplib::Client(urls().web); }

    void set_switches(const nlohmann::json& switches) const;
    nlohmann::json create_app(const nlohmann::json& overrides = nlohmann::json::object()) const; // a valid Pinterest app
    std::string consent_url(const nlohmann::json& overrides = nlohmann::json::object()) const;  // from oauth-connect
};

nlohmann::json json_of(const httplib::Result& r);
// The body of an answer that must be application/problem+json with this status.
nlohmann::json problem_of(const httplib::Result& r, int status);
httplib::Result post_json(httplib::Client& c, const std::string& path, const nlohmann::json& body);
httplib::Result patch_json(httplib::Client& c, const std::string& path, const nlohmann::json& body);

// The consent and callback steps a browser would take, followed by hand.
struct Redirect {
    int status = 0;
    std::string location;
};
std::string param(const std::string& url, const char* name); // a query parameter of a URL, decoded
std::string consent_target(const std::string& url);            // a consent URL's path and query, to GET there
Redirect decide(const RunningSandbox& s, const std::string& consent_url, const std::string& decision);
httplib::Result follow_to_callback(const RunningSandbox& s, const std::string& location);

} // namespace amp::sandbox::test
