#include "sandbox/cors.h"

#include <algorithm>

namespace amp::sandbox {

void add_cors_headers(const httplib::Request& req, httplib::Response& res, const Switches& sw) {
    res.set_header("Vary", "Origin");
    res.set_header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
    std::string origin = req.get_header_value("Origin");
    const auto& allowed = sw.corsOrigins;
    if (!origin.empty() && (allowed.empty() || std::find(allowed.begin(), allowed.end(), origin) != allowed.end()))
        res.set_header("Access-Control-Allow-Origin", origin);
}

void answer_preflight(httplib::Response& res) {
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS");
    res.set_header("Access-Control-Allow-Headers", "Content-Type, X-Api-Key, Authorization, X-Amp-Client, X-Amp-Client-Version");
    res.set_header("Access-Control-Max-Age", "600");
}

} // namespace amp::sandbox
