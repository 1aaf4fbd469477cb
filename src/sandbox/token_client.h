// The API side of the code exchange: the call Ampersand's backend makes to Pinterest's token endpoint,
// made here over HTTP to the stand-in so that the Basic credentials really travel and are checked there.
#pragma once
#include "sandbox/store.h"

#include <string>
#include <vector>

namespace amp::sandbox {

struct Exchange {
    std::string error; // empty on success
    std::vector<std::string> scopes; // granted
};

Exchange exchange_code(const std::string& token_url, const ProviderApp& app, const std::string& code,
                       const std::string& redirect_uri);

} // namespace amp::sandbox
