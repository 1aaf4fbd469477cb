#include <catch2/catch.hpp>

#include "core/api.h"
#include "core/json.h"

#ifndef AMP_CLIENT_VERSION // the build passes the project version; api.cpp falls back the same way
#define AMP_CLIENT_VERSION "0.0.0"
#endif

using namespace amp;

namespace {

const char* kProd = "https://api.withampersand.com/v1";
const char* kLocal = "http://127.0.0.1:8081/v1";

// Holds the credential a Client points at, so each test can build one in a line.
struct Fixture {
    Secret key{"amp_key_123"};
    Secret token{"eyJ.jwt.sig"};
    Secret app_secret{"pin-s3cret"};

    Client with_key() const { return {kProd, AuthKind::ApiKey, &key}; }
    Client with_token() const { return {kLocal, AuthKind::Bearer, &token}; }

    AppFields fields() const {
        return {"pinterest", "1484362", "", &app_secret, {"boards:read", "pins:read"}};
    }
};

json body_of(const Request& r) {
    json j = parse_json(r.body);
    REQUIRE_FALSE(j.is_discarded());
    return j;
}

// What every request carries, whatever the endpoint.
void check_client_headers(const Request& r) {
    CHECK(r.header("X-Amp-Client") == "ampersand-setup");
    CHECK(r.header("X-Amp-Client-Version") == AMP_CLIENT_VERSION);
    CHECK_FALSE(r.header("X-Amp-Client-Version").empty());
    CHECK(r.header("Accept") == "application/json, application/problem+json, text/plain");
}

void check_no_body(const Request& r) {
    check_client_headers(r);
    CHECK(r.body.empty());
    CHECK(r.header("Content-Type").empty());
}

void check_json_body(const Request& r, const json& expected) {
    check_client_headers(r);
    CHECK(r.header("Content-Type") == "application/json");
    CHECK(body_of(r) == expected);
}

int count_headers(const Request& r, std::string_view name) {
    int n = 0;
    for (const Header& h : r.headers) n += iequals(h.name, name);
    return n;
}

} // namespace

TEST_CASE("method_name and iequals") {
    CHECK(std::string(method_name(Method::Get)) == "GET");
    CHECK(std::string(method_name(Method::Post)) == "POST");
    CHECK(std::string(method_name(Method::Patch)) == "PATCH");
    CHECK(std::string(method_name(Method::Delete)) == "DELETE");
    CHECK(iequals("X-Api-Key", "x-api-KEY"));
    CHECK_FALSE(iequals("X-Api-Key", "X-Api-Keys"));
}

TEST_CASE("Request::header is case-insensitive and empty when absent") {
    Request r{Method::Get, "u", {{"Content-Type", "text/plain"}}, ""};
    CHECK(r.header("content-type") == "text/plain");
    CHECK(r.header("Accept").empty());
}

TEST_CASE("get_provider needs no credential") {
    Request r = get_provider(Client{}, "pinterest");
    CHECK(r.method == Method::Get);
    CHECK(r.url == "https://api.withampersand.com/v1/providers/pinterest");
    check_no_body(r);
    CHECK(r.header("X-Api-Key").empty());
    CHECK(r.header("Authorization").empty());
}

TEST_CASE("an API key goes in X-Api-Key only") {
    Fixture f;
    Request r = list_provider_apps(f.with_key(), "acme");
    CHECK(r.header("X-Api-Key") == "amp_key_123");
    CHECK(r.header("Authorization").empty());
    CHECK(count_headers(r, "X-Api-Key") == 1);
}

TEST_CASE("a token goes in Authorization: Bearer only") {
    Fixture f;
    Request r = list_provider_apps(f.with_token(), "acme");
    CHECK(r.header("Authorization") == "Bearer eyJ.jwt.sig");
    CHECK(r.header("X-Api-Key").empty());
    CHECK(r.url == "http://127.0.0.1:8081/v1/projects/acme/provider-apps");
}

TEST_CASE("no auth header without a usable credential") {
    Secret empty;
    Secret key("k");
    Client none_with_key{kProd, AuthKind::None, &key};
    Client key_without_value{kProd, AuthKind::ApiKey, &empty};
    Client bearer_without_secret{kProd, AuthKind::Bearer, nullptr};
    for (const Client& c : {none_with_key, key_without_value, bearer_without_secret}) {
        Request r = get_provider(c, "pinterest");
        CHECK(r.header("X-Api-Key").empty());
        CHECK(r.header("Authorization").empty());
    }
}

TEST_CASE("list_provider_apps percent-encodes the project") {
    Fixture f;
    Request r = list_provider_apps(f.with_key(), "my project/../x?y");
    CHECK(r.method == Method::Get);
    CHECK(r.url == "https://api.withampersand.com/v1/projects/my%20project%2F..%2Fx%3Fy/provider-apps");
    check_no_body(r);
}

TEST_CASE("create_provider_app posts provider, clientId, clientSecret and scopes") {
    Fixture f;
    Request r = create_provider_app(f.with_key(), "acme", f.fields());
    CHECK(r.method == Method::Post);
    CHECK(r.url == "https://api.withampersand.com/v1/projects/acme/provider-apps");
    check_json_body(r, {{"provider", "pinterest"},
                        {"clientId", "1484362"},
                        {"clientSecret", "pin-s3cret"},
                        {"scopes", {"boards:read", "pins:read"}}});
    CHECK(r.header("X-Api-Key") == "amp_key_123");
}

TEST_CASE("create_provider_app adds externalRef only when set") {
    Fixture f;
    AppFields fields = f.fields();
    fields.external_ref = "pin-app-77";
    CHECK(body_of(create_provider_app(f.with_key(), "acme", fields))["externalRef"] == "pin-app-77");
    CHECK_FALSE(body_of(create_provider_app(f.with_key(), "acme", f.fields())).contains("externalRef"));
}

TEST_CASE("update_provider_app sends only the masked fields") {
    Fixture f;
    Request r = update_provider_app(f.with_key(), "acme", "app-1", f.fields(), {"scopes"});
    CHECK(r.method == Method::Patch);
    CHECK(r.url == "https://api.withampersand.com/v1/projects/acme/provider-apps/app-1");
    check_json_body(r, {{"updateMask", {"scopes"}}, {"providerApp", {{"scopes", {"boards:read", "pins:read"}}}}});
    CHECK(r.body.find("pin-s3cret") == std::string::npos);
}

TEST_CASE("update_provider_app sends the secret when the mask names it") {
    Fixture f;
    Request r = update_provider_app(f.with_token(), "acme", "app-1", f.fields(), {"clientId", "clientSecret"});
    check_json_body(r, {{"updateMask", {"clientId", "clientSecret"}},
                        {"providerApp", {{"clientId", "1484362"}, {"clientSecret", "pin-s3cret"}}}});
}

TEST_CASE("update_provider_app with an empty mask sends an empty app") {
    Fixture f;
    Request r = update_provider_app(f.with_key(), "acme", "app-1", f.fields(), {});
    CHECK(body_of(r) == json{{"updateMask", json::array()}, {"providerApp", json::object()}});
}

TEST_CASE("update and delete percent-encode the app id") {
    Fixture f;
    CHECK(update_provider_app(f.with_key(), "a b", "x/y", f.fields(), {"scopes"}).url ==
          "https://api.withampersand.com/v1/projects/a%20b/provider-apps/x%2Fy");
    Request r = delete_provider_app(f.with_key(), "a b", "x/y");
    CHECK(r.method == Method::Delete);
    CHECK(r.url == "https://api.withampersand.com/v1/projects/a%20b/provider-apps/x%2Fy");
    check_no_body(r);
}

TEST_CASE("oauth_connect posts the four required fields") {
    Fixture f;
    ConnectParams p{"acme", "pinterest", "team-1", "user-9", ""};
    Request r = oauth_connect(f.with_key(), p);
    CHECK(r.method == Method::Post);
    CHECK(r.url == "https://api.withampersand.com/v1/oauth-connect");
    check_json_body(r, {{"projectIdOrName", "acme"},
                        {"provider", "pinterest"},
                        {"groupRef", "team-1"},
                        {"consumerRef", "user-9"}});
}

TEST_CASE("oauth_connect names the provider app when given") {
    Fixture f;
    ConnectParams p{"acme", "pinterest", "team-1", "user-9", "app-1"};
    CHECK(body_of(oauth_connect(f.with_key(), p))["providerAppId"] == "app-1");
}

TEST_CASE("list_connections filters by provider, group and consumer") {
    Fixture f;
    Request r = list_connections(f.with_key(), "acme", "pinterest", "team 1&2");
    CHECK(r.method == Method::Get);
    CHECK(r.url == "https://api.withampersand.com/v1/projects/acme/connections?provider=pinterest&groupRef=team%201%262");
    check_no_body(r);
    CHECK(list_connections(f.with_key(), "acme", "pinterest", "").url ==
          "https://api.withampersand.com/v1/projects/acme/connections?provider=pinterest");
    CHECK(list_connections(f.with_key(), "acme", "pinterest", "g", "admin").url ==
          "https://api.withampersand.com/v1/projects/acme/connections?provider=pinterest&groupRef=g&consumerRef=admin");
}

TEST_CASE("get_connection and delete_connection address one connection") {
    Fixture f;
    Request get = get_connection(f.with_key(), "acme", "conn-1");
    CHECK(get.method == Method::Get);
    CHECK(get.url == "https://api.withampersand.com/v1/projects/acme/connections/conn-1");
    Request del = delete_connection(f.with_key(), "acme", "conn-1");
    CHECK(del.method == Method::Delete);
    CHECK(del.url == get.url);
    check_no_body(del);
}

TEST_CASE("callback_uri is the API origin's OAuth callback") {
    CHECK(callback_uri(kProd) == "https://api.withampersand.com/callbacks/v1/oauth");
    CHECK(callback_uri(kLocal) == "http://127.0.0.1:8081/callbacks/v1/oauth");
    CHECK(callback_uri("https://api.withampersand.com:443/v1") == "https://api.withampersand.com/callbacks/v1/oauth");
    CHECK(callback_uri("not a url") == "https://api.withampersand.com/callbacks/v1/oauth");
}
