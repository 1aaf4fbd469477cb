// The sandbox: a local stand-in for the Ampersand API and Pinterest's OAuth consent, on four origins
// (web, API, consent, and a host page that embeds the widget) so that the widget's calls are cross-origin
// exactly as in production. amp-sandbox runs one; tests start their own in-process on free ports.
#pragma once
#include "sandbox/catalog.h"
#include "sandbox/options.h"

#include <nlohmann/json.hpp>

#include <memory>

namespace amp::sandbox {

class Sandbox {
public:
    explicit Sandbox(Options options);
    ~Sandbox(); // stops
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    // Binds the four ports and serves until stop(). Throws std::runtime_error when a port is taken or
    // a folder to serve is missing.
    void start();
    void stop();

    const Urls& urls() const; // the four origins, known after start()
    nlohmann::ordered_json banner() const; // amp-sandbox's first stdout line, keys in the documented order
    std::string welcome() const;   // the human-readable lines after it

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace amp::sandbox
