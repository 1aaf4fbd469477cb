// Colours, fonts and the device-pixel scale the screens draw with. Fonts are built by the platform
// layer (it owns the font bytes and the GPU texture); the theme only points at them.
#pragma once
#include <imgui.h>

namespace ui {

struct Theme {
    float scale = 1;          // drawing scale: device pixels per CSS pixel, times the host's font scale
    float dpr = 1;            // device pixels per CSS pixel alone (to report positions in CSS pixels)
    bool dark = false;
    ImVec4 accent, accent_hover, on_accent, link, error, success, muted, panel;
    ImFont* body_font = nullptr;
    ImFont* heading_font = nullptr;
    ImFont* title_font = nullptr;
};

Theme& theme();
// Resets ImGui's style to ours at this scale. accent is 0xRRGGBB.
void apply_theme(bool dark, float scale, unsigned accent = 0xE60023);

} // namespace ui
