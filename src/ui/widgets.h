// The only way screens create items: thin wrappers over Dear ImGui that also record each item in the
// accessible mirror and honour the actions the mirror sends back. Labels follow ImGui's rules:
// "Name##x" hashes the whole string (so one name can appear twice); "Name###x" hashes x alone, so the
// ID survives a change of name ("Save" to "Saving...") and the item keeps its focus and mirror element.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ui/icons.h"

namespace ui {

struct Field {
    const char* hint = nullptr;    // placeholder and accessible description
    const char* help = nullptr;    // one line under the label saying what the field is for
    const char* error = nullptr;   // shown under the field, in red, and announced
    bool secret = false;           // masked, and its value never leaves for the mirror
    bool reveal = false;           // a secret shown while typing
    bool readonly = false;
    float width = 0;               // 0: the full row
};

// Primary: the one action a view leads to (in the host's accent). Danger: the button that destroys,
// once asked; DangerOutline: the one that asks.
enum class Style { Secondary, Primary, Danger, DangerOutline };

// The text before the last "###" is drawn as it is ("##" inside it is not special), so API text can
// go into a label: "Open app with App ID " + client_id + "###open-" + id.
bool button(std::string_view label, bool enabled = true, Style style = Style::Secondary,
            std::optional<Icon> icon = std::nullopt);
bool link(const char* label, const char* url);     // true when activated: the caller opens the url
// A button that takes the admin elsewhere in the widget (an error summary's way to a field). id: "###x",
// its stable ImGui ID; said: its accessible name, which starts with the label and says more.
bool jump(std::string_view label, const char* id, std::string_view said);
// The field (input_text) or group (begin_group) with this label takes focus and comes into view the
// next time it is drawn.
void focus_field(std::string label);
// One choice in a list: a full-width row, the label with a muted note at its end, shown highlighted when
// `highlighted` (the keyboard's place in the list); an option of a listbox to the mirror (the caller
// opens it with begin_listbox), named label and note, selected when highlighted. id: a stable ImGui ID
// string. lead: width kept free before the label (for a mark the caller draws there).
// True when chosen (a click or tap, Enter, or a click on the mirror's option).
bool choice_row(const char* id, std::string_view label, std::string_view note, bool highlighted, float lead = 0);
// The mirror's listbox that holds the choice_rows drawn up to end_group(); returns its mirror id.
ImGuiID begin_listbox(const char* id, std::string_view label);
// A combobox in the mirror (ARIA 1.2) is a text field that owns a listbox. combobox_keys, right after the
// field's input_text: hands the keys pressed in its mirror element (DOM key names: "ArrowDown", ...) to
// `key`, in order, and returns the field's mirror id. as_combobox, once the list is drawn: makes that
// field the combobox of `list`, expanded while it shows options, pointing at the option `active` (0: none).
ImGuiID combobox_keys(const std::function<void(std::string_view)>& key);
void as_combobox(ImGuiID field, ImGuiID list, ImGuiID active, bool expanded);
// aside: a longer explanation drawn after the label, wrapped (and part of the accessible name).
bool checkbox(const char* label, bool* value, const char* description = nullptr, const char* aside = nullptr);
// True when Enter is pressed in the field (on the canvas or in its mirror element): the step it is
// in should go ahead, as a form's submit would.
bool input_text(const char* label, std::string* text, const Field& f = {});

// Buttons and links between begin_row and end_row flow left to right and wrap to the next line
// when the column is too narrow, as a row of buttons on a web page does.
// beside: the row starts beside the item just drawn (a line of text), not on a line of its own.
void begin_row(bool beside = false);
// The line of text about to be drawn leads a row of buttons: it sits on their centre line.
void align_to_buttons();
void end_row();

// A group of controls under a label (a fieldset's legend): the label drawn semibold, then `error`, if
// any, in red under it; to assistive tech, a group named by the label and described by the error. An
// invalid group is a field to fix: the first one drawn after reveal_first_invalid() comes into view and
// its first control takes focus.
void begin_group(const char* id, std::string_view label, const std::string& error);
void end_group();

// A card: a rounded surface sized to what it holds. Its edge is decoration (palette.h), or, with a
// tone, says what the card holds.
enum class Tone { Plain, Success, Danger };
void begin_card(const char* id, Tone tone = Tone::Plain);
void end_card();

// A stepper: numbered circles joined by a line, each step's name and state beneath; done steps show
// a check, the current one the accent. `said` is the whole of it in words, for the mirror.
void steps(const char* const* names, const std::string* states, const bool* done, int count, int current,
           const std::string& said);

// The next invalid field drawn is scrolled into view and takes keyboard focus (after a Save the form
// refused, say).
void reveal_first_invalid();

// The next button, checkbox, link or field drawn takes keyboard focus and comes into view (what
// replaced the control that had it).
void focus_next_control();

// Asks the page to scroll the last item (a whole card after end_card) into view, if it is not;
// reveal_from: everything drawn from `top` (a screen y from ImGui::GetCursorScreenPos) to here. The
// page owns the scroll (web/src/scroll.js): the column is drawn at the offset it reports.
void reveal();
void reveal_from(float top);
// A stretch of the content, in CSS pixels from its top.
struct Span {
    float top = 0, bottom = 0;
};
// What the frame asked to bring into view (the last request), once; the web layer passes it on.
std::optional<Span> take_reveal();
// Shown text goes through amp::shown_text (core/text.h): capped, no bidi controls, no NUL. Pass the
// std::string itself, not c_str(), so that an embedded NUL reaches it.
void heading(std::string_view text, int level = 2);
void text(std::string_view text, bool muted = false);
void detail(std::string_view text);                // muted, and said as the description of the control before it
void alert(std::string_view text, bool error);     // announced by the live region, after a check or warning mark
void strong(std::string_view text);                // semibold: a card's title
void notice(std::string_view text);                // announced too, in the plain text colour: neither good nor bad news
// Announced politely and not drawn: what a busy control's own label already shows ("Saving..."), which
// a screen reader would not say while its focus is elsewhere.
void status(std::string_view text);
// After the frame's items: drop ImGui's own copies of a secret field's text once it is not being
// edited (its edit buffers, the text at activation and the undo record).
void forget_secret_text();

} // namespace ui
