// Text from outside (the page, the API, the clipboard) made safe to keep, serialise and show.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace amp {

// Well-formed UTF-8: each ill-formed sequence (stray or missing continuation bytes, overlong forms,
// surrogates, code points past U+10FFFF) becomes one U+FFFD per maximal subpart, as browsers'
// TextDecoder does. Everything that enters the module from the page passes through this, so no later
// step (JSON serialisation above all) meets invalid UTF-8.
std::string valid_utf8(std::string_view s);

// The code point at s[i], moving i past it; each ill-formed sequence reads as one U+FFFD, as in valid_utf8.
char32_t next_code_point(std::string_view s, size_t& i);

// Code points from keyboard characters as a browser hands them over: usually whole code points (Chromium's
// keypress charCode), but a character outside the BMP may come as its two UTF-16 surrogate halves, one event
// each. A high half waits for its low half; a lone half becomes U+FFFD, never a surrogate in the text.
class Utf16Joiner {
public:
    // Feeds one key character; writes the code points it completes (0, 1 or 2) to out, returns how many.
    int push(char32_t c, char32_t out[2]);

private:
    char32_t high_ = 0; // a high surrogate waiting for its low half, or 0
};

// Longest API text shown on screen; the full text stays in the diagnostics report.
inline constexpr size_t kShownBytes = 600;

// Text as it may be shown (canvas, mirror, live regions, events): well-formed, with bidi overrides,
// embeddings, isolates and marks removed (they could make text read backwards), other control characters
// but line breaks and tabs as U+FFFD (a NUL would otherwise end the canvas text but not the mirror's),
// and cut to about `cap` bytes at a character boundary, marked with an ellipsis.
std::string shown_text(std::string_view s, size_t cap = kShownBytes);

} // namespace amp
