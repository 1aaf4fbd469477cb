// Reading files of the source tree from tests: Ampersand's catalog copy (assets/catalog/catalog.json)
// and the guide files beside it.
#pragma once
#include "core/json.h"
#include "core/models.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace amp::test {

inline std::string read_source_file(const std::filesystem::path& relative) {
    std::ifstream in(std::filesystem::path(AMP_SOURCE_DIR) / relative, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Ampersand's ProviderInfo objects by provider name.
inline const json& catalog() {
    static const json all = member(parse_json(read_source_file("assets/catalog/catalog.json")), "catalog");
    return all;
}

// One catalog entry as the widget reads GET /providers/{name}.
inline ProviderInfo catalog_info(const std::string& name) {
    return parse_provider_info(dump(member(catalog(), name.c_str()))).value_or(ProviderInfo{});
}

inline bool is_https_url(const std::string& s) {
    return s.rfind("https://", 0) == 0 && s.size() > 8 &&
           std::none_of(s.begin(), s.end(), [](unsigned char c) { return c <= ' '; });
}

} // namespace amp::test
