#include "sandbox/switches.h"

#include <algorithm>
#include <chrono>

namespace amp::sandbox {

namespace {

bool same_kind(const nlohmann::json& a, const nlohmann::json& b) {
    return a.type() == b.type() || (a.is_number_integer() && b.is_number_integer());
}

void type_issues(const nlohmann::json& current, const nlohmann::json& patch, const std::string& prefix,
                 std::vector<Issue>& issues) {
    for (const auto& [key, value] : patch.items()) {
        std::string name = prefix + key;
        if (!current.contains(key)) issues.push_back({name, "There is no such switch."});
        else if (value.is_null()) continue; // RFC 7386: null puts the switch back to its default
        else if (current[key].is_object() && value.is_object()) type_issues(current[key], value, name + ".", issues);
        else if (!same_kind(current[key], value))
            issues.push_back({name, std::string("Expected ") + current[key].type_name() + ".", value});
        else if (current[key].is_array() && std::any_of(value.begin(), value.end(), [](const auto& v) { return !v.is_string(); }))
            issues.push_back({name, "Expected an array of strings.", value});
    }
}

void range_issues(const Switches& s, std::vector<Issue>& issues) {
    if (s.failNext.status < 400 || s.failNext.status > 599)
        issues.push_back({"failNext.status", "Expected an HTTP error status, 400 to 599.", s.failNext.status});
    if (s.scopeSeparator != "," && s.scopeSeparator != " ")
        issues.push_back({"scopeSeparator", "Expected \",\" or \" \".", s.scopeSeparator});
    if (s.authFailureStatus != 401 && s.authFailureStatus != 403)
        issues.push_back({"authFailureStatus", "Expected 401 or 403.", s.authFailureStatus});
    for (auto [name, n] : {std::pair{"failNext.count", s.failNext.count}, {"malformedNext", s.malformedNext},
                           {"emptyNext", s.emptyNext}, {"answerLostNext", s.answerLostNext},
                           {"answerUnreadableNext", s.answerUnreadableNext}, {"answerNeverNext", s.answerNeverNext}})
        if (n < 0) issues.push_back({name, "Expected zero or more.", n});
    if (s.failNext.retryAfter < 0 || s.failNext.retryAfter > 60)
        issues.push_back({"failNext.retryAfter", "Expected 0 to 60 seconds.", s.failNext.retryAfter});
    // A minute at most, so that a mistyped delay cannot hang a test run.
    for (auto [name, ms] : {std::pair{"delayMs", s.delayMs}, {"callbackDelayMs", s.callbackDelayMs}, {"callbackCloseDelayMs", s.callbackCloseDelayMs}})
        if (ms < 0 || ms > 60000) issues.push_back({name, "Expected 0 to 60000 milliseconds.", ms});
}

} // namespace

Switches SwitchBoard::get() {
    std::lock_guard lock(m_);
    return s_;
}

std::vector<Issue> SwitchBoard::merge(const nlohmann::json& patch) {
    std::lock_guard lock(m_);
    nlohmann::json current = s_;
    std::vector<Issue> issues;
    if (!patch.is_object()) return {{"", "Expected a JSON object of switches."}};
    type_issues(current, patch, "", issues);
    if (!issues.empty()) return issues;
    current.merge_patch(patch);
    Switches next = current.get<Switches>();
    range_issues(next, issues);
    if (issues.empty()) s_ = next;
    return issues;
}

std::optional<Fault> SwitchBoard::take_fault() {
    std::lock_guard lock(m_);
    if (s_.failNext.count > 0) {
        --s_.failNext.count;
        return Fault{Fault::fail, s_.failNext};
    }
    if (s_.malformedNext > 0) {
        --s_.malformedNext;
        return Fault{Fault::malformed, {}};
    }
    if (s_.emptyNext > 0) {
        --s_.emptyNext;
        return Fault{Fault::empty, {}};
    }
    return std::nullopt;
}

std::optional<Spoil> SwitchBoard::take_spoil() {
    std::lock_guard lock(m_);
    for (auto [count, spoil] : {std::pair{&s_.answerLostNext, Spoil::lost}, {&s_.answerUnreadableNext, Spoil::unreadable},
                                {&s_.answerNeverNext, Spoil::never}})
        if (*count > 0) {
            --*count;
            return spoil;
        }
    return std::nullopt;
}

void SwitchBoard::reset() {
    std::lock_guard lock(m_);
    s_ = Switches{};
    ++generation_;
    released_.notify_all();
}

void SwitchBoard::hold() {
    std::unique_lock lock(m_);
    unsigned at = generation_;
    released_.wait_for(lock, std::chrono::minutes(1), [&] { return generation_ != at; });
}

void SwitchBoard::release() {
    std::lock_guard lock(m_);
    ++generation_;
    released_.notify_all();
}

} // namespace amp::sandbox
