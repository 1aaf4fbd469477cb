#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include "core/text.h"
#include "ui/context.h"

namespace ui {

namespace {

WidgetState& state() {
    return context().widgets;
}

// A screen y (device pixels, as ImGui draws) as a y in the content (CSS pixels from the column's top,
// whatever the scroll): where the page's content coordinates put it (the mirror, the spacer).
float content_y(float screen_y) {
    const ImGuiWindow* column = ImGui::GetCurrentWindow()->RootWindow;
    return (screen_y - column->Pos.y + column->Scroll.y) / theme().dpr;
}

std::string visible(const char* label) {
    const char* end = ImGui::FindRenderedTextEnd(label);
    return amp::shown_text(std::string_view(label, (size_t)(end - label)));
}

// The box of the item ImGui just drew, in content coordinates: the mirror scrolls with the page, so
// its boxes stay where their items are drawn at any scroll offset, and need no update while it scrolls.
void place(MirrorNode& n) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    float k = 1 / theme().dpr;
    n.x = a.x * k, n.y = content_y(a.y), n.w = (b.x - a.x) * k, n.h = (b.y - a.y) * k;
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
    place(n);
    n.focus = std::exchange(state().focus_next, false);
    if (n.focus) reveal();
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    if (m.focused == id) { // the browser scrolls the focused element into view itself
        float pad = 2 * theme().scale;
        ImGui::GetWindowDrawList()->AddRect({a.x - pad, a.y - pad}, {b.x + pad, b.y + pad},
                                            ImGui::GetColorU32(ImGuiCol_NavHighlight), 3 * theme().scale, 0,
                                            2 * theme().scale);
    }
    return n;
}

// Text wrapped to the column, in a colour if given; not recorded in the mirror.
void wrapped(std::string_view s, const ImVec4* color) {
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
    ImGui::PopTextWrapPos();
    if (color) ImGui::PopStyleColor();
}

} // namespace

namespace {

// In a row, the next item of width w goes beside the last one if it fits, else on a new line.
void flow(float w) {
    WidgetState::Row& row = state().row;
    if (!row.on) return;
    if (!row.first) {
        float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
        float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        if (x + w <= right) ImGui::SameLine();
    }
    row.first = false;
}

float icon_size() {
    return ImGui::GetFontSize() * 0.95f;
}

} // namespace

void align_to_buttons() {
    ImGui::AlignTextToFramePadding();
    // On touch screens buttons are taller than a frame (min_target): the text goes on their centre line.
    float tall = std::max(ImGui::GetFrameHeight(), theme().min_target);
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    w->DC.CurrLineSize.y = std::max(w->DC.CurrLineSize.y, tall);
    w->DC.CurrLineTextBaseOffset = std::max(w->DC.CurrLineTextBaseOffset, (tall - ImGui::GetTextLineHeight()) / 2);
}

void begin_row(bool beside) {
    state().row = {true, !beside};
}

void end_row() {
    state().row = {};
}

bool button(std::string_view label, bool enabled, Style style, std::optional<Icon> icon) {
    // ImGui ends the drawn text at the first "##" and hashes what follows the last "###". A label with
    // "###" is split there instead: ImGui gets the ID part alone, and the text before it is shown as
    // it is, so API text in a label ("App ID a##b") is shown whole. The text is drawn here in every
    // case (ImGui's own is made invisible), so that an icon can lead it.
    size_t cut = label.rfind("###");
    bool split = cut != std::string_view::npos;
    std::string imgui_label(split ? label.substr(cut) : label);
    std::string shown = split ? amp::shown_text(label.substr(0, cut)) : visible(imgui_label.c_str());
    ImGuiID id = ImGui::GetID(imgui_label.c_str());
    bool from_mirror = mirror().take(id, ActionKind::Click) && enabled; // a click on a busy button is spent
    ImGui::PushFont(theme().strong_font);
    const char* text_end = shown.data() + shown.size();
    ImVec2 pad = ImGui::GetStyle().FramePadding, text_size = ImGui::CalcTextSize(shown.data(), text_end);
    float lead = icon ? icon_size() + ImGui::GetStyle().ItemInnerSpacing.x : 0;
    float least = theme().min_target; // a finger's size on touch screens; the text stays centred
    ImVec2 size{std::max(lead + text_size.x + 2 * pad.x, least), std::max(text_size.y + 2 * pad.y, least)};
    pad = {(size.x - lead - text_size.x) / 2, (size.y - text_size.y) / 2};
    flow(size.x);
    ImGui::BeginDisabled(!enabled);
    const Theme& t = theme();
    ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    if (style == Style::Primary) ImGui::PushStyleColor(ImGuiCol_Button, t.accent),
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, t.accent_hover),
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, t.accent_hover), text = t.on_accent;
    if (style == Style::Danger) ImGui::PushStyleColor(ImGuiCol_Button, t.danger),
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, t.danger_hover),
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, t.danger_hover), text = t.on_danger;
    if (style == Style::DangerOutline) ImGui::PushStyleColor(ImGuiCol_Border, t.error), text = t.error;
    int pushed = style == Style::Secondary ? 1 : style == Style::DangerOutline ? 2 : 4;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0, 0, 0, 0});
    bool pressed = ImGui::Button(imgui_label.c_str(), size);
    ImGui::PopStyleColor(pushed);
    ImU32 ink = ImGui::GetColorU32(text); // with the disabled fade, when disabled
    ImVec2 at = ImGui::GetItemRectMin();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (icon) draw_icon(dl, *icon, {at.x + pad.x, at.y + pad.y + (text_size.y - icon_size()) / 2}, icon_size(), ink);
    dl->AddText({at.x + pad.x + lead, at.y + pad.y}, ink, shown.data(), text_end);
    // A double click is one press: its second click would land on whatever the first one brought in
    // (the next screen's control under the pointer). ImGui counts clicks by frame time, so on a slow
    // frame a quick double click may count as two singles: layouts must not rely on this alone.
    if (pressed && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        ImGui::GetIO().MouseClickedLastCount[ImGuiMouseButton_Left] > 1)
        pressed = false;
    ImGui::EndDisabled();
    ImGui::PopFont();
    record(id, Role::Button, shown).disabled = !enabled;
    return pressed || from_mirror;
}

bool link(const char* label, const char* url) {
    ImGuiID id = ImGui::GetID(label);
    bool from_mirror = mirror().take(id, ActionKind::Click);
    std::string shown = visible(label);
    ImVec2 text_size = ImGui::CalcTextSize(shown.c_str());
    float gap = ImGui::GetStyle().ItemInnerSpacing.x * 0.5f, mark = icon_size() * 0.85f;
    ImVec2 size{text_size.x + gap + mark, text_size.y};
    flow(size.x);
    ImVec2 at = ImGui::GetCursorScreenPos(); // a Selectable's box reaches past its text by half a spacing
    ImGui::PushID(label);
    bool pressed = ImGui::Selectable("##link", false, 0, size);
    ImGui::PopID();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    // Underlined and marked as leading elsewhere: a link is known by more than its colour.
    ImU32 ink = ImGui::GetColorU32(theme().link);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(at, ink, shown.c_str());
    float base = at.y + text_size.y - theme().scale;
    dl->AddLine({at.x, base}, {at.x + text_size.x, base}, ink, theme().scale);
    draw_icon(dl, Icon::ExternalLink, {at.x + text_size.x + gap, at.y + (text_size.y - mark) / 2}, mark, ink);
    MirrorNode& n = record(id, Role::Link, shown);
    n.href = url;
    return pressed || from_mirror;
}

bool jump(std::string_view label, const char* id, std::string_view said) {
    bool pressed = button(std::string(label) + id);
    mirror().nodes.back().name = amp::shown_text(said);
    return pressed;
}

void focus_field(std::string label) {
    state().focus_label = std::move(label);
}

bool choice_row(const char* id_label, std::string_view label, std::string_view note, bool highlighted, float lead) {
    ImGuiID id = ImGui::GetID(id_label);
    bool from_mirror = mirror().take(id, ActionKind::Click);
    std::string shown = amp::shown_text(label), aside = amp::shown_text(note);
    ImVec2 pad = ImGui::GetStyle().FramePadding, at = ImGui::GetCursorScreenPos();
    float line = ImGui::GetTextLineHeight(), width = ImGui::GetContentRegionAvail().x;
    float name_w = ImGui::CalcTextSize(shown.c_str()).x, note_w = ImGui::CalcTextSize(aside.c_str()).x;
    bool below = !aside.empty() && lead + name_w + note_w + 3 * pad.x > width; // a phone: the note under the name
    // At least 44 CSS pixels tall: a finger's target, whatever the font.
    float height = std::max((below ? 2 : 1) * line + 2 * pad.y, 44 * theme().scale);
    bool pressed = ImGui::Selectable(id_label, highlighted, 0, {0, height});
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float top = at.y + (height - (below ? 2 : 1) * line) / 2;
    dl->AddText({at.x + pad.x + lead, top}, ImGui::GetColorU32(ImGuiCol_Text), shown.c_str());
    if (!aside.empty())
        dl->AddText(below ? ImVec2{at.x + pad.x + lead, top + line} : ImVec2{ImGui::GetItemRectMax().x - pad.x - note_w, top},
                    ImGui::GetColorU32(theme().muted), aside.c_str());
    record(id, Role::Option, aside.empty() ? shown : shown + ", " + aside).selected = highlighted;
    return pressed || from_mirror;
}

ImGuiID begin_listbox(const char* id, std::string_view label) {
    MirrorNode list;
    list.id = ImGui::GetID(id);
    list.role = Role::ListBox;
    list.name = amp::shown_text(label);
    mirror().nodes.push_back(std::move(list));
    return mirror().nodes.back().id;
}

ImGuiID combobox_keys(const std::function<void(std::string_view)>& key) {
    Mirror& m = mirror();
    IM_ASSERT(!m.nodes.empty() && m.nodes.back().role == Role::TextBox && "combobox_keys follows an input_text");
    ImGuiID field = m.nodes.back().id;
    std::string name;
    while (m.take(field, ActionKind::Key, &name)) key(name);
    return field;
}

void as_combobox(ImGuiID field, ImGuiID list, ImGuiID active, bool expanded) {
    for (MirrorNode& n : mirror().nodes)
        if (n.id == field) n.role = Role::ComboBox, n.controls = list, n.active = active, n.expanded = expanded;
}

bool checkbox(const char* label, bool* value, const char* description, const char* aside) {
    ImGuiID id = ImGui::GetID(label);
    bool toggled = false;
    if (mirror().take(id, ActionKind::Click)) *value = !*value, toggled = true;
    // A checkbox square is as tall as a frame; with our roomy text-field padding it would loom.
    float pad_x = ImGui::GetStyle().FramePadding.x, square = ImGui::GetFontSize() + 6 * theme().scale;
    float least = theme().min_target;
    if (least <= square) {
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {pad_x, 3 * theme().scale});
        toggled |= ImGui::Checkbox(label, value);
        ImGui::PopStyleVar();
    } else { // a finger's size on touch screens: ImGui's box grows to it, unseen, and the square is drawn
        // at its usual size, centred in its height. The label keeps its place beside the square: the
        // spacing is less by what ImGui's square grew, so the box is as wide as the square and label.
        ImVec2 inner = ImGui::GetStyle().ItemInnerSpacing;
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {pad_x, (least - ImGui::GetFontSize()) / 2});
        ImGui::PushStyleVar(ImGuiStyleVar_ItemInnerSpacing, {inner.x - (least - square), inner.y});
        const ImGuiCol unseen[] = {ImGuiCol_FrameBg, ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive, ImGuiCol_CheckMark, ImGuiCol_Border};
        for (ImGuiCol c : unseen) ImGui::PushStyleColor(c, ImVec4{0, 0, 0, 0});
        toggled |= ImGui::Checkbox(label, value);
        ImGui::PopStyleColor(IM_ARRAYSIZE(unseen));
        ImGui::PopStyleVar(2);
        ImVec2 box = ImGui::GetItemRectMin(), at{box.x, box.y + (least - square) / 2};
        ImGuiCol fill = ImGui::IsItemActive() ? ImGuiCol_FrameBgActive : ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg;
        ImGui::RenderFrame(at, {at.x + square, at.y + square}, ImGui::GetColorU32(fill), true, ImGui::GetStyle().FrameRounding);
        float inset = std::max(1.0f, std::floor(square / 6)); // as ImGui::Checkbox draws its mark
        if (*value)
            ImGui::RenderCheckMark(ImGui::GetWindowDrawList(), {at.x + inset, at.y + inset}, ImGui::GetColorU32(ImGuiCol_CheckMark),
                                   square - 2 * inset);
    }
    MirrorNode& n = record(id, Role::Checkbox, visible(label));
    n.checked = *value;
    if (description) n.description = amp::shown_text(description);
    if (aside) { // wrapped beside the label, so a phone shows all of it rather than a clipped line
        std::string more = amp::shown_text(aside);
        n.name += "  \xE2\x80\x94  " + more;
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        wrapped(more, &theme().muted);
    }
    return toggled;
}

bool input_text(const char* label, std::string* text, const Field& f) {
    // The label is drawn as text above the field; the field itself is "##label", and that is its ID.
    std::string hidden_label = "##" + std::string(label);
    ImGuiID id = ImGui::GetID(hidden_label.c_str());
    std::string typed;
    bool submitted = !f.readonly && mirror().take(id, ActionKind::Click); // Enter in its mirror element
    bool set = !f.readonly && mirror().take(id, ActionKind::SetText, &typed);
    bool insert = !set && !f.readonly && mirror().take(id, ActionKind::Insert, &typed);
    if (set || insert) {
        // ImGui keeps its own copy of an active field's text; let go of it so the new value shows.
        if (ImGui::GetActiveID() == id) ImGui::ClearActiveID();
        if (set) text->swap(typed);
        else text->append(typed);
    }
    WidgetState& w = state();
    if (f.secret && !w.secret_ids.contains(id)) w.secret_ids.push_back(id);
    float top = ImGui::GetCursorScreenPos().y;
    ImGui::PushFont(theme().strong_font);
    ImGui::TextUnformatted(visible(label).c_str());
    ImGui::PopFont();
    std::string help = amp::shown_text(f.help ? f.help : ""), hint = amp::shown_text(f.hint ? f.hint : "");
    if (!help.empty()) wrapped(help, &theme().muted);
    float width = f.width > 0 ? f.width : ImGui::GetContentRegionAvail().x;
    // A placeholder too long for the field (a phone) would be cut mid-word: it goes above the field,
    // wrapped, as a help line does.
    bool hint_above = !hint.empty() && ImGui::CalcTextSize(hint.c_str()).x > width - 2 * ImGui::GetStyle().FramePadding.x;
    if (hint_above) wrapped(hint, &theme().muted);
    ImGui::SetNextItemWidth(width);
    ImGuiInputTextFlags flags = 0;
    if (f.secret && !f.reveal) flags |= ImGuiInputTextFlags_Password;
    if (f.readonly) flags |= ImGuiInputTextFlags_ReadOnly;
    std::string error = amp::shown_text(f.error ? f.error : "");
    bool invalid = !error.empty();
    if (invalid) ImGui::PushStyleColor(ImGuiCol_Border, theme().error), ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2 * theme().scale);
    ImGui::InputTextWithHint(hidden_label.c_str(), hint_above ? "" : hint.c_str(), text, flags);
    submitted |= ImGui::IsItemDeactivated() && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter));
    if (invalid) ImGui::PopStyleVar(), ImGui::PopStyleColor();
    bool first_invalid = invalid && w.reveal_invalid;
    w.reveal_invalid &= !first_invalid;
    bool asked = !w.focus_label.empty() && w.focus_label == visible(label); // an error summary's link to it
    if (asked) w.focus_label.clear();
    MirrorNode& n = record(id, Role::TextBox, visible(label));
    n.focus |= first_invalid || asked;
    n.secret = f.secret;
    n.filled = !text->empty();
    if (!f.secret) n.value = text->c_str(); // what the field shows: ImGui's text ends at a NUL
    n.readonly = f.readonly;
    n.invalid = invalid;
    n.description = invalid ? error : help.empty() ? hint : hint.empty() ? help : help + " " + hint;
    if (invalid) wrapped(error, &theme().error);
    if (first_invalid || asked) reveal_from(top); // the field with its label and its error
    return submitted;
}

namespace {

// Static text: wrapped to the column, optionally coloured, and recorded in the mirror.
MirrorNode& paragraph(std::string_view raw, Role role, const ImVec4* color = nullptr, std::optional<Icon> icon = {}) {
    std::string s = amp::shown_text(raw);
    if (icon) { // a hanging mark: wrapped lines start under the text, not under the mark
        float size = icon_size();
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy({size, ImGui::GetTextLineHeight()});
        draw_icon(ImGui::GetWindowDrawList(), *icon, {at.x, at.y + (ImGui::GetTextLineHeight() - size) / 2}, size,
                  ImGui::GetColorU32(color ? *color : ImGui::GetStyleColorVec4(ImGuiCol_Text)));
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    }
    wrapped(s, color);
    mirror().nodes.push_back({});
    MirrorNode& n = mirror().nodes.back();
    place(n); // where find-on-page, magnifiers and scrollIntoView find the text
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

void detail(std::string_view s) {
    paragraph(s, Role::Text, &theme().muted).repeats = true;
}

void alert(std::string_view s, bool error) {
    paragraph(s, Role::Alert, error ? &theme().error : &theme().success, error ? Icon::Warning : Icon::Check).invalid = error;
}

void strong(std::string_view s) {
    ImGui::PushFont(theme().strong_font);
    paragraph(s, Role::Text);
    ImGui::PopFont();
}

void begin_group(const char* id, std::string_view label, const std::string& error) {
    MirrorNode group;
    group.id = ImGui::GetID(id);
    group.role = Role::Group;
    group.name = amp::shown_text(label);
    group.description = amp::shown_text(error);
    group.invalid = !error.empty();
    ImGui::PushFont(theme().strong_font);
    MirrorNode& shown = paragraph(label, Role::Text); // the group's name already says it
    ImGui::PopFont();
    shown.repeats = true;
    WidgetState& w = state();
    if (group.invalid) {
        wrapped(group.description, &theme().error);
        if (w.reveal_invalid) reveal(), w.reveal_invalid = false, w.focus_next = true;
    }
    if (!w.focus_label.empty() && w.focus_label == group.name) w.focus_label.clear(), reveal(), w.focus_next = true;
    // Before its label's text in the mirror: the group holds what follows it.
    mirror().nodes.insert(mirror().nodes.end() - 1, std::move(group));
}

void end_group() {
    mirror().nodes.push_back({});
    mirror().nodes.back().role = Role::GroupEnd;
}

void begin_card(const char* id, Tone tone) {
    const Theme& t = theme();
    ImGui::PushStyleColor(ImGuiCol_Border, tone == Tone::Success ? t.success : tone == Tone::Danger ? t.danger : t.card_border);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, (tone == Tone::Plain ? 1 : 2) * t.scale);
    // Narrow columns (a phone) keep more room for text: the card's padding shrinks with the column.
    float pad = (ImGui::GetContentRegionAvail().x < 420 * t.scale ? 12 : 18) * t.scale;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {pad, pad});
    // AlwaysAutoResize: a card scrolled out of view still lays out its items, so that their mirror
    // elements keep true boxes and reveal() can find them.
    ImGui::BeginChild(id, {0, 0}, ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysAutoResize |
                      ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

void end_card() {
    ImGui::SetScrollY(0); // a card is as tall as what it holds: only the column around it scrolls
    ImGui::EndChild();
}

void steps(const char* const* names, const std::string* states, const bool* done, int count, int current,
           const std::string& said) {
    const Theme& t = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 at = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x, column = width / (float)count;
    float r = 13 * t.scale, line = ImGui::GetTextLineHeightWithSpacing(), gap = 6 * t.scale;
    float tallest = 0;
    for (int i = 0; i < count; ++i) {
        float x = at.x + column * (float)i;
        ImVec2 centre{x + r, at.y + r};
        bool now = i == current;
        ImU32 ring = ImGui::GetColorU32(done[i] ? t.success : now ? t.accent : t.muted);
        if (i + 1 < count) // the line to the next step, green once this one is done
            dl->AddLine({x + 2 * r + gap, centre.y}, {x + column - gap, centre.y},
                        ImGui::GetColorU32(done[i] ? t.success : t.card_border), 2 * t.scale);
        if (done[i]) {
            dl->AddCircleFilled(centre, r, ring);
            draw_icon(dl, Icon::Check, {centre.x - r * 0.6f, centre.y - r * 0.6f}, r * 1.2f, ImGui::GetColorU32(t.card));
        } else {
            if (now) dl->AddCircleFilled(centre, r, ring);
            else dl->AddCircle(centre, r - t.scale, ring, 0, 2 * t.scale);
            std::string n = std::to_string(i + 1);
            ImGui::PushFont(t.strong_font);
            ImVec2 ns = ImGui::CalcTextSize(n.c_str());
            dl->AddText({centre.x - ns.x / 2, centre.y - ns.y / 2},
                        now ? ImGui::GetColorU32(t.on_accent) : ImGui::GetColorU32(t.muted), n.c_str());
            ImGui::PopFont();
        }
        // Name and state under the circle, wrapped to the column so that a phone shows them whole.
        float wrap = column - gap;
        ImGui::PushFont(t.strong_font);
        ImVec2 name_size = ImGui::CalcTextSize(names[i], nullptr, false, wrap);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), {x, at.y + 2 * r + gap}, ImGui::GetColorU32(ImGuiCol_Text),
                    names[i], nullptr, wrap);
        ImGui::PopFont();
        ImVec2 state_size = ImGui::CalcTextSize(states[i].c_str(), nullptr, false, wrap);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), {x, at.y + 2 * r + gap + name_size.y},
                    ImGui::GetColorU32(done[i] ? t.success : t.muted), states[i].c_str(), nullptr, wrap);
        tallest = std::max(tallest, name_size.y + state_size.y);
    }
    ImGui::Dummy({width, 2 * r + gap + std::max(tallest, 2 * line)});
    mirror().nodes.push_back({});
    MirrorNode& n = mirror().nodes.back();
    place(n);
    n.role = Role::Text;
    n.name = amp::shown_text(said);
}

void focus_next_control() {
    state().focus_next = true;
}

void reveal_first_invalid() {
    state().reveal_invalid = true;
}

void reveal() {
    state().wanted = Span{content_y(ImGui::GetItemRectMin().y), content_y(ImGui::GetItemRectMax().y)};
}

void reveal_from(float top) {
    state().wanted = Span{content_y(top), content_y(ImGui::GetCursorScreenPos().y)};
}

std::optional<Span> take_reveal() {
    return std::exchange(state().wanted, std::nullopt);
}

void notice(std::string_view s) {
    paragraph(s, Role::Alert);
}

void status(std::string_view s) {
    mirror().nodes.push_back({});
    MirrorNode& n = mirror().nodes.back();
    n.role = Role::Alert;
    n.name = amp::shown_text(s);
}

// This reaches into ImGui's internals (InputTextState, InputTextDeactivatedState), which change between
// versions without notice: a new ImGui must be checked here, by hand and with tests/browser/secrets.test.mjs.
static_assert(IMGUI_VERSION_NUM == 19010, "forget_secret_text() was written against Dear ImGui 1.90.1's internals");

void forget_secret_text() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImVector<ImGuiID>& secret_ids = state().secret_ids;
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
