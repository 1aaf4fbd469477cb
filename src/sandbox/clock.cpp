#include "sandbox/clock.h"

#include <chrono>
#include <ctime>

namespace amp::sandbox {

namespace {
constexpr int64_t start_of_2026 = 1767225600;
}

Clock::Clock(bool deterministic) : deterministic_(deterministic), virtual_now_(start_of_2026) {}

int64_t Clock::now() {
    if (!deterministic_)
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    std::lock_guard lock(m_);
    return virtual_now_;
}

int64_t Clock::tick() {
    if (!deterministic_) return now();
    std::lock_guard lock(m_);
    return virtual_now_++;
}

void Clock::reset() {
    std::lock_guard lock(m_);
    virtual_now_ = start_of_2026;
}

std::string Clock::format(int64_t t) {
    std::time_t tt = (std::time_t)t;
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace amp::sandbox
