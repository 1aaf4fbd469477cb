// Made-up HTTP answers for the core's tests: status, content type and body, nothing else set.
// (A function rather than braces: Response has more members, and the warnings ask for all of them.)
#pragma once
#include <string>

#include "core/http.h"

namespace amp::test {

inline Response answer(int status, std::string content_type, std::string body) {
    Response r;
    r.status = status;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    return r;
}

} // namespace amp::test
