#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cstring>

#include "core/text.h"
#include "ui/mirror.h"
#include "ui/theme.h"

namespace ui {

namespace {

ImVector<ImGuiID> secret_ids; // every secret field drawn so far

std::string visible(const char* label) {
    const char* end = ImGui::FindRenderedTextEnd(label);
    return amp::shown_text(std::string_view(label, (size_t)(end - label)));
}

// Records the item ImGui just drew, and draws the mirror's focus ring around it when the DOM
// element standing for it has focus (so sighted keyboard users see where they are).
MirrorNode& record(ImGuiID id, Role role, std::string name) {
    Mirror& m = mirror();
    m.nodes.push_back({});
    MirrorNode& n = m.nodes.back();
    n.id = id;
    n.role = role;
    n.name = std::move(name);
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    float k = 1 / theme().dpr;
    n.x = a.x * k, n.y = a.y * k, n.w = (b.x - a.x) * k, n.h = (b.y - a.y) * k;
    if (m.focused == id) {
        float pad = 2 * theme().scale;
        ImGui::GetWindowDrawList()->AddRect({a.x - pad, a.y - pad}, {b.x + pad, b.y + pad},
                                            ImGui::GetColorU32(ImGuiCol_NavHighlight), 3 * theme().scale, 0,
                                            2 * theme().scale);
        if (m.scroll_to == id) {
            ImGui::SetScrollHereY(0.5f);
            m.scroll_to = 0;
        }
    }
    return n;
}

void field_error(const std::string& error) {
    if (error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, theme().error);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(error.data(), error.data() + error.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

} // namespace

bool button(std::string_view label, bool enabled, bool primary) {
    // ImGui ends the drawn text at the first "##" and hashes what follows the last "###". A label with
    // "###" is split there instead: ImGui gets the ID part alone and draws no text, and the text before
    // it is drawn here as it is, so API text in a label ("App ID a##b") is shown whole.
    size_t cut = label.rfind("###");
    bool split = cut != std::string_view::npos;
    std::string imgui_label(split ? label.substr(cut) : label);
    std::string shown = split ? amp::shown_text(label.substr(0, cut)) : visible(imgui_label.c_str());
    ImGuiID id = ImGui::GetID(imgui_label.c_str());
    bool from_mirror = mirror().take(id, ActionKind::Click) && enabled; // a click on a busy button is spent
    ImGui::BeginDisabled(!enabled);
    if (primary) ImGui::PushStyleColor(ImGuiCol_Button, theme().accent),
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme().accent_hover),
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme().accent_hover),
        ImGui::PushStyleColor(ImGuiCol_Text, theme().on_accent);
    const char* text_end = shown.data() + shown.size();
    ImVec2 pad = ImGui::GetStyle().FramePadding, text_size = ImGui::CalcTextSize(shown.data(), text_end);
    bool pressed = ImGui::Button(imgui_label.c_str(), split ? ImVec2{text_size.x + 2 * pad.x, text_size.y + 2 * pad.y} : ImVec2{});
    if (split) {
        ImVec2 at = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText({at.x + pad.x, at.y + pad.y}, ImGui::GetColorU32(ImGuiCol_Text), shown.data(), text_end);
    }
    // A double click is one press: its second click would land on whatever the first one brought in
    // (the next screen's control under the pointer). ImGui counts clicks by frame time, so on a slow
    // frame a quick double click may count as two singles: layouts must not rely on this alone.
    if (pressed && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        ImGui::GetIO().MouseClickedLastCount[ImGuiMouseButton_Left] > 1)
        pressed = false;
    if (primary) ImGui::PopStyleColor(4);
    ImGui::EndDisabled();
    record(id, Role::Button, shown).disabled = !enabled;
    return pressed || from_mirror;
}

bool link(const char* label, const char* url) {
    ImGuiID id = ImGui::GetID(label);
    bool from_mirror = mirror().take(id, ActionKind::Click);
    ImGui::PushStyleColor(ImGuiCol_Text, theme().link);
    std::string shown = visible(label) + " \xC2\xBB"; // the chevron says "goes elsewhere"
    ImGui::PushID(label);
    bool pressed = ImGui::Selectable(shown.c_str(), false, 0, ImGui::CalcTextSize(shown.c_str()));
    ImGui::PopID();
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    MirrorNode& n = record(id, Role::Link, visible(label));
    n.href = url;
    return pressed || from_mirror;
}

bool checkbox(const char* label, bool* value, const char* description) {
    ImGuiID id = ImGui::GetID(label);
    bool toggled = false;
    if (mirror().take(id, ActionKind::Click)) *value = !*value, toggled = true;
    // A checkbox square is as tall as a frame; with our roomy text-field padding it would loom.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {ImGui::GetStyle().FramePadding.x, 3 * theme().scale});
    toggled |= ImGui::Checkbox(label, value);
    ImGui::PopStyleVar();
    MirrorNode& n = record(id, Role::Checkbox, visible(label));
    n.checked = *value;
    if (description) n.description = amp::shown_text(description);
    return toggled;
}

bool input_text(const char* label, std::string* text, const Field& f) {
    // The label is drawn as text above the field; the field itself is "##label", and that is its ID.
    std::string hidden_label = "##" + std::string(label);
    ImGuiID id = ImGui::GetID(hidden_label.c_str());
    std::string typed;
    bool changed = false;
    bool set = !f.readonly && mirror().take(id, ActionKind::SetText, &typed);
    bool insert = !set && !f.readonly && mirror().take(id, ActionKind::Insert, &typed);
    if (set || insert) {
        // ImGui keeps its own copy of an active field's text; let go of it so the new value shows.
        if (ImGui::GetActiveID() == id) ImGui::ClearActiveID();
        if (set) text->swap(typed);
        else text->append(typed);
        changed = true;
    }
    if (f.secret && !secret_ids.contains(id)) secret_ids.push_back(id);
    ImGui::TextUnformatted(visible(label).c_str());
    ImGui::SetNextItemWidth(f.width > 0 ? f.width : -1);
    ImGuiInputTextFlags flags = 0;
    if (f.secret && !f.reveal) flags |= ImGuiInputTextFlags_Password;
    if (f.readonly) flags |= ImGuiInputTextFlags_ReadOnly;
    std::string error = amp::shown_text(f.error ? f.error : ""), hint = amp::shown_text(f.hint ? f.hint : "");
    bool invalid = !error.empty();
    if (invalid) ImGui::PushStyleColor(ImGuiCol_Border, theme().error), ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2 * theme().scale);
    changed |= ImGui::InputTextWithHint(hidden_label.c_str(), hint.c_str(), text, flags);
    if (invalid) ImGui::PopStyleVar(), ImGui::PopStyleColor();
    MirrorNode& n = record(id, Role::TextBox, visible(label));
    n.secret = f.secret;
    n.filled = !text->empty();
    if (!f.secret) n.value = text->c_str(); // what the field shows: ImGui's text ends at a NUL
    n.readonly = f.readonly;
    n.invalid = invalid;
    n.description = invalid ? error : hint;
    field_error(error);
    return changed;
}

namespace {

// Static text: wrapped to the column, optionally coloured, and recorded in the mirror.
MirrorNode& paragraph(std::string_view raw, Role role, const ImVec4* color = nullptr) {
    std::string s = amp::shown_text(raw);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
    ImGui::PopTextWrapPos();
    if (color) ImGui::PopStyleColor();
    mirror().nodes.push_back({});
    MirrorNode& n = mirror().nodes.back();
    n.role = role;
    n.name = std::move(s);
    return n;
}

} // namespace

void heading(std::string_view s, int level) {
    ImGui::PushFont(level <= 1 ? theme().title_font : theme().heading_font);
    paragraph(s, Role::Heading).level = level;
    ImGui::PopFont();
}

void text(std::string_view s, bool muted) {
    paragraph(s, Role::Text, muted ? &theme().muted : nullptr);
}

void alert(std::string_view s, bool error) {
    paragraph(s, Role::Alert, error ? &theme().error : &theme().success).invalid = error;
}

void notice(std::string_view s) {
    paragraph(s, Role::Alert);
}

// This reaches into ImGui's internals (InputTextState, InputTextDeactivatedState), which change between
// versions without notice: a new ImGui must be checked here, by hand and with tests/browser/secrets.test.mjs.
static_assert(IMGUI_VERSION_NUM == 19010, "forget_secret_text() was written against Dear ImGui 1.90.1's internals");

void forget_secret_text() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiInputTextState& st = g.InputTextState;
    if (st.ID != 0 && st.ID != g.ActiveId && secret_ids.contains(st.ID)) {
        for (ImWchar& c : st.TextW) c = 0;
        for (char& c : st.TextA) c = 0;
        for (char& c : st.InitialTextA) c = 0;
        memset(&st.Stb, 0, sizeof(st.Stb)); // the undo record holds deleted characters
        st.CurLenW = st.CurLenA = 0;
        st.ID = 0;                           // the next activation starts afresh from the field
    }
    // The text of a field just deactivated: once its field has read it back, ImGui sets the ID to 0
    // but keeps the bytes; those are zeroed too (whose they were is no longer known).
    ImGuiInputTextDeactivatedState& gone = g.InputTextDeactivatedState;
    if (gone.ID == 0 || (gone.ID != g.ActiveId && secret_ids.contains(gone.ID))) {
        for (char& c : gone.TextA) c = 0;
        gone.ID = 0;
    }
}

} // namespace ui
