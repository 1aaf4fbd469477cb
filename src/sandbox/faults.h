// What the test switches do to /v1 calls before their handler runs: record the call, hold it for
// delayMs, or answer it with an injected fault. Runs inside the route wrapper, where httplib has read
// the body (it reads bodies only after its pre-routing hook).
#pragma once
#include "sandbox/context.h"

#include <httplib.h>

namespace amp::sandbox {

// True when the call has been answered with a fault and its handler must not run.
bool intercept(Context& ctx, const httplib::Request& req, httplib::Response& res);

} // namespace amp::sandbox
