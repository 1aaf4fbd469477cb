#include "core/guide_overlay.h"

#include "core/json.h"

namespace amp {

namespace {

bool string_or_absent(const json& j, const char* key) {
    const json& v = member(j, key);
    return v.is_null() || v.is_string();
}

bool object_or_absent(const json& j, const char* key) {
    const json& v = member(j, key);
    return v.is_null() || v.is_object();
}

// The overlay's word where it has one, else the English; never a text the English guide has not (a
// link label for a step with no link would be drawn as a link to nowhere).
void over(std::string& english, const std::string& word) {
    if (!word.empty() && !english.empty()) english = word;
}

} // namespace

std::optional<GuideOverlay> parse_overlay(std::string_view text) {
    json j = parse_json(text);
    if (!j.is_object() || str(j, "provider").empty()) return std::nullopt;
    if (!string_or_absent(j, "clientIdHint") || !string_or_absent(j, "clientSecretHint") ||
        !object_or_absent(j, "steps") || !object_or_absent(j, "scopes"))
        return std::nullopt;
    for (const json& step : member(j, "steps"))
        if (!step.is_object() || !string_or_absent(step, "title") || !string_or_absent(step, "detail") ||
            !string_or_absent(step, "linkLabel"))
            return std::nullopt;
    for (const json& meaning : member(j, "scopes"))
        if (!meaning.is_string()) return std::nullopt;
    return GuideOverlay{str(j, "provider"), std::move(j)};
}

void apply_overlay(ProviderGuide& g, const GuideOverlay& o) {
    if (o.provider != g.provider) return;
    over(g.client_id_hint, str(o.words, "clientIdHint"));
    over(g.client_secret_hint, str(o.words, "clientSecretHint"));
    const json& steps = member(o.words, "steps");
    for (GuideStep& s : g.steps) {
        const json& t = member(steps, s.id.c_str());
        over(s.title, str(t, "title"));
        over(s.detail, str(t, "detail"));
        over(s.link_label, str(t, "linkLabel"));
    }
    const json& scopes = member(o.words, "scopes");
    for (ScopeInfo& s : g.scopes) over(s.meaning, str(scopes, s.name.c_str()));
}

} // namespace amp
