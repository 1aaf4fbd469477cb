#include <catch2/catch.hpp>

#include "answers.h"
#include "core/json.h"
#include "core/problem.h"

using namespace amp;
using amp::test::answer;

namespace {

Response problem(int status, const json& body) {
    return answer(status, "application/problem+json", body.dump());
}

Response raw(int status, const char* content_type, const char* body) {
    return answer(status, content_type, body);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const json kFullProblem = {
    {"type", "about:blank"},
    {"title", "Unprocessable Entity"},
    {"status", 422},
    {"detail", "The provider app is not valid"},
    {"subsystem", "api"},
    {"requestId", "4f1c-77#3"},
    {"causes", {"clientId must be numeric", "scopes must not be empty"}},
    {"remedy", "Fix the fields and send again."},
    {"retryable", false},
    {"issues",
     {{{"in", "body"}, {"name", "clientId"}, {"detail", "Pinterest App IDs are numbers."}, {"value", "abc"}},
      {{"in", "body"}, {"name", "scopes"}, {"title", "Scopes required"}}}},
};

} // namespace

TEST_CASE("error_from reads every field of a full ApiProblem") {
    ApiError e = error_from(problem(422, kFullProblem));
    CHECK(e.status == 422);
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.title == "Unprocessable Entity");
    CHECK(e.detail == "The provider app is not valid");
    CHECK(e.remedy == "Fix the fields and send again.");
    CHECK(e.request_id == "4f1c-77#3");
    CHECK(e.causes == std::vector<std::string>{"clientId must be numeric", "scopes must not be empty"});
    CHECK_FALSE(e.retryable);
    REQUIRE(e.issues.size() == 2);
    CHECK(e.issues[0].field == "clientId");
    CHECK(e.issues[0].message == "Pinterest App IDs are numbers.");
    CHECK(e.issues[1].field == "scopes");
    CHECK(e.issues[1].message == "Scopes required"); // title when there is no detail
}

TEST_CASE("issue_for finds an issue by field name") {
    ApiError e = error_from(problem(422, kFullProblem));
    REQUIRE(e.issue_for("clientId"));
    CHECK(e.issue_for("clientId")->message == "Pinterest App IDs are numbers.");
    CHECK(e.issue_for("clientSecret") == nullptr);
}

TEST_CASE("error_from drops issues that name no field") {
    json body = {{"title", "Bad Request"}, {"issues", {{{"detail", "something"}}, {{"name", "clientId"}}}}};
    ApiError e = error_from(problem(400, body));
    REQUIRE(e.issues.size() == 1);
    CHECK(e.issues[0].field == "clientId");
    CHECK(e.issues[0].message.empty());
}

TEST_CASE("issues of an update body name the app's fields") {
    json body = {{"issues",
                  {{{"name", "providerApp.clientId"}, {"detail", "Expected a string."}},
                   {{"name", "providerApp"}, {"detail", "Expected an object."}},
                   {{"name", "updateMask"}, {"detail", "Unknown mask."}}}}};
    ApiError e = error_from(problem(422, body));
    REQUIRE(e.issue_for("clientId"));
    CHECK(e.issue_for("clientId")->message == "Expected a string.");
    CHECK(e.issue_for("providerApp"));
    CHECK(e.issue_for("updateMask"));
}

TEST_CASE("issues named by path name their form field") {
    json body = {{"issues", {{{"name", "scopes[1]"}, {"detail", "a"}}, {{"name", "providerApp.scopes[0]"}, {"detail", "b"}},
                             {{"name", "providerApp.clientId"}, {"detail", "c"}}}}};
    ApiError e = error_from(problem(400, body));
    REQUIRE(e.issues.size() == 3);
    CHECK(e.issues[0].field == "scopes");
    CHECK(e.issues[1].field == "scopes");
    CHECK(e.issues[2].field == "clientId");
}

TEST_CASE("a timed-out request is a retryable timeout with status 0") {
    Response r;
    r.timed_out = true;
    ApiError e = error_from(r);
    CHECK(e.code == ErrorCode::Timeout);
    CHECK(e.status == 0);
    CHECK(e.retryable);
    CHECK(contains(e.message(), "did not answer in time"));
    CHECK(outcome_unknown(e));
}

TEST_CASE("only no answer or a bare server error leaves a write's outcome unknown") {
    CHECK(outcome_unknown(error_from(Response{})));
    CHECK(outcome_unknown(error_from(raw(502, "text/html", "<html>Bad gateway</html>"))));
    CHECK(outcome_unknown(error_from(raw(500, "", ""))));
    CHECK_FALSE(outcome_unknown(error_from(problem(503, {{"title", "Service Unavailable"}}))));
    CHECK_FALSE(outcome_unknown(error_from(problem(422, {{"title", "Unprocessable Entity"}}))));
}

TEST_CASE("a 429's wait: Retry-After seconds, else retryAfter counted from the problem's time") {
    Response r = problem(429, {{"time", "2026-01-01T00:00:00Z"}, {"retryAfter", "2026-01-01T00:00:02.5Z"}});
    CHECK(error_from(r).retry_after_ms == 2500);
    r.retry_after = "7";
    CHECK(error_from(r).retry_after_ms == 7000);
    r.retry_after = "Wed, 21 Oct 2015 07:28:00 GMT"; // a date needs the page's clock: the body is used
    CHECK(error_from(r).retry_after_ms == 2500);
    CHECK(error_from(problem(429, {{"title", "Too Many Requests"}})).retry_after_ms == -1);
    CHECK(error_from(problem(503, {{"retryAfter", "2026-01-01T00:00:02Z"}, {"time", "2026-01-01T00:00:00Z"}})).retry_after_ms == -1);
}

TEST_CASE("error_from reads a minimal problem") {
    ApiError e = error_from(problem(400, {{"title", "Bad Request"}, {"status", 400}}));
    CHECK(e.code == ErrorCode::InvalidInput);
    CHECK(e.title == "Bad Request");
    CHECK(e.detail.empty());
    CHECK(e.causes.empty());
    CHECK(e.issues.empty());
    CHECK(e.request_id.empty());
    CHECK_FALSE(e.retryable);
    CHECK(e.message() == "Bad Request");
}

TEST_CASE("error_from ignores members of the wrong type") {
    json body = {{"title", 5}, {"detail", {"x"}}, {"causes", "not a list"}, {"issues", {{"name", "x"}}},
                 {"retryable", "yes"}, {"requestId", nullptr}};
    ApiError e = error_from(problem(503, body));
    CHECK(e.title.empty());
    CHECK(e.detail.empty());
    CHECK(e.causes.empty());
    CHECK(e.issues.empty());
    CHECK(e.request_id.empty());
    CHECK(e.retryable); // the status's default stands
}

TEST_CASE("error_from keeps only the string causes") {
    json body = {{"causes", {"first", 2, nullptr, "second"}}};
    CHECK(error_from(problem(400, body)).causes == std::vector<std::string>{"first", "second"});
}

TEST_CASE("error_from falls back to the status when the body is unreadable") {
    auto [content_type, body] = GENERATE(table<const char*, const char*>({
        {"application/problem+json", "{\"title\": \"Bad"},     // malformed
        {"application/problem+json", ""},                      // empty
        {"application/json", "[\"not\", \"an\", \"object\"]"}, // not an object
        {"text/html", "<html><title>Bad Gateway</title></html>"},
        {"text/html", "{\"title\": \"looks like json\"}"}, // only the content type decides
        {"", "{\"title\": \"no content type\"}"},
    }));
    INFO(content_type << " " << body);
    ApiError e = error_from(raw(502, content_type, body));
    CHECK(e.code == ErrorCode::Server);
    CHECK(e.status == 502);
    CHECK(e.title.empty());
    CHECK(e.retryable);
    CHECK(e.message() == "The Ampersand API had a problem (502). Retry in a moment.");
}

TEST_CASE("error_from reads JSON whatever the content type's case and parameters") {
    const char* content_type = GENERATE("application/json", "application/problem+json; charset=utf-8",
                                        "Application/Problem+JSON");
    INFO(content_type);
    CHECK(error_from(raw(404, content_type, "{\"detail\": \"No such project\"}")).detail == "No such project");
}

TEST_CASE("status 0 is a retryable network error") {
    ApiError e = error_from(Response{});
    CHECK(e.status == 0);
    CHECK(e.code == ErrorCode::Network);
    CHECK(e.retryable);
    CHECK(contains(e.message(), "Could not reach the Ampersand API"));
}

TEST_CASE("error codes follow the status") {
    auto [status, code] = GENERATE(table<int, ErrorCode>({{0, ErrorCode::Network},
                                                             {400, ErrorCode::InvalidInput},
                                                             {401, ErrorCode::Unauthorized},
                                                             {403, ErrorCode::Forbidden},
                                                             {404, ErrorCode::NotFound},
                                                             {405, ErrorCode::BadResponse},
                                                             {409, ErrorCode::Conflict},
                                                             {422, ErrorCode::InvalidInput},
                                                             {429, ErrorCode::RateLimited},
                                                             {500, ErrorCode::Server},
                                                             {503, ErrorCode::Server},
                                                             {302, ErrorCode::BadResponse}}));
    INFO(status);
    CHECK(error_from(raw(status, "", "")).code == code);
}

TEST_CASE("only network trouble, 429 and server errors are retryable by default") {
    auto [status, retryable] = GENERATE(table<int, bool>(
        {{0, true}, {429, true}, {502, true}, {503, true}, {504, true}, {500, true}, {400, false}, {401, false},
         {404, false}, {409, false}, {422, false}}));
    INFO(status);
    CHECK(error_from(raw(status, "", "")).retryable == retryable);
}

TEST_CASE("the body's retryable flag overrides the status default") {
    CHECK_FALSE(error_from(problem(503, {{"retryable", false}})).retryable);
    CHECK(error_from(problem(500, {{"retryable", true}})).retryable);
}

TEST_CASE("401 and 403 messages say the credentials were refused, then what the API said") {
    ApiError unauthorized = error_from(problem(401, {{"title", "Unauthorized"}, {"detail", "API key revoked"}}));
    CHECK(unauthorized.message() ==
          "The Ampersand API refused the credentials (401). Check the API key or token.\nAPI key revoked");
    ApiError forbidden = error_from(raw(403, "text/html", "<h1>Forbidden</h1>"));
    CHECK(forbidden.message() ==
          "These credentials may not do this (403). Use a key with access to the project.");
}

TEST_CASE("message() without a body explains the status") {
    auto [status, text] = GENERATE(table<int, const char*>({
        {401, "The Ampersand API refused the credentials (401). Check the API key or token."},
        {404, "Not found (404). Check the project name or id."},
        {429, "Too many requests (429). Wait a moment, then retry."},
        {500, "The Ampersand API had a problem (500). Retry in a moment."},
        {418, "The Ampersand API answered with status 418."},
    }));
    CHECK(error_from(raw(status, "", "")).message() == text);
}

TEST_CASE("message() prefers causes, then detail, then title, and ends with the remedy") {
    ApiError e;
    e.status = 400;
    e.title = "Bad Request";
    CHECK(e.message() == "Bad Request");
    e.detail = "Invalid update mask";
    CHECK(e.message() == "Invalid update mask");
    e.remedy = "Allowed masks: 'clientId', 'scopes'";
    CHECK(e.message() == "Invalid update mask\nAllowed masks: 'clientId', 'scopes'");
    e.causes = {"mask 'secret' is unknown", "mask 'x' is unknown"};
    CHECK(e.message() == "mask 'secret' is unknown\nmask 'x' is unknown\nAllowed masks: 'clientId', 'scopes'");
}

TEST_CASE("message() of the full problem never shows the raw body") {
    std::string text = error_from(problem(422, kFullProblem)).message();
    CHECK(text == "clientId must be numeric\nscopes must not be empty\nFix the fields and send again.");
    CHECK_FALSE(contains(text, "{"));
    CHECK_FALSE(contains(text, "4f1c-77#3"));
}
