// Reads string fields of a JSON request body, collecting an Issue for each one missing or mistyped so a
// single answer can name them all.
#pragma once
#include "sandbox/problem.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace amp::sandbox {

struct BodyFields {
    const nlohmann::json& body;
    std::vector<Issue> issues;

    // The field's value; "" with an issue when required and absent, or when not a (non-empty) string.
    std::string text(const std::string& name, bool required);
};

} // namespace amp::sandbox
