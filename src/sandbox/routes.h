// The API origin's route groups; each file adds its own to the server.
#pragma once
#include "sandbox/context.h"

#include <httplib.h>

namespace amp::sandbox {

void add_provider_routes(httplib::Server& server, Context& ctx);     // GET /v1/providers[/{name}]
void add_provider_app_routes(httplib::Server& server, Context& ctx); // /v1/projects/{p}/provider-apps
void add_connection_routes(httplib::Server& server, Context& ctx);   // /v1/projects/{p}/connections
void add_oauth_connect_routes(httplib::Server& server, Context& ctx); // oauth-connect and :oauth-update
void add_callback_route(httplib::Server& server, Context& ctx);      // GET /callbacks/v1/oauth
void add_admin_routes(httplib::Server& server, Context& ctx);        // /__sandbox/...

} // namespace amp::sandbox
