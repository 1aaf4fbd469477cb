#include <catch2/catch.hpp>

#include "catalog_copy.h"
#include "core/catalog.h"
#include "core/form.h"

using namespace amp;

namespace {

using Strings = std::vector<std::string>;

const ProviderGuide& pinterest() {
    const ProviderGuide* g = builtin_guide("pinterest");
    REQUIRE(g);
    return *g;
}

// A form that may be sent to create an app: App ID, secret and the preset scopes.
AppForm create_form() {
    AppForm f;
    f.reset(pinterest());
    f.client_id = "1484362";
    f.client_secret.assign("a1b2c3d4e5");
    return f;
}

ProviderApp saved_app() {
    ProviderApp a;
    a.id = "app-1";
    a.provider = "pinterest";
    a.client_id = "1484362";
    a.scopes = {"pins:read", "boards:read"};
    return a;
}

// The form as loaded for editing saved_app().
AppForm edit_form() {
    AppForm f;
    f.load(pinterest(), saved_app());
    return f;
}

Strings fields(const std::vector<FieldIssue>& issues) {
    Strings out;
    for (const FieldIssue& i : issues) out.push_back(i.field);
    return out;
}

std::string message_for(const std::vector<FieldIssue>& issues, const std::string& field) {
    for (const FieldIssue& i : issues)
        if (i.field == field) return i.message;
    return {};
}

// Exactly one issue, for `field`, saying `message`.
void check_one_issue(const std::vector<FieldIssue>& issues, const std::string& field, const std::string& message) {
    CHECK(fields(issues) == Strings{field});
    CHECK(message_for(issues, field) == message);
}

std::vector<FieldIssue> check_create(const AppForm& f) { return validate(pinterest(), f, nullptr); }

std::vector<FieldIssue> check_edit(const AppForm& f) {
    ProviderApp app = saved_app();
    return validate(pinterest(), f, &app);
}

Strings mask_of(const AppForm& f) { return update_mask(f, saved_app()); }

} // namespace

TEST_CASE("reset empties the form and presets the guide's scopes") {
    AppForm f = edit_form();
    f.client_secret.assign("typed");
    f.replace_secret = true;
    f.extra_scopes = "custom";
    f.reset(pinterest());
    CHECK(f.client_id.empty());
    CHECK(f.client_secret.empty());
    CHECK_FALSE(f.replace_secret);
    CHECK(f.extra_scopes.empty());
    CHECK(f.scopes == Strings{"boards:read", "pins:read", "user_accounts:read"});
}

TEST_CASE("load fills the form from a saved app, in catalog order") {
    AppForm f = create_form();
    f.replace_secret = true;
    f.load(pinterest(), saved_app());
    CHECK(f.client_id == "1484362");
    CHECK(f.client_secret.empty()); // the API never returns it, and a typed one is dropped
    CHECK_FALSE(f.replace_secret);
    CHECK(f.scopes == Strings{"boards:read", "pins:read"});
    CHECK(f.extra_scopes.empty());
}

TEST_CASE("load puts scopes the catalog does not list into the free text") {
    ProviderApp app = saved_app();
    app.scopes = {"custom:one", "pins:read", "other"};
    AppForm f;
    f.load(pinterest(), app);
    CHECK(f.scopes == Strings{"pins:read"});
    CHECK(f.extra_scopes == "custom:one, other");
    CHECK(chosen_scopes(f) == Strings{"pins:read", "custom:one", "other"});
}

TEST_CASE("set_scope keeps catalog order and no duplicates") {
    AppForm f;
    f.set_scope(pinterest(), "user_accounts:read", true);
    f.set_scope(pinterest(), "ads:read", true);
    f.set_scope(pinterest(), "pins:write", true);
    f.set_scope(pinterest(), "ads:read", true);
    CHECK(f.scopes == Strings{"ads:read", "pins:write", "user_accounts:read"});
    f.set_scope(pinterest(), "pins:write", false);
    f.set_scope(pinterest(), "pins:write", false);
    CHECK(f.scopes == Strings{"ads:read", "user_accounts:read"});
    CHECK(f.has_scope("ads:read"));
    CHECK_FALSE(f.has_scope("pins:write"));
}

TEST_CASE("trim drops surrounding white space only") {
    CHECK(trim("  12 34 \r\n") == "12 34");
    CHECK(trim(" \t ").empty());
    CHECK(trim("x") == "x");
}

TEST_CASE("split_scopes splits on commas and white space, without duplicates") {
    CHECK(split_scopes("a, b,,c\nd\te  a") == Strings{"a", "b", "c", "d", "e"});
    CHECK(split_scopes(" , \n").empty());
    CHECK(split_scopes("").empty());
}

TEST_CASE("chosen_scopes lists catalog choices, then extras, once each") {
    AppForm f;
    f.scopes = {"boards:read", "pins:read"};
    f.extra_scopes = "custom:x pins:read, boards:read custom:y custom:x";
    CHECK(chosen_scopes(f) == Strings{"boards:read", "pins:read", "custom:x", "custom:y"});
}

TEST_CASE("a complete create form has no issues") {
    CHECK(check_create(create_form()).empty());
}

TEST_CASE("the App ID is required") {
    AppForm f = create_form();
    f.client_id = " \t";
    check_one_issue(check_create(f), "clientId", "Enter the App ID.");
}

TEST_CASE("the App ID is digits only") {
    AppForm f = create_form();
    f.client_id = GENERATE("12a4", "12 34", "-1234", "１２３"); // the last: full-width digits
    check_one_issue(check_create(f), "clientId",
                    "The App ID is a number: use digits only, as shown in the Pinterest developer console.");
}

TEST_CASE("surrounding white space around the App ID is forgiven") {
    AppForm f = create_form();
    f.client_id = "  1484362\n";
    CHECK(check_create(f).empty());
}

TEST_CASE("a guide without an ID format accepts any App ID") {
    ProviderGuide g = pinterest();
    g.client_id_format = IdFormat::Any;
    AppForm f = create_form();
    f.client_id = "abc-123";
    CHECK(validate(g, f, nullptr).empty());
}

TEST_CASE("creating needs a secret") {
    AppForm f = create_form();
    f.client_secret.assign(GENERATE("", "  \n"));
    check_one_issue(check_create(f), "clientSecret", "Enter the App Secret.");
}

// The spec's POST /provider-apps requires clientSecret for every provider app, so a PKCE provider's
// (Salesforce signs in with authorizationCodePKCE) is required as well, under its own name.
TEST_CASE("a PKCE provider's app needs its secret too") {
    auto g = parse_guide(test::read_source_file("assets/providers/salesforce.json"));
    REQUIRE(g);
    AppForm f;
    f.reset(*g); // its preset scopes
    f.client_id = "3MVG9abc";
    auto issues = validate(*g, f, nullptr);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == "clientSecret");
    CHECK(issues[0].message == "Enter the Consumer Secret.");
}

TEST_CASE("editing without replacing the secret needs none") {
    AppForm f = edit_form();
    CHECK(f.client_secret.empty());
    CHECK(check_edit(f).empty());
    f.client_secret.assign("has spaces inside"); // typed but not being sent: not checked
    CHECK(check_edit(f).empty());
}

TEST_CASE("replacing the secret needs a new one") {
    AppForm f = edit_form();
    f.replace_secret = true;
    check_one_issue(check_edit(f), "clientSecret", "Enter the new App Secret, or cancel replacing it.");
    f.client_secret.assign("n3w-s3cret");
    CHECK(check_edit(f).empty());
}

TEST_CASE("white space inside the secret is refused") {
    AppForm f = create_form();
    f.client_secret.assign(GENERATE("abc def", "abc\tdef", " abc\ndef "));
    check_one_issue(check_create(f), "clientSecret", "The App Secret has no spaces: copy it again from the console.");
}

TEST_CASE("white space around the secret is forgiven") {
    AppForm f = create_form();
    f.client_secret.assign(GENERATE(" abc\n", "\tabc\r\n", "\vabc\f"));
    CHECK(check_create(f).empty());
}

TEST_CASE("no scope at all is an issue for Pinterest") {
    AppForm f = create_form();
    f.scopes.clear();
    f.extra_scopes = " , ";
    check_one_issue(check_create(f), "scopes",
                    "Choose at least one scope: Ampersand needs explicit scopes for Pinterest.");
}

TEST_CASE("free-text scopes alone are enough") {
    AppForm f = create_form();
    f.scopes.clear();
    f.extra_scopes = "pins:read";
    CHECK(check_create(f).empty());
}

TEST_CASE("a guide that does not require scopes accepts none") {
    ProviderGuide g = pinterest();
    g.scopes_required = false;
    AppForm f = create_form();
    f.scopes.clear();
    CHECK(validate(g, f, nullptr).empty());
}

TEST_CASE("a free-text scope with odd characters is refused, once") {
    AppForm f = create_form();
    f.scopes.clear();
    f.extra_scopes = "pins:read, boards;read, ads!";
    check_one_issue(check_create(f), "scopes", "'boards;read' is not a scope name (letters, digits, _ : . - / only).");
}

TEST_CASE("URL-shaped scopes are accepted") {
    AppForm f = create_form();
    f.extra_scopes = "https://www.example.com/auth/read";
    CHECK(check_create(f).empty());
}

TEST_CASE("every field's issue is reported at once, in form order") {
    AppForm f;
    CHECK(fields(check_create(f)) == Strings{"clientId", "clientSecret", "scopes"});
}

TEST_CASE("update_mask is empty when nothing changed") {
    CHECK(mask_of(edit_form()).empty());
}

TEST_CASE("update_mask ignores scope order and App ID padding") {
    AppForm f = edit_form();
    f.scopes = {"pins:read"};
    f.extra_scopes = "boards:read";
    f.client_id = " 1484362 ";
    CHECK(mask_of(f).empty());
}

TEST_CASE("update_mask names only the scopes when only they changed") {
    AppForm f = edit_form();
    f.set_scope(pinterest(), "pins:write", true);
    CHECK(mask_of(f) == Strings{"scopes"});
    AppForm fewer = edit_form();
    fewer.set_scope(pinterest(), "pins:read", false);
    CHECK(mask_of(fewer) == Strings{"scopes"});
    AppForm extra = edit_form();
    extra.extra_scopes = "custom:x";
    CHECK(mask_of(extra) == Strings{"scopes"});
}

TEST_CASE("update_mask names a changed App ID") {
    AppForm f = edit_form();
    f.client_id = "999";
    CHECK(mask_of(f) == Strings{"clientId"});
}

TEST_CASE("update_mask names the secret only when it is being replaced") {
    AppForm typed = edit_form();
    typed.client_secret.assign("n3w");
    CHECK(mask_of(typed).empty());
    AppForm replacing_blank = edit_form();
    replacing_blank.replace_secret = true;
    CHECK(mask_of(replacing_blank).empty());
    AppForm replacing = edit_form();
    replacing.replace_secret = true;
    replacing.client_secret.assign("n3w");
    CHECK(mask_of(replacing) == Strings{"clientSecret"});
}

TEST_CASE("update_mask names every changed field") {
    AppForm f = edit_form();
    f.client_id = "42";
    f.replace_secret = true;
    f.client_secret.assign("n3w");
    f.set_scope(pinterest(), "ads:read", true);
    CHECK(mask_of(f) == Strings{"clientId", "clientSecret", "scopes"});
}
