// The codes of `error` events: one enum, one table of names and meanings. The host reads the names
// (web/ampersand-setup.d.ts AmpersandSetupErrorCode, README.md "Error codes"); tests/core/docs_test.cpp
// fails when either of those differs from this table.
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace amp {

enum class ErrorCode {
    None, // no error
    // An HTTP answer, or none (ApiError, core/problem.h).
    InvalidInput, Unauthorized, Forbidden, NotFound, Conflict, RateLimited, Server, BadResponse, Network,
    Timeout,
    // The OAuth attempt (core/connect.h). Api: an HTTP failure during it that is not Network.
    Api, PopupBlocked, PopupClosed, NotConnected, AuthorizationDenied, AuthorizationFailed, Unconfirmed,
    // Raised by the page-side loader (web/), never by the core: listed so the names have one home.
    TokenFailed, LoadFailed, FrameUnavailable, InsecureTransport,
};

struct ErrorCodeInfo {
    ErrorCode code;
    std::string_view name; // as the host sees it; README.md's table says what each means
};

// Every code a host can receive (None excluded), in the order the docs list them.
std::span<const ErrorCodeInfo> error_codes();
std::string_view error_code_name(ErrorCode code); // "" for None
std::optional<ErrorCode> error_code_from(std::string_view name);

} // namespace amp
