#include "core/glyph_demand.h"

#include <algorithm>
#include <iterator>

#include "core/text.h"

namespace amp {

bool embedded_glyph(char32_t cp) {
    return std::any_of(std::begin(kEmbeddedGlyphs), std::end(kEmbeddedGlyphs),
                       [cp](const CodeRange& r) { return cp >= r.first && cp <= r.last; });
}

void GlyphDemand::feed(char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD; // no character: shown as U+FFFD
    bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0); // no glyph at all
    if (control || embedded_glyph(cp) || noted_.size() >= kMaxExtra || !noted_.insert(cp).second) return;
    fresh_.push_back(cp);
}

void GlyphDemand::feed(std::string_view utf8) {
    for (size_t i = 0; i < utf8.size();) {
        if ((unsigned char)utf8[i] < 0x80) { // the common case, a JSON body in English: nothing to look up
            ++i;
            continue;
        }
        feed(next_code_point(utf8, i));
    }
}

std::vector<char32_t> GlyphDemand::take() {
    std::vector<char32_t> out;
    out.swap(fresh_);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace amp
