// The shape both state machines (core/connect.h, core/setup.h) list their transitions in, as h11 lists
// its EVENT_TRIGGERED_TRANSITIONS: one table of "in this state, this event leads there". A machine
// changes state only by looking its event up here, so the table is the whole story of where it can go,
// and the README's state diagrams are rendered from it (tests/core/docs_test.cpp).
#pragma once
#include <optional>
#include <span>

namespace amp {

template <class State, class Event>
struct Transition {
    std::optional<State> from; // nullopt: from any state
    Event on;
    State to;
};

// Where `on` leads from `from`: the first row that matches (a row for this state before any "any state"
// row), or nothing when no row does (the event does not move this state).
template <class State, class Event>
std::optional<State> next_state(std::span<const Transition<State, Event>> table, State from, Event on) {
    for (const Transition<State, Event>& t : table)
        if (t.on == on && t.from == from) return t.to;
    for (const Transition<State, Event>& t : table)
        if (t.on == on && !t.from) return t.to;
    return std::nullopt;
}

} // namespace amp
