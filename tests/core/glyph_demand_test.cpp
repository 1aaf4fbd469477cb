#include <catch2/catch.hpp>

#include <algorithm>
#include <string_view>

#include "core/glyph_demand.h"

using namespace amp;
using Points = std::vector<char32_t>;

TEST_CASE("text the embedded font covers asks for no glyph", "[glyphs]") {
    GlyphDemand d;
    d.feed(std::string_view(R"({"displayName":"Café – “Pins” • naïve…","detail":"tab\there\r\n"})"));
    d.feed(std::string_view("\x7F\xC2\x85")); // DEL and a C1 control are no glyphs
    CHECK_FALSE(d.pending());
    CHECK(d.take().empty());
    CHECK(d.noted().empty());
}

TEST_CASE("each new character is asked for once, in ascending order", "[glyphs]") {
    GlyphDemand d;
    d.feed(std::string_view("Пинтерест 测试 🎉 Ελληνικά"));
    REQUIRE(d.pending());
    Points first = d.take();
    Points expected;
    for (char32_t c : std::u32string_view(U"Пинтерест 测试 🎉 Ελληνικά"))
        if (c != U' ') expected.push_back(c);
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    CHECK(first == expected);
    CHECK(first.back() == 0x1F389); // outside the BMP, whole
    CHECK_FALSE(d.pending());
    d.feed(std::string_view("тест 测"));    // nothing new
    CHECK(d.take().empty());
    d.feed(std::string_view("тест ж"));
    CHECK(d.take() == Points{U'ж'});
    CHECK(d.noted().size() == first.size() + 1);
}

TEST_CASE("typed characters count like text, and what is no character reads as U+FFFD", "[glyphs]") {
    GlyphDemand d;
    d.feed(U'a');
    d.feed(U'\n');
    CHECK_FALSE(d.pending());
    d.feed(U'é');           // Latin-1: covered
    d.feed(char32_t(0xD83C)); // a lone surrogate half
    d.feed(std::string_view("\xF0\x9F\x8E")); // an emoji cut short
    d.feed(char32_t(0x110000));
    CHECK(d.take() == Points{0xFFFD});
    d.feed(U'ё');
    d.feed(char32_t(0x301)); // a combining mark is a glyph of its own to ImGui
    CHECK(d.take() == Points{0x301, U'ё'});
}

TEST_CASE("demand stops growing at kMaxExtra distinct characters", "[glyphs]") {
    GlyphDemand d;
    for (char32_t c = 0x4E00; c < 0x4E00 + GlyphDemand::kMaxExtra + 50; ++c) d.feed(c);
    CHECK(d.take().size() == GlyphDemand::kMaxExtra);
    d.feed(U'ж');
    CHECK_FALSE(d.pending());
    CHECK(d.noted().size() == GlyphDemand::kMaxExtra);
}
