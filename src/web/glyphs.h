// Glyphs beyond the embedded font (Cyrillic, Greek, CJK, emoji, ...): the browser draws them from its own
// fonts (web/src/glyphs.js) and they join ImGui's atlas as custom glyphs. Which ones are needed is learnt
// from the text that enters the widget (core/glyph_demand.h), so the atlas grows only when such text
// arrives, and an English session never calls the page for a glyph.
#pragma once
#include <string_view>
#include <vector>

#include "core/glyph_demand.h"

struct ImFont;
struct ImFontAtlas;
typedef unsigned int ImGuiID;

// What the extra glyphs keep from one atlas build to the next, for one widget (App::glyphs, web/app.h).
struct Glyphs {
    // One glyph as the page drew it: its coverage, `w` by `h`, whose top-left corner lies (x, y) pixels
    // from the pen on the baseline.
    struct Drawn {
        char32_t cp;
        float advance;
        int x, y, w, h;
        std::vector<unsigned char> alpha;
        int rect = -1; // its custom rectangle in the atlas
    };
    struct Drawing {
        ImFont* font = nullptr;
        float px = 0;
        bool semibold = false;
        std::vector<Drawn> glyphs;
    };

    amp::GlyphDemand demand;
    std::vector<Drawing> drawings;      // one per face, in the faces' order
    double extra_texels = 0;            // what the extra glyphs of the last build take
    double embedded_texels_per_px2 = 0; // what the embedded glyphs take, per square pixel of the body size
    float body_px = 15;
};

// Text that entered the widget: an API answer, a message, the host's options. With a field, text typed
// or pasted into it, skipped when the field is a secret (masked on the canvas: its characters never need
// a glyph, and they stay out of the page).
void note_text(std::string_view utf8, ImGuiID field = 0);
void note_typed(char32_t cp); // a key character, for the field being edited on the canvas

bool glyphs_wanted(); // noted characters the atlas does not have yet

// One of the atlas's fonts, as the page is to draw it.
struct Face {
    ImFont* font;
    float px;      // its em in the atlas, in pixels (CSS sizes fonts by the em)
    bool semibold;
};

// Before the atlas is built: has the page draw every noted glyph the faces lack at their sizes (only the
// new ones when the sizes are unchanged) and reserves a rectangle for each.
void add_extra_glyphs(ImFontAtlas* atlas, const Face* faces, int count);
// After the build: copies the drawings into their rectangles and sets each glyph on its font's baseline.
void place_extra_glyphs(ImFontAtlas* atlas);
