// The theme's colours as plain numbers (0xRRGGBB), light and dark, and the pairs of them that must stay
// readable. No ImGui here: theme.cpp turns these into ImGui's style, and tests/core/contrast_test.cpp
// checks every listed pair against WCAG 2.2 (1.4.3 text 4.5:1, 1.4.11 control boundaries 3:1).
#pragma once
#include <cmath>

namespace ui {

struct Palette {
    unsigned page;          // behind everything
    unsigned card;          // the step cards and panels
    unsigned card_border;   // decoration only: a card's edge is no control's boundary
    unsigned field;         // text fields and checkbox squares
    unsigned field_border;  // what shows where a field or checkbox is (and a secondary button)
    unsigned text;          // body text, and the check mark
    unsigned muted;         // secondary text and placeholders
    unsigned link;          // links, and the keyboard focus ring
    unsigned error;         // error text and invalid field borders
    unsigned success;       // "done" marks and good news
    unsigned button;        // secondary buttons
    unsigned button_hover;
    unsigned button_active;
    unsigned danger;        // a destructive button's fill
    unsigned on_danger;     // its text
    unsigned on_accent;     // text on the host's accent (primary buttons)
};

inline constexpr Palette kLight{
    .page = 0xFFFFFF, .card = 0xF6F8FA, .card_border = 0xD8DEE4, .field = 0xFFFFFF, .field_border = 0x6E7781,
    .text = 0x1F2328, .muted = 0x59636E, .link = 0x0B57D0, .error = 0xB3261E, .success = 0x1A7F37,
    .button = 0xFFFFFF, .button_hover = 0xEEF1F4, .button_active = 0xE1E5EA, .danger = 0xB3261E,
    .on_danger = 0xFFFFFF, .on_accent = 0xFFFFFF,
};

inline constexpr Palette kDark{
    .page = 0x1E1F22, .card = 0x2B2D31, .card_border = 0x3C3F45, .field = 0x1E1F22, .field_border = 0x858A93,
    .text = 0xECEDEE, .muted = 0x9DA5B0, .link = 0x79B8FF, .error = 0xFF7B72, .success = 0x56D364,
    .button = 0x35373C, .button_hover = 0x404248, .button_active = 0x4A4D55, .danger = 0xC93434,
    .on_danger = 0xFFFFFF, .on_accent = 0xFFFFFF,
};

// Forced colours (Windows High Contrast and the like): the user's system colours, as the browser
// resolves the CSS system colour keywords. Their contrast is the user's choice, so none is checked here.
struct SystemColours {
    unsigned canvas, canvas_text, link_text, highlight, highlight_text, button_face;
};

// Under forced colours every surface is the canvas and every edge and text its ink: a card's edge
// shows where a page has no other cue, and the accent (primary and destructive buttons alike) is the
// system's highlight, so nothing relies on a hue the user turned off.
constexpr Palette forced_palette(const SystemColours& s) {
    return Palette{
        .page = s.canvas, .card = s.canvas, .card_border = s.canvas_text, .field = s.canvas,
        .field_border = s.canvas_text, .text = s.canvas_text, .muted = s.canvas_text, .link = s.link_text,
        .error = s.canvas_text, .success = s.canvas_text, .button = s.button_face, .button_hover = s.button_face,
        .button_active = s.button_face, .danger = s.highlight, .on_danger = s.highlight_text,
        .on_accent = s.highlight_text,
    };
}

// Pinterest's red: the first provider's mark, and what a host that names no accent gets.
inline constexpr unsigned kDefaultAccent = 0xE60023;

// A foreground drawn on a background, and the ratio WCAG asks of the pair.
struct ColourPair {
    unsigned Palette::*fg;
    unsigned Palette::*bg;
    double min;
    const char* what;
};

inline constexpr double kText = 4.5, kNonText = 3.0;

inline constexpr ColourPair kReadablePairs[] = {
    {&Palette::text, &Palette::page, kText, "text on the page"},
    {&Palette::text, &Palette::card, kText, "text on a card"},
    {&Palette::text, &Palette::field, kText, "typed text"},
    {&Palette::text, &Palette::button, kText, "a secondary button's label"},
    {&Palette::text, &Palette::button_hover, kText, "a hovered button's label"},
    {&Palette::text, &Palette::button_active, kText, "a pressed button's label"},
    {&Palette::muted, &Palette::page, kText, "secondary text on the page"},
    {&Palette::muted, &Palette::card, kText, "secondary text on a card"},
    {&Palette::muted, &Palette::field, kText, "a placeholder"},
    {&Palette::link, &Palette::page, kText, "a link on the page"},
    {&Palette::link, &Palette::card, kText, "a link on a card"},
    {&Palette::error, &Palette::page, kText, "an error on the page"},
    {&Palette::error, &Palette::card, kText, "an error on a card"},
    {&Palette::success, &Palette::page, kText, "good news on the page"},
    {&Palette::success, &Palette::card, kText, "good news on a card"},
    {&Palette::on_danger, &Palette::danger, kText, "a destructive button's label"},
    {&Palette::field_border, &Palette::field, kNonText, "a field's border against its inside"},
    {&Palette::field_border, &Palette::card, kNonText, "a field's or checkbox's border on a card"},
    {&Palette::field_border, &Palette::page, kNonText, "a field's border on the page"},
    {&Palette::text, &Palette::field, kNonText, "a check mark"},
    {&Palette::link, &Palette::card, kNonText, "the focus ring on a card"},
    {&Palette::error, &Palette::field, kNonText, "an invalid field's border"},
    {&Palette::success, &Palette::card, kNonText, "a done step's mark"},
};

// WCAG 2.2's relative luminance of an sRGB colour, and the contrast ratio of two colours (1 to 21).
inline double relative_luminance(unsigned rgb) {
    auto channel = [](unsigned c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((rgb >> 16) & 255) + 0.7152 * channel((rgb >> 8) & 255) + 0.0722 * channel(rgb & 255);
}

inline double contrast_ratio(unsigned a, unsigned b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

} // namespace ui
