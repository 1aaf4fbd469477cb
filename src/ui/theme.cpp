#include "ui/theme.h"

namespace ui {

Theme& theme() {
    static Theme t;
    return t;
}

static ImVec4 rgb(unsigned c, float a = 1) {
    return {((c >> 16) & 255) / 255.f, ((c >> 8) & 255) / 255.f, (c & 255) / 255.f, a};
}

static ImVec4 mix(ImVec4 a, ImVec4 b, float t) {
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t};
}

void apply_theme(bool dark, float scale, unsigned accent) {
    Theme& t = theme();
    t.scale = scale;
    t.dark = dark;
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    if (dark) ImGui::StyleColorsDark(&s);
    else ImGui::StyleColorsLight(&s);
    ImVec4 bg = dark ? rgb(0x1E1F22) : rgb(0xFFFFFF);
    ImVec4 fg = dark ? rgb(0xECEDEE) : rgb(0x1F2328);
    t.accent = rgb(accent);
    t.accent_hover = mix(t.accent, dark ? rgb(0xFFFFFF) : rgb(0x000000), 0.15f);
    t.on_accent = rgb(0xFFFFFF);
    t.link = dark ? rgb(0x79B8FF) : rgb(0x0B57D0);
    t.error = dark ? rgb(0xFF7B72) : rgb(0xB3261E);
    t.success = dark ? rgb(0x56D364) : rgb(0x1A7F37);
    t.muted = dark ? rgb(0x9DA5B0) : rgb(0x59636E);
    t.panel = dark ? rgb(0x2B2D31) : rgb(0xF6F8FA);

    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = bg;
    c[ImGuiCol_ChildBg] = t.panel;
    c[ImGuiCol_Text] = fg;
    c[ImGuiCol_TextDisabled] = t.muted;
    c[ImGuiCol_FrameBg] = dark ? rgb(0x111214) : rgb(0xFFFFFF);
    c[ImGuiCol_FrameBgHovered] = mix(c[ImGuiCol_FrameBg], t.accent, 0.06f);
    c[ImGuiCol_FrameBgActive] = mix(c[ImGuiCol_FrameBg], t.accent, 0.10f);
    c[ImGuiCol_Border] = dark ? rgb(0x4A4D55) : rgb(0xC9CED6);
    c[ImGuiCol_Button] = dark ? rgb(0x3A3C42) : rgb(0xEEF0F3);
    c[ImGuiCol_ButtonHovered] = dark ? rgb(0x474A51) : rgb(0xE1E4E8);
    c[ImGuiCol_ButtonActive] = dark ? rgb(0x55585F) : rgb(0xD4D8DE);
    c[ImGuiCol_CheckMark] = t.accent;
    c[ImGuiCol_Header] = mix(bg, t.accent, 0.10f);
    c[ImGuiCol_HeaderHovered] = mix(bg, t.accent, 0.16f);
    c[ImGuiCol_HeaderActive] = mix(bg, t.accent, 0.22f);
    c[ImGuiCol_NavHighlight] = t.link;
    c[ImGuiCol_TextSelectedBg] = mix(bg, t.link, 0.35f);
    c[ImGuiCol_Separator] = c[ImGuiCol_Border];

    s.WindowPadding = {20, 16};
    s.FramePadding = {10, 7};
    s.ItemSpacing = {10, 8};
    s.FrameRounding = 6;
    s.ChildRounding = 8;
    s.GrabRounding = 6;
    s.FrameBorderSize = 1;
    s.ChildBorderSize = 0;
    s.WindowBorderSize = 0;
    s.ScrollbarSize = 12;
    s.ScaleAllSizes(scale);
}

} // namespace ui
