#include "sandbox/problem.h"

#include <map>

namespace amp::sandbox {

Problem invalid_input(int status, std::vector<Issue> issues) {
    std::string detail = "The request has " + std::to_string(issues.size()) + " invalid field" +
                         (issues.size() == 1 ? "" : "s") + ": ";
    for (size_t i = 0; i < issues.size(); ++i) detail += (i ? ", " : "") + issues[i].name;
    Problem p(status, detail);
    p.issues = std::move(issues);
    return p;
}

std::string reason_phrase(int status) {
    static const std::map<int, std::string> phrases = {
        {400, "Bad Request"},        {401, "Unauthorized"},         {403, "Forbidden"},
        {404, "Not Found"},          {405, "Method Not Allowed"},   {408, "Request Timeout"},
        {409, "Conflict"},           {410, "Gone"},                 {413, "Request Entity Too Large"},
        {415, "Unsupported Media Type"}, {422, "Unprocessable Entity"}, {429, "Too Many Requests"},
        {500, "Internal Server Error"}, {501, "Not Implemented"},    {502, "Bad Gateway"},
        {503, "Service Unavailable"}, {504, "Gateway Timeout"},
    };
    auto it = phrases.find(status);
    return it != phrases.end() ? it->second : status >= 500 ? "Server Error" : "Client Error";
}

nlohmann::json problem_json(const Problem& p, const std::string& time, const std::string& request_id) {
    auto base = [&](int status, const std::string& title, const std::string& detail) {
        return nlohmann::json{{"type", "about:blank"}, {"title", title},   {"status", status},
                              {"detail", detail},      {"subsystem", "api"}, {"time", time},
                              {"requestId", request_id}};
    };
    nlohmann::json j = base(p.status, p.title.empty() ? reason_phrase(p.status) : p.title, p.detail);
    if (!p.causes.empty()) j["causes"] = p.causes;
    if (!p.remedy.empty()) j["remedy"] = p.remedy;
    j["retryable"] = p.retryable;
    if (!p.retry_after.empty()) j["retryAfter"] = p.retry_after;
    for (const Issue& issue : p.issues) {
        nlohmann::json i = base(p.status, "Invalid field", issue.detail);
        i["in"] = issue.in;
        i["name"] = issue.name;
        if (!issue.value.is_null()) i["value"] = issue.value;
        j["issues"].push_back(i);
    }
    return j;
}

} // namespace amp::sandbox
