// URLs from options, answers and messages: parsed, and the pieces built from them.
#include <fuzzer/FuzzedDataProvider.h>

#include "check.h"
#include "core/api.h"
#include "core/url.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
    FuzzedDataProvider in(data, size);
    std::string name = in.ConsumeRandomLengthString(16);
    std::string text = in.ConsumeRemainingBytesAsString();
    if (auto u = amp::parse_url(text)) {
        std::string origin = u->origin();
        fuzz::require(amp::parse_url(origin).has_value()); // an origin is itself a URL
        fuzz::require(amp::parse_url(origin)->origin() == origin);
        amp::is_loopback(*u);
        amp::is_trusted_transport(*u);
        amp::query_param(u->query, name);
        amp::callback_uri(text);
    }
    std::string encoded = amp::pct_encode(text);
    fuzz::require(amp::query_param("x=" + encoded, "x") == text); // encoding round-trips
    amp::query_string({{name, text}, {"b", name}});
    return 0;
}
