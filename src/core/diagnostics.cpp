#include "core/diagnostics.h"

namespace amp {

std::string diagnostics_text(const Diagnostics& d) {
    std::string out = "Ampersand Setup " + d.version + " diagnostics\n";
    auto line = [&](const char* name, const std::string& value) {
        if (!value.empty()) out += std::string(name) + ": " + value + "\n";
    };
    line("project", d.project);
    line("provider", d.provider);
    line("provider app", d.provider_app_id);
    line("group ref", d.group_ref);
    line("consumer ref", d.consumer_ref);
    line("operation", d.operation);
    if (d.attempt) line("sign-in attempt", std::to_string(d.attempt));
    line("error code", std::string(error_code_name(d.code)));
    line("HTTP status", d.status ? std::to_string(d.status) : d.code == ErrorCode::None ? "" : "none (no answer)");
    line("request id", d.request_id);
    line("message", d.message);
    out += d.environment;
    return out;
}

} // namespace amp
