#include "sandbox/request_log.h"

#include <cctype>

namespace amp::sandbox {

void RequestLog::add(const httplib::Request& req) {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : req.headers) {
        std::string lower = name;
        for (char& c : lower) c = (char)std::tolower((unsigned char)c);
        headers[lower] = value;
    }
    size_t q = req.target.find('?');
    nlohmann::json entry{{"method", req.method},
                         {"path", req.path},
                         {"query", q == std::string::npos ? "" : req.target.substr(q + 1)},
                         {"headers", headers},
                         {"body", req.body}};
    std::lock_guard lock(m_);
    entries_.push_back(std::move(entry));
}

nlohmann::json RequestLog::all() {
    std::lock_guard lock(m_);
    return entries_;
}

void RequestLog::clear() {
    std::lock_guard lock(m_);
    entries_ = nlohmann::json::array();
}

} // namespace amp::sandbox
