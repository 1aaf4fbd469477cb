#include "core/messages.h"
#include "ui/parts.h"

#include <imgui.h>

#include "core/timestamp.h"
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
    return out.empty() ? amp::tr("common.none") : out;
}

std::string local_time(const View& v, const std::string& rfc3339) {
    std::optional<long long> ms = amp::epoch_ms(rfc3339);
    if (!ms || !v.format_time) return rfc3339;
    return v.format_time(*ms);
}

void copy_id(const std::string& line, const std::string& id, const char* button_id, View& v, Intents& out) {
    align_to_buttons();
    text(line, true);
    begin_row(true);
    bool copied = v.copied == id;
    if (button(amp::tr(copied ? "common.copied" : "common.copy") + button_id, true, Style::Secondary, copied ? Icon::Check : Icon::Copy)) {
        out.push_back({IntentKind::Copy, id});
        v.copied = id;
    }
    end_row();
}

// Three frames: a card that has just appeared learns its height on its second.
bool fresh(View& v, View::Slot slot, const std::string& key) {
    View::Shown& o = v.shown[slot];
    if (key != o.key) o.key = key, o.frames = key.empty() ? 0 : 3;
    return o.frames > 0 && o.frames--;
}

void keep_in_view(View& v, View::Slot slot, const std::string& key) {
    if (fresh(v, slot, key)) reveal();
}

} // namespace ui
