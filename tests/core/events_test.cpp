#include <catch2/catch.hpp>

#include "core/events.h"
#include "core/json.h"

using namespace amp;

namespace {

json event(const std::string& text) {
    json j = parse_json(text);
    REQUIRE(j.is_object());
    return j;
}

ProviderApp app() {
    return {"app-1", "proj-1", "pinterest", "1484362", "ext-7", "2026-01-02T03:04:05Z", "2026-02-03T04:05:06Z",
            {"boards:read", "pins:read"}};
}

ApiError validation_error() {
    ApiError e;
    e.code = ErrorCode::InvalidInput;
    e.status = 422;
    e.detail = "The provider app is not valid";
    e.request_id = "req-1#2";
    e.issues = {{"clientId", "Not a number"}, {"scopes", "Required"}};
    return e;
}

} // namespace

TEST_CASE("ready_event names the provider and the widget version") {
    CHECK(event(ready_event("pinterest", "0.1.0")) ==
          json{{"type", "ready"}, {"provider", "pinterest"}, {"version", "0.1.0"}});
}

TEST_CASE("provider_loaded_event names the provider") {
    ProviderInfo p{"pinterest", "Pinterest", "oauth2", "authorizationCode", "https://www.pinterest.com/oauth", true};
    CHECK(event(provider_loaded_event(p)) ==
          json{{"type", "providerLoaded"}, {"provider", "pinterest"}, {"displayName", "Pinterest"}});
}

TEST_CASE("provider_app_saved_event carries the public fields only") {
    json expected = {{"type", "providerAppSaved"},
                     {"created", true},
                     {"id", "app-1"},
                     {"provider", "pinterest"},
                     {"clientId", "1484362"},
                     {"scopes", {"boards:read", "pins:read"}},
                     {"createTime", "2026-01-02T03:04:05Z"},
                     {"updateTime", "2026-02-03T04:05:06Z"}};
    CHECK(event(provider_app_saved_event(app(), true)) == expected);
    CHECK(event(provider_app_saved_event(app(), false))["created"] == false);
}

TEST_CASE("provider_app_deleted_event names the app and provider") {
    CHECK(event(provider_app_deleted_event("app-1", "pinterest")) ==
          json{{"type", "providerAppDeleted"}, {"id", "app-1"}, {"provider", "pinterest"}});
}

TEST_CASE("error_event carries code, message, status, operation and fields") {
    json expected = {{"type", "error"},
                     {"code", "invalid_input"},
                     {"message", "The provider app is not valid"},
                     {"status", 422},
                     {"operation", "saveProviderApp"},
                     {"retryable", false},
                     {"requestId", "req-1#2"},
                     {"fields", {{"clientId", "Not a number"}, {"scopes", "Required"}}}};
    CHECK(event(error_event(validation_error(), "saveProviderApp")) == expected);
}

TEST_CASE("error_event leaves out an absent request id and fields") {
    ApiError e = error_from(Response{});
    json j = event(error_event(e, "listProviderApps"));
    CHECK(j["code"] == "network");
    CHECK(j["status"] == 0);
    CHECK(j["retryable"] == true);
    CHECK(j["message"] == e.message());
    CHECK_FALSE(j.contains("requestId"));
    CHECK_FALSE(j.contains("fields"));
}

TEST_CASE("invalid_input_event reports local validation like an API 4xx") {
    std::vector<FieldIssue> issues = {{"project", "Enter the project."}, {"apiKey", "Enter a key."}};
    json expected = {{"type", "error"},
                     {"code", "invalid_input"},
                     {"status", 0},
                     {"operation", "connectAmpersand"},
                     {"retryable", false},
                     {"message", "Enter the project."},
                     {"fields", {{"project", "Enter the project."}, {"apiKey", "Enter a key."}}}};
    CHECK(event(invalid_input_event(issues, "connectAmpersand")) == expected);
}

TEST_CASE("invalid_input_event with no issues has an empty message and no fields") {
    json j = event(invalid_input_event({}, "saveProviderApp"));
    CHECK(j["message"] == "");
    CHECK_FALSE(j.contains("fields"));
}
