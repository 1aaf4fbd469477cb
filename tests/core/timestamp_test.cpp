#include <catch2/catch.hpp>

#include "core/timestamp.h"

using namespace amp;

TEST_CASE("epoch_ms reads RFC 3339 date-times, fractions and offsets included") {
    CHECK(epoch_ms("1970-01-01T00:00:00Z") == 0);
    CHECK(epoch_ms("2026-01-01T00:00:00Z") == 1767225600000LL);
    CHECK(epoch_ms("2026-01-01T00:00:01.5Z") == 1767225601500LL);
    CHECK(epoch_ms("2026-01-01T00:00:01.123456789Z") == 1767225601123LL);
    CHECK(epoch_ms("2026-01-01T01:00:00+01:00") == 1767225600000LL);
    CHECK(epoch_ms("2025-12-31T23:00:00-01:00") == 1767225600000LL);
    CHECK(epoch_ms("2024-02-29T12:00:00z") == 1709208000000LL);
}

TEST_CASE("epoch_ms refuses what is not a full date-time") {
    for (const char* bad : {"", "2026-01-01", "2026-01-01T00:00:00", "2026-13-01T00:00:00Z", "2026-01-01T00:00:00.Z",
                            "2026-01-01T00:00:00Zjunk", "yesterday", "2026-01-01T24:00:00Z"})
        CHECK_FALSE(epoch_ms(bad));
}

TEST_CASE("not_before compares as times, not as text") {
    CHECK(not_before("2026-01-01T00:00:01.5Z", "2026-01-01T00:00:01Z")); // as text, '.' sorts before 'Z'
    CHECK_FALSE(not_before("2026-01-01T00:00:01Z", "2026-01-01T00:00:01.5Z"));
    CHECK(not_before("2026-01-01T00:00:01Z", "2026-01-01T00:00:01Z"));
    CHECK(not_before("", "2026-01-01T00:00:01Z")); // nothing to compare: no reason to refuse
    CHECK(not_before("2026-01-01T00:00:01Z", ""));
}
