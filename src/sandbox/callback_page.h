// The page the OAuth popup lands on at the end (Ampersand's OAuth callback): it posts the outcome to the
// opener with targetOrigin "*", as Ampersand's does, then closes itself on success.
#pragma once
#include "sandbox/switches.h"

#include <string>

namespace amp::sandbox {

struct Outcome {
    int attempt = 0;           // which oauth-connect this finishes; 0 when the state was unknown
    std::string connection_id; // set on success
    std::string error;         // set on failure
};

std::string callback_page(const Outcome& outcome, const Switches& sw);

} // namespace amp::sandbox
