// A secret (App Secret, API key, token) that lives only in memory. It has no conversion to string and
// no JSON form, so it cannot reach a log, an event or a URL by accident; wipe() overwrites the bytes.
#pragma once
#include <string>
#include <string_view>

namespace amp {

class Secret {
public:
    Secret() = default;
    explicit Secret(std::string_view s) : value_(s) {}
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;
    Secret(Secret&& o) noexcept : value_(std::move(o.value_)) { o.wipe(); }
    Secret& operator=(Secret&& o) noexcept;
    ~Secret() { wipe(); }

    void assign(std::string_view s);
    void wipe();
    void trim(); // drops surrounding white space in place (pasted values often carry a newline)
    bool blank() const; // empty or white space only
    bool empty() const { return value_.empty(); }
    size_t size() const { return value_.size(); }
    // The only ways out: to put it in a request, or to edit it in a masked field.
    const std::string& reveal() const { return value_; }
    std::string& edit_buffer() { return value_; }

private:
    std::string value_;
};

} // namespace amp
