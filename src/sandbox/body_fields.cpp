#include "sandbox/body_fields.h"

namespace amp::sandbox {

std::string BodyFields::text(const std::string& name, bool required) {
    auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        if (required) issues.push_back({name, name + " is required."});
    } else if (!it->is_string() || (required && it->get_ref<const std::string&>().empty()))
        issues.push_back({name, "Expected a non-empty string.", *it});
    else return *it;
    return "";
}

} // namespace amp::sandbox
