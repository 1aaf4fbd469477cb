// Errors as the Ampersand API reports them: RFC 9457 problem details extended to ApiProblem, and
// InputValidationProblem when there are issues. Handlers throw a Problem; the route wrapper sends it.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace amp::sandbox {

struct Issue {
    Issue(std::string name_, std::string detail_, nlohmann::json value_ = nullptr)
        : name(std::move(name_)), detail(std::move(detail_)), value(std::move(value_)) {}
    std::string name; // field path, e.g. "scopes[1]"
    std::string detail;
    nlohmann::json value; // null: not echoed, which is how secrets stay out of responses
    std::string in = "body";
};

struct Problem {
    // Only server errors are worth retrying unless a caller says otherwise.
    Problem(int status_, std::string detail_, std::string remedy_ = {})
        : status(status_), detail(std::move(detail_)), remedy(std::move(remedy_)), retryable(status_ >= 500) {}
    int status;
    std::string detail;
    std::string remedy;
    std::vector<std::string> causes;
    bool retryable;
    std::vector<Issue> issues; // non-empty makes it an InputValidationProblem
    std::string title;         // empty: the status's reason phrase
    std::string retry_after;   // RFC 3339: when a 429's caller may try again
};

Problem invalid_input(int status, std::vector<Issue> issues);
std::string reason_phrase(int status); // as Go's net/http words them, since the real API is written in Go
// time and requestId are the moment and the request the problem belongs to.
nlohmann::json problem_json(const Problem& p, const std::string& time, const std::string& request_id);

} // namespace amp::sandbox
