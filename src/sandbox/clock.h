// Time as the API reports it. Deterministic mode starts at 2026-01-01T00:00:00Z and moves one second per
// stored change, so createTime and updateTime are predictable and still strictly ordered.
#pragma once
#include <cstdint>
#include <mutex>
#include <string>

namespace amp::sandbox {

class Clock {
public:
    explicit Clock(bool deterministic);
    int64_t now();  // seconds since the Unix epoch
    int64_t tick(); // once per stored change: the change's time; the deterministic clock then moves on
    void reset();
    static std::string format(int64_t t); // RFC 3339, UTC

private:
    bool deterministic_;
    std::mutex m_;
    int64_t virtual_now_;
};

} // namespace amp::sandbox
