// The web origin: the widget's built files, extra mounted folders, and a /config.json that points the
// widget at this sandbox instead of the deploy-time file.
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
