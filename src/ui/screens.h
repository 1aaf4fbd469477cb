// The setup screens, drawn from the core's state. Drafts (typed text, ticks) are edited in place;
// everything else comes back as intents.
#pragma once
#include <string>

#include "core/connect.h"
#include "core/setup.h"
#include "ui/intent.h"
#include "ui/picker.h"

namespace ui {

// View-only state: what the screens remember between frames that is not the product's business.
struct View {
    bool reveal_key = false, reveal_secret = false;
    std::string scope_filter;
    bool checklist_open = false; // the done checklist shown again ("Edit"), until hidden
    bool checklist_ticked = false; // the last tick just finished it: its summary takes focus
    std::string register_open;  // the saved app's version shown as a form again ("Edit app"), until saved
    bool register_was_folded = false; // last frame drew the register step folded
    PickerView picker;
    Marks marks;              // provider icons, decoded by the page on first use
    std::string copied;       // the text last copied, for a moment of feedback
    float content_height = 0; // device pixels the content needs (the page's spacer; an iframe host sizes to it)
    float scroll_y = 0;       // the page's scroll offset, CSS pixels: the column is drawn there
    std::string environment;  // the page's facts for diagnostics ("name: value" lines), from the host
    // A time (ms since the epoch) in the admin's locale and time zone: the page's Intl.DateTimeFormat,
    // which the screens cannot reach themselves. None: times show as the API wrote them.
    std::string (*format_time)(long long epoch_ms) = nullptr;
    // Outcomes on screen (an error, a notice, a question, a test's result) by slot: a new one is
    // scrolled into view on the frames it first shows.
    enum Slot { Banner, Invalid, Summary, Notice, Question, Test, Slots };
    struct Shown {
        std::string key;
        int frames = 0; // left to keep it in view while its card finds its height
    } shown[Slots];
    bool settling() const { // an outcome is still being brought into view: keep drawing frames
        for (const Shown& s : shown)
            if (s.frames > 0) return true;
        return false;
    }
};

Intents draw(amp::Setup& s, const amp::Connect& c, View& v);

} // namespace ui
