#include <catch2/catch.hpp>

#include "core/models.h"

using namespace amp;

using Strings = std::vector<std::string>;

TEST_CASE("parse_provider_info reads the OAuth options") {
    auto p = parse_provider_info(R"({"name": "pinterest", "displayName": "Pinterest", "authType": "oauth2",
        "oauth2Opts": {"grantType": "authorizationCode", "authURL": "https://www.pinterest.com/oauth",
                       "explicitScopesRequired": true}})");
    REQUIRE(p);
    CHECK(Strings{p->name, p->display_name, p->auth_type, p->grant_type, p->auth_url} ==
          Strings{"pinterest", "Pinterest", "oauth2", "authorizationCode", "https://www.pinterest.com/oauth"});
    CHECK(p->explicit_scopes_required);
}

TEST_CASE("parse_provider_info falls back to the name and needs one") {
    auto p = parse_provider_info(R"({"name": "acme"})");
    REQUIRE(p);
    CHECK(p->display_name == "acme");
    CHECK_FALSE(p->explicit_scopes_required);
    const char* refused = GENERATE("", "nope", "[]", "{}", R"({"name": 3})", R"({"displayName": "X"})");
    INFO(refused);
    CHECK_FALSE(parse_provider_info(refused));
}

TEST_CASE("parse_provider_app reads a ProviderApp and never a secret") {
    auto a = parse_provider_app(R"({"id": "app-1", "projectId": "p-1", "provider": "pinterest", "clientId": "148",
        "clientSecret": "echoed?", "externalRef": "ext", "scopes": ["pins:read", 5, "boards:read"],
        "createTime": "2026-01-02T03:04:05Z", "updateTime": "2026-01-03T03:04:05Z"})");
    REQUIRE(a);
    CHECK(Strings{a->id, a->project_id, a->provider, a->client_id, a->external_ref, a->create_time, a->update_time} ==
          Strings{"app-1", "p-1", "pinterest", "148", "ext", "2026-01-02T03:04:05Z", "2026-01-03T03:04:05Z"});
    CHECK(a->scopes == Strings{"pins:read", "boards:read"});
}

TEST_CASE("a ProviderApp needs an id and a provider") {
    CHECK_FALSE(parse_provider_app(R"({"provider": "pinterest"})"));
    CHECK_FALSE(parse_provider_app(R"({"id": "app-1"})"));
    CHECK_FALSE(parse_provider_app("not json"));
}

TEST_CASE("parse_provider_apps keeps the readable entries of an array") {
    auto list = parse_provider_apps(R"([{"id": "a", "provider": "pinterest"}, {"id": "b"}, 7,
                                        {"id": "c", "provider": "hubspot"}])");
    REQUIRE(list);
    REQUIRE(list->size() == 2);
    CHECK((*list)[0].id == "a");
    CHECK((*list)[1].id == "c");
    auto empty = parse_provider_apps("[]");
    REQUIRE(empty);
    CHECK(empty->empty());
}

TEST_CASE("parse_provider_apps refuses what is not an array") {
    const char* refused = GENERATE("", "{}", R"({"items": []})", "[");
    INFO(refused);
    CHECK_FALSE(parse_provider_apps(refused));
}

TEST_CASE("parse_connection reads nested refs and the provider app's requested scopes, never granted ones") {
    auto c = parse_connection(R"({"id": "conn-1", "provider": "pinterest", "status": "created",
        "group": {"groupRef": "team-1"}, "consumer": {"consumerRef": "user-9"},
        "providerApp": {"id": "app-1", "scopes": ["pins:read", "boards:read"]},
        "oauth2AuthorizationCode": {"scopes": ["pins:read"], "accessToken": {"token": "t"}},
        "createTime": "2026-01-02T03:04:05Z"})");
    REQUIRE(c);
    CHECK(Strings{c->id, c->provider, c->status, c->group_ref, c->consumer_ref, c->provider_app_id, c->create_time} ==
          Strings{"conn-1", "pinterest", "created", "team-1", "user-9", "app-1", "2026-01-02T03:04:05Z"});
    CHECK(c->requested_scopes == Strings{"pins:read", "boards:read"});
}

TEST_CASE("parse_connections keeps entries with an id") {
    auto list = parse_connections(R"([{"id": "conn-1"}, {"provider": "pinterest"}, null])");
    REQUIRE(list);
    REQUIRE(list->size() == 1);
    CHECK(list->front().group_ref.empty());
    CHECK_FALSE(parse_connections("{}"));
}
