// What the test switches do to /v1 calls before their handler runs: record the call, hold it for
// delayMs, or answer it with an injected fault. Runs inside the route wrapper, where httplib has read
// the body (it reads bodies only after its pre-routing hook).
#pragma once
#include "sandbox/context.h"

#include <httplib.h>

namespace amp::sandbox {

// True when the call has been answered with a fault and its handler must not run. Otherwise
// spoil_after may say what to do to the handler's answer (see spoil).
bool intercept(Context& ctx, const httplib::Request& req, httplib::Response& res, std::optional<Spoil>& spoil_after);
// After a call was carried out: spoils its answer as the answer*Next switch taken for it says.
void spoil(Context& ctx, httplib::Response& res, Spoil how);

} // namespace amp::sandbox
