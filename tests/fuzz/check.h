// What every fuzz target insists on besides "no crash, no sanitizer report": whatever the core hands to
// the platform (events for the host, request bodies) is well-formed JSON in well-formed UTF-8.
#pragma once
#include <cstdlib>
#include <string>

#include "core/json.h"
#include "core/text.h"

namespace fuzz {

inline void require(bool ok) {
    if (!ok) std::abort(); // libFuzzer reports the input that got here
}

inline void well_formed_json(const std::string& s) {
    require(amp::valid_utf8(s) == s);
    require(!amp::parse_json(s).is_discarded());
}

} // namespace fuzz
