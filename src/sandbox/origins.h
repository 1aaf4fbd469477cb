// The four origins' servers: each function sets up one httplib::Server for its part of the sandbox.
#pragma once
#include "sandbox/context.h"

#include <httplib.h>

namespace amp::sandbox {

void setup_api_origin(httplib::Server& server, Context& ctx);     // Ampersand API, callback, /__sandbox
void setup_consent_origin(httplib::Server& server, Context& ctx); // the Pinterest stand-in
void setup_web_origin(httplib::Server& server, Context& ctx);     // the widget's files and /config.json
void setup_host_origin(httplib::Server& server, Context& ctx);    // a page that embeds the widget, its backend

} // namespace amp::sandbox
