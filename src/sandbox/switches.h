// Test switches: injected failures, and the behaviours the research could not confirm (spec section 9),
// each with the default the evidence favours. Tests set them with POST /__sandbox/switches.
#pragma once
#include "sandbox/problem.h"

#include <nlohmann/json.hpp>

#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace amp::sandbox {

// Member names are the JSON names, so the struct and the admin endpoint cannot drift apart.
struct FailNext {
    int status = 500;
    int count = 0;
    bool retryable = true;
};

struct Switches {
    FailNext failNext;
    int malformedNext = 0; // 500 with an HTML body
    int emptyNext = 0;     // 502 with no body
    int delayMs = 0;       // before every /v1 answer
    bool rejectDuplicates = false;
    bool consentSeversOpener = false; // Cross-Origin-Opener-Policy on the consent page
    bool callbackPostsTwice = false;
    int callbackDelayMs = 0;
    int callbackCloseDelayMs = 500; // how long the success page lingers before window.close()
    bool autoApprove = false;
    bool autoDeny = false; // wins over autoApprove
    std::string pinterestSecret; // empty: the stand-in app's own secret
    std::string scopeSeparator = ",";   // in the authorize URL; Pinterest documents commas
    bool acceptLegacyProjectId = true;  // oauth-connect's pre-2026 "projectId" field
    int authFailureStatus = 401;        // or 403
    bool tokensManageProviderApps = true; // may a consumer JWT create, update or delete provider apps?
    std::vector<std::string> corsOrigins; // empty: any Origin is echoed
};

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FailNext, status, count, retryable)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Switches, failNext, malformedNext, emptyNext, delayMs, rejectDuplicates,
                                                consentSeversOpener, callbackPostsTwice, callbackDelayMs,
                                                callbackCloseDelayMs, autoApprove, autoDeny, pinterestSecret,
                                                scopeSeparator, acceptLegacyProjectId, authFailureStatus,
                                                tokensManageProviderApps, corsOrigins)

// A fault to answer a /v1 call with instead of the real answer.
struct Fault {
    enum Kind { fail, malformed, empty } kind;
    FailNext failure;
};

class SwitchBoard {
public:
    Switches get();
    // Merges a JSON object in (RFC 7386); the issues when a name or a type is wrong, in which case nothing changes.
    std::vector<Issue> merge(const nlohmann::json& patch);
    std::optional<Fault> take_fault(); // counts the fault off its switch
    void reset();

private:
    std::mutex m_;
    Switches s_;
};

} // namespace amp::sandbox
