#include <catch2/catch.hpp>

#include <type_traits>

#include "core/json.h"
#include "core/secret.h"

using namespace amp;

// The type itself is the guard: no copies, no way into a string or a JSON value.
static_assert(!std::is_copy_constructible_v<Secret>);
static_assert(!std::is_copy_assignable_v<Secret>);
static_assert(!std::is_convertible_v<Secret, std::string>);
static_assert(!std::is_convertible_v<const Secret&, std::string_view>);
static_assert(!std::is_constructible_v<json, const Secret&>);
static_assert(std::is_nothrow_move_constructible_v<Secret>);

namespace {

// True when every byte of the string's buffer, not only its visible part, is zero. Reads the whole
// capacity on purpose: that is what wipe() promises to cover.
bool buffer_zeroed(const char* p, size_t capacity) {
    for (size_t i = 0; i < capacity; ++i)
        if (p[i] != 0) return false;
    return true;
}

const char* kLong = "pinterest-app-secret-0123456789abcdef-long-enough-for-the-heap";

} // namespace

TEST_CASE("a new Secret is empty and blank") {
    Secret s;
    CHECK(s.empty());
    CHECK(s.blank());
    CHECK(s.size() == 0);
    CHECK(s.reveal().empty());
}

TEST_CASE("assign replaces the value") {
    Secret s(kLong);
    s.assign("short");
    CHECK(s.reveal() == "short");
    CHECK(s.size() == 5);
}

TEST_CASE("wipe clears the value and zeroes the buffer") {
    Secret s(kLong);
    const char* buffer = s.reveal().data();
    size_t capacity = s.reveal().capacity();
    s.wipe();
    CHECK(s.empty());
    CHECK(s.reveal().empty());
    REQUIRE(s.reveal().data() == buffer); // same allocation, so the check below reads the old bytes
    CHECK(buffer_zeroed(buffer, capacity));
}

TEST_CASE("assign zeroes the bytes a longer earlier value left behind") {
    Secret s(kLong);
    s.assign("abc");
    const std::string& v = s.reveal();
    CHECK(v == "abc");
    CHECK(buffer_zeroed(v.data() + v.size(), v.capacity() - v.size()));
}

TEST_CASE("moving leaves the source empty") {
    Secret a(kLong);
    Secret b(std::move(a));
    CHECK(b.reveal() == kLong);
    CHECK(a.empty()); // NOLINT(bugprone-use-after-move): the emptiness is the point

    Secret c("old value");
    c = std::move(b);
    CHECK(c.reveal() == kLong);
    CHECK(b.empty()); // NOLINT(bugprone-use-after-move)
}

TEST_CASE("moving a short value leaves the source empty too") {
    Secret a("sso");
    Secret b(std::move(a));
    CHECK(b.reveal() == "sso");
    CHECK(a.empty()); // NOLINT(bugprone-use-after-move)
}

TEST_CASE("move-assigning a Secret to itself keeps the value") {
    Secret s("keep me");
    Secret& same = s;
    s = std::move(same);
    CHECK(s.reveal() == "keep me");
}

TEST_CASE("trim drops surrounding white space in place") {
    Secret s(" \t abc def\r\n");
    s.trim();
    CHECK(s.reveal() == "abc def");
    Secret clean("abc");
    clean.trim();
    CHECK(clean.reveal() == "abc");
}

TEST_CASE("trim of white space only leaves it empty") {
    Secret s(" \n\t ");
    s.trim();
    CHECK(s.empty());
}

TEST_CASE("trim then wipe leaves no byte of the old value") {
    std::string padded = std::string("   ") + kLong + "\n\n";
    Secret s(padded);
    s.trim();
    CHECK(s.reveal() == kLong);
    const char* buffer = s.reveal().data();
    size_t capacity = s.reveal().capacity();
    s.wipe();
    CHECK(buffer_zeroed(buffer, capacity));
}

TEST_CASE("blank is true for white space only") {
    CHECK(Secret("").blank());
    CHECK(Secret(" \t\r\n").blank());
    CHECK_FALSE(Secret(" x ").blank());
    CHECK_FALSE(Secret(" x ").empty());
}

TEST_CASE("edit_buffer edits the value in place") {
    Secret s;
    s.edit_buffer() = "typed";
    s.edit_buffer() += "!";
    CHECK(s.reveal() == "typed!");
}
