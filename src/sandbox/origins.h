// The four origins' servers: each function sets up one httplib::Server for its part of the sandbox.
#pragma once
#include "sandbox/context.h"

#include <httplib.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace amp::sandbox {

void setup_api_origin(httplib::Server& server, Context& ctx);     // Ampersand API, callback, /__sandbox
void setup_consent_origin(httplib::Server& server, Context& ctx); // the Pinterest stand-in
void setup_web_origin(httplib::Server& server, Context& ctx);     // the widget's files and /config.json
void setup_host_origin(httplib::Server& server, Context& ctx);    // a page that embeds the widget, its backend

// The web origin's files as a CDN serves them: text and wasm compressed once per content, brotli or gzip as
// the request accepts (compressed_files.cpp).
class CompressedFiles {
public:
    void apply(const httplib::Request& req, httplib::Response& res); // after httplib read a mounted file into res
private:
    struct Entry {
        std::string source;
        std::shared_ptr<const std::string> encoded;
    };
    std::mutex mutex_;
    std::map<std::string, Entry> by_path_; // path and encoding
};

} // namespace amp::sandbox
