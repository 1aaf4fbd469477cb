#include "core/json.h"

namespace amp {

// The DOM builder without a callback: json::parse(..., nullptr, false) would also compile nlohmann's
// callback parser, which nothing here uses (1.6 KB of wasm code). Same result: discarded when malformed.
json parse_json(std::string_view text) {
    json result;
    nlohmann::detail::json_sax_dom_parser<json> dom(result, false);
    if (!json::sax_parse(text.begin(), text.end(), &dom)) result = json(json::value_t::discarded);
    return result;
}

std::string dump(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

const json& member(const json& j, const char* key) {
    static const json none;
    if (!j.is_object()) return none;
    auto it = j.find(key);
    return it == j.end() ? none : *it;
}

std::string str(const json& j, const char* key, std::string_view fallback) {
    const json& v = member(j, key);
    return v.is_string() ? v.get<std::string>() : std::string(fallback);
}

bool flag(const json& j, const char* key, bool fallback) {
    const json& v = member(j, key);
    return v.is_boolean() ? v.get<bool>() : fallback;
}

long long integer(const json& j, const char* key, long long fallback) {
    const json& v = member(j, key);
    return v.is_number_integer() ? v.get<long long>() : fallback;
}

const std::vector<json>& items(const json& j, const char* key) {
    static const std::vector<json> none;
    const json& v = member(j, key);
    return v.is_array() ? v.get_ref<const json::array_t&>() : none;
}

std::vector<std::string> strings(const json& j, const char* key) {
    std::vector<std::string> out;
    for (const json& v : items(j, key))
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

} // namespace amp
