#include "sandbox/sandbox.h"

#include "sandbox/context.h"
#include "sandbox/origins.h"

#include <httplib.h>

#include <chrono>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace amp::sandbox {

namespace {

struct Origin {
    const char* name;
    int port;
    void (*setup)(httplib::Server&, Context&);
    httplib::Server server;
    std::thread thread;
};

// Port 0 asks the system for a free one; the result is the origin "http://host:port".
std::string bind_origin(Origin& o, const std::string& host) {
    int port = o.port == 0 ? o.server.bind_to_any_port(host) : o.server.bind_to_port(host, o.port) ? o.port : -1;
    if (port <= 0) throw std::runtime_error(std::string("cannot listen on ") + host + ":" + std::to_string(o.port) + " for the " + o.name + " origin");
    // Browsers cannot open a wildcard address, so URLs name the loopback one instead.
    std::string shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host;
    bool ipv6 = shown.find(':') != std::string::npos;
    return "http://" + (ipv6 ? "[" + shown + "]" : shown) + ":" + std::to_string(port);
}

// One stdout line per request: origin, method, path and status. Never a header, a query or a body,
// because those carry keys, codes and secrets.
httplib::Logger access_log(std::string origin_name, bool quiet) {
    return [origin_name, quiet](const httplib::Request& req, const httplib::Response& res) {
        if (quiet) return;
        static std::mutex m; // the four origins' threads share stdout
        std::lock_guard lock(m);
        std::cout << origin_name << " " << req.method << " " << req.path << " " << res.status << std::endl;
    };
}

} // namespace

struct Sandbox::Impl {
    explicit Impl(Options o)
        : ctx(std::move(o)),
          web{"web", ctx.options.web_port, setup_web_origin, {}, {}},
          api{"api", ctx.options.api_port, setup_api_origin, {}, {}},
          consent{"consent", ctx.options.consent_port, setup_consent_origin, {}, {}},
          host{"host", ctx.options.host_port, setup_host_origin, {}, {}} {}

    Context ctx;
    Origin web, api, consent, host;
    bool running = false;
};

Sandbox::Sandbox(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Sandbox::~Sandbox() { stop(); }

void Sandbox::start() {
    Impl& i = *impl_;
    Context& ctx = i.ctx;
    // Routes first, so that a missing folder is reported before any port is taken; they read the
    // origins' URLs only when requests come.
    for (Origin* o : {&i.web, &i.api, &i.consent, &i.host}) {
        // No icon on any origin, said once here rather than by a <link rel="icon"> in every page served.
        o->server.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
        o->setup(o->server, ctx);
        o->server.set_logger(access_log(o->name, ctx.options.quiet));
        // Browsers keep connections open; a short keep-alive lets stop() finish promptly.
        o->server.set_keep_alive_timeout(1);
        // Headers and body leave in separate writes; with Nagle's algorithm the body then waits for the
        // peer's delayed ACK of the headers (40 ms on Linux), on every answer of a page's request chain.
        o->server.set_tcp_nodelay(true);
    }
    ctx.urls = {bind_origin(i.web, ctx.options.host), bind_origin(i.api, ctx.options.host),
                bind_origin(i.consent, ctx.options.host), bind_origin(i.host, ctx.options.host)};
    ctx.pinterest.register_redirect_uri(ctx.redirect_uri());
    for (Origin* o : {&i.web, &i.api, &i.consent, &i.host}) o->thread = std::thread([o] { o->server.listen_after_bind(); });
    // stop() before a server's loop has started would be lost, so wait until all of them run.
    for (Origin* o : {&i.web, &i.api, &i.consent, &i.host})
        while (!o->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    i.running = true;
}

void Sandbox::stop() {
    Impl& i = *impl_;
    if (!i.running) return;
    i.ctx.switches.release(); // a held answer (answerNeverNext) must not keep a worker from stopping
    for (Origin* o : {&i.web, &i.api, &i.consent, &i.host}) o->server.stop();
    for (Origin* o : {&i.web, &i.api, &i.consent, &i.host}) o->thread.join();
    i.running = false;
}

const Urls& Sandbox::urls() const { return impl_->ctx.urls; }

nlohmann::ordered_json Sandbox::banner() const {
    const Context& ctx = impl_->ctx;
    const PinterestApp& app = ctx.pinterest.app();
    return {{"web", ctx.urls.web},
            {"api", ctx.urls.api + "/v1"},
            {"consent", ctx.urls.consent},
            {"host", ctx.urls.host},
            {"apiKey", ctx.options.api_key},
            {"project", ctx.project.name},
            {"pinterestApp", {{"appId", app.app_id}, {"appSecret", app.app_secret}}}};
}

std::string Sandbox::welcome() const {
    const Context& ctx = impl_->ctx;
    const PinterestApp& app = ctx.pinterest.app();
    return "Ampersand sandbox is running.\n"
           "  Widget:            " + ctx.urls.web + "/\n"
           "  API:               " + ctx.urls.api + "/v1  (X-Api-Key: " + ctx.options.api_key + ", project " +
           ctx.project.name + ", id " + ctx.project.id + ")\n"
           "  Pinterest console: " + ctx.urls.consent + "/\n"
           "  Embedding host:    " + ctx.urls.host + "/  (examples: inline and iframe modes)\n"
           "  Pinterest app:     App ID " + app.app_id + ", App Secret " + app.app_secret + "\n"
           "  Redirect URI:      " + ctx.redirect_uri() + "\n"
           "Register a provider app with that App ID, App Secret and scopes, then connect. Ctrl-C stops.\n";
}

} // namespace amp::sandbox
