// HTTP as plain data: the core builds Requests and reads Responses; the platform layers move the bytes.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace amp {

enum class Method { Get, Post, Patch, Delete };
const char* method_name(Method m);

struct Header {
    std::string name;
    std::string value;
};

struct Request {
    Method method = Method::Get;
    std::string url;
    std::vector<Header> headers;
    std::string body;
    std::string_view header(std::string_view name) const; // case-insensitive; empty when absent
};

// status 0 means the request never got an HTTP answer (offline, DNS, CORS refusal, aborted), and
// timed_out that the platform gave up on it at its deadline.
struct Response {
    int status = 0;
    std::string content_type;
    std::string body;
    std::string retry_after; // the Retry-After header, when the answer had one
    bool timed_out = false;
    bool ok() const { return status >= 200 && status < 300; }
};

bool iequals(std::string_view a, std::string_view b);

} // namespace amp
