#include "sandbox/access_log.h"

#include <iostream>
#include <mutex>

namespace amp::sandbox {

httplib::Logger access_log(std::string origin_name, bool quiet) {
    return [origin_name, quiet](const httplib::Request& req, const httplib::Response& res) {
        if (quiet) return;
        static std::mutex m; // the three origins' threads share stdout
        std::lock_guard lock(m);
        std::cout << origin_name << " " << req.method << " " << req.path << " " << res.status << std::endl;
    };
}

} // namespace amp::sandbox
