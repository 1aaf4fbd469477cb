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

// Longest API text shown on screen; the full text stays in the diagnostics report.
inline constexpr size_t kShownBytes = 600;

// Text as it may be shown (canvas, mirror, live regions, events): well-formed, with bidi overrides,
// embeddings, isolates and marks removed (they could make text read backwards), other control characters
// but line breaks and tabs as U+FFFD (a NUL would otherwise end the canvas text but not the mirror's),
// and cut to about `cap` bytes at a character boundary, marked with an ellipsis.
std::string shown_text(std::string_view s, size_t cap = kShownBytes);

} // namespace amp
