#include "ui/connect_fields.h"

#include "ui/widgets.h"

namespace ui {

bool connect_fields(amp::Setup& s, bool editable, Intents& out) {
    bool enter = false;
    for (const amp::ConnectInput& in : s.connect_fields()) {
        std::string error = s.field_message(in.name);
        Field f;
        f.hint = in.prompt.empty() ? nullptr : in.prompt.c_str();
        f.error = error.empty() ? nullptr : error.c_str();
        f.readonly = !editable;
        std::string label = in.label + (in.required ? "" : " (optional)") + "###input-" + in.name;
        enter |= input_text(label.c_str(), &s.connect_values[in.name], f);
        if (!in.docs_url.empty() && link(("Where to find the " + in.label).c_str(), in.docs_url.c_str()))
            out.push_back({IntentKind::OpenUrl, in.docs_url});
    }
    return enter;
}

} // namespace ui
