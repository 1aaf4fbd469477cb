// Turning any failed Response into one typed error (RFC 9457 problem+json as Ampersand sends it,
// tests/contract/openapi-problem.json), with a stable code for host events and text for people.
#pragma once
#include <string>
#include <vector>

#include "core/error_code.h"
#include "core/http.h"

namespace amp {

struct FieldIssue {
    std::string field;   // the form field it names, e.g. "clientId" (for "providerApp.clientId" too)
    std::string message;
};

struct ApiError {
    ErrorCode code = ErrorCode::None; // one of the HTTP codes (core/error_code.h)
    int status = 0;      // 0 when no HTTP answer came
    long long retry_after_ms = -1; // a 429's wait (Retry-After, else retryAfter - time); -1 when not said
    std::string title, detail, remedy, request_id;
    std::vector<std::string> causes;
    std::vector<FieldIssue> issues;
    bool retryable = false;

    std::string message() const;                   // one paragraph for the UI, never the raw body
    const FieldIssue* issue_for(std::string_view field) const;
};

ApiError error_from(const Response& r);
// Whether a write answered this way may still have been carried out: no answer, or a server error
// without a problem body (a proxy's page, an empty 502), so nothing says what happened.
bool outcome_unknown(const ApiError& e);
ApiError unreadable_answer(); // a 2xx whose body is not what the contract promises (code bad_response)

} // namespace amp
