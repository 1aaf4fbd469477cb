// Any answer the API (or something pretending to be it) can give, read as a failure.
#include <fuzzer/FuzzedDataProvider.h>

#include "check.h"
#include "core/events.h"
#include "core/problem.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
    FuzzedDataProvider in(data, size);
    amp::Response r;
    r.status = in.ConsumeIntegralInRange(0, 599);
    r.content_type = in.PickValueInArray({"application/problem+json", "application/json", "text/html", ""});
    r.body = in.ConsumeRemainingBytesAsString();
    amp::ApiError e = amp::error_from(r);
    fuzz::require(e.code != amp::ErrorCode::None);
    e.message();
    for (const amp::FieldIssue& i : e.issues) e.issue_for(i.field);
    fuzz::well_formed_json(amp::error_event(e, "saveProviderApp"));
    return 0;
}
