#include <catch2/catch.hpp>

#include "core/json.h"

using namespace amp;

namespace {

const json kDoc = parse_json(R"({"s": "text", "n": 42, "f": 1.5, "b": true, "null": null,
                                 "list": ["a", 1, "b", null], "obj": {"k": "v"}})");

} // namespace

TEST_CASE("parse_json marks malformed text as discarded instead of throwing") {
    CHECK(parse_json("{").is_discarded());
    CHECK(parse_json("").is_discarded());
    CHECK(parse_json("{} trailing").is_discarded());
    CHECK(parse_json("[1]").is_array());
    REQUIRE(kDoc.is_object());
}

TEST_CASE("member is null when absent or not an object") {
    CHECK(member(kDoc, "obj")["k"] == "v");
    CHECK(member(kDoc, "missing").is_null());
    CHECK(member(kDoc["list"], "s").is_null());
    CHECK(member(json("x"), "s").is_null());
}

TEST_CASE("str, flag and integer fall back on a missing or wrongly typed member") {
    CHECK(str(kDoc, "s") == "text");
    CHECK(str(kDoc, "n", "dflt") == "dflt");
    CHECK(str(kDoc, "missing").empty());
    CHECK(flag(kDoc, "b"));
    CHECK(flag(kDoc, "s", true));
    CHECK_FALSE(flag(kDoc, "missing"));
    CHECK(integer(kDoc, "n") == 42);
    CHECK(integer(kDoc, "f", -1) == -1);
    CHECK(integer(kDoc, "s", 7) == 7);
}

TEST_CASE("items and strings read arrays only") {
    CHECK(items(kDoc, "list").size() == 4);
    CHECK(items(kDoc, "obj").empty());
    CHECK(items(kDoc, "missing").empty());
    CHECK(strings(kDoc, "list") == std::vector<std::string>{"a", "b"});
    CHECK(strings(kDoc, "s").empty());
}
