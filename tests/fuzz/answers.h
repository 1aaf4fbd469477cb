// Made-up API answers for driving the state machines: mostly shaped like Ampersand's (so the fuzzer
// reaches the states behind a good answer), with fuzzed values, and sometimes raw bytes.
#pragma once
#include <fuzzer/FuzzedDataProvider.h>

#include <string>

#include "core/http.h"
#include "core/json.h"

namespace fuzz {

inline std::string word(FuzzedDataProvider& in) {
    return in.ConsumeRandomLengthString(20);
}

inline amp::json app(FuzzedDataProvider& in) {
    return {{"id", in.ConsumeBool() ? "app-1" : word(in)},
            {"projectId", "proj-1"},
            {"provider", in.ConsumeBool() ? "pinterest" : word(in)},
            {"clientId", word(in)},
            {"scopes", {word(in), "boards:read"}},
            {"createTime", "2026-01-02T03:04:05Z"},
            {"updateTime", word(in)}};
}

inline amp::json connection(FuzzedDataProvider& in) {
    return {{"id", in.ConsumeBool() ? "conn-1" : word(in)},
            {"provider", in.ConsumeBool() ? "pinterest" : word(in)},
            {"status", word(in)},
            {"group", {{"groupRef", word(in)}}},
            {"consumer", {{"consumerRef", word(in)}}},
            {"providerApp", {{"id", in.ConsumeBool() ? "app-1" : word(in)}}},
            {"createTime", word(in)},
            {"updateTime", word(in)}};
}

inline amp::Response answer(FuzzedDataProvider& in) {
    auto ok = [](const amp::json& j) { return amp::Response{200, "application/json", amp::dump(j)}; };
    switch (in.ConsumeIntegralInRange(0, 7)) {
    case 0:
        return ok({{"name", "pinterest"}, {"displayName", word(in)}, {"authType", "oauth2"},
                   {"oauth2Opts", {{"grantType", "authorizationCode"}, {"authURL", word(in)}, {"explicitScopesRequired", in.ConsumeBool()}}}});
    case 1: {
        amp::json list = amp::json::array();
        for (int n = in.ConsumeIntegralInRange(0, 3); n > 0; --n) list.push_back(app(in));
        return ok(list);
    }
    case 2: return ok(app(in));
    case 3: {
        amp::json list = amp::json::array();
        for (int n = in.ConsumeIntegralInRange(0, 3); n > 0; --n) list.push_back(connection(in));
        return ok(in.ConsumeBool() ? list : amp::json{{"connections", list}});
    }
    case 4: return ok(connection(in));
    case 5: { // a problem, maybe with field errors, maybe a 429 saying when to come back
        amp::Response r{in.ConsumeIntegralInRange(400, 599), "application/problem+json",
                        amp::dump({{"title", word(in)}, {"status", 400}, {"detail", word(in)}, {"retryable", in.ConsumeBool()},
                                   {"retryAfter", word(in)}, {"time", word(in)},
                                   {"invalidParams", {{{"name", word(in)}, {"reason", word(in)}}}}})};
        r.retry_after = word(in);
        return r;
    }
    case 6: { // no answer at all, or none in time
        amp::Response r;
        r.timed_out = in.ConsumeBool();
        return r;
    }
    default:
        return {in.ConsumeIntegralInRange(0, 599), word(in), in.ConsumeRandomLengthString(200)};
    }
}

} // namespace fuzz
