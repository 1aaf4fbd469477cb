#include "core/http.h"

#include <cctype>

namespace amp {

const char* method_name(Method m) {
    switch (m) {
    case Method::Get: return "GET";
    case Method::Post: return "POST";
    case Method::Patch: return "PATCH";
    case Method::Delete: return "DELETE";
    }
    return "GET";
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower((unsigned char)a[i]) != std::tolower((unsigned char)b[i])) return false;
    return true;
}

std::string_view Request::header(std::string_view name) const {
    for (const Header& h : headers)
        if (iequals(h.name, name)) return h.value;
    return {};
}

} // namespace amp
