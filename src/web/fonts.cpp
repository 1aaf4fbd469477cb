#include "web/fonts.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "amp_ui_font.h"
#include "ui/theme.h"

// Fonts are rasterised at the device-pixel size (never stretched with FontGlobalScale), so text is
// crisp at any devicePixelRatio; rebuilding happens only when the ratio changes.
void build_fonts(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false; // the bytes are a constant in the binary
    cfg.OversampleH = 2;
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190, 0x2193, 0x2713, 0x2715, 0x25CB, 0x25CF, 0};
    auto add = [&](float px) {
        return io.Fonts->AddFontFromMemoryTTF((void*)amp_ui_font, (int)amp_ui_font_size, px * dpr, &cfg, ranges);
    };
    ui::Theme& t = ui::theme();
    t.body_font = add(15);
    t.heading_font = add(18);
    t.title_font = add(22);
    io.FontDefault = t.body_font;
    io.Fonts->Build();
    // Before the first frame the backend uploads the atlas itself; afterwards replace the texture.
    if (ImGui::GetFrameCount() > 0) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}
