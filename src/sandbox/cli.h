// The amp-sandbox command line.
#pragma once
#include "sandbox/options.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace amp::sandbox {

struct CliError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// nullopt when --help was asked for; throws CliError on anything it cannot use.
std::optional<Options> parse_cli(const std::vector<std::string>& args);
std::string usage();

} // namespace amp::sandbox
