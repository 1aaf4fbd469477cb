// The setup state machine, driven only through its intents and on_response with made-up Responses.
#include <catch2/catch.hpp>

#include "core/json.h"
#include "core/setup.h"
#include "machine_harness.h"

using namespace amp;
using namespace amp::test;

namespace {

const char* kSecret = "pin-S3cret-value";
const char* kApps = "https://api.withampersand.com/v1/projects/acme/provider-apps";
const Strings kPresets = {"boards:read", "pins:read", "user_accounts:read"};

json provider_json() {
    return {{"name", "pinterest"},
            {"displayName", "Pinterest"},
            {"authType", "oauth2"},
            {"oauth2Opts",
             {{"grantType", "authorizationCode"},
              {"authURL", "https://www.pinterest.com/oauth"},
              {"explicitScopesRequired", true}}}};
}

json app_json(const std::string& id, const std::string& client_id = "1484362",
              const Strings& scopes = {"boards:read", "pins:read"}, const std::string& provider = "pinterest") {
    return {{"id", id},        {"projectId", "proj-1"}, {"provider", provider},
            {"clientId", client_id}, {"scopes", scopes}, {"createTime", "2026-01-02T03:04:05Z"}};
}

Response problem(int status, const json& body) { return answer(status, "application/problem+json", body.dump()); }
Response no_content() { return answer(204, "", ""); }

// The project given, and the page attaching tokens (getToken).
SetupOptions with_page_tokens() {
    SetupOptions o;
    o.project = "acme";
    o.auth = AuthKind::HostToken;
    return o;
}

json body_of(const Outgoing& o) {
    json j = parse_json(o.request.body);
    REQUIRE(j.is_object());
    return j;
}

// A Setup plus the plumbing a platform layer would add (machine_harness.h), and the steps of the flow.
struct Harness : MachineHarness<Harness> {
    Setup s;

    explicit Harness(SetupOptions o = {}, Secret host_credential = {}) : s(std::move(o), std::move(host_credential)) {}

    Setup& machine() { return s; }
    void reply(const Outgoing& o, const Response& r) { s.on_response(o.id, r); }

    void load_provider() {
        s.start();
        reply(one(), ok(provider_json()));
        events();
    }
    // Types a project and key and returns the list request that sends.
    Outgoing ask_for_apps() {
        s.project = "acme";
        s.api_key.assign(kKey);
        s.submit_access();
        return one();
    }
    // The same, with the list answered with `apps`.
    void connect(const std::vector<json>& apps) {
        reply(ask_for_apps(), ok(json(apps)));
        events();
    }
    void ready(const std::vector<json>& apps = {}) {
        load_provider();
        connect(apps);
        REQUIRE(s.stage() == Stage::Ready);
    }
    void fill_new_app() {
        s.form.client_id = "1484362";
        s.form.client_secret.assign(kSecret);
    }
    // Sends the form and returns the one request it made.
    Outgoing save() {
        s.save();
        return one();
    }
    // The form shows the saved app `id`, with App ID `client_id`.
    void check_editing(const std::string& id, const std::string& client_id) {
        REQUIRE(s.selected());
        CHECK(s.selected()->id == id);
        CHECK(s.form.client_id == client_id);
    }
    // Deletes the selected app and returns the one request it made.
    Outgoing remove() {
        s.confirm_delete();
        return one();
    }
};

} // namespace

TEST_CASE("a new Setup has the Pinterest guide and its presets") {
    Harness h;
    REQUIRE(h.s.guide);
    CHECK(h.s.guide->provider == "pinterest");
    CHECK(h.s.steps_done == std::vector<bool>(5, false));
    CHECK(h.s.form.scopes == kPresets);
    CHECK(h.s.redirect_uri() == "https://api.withampersand.com/callbacks/v1/oauth");
    CHECK_FALSE(h.s.any_busy());
}

TEST_CASE("the redirect URI follows the API base") {
    SetupOptions o;
    o.api_base = "http://127.0.0.1:8081/v1";
    CHECK(Harness(o).s.redirect_uri() == "http://127.0.0.1:8081/callbacks/v1/oauth");
}

TEST_CASE("start loads the provider") {
    Harness h;
    h.s.start();
    Outgoing o = h.one();
    CHECK(o.request.method == Method::Get);
    CHECK(o.request.url == "https://api.withampersand.com/v1/providers/pinterest");
    // Pinterest's guide is built in: the access step is on screen while the provider loads.
    CHECK(h.s.stage() == Stage::Access);
    CHECK(h.s.busy(Op::LoadProvider));
    h.s.start(); // a second click while loading sends nothing
    h.nothing_sent();

    h.reply(o, ok(provider_json()));
    CHECK_FALSE(h.s.any_busy());
    REQUIRE(h.s.provider);
    CHECK(h.s.provider->explicit_scopes_required);
    CHECK(h.s.stage() == Stage::Access);
    CHECK(h.only_event() == json{{"type", "providerLoaded"}, {"provider", "pinterest"}, {"displayName", "Pinterest"}});
}

TEST_CASE("access given before the provider is in waits for it, then lists the apps") {
    Harness h;
    h.s.start();
    Outgoing provider = h.one();
    h.s.project = "acme";
    h.s.api_key.assign("key-1");
    h.s.submit_access();
    Outgoing list = h.one();
    CHECK(list.request.url == kApps);
    CHECK(h.s.stage() == Stage::LoadingProvider); // what follows the list needs the provider
    h.reply(provider, ok(provider_json()));
    CHECK(h.s.stage() == Stage::LoadingApps);
}

TEST_CASE("a failed provider load can be retried") {
    Harness h;
    h.s.start();
    h.reply(h.one(), problem(503, {{"title", "Service Unavailable"}}));
    CHECK(h.s.stage() == Stage::ProviderFailed);
    REQUIRE(h.s.error);
    CHECK(h.s.error->code == ErrorCode::Server);
    json e = h.only_event();
    CHECK(e["operation"] == "loadProvider");
    CHECK(e["retryable"] == true);

    h.s.retry();
    Outgoing again = h.one();
    CHECK(again.request.url == "https://api.withampersand.com/v1/providers/pinterest");
    CHECK_FALSE(h.s.error);
    CHECK(h.s.stage() == Stage::Access); // the built-in guide's access step, while the provider loads again
    h.reply(again, ok(provider_json()));
    CHECK(h.s.stage() == Stage::Access);
}

TEST_CASE("a provider answer that is not a ProviderInfo is a bad_response") {
    Harness h;
    h.s.start();
    h.reply(h.one(), ok(json{{"unexpected", true}}));
    CHECK(h.s.stage() == Stage::ProviderFailed);
    REQUIRE(h.s.error);
    CHECK(h.s.error->code == ErrorCode::BadResponse);
    CHECK(h.only_event()["code"] == "bad_response");
}

TEST_CASE("access needs a project and a key before anything is sent") {
    Harness h;
    h.load_provider();
    h.s.project = GENERATE("", "  ");
    h.s.api_key.assign(GENERATE("", " \n"));
    h.s.submit_access();
    h.nothing_sent();
    CHECK(h.s.stage() == Stage::Access);
    CHECK(h.s.field_message("project") == "Enter the Ampersand project name or id.");
    CHECK(h.s.field_message("apiKey") == "Enter an Ampersand API key for this project.");
    json e = h.only_event();
    CHECK(e["type"] == "error");
    CHECK(e["code"] == "invalid_input");
    CHECK(e["operation"] == "connectAmpersand");
    CHECK(e["fields"].size() == 2);
}

TEST_CASE("access trims the project and key it sends") {
    Harness h;
    h.load_provider();
    h.s.project = "  acme \n";
    h.s.api_key.assign(std::string(" ") + kKey + "\n");
    h.s.submit_access();
    Outgoing o = h.one();
    CHECK(h.s.stage() == Stage::LoadingApps);
    CHECK(o.request.method == Method::Get);
    CHECK(o.request.url == kApps);
    CHECK(o.request.header("X-Api-Key") == kKey);
    CHECK(h.s.project == "acme");
    CHECK(h.s.field_message("project").empty());
}

TEST_CASE("refused credentials send the admin back to the access step") {
    Harness h;
    h.load_provider();
    int status = GENERATE(401, 403, 404);
    h.s.project = "acme";
    h.s.api_key.assign("wrong");
    h.s.submit_access();
    h.reply(h.one(), problem(status, {{"title", "Nope"}}));
    CHECK(h.s.stage() == Stage::Access);
    REQUIRE(h.s.error);
    CHECK(h.s.error->status == status);
    json e = h.only_event();
    CHECK(e["operation"] == "listProviderApps");
    CHECK(e["status"] == status);
    h.s.submit_access(); // the apps are listed again, not taken from before
    CHECK(h.s.stage() == Stage::LoadingApps);
}

TEST_CASE("a 401 on the list marks the API key field, in plain words") {
    Harness h;
    h.load_provider();
    h.s.project = "acme";
    h.s.api_key.assign("wrong");
    h.s.submit_access();
    h.reply(h.one(), problem(401, {{"title", "Unauthorized"}, {"detail", "Missing Authorization header: Bearer token"}}));
    json e = h.only_event();
    CHECK(e["code"] == "unauthorized");
    CHECK(e["status"] == 401);
    std::string said = e["message"];
    CHECK(said.find("API key") != std::string::npos);
    CHECK(said.find("401") == std::string::npos);
    CHECK(said.find("Bearer") == std::string::npos);
    CHECK(h.s.field_message("apiKey").find("did not accept this API key") != std::string::npos);
    CHECK(h.s.field_message("project").empty());
    h.s.submit_access(); // tried again: the mark goes until the answer says otherwise
    CHECK(h.s.field_message("apiKey").empty());
}

TEST_CASE("a 404 on the list marks the project field") {
    Harness h;
    h.load_provider();
    h.s.project = "acme";
    h.s.api_key.assign(kKey);
    h.s.submit_access();
    h.reply(h.one(), problem(404, {{"title", "Not Found"}}));
    CHECK(h.s.field_message("project").find("nothing by this name") != std::string::npos);
    CHECK(h.s.field_message("apiKey").empty());
}

TEST_CASE("a list that failed for other reasons can be retried") {
    Harness h;
    h.load_provider();
    h.reply(h.ask_for_apps(), offline());
    CHECK(h.s.error_op == Op::ListApps);
    h.s.retry();
    Outgoing again = h.one();
    CHECK(again.request.url == kApps);
    h.reply(again, ok(json::array()));
    CHECK(h.s.stage() == Stage::Ready);
    CHECK(h.s.error_op == Op::None);
}

TEST_CASE("an empty list means creating, with the presets") {
    Harness h;
    h.ready();
    CHECK(h.s.selected() == nullptr);
    CHECK(h.s.provider_apps().empty());
    CHECK(h.s.form.scopes == kPresets);
    CHECK(h.s.form.client_id.empty());
}

TEST_CASE("an existing Pinterest app is loaded into the form") {
    Harness h;
    h.ready({app_json("hub-1", "abc", {"crm.objects"}, "hubspot"),
             app_json("app-1", "1484362", {"pins:read", "custom:x", "boards:read"})});
    h.check_editing("app-1", "1484362");
    CHECK(h.s.provider_apps().size() == 1);
    CHECK(h.s.form.scopes == Strings{"boards:read", "pins:read"});
    CHECK(h.s.form.extra_scopes == "custom:x");
    CHECK(h.s.form.client_secret.empty());
    CHECK_FALSE(h.s.form.replace_secret);
}

TEST_CASE("creating sends the exact body, then forgets the secret") {
    Harness h;
    h.ready();
    h.s.form.client_id = " 1484362 ";
    h.s.form.client_secret.assign(std::string(kSecret) + "\n");
    Outgoing o = h.save();
    CHECK(o.request.method == Method::Post);
    CHECK(o.request.url == kApps);
    CHECK(o.request.header("X-Api-Key") == kKey);
    CHECK(body_of(o) ==
          json{{"provider", "pinterest"}, {"clientId", "1484362"}, {"clientSecret", kSecret}, {"scopes", kPresets}});
    CHECK(h.s.busy(Op::Save));

    h.reply(o, ok(app_json("app-9", "1484362", kPresets)));
    CHECK_FALSE(h.s.busy(Op::Save));
    CHECK(h.s.form.client_secret.empty());
    REQUIRE(h.s.selected());
    CHECK(h.s.selected()->id == "app-9");
    CHECK(h.s.apps.size() == 1);
    CHECK(h.s.notice == "Saved. Ampersand now holds this Pinterest app.");
    json e = h.only_event();
    CHECK(e["type"] == "providerAppSaved");
    CHECK(e["created"] == true);
    CHECK(e["id"] == "app-9");
    CHECK(e["clientId"] == "1484362");
    CHECK_FALSE(e.contains("clientSecret"));
}

TEST_CASE("an invalid form sends nothing and says why") {
    Harness h;
    h.ready();
    h.s.form.client_id = "12ab";
    h.s.save();
    h.nothing_sent();
    CHECK_FALSE(h.s.field_message("clientId").empty());
    CHECK_FALSE(h.s.field_message("clientSecret").empty());
    json e = h.only_event();
    CHECK(e["code"] == "invalid_input");
    CHECK(e["operation"] == "saveProviderApp");
    CHECK(e["fields"].contains("clientId"));
}

TEST_CASE("changing only the scopes updates only the scopes") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.form.set_scope(*h.s.guide, "pins:write", true);
    h.s.form.client_secret.assign(kSecret); // typed, but not being replaced: must not be sent
    Outgoing o = h.save();
    CHECK(o.request.method == Method::Patch);
    CHECK(o.request.url == std::string(kApps) + "/app-1");
    CHECK(body_of(o) == json{{"updateMask", {"scopes"}},
                             {"providerApp", {{"scopes", {"boards:read", "pins:read", "pins:write"}}}}});
    CHECK(o.request.body.find(kSecret) == std::string::npos);

    h.reply(o, ok(app_json("app-1", "1484362", {"boards:read", "pins:read", "pins:write"})));
    CHECK(h.s.notice == "Updated the Pinterest app.");
    CHECK(h.s.apps.size() == 1);
    CHECK(h.s.selected()->scopes.size() == 3);
    json e = h.only_event();
    CHECK(e["type"] == "providerAppSaved");
    CHECK(e["created"] == false);
}

TEST_CASE("saving an unchanged app sends nothing") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.save();
    h.nothing_sent();
    CHECK(h.s.notice == "Nothing to update: the form matches the saved app.");
    CHECK(h.events().empty());
}

TEST_CASE("replacing the secret sends it, masked, and then forgets it") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.form.replace_secret = true;
    h.s.form.client_secret.assign(kSecret);
    Outgoing o = h.save();
    CHECK(body_of(o) == json{{"updateMask", {"clientSecret"}}, {"providerApp", {{"clientSecret", kSecret}}}});
    h.reply(o, ok(app_json("app-1")));
    CHECK(h.s.form.client_secret.empty());
    CHECK_FALSE(h.s.form.replace_secret);
}

TEST_CASE("new_app creates another app even when one exists") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.new_app();
    CHECK(h.s.selected() == nullptr);
    CHECK(h.s.creating_another);
    CHECK(h.s.form.client_id.empty());
    h.fill_new_app();
    Outgoing o = h.save();
    CHECK(o.request.method == Method::Post);
    h.reply(o, ok(app_json("app-2")));
    CHECK(h.s.provider_apps().size() == 2);
    CHECK(h.s.selected()->id == "app-2");
    CHECK_FALSE(h.s.creating_another);
    CHECK(h.only_event()["created"] == true);
}

TEST_CASE("deleting removes the app and tells the host") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.ask_delete();
    CHECK(h.s.confirm_delete_pending);
    Outgoing o = h.remove();
    CHECK_FALSE(h.s.confirm_delete_pending);
    CHECK(o.request.method == Method::Delete);
    CHECK(o.request.url == std::string(kApps) + "/app-1");
    CHECK(h.s.busy(Op::Delete));

    h.reply(o, no_content());
    CHECK(h.s.apps.empty());
    CHECK(h.s.selected() == nullptr);
    CHECK(h.s.form.scopes == kPresets);
    CHECK(h.s.form.client_id.empty());
    CHECK(h.s.notice == "Deleted the app from Ampersand.");
    CHECK(h.only_event() == json{{"type", "providerAppDeleted"}, {"id", "app-1"}, {"provider", "pinterest"}});
}

TEST_CASE("after a delete the next Pinterest app is selected") {
    Harness h;
    h.ready({app_json("app-1"), app_json("app-2", "777")});
    h.reply(h.remove(), no_content());
    h.check_editing("app-2", "777");
}

TEST_CASE("cancel_delete sends nothing, and there is nothing to delete while creating") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.ask_delete();
    h.s.cancel_delete();
    CHECK_FALSE(h.s.confirm_delete_pending);
    h.nothing_sent();
    h.s.new_app();
    h.s.confirm_delete();
    h.nothing_sent();
}

TEST_CASE("a delete answer removes the app that was deleted, not the one selected since") {
    Harness h;
    h.ready({app_json("app-1"), app_json("app-2", "777")});
    Outgoing o = h.remove();
    h.s.edit_app("app-2");
    h.s.form.client_id = "778"; // the admin is already editing the other app
    h.reply(o, no_content());
    CHECK(h.only_event()["id"] == "app-1");
    REQUIRE(h.s.apps.size() == 1);
    CHECK(h.s.apps.front().id == "app-2");
    h.check_editing("app-2", "778");
}

TEST_CASE("a save answer says created for a create, whatever is selected since") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.new_app();
    h.fill_new_app();
    Outgoing o = h.save();
    h.s.edit_app("app-1");
    h.reply(o, ok(app_json("app-2")));
    CHECK(h.only_event()["created"] == true);
    CHECK(h.s.apps.size() == 2);
}

TEST_CASE("a save answer says updated for an update, whatever is selected since") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.form.set_scope(*h.s.guide, "pins:write", true);
    Outgoing o = h.save();
    h.s.new_app();
    h.reply(o, ok(app_json("app-1", "1484362", {"boards:read", "pins:read", "pins:write"})));
    CHECK(h.only_event()["created"] == false);
    CHECK(h.s.apps.size() == 1);
}

TEST_CASE("a 422 shows the API's field messages and keeps what was typed") {
    Harness h;
    h.ready();
    h.fill_new_app();
    h.s.form.extra_scopes = "custom:x";
    json body = {{"title", "Unprocessable Entity"},
                 {"detail", "The provider app is not valid"},
                 {"issues", {{{"in", "body"}, {"name", "clientId"}, {"detail", "Pinterest does not know this App ID."}}}}};
    h.reply(h.save(), problem(422, body));
    CHECK(h.s.field_message("clientId") == "Pinterest does not know this App ID.");
    CHECK(h.s.field_message("scopes").empty());
    CHECK(h.s.form.client_id == "1484362");
    CHECK(h.s.form.client_secret.reveal() == kSecret);
    CHECK(h.s.form.extra_scopes == "custom:x");
    CHECK(h.s.selected() == nullptr);
    REQUIRE(h.s.error);
    CHECK(h.s.error->code == ErrorCode::InvalidInput);
    json e = h.only_event();
    CHECK(e["operation"] == "saveProviderApp");
    CHECK(e["fields"]["clientId"] == "Pinterest does not know this App ID.");
}

TEST_CASE("a 422 on an update shows the API's message by the field") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.form.client_id = "999";
    json body = {{"issues", {{{"name", "providerApp.clientId"}, {"detail", "No such Pinterest app."}}}}};
    h.reply(h.save(), problem(422, body));
    CHECK(h.s.field_message("clientId") == "No such Pinterest app.");
    CHECK(h.s.form.client_id == "999");
    CHECK(h.only_event()["fields"] == json{{"clientId", "No such Pinterest app."}});
}

TEST_CASE("Save cannot be sent twice while in flight") {
    Harness h;
    h.ready();
    h.fill_new_app();
    Outgoing o = h.save();
    h.s.save();
    h.nothing_sent();
    CHECK(h.s.busy(Op::Save));
    h.reply(o, ok(app_json("app-1")));
    CHECK_FALSE(h.s.any_busy());
}

TEST_CASE("Save and Delete exclude each other") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.form.client_id = "999";
    h.save();
    h.s.confirm_delete();
    h.nothing_sent();

    Harness d;
    d.ready({app_json("app-1")});
    d.remove();
    d.s.form.client_id = "999";
    d.s.save();
    d.nothing_sent();
}

TEST_CASE("a create with no answer is checked against the list before Retry creates it again") {
    Harness h;
    h.ready();
    h.fill_new_app();
    Outgoing first = h.save();
    h.reply(first, offline());
    // Nothing is said yet: the apps are listed first, to see whether the create went through.
    CHECK_FALSE(h.s.error);
    CHECK(h.events().empty());
    Outgoing check = h.one();
    CHECK(check.request.method == Method::Get);
    CHECK(check.request.url == kApps);
    CHECK(h.s.busy(Op::Reconcile));
    h.s.save();
    h.nothing_sent(); // and no second create meanwhile

    h.reply(check, ok(json::array()));
    REQUIRE(h.s.error);
    CHECK(h.s.error->code == ErrorCode::Network);
    CHECK(h.s.error->retryable);
    CHECK(h.s.error_op == Op::Save);
    CHECK(h.only_event()["code"] == "network");

    h.s.retry();
    Outgoing second = h.one();
    CHECK(second.id != first.id);
    CHECK(second.request.method == first.request.method);
    CHECK(second.request.url == first.request.url);
    CHECK(second.request.body == first.request.body);
    CHECK_FALSE(h.s.error);
    h.reply(second, ok(app_json("app-1")));
    CHECK(h.s.error_op == Op::None);
    CHECK(h.s.selected());
}

namespace {
json app_at(const std::string& id, const std::string& client_id, const std::string& created) {
    json a = app_json(id, client_id);
    a["createTime"] = created;
    return a;
}
} // namespace

TEST_CASE("a create whose answer was lost, unreadable or timed out adopts the app it made") {
    Response lost = GENERATE(Response{}, answer(200, "application/json", R"({"id": "cut sho)"),
                             answer(502, "text/html", "<html>Bad gateway</html>"), [] {
                                 Response r;
                                 r.timed_out = true;
                                 return r;
                             }());
    Harness h;
    h.ready({app_at("old-1", "1484362", "2026-01-01T00:00:05Z")}); // one made earlier, same App ID
    h.s.new_app();
    h.fill_new_app();
    h.reply(h.save(), lost);
    // Another admin's app with the same App ID made earlier, and this attempt's: only this one fits.
    h.reply(h.one(), ok(json::array({app_at("old-1", "1484362", "2026-01-01T00:00:05Z"),
                                     app_at("other", "777", "2026-01-01T00:00:09Z"),
                                     app_at("mine", "1484362", "2026-01-01T00:00:09.5Z")})));
    CHECK_FALSE(h.s.error);
    h.check_editing("mine", "1484362");
    CHECK(h.s.form.client_secret.empty()); // saved: the secret is let go, as after an answered create
    json e = h.only_event();
    CHECK(e["type"] == "providerAppSaved");
    CHECK(e["id"] == "mine");
    CHECK(e["created"] == true);
    h.nothing_sent();
}

TEST_CASE("an app made before the attempt is not adopted, even with the same App ID") {
    Harness h;
    h.ready({app_at("old-1", "1484362", "2026-01-01T00:00:05Z")});
    h.s.new_app();
    h.fill_new_app();
    h.reply(h.save(), offline());
    // Listed now for the first time, but stamped before the newest app the widget knew of.
    h.reply(h.one(), ok(json::array({app_at("old-1", "1484362", "2026-01-01T00:00:05Z"),
                                     app_at("older", "1484362", "2026-01-01T00:00:01Z")})));
    REQUIRE(h.s.error);
    CHECK(h.s.error_op == Op::Save);
    CHECK(h.s.selected() == nullptr);
    CHECK(h.s.form.client_secret.reveal() == kSecret); // kept for the Retry
}

TEST_CASE("when the check fails too, Retry (or Cancel and Save) checks again instead of creating") {
    Harness h;
    h.ready();
    h.fill_new_app();
    h.reply(h.save(), offline());
    h.reply(h.one(), offline());
    REQUIRE(h.s.error);
    CHECK(h.s.error_op == Op::Reconcile);
    CHECK(h.s.error->message().find("Could not check whether Ampersand saved the app") != std::string::npos);
    if (GENERATE(true, false)) h.s.retry();
    else h.s.dismiss_error(), h.s.save(); // Cancel, then Save
    Outgoing again = h.one();
    CHECK(again.request.method == Method::Get);
    SECTION("the app is there: adopted") {
        h.reply(again, ok(json::array({app_json("app-1")})));
        h.check_editing("app-1", "1484362");
        h.nothing_sent();
    }
    SECTION("it is not: the admin's request now creates it, once") {
        h.reply(again, ok(json::array()));
        Outgoing create = h.one();
        CHECK(create.request.method == Method::Post);
        CHECK(body_of(create)["clientId"] == "1484362");
    }
}

TEST_CASE("a server error with a problem body is believed: Retry creates without a check") {
    Harness h;
    h.ready();
    h.fill_new_app();
    h.reply(h.save(), problem(503, {{"title", "Service Unavailable"}, {"detail", "Try later."}}));
    REQUIRE(h.s.error);
    CHECK(h.s.error_op == Op::Save);
    h.s.retry();
    CHECK(h.one().request.method == Method::Post);
}

TEST_CASE("a delete with no answer is checked: an app no longer listed was deleted") {
    Harness h;
    h.ready({app_json("app-1"), app_json("app-2", "555")});
    h.reply(h.remove(), offline());
    h.reply(h.one(), ok(json::array({app_json("app-2", "555")})));
    CHECK_FALSE(h.s.error);
    json e = h.only_event();
    CHECK(e["type"] == "providerAppDeleted");
    CHECK(e["id"] == "app-1");
    h.check_editing("app-2", "555");
}

TEST_CASE("a delete with no answer whose app is still listed is offered again; a 404 then is success") {
    Harness h;
    h.ready({app_json("app-1")});
    h.reply(h.remove(), Response{0, "", "", "", true});
    h.reply(h.one(), ok(json::array({app_json("app-1")})));
    REQUIRE(h.s.error);
    CHECK(h.s.error->code == ErrorCode::Timeout);
    CHECK(h.s.error_op == Op::Delete);
    h.events();
    h.s.retry();
    h.reply(h.one(), problem(404, {{"title", "Not Found"}}));
    CHECK_FALSE(h.s.error);
    CHECK(h.only_event()["type"] == "providerAppDeleted");
    CHECK(h.s.apps.empty());
}

TEST_CASE("a 404 on a first delete is still an error") {
    Harness h;
    h.ready({app_json("app-1")});
    h.reply(h.remove(), problem(404, {{"title", "Not Found"}}));
    REQUIRE(h.s.error);
    CHECK(h.s.error->code == ErrorCode::NotFound);
}

TEST_CASE("a timeout says so, keeps the input, and Cancel leaves the form as typed") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.form.client_id = "999";
    Response timed_out;
    timed_out.timed_out = true;
    h.reply(h.save(), timed_out); // an update: idempotent, so no check is needed
    REQUIRE(h.s.error);
    CHECK(h.s.error->code == ErrorCode::Timeout);
    CHECK(h.s.error->status == 0);
    CHECK(h.s.error->retryable);
    CHECK(h.s.error->message().find("did not answer in time") != std::string::npos);
    CHECK(h.only_event()["code"] == "timeout");
    CHECK(h.s.form.client_id == "999");
    CHECK_FALSE(h.s.any_busy()); // so Change project and the form work
    h.s.dismiss_error();
    CHECK_FALSE(h.s.error);
    CHECK(h.s.form.client_id == "999");
    h.nothing_sent();
}

TEST_CASE("a 429 on a read counts down, then lists again by itself") {
    Harness h;
    h.load_provider();
    Response limited = problem(429, {{"title", "Too Many Requests"}, {"time", "2026-01-01T00:00:00Z"},
                                     {"retryAfter", "2026-01-01T00:00:03Z"}});
    h.s.on_response(h.ask_for_apps().id, limited, 1000);
    CHECK(h.s.error->code == ErrorCode::RateLimited);
    CHECK(h.s.wait_seconds() == 3);
    CHECK(h.s.retries_itself());
    CHECK(h.s.next_deadline() == 2000); // the countdown's next second
    h.s.tick(2500);
    CHECK(h.s.wait_seconds() == 2);
    h.nothing_sent();
    h.s.tick(4000);
    Outgoing again = h.one();
    CHECK(again.request.url == kApps);
    CHECK(h.s.next_deadline() == 0);
}

TEST_CASE("the Retry-After header wins over the body's retryAfter") {
    Harness h;
    h.load_provider();
    Response limited = problem(429, {{"time", "2026-01-01T00:00:00Z"}, {"retryAfter", "2026-01-01T00:00:30Z"}});
    limited.retry_after = "2";
    h.s.on_response(h.ask_for_apps().id, limited, 0);
    CHECK(h.s.wait_seconds() == 2);
}

TEST_CASE("a 429 on a create is never repeated by itself: Retry is offered once the wait is over") {
    Harness h;
    h.ready();
    h.fill_new_app();
    Response limited = problem(429, {{"title", "Too Many Requests"}});
    limited.retry_after = "4";
    h.s.on_response(h.save().id, limited, 10000);
    CHECK_FALSE(h.s.retries_itself());
    CHECK(h.s.wait_seconds() == 4);
    h.s.retry(); // too early: the button is disabled, and a stray press does nothing
    h.nothing_sent();
    h.s.tick(14000);
    h.nothing_sent();
    CHECK(h.s.wait_seconds() == 0);
    h.s.retry();
    CHECK(h.one().request.method == Method::Post);
}

TEST_CASE("a server that keeps answering 429 is asked again only a few times by itself") {
    Harness h;
    h.load_provider();
    Response limited = problem(429, {{"title", "Too Many Requests"}});
    limited.retry_after = "1";
    double now = 0;
    int asked = 1;
    Outgoing o = h.ask_for_apps();
    for (;;) {
        h.s.on_response(o.id, limited, now);
        if (!h.s.retries_itself()) break;
        now += 1000;
        h.s.tick(now);
        o = h.one();
        ++asked;
    }
    CHECK(asked == 4); // the first, and three by itself
    CHECK(h.s.error->retryable);
}

TEST_CASE("a token refused for provider-app writes says an API key is needed and keeps the input") {
    Harness h(with_page_tokens());
    h.s.start();
    std::vector<Outgoing> out = h.s.take_requests();
    REQUIRE(out.size() == 2);
    h.reply(out[0], ok(provider_json()));
    h.reply(out[1], ok(json::array()));
    h.events();
    h.fill_new_app();
    h.reply(h.save(), problem(403, {{"title", "Forbidden"}, {"detail", "A consumer token may not change provider apps."}}));
    REQUIRE(h.s.error);
    CHECK(h.s.error->code == ErrorCode::Forbidden);
    std::string said = h.s.error->message();
    CHECK(said.find("needs an Ampersand API key") != std::string::npos);
    CHECK(said.find("a backend that adds one") != std::string::npos);
    CHECK(h.s.form.client_id == "1484362");
    CHECK(h.s.form.client_secret.reveal() == kSecret);
    CHECK(h.s.stage() == Stage::Ready);
}

TEST_CASE("field errors named by path attach to their fields and speak the form's labels") {
    Harness h;
    h.ready();
    h.fill_new_app();
    json body = {{"title", "Unprocessable Entity"},
                 {"detail", "The request has 2 invalid fields: clientId, scopes[1]"},
                 {"issues", {{{"name", "scopes[1]"}, {"detail", "Unknown scope."}},
                             {{"name", "providerApp.clientId"}, {"detail", "clientId must be digits."}}}}};
    h.reply(h.save(), problem(422, body));
    CHECK(h.s.field_message("scopes") == "Unknown scope.");
    CHECK(h.s.field_message("clientId") == "App ID must be digits.");
    std::string banner = h.s.error->message();
    CHECK(banner.find("App ID") != std::string::npos);
    CHECK(banner.find("Scopes") != std::string::npos);
    CHECK(banner.find("clientId") == std::string::npos);
    json e = h.only_event();
    CHECK(e["fields"]["clientId"] == "App ID must be digits.");
    CHECK(e["fields"]["scopes"] == "Unknown scope.");
}

TEST_CASE("retry after a failed delete deletes again") {
    Harness h;
    h.ready({app_json("app-1")});
    h.reply(h.remove(), problem(503, {{"title", "Service Unavailable"}}));
    CHECK(h.s.apps.size() == 1);
    h.s.retry();
    Outgoing again = h.one();
    CHECK(again.request.method == Method::Delete);
    CHECK(again.request.url == std::string(kApps) + "/app-1");
}

TEST_CASE("stale and unknown response ids are ignored") {
    Harness h;
    h.ready();
    h.fill_new_app();
    Outgoing o = h.save();
    h.s.on_response(o.id + 100, ok(app_json("bogus")));
    h.s.on_response(-1, offline());
    CHECK(h.s.busy(Op::Save));
    CHECK(h.events().empty());
    h.reply(o, ok(app_json("app-1")));
    h.events();
    h.reply(o, problem(500, {{"title", "late duplicate"}})); // already answered
    CHECK_FALSE(h.s.error);
    CHECK(h.events().empty());
    CHECK(h.s.selected()->id == "app-1");
}

TEST_CASE("edit_access goes back to the access step and a new submit lists again") {
    Harness h;
    h.ready({app_json("app-1")});
    h.s.edit_access();
    CHECK(h.s.stage() == Stage::Access);
    h.s.project = "other";
    h.s.submit_access();
    Outgoing o = h.one();
    CHECK(o.request.url == "https://api.withampersand.com/v1/projects/other/provider-apps");
    h.reply(o, ok(json::array()));
    CHECK(h.s.stage() == Stage::Ready);
}

TEST_CASE("a host-supplied token needs no typed key and is sent as Bearer") {
    SetupOptions o;
    o.project = "acme";
    o.auth = AuthKind::Bearer;
    Harness h(o, Secret("eyJ.host.jwt"));
    h.s.start();
    std::vector<Outgoing> out = h.s.take_requests();
    REQUIRE(out.size() == 2); // the provider, and the apps straight away
    CHECK(out[1].request.url == kApps);
    for (const Outgoing& r : out) {
        CHECK(r.request.header("Authorization") == "Bearer eyJ.host.jwt");
        CHECK(r.request.header("X-Api-Key").empty());
    }
    CHECK(h.s.field_message("apiKey").empty());
}

TEST_CASE("with the page attaching tokens, requests carry no credential and no key is asked for") {
    Harness h(with_page_tokens());
    h.s.start();
    std::vector<Outgoing> out = h.s.take_requests();
    REQUIRE(out.size() == 2);
    for (const Outgoing& r : out) {
        CHECK(r.request.header("Authorization").empty());
        CHECK(r.request.header("X-Api-Key").empty());
    }
}

TEST_CASE("no event ever carries the secret or the API key") {
    Harness h;
    h.ready();
    h.s.form.client_secret.assign(std::string(kSecret) + " with space");
    h.s.save(); // invalid: inner space
    h.nothing_sent();
    h.events();
    h.fill_new_app();
    h.reply(h.save(), offline());
    h.reply(h.one(), ok(json::array())); // the check: not made
    h.events();
    h.s.retry();
    h.reply(h.one(), problem(422, {{"issues", {{{"name", "clientSecret"}, {"detail", "Rejected by Pinterest"}}}}}));
    h.events();
    h.s.retry();
    h.reply(h.one(), ok(app_json("app-1")));
    h.s.form.replace_secret = true;
    h.s.form.client_secret.assign(kSecret);
    h.reply(h.save(), ok(app_json("app-1")));
    h.reply(h.remove(), no_content());
    h.events();
    CHECK(h.seen.size() >= 6);
    for (const std::string& e : h.seen) {
        INFO(e);
        CHECK(e.find(kSecret) == std::string::npos);
        CHECK(e.find(kKey) == std::string::npos);
    }
}

TEST_CASE("unsaved input: typed and not yet in Ampersand") {
    Harness h;
    h.ready();
    CHECK_FALSE(h.s.unsaved_input());
    h.s.form.client_id = "1484362";
    CHECK(h.s.unsaved_input());
    h.s.form.client_id.clear();
    h.s.form.client_secret.assign("s3cret");
    CHECK(h.s.unsaved_input());
}
