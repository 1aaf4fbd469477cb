// Where every id and opaque token comes from. Deterministic mode counts instead of drawing random bytes,
// so that tests and screenshots see the same ids on every run.
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

} // namespace amp::sandbox
