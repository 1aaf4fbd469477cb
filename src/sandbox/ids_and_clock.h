// Where every id and every timestamp comes from. --deterministic drives both: ids count instead of drawing
// random bytes, and the clock starts at 2026-01-01T00:00:00Z and moves one second per stored change, so that
// tests and screenshots see the same ids and times on every run, still strictly ordered.
#pragma once
#include <cstdint>
#include <mutex>
#include <string>

namespace amp::sandbox {

class Ids {
public:
    explicit Ids(bool deterministic);
    std::string uuid();       // a version-4 UUID: 00000000-0000-4000-8000-000000000001, ...002, ... when deterministic
    std::string opaque();     // 32 hex digits, for OAuth states and codes
    std::string request_id(); // "<uuid>#<n>", as the real API reports requestId
    void reset();             // deterministic counters start again, as after a fresh start

private:
    bool deterministic_;
    std::string request_prefix_;
    std::mutex m_;
    uint64_t uuids_ = 0, opaques_ = 0, requests_ = 0;
};

// Time as the API reports it.
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
