#include "core/secret.h"

#include <cctype>

namespace amp {

Secret& Secret::operator=(Secret&& o) noexcept {
    if (this != &o) {
        wipe();
        value_ = std::move(o.value_);
        o.wipe();
    }
    return *this;
}

void Secret::assign(std::string_view s) {
    wipe();
    value_.assign(s);
}

void Secret::wipe() {
    // Volatile writes over the whole capacity: the compiler may not drop them as dead stores, and
    // bytes left over from a longer earlier value are covered too.
    volatile char* p = value_.data();
    for (size_t i = 0; i < value_.capacity(); ++i) p[i] = 0;
    value_.clear();
}

void Secret::trim() {
    size_t b = 0, e = value_.size();
    while (b < e && std::isspace((unsigned char)value_[b])) ++b;
    while (e > b && std::isspace((unsigned char)value_[e - 1])) --e;
    value_.erase(e); // in place: no copy of the secret is made, and wipe() still covers the capacity
    value_.erase(0, b);
}

bool Secret::blank() const {
    for (char c : value_)
        if (!std::isspace((unsigned char)c)) return false;
    return true;
}

} // namespace amp
