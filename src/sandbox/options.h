// How the sandbox is started, and the amp-sandbox command line that says so (options.cpp). The defaults are
// the command line's defaults.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace amp::sandbox {

struct Mount {
    std::string prefix; // URL path prefix, e.g. "/examples"
    std::string dir;    // folder served under it
};

struct Options {
    std::string host = "127.0.0.1";
    int web_port = 8080; // 0 picks a free port
    int api_port = 8081;
    int consent_port = 8082;
    int host_port = 8083;      // a fourth origin standing for a page that embeds the widget
    std::string host_dir;      // what it serves (examples, test pages); empty: nothing
    bool host_not_allowed = false; // leave the host origin out of /config.json's allowedHostOrigins
    std::string dist = "dist"; // empty: the web origin serves only /config.json and the mounts
    std::vector<Mount> mounts;
    std::vector<std::string> allowed_host_origins; // besides the web origin itself
    std::string api_key = "sandbox-key";
    std::string project = "demo";
    bool deterministic = false;
    bool quiet = false;
};

// The command line:
struct CliError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// nullopt when --help was asked for; throws CliError on anything it cannot use.
std::optional<Options> parse_cli(const std::vector<std::string>& args);
std::string usage();

} // namespace amp::sandbox
