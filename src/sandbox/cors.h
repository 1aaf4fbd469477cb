// CORS on the API origin. The widget calls cross-origin with custom headers, so browsers preflight; the real
// policy is unconfirmed (Ampersand does not document it), so by default any Origin is echoed, without
// credentials.
#pragma once
#include "sandbox/switches.h"

#include <httplib.h>

namespace amp::sandbox {

void add_cors_headers(const httplib::Request& req, httplib::Response& res, const Switches& sw);
void answer_preflight(httplib::Response& res); // after add_cors_headers

} // namespace amp::sandbox
