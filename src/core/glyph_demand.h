// Which characters the UI font must gain before they can be drawn. The embedded font covers Latin-1 and
// a little punctuation; any other character is drawn from the browser's own fonts, rasterised on demand
// (src/web/glyphs.cpp). Demand is collected where text enters the widget (API answers, typing, pasting,
// the host's options), never by looking at what is drawn, so ImGui needs no patch; and a session in
// English asks for nothing.
#pragma once
#include <cstddef>
#include <set>
#include <string_view>
#include <vector>

namespace amp {

struct CodeRange {
    char32_t first, last; // inclusive
};

// The code points the embedded font draws: src/web.cmake subsets Roboto to exactly these, and
// src/web/fonts.cpp asks ImGui for the same.
inline constexpr CodeRange kEmbeddedGlyphs[] = {{0x20, 0x7E},     {0xA0, 0xFF},     {0x2013, 0x2014},
                                                {0x2018, 0x201D}, {0x2022, 0x2022}, {0x2026, 0x2026}};

// Whether the embedded font has a glyph for cp.
bool embedded_glyph(char32_t cp);

class GlyphDemand {
public:
    // More distinct characters than this (a long text in Chinese, say, or hostile input) stay drawn as the
    // fallback: each one costs atlas texels at four sizes, and the atlas is one texture.
    static constexpr size_t kMaxExtra = 2000;

    // Notes each code point of the text that the covered ranges lack and that was not noted before.
    // Control characters are no glyphs; ill-formed bytes count as U+FFFD, as everywhere (core/text.h).
    void feed(std::string_view utf8);
    void feed(char32_t cp);

    bool pending() const { return !fresh_.empty(); }
    // The code points noted since the last call, in ascending order.
    std::vector<char32_t> take();
    // Every code point noted so far, ascending: an atlas rebuilt for another pixel size needs them all.
    const std::set<char32_t>& noted() const { return noted_; }

private:
    std::set<char32_t> noted_;
    std::vector<char32_t> fresh_;
};

} // namespace amp
