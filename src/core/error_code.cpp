#include "core/error_code.h"

#include <algorithm>

namespace amp {

namespace {

constexpr ErrorCodeInfo kErrorCodes[] = {
    {ErrorCode::InvalidInput, "invalid_input"},
    {ErrorCode::Unauthorized, "unauthorized"},
    {ErrorCode::Forbidden, "forbidden"},
    {ErrorCode::NotFound, "not_found"},
    {ErrorCode::Conflict, "conflict"},
    {ErrorCode::RateLimited, "rate_limited"},
    {ErrorCode::Server, "server"},
    {ErrorCode::BadResponse, "bad_response"},
    {ErrorCode::Network, "network"},
    {ErrorCode::Timeout, "timeout"},
    {ErrorCode::Api, "api"},
    {ErrorCode::PopupBlocked, "popup_blocked"},
    {ErrorCode::PopupClosed, "popup_closed"},
    {ErrorCode::NotConnected, "not_connected"},
    {ErrorCode::AuthorizationDenied, "authorization_denied"},
    {ErrorCode::AuthorizationFailed, "authorization_failed"},
    {ErrorCode::Unconfirmed, "unconfirmed"},
    {ErrorCode::TokenFailed, "token_failed"},
    {ErrorCode::LoadFailed, "load_failed"},
    {ErrorCode::FrameUnavailable, "frame_unavailable"},
    {ErrorCode::InsecureTransport, "insecure_transport"},
};

} // namespace

std::span<const ErrorCodeInfo> error_codes() {
    return kErrorCodes;
}

std::string_view error_code_name(ErrorCode code) {
    auto it = std::find_if(std::begin(kErrorCodes), std::end(kErrorCodes), [&](const ErrorCodeInfo& i) { return i.code == code; });
    return it == std::end(kErrorCodes) ? std::string_view() : it->name;
}

std::optional<ErrorCode> error_code_from(std::string_view name) {
    for (const ErrorCodeInfo& i : kErrorCodes)
        if (i.name == name) return i.code;
    return std::nullopt;
}

} // namespace amp
