// What the Setup and Connect tests share: made-up answers, and the platform's side of a state machine
// (hand out the requests it made, parse the events it raised, and keep every event as sent so that a
// test can look for leaks). A test's Harness derives from MachineHarness<Harness> and gives machine().
#pragma once
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/error_code.h"
#include "core/json.h"
#include "answers.h"
#include "core/outbox.h"

namespace amp::test {

using Strings = std::vector<std::string>;

inline const char* kKey = "amp_key_123";

inline Response ok(const json& body) {
    return answer(200, "application/json", body.dump());
}
inline Response offline() {
    return {};
}

template <class Harness>
struct MachineHarness {
    Strings seen; // every event as sent, and whatever else the test adds, for the leak checks

    std::vector<Outgoing> sent() { return machine_of_test().take_requests(); }
    Outgoing one() {
        std::vector<Outgoing> out = sent();
        REQUIRE(out.size() == 1);
        return out.front();
    }
    void nothing_sent() { CHECK(sent().empty()); }

    // The events since the last look, parsed; their text also goes to `seen`.
    std::vector<json> events() {
        std::vector<json> out;
        for (std::string& e : machine_of_test().take_events()) {
            json j = parse_json(e);
            CHECK(j.is_object());
            out.push_back(j);
            seen.push_back(std::move(e));
        }
        return out;
    }
    json only_event() {
        std::vector<json> all = events();
        REQUIRE(all.size() == 1);
        return all.front();
    }

private:
    auto& machine_of_test() { return static_cast<Harness&>(*this).machine(); }
};

} // namespace amp::test

// Failures print the code's name, not its number.
namespace Catch {
template <>
struct StringMaker<amp::ErrorCode> {
    static std::string convert(amp::ErrorCode c) {
        std::string_view name = amp::error_code_name(c);
        return name.empty() ? "(none)" : std::string(name);
    }
};
} // namespace Catch
