// The only way screens create items: thin wrappers over Dear ImGui that also record each item in the
// accessible mirror and honour the actions the mirror sends back. Labels follow ImGui's rules:
// "Name##x" hashes the whole string (so one name can appear twice); "Name###x" hashes x alone, so the
// ID survives a change of name ("Save" to "Saving...") and the item keeps its focus and mirror element.
#pragma once
#include <string>
#include <string_view>

namespace ui {

struct Field {
    const char* hint = nullptr;    // placeholder and accessible description
    const char* error = nullptr;   // shown under the field, in red, and announced
    bool secret = false;           // masked, and its value never leaves for the mirror
    bool reveal = false;           // a secret shown while typing
    bool readonly = false;
    float width = 0;               // 0: the full row
};

// The text before the last "###" is drawn as it is ("##" inside it is not special), so API text can
// go into a label: "Open app with App ID " + client_id + "###open-" + id.
bool button(std::string_view label, bool enabled = true, bool primary = false);
bool link(const char* label, const char* url);     // true when activated: the caller opens the url
bool checkbox(const char* label, bool* value, const char* description = nullptr);
bool input_text(const char* label, std::string* text, const Field& f = {});
// Shown text goes through amp::shown_text (core/text.h): capped, no bidi controls, no NUL. Pass the
// std::string itself, not c_str(), so that an embedded NUL reaches it.
void heading(std::string_view text, int level = 2);
void text(std::string_view text, bool muted = false);
void alert(std::string_view text, bool error);     // announced by the live region
void notice(std::string_view text);                // announced too, in the plain text colour: neither good nor bad news
// After the frame's items: drop ImGui's own copies of a secret field's text once it is not being
// edited (its edit buffers, the text at activation and the undo record).
void forget_secret_text();

} // namespace ui
