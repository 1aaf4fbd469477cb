// amp-sandbox: runs the sandbox until SIGINT or SIGTERM. The first stdout line is JSON (the origins and
// credentials) so that test harnesses can read it; people read the lines after it.
#include "sandbox/sandbox.h"

#include <csignal>
#include <iostream>
#include <pthread.h>

int main(int argc, char** argv) {
    using namespace amp::sandbox;
    std::optional<Options> options;
    try {
        options = parse_cli(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const CliError& e) {
        std::cerr << "amp-sandbox: " << e.what() << "\n" << usage();
        return 2;
    }
    if (!options) {
        std::cout << usage();
        return 0;
    }
    // Blocked before any thread starts, so every server thread inherits the mask and only sigwait sees them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    Sandbox sandbox(*options);
    try {
        sandbox.start();
    } catch (const std::exception& e) {
        std::cerr << "amp-sandbox: " << e.what() << "\n";
        return 1;
    }
    std::cout << sandbox.banner().dump() << std::endl << sandbox.welcome() << std::flush;
    int signal = 0;
    sigwait(&stop_signals, &signal);
    sandbox.stop();
    return 0;
}
