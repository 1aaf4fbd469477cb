#include <catch2/catch.hpp>

#include "core/catalog.h"

using namespace amp;

namespace {

const ProviderGuide& pinterest() {
    const ProviderGuide* g = builtin_guide("pinterest");
    REQUIRE(g);
    return *g;
}

std::vector<std::string> names(const std::vector<ScopeInfo>& scopes, bool presets_only) {
    std::vector<std::string> out;
    for (const ScopeInfo& s : scopes)
        if (!presets_only || s.preset) out.push_back(s.name);
    return out;
}

} // namespace

TEST_CASE("the built-in Pinterest guide names things as Pinterest does") {
    const ProviderGuide& g = pinterest();
    CHECK(g.provider == "pinterest");
    CHECK(g.display_name == "Pinterest");
    CHECK(g.console_name == "Pinterest developer console");
    CHECK(g.console_url == "https://developers.pinterest.com/apps/");
    CHECK(g.client_id_label == "App ID");
    CHECK(g.client_secret_label == "App Secret");
    CHECK_FALSE(g.client_id_hint.empty());
    CHECK_FALSE(g.client_secret_hint.empty());
    CHECK(g.client_id_format == IdFormat::Digits);
    CHECK(g.scopes_required); // Ampersand's explicitScopesRequired for Pinterest (assets/catalog/catalog.json)
}

TEST_CASE("the Pinterest guide lists Pinterest's v5 scopes in order") {
    CHECK(names(pinterest().scopes, false) ==
          std::vector<std::string>{"ads:read", "ads:write", "billing:read", "billing:write", "biz_access:read",
                                   "biz_access:write", "boards:read", "boards:read_secret", "boards:write",
                                   "boards:write_secret", "catalogs:read", "catalogs:write", "msot:write",
                                   "pins:read", "pins:read_secret", "pins:write", "pins:write_secret",
                                   "user_accounts:read", "user_accounts:write"});
    for (const ScopeInfo& s : pinterest().scopes) {
        INFO(s.name);
        CHECK_FALSE(s.meaning.empty());
    }
}

TEST_CASE("the Pinterest guide presets read access to boards, pins and the account") {
    CHECK(names(pinterest().scopes, true) ==
          std::vector<std::string>{"boards:read", "pins:read", "user_accounts:read"});
}

TEST_CASE("the Pinterest checklist ends with the redirect URI step") {
    const std::vector<GuideStep>& steps = pinterest().steps;
    REQUIRE(steps.size() == 5);
    std::vector<std::string> ids;
    for (const GuideStep& s : steps) {
        ids.push_back(s.id);
        INFO(s.id);
        CHECK_FALSE(s.title.empty());
        CHECK(s.url.rfind("https://", 0) == 0);
        CHECK(s.shows_redirect_uri == (s.id == "redirect"));
    }
    CHECK(ids == std::vector<std::string>{"business", "developer", "app", "trial", "redirect"});
}

TEST_CASE("find_scope finds catalog scopes only") {
    const ScopeInfo* s = pinterest().find_scope("pins:write");
    REQUIRE(s);
    CHECK(s->name == "pins:write");
    CHECK_FALSE(s->preset);
    CHECK(pinterest().find_scope("pins") == nullptr);
    CHECK(pinterest().find_scope("") == nullptr);
}

TEST_CASE("builtin_guide is one shared guide, and none for other providers") {
    CHECK(builtin_guide("pinterest") == builtin_guide("pinterest"));
    CHECK(builtin_guide("hubspot") == nullptr);
    CHECK(builtin_guide("Pinterest") == nullptr);
    CHECK(builtin_guide("") == nullptr);
}

TEST_CASE("parse_guide fills defaults for what a guide leaves out") {
    auto g = parse_guide(R"({"provider": "acme", "clientId": {"format": "uuid"}, "steps": [{"id": "x"}],
                             "scopes": [{"name": "read"}]})");
    REQUIRE(g);
    CHECK(g->display_name == "acme");
    CHECK(g->client_id_label == "Client ID");
    CHECK(g->client_secret_label == "Client secret");
    CHECK(g->client_id_format == IdFormat::Any);
    CHECK_FALSE(g->scopes_required);
    REQUIRE(g->steps.size() == 1);
    CHECK(g->steps[0].id == "x");
    CHECK_FALSE(g->steps[0].shows_redirect_uri);
    REQUIRE(g->scopes.size() == 1);
    CHECK_FALSE(g->scopes[0].preset);
}

TEST_CASE("parse_guide refuses what is not a guide") {
    const char* text = GENERATE("", "not json", "[]", "{}", R"({"provider": ""})", R"({"provider": 7})");
    INFO(text);
    CHECK_FALSE(parse_guide(text));
}
