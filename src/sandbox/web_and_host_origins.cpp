// The two origins that serve files. The web origin: the widget's built files, extra mounted folders, and a
// /config.json that points the widget at this sandbox instead of the deploy-time file. The host origin: a
// page that embeds the widget (examples, test pages), /sandbox.js that tells such pages where the widget and
// the API are, and the builder's backend they call in a key-free deployment (/ampersand/v1/...).
#include "sandbox/origins.h"

#include <stdexcept>

namespace amp::sandbox {

namespace {

nlohmann::json config(const Context& ctx) {
    nlohmann::json hosts = {ctx.urls.web};
    if (!ctx.options.host_not_allowed) hosts.push_back(ctx.urls.host);
    for (const auto& origin : ctx.options.allowed_host_origins) hosts.push_back(origin);
    return {{"apiBase", ctx.urls.api + "/v1"}, {"allowedHostOrigins", hosts}};
}

// The hosted page's policy as a header, from the same /config.json the page reads: frame-ancestors works
// only in a header, and lists allowedHostOrigins, so that browsers refuse to show the page in a frame
// anywhere else; connect-src names apiBase's origin, as hosted.js does in the page.
std::string hosted_page_policy(const Context& ctx) {
    nlohmann::json c = config(ctx);
    std::string hosts;
    for (const auto& origin : c["allowedHostOrigins"]) hosts += " " + origin.get<std::string>();
    std::string api = c["apiBase"];
    return "frame-ancestors" + hosts + "; connect-src 'self' " + api.substr(0, api.find('/', api.find("://") + 3));
}

void mount(httplib::Server& server, const std::string& prefix, const std::string& dir) {
    // httplib serves files only (a folder gives its index.html, never a listing) and refuses paths with "..".
    if (!server.set_mount_point(prefix, dir)) throw std::runtime_error("cannot serve " + prefix + " from " + dir + ": no such folder");
}

// The host origin's /ampersand/v1/...: what a builder's own backend does in a key-free deployment. The
// widget on the host page calls its own origin without any credential; this forwards the call to the
// API with the project's API key added here, on the server, so the key never reaches the browser. A
// real backend would check its own session (is this an admin?) before forwarding.
constexpr const char* backend_prefix = "/ampersand";

void forward(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    httplib::Client api(ctx.urls.api);
    api.set_connection_timeout(5);
    // Only what the API needs from the browser: the body's type and the client's name. Whatever
    // credential the page might send is dropped; the key is added here.
    httplib::Headers headers{{"X-Api-Key", ctx.options.api_key}};
    for (const char* name : {"Accept", "X-Amp-Client", "X-Amp-Client-Version"})
        if (req.has_header(name)) headers.emplace(name, req.get_header_value(name));
    std::string path = req.target.substr(std::string(backend_prefix).size()); // the query as the page sent it
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

void add_backend_proxy(httplib::Server& server, Context& ctx) {
    std::string pattern = std::string(backend_prefix) + "/v1/.*";
    auto handler = [&ctx](const httplib::Request& req, httplib::Response& res) { forward(ctx, req, res); };
    server.Get(pattern, handler);
    server.Post(pattern, handler);
    server.Patch(pattern, handler);
    server.Delete(pattern, handler);
}

} // namespace

void setup_web_origin(httplib::Server& server, Context& ctx) {
    // Pages on other origins load the loader and the wasm from here (inline mode), as from a CDN.
    server.set_default_headers({{"Cache-Control", "no-store"}, {"Access-Control-Allow-Origin", "*"}});
    // Routes come after mounted files in httplib, so /config.json is answered before routing to win over a file.
    server.set_pre_routing_handler([&ctx](const httplib::Request& req, httplib::Response& res) {
        if (req.path != "/config.json" || (req.method != "GET" && req.method != "HEAD"))
            return httplib::Server::HandlerResponse::Unhandled;
        res.set_content(config(ctx).dump(), "application/json");
        return httplib::Server::HandlerResponse::Handled;
    });
    server.set_file_request_handler([&ctx, files = std::make_shared<CompressedFiles>()](const httplib::Request& req, httplib::Response& res) {
        if (req.path == "/" || req.path == "/index.html") res.set_header("Content-Security-Policy", hosted_page_policy(ctx));
        files->apply(req, res);
    });
    // Mounts are tried in order: the extra folders first, so that dist cannot shadow them.
    for (const auto& m : ctx.options.mounts) mount(server, m.prefix, m.dir);
    if (!ctx.options.dist.empty()) mount(server, "/", ctx.options.dist);
}

void setup_host_origin(httplib::Server& server, Context& ctx) {
    server.set_default_headers({{"Cache-Control", "no-store"}});
    // Example pages learn where the widget and the API are (the ports may be any) from /sandbox.js.
    server.set_pre_routing_handler([&ctx](const httplib::Request& req, httplib::Response& res) {
        if (req.path != "/sandbox.js") return httplib::Server::HandlerResponse::Unhandled;
        nlohmann::json where = {{"web", ctx.urls.web}, {"api", ctx.urls.api + "/v1"}};
        res.set_content("window.AMP_SANDBOX = " + where.dump() + ";\n", "text/javascript");
        return httplib::Server::HandlerResponse::Handled;
    });
    add_backend_proxy(server, ctx);
    if (!ctx.options.host_dir.empty()) mount(server, "/", ctx.options.host_dir);
}

} // namespace amp::sandbox
