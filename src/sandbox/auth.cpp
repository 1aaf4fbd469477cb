#include "sandbox/auth.h"

namespace amp::sandbox {

namespace {

Problem refused(Context& ctx, const std::string& detail) {
    return Problem(ctx.switches.get().authFailureStatus, detail,
                   "Send the project's API key in the X-Api-Key header (amp-sandbox prints it at start), or a "
                   "token from POST /__sandbox/token as Authorization: Bearer <token>.");
}

} // namespace

Caller authenticate(Context& ctx, const httplib::Request& req) {
    if (req.has_header("X-Api-Key")) {
        if (req.get_header_value("X-Api-Key") != ctx.options.api_key) throw refused(ctx, "Invalid credentials: the API key is not valid.");
        return {};
    }
    std::string auth = req.get_header_value("Authorization");
    const std::string scheme = "Bearer ";
    if (auth.empty()) throw refused(ctx, "Missing credentials: send an X-Api-Key header or an Authorization: Bearer token.");
    if (auth.rfind(scheme, 0) != 0) throw refused(ctx, "Invalid credentials: the Authorization header is not a Bearer token.");
    auto claims = ctx.tokens.verify(auth.substr(scheme.size()), ctx.clock.now());
    if (!claims) throw refused(ctx, "Invalid credentials: the bearer token is not valid or has expired.");
    return {claims};
}

} // namespace amp::sandbox
