#include <catch2/catch.hpp>

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
