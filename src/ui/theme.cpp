#include "ui/theme.h"

namespace ui {

ImVec4 rgb(unsigned c, float a) {
    return {((c >> 16) & 255) / 255.f, ((c >> 8) & 255) / 255.f, (c & 255) / 255.f, a};
}

static ImVec4 mix(ImVec4 a, ImVec4 b, float t) {
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t};
}

void apply_theme(bool dark, float scale, unsigned accent, const SystemColours* forced) {
    Theme& t = theme();
    t.scale = scale;
    if (forced) {
        dark = relative_luminance(forced->canvas) < 0.5;
        accent = forced->highlight;
    }
    t.dark = dark;
    const Palette& p = t.palette = forced ? forced_palette(*forced) : dark ? kDark : kLight;
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle(); // its colours: what the screens do not use, left as ImGui's dark defaults
    ImVec4 bg = rgb(p.page), darken = rgb(dark ? 0xFFFFFF : 0x000000);
    t.accent = rgb(accent);
    t.accent_hover = mix(t.accent, darken, 0.15f);
    t.on_accent = rgb(p.on_accent);
    t.link = rgb(p.link);
    t.error = rgb(p.error);
    t.success = rgb(p.success);
    t.muted = rgb(p.muted);
    t.card = rgb(p.card);
    t.card_border = rgb(p.card_border);
    t.danger = rgb(p.danger);
    t.danger_hover = mix(t.danger, rgb(0x000000), 0.15f);
    t.on_danger = rgb(p.on_danger);

    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = bg;
    c[ImGuiCol_ChildBg] = t.card;
    c[ImGuiCol_Text] = rgb(p.text);
    c[ImGuiCol_TextDisabled] = t.muted;
    c[ImGuiCol_FrameBg] = rgb(p.field);
    c[ImGuiCol_FrameBgHovered] = mix(c[ImGuiCol_FrameBg], t.link, 0.06f);
    c[ImGuiCol_FrameBgActive] = mix(c[ImGuiCol_FrameBg], t.link, 0.10f);
    c[ImGuiCol_Button] = rgb(p.button);
    c[ImGuiCol_ButtonHovered] = rgb(p.button_hover);
    c[ImGuiCol_ButtonActive] = rgb(p.button_active);
    c[ImGuiCol_CheckMark] = rgb(p.text); // ink, not the accent: readable whatever accent a host picks
    c[ImGuiCol_Header] = mix(t.card, t.link, 0.10f);
    c[ImGuiCol_HeaderHovered] = mix(t.card, t.link, 0.16f);
    c[ImGuiCol_HeaderActive] = mix(t.card, t.link, 0.22f);
    c[ImGuiCol_NavHighlight] = t.link;
    c[ImGuiCol_TextSelectedBg] = mix(bg, t.link, 0.35f);
    c[ImGuiCol_Separator] = t.card_border;
    c[ImGuiCol_ScrollbarBg] = t.card;
    c[ImGuiCol_ScrollbarGrab] = rgb(p.field_border); // a control: 3:1 like a field's edge
    c[ImGuiCol_ScrollbarGrabHovered] = t.muted;
    c[ImGuiCol_ScrollbarGrabActive] = rgb(p.text);
    c[ImGuiCol_Border] = rgb(p.field_border);
    c[ImGuiCol_BorderShadow] = ImVec4{0, 0, 0, 0};

    s.WindowPadding = {20, 16};
    s.FramePadding = {12, 8};
    s.ItemSpacing = {10, 10};
    s.ItemInnerSpacing = {8, 6};
    s.FrameRounding = 6;
    s.ChildRounding = 10;
    s.GrabRounding = 6;
    s.FrameBorderSize = 1;
    s.ChildBorderSize = 1;
    s.WindowBorderSize = 0;
    s.ScrollbarSize = 12;
    s.ScaleAllSizes(scale);
}

} // namespace ui
