// Who is calling the API: the builder with the API key, or an end user with a token this sandbox minted.
#pragma once
#include "sandbox/context.h"

#include <httplib.h>

#include <optional>

namespace amp::sandbox {

struct Caller {
    std::optional<TokenClaims> token; // empty: the API key
};

// Throws the 401 (or, by switch, 403) Problem when the credentials are missing or not valid.
Caller authenticate(Context& ctx, const httplib::Request& req);

} // namespace amp::sandbox
