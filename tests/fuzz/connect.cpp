// The OAuth attempt's state machine driven through its public methods: answers, window messages from
// any origin, a closing window, the admin's buttons and the clock, in any order.
#include <fuzzer/FuzzedDataProvider.h>

#include <vector>

#include "answers.h"
#include "check.h"
#include "core/connect.h"

namespace {

std::string message(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:
        return amp::dump({{"eventType", "AUTHORIZATION_SUCCEEDED"},
                          {"data", {{"connection", in.ConsumeBool() ? amp::json("conn-1") : amp::json{{"id", fuzz::word(in)}}}}}});
    case 1: return amp::dump({{"eventType", "AUTHORIZATION_FAILED"}, {"data", {{"error", fuzz::word(in)}}}});
    case 2: return amp::dump({{"eventType", fuzz::word(in)}, {"message", fuzz::word(in)}});
    default: return in.ConsumeRandomLengthString(100);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
    FuzzedDataProvider in(data, size);
    amp::Secret key("amp_key");
    amp::Client client{"https://api.withampersand.com/v1", amp::AuthKind::ApiKey, &key};
    amp::ConnectOptions o;
    o.project = "acme";
    o.provider_app_id = "app-1";
    amp::Connect c;
    double now = 0;
    std::vector<int> sent;
    for (int steps = 0; steps < 64 && in.remaining_bytes() > 0; ++steps) {
        switch (in.ConsumeIntegralInRange(0, 11)) {
        case 0: c.start(client, o, in.ConsumeBool(), now); break;
        case 1:
            if (!sent.empty()) {
                size_t i = in.ConsumeIntegralInRange<size_t>(0, sent.size() - 1);
                c.on_response(sent[i], fuzz::answer(in), now);
                sent.erase(sent.begin() + (long)i);
            }
            break;
        case 2: {
            std::string origin = in.ConsumeBool() ? "https://api.withampersand.com" : fuzz::word(in);
            c.on_message(origin, message(in), in.ConsumeBool(), now);
            break;
        }
        case 3: c.on_popup_closed(now); break;
        case 4: c.i_finished(now); break;
        case 5: c.keep_waiting(now); break;
        case 6: c.reopen(in.ConsumeBool(), now); break;
        case 7: c.cancel(); break;
        case 8: c.remove_connection(); break;
        case 9: now += in.ConsumeIntegralInRange(0, 120000); c.tick(now); break;
        case 10: c.check_again(now); break;
        default: c.next_deadline(); break;
        }
        c.take_popup();
        for (const std::string& e : c.take_events()) fuzz::well_formed_json(e);
        for (const amp::Outgoing& r : c.take_requests()) {
            if (!r.request.body.empty()) fuzz::well_formed_json(r.request.body);
            sent.push_back(r.id);
        }
    }
    return 0;
}
