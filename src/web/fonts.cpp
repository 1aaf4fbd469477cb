#include "web/fonts.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "amp_ui_font.h"
#include "core/glyph_demand.h"
#include "ui/theme.h"
#include "web/app.h"
#include "web/glyphs.h"

namespace {

// Horizontal oversampling at the scale the fonts are built at: glyphs rasterised this many times wider,
// for sub-pixel placement. At two device pixels per CSS pixel and more, a pixel is too small for that to
// show, while it doubles the time build_fonts takes before the first frame and the atlas the first frame
// uploads (README "Performance").
int oversample_h() {
    return app.built_scale >= 2 ? 1 : 2;
}

// Texels (of the horizontally oversampled atlas) a semibold glyph's strokes grow by: about 1/25 em,
// as browsers thicken a synthetic bold.
int stroke_texels(float px) {
    return std::max(1, (int)std::lround(px * oversample_h() / 25.f));
}

// Spreads each glyph's coverage `texels` to the right in the atlas (the padding between glyphs leaves
// room), and widens its quad to match.
void embolden(ImFontAtlas* atlas, ImFont* font, int texels) {
    unsigned char* pixels;
    int w, h;
    atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
    for (ImFontGlyph& g : font->Glyphs) {
        if (!g.Visible || !amp::embedded_glyph(g.Codepoint)) continue; // the page drew the others semibold
        int x0 = (int)std::lround(g.U0 * w), x1 = (int)std::lround(g.U1 * w);
        int y0 = (int)std::lround(g.V0 * h), y1 = (int)std::lround(g.V1 * h);
        for (int y = y0; y < y1; ++y) {
            unsigned char* row = pixels + (size_t)y * w;
            for (int x = x1 + texels - 1; x >= x0; --x)
                for (int j = 1; j <= texels && x - j >= x0; ++j) row[x] = std::max(row[x], row[x - j]);
        }
        g.X1 += (float)texels / oversample_h();
        g.U1 += (float)texels / (float)w;
    }
}

// ImGui sizes a font by its line height (hhea ascender - descender: stbtt_ScaleForPixelHeight), CSS by its
// em. The browser draws the extra glyphs at the em of the embedded face at that size, so they match it.
float em_per_line_height() {
    const unsigned char* f = amp_ui_font;
    auto u16 = [](const unsigned char* p) { return p[0] << 8 | p[1]; };
    auto u32 = [&](const unsigned char* p) { return (size_t)u16(p) << 16 | (size_t)u16(p + 2); };
    int em = 0, ascender = 0, descender = 0;
    for (int i = 0, n = u16(f + 4); i < n; ++i) { // the table directory
        const unsigned char* record = f + 12 + 16 * i;
        const unsigned char* table = f + u32(record + 8);
        if (!std::memcmp(record, "head", 4)) em = u16(table + 18);
        if (!std::memcmp(record, "hhea", 4)) ascender = (int16_t)u16(table + 4), descender = (int16_t)u16(table + 6);
    }
    return em > 0 && ascender > descender ? (float)em / (float)(ascender - descender) : 1.f;
}

// The embedded font's ranges (core/glyph_demand.h) as ImGui takes them: pairs, then 0.
constexpr auto kEmbeddedRanges = [] {
    std::array<ImWchar, 2 * std::size(amp::kEmbeddedGlyphs) + 1> ranges{};
    size_t i = 0;
    for (const amp::CodeRange& r : amp::kEmbeddedGlyphs) ranges[i++] = (ImWchar)r.first, ranges[i++] = (ImWchar)r.last;
    return ranges;
}();

} // namespace

// Fonts are rasterised at the device-pixel size (never stretched with FontGlobalScale), so text is
// crisp at any devicePixelRatio; rebuilding happens only when the ratio changes. One face is embedded,
// Roboto Regular; the semibold is synthesised from it, because Roboto Medium's own file costs about
// 10 KB of brotli download, more than the size budget (tests/bench/budget.json) has room for.
void build_fonts(float dpr) {
    app.built_scale = dpr;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->TexGlyphPadding = 1 + stroke_texels(22 * dpr); // room for the widest semibold stroke
    auto add = [&](float px, bool semibold) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false; // the bytes are a constant in the binary
        cfg.OversampleH = oversample_h();
        if (semibold) cfg.GlyphExtraSpacing.x = (float)stroke_texels(px * dpr) / oversample_h();
        return io.Fonts->AddFontFromMemoryTTF((void*)amp_ui_font, (int)amp_ui_font_size, px * dpr, &cfg, kEmbeddedRanges.data());
    };
    ui::Theme& t = ui::theme();
    struct Spec {
        ImFont** font;
        float px;
        bool semibold;
    };
    const Spec specs[] = {{&t.body_font, 15, false}, {&t.strong_font, 15, true}, {&t.heading_font, 18, true}, {&t.title_font, 22, true}};
    Face faces[std::size(specs)];
    for (size_t i = 0; i < std::size(specs); ++i) {
        *specs[i].font = add(specs[i].px, specs[i].semibold);
        faces[i] = {*specs[i].font, specs[i].px * dpr * em_per_line_height(), specs[i].semibold};
    }
    io.FontDefault = t.body_font;
    add_extra_glyphs(io.Fonts, faces, (int)std::size(faces));
    io.Fonts->Build();
    for (ImFont* f : {t.strong_font, t.heading_font, t.title_font}) embolden(io.Fonts, f, stroke_texels(f->FontSize));
    place_extra_glyphs(io.Fonts);
    // Before the first frame the backend uploads the atlas itself; afterwards replace the texture.
    if (ImGui::GetFrameCount() > 0) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

// Text that arrived since the last frame may hold characters the atlas lacks: rebuild it with them, before
// the frame that draws them.
void update_fonts() {
    if (glyphs_wanted()) build_fonts(app.built_scale);
}
