// The host origin's /ampersand/v1/...: what a builder's own backend does in a key-free deployment. The
// widget on the host page calls its own origin without any credential; this forwards the call to the
// API with the project's API key added here, on the server, so the key never reaches the browser. A
// real backend would check its own session (is this an admin?) before forwarding.
#include "sandbox/origins.h"

namespace amp::sandbox {

namespace {

constexpr const char* prefix = "/ampersand";

void forward(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    httplib::Client api(ctx.urls.api);
    api.set_connection_timeout(5);
    // Only what the API needs from the browser: the body's type and the client's name. Whatever
    // credential the page might send is dropped; the key is added here.
    httplib::Headers headers{{"X-Api-Key", ctx.options.api_key}};
    for (const char* name : {"Accept", "X-Amp-Client", "X-Amp-Client-Version"})
        if (req.has_header(name)) headers.emplace(name, req.get_header_value(name));
    std::string path = req.target.substr(std::string(prefix).size()); // the query as the page sent it
    std::string type = req.get_header_value("Content-Type");
    httplib::Result r = req.method == "GET"      ? api.Get(path, headers)
                        : req.method == "DELETE" ? api.Delete(path, headers)
                        : req.method == "PATCH"  ? api.Patch(path, headers, req.body, type)
                                                 : api.Post(path, headers, req.body, type);
    if (!r) {
        res.status = 502;
        return;
    }
    res.status = r->status;
    // The request id lets the admin's "Copy diagnostics" name the API call, as it would directly.
    if (r->has_header("X-Request-Id")) res.set_header("X-Request-Id", r->get_header_value("X-Request-Id"));
    res.set_content(r->body, r->get_header_value("Content-Type"));
}

} // namespace

void add_backend_proxy(httplib::Server& server, Context& ctx) {
    std::string pattern = std::string(prefix) + "/v1/.*";
    auto handler = [&ctx](const httplib::Request& req, httplib::Response& res) { forward(ctx, req, res); };
    server.Get(pattern, handler);
    server.Post(pattern, handler);
    server.Patch(pattern, handler);
    server.Delete(pattern, handler);
}

} // namespace amp::sandbox
