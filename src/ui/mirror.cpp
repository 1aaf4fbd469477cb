#include "ui/mirror.h"

#include <nlohmann/json.hpp>

namespace ui {

bool Mirror::take(ImGuiID id, ActionKind kind, std::string* text) {
    for (size_t i = 0; i < current.size(); ++i) {
        if (current[i].id != id || current[i].kind != kind) continue;
        if (text) *text = std::move(current[i].text);
        current.erase(current.begin() + (long)i);
        return true;
    }
    return false;
}

bool Mirror::changed() {
    if (nodes == sent) return false;
    sent = nodes;
    return true;
}

void Mirror::forget() {
    std::vector<MirrorNode>().swap(nodes);
    std::vector<MirrorNode>().swap(sent);
    std::vector<MirrorAction>().swap(pending);
    std::vector<MirrorAction>().swap(current);
}

static const char* role_name(Role r) {
    switch (r) {
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Button: return "button";
    case Role::Link: return "link";
    case Role::Checkbox: return "checkbox";
    case Role::TextBox: return "textbox";
    case Role::Alert: return "alert";
    case Role::Group: return "group";
    case Role::GroupEnd: return "end";
    case Role::ComboBox: return "combobox";
    case Role::ListBox: return "listbox";
    case Role::Option: return "option";
    }
    return "text";
}

std::string Mirror::to_json() const {
    nlohmann::json list = nlohmann::json::array();
    for (const MirrorNode& n : nodes) {
        nlohmann::json j = {{"id", n.id}, {"role", role_name(n.role)}, {"name", n.name}};
        if (!n.value.empty()) j["value"] = n.value;
        if (!n.description.empty()) j["description"] = n.description;
        if (!n.href.empty()) j["href"] = n.href;
        if (n.role == Role::Checkbox) j["checked"] = n.checked;
        if (n.disabled) j["disabled"] = true;
        if (n.invalid) j["invalid"] = true;
        if (n.secret) j["secret"] = true, j["filled"] = n.filled;
        if (n.readonly) j["readonly"] = true;
        if (n.focus) j["focus"] = true;
        if (n.repeats) j["repeats"] = true;
        if (n.level) j["level"] = n.level;
        if (n.role == Role::Option) j["selected"] = n.selected;
        if (n.role == Role::ComboBox) j["expanded"] = n.expanded, j["controls"] = n.controls, j["active"] = n.active;
        if (n.w > 0) j["rect"] = {(int)n.x, (int)n.y, (int)(n.w + 0.5f), (int)(n.h + 0.5f)};
        list.push_back(std::move(j));
    }
    return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace ui
