#include "ui/parts.h"

#include "ui/widgets.h"

namespace ui {

amp::Diagnostics diagnostics(const amp::Setup& s, const View& v) {
    amp::Diagnostics d;
    d.version = AMP_CLIENT_VERSION;
    d.environment = v.environment;
    d.project = s.project;
    d.provider = s.options.provider;
    d.provider_app_id = s.selected() ? s.selected()->id : "";
    d.group_ref = s.group_ref;
    d.consumer_ref = s.consumer_ref;
    return d;
}

void copy_diagnostics(const amp::Diagnostics& d, const char* label, Intents& out) {
    if (button(label)) out.push_back({IntentKind::Copy, amp::diagnostics_text(d)});
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& x : v) out += (out.empty() ? "" : ", ") + x;
    return out.empty() ? "none" : out;
}

} // namespace ui
