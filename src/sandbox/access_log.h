// One stdout line per request: origin, method, path and status. Never a header, a query or a body,
// because those carry keys, codes and secrets.
#pragma once
#include <httplib.h>

#include <string>

namespace amp::sandbox {

// A logger for httplib::Server::set_logger that prefixes lines with the origin's name.
httplib::Logger access_log(std::string origin_name, bool quiet);

} // namespace amp::sandbox
