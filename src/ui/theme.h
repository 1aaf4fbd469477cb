// Colours, fonts and the device-pixel scale the screens draw with. Fonts are built by the platform
// layer (it owns the font bytes and the GPU texture); the theme only points at them. The colours come
// from palette.h, where their contrast is checked.
#pragma once
#include <imgui.h>

#include "ui/palette.h"

namespace ui {

struct Theme {
    float scale = 1;          // drawing scale: device pixels per CSS pixel, times the host's font scale
    float dpr = 1;            // device pixels per CSS pixel alone (to report positions in CSS pixels)
    float min_target = 0;     // device pixels a button or checkbox measures at least each way (touch screens)
    bool dark = false;
    Palette palette = kLight;
    ImVec4 accent, accent_hover, on_accent, link, error, success, muted, card, card_border, danger, danger_hover,
        on_danger;
    ImFont* body_font = nullptr;    // regular
    ImFont* strong_font = nullptr;  // semibold, body size: buttons, labels, card titles
    ImFont* heading_font = nullptr; // semibold
    ImFont* title_font = nullptr;   // semibold
};

Theme& theme(); // the current context's (ui/context.h)
// Resets ImGui's style to ours at this scale: the light or dark palette with the host's accent
// (0xRRGGBB), or, under forced colours, the user's system colours alone.
void apply_theme(bool dark, float scale, unsigned accent = kDefaultAccent, const SystemColours* forced = nullptr);
ImVec4 rgb(unsigned c, float alpha = 1);

} // namespace ui
