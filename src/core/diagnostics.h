// A plain-text report an admin can copy into a support ticket: what failed, with which ids, in which
// page. Built from public fields only, so it can never carry a secret.
#pragma once
#include <string>

#include "core/error_code.h"

namespace amp {

struct Diagnostics {
    std::string version, environment;        // environment: the page's facts, one "name: value" a line
    std::string project, provider, provider_app_id, group_ref, consumer_ref;
    std::string operation, message, request_id;
    ErrorCode code = ErrorCode::None;
    int status = 0;
    int attempt = 0;                         // the OAuth attempt, when the failure is one
};

std::string diagnostics_text(const Diagnostics& d);

} // namespace amp
