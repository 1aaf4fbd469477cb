// Reading provider-app fields from a request body, for create (every field) and for PATCH (the fields
// its updateMask names). Every problem is collected as an Issue so one answer can list them all.
#pragma once
#include "sandbox/problem.h"
#include "sandbox/store.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace amp::sandbox {

const std::vector<std::string>& app_field_names(); // also the allowed update masks

// Sets one field of app from source[field]; an absent optional field is cleared. issue names get prefix.
void read_app_field(const std::string& field, const nlohmann::json& source, const std::string& prefix, ProviderApp& app,
                    std::vector<Issue>& issues);

} // namespace amp::sandbox
