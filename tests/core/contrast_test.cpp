#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "ui/palette.h"

using namespace ui;

TEST_CASE("contrast_ratio follows WCAG's formula", "[contrast]") {
    CHECK(contrast_ratio(0x000000, 0xFFFFFF) == Approx(21.0));
    CHECK(contrast_ratio(0xFFFFFF, 0xFFFFFF) == Approx(1.0));
    CHECK(contrast_ratio(0x777777, 0xFFFFFF) == Approx(4.48).epsilon(0.01)); // the classic just-too-light grey
    CHECK(contrast_ratio(0xC9CED6, 0xFFFFFF) == Approx(1.58).epsilon(0.01)); // the old field border
    CHECK(contrast_ratio(0x123456, 0xABCDEF) == Approx(contrast_ratio(0xABCDEF, 0x123456)));
}

TEST_CASE("every colour pair of both themes is readable", "[contrast]") {
    for (auto [palette, name] : {std::pair{kLight, "light"}, std::pair{kDark, "dark"}})
        for (const ColourPair& p : kReadablePairs) {
            INFO(name << ": " << p.what);
            CHECK(contrast_ratio(palette.*p.fg, palette.*p.bg) >= p.min);
        }
}

TEST_CASE("the default accent carries its white label", "[contrast]") {
    CHECK(contrast_ratio(kLight.on_accent, kDefaultAccent) >= kText);
    CHECK(contrast_ratio(kDark.on_accent, kDefaultAccent) >= kText);
}

TEST_CASE("under forced colours every colour drawn is one of the user's system colours", "[contrast]") {
    SystemColours night{.canvas = 0x000000, .canvas_text = 0xFFFFFF, .link_text = 0xFFFF00, .highlight = 0x1AEBFF,
                        .highlight_text = 0x000000, .button_face = 0x000000};
    Palette p = forced_palette(night);
    unsigned Palette::*all[] = {&Palette::page, &Palette::card, &Palette::card_border, &Palette::field,
        &Palette::field_border, &Palette::text, &Palette::muted, &Palette::link, &Palette::error, &Palette::success,
        &Palette::button, &Palette::button_hover, &Palette::button_active, &Palette::danger, &Palette::on_danger,
        &Palette::on_accent};
    static_assert(sizeof(Palette) == sizeof(all) / sizeof(all[0]) * sizeof(unsigned), "a new colour: list it here");
    std::set<unsigned> system{night.canvas, night.canvas_text, night.link_text, night.highlight, night.highlight_text,
                              night.button_face};
    for (auto member : all) CHECK(system.count(p.*member) == 1);
    // A readable system scheme stays readable: every pair the themes keep readable is.
    for (const ColourPair& pair : kReadablePairs) {
        INFO(pair.what);
        CHECK(contrast_ratio(p.*pair.fg, p.*pair.bg) >= pair.min);
    }
}
