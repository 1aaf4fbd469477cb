#include <catch2/catch.hpp>

#include "core/events.h"
#include "core/json.h"
#include "core/text.h"

using namespace amp;

namespace {
const std::string R = "\xEF\xBF\xBD"; // U+FFFD
}

TEST_CASE("valid_utf8 keeps well-formed text byte for byte", "[text]") {
    for (std::string s : {std::string(""), std::string("plain ascii"), std::string("caf\xC3\xA9"),
                          std::string("\xE2\x82\xAC 20"), std::string("\xF0\x9F\x8E\x89"),
                          std::string("\xF4\x8F\xBF\xBF"), std::string("a\0b", 3)})
        CHECK(valid_utf8(s) == s);
}

TEST_CASE("valid_utf8 replaces each maximal ill-formed subpart with one U+FFFD, as TextDecoder does", "[text]") {
    CHECK(valid_utf8("a\x80z") == "a" + R + "z");                   // a stray continuation byte
    CHECK(valid_utf8("\xC3") == R);                                   // cut short at the end
    CHECK(valid_utf8("\xE2\x82z") == R + "z");                        // cut short in the middle: one replacement
    CHECK(valid_utf8("\xC0\x80") == R + R);                           // overlong NUL
    CHECK(valid_utf8("\xE0\x80\x80") == R + R + R);                   // overlong three-byte form
    CHECK(valid_utf8("\xED\xA0\x80") == R + R + R);                   // a UTF-16 surrogate
    CHECK(valid_utf8("\xF4\x90\x80\x80") == R + R + R + R);           // past U+10FFFF
    CHECK(valid_utf8("\xFF\xFE") == R + R);
    CHECK(valid_utf8("\xF0\x9F\x8E") == R);                           // an emoji missing its last byte
}

TEST_CASE("JSON built from sanitised text never throws, and a raw invalid string is replaced too", "[text]") {
    std::string bad = "boards:\xFF\xC3(";
    // The seam cleans text first; dump() is the second line for anything that got past it.
    CHECK(parse_json(dump(json{{"s", valid_utf8(bad)}}))["s"] == "boards:" + R + R + "(");
    CHECK_NOTHROW(dump(json{{"s", bad}}));
    std::string event;
    REQUIRE_NOTHROW(event = invalid_input_event({{"scopes", "Unknown scope " + bad}}, "saveProviderApp"));
    CHECK(parse_json(event)["fields"]["scopes"] == "Unknown scope boards:" + R + R + "(");
}

TEST_CASE("shown_text removes bidi controls and marks other control characters", "[text]") {
    // U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE, U+200F RLM
    CHECK(shown_text("abc\xE2\x80\xAE" "fdp.exe") == "abcfdp.exe");
    CHECK(shown_text("\xE2\x81\xA6x\xE2\x81\xA9\xE2\x80\x8F") == "x");
    CHECK(shown_text(std::string("before\0after", 12)) == "before" + R + "after"); // both canvas and mirror see it all
    CHECK(shown_text("a\x1b[31mb") == "a" + R + "[31mb");
    CHECK(shown_text("line\nnext\ttab") == "line\nnext\ttab");
    CHECK(shown_text("\xC2\x85") == R);                               // a C1 control
    CHECK(shown_text("caf\xC3\xA9 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") == "caf\xC3\xA9 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"); // RTL letters stay
    CHECK(shown_text("x\xFFy") == "x" + R + "y");
}

TEST_CASE("shown_text caps long text at a character boundary and says so", "[text]") {
    std::string big(1 << 20, 'a');
    std::string s = shown_text(big);
    CHECK(s.size() == kShownBytes + 3);
    CHECK(s.substr(kShownBytes) == "\xE2\x80\xA6");
    // A two-byte character cut by the cap is dropped, not shown broken.
    std::string accents;
    while (accents.size() < kShownBytes + 10) accents += "\xC3\xA9";
    std::string t = shown_text("x" + accents);
    CHECK(valid_utf8(t) == t);
    CHECK(t.find(R) == std::string::npos);
    CHECK(t.size() <= kShownBytes + 3);
    CHECK(shown_text("short", 5) == "short");
    CHECK(shown_text("longer", 5) == "longe\xE2\x80\xA6");
}

TEST_CASE("events echo API text cleaned and capped", "[text]") {
    ApiError e;
    e.code = ErrorCode::InvalidInput;
    e.status = 400;
    e.detail = "Bad \xE2\x80\xAE" "eulav" + std::string(100000, 'x');
    json j = parse_json(error_event(e, "saveProviderApp"));
    std::string message = j["message"];
    CHECK(message.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(message.size() < 5000);
}

namespace {
// Every code point a run of key characters yields through one joiner.
std::u32string joined(std::u32string units) {
    Utf16Joiner j;
    std::u32string out;
    char32_t got[2];
    for (char32_t u : units) out.append(got, got + j.push(u, got));
    return out;
}
} // namespace

TEST_CASE("Utf16Joiner passes whole code points, any plane, through unchanged", "[text]") {
    // Cyrillic, CJK, a combining acute accent, an emoji and a plane-2 ideograph, as Chromium sends them
    std::u32string text = U"\u041F\u6D4B e\u0301 \U0001F389\U00020000";
    CHECK(joined(text) == text);
}

TEST_CASE("Utf16Joiner joins a surrogate pair sent as two characters", "[text]") {
    CHECK(joined({0xD83C, 0xDF89}) == U"\U0001F389");
    CHECK(joined({'a', 0xD83C, 0xDF89, 'b'}) == U"a\U0001F389b");
    CHECK(joined({0xDBFF, 0xDFFF}) == U"\U0010FFFF");
}

TEST_CASE("Utf16Joiner turns lone surrogate halves into U+FFFD and loses nothing around them", "[text]") {
    CHECK(joined({0xDF89}) == U"\uFFFD");              // a low half alone
    CHECK(joined({0xD83C, 'x'}) == U"\uFFFDx");        // a high half followed by a plain character
    CHECK(joined({0xD83C, 0xD83C, 0xDF89}) == U"\uFFFD\U0001F389"); // the second high half starts a pair
    CHECK(joined({0xD83C, 0x1F389}) == U"\uFFFD\U0001F389");
    CHECK(joined({0x110000}) == U"\uFFFD");            // past Unicode
}
