#include "core/messages.h"
#include "ui/connect_fields.h"

#include "ui/widgets.h"

namespace ui {

namespace {

// One catalog value: its field (the error the form found for it beneath), then where to read about it.
bool catalog_field(amp::Setup& s, const amp::MetadataInput& in, const std::string& label, std::string* value,
                   Field f, Intents& out) {
    std::string error = s.field_message(in.name);
    f.error = error.empty() ? nullptr : error.c_str();
    bool enter = input_text(label.c_str(), value, f);
    if (!in.docs_url.empty() && link(amp::tr("fields.where", {{"name", in.display_name}}).c_str(), in.docs_url.c_str()))
        out.push_back({IntentKind::OpenUrl, in.docs_url});
    return enter;
}

} // namespace

bool connect_fields(amp::Setup& s, bool editable, Intents& out) {
    bool enter = false;
    for (const amp::ConnectInput& in : s.connect_fields()) {
        Field f;
        f.hint = in.prompt.empty() ? nullptr : in.prompt.c_str();
        f.readonly = !editable;
        std::string label = (in.required ? in.label : amp::tr("fields.optional", {{"label", in.label}})) + "###input-" + in.name;
        amp::MetadataInput item{in.name, in.label, in.prompt, in.default_value, in.docs_url, {}};
        enter |= catalog_field(s, item, label, &s.connect_values[in.name], f, out);
    }
    return enter;
}

bool app_fields(amp::Setup& s, Intents& out) {
    bool enter = false;
    for (const amp::AppMetadataInput& in : s.app_fields()) {
        Field f;
        f.help = in.item.prompt.empty() ? nullptr : in.item.prompt.c_str();
        std::string list_hint = amp::tr("fields.list_hint");
        f.hint = in.query_param ? list_hint.c_str() : nullptr;
        std::string label = amp::tr("fields.optional", {{"label", in.item.display_name}}) + "###app-" + in.item.name;
        enter |= catalog_field(s, in.item, label, &s.app_values[in.item.name], f, out);
    }
    return enter;
}

} // namespace ui
