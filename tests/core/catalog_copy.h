// Reading files of the source tree from tests: Ampersand's catalog copy (assets/catalog/catalog.json)
// and the guide files beside it.
#pragma once
#include "core/json.h"
#include "core/models.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <vector>
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

// The locales the loader offers, from its LOCALES list (web/src/locale.js).
inline std::vector<std::string> loader_locales() {
    std::string js = read_source_file("web/src/locale.js");
    std::smatch list;
    if (!std::regex_search(js, list, std::regex(R"(LOCALES = \[([^\]]*)\])"))) return {};
    std::vector<std::string> out;
    std::string items = list[1];
    static const std::regex quoted("'([^']+)'");
    for (std::sregex_iterator it(items.begin(), items.end(), quoted), end; it != end; ++it) out.push_back((*it)[1]);
    return out;
}

inline bool is_https_url(const std::string& s) {
    return s.rfind("https://", 0) == 0 && s.size() > 8 &&
           std::none_of(s.begin(), s.end(), [](unsigned char c) { return c <= ' '; });
}

} // namespace amp::test
