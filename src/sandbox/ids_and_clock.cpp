#include "sandbox/ids_and_clock.h"

#include "sandbox/crypto.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace amp::sandbox {

namespace {

constexpr int64_t start_of_2026 = 1767225600; // where the deterministic clock starts

std::string counted_uuid(uint64_t n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012llx", (unsigned long long)n);
    return buf;
}

std::string random_uuid() {
    std::string b = random_bytes(16);
    b[6] = (char)((b[6] & 0x0f) | 0x40); // version 4
    b[8] = (char)((b[8] & 0x3f) | 0x80); // RFC 4122 variant
    std::string h = hex(b);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

} // namespace

Ids::Ids(bool deterministic)
    : deterministic_(deterministic), request_prefix_(deterministic ? counted_uuid(0) : random_uuid()) {}

std::string Ids::uuid() {
    std::lock_guard lock(m_);
    return deterministic_ ? counted_uuid(++uuids_) : random_uuid();
}

std::string Ids::opaque() {
    std::lock_guard lock(m_);
    if (!deterministic_) return random_hex(16);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%032llx", (unsigned long long)++opaques_);
    return buf;
}

std::string Ids::request_id() {
    std::lock_guard lock(m_);
    return request_prefix_ + "#" + std::to_string(++requests_);
}

void Ids::reset() {
    std::lock_guard lock(m_);
    uuids_ = opaques_ = requests_ = 0;
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
