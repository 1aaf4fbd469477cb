#include "web/glyphs.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/glyph_demand.h"
#include "ui/mirror.h"
#include "web/app.h"
#include "web/bridge.h"

namespace {

using Drawn = Glyphs::Drawn;
using Drawing = Glyphs::Drawing;

// The atlas is one texture: past this many texels (a 4096 x 2048 one, 32 MiB as ImGui's RGBA copy) further
// glyphs stay the fallback. 2000 CJK characters at DPR 2 take about half of it.
constexpr double kMaxTexels = 4096.0 * 2048;

// Whether the field is a text box the admin may see (a secret is masked, and unknown IDs are no field).
bool plain_field(ImGuiID id) {
    const ui::Mirror& m = ui::mirror();
    for (const auto* nodes : {&m.nodes, &m.sent})
        for (const ui::MirrorNode& n : *nodes)
            if (n.id == id && n.role == ui::Role::TextBox) return !n.secret;
    return false;
}

// The page's drawings of `cps` (web/src/glyphs.js packs them): per glyph a float advance (negative: no
// font of the browser has it), int32 x, y, w, h, then w*h coverage bytes padded to 4.
void draw(Drawing& d, const std::vector<char32_t>& cps) {
    if (cps.empty()) return;
    static_assert(sizeof(char32_t) == 4);
    unsigned char* packed = amp_js_glyphs(reinterpret_cast<const unsigned*>(cps.data()), (int)cps.size(), d.px, d.semibold);
    const unsigned char* p = packed;
    for (char32_t cp : cps) {
        Drawn g{cp, 0, 0, 0, 0, 0, {}};
        int32_t v[4];
        std::memcpy(&g.advance, p, 4);
        std::memcpy(v, p + 4, 16);
        g.x = v[0], g.y = v[1], g.w = v[2], g.h = v[3];
        p += 20;
        size_t n = (size_t)g.w * g.h;
        g.alpha.assign(p, p + n);
        p += (n + 3) & ~size_t(3);
        if (g.advance >= 0) d.glyphs.push_back(std::move(g));
    }
    std::free(packed);
}

} // namespace

void note_text(std::string_view utf8, ImGuiID field) {
    if (field == 0 || plain_field(field)) app.glyphs.demand.feed(utf8);
}

void note_typed(char32_t cp) {
    if (plain_field(ImGui::GetActiveID())) app.glyphs.demand.feed(cp);
}

bool glyphs_wanted() {
    return app.glyphs.demand.pending();
}

void add_extra_glyphs(ImFontAtlas* atlas, const Face* faces, int count) {
    Glyphs& state = app.glyphs;
    std::vector<char32_t> fresh = state.demand.take();
    std::vector<char32_t> all(state.demand.noted().begin(), state.demand.noted().end());
    state.drawings.resize(count);
    double texels = 0;
    for (int i = 0; i < count; ++i) {
        Drawing& d = state.drawings[i];
        const Face& f = faces[i];
        d.font = f.font;
        if (d.px != f.px || d.semibold != f.semibold) { // a new size: every glyph again
            d.px = f.px, d.semibold = f.semibold;
            d.glyphs.clear();
            draw(d, all);
        } else draw(d, fresh);
        for (Drawn& g : d.glyphs) {
            int w = std::max(g.w, 1), h = std::max(g.h, 1); // ImGui takes no empty rectangle: a blank glyph gets a clear texel
            g.rect = -1;
            if (texels + double(w + atlas->TexGlyphPadding) * (h + atlas->TexGlyphPadding) > kMaxTexels) continue; // stays the fallback
            texels += double(w + atlas->TexGlyphPadding) * (h + atlas->TexGlyphPadding);
            g.rect = atlas->AddCustomRectFontGlyph(f.font, (ImWchar)g.cp, w, h, g.advance, ImVec2((float)g.x, (float)g.y));
        }
    }
    // ImGui chooses the atlas's width from its own glyphs only and grows it downwards, past the texture sizes
    // some devices take. So the width follows ImGui's rule (ImFontAtlasBuildWithStbTruetype: the smallest power
    // of two of which the surface's square root is at least 0.7 times, or 512) applied to the whole surface; the embedded
    // glyphs' share is known from the last build. With no extra glyph, ImGui's choice stands.
    double surface = texels + state.embedded_texels_per_px2 * faces[0].px * faces[0].px;
    int width = 512;
    while (width < 4096 && std::sqrt(surface) >= width * 2 * 0.7) width *= 2;
    atlas->TexDesiredWidth = texels > 0 ? width : 0;
    state.extra_texels = texels;
    state.body_px = faces[0].px;
}

void place_extra_glyphs(ImFontAtlas* atlas) {
    unsigned char* pixels;
    int tex_w, tex_h;
    atlas->GetTexDataAsAlpha8(&pixels, &tex_w, &tex_h);
    Glyphs& state = app.glyphs;
    double surface = 0;
    for (const ImFont* f : atlas->Fonts) surface += f->MetricsTotalSurface;
    state.embedded_texels_per_px2 = std::max(0.0, surface - state.extra_texels) / (state.body_px * state.body_px);
    for (Drawing& d : state.drawings) {
        float baseline = IM_ROUND(d.font->Ascent); // where ImGui puts the embedded glyphs' baseline
        for (const Drawn& g : d.glyphs) {
            if (g.rect < 0) continue;
            const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(g.rect);
            for (int y = 0; y < g.h; ++y)
                std::memcpy(pixels + (size_t)(r->Y + y) * tex_w + r->X, g.alpha.data() + (size_t)y * g.w, g.w);
            // Custom glyphs are placed from the line's top; the page measured from the baseline.
            if (auto* glyph = const_cast<ImFontGlyph*>(d.font->FindGlyphNoFallback((ImWchar)g.cp))) {
                glyph->Y0 += baseline;
                glyph->Y1 += baseline;
            }
        }
    }
}
