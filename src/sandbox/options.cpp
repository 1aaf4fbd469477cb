// The amp-sandbox command line: parse_cli and usage (options.h).
#include "sandbox/options.h"

#include <algorithm>
#include <functional>
#include <map>

namespace amp::sandbox {

namespace {

int port(const std::string& flag, const std::string& v) {
    bool digits = !v.empty() && v.size() <= 5 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stoi(v) > 65535) throw CliError(flag + ": not a port number: " + v);
    return std::stoi(v);
}

Mount mount(const std::string& v) {
    size_t eq = v.find('=');
    if (eq == std::string::npos || eq == 0 || v[0] != '/' || eq + 1 == v.size())
        throw CliError("--serve: expected PREFIX=DIR with PREFIX starting with '/': " + v);
    return {v.substr(0, eq), v.substr(eq + 1)};
}

// Project names in Ampersand are lower-case letters, digits and hyphens.
std::string project(const std::string& v) {
    bool ok = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!ok) throw CliError("--project: use lower-case letters, digits and hyphens: " + v);
    return v;
}

using Setter = std::function<void(Options&, const std::string&)>;

const std::map<std::string, Setter>& valued_flags() {
    static const std::map<std::string, Setter> flags = {
        {"--host", [](Options& o, const std::string& v) { o.host = v; }},
        {"--web-port", [](Options& o, const std::string& v) { o.web_port = port("--web-port", v); }},
        {"--api-port", [](Options& o, const std::string& v) { o.api_port = port("--api-port", v); }},
        {"--consent-port", [](Options& o, const std::string& v) { o.consent_port = port("--consent-port", v); }},
        {"--host-port", [](Options& o, const std::string& v) { o.host_port = port("--host-port", v); }},
        {"--host-dir", [](Options& o, const std::string& v) { o.host_dir = v; }},
        {"--dist", [](Options& o, const std::string& v) { o.dist = v; }},
        {"--serve", [](Options& o, const std::string& v) { o.mounts.push_back(mount(v)); }},
        {"--allow-host-origin", [](Options& o, const std::string& v) { o.allowed_host_origins.push_back(v); }},
        {"--api-key", [](Options& o, const std::string& v) { o.api_key = v; }},
        {"--project", [](Options& o, const std::string& v) { o.project = project(v); }},
    };
    return flags;
}

} // namespace

std::optional<Options> parse_cli(const std::vector<std::string>& args) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string flag = args[i], value;
        bool inline_value = false;
        if (size_t eq = flag.find('='); flag.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = flag.substr(eq + 1);
            flag = flag.substr(0, eq);
            inline_value = true;
        }
        if (flag == "--help" || flag == "-h") return std::nullopt;
        static const std::map<std::string, bool Options::*> switches = {
            {"--deterministic", &Options::deterministic}, {"--quiet", &Options::quiet},
            {"--host-not-allowed", &Options::host_not_allowed}};
        if (auto sw = switches.find(flag); sw != switches.end()) {
            if (inline_value) throw CliError(flag + " takes no value");
            o.*(sw->second) = true;
            continue;
        }
        auto it = valued_flags().find(flag);
        if (it == valued_flags().end()) throw CliError("unknown option: " + flag);
        if (!inline_value) {
            if (i + 1 == args.size()) throw CliError(flag + " needs a value");
            value = args[++i];
        }
        it->second(o, value);
    }
    return o;
}

std::string usage() {
    return "usage: amp-sandbox [options]\n"
           "  A local stand-in for the Ampersand API and Pinterest's OAuth consent, on four origins.\n"
           "  --host ADDR               listen address (default 127.0.0.1)\n"
           "  --web-port N              widget origin (default 8080; 0 picks a free port)\n"
           "  --api-port N              Ampersand API origin (default 8081)\n"
           "  --consent-port N          Pinterest stand-in origin (default 8082)\n"
           "  --host-port N             an embedding host page's origin (default 8083)\n"
           "  --host-dir DIR            files served on the host origin (examples, test pages)\n"
           "  --dist DIR                files served on the web origin (default dist)\n"
           "  --serve PREFIX=DIR        also serve DIR under PREFIX on the web origin (repeatable)\n"
           "  --allow-host-origin URL   add to allowedHostOrigins in /config.json (repeatable)\n"
           "  --api-key KEY             the accepted X-Api-Key (default sandbox-key)\n"
           "  --project NAME            the project's name (default demo)\n"
           "  --deterministic           sequential ids, a clock starting at 2026-01-01T00:00:00Z, fixed Pinterest app\n"
           "  --quiet                   no per-request log lines\n"
           "  --host-not-allowed        leave the host origin out of allowedHostOrigins (to test refusals)\n";
}

} // namespace amp::sandbox
