// The setup state machine driven through its public methods, in any order, with any answers.
#include <fuzzer/FuzzedDataProvider.h>

#include <vector>

#include "answers.h"
#include "check.h"
#include "core/setup.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
    FuzzedDataProvider in(data, size);
    amp::SetupOptions o;
    o.project = in.ConsumeBool() ? "acme" : "";
    amp::Secret host_key;
    if (in.ConsumeBool()) o.auth = amp::AuthKind::ApiKey, host_key.assign("amp_key");
    amp::Setup s(o, std::move(host_key));
    double now = 0;
    std::vector<int> sent;
    for (int steps = 0; steps < 64 && in.remaining_bytes() > 0; ++steps) {
        switch (in.ConsumeIntegralInRange(0, 15)) {
        case 0: s.start(); break;
        case 1: s.submit_access(); break;
        case 2: s.edit_access(); break;
        case 3: s.save(); break;
        case 4: s.ask_delete(); break;
        case 5: s.confirm_delete(); break;
        case 6: s.cancel_delete(); break;
        case 7: s.new_app(); break;
        case 8: s.edit_app(s.apps.empty() || in.ConsumeBool() ? fuzz::word(in) : s.apps.front().id); break;
        case 9: s.retry(); break;
        case 10: // an answer to something sent (or to nothing)
            if (!sent.empty()) {
                size_t i = in.ConsumeIntegralInRange<size_t>(0, sent.size() - 1);
                s.on_response(sent[i], fuzz::answer(in), now);
                sent.erase(sent.begin() + (long)i);
            } else {
                s.on_response(in.ConsumeIntegral<int>(), fuzz::answer(in), now);
            }
            break;
        case 11: // the drafts, as the screens edit them (the seam makes all text valid UTF-8)
            s.project = amp::valid_utf8(fuzz::word(in));
            s.api_key.assign(fuzz::word(in));
            s.form.client_id = amp::valid_utf8(fuzz::word(in));
            s.form.client_secret.assign(amp::valid_utf8(fuzz::word(in)));
            s.form.extra_scopes = fuzz::word(in); // raw: the core must cope even if the seam did not
            s.form.replace_secret = in.ConsumeBool();
            break;
        case 12:
            if (s.guide && !s.guide->scopes.empty())
                s.form.set_scope(*s.guide, s.guide->scopes[in.ConsumeIntegralInRange<size_t>(0, s.guide->scopes.size() - 1)].name,
                                 in.ConsumeBool());
            break;
        case 13: now += in.ConsumeIntegralInRange(0, 120000); s.tick(now); break;
        case 14: s.dismiss_error(); break;
        default: // what the screens read every frame
            s.stage(), s.selected(), s.provider_apps(), s.unsaved_input(), s.field_message("clientId"), s.next_deadline();
            if (s.error) s.error->message();
            break;
        }
        for (const std::string& e : s.take_events()) fuzz::well_formed_json(e);
        for (const amp::Outgoing& r : s.take_requests()) {
            if (!r.request.body.empty()) fuzz::well_formed_json(r.request.body);
            sent.push_back(r.id);
        }
    }
    return 0;
}
