#include "sandbox/faults.h"

#include "sandbox/route.h"

#include <chrono>
#include <thread>

namespace amp::sandbox {

namespace {

void answer(Context& ctx, httplib::Response& res, const Fault& fault) {
    switch (fault.kind) {
    case Fault::fail: {
        std::vector<Issue> issues;
        for (const auto& field : fault.failure.fields) issues.emplace_back(field, "Rejected by the sandbox's failNext switch.");
        Problem p = issues.empty() ? Problem(fault.failure.status, "Failure injected by the sandbox's failNext switch.")
                                   : invalid_input(fault.failure.status, std::move(issues));
        p.retryable = fault.failure.retryable;
        if (p.status == 429) { // how long to wait, both ways the contract allows
            p.retry_after = Clock::format(ctx.clock.now() + fault.failure.retryAfter);
            res.set_header("Retry-After", std::to_string(fault.failure.retryAfter));
        }
        send_problem(ctx, res, p);
        break;
    }
    case Fault::malformed:
        res.status = 500;
        res.set_content("<html>oops</html>", "text/html");
        break;
    case Fault::empty:
        res.status = 502;
        break;
    }
}

} // namespace

void spoil(Context& ctx, httplib::Response& res, Spoil how) {
    switch (how) {
    case Spoil::lost:
        res.headers.erase("Access-Control-Allow-Origin");
        break;
    case Spoil::unreadable:
        res.status = 200;
        res.set_content("{\"id\": \"cut sho", "application/json");
        break;
    case Spoil::never:
        ctx.switches.hold();
        break;
    }
}

bool intercept(Context& ctx, const httplib::Request& req, httplib::Response& res, std::optional<Spoil>& spoil_after) {
    if (req.path.rfind("/v1/", 0) != 0) return false;
    ctx.requests.add(req);
    if (req.method == "OPTIONS") return false; // preflights are recorded, never delayed or failed
    std::this_thread::sleep_for(std::chrono::milliseconds(ctx.switches.get().delayMs));
    // The catalog stays reachable so that a test can fail the calls made after the widget has loaded.
    if (req.path.rfind("/v1/providers", 0) == 0) return false;
    auto fault = ctx.switches.take_fault();
    if (fault) answer(ctx, res, *fault);
    else spoil_after = ctx.switches.take_spoil();
    return fault.has_value();
}

} // namespace amp::sandbox
