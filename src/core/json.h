// nlohmann_json without exceptions: the web build compiles with -fno-exceptions, so every read here is
// type-checked and falls back to a default instead of throwing.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace amp {

using json = nlohmann::json;

json parse_json(std::string_view text); // discarded value (is_discarded()) when malformed
// Never throws (nor aborts where exceptions are off): invalid UTF-8, which the seam already replaces
// (core/text.h), would become U+FFFD here too.
std::string dump(const json& j);
const json& member(const json& j, const char* key); // null json when absent or j is not an object
std::string str(const json& j, const char* key, std::string_view fallback = {});
bool flag(const json& j, const char* key, bool fallback = false);
long long integer(const json& j, const char* key, long long fallback = 0);
const std::vector<json>& items(const json& j, const char* key); // empty when not an array
std::vector<std::string> strings(const json& j, const char* key); // the string elements of an array

} // namespace amp
