// Everything the four origins share while the sandbox runs.
#pragma once
#include "sandbox/catalog.h"
#include "sandbox/crypto.h"
#include "sandbox/ids_and_clock.h"
#include "sandbox/options.h"
#include "sandbox/pinterest.h"
#include "sandbox/store.h"
#include "sandbox/switches.h"

#include <string>

namespace amp::sandbox {

struct Project {
    std::string id, name;
};

struct Context {
    explicit Context(Options o)
        : options(std::move(o)), project{fixed_project_id, options.project}, ids(options.deterministic),
          clock(options.deterministic), pinterest(options.deterministic) {}

    // Fixed, so a project id written in a test or a config file stays valid across runs.
    static constexpr const char* fixed_project_id = "5d1b7a40-6c2e-4f8a-9b3d-0e7f2a4c8d16";

    Options options;
    Urls urls; // set once the ports are bound, before any request
    Project project;
    Ids ids;
    Clock clock;
    Store store;
    SwitchBoard switches;
    RequestLog requests;
    Jwt tokens;
    Pinterest pinterest;

    std::string now() { return Clock::format(clock.now()); }
    std::string redirect_uri() const { return urls.api + callback_path; }
};

} // namespace amp::sandbox
