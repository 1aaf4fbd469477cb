#include "core/messages.h"
#include "ui/picker.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

#include "core/providers.h"
#include "ui/widgets.h"

namespace ui {

namespace {

constexpr size_t kPage = 12; // rows at a time: the column scrolls, with no list scrolling inside it

// What a row says after the name: whether there is anything to set up, and whether it is done.
std::string note(const amp::Setup& s, const amp::ProviderEntry& e) {
    if (!e.needs_app()) return amp::tr("picker.no_app_needed");
    if (s.apps_known() && s.has_app(e.name)) return amp::tr("picker.app_saved");
    return {};
}

// Up and Down in the search field move the highlight rather than leave the field, as in a combobox: on
// the canvas (with Page Up and Down), and in its mirror element (with Home and End, which ui/widgets.h's
// combobox_keys hands over). Both move the core's one highlight, so the canvas and the mirror agree.
ImGuiID arrows(amp::Picker& p) {
    if (ImGui::IsItemActive()) {
        ImGui::GetCurrentContext()->ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) p.move(1);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) p.move(-1);
        if (ImGui::IsKeyPressed(ImGuiKey_PageDown)) p.move((int)kPage);
        if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) p.move(-(int)kPage);
    }
    int all = (int)p.entries.size(); // as far as the list goes: move() stops at either end
    return combobox_keys([&](std::string_view key) {
        if (key == "ArrowDown") p.move(1);
        else if (key == "ArrowUp") p.move(-1);
        else if (key == "End") p.move(all);
        else if (key == "Home") p.move(-all);
    });
}

} // namespace

void picker(amp::Setup& s, PickerView& v, Marks& marks, Intents& out) {
    amp::Picker& p = s.picker;
    begin_card("##picker");
    heading(amp::tr("picker.title"));
    if (!p.asked.empty())
        alert(amp::tr("picker.unknown", {{"name", p.asked}}), true);
    if (p.entries.empty()) {
        if (s.busy(amp::Op::LoadIndex)) text(amp::tr("picker.loading"), true);
        end_card();
        return;
    }
    std::string query = p.query();
    std::string hint = amp::tr("picker.search_hint");
    bool enter = input_text(amp::tr("picker.search").c_str(), &query, {.hint = hint.c_str()});
    p.set_query(query);
    ImGuiID search = arrows(p);
    if (!p.explained.empty())
        if (const amp::ProviderEntry* e = p.find(p.explained)) notice(amp::how_users_connect(e->info()));
    auto shown = p.shown();
    if (shown.empty()) text(amp::tr("picker.no_match", {{"query", p.query()}}), true);
    else text(amp::tr("picker.count", {{"count", std::to_string(shown.size())}}), true);
    if (enter && p.current()) out.push_back({IntentKind::ChooseProvider, p.current()->name});
    v.rows = std::max({v.rows, kPage, p.highlighted() + 1});
    size_t rows = std::min(v.rows, shown.size());
    // No matches, no listbox: an empty one is not a list of options.
    ImGuiID list = rows ? begin_listbox("##providers", amp::tr("picker.title")) : 0, active = 0;
    for (size_t i = 0; i < rows; ++i) {
        const amp::ProviderEntry& e = *shown[i];
        std::string label = e.shared_name ? e.display_name + " (" + e.name + ")" : e.display_name;
        std::string row_id = "##provider-" + e.name;
        bool lit = i == p.highlighted();
        if (lit) active = ImGui::GetID(row_id.c_str());
        float mark = ImGui::GetTextLineHeight() * 1.5f, gap = ImGui::GetStyle().ItemSpacing.x;
        if (choice_row(row_id.c_str(), label, note(s, e), lit, mark + gap))
            out.push_back({IntentKind::ChooseProvider, e.name});
        ImVec2 row = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
        draw_mark(marks, e.icon_url, e.display_name, {row.x + ImGui::GetStyle().FramePadding.x, row.y + (size.y - mark) / 2}, mark);
        if (ImGui::IsItemFocused() || (ImGui::IsItemHovered() && ImGui::GetIO().MouseDelta.y != 0)) p.highlight(i);
        if (lit && v.shown_for != i) { // the keyboard moved it: keep it on screen
            v.shown_for = i;
            reveal();
        }
    }
    if (list) end_group();
    as_combobox(search, list, active, list != 0);
    if (shown.size() > rows) {
        std::string more = amp::tr("picker.show_all", {{"count", std::to_string(shown.size())}}) + "###picker-more";
        if (button(more)) v.rows = shown.size();
    }
    end_card();
}

} // namespace ui
