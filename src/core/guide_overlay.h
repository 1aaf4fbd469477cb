// A curated guide's text in another language: an overlay (assets/providers/<locale>/<name>.json, served
// as providers/<locale>/<name>.json beside the widget) holds only the words an admin reads (the id and
// secret hints, each step's title, detail and link label by step id, each scope's meaning by scope name)
// and is laid over the English guide. Everything else stays the guide's: the provider's own terms (labels,
// console name, scope names) are what its console shows, and urls and ids are not words.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/catalog.h"
#include "core/json.h"

namespace amp {

// An overlay file's JSON, checked to have an overlay's shape: the words are read from it where they are
// laid over (a map of its own would only copy them, and cost the widget's download more code).
struct GuideOverlay {
    std::string provider;
    json words;
};

// Null when the text is not an overlay: not a JSON object, no provider, or a known key holding the
// wrong type (a file half understood is not laid over anything). Unknown keys are ignored.
std::optional<GuideOverlay> parse_overlay(std::string_view text);
// The overlay's words over the guide's, field by field; what it lacks or does not know (a step id or
// scope name the guide has not) leaves the English. Another provider's overlay changes nothing.
void apply_overlay(ProviderGuide& g, const GuideOverlay& o);

} // namespace amp
