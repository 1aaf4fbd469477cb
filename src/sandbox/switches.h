// Test switches: injected failures, and the behaviours the research could not confirm (numbered as in
// section 9 of the API notes), each defaulting to what the evidence favours. POST /__sandbox/switches sets them.
#pragma once
#include "sandbox/problem.h"

#include <nlohmann/json.hpp>

#include <condition_variable>
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
    std::vector<std::string> fields; // with status 400 or 422: an issue for each of these body fields
    int retryAfter = 1;              // with status 429: seconds, as the Retry-After header and the body's retryAfter
};

struct Switches {
    // Faults for the next /v1 calls other than /v1/providers (so the catalog still loads), in this order:
    FailNext failNext;     // count calls answer a problem with this status and retryable flag
    int malformedNext = 0; // calls answer 500 with an HTML body
    int emptyNext = 0;     // calls answer 502 with no body
    // Calls carried out as usual whose answer then goes wrong, as when the network or a proxy fails
    // after the server has committed a write:
    int answerLostNext = 0;       // sent without CORS headers: the page's fetch fails, as if offline
    int answerUnreadableNext = 0; // replaced by a 200 whose body is not JSON
    int answerNeverNext = 0;      // held until the caller gives up (until a reset, at most a minute)
    int delayMs = 0;       // before every /v1 answer except preflights
    bool rejectDuplicates = false;    // 9.1: a second app for a provider is a 409
    bool consentSeversOpener = false; // Cross-Origin-Opener-Policy: same-origin on the consent pages
    bool callbackPostsTwice = false;
    int callbackDelayMs = 0;        // before the callback page answers
    int callbackCloseDelayMs = 500; // 9.4: how long the success page lingers before window.close()
    bool autoApprove = false; // the consent page redirects at once, as if the user had clicked
    bool autoDeny = false;    // wins over autoApprove
    std::string pinterestSecret; // what the stand-in takes as the real App Secret; empty: the one it printed
    std::string scopeSeparator = ",";     // 9.7: in the authorize URL; Pinterest documents commas
    bool acceptLegacyProjectId = true;    // 9.6: oauth-connect's pre-2026 "projectId" field
    int authFailureStatus = 401;          // 9.5: or 403
    // 9.2: may a consumer token create, update or delete provider apps? Ampersand documents JWTs for a
    // consumer's own data only, and provider apps are the builder's (with a secret): no, by default.
    bool tokensManageProviderApps = false;
    std::vector<std::string> corsOrigins; // 9.3: the Origins CORS allows; empty: any is echoed
};

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FailNext, status, count, retryable, fields, retryAfter)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Switches, failNext, malformedNext, emptyNext, answerLostNext,
                                                answerUnreadableNext, answerNeverNext, delayMs, rejectDuplicates,
                                                consentSeversOpener, callbackPostsTwice, callbackDelayMs,
                                                callbackCloseDelayMs, autoApprove, autoDeny, pinterestSecret,
                                                scopeSeparator, acceptLegacyProjectId, authFailureStatus,
                                                tokensManageProviderApps, corsOrigins)

// A fault to answer a /v1 call with instead of the real answer.
struct Fault {
    enum Kind { fail, malformed, empty } kind;
    FailNext failure;
};

// What happens to the real answer of a call that was carried out.
enum class Spoil { lost, unreadable, never };

class SwitchBoard {
public:
    Switches get();
    // Merges a JSON object in (RFC 7386); the issues when a name or a type is wrong, in which case nothing changes.
    std::vector<Issue> merge(const nlohmann::json& patch);
    std::optional<Fault> take_fault(); // counts the fault off its switch
    std::optional<Spoil> take_spoil(); // the same for the answer*Next switches
    void reset();                      // also ends every hold
    void hold();                       // blocks until the next reset or release, at most a minute
    void release();                    // ends every hold (the sandbox is stopping)

private:
    std::mutex m_;
    std::condition_variable released_;
    unsigned generation_ = 0; // counts resets and releases, so that a hold knows when to end
    Switches s_;
};

} // namespace amp::sandbox
