// The OAuth attempt state machine, driven only through its inputs with made-up answers, messages and
// times. The harness plays the platform: it hands out what the core sends, answers it and keeps every
// event and visible text so that tests can look for leaks.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/catalog.h"
#include "core/connect.h"
#include "core/events.h"
#include "core/json.h"
#include "machine_harness.h"

using namespace amp;
using namespace amp::test;

namespace {

const char* kOrigin = "https://api.withampersand.com";
const char* kList = "https://api.withampersand.com/v1/projects/acme/connections?provider=pinterest&groupRef=team-1&consumerRef=admin-7";
const char* kAuthUrl = "https://www.pinterest.com/oauth/?client_id=1484362&state=st4te-n0nce";

// A connection as GET answers it without includeCreds: no tokens, no granted scopes.
json connection_json(const std::string& id, const std::string& create_time = "2026-01-02T03:04:05Z",
                     const std::string& provider = "pinterest") {
    return {{"id", id},
            {"projectId", "proj-1"},
            {"provider", provider},
            {"providerApp", {{"id", "app-1"}, {"provider", provider}, {"scopes", {"boards:read", "pins:read"}}}},
            {"status", "created"},
            {"authScheme", "oauth2/authorizationCode"},
            {"group", {{"groupRef", "team-1"}}},
            {"consumer", {{"consumerRef", "admin-7"}}},
            {"createTime", create_time}};
}

Response text(const std::string& body) { return answer(200, "text/plain", body); }

json succeeded(const json& connection) {
    return {{"eventType", "AUTHORIZATION_SUCCEEDED"}, {"data", {{"connection", connection}}}};
}
json failed(const std::string& error) { return {{"eventType", "AUTHORIZATION_FAILED"}, {"data", {{"error", error}}}}; }

struct Harness : MachineHarness<Harness> {
    Secret key{kKey};
    ConnectOptions options{"https://api.withampersand.com/v1", "acme", "pinterest", "team-1", "admin-7", "app-1",
                           "Pinterest", "App Secret"};
    Connect c;
    double now = 1'000'000;

    Connect& machine() { return c; }
    Client client() { return {options.api_base, AuthKind::ApiKey, &key}; }

    // Answers o; what the attempt then shows goes to the leak check too.
    void reply(const Outgoing& o, const Response& r) {
        c.on_response(o.id, r, now);
        seen.push_back(c.message + "\n" + c.hint);
    }

    std::vector<PopupCommand::Kind> popup_kinds() {
        std::vector<PopupCommand::Kind> out;
        for (const PopupCommand& p : c.take_popup()) out.push_back(p.kind);
        return out;
    }

    // start() and the two requests it sends, snapshot first.
    std::pair<Outgoing, Outgoing> start(bool popup = true) {
        c.start(client(), options, popup, now);
        std::vector<Outgoing> out = sent();
        REQUIRE(out.size() == 2);
        return {out[0], out[1]};
    }
    // Started, the snapshot holds `existing`, the URL came: Authorizing (or Blocked without a popup).
    void waiting(bool popup = true, const std::vector<json>& existing = {}) {
        auto [snapshot, url] = start(popup);
        reply(snapshot, ok(json(existing)));
        reply(url, text(kAuthUrl));
        c.take_popup();
        events();
    }
    // Authorizing, then the platform sees the window close: Reconciling, with a check sent.
    void window_closed() {
        waiting();
        c.on_popup_closed(now);
    }
    void message(const json& data, const std::string& origin = kOrigin, bool from_popup = true) {
        c.on_message(origin, data.dump(), from_popup, now);
        seen.push_back(c.message + "\n" + c.hint);
    }
    // A success message and the server's confirmation: Connected.
    void confirm(const std::string& id) {
        message(succeeded(id));
        reply(one(), ok(connection_json(id)));
    }
    // A connection of this test's existed before it; "I finished", and the checks find only that one:
    // Unconfirmed. Returns the older connection.
    json unconfirmed() {
        json old = connection_json("conn-old", "2026-01-01T00:00:00Z");
        waiting(true, {old});
        c.i_finished(now);
        run_until(now + kConnectClosedGraceMs, {old});
        REQUIRE(c.state == ConnectState::Unconfirmed);
        events();
        return old;
    }
    // waiting(), in an attempt that gives up `give_up_after` ms after it starts; returns its start.
    double waiting_until(double give_up_after) {
        options.timings.give_up_after = give_up_after;
        double started = now;
        waiting();
        return started;
    }
    void at(double t) {
        now = t;
        c.tick(now);
    }
    // Lets time pass up to `until` the way a platform would: tick at each deadline, answering every
    // connection check with `list`. Returns how many checks were sent.
    int run_until(double until, const std::vector<json>& list) {
        int checks = 0;
        for (int guard = 0; guard < 10'000; ++guard) {
            for (const Outgoing& o : sent()) {
                ++checks;
                reply(o, ok(json(list)));
            }
            double next = c.next_deadline();
            if (next == 0 || next > until) break;
            at(std::max(next, now));
        }
        now = until;
        return checks;
    }
};

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

} // namespace

// ---- starting ------------------------------------------------------------------------------------------

TEST_CASE("start snapshots the connections and asks for the authorisation URL", "[connect]") {
    Harness h;
    auto [snapshot, url] = h.start();
    CHECK(h.c.state == ConnectState::Starting);
    CHECK(h.c.attempt == 1);
    CHECK(snapshot.request.method == Method::Get);
    CHECK(snapshot.request.url == kList);
    CHECK(url.request.method == Method::Post);
    CHECK(url.request.url == "https://api.withampersand.com/v1/oauth-connect");
    CHECK(url.request.header("X-Api-Key") == kKey);
    CHECK(parse_json(url.request.body) == json{{"projectIdOrName", "acme"}, {"provider", "pinterest"},
                                               {"groupRef", "team-1"}, {"consumerRef", "admin-7"},
                                               {"providerAppId", "app-1"}});
    CHECK(h.c.next_deadline() == h.now + kConnectGiveUpAfterMs); // the answer is due by the attempt's end
    CHECK(h.events().empty());
    CHECK(h.c.take_popup().empty());
}

TEST_CASE("the URL goes to the popup, trimmed", "[connect]") {
    Harness h;
    auto [snapshot, url] = h.start();
    h.reply(snapshot, ok(json::array()));
    std::string body = GENERATE(std::string(" ") + kAuthUrl + "\r\n", json(kAuthUrl).dump());
    h.reply(url, answer(200, "text/plain", body));
    CHECK(h.c.state == ConnectState::Authorizing);
    CHECK(h.c.auth_url == kAuthUrl);
    std::vector<PopupCommand> cmds = h.c.take_popup();
    REQUIRE(cmds.size() == 1);
    CHECK(cmds[0].kind == PopupCommand::Navigate);
    CHECK(cmds[0].url == kAuthUrl);
    CHECK(h.events().empty());
    CHECK_FALSE(h.c.slow);
}

TEST_CASE("plain http is fine for a loopback authorisation URL", "[connect]") {
    Harness h;
    auto [snapshot, url] = h.start();
    h.reply(url, text("http://127.0.0.1:8081/stub/authorize?state=x"));
    CHECK(h.c.state == ConnectState::Authorizing);
}

TEST_CASE("an authorisation URL that is not absolute and trusted fails the attempt", "[connect]") {
    Harness h;
    auto [snapshot, url] = h.start();
    std::string body = GENERATE("", "/oauth/authorize", "javascript:alert(1)", "http://evil.example/oauth",
                                "{\"url\":\"https://www.pinterest.com/oauth/\"}", "ftp://www.pinterest.com/");
    h.reply(url, text(body));
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.error_code == ErrorCode::Api);
    CHECK(contains(h.c.message, "authorisation URL"));
    CHECK(h.c.auth_url.empty());
    json e = h.only_event();
    CHECK(e["code"] == "api");
    CHECK(e["operation"] == "oauthConnect");
    CHECK(h.popup_kinds() == std::vector{PopupCommand::Close}); // the blank window goes
    h.reply(snapshot, ok(json::array()));                        // nothing of the attempt matters now
    CHECK(h.events().empty());
}

TEST_CASE("failed calls fail the attempt: network without an answer, api with one", "[connect]") {
    Harness h;
    auto [snapshot, url] = h.start();
    bool snapshot_fails = GENERATE(false, true);
    Response r = GENERATE(Response{}, answer(401, "application/problem+json", R"({"title":"Unauthorized"})"),
                          answer(422, "application/problem+json", R"({"detail":"No provider app app-1"})"));
    h.reply(snapshot_fails ? snapshot : url, r);
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.error_code == (r.status == 0 ? ErrorCode::Network : ErrorCode::Api));
    REQUIRE(h.c.error);
    CHECK(h.c.error->status == r.status);
    CHECK(h.c.message == error_from(r).message());
    json e = h.only_event();
    CHECK(e["type"] == "error");
    CHECK(e["code"] == error_code_name(h.c.error_code));
    CHECK(e["status"] == r.status);
    CHECK(e["operation"] == (snapshot_fails ? "listConnections" : "oauthConnect"));
    h.reply(snapshot_fails ? url : snapshot, text(kAuthUrl)); // the other answer is ignored
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.take_popup().size() == 1);
}

// ---- blocked popups ----------------------------------------------------------------------------------

TEST_CASE("a blocked popup keeps the URL, says so once and watches the server", "[connect]") {
    Harness h;
    auto [snapshot, url] = h.start(false);
    h.reply(snapshot, ok(json::array()));
    h.reply(url, text(kAuthUrl));
    CHECK(h.c.state == ConnectState::Blocked);
    CHECK(h.c.auth_url == kAuthUrl);
    CHECK(h.c.error_code == ErrorCode::PopupBlocked);
    CHECK(contains(h.c.hint, "new tab"));
    CHECK(h.c.take_popup().empty());
    json e = h.only_event();
    CHECK(e["code"] == "popup_blocked");
    CHECK(e["operation"] == "authorize");

    h.nothing_sent();
    CHECK(h.c.next_deadline() == h.now + kConnectCheckEveryMs);
    double blocked_at = h.now;
    int checks = h.run_until(blocked_at + kConnectBlockedWatchMs - 1, {});
    CHECK(checks == int((kConnectBlockedWatchMs - 1) / kConnectCheckEveryMs));
    CHECK(h.c.state == ConnectState::Blocked);
    CHECK(h.events().empty()); // the block is not repeated while waiting
}

TEST_CASE("blocked: a connection made in a new tab is found by the checks", "[connect]") {
    Harness h;
    h.waiting(false, {connection_json("old", "2026-01-01T00:00:00Z")});
    h.run_until(h.now + 30'000, {connection_json("old", "2026-01-01T00:00:00Z")});
    CHECK(h.c.state == ConnectState::Blocked);
    h.run_until(h.now + kConnectCheckEveryMs, {connection_json("old", "2026-01-01T00:00:00Z"), connection_json("new")});
    CHECK(h.c.state == ConnectState::Connected);
    REQUIRE(h.c.connection);
    CHECK(h.c.connection->id == "new");
    CHECK(h.c.error_code == ErrorCode::None);
    CHECK(h.only_event()["type"] == "connected");
    CHECK(h.c.next_deadline() == 0);
}

TEST_CASE("blocked: no message counts, not even one from the API origin; the list decides", "[connect]") {
    Harness h;
    h.waiting(false);
    bool from_popup = GENERATE(false, true); // an API-origin iframe, or a platform that cannot tell
    h.message(succeeded("conn-9"), kOrigin, from_popup);
    h.message(failed("access_denied"), kOrigin, from_popup);
    CHECK(h.c.state == ConnectState::Blocked);
    CHECK(h.c.error_code == ErrorCode::PopupBlocked);
    h.nothing_sent();
    CHECK(h.events().empty());
}

TEST_CASE("blocked for too long: one last check, then timeout", "[connect]") {
    Harness h;
    h.waiting(false);
    h.run_until(h.now + kConnectBlockedWatchMs, {});
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.error_code == ErrorCode::Timeout);
    json e = h.only_event();
    CHECK(e["code"] == "timeout");
    CHECK(h.c.next_deadline() == 0);
}

TEST_CASE("reopen after a block navigates a fresh window to the known URL", "[connect]") {
    Harness h;
    h.waiting(false);
    h.c.reopen(true, h.now);
    CHECK(h.c.state == ConnectState::Authorizing);
    CHECK(h.c.error_code == ErrorCode::None);
    std::vector<PopupCommand> cmds = h.c.take_popup();
    REQUIRE(cmds.size() == 2);
    CHECK(cmds[0].kind == PopupCommand::Navigate);
    CHECK(cmds[0].url == kAuthUrl);
    CHECK(cmds[1].kind == PopupCommand::Focus);
    h.message(succeeded("conn-9"), kOrigin, false); // now the window is ours: others do not count
    CHECK(h.c.state == ConnectState::Authorizing);
}

TEST_CASE("a window reopened late gets the full time again", "[connect]") {
    Harness h;
    double began = h.now;
    h.waiting(false);
    double late = began + kConnectGiveUpAfterMs - 1000;
    h.now = late;
    h.c.reopen(true, h.now);
    h.c.take_popup();
    h.at(began + kConnectGiveUpAfterMs + 1); // the first window's deadline passes
    CHECK(h.c.state == ConnectState::Authorizing);
    CHECK(h.c.next_deadline() == late + kConnectSlowAfterMs);
}

TEST_CASE("reopen blocked again goes back to Blocked", "[connect]") {
    Harness h;
    h.waiting();
    h.c.reopen(false, h.now);
    CHECK(h.c.state == ConnectState::Blocked);
    CHECK(h.only_event()["code"] == "popup_blocked");
    h.c.reopen(false, h.now); // still blocked: nothing new to say
    CHECK(h.events().empty());
}

TEST_CASE("reopen needs a URL and an attempt under way", "[connect]") {
    Harness h;
    h.c.reopen(true, h.now);
    CHECK(h.c.state == ConnectState::Idle);
    h.start();
    h.c.reopen(true, h.now);
    CHECK(h.c.state == ConnectState::Starting);
    CHECK(h.c.take_popup().empty());
}

TEST_CASE("a popup that closes while still blank counts as blocked, and says it was closed", "[connect]") {
    Harness h;
    auto [snapshot, url] = h.start();
    h.c.on_popup_closed(h.now);
    CHECK(h.c.state == ConnectState::Starting);
    h.reply(snapshot, ok(json::array()));
    h.reply(url, text(kAuthUrl));
    CHECK(h.c.state == ConnectState::Blocked);
    CHECK(h.c.take_popup().empty());
    CHECK(h.only_event()["code"] == "popup_closed");
    CHECK(h.c.message == "The sign-in window was closed before the Pinterest page opened.");
}

// ---- messages from the callback page -------------------------------------------------------------------

TEST_CASE("a success message is confirmed with the server, then Connected", "[connect]") {
    Harness h;
    h.waiting();
    json id = GENERATE(json("conn-1"), json{{"id", "conn-1"}, {"provider", "pinterest"}});
    h.message(succeeded(id));
    CHECK(h.c.state == ConnectState::Confirming);
    CHECK(h.c.take_popup().empty()); // not before the server has confirmed
    Outgoing get = h.one();
    CHECK(get.request.method == Method::Get);
    CHECK(get.request.url == "https://api.withampersand.com/v1/projects/acme/connections/conn-1"); // no includeCreds
    CHECK(h.events().empty());

    h.reply(get, ok(connection_json("conn-1")));
    CHECK(h.c.state == ConnectState::Connected);
    REQUIRE(h.c.connection);
    CHECK(h.c.connection->status == "created");
    CHECK(h.only_event() == json{{"type", "connected"}, {"id", "conn-1"}, {"provider", "pinterest"},
                                 {"status", "created"}, {"requestedScopes", {"boards:read", "pins:read"}},
                                 {"createTime", "2026-01-02T03:04:05Z"}});
    CHECK(h.popup_kinds() == std::vector{PopupCommand::Close});
}

TEST_CASE("repeated and late messages change nothing", "[connect]") {
    Harness h;
    h.waiting();
    h.message(succeeded("conn-1"));
    Outgoing get = h.one();
    h.message(succeeded("conn-1"));
    h.message(failed("access_denied"));
    h.nothing_sent();
    CHECK(h.c.state == ConnectState::Confirming);
    h.reply(get, ok(connection_json("conn-1")));
    h.events();
    h.message(succeeded("conn-2"));
    h.message(failed("access_denied"));
    CHECK(h.c.state == ConnectState::Connected);
    CHECK(h.c.connection->id == "conn-1");
    h.nothing_sent();
    CHECK(h.events().empty());
}

TEST_CASE("messages while Idle are ignored", "[connect]") {
    Harness h;
    h.message(succeeded("conn-1"));
    CHECK(h.c.state == ConnectState::Idle);
    h.nothing_sent();
}

TEST_CASE("only the API origin and our popup may send a result", "[connect]") {
    Harness h;
    h.waiting();
    std::string origin = GENERATE("https://evil.example", "https://api.withampersand.com/v1",
                                  "https://api.withampersand.com:8443", "http://api.withampersand.com", "null", "");
    h.message(succeeded("conn-1"), origin);
    h.message(succeeded("conn-1"), kOrigin, false);
    CHECK(h.c.state == ConnectState::Authorizing);
    h.nothing_sent();
}

TEST_CASE("the expected origin follows the API base", "[connect]") {
    Harness h;
    h.options.api_base = "http://127.0.0.1:8081/v1";
    h.waiting();
    h.message(succeeded("conn-1"), "http://localhost:8081");
    CHECK(h.c.state == ConnectState::Authorizing);
    h.message(succeeded("conn-1"), "http://127.0.0.1:8081");
    CHECK(h.c.state == ConnectState::Confirming);
    CHECK(h.one().request.url == "http://127.0.0.1:8081/v1/projects/acme/connections/conn-1");
}

TEST_CASE("other shapes are ignored", "[connect]") {
    Harness h;
    h.waiting();
    std::string data = GENERATE(
        "not json", "\"AUTHORIZATION_SUCCEEDED\"", "null", "[]", "{}", R"({"eventType":"AUTHORIZATION_SUCCEEDED"})",
        R"({"eventType":"AUTHORIZATION_SUCCEEDED","data":{"connection":""}})",
        R"({"eventType":"AUTHORIZATION_SUCCEEDED","data":{"connection":{"name":"x"}}})",
        R"({"eventType":"AUTHORIZATION_SUCCEEDED","data":{"connection":42}})",
        R"({"eventType":"SOMETHING_ELSE","data":{"connection":"conn-1"}})",
        R"({"source":"ampersand-custom-auth","params":{}})", R"({"type":"webpackOk"})");
    h.c.on_message(kOrigin, data, true, h.now);
    CHECK(h.c.state == ConnectState::Authorizing);
    h.nothing_sent();
    CHECK(h.events().empty());
}

TEST_CASE("parse_auth_message reads both failure shapes", "[connect]") {
    AuthMessage m = parse_auth_message(failed("redirect_uri mismatch").dump());
    CHECK(m.kind == AuthMessage::Failed);
    CHECK(m.error == "redirect_uri mismatch");
    m = parse_auth_message(R"({"eventType":"AUTHORIZATION_FAILED","message":"old shape"})");
    CHECK(m.kind == AuthMessage::Failed);
    CHECK(m.error == "old shape");
    m = parse_auth_message(R"({"eventType":"AUTHORIZATION_FAILED","data":{"error":"new"},"message":"old"})");
    CHECK(m.error == "new");
    m = parse_auth_message(R"({"eventType":"AUTHORIZATION_FAILED"})");
    CHECK(m.kind == AuthMessage::Failed);
    CHECK(m.error.empty());
}

TEST_CASE("a failure message fails the attempt with the provider's words and a pointer", "[connect]") {
    struct Case {
        std::string text;
        ErrorCode code;
        std::string step;
    };
    Case k = GENERATE(
        Case{"The user denied access to the app.", ErrorCode::AuthorizationDenied, ""},
        Case{"error=access_denied", ErrorCode::AuthorizationDenied, ""},
        Case{"User declined the request", ErrorCode::AuthorizationDenied, ""},
        Case{"redirect_uri does not match the registered redirect URIs", ErrorCode::AuthorizationFailed, "redirect"},
        Case{"invalid_scope: pins:write is not allowed", ErrorCode::AuthorizationFailed, "trial"},
        Case{"This app is not approved for trial access", ErrorCode::AuthorizationFailed, "trial"},
        Case{"oauth2: cannot fetch token: 401 {\"error\":\"invalid_client\"}", ErrorCode::AuthorizationFailed, "secret"},
        Case{"Client authentication failed", ErrorCode::AuthorizationFailed, "secret"},
        Case{"Something odd happened", ErrorCode::AuthorizationFailed, ""});
    Harness h;
    h.waiting();
    h.message(failed(k.text));
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.message == k.text);
    CHECK(h.c.error_code == k.code);
    CHECK(h.c.hint_step == k.step);
    CHECK_FALSE(h.c.hint.empty());
    CHECK_FALSE(h.c.error); // no HTTP answer behind it
    CHECK(h.popup_kinds() == std::vector{PopupCommand::Close});
    json e = h.only_event();
    CHECK(e == json{{"type", "error"}, {"code", error_code_name(k.code)}, {"message", k.text}, {"status", 0},
                    {"operation", "authorize"}, {"retryable", true}});
    h.message(failed(k.text));
    CHECK(h.events().empty()); // once per failure
}

TEST_CASE("the redirect hint names the exact callback URI", "[connect]") {
    Harness h;
    h.options.api_base = "http://127.0.0.1:8081/v1";
    h.waiting();
    h.message(failed("redirect_uri mismatch"), "http://127.0.0.1:8081");
    CHECK(contains(h.c.hint, "http://127.0.0.1:8081/callbacks/v1/oauth"));
}

TEST_CASE("hint steps name steps of the Pinterest checklist", "[connect]") {
    const ProviderGuide* g = builtin_guide("pinterest");
    REQUIRE(g);
    for (const char* id : {"redirect", "trial"})
        CHECK(std::any_of(g->steps.begin(), g->steps.end(), [&](const GuideStep& s) { return s.id == id; }));
}

TEST_CASE("messages name the provider under test, and the secret by its guide's word for it", "[connect]") {
    Harness h;
    h.options.provider = "salesforce";
    h.options.display_name = "Salesforce";
    h.options.secret_label = "Consumer Secret";
    h.waiting();
    h.message(failed("invalid_client"));
    CHECK(h.c.hint == "Salesforce did not accept the app's credentials. Re-enter the Consumer Secret exactly as the "
                      "Salesforce console shows it, save, then try again.");
    CHECK_FALSE(contains(h.c.hint, "Pinterest"));
}

TEST_CASE("the older top-level failure shape and an empty one are both failures", "[connect]") {
    Harness h;
    h.waiting();
    bool old_shape = GENERATE(true, false);
    h.message(old_shape ? json{{"eventType", "AUTHORIZATION_FAILED"}, {"message", "User declined"}}
                        : json{{"eventType", "AUTHORIZATION_FAILED"}});
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.error_code == (old_shape ? ErrorCode::AuthorizationDenied : ErrorCode::AuthorizationFailed));
    CHECK(h.c.message == (old_shape ? "User declined" : "Pinterest did not authorise the connection."));
}

TEST_CASE("a confirmation that fails proves nothing: the list decides", "[connect]") {
    Harness h;
    h.waiting();
    h.message(succeeded("conn-1"));
    Response r = GENERATE(Response{}, answer(404, "application/problem+json", R"({"title":"Not Found"})"),
                          answer(200, "application/json", "{}"));
    h.reply(h.one(), r);
    CHECK(h.c.state == ConnectState::Reconciling);
    CHECK(h.events().empty());
    Outgoing check = h.one();
    CHECK(check.request.url == kList);
    bool found = GENERATE(false, true);
    h.reply(check, ok(found ? json::array({connection_json("conn-1")}) : json::array()));
    CHECK(h.c.state == (found ? ConnectState::Connected : ConnectState::Failed));
    CHECK(h.only_event()["type"] == (found ? "connected" : "error"));
    if (!found) CHECK(h.c.error_code == ErrorCode::NotConnected); // the server holds no connection for this test
}

// ---- closed windows and reconciliation -----------------------------------------------------------------

TEST_CASE("closed is not failed: a check finds the new connection", "[connect]") {
    Harness h;
    h.waiting(true, {connection_json("old", "2026-01-01T00:00:00Z")});
    h.c.on_popup_closed(h.now);
    CHECK(h.c.state == ConnectState::Reconciling);
    Outgoing check = h.one();
    CHECK(check.request.url == kList);
    CHECK(h.events().empty());
    h.reply(check, ok(json::array({connection_json("old", "2026-01-01T00:00:00Z"), connection_json("fresh")})));
    CHECK(h.c.state == ConnectState::Connected);
    CHECK(h.c.connection->id == "fresh");
    CHECK(h.only_event()["id"] == "fresh");
}

TEST_CASE("reconcile: a connection created again under the same id is fresh", "[connect]") {
    Harness h;
    h.waiting(true, {connection_json("conn-1", "2026-01-01T00:00:00Z")});
    h.c.on_popup_closed(h.now);
    h.reply(h.one(), ok(json::array({connection_json("conn-1", "2026-05-05T05:05:05Z")})));
    CHECK(h.c.state == ConnectState::Connected);
    CHECK(h.c.connection->id == "conn-1");
}

TEST_CASE("reconcile: a moved updateTime proves nothing; an older connection ends unconfirmed", "[connect]") {
    Harness h;
    json old = connection_json("conn-1", "2026-01-01T00:00:00Z");
    h.waiting(true, {old});
    h.c.on_popup_closed(h.now);
    old["updateTime"] = "2026-05-05T05:05:05Z";
    h.run_until(h.now + kConnectClosedGraceMs, {old});
    CHECK(h.c.state == ConnectState::Unconfirmed);
    CHECK(h.c.error_code == ErrorCode::Unconfirmed);
    CHECK(contains(h.c.message, "could not confirm"));
    CHECK(contains(h.c.hint, "Check again"));
    REQUIRE(h.c.connection); // offered for removal, so that the next test can start from nothing
    CHECK(h.c.connection->id == "conn-1");
    json e = h.only_event();
    CHECK(e["code"] == "unconfirmed");
    CHECK(e["retryable"] == true);
    CHECK(h.c.next_deadline() == 0);
}

TEST_CASE("reconcile: other providers and unchanged connections do not count", "[connect]") {
    Harness h;
    json old = connection_json("conn-1", "2026-01-01T00:00:00Z");
    h.waiting(true, {old});
    h.c.on_popup_closed(h.now);
    h.reply(h.one(), ok(json{old, connection_json("sf-1", "", "salesforce")}));
    CHECK(h.c.state == ConnectState::Reconciling);
}

TEST_CASE("a closed window is said once the first check finds nothing; the checks go on through the grace period", "[connect]") {
    Harness h;
    h.window_closed();
    CHECK_FALSE(h.c.window_looks_closed()); // not before the server was asked
    CHECK(h.events().empty());
    double closed_at = h.now;
    h.reply(h.one(), ok(json::array()));
    CHECK(h.c.state == ConnectState::Reconciling);
    CHECK(h.c.window_looks_closed());
    CHECK(h.c.message == "The Pinterest window closed before Ampersand received an authorisation.");
    CHECK(contains(h.c.hint, "still open"));
    json said = h.only_event();
    CHECK(said["code"] == "popup_closed");
    CHECK(said["retryable"] == true);

    int checks = h.run_until(closed_at + kConnectClosedGraceMs - 1, {});
    CHECK(h.c.state == ConnectState::Reconciling);
    CHECK(checks == int((kConnectClosedGraceMs - 1) / kConnectCheckEveryMs));
    CHECK(h.events().empty()); // said once

    h.run_until(closed_at + kConnectClosedGraceMs, {});
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.error_code == ErrorCode::PopupClosed);
    CHECK(h.c.message == "The Pinterest window closed before Ampersand received an authorisation.");
    CHECK(contains(h.c.hint, "Try again"));
    CHECK(h.events().empty()); // the host already heard it
    CHECK(h.c.next_deadline() == 0);
}

TEST_CASE("a window that looked closed can be opened again, and its late success still counts", "[connect]") {
    Harness h;
    h.window_closed();
    h.reply(h.one(), ok(json::array()));
    REQUIRE(h.c.window_looks_closed());
    h.events();
    SECTION("opened again: waiting afresh, the notice gone") {
        h.c.reopen(true, h.now);
        CHECK(h.c.state == ConnectState::Authorizing);
        CHECK_FALSE(h.c.window_looks_closed());
        CHECK(h.c.error_code == ErrorCode::None);
    }
    SECTION("COOP faked the closing: the success from it still proves the app") {
        h.confirm("conn-1");
        CHECK(h.c.state == ConnectState::Connected);
        CHECK(h.only_event()["type"] == "connected");
    }
}

TEST_CASE("while reconciling the message listener stays live", "[connect]") {
    Harness h;
    h.waiting();
    h.c.on_popup_closed(h.now); // COOP may say so while the admin is still on the consent page
    h.sent();
    h.at(h.now + 10'000);
    h.message(succeeded("conn-1"));
    CHECK(h.c.state == ConnectState::Confirming);
}

TEST_CASE("a failed check is retried; a refusal ends the attempt", "[connect]") {
    Harness h;
    h.window_closed();
    h.reply(h.one(), offline());
    CHECK(h.c.state == ConnectState::Reconciling);
    h.at(h.now + kConnectCheckEveryMs);
    h.reply(h.one(), answer(401, "application/problem+json", R"({"title":"Unauthorized"})"));
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.error_code == ErrorCode::Api);
    CHECK(h.only_event()["operation"] == "listConnections");
}

TEST_CASE("a success that comes after we gave up still wins", "[connect]") {
    Harness h;
    h.window_closed();
    h.run_until(h.now + kConnectClosedGraceMs, {});
    REQUIRE(h.c.error_code == ErrorCode::PopupClosed);
    h.events();
    h.message(failed("access_denied")); // a second failure would only confuse
    CHECK(h.c.error_code == ErrorCode::PopupClosed);
    h.confirm("conn-1");
    CHECK(h.c.state == ConnectState::Connected);
    CHECK(h.c.error_code == ErrorCode::None);
    CHECK(h.only_event()["type"] == "connected");
}

TEST_CASE("a check that answers after a message result is ignored", "[connect]") {
    Harness h;
    h.window_closed();
    Outgoing check = h.one();
    h.message(succeeded("conn-1"));
    Outgoing get = h.one();
    h.reply(check, ok(json::array({connection_json("conn-1")})));
    CHECK(h.c.state == ConnectState::Confirming);
    h.reply(get, ok(connection_json("conn-1")));
    CHECK(h.events().size() == 1);
}

// ---- time ----------------------------------------------------------------------------------------------

TEST_CASE("the soft timeout only offers choices", "[connect]") {
    Harness h;
    h.waiting();
    double began = h.now;
    CHECK(h.c.next_deadline() == began + kConnectSlowAfterMs);
    h.at(began + kConnectSlowAfterMs - 1);
    CHECK_FALSE(h.c.slow);
    h.at(began + kConnectSlowAfterMs);
    CHECK(h.c.slow);
    CHECK(h.c.state == ConnectState::Authorizing);
    CHECK(h.events().empty());
    h.nothing_sent();
    CHECK(h.c.take_popup().empty());
    CHECK(h.c.next_deadline() == began + kConnectGiveUpAfterMs);

    h.c.keep_waiting(h.now);
    CHECK_FALSE(h.c.slow);
    CHECK(h.popup_kinds() == std::vector{PopupCommand::Focus});
    CHECK(h.c.next_deadline() == h.now + kConnectSlowAfterMs);
}

TEST_CASE("I finished checks with the server", "[connect]") {
    Harness h;
    h.waiting();
    h.at(h.now + kConnectSlowAfterMs);
    h.c.i_finished(h.now);
    CHECK(h.c.state == ConnectState::Reconciling);
    CHECK_FALSE(h.c.slow);
    h.reply(h.one(), ok(json::array({connection_json("conn-1")})));
    CHECK(h.c.state == ConnectState::Connected);
}

TEST_CASE("I finished with nothing on the server ends as not_connected, and may be said again", "[connect]") {
    Harness h;
    h.waiting();
    h.c.i_finished(h.now);
    h.run_until(h.now + kConnectClosedGraceMs, {});
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.error_code == ErrorCode::NotConnected);
    CHECK(h.only_event()["code"] == "not_connected");
    h.c.i_finished(h.now);
    CHECK(h.c.state == ConnectState::Reconciling);
    h.reply(h.one(), ok(json::array({connection_json("conn-1")})));
    CHECK(h.c.state == ConnectState::Connected);
}

TEST_CASE("the hard deadline: one last check, then timeout", "[connect]") {
    Harness h;
    double started = h.now;
    h.waiting();
    bool found = GENERATE(false, true);
    h.at(started + kConnectGiveUpAfterMs - 1);
    CHECK(h.c.state == ConnectState::Authorizing);
    h.nothing_sent();
    h.at(started + kConnectGiveUpAfterMs);
    CHECK(h.c.state == ConnectState::Reconciling);
    CHECK(h.c.next_deadline() == started + kConnectGiveUpAfterMs + kConnectCheckEveryMs); // the answer's own
    h.reply(h.one(), ok(found ? json::array({connection_json("conn-1")}) : json::array()));
    CHECK(h.c.state == (found ? ConnectState::Connected : ConnectState::Failed));
    if (!found) {
        CHECK(h.c.error_code == ErrorCode::Timeout);
        CHECK(h.popup_kinds() == std::vector{PopupCommand::Close});
    }
    CHECK(h.events().size() == 1);
}

TEST_CASE("nothing is due outside the waiting states", "[connect]") {
    Harness h;
    CHECK(h.c.next_deadline() == 0);
    h.c.tick(h.now + 1e9);
    h.nothing_sent();
    h.waiting();
    h.confirm("conn-1");
    CHECK(h.c.next_deadline() == 0);
    h.c.tick(h.now + 1e9);
    h.nothing_sent();
}

// ---- attempts ------------------------------------------------------------------------------------------

TEST_CASE("a new start retires the old attempt", "[connect]") {
    Harness h;
    auto [old_snapshot, old_url] = h.start();
    h.c.on_popup_closed(h.now);
    auto [snapshot, url] = h.start();
    CHECK(h.c.attempt == 2);
    CHECK(h.c.state == ConnectState::Starting);
    h.reply(old_url, text("https://www.pinterest.com/oauth/?state=old"));
    h.reply(old_snapshot, offline());
    CHECK(h.c.state == ConnectState::Starting);
    CHECK(h.c.take_popup().empty());
    CHECK(h.events().empty());

    h.reply(snapshot, ok(json::array()));
    h.reply(url, text(kAuthUrl));
    CHECK(h.c.state == ConnectState::Authorizing); // this attempt's window is open
    std::vector<PopupCommand> cmds = h.c.take_popup();
    REQUIRE(cmds.size() == 1);
    CHECK(cmds[0].url == kAuthUrl);
}

TEST_CASE("start drops popup commands not yet carried out", "[connect]") {
    Harness h;
    h.start();
    h.c.cancel();
    h.start();
    CHECK(h.c.take_popup().empty());
}

TEST_CASE("starting again after a result clears it", "[connect]") {
    Harness h;
    h.waiting();
    h.message(failed("access_denied"));
    h.start();
    CHECK(h.c.state == ConnectState::Starting);
    CHECK(h.c.error_code == ErrorCode::None);
    CHECK(h.c.hint.empty());
    CHECK(h.c.auth_url.empty());
}

TEST_CASE("cancel drops the attempt and closes the window", "[connect]") {
    Harness h;
    auto [snapshot, url] = h.start();
    h.c.cancel();
    CHECK(h.c.state == ConnectState::Idle);
    CHECK(h.popup_kinds() == std::vector{PopupCommand::Close});
    h.reply(url, text(kAuthUrl));
    CHECK(h.c.state == ConnectState::Idle);
    CHECK(h.c.take_popup().empty());
    CHECK(h.events().empty());
}

TEST_CASE("a message naming another consumer's or another app's connection is not this test's", "[connect]") {
    Harness h;
    h.waiting();
    h.message(succeeded("theirs"));
    Outgoing get = h.one();
    json other = connection_json("theirs");
    bool other_app = GENERATE(false, true);
    if (other_app) other["providerApp"]["id"] = "app-2";
    else other["consumer"]["consumerRef"] = "someone-else";
    h.reply(get, ok(other));
    CHECK(h.c.state == ConnectState::Reconciling); // the list decides
    h.reply(h.one(), ok(json::array({other})));
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.error_code == ErrorCode::NotConnected);
    CHECK_FALSE(h.c.connection);
    CHECK(h.only_event()["code"] == "not_connected");
}

TEST_CASE("cancel after a connection forgets it: it belonged to the app that was tested", "[connect]") {
    Harness h;
    h.waiting();
    h.confirm("conn-1");
    REQUIRE(h.c.state == ConnectState::Connected);
    h.c.cancel();
    CHECK(h.c.state == ConnectState::Idle);
    CHECK_FALSE(h.c.connection);
}

TEST_CASE("an attempt calls with its own copy of the credential, and cancel wipes it", "[connect]") {
    Harness h;
    h.waiting();
    CHECK(h.c.holds_credential());
    // The setup that lent it is destroyed (its Secrets wipe themselves) while the window is open.
    h.key.wipe();
    h.c.i_finished(h.now);
    Outgoing check = h.one();
    CHECK(check.request.url == kList);
    CHECK(check.request.header("X-Api-Key") == kKey);
    h.c.cancel();
    CHECK_FALSE(h.c.holds_credential());
}

// ---- the test connection -------------------------------------------------------------------------------

TEST_CASE("remove_connection deletes the test connection", "[connect]") {
    Harness h;
    h.waiting();
    h.confirm("conn-1");
    h.events();
    h.c.remove_connection();
    CHECK(h.c.removing);
    Outgoing del = h.one();
    CHECK(del.request.method == Method::Delete);
    CHECK(del.request.url == "https://api.withampersand.com/v1/projects/acme/connections/conn-1");
    h.c.remove_connection(); // no double submit
    h.nothing_sent();
    h.reply(del, answer(204, "", ""));
    CHECK(h.c.state == ConnectState::Idle);
    CHECK_FALSE(h.c.removing);
    CHECK_FALSE(h.c.connection);
    CHECK(h.only_event() == json{{"type", "connectionRemoved"}, {"id", "conn-1"}});
}

TEST_CASE("a failed removal keeps the connection and shows why", "[connect]") {
    Harness h;
    h.waiting();
    h.confirm("conn-1");
    h.events();
    h.c.remove_connection();
    Response r = GENERATE(Response{}, answer(403, "application/problem+json", R"({"title":"Forbidden"})"));
    h.reply(h.one(), r);
    CHECK(h.c.state == ConnectState::Connected);
    REQUIRE(h.c.connection);
    CHECK(h.c.connection->id == "conn-1");
    CHECK(h.c.error_code == (r.status == 0 ? ErrorCode::Network : ErrorCode::Api));
    CHECK(h.c.message == error_from(r).message());
    CHECK(h.only_event()["operation"] == "removeConnection");
    h.c.remove_connection(); // and it may be tried again
    CHECK(h.c.error_code == ErrorCode::None);
    CHECK(h.one().request.method == Method::Delete);
}

TEST_CASE("remove_connection without a connection does nothing", "[connect]") {
    Harness h;
    h.c.remove_connection();
    h.waiting();
    h.c.remove_connection();
    h.nothing_sent();
}

// ---- only a fresh success counts -----------------------------------------------------------------------

TEST_CASE("a replayed success naming an older connection is not believed", "[connect][fresh]") {
    Harness h;
    json old = connection_json("conn-old", "2026-01-01T00:00:00Z");
    h.waiting(true, {old});
    h.message(succeeded("conn-old")); // from our own window, on the API origin: a replay looks like this
    h.reply(h.one(), ok(old));
    CHECK(h.c.state == ConnectState::Reconciling);
    CHECK(h.c.take_popup().empty()); // a sign-in may still be under way in it
    CHECK(h.events().empty());
    h.reply(h.one(), ok(json::array({old})));
    CHECK(h.c.state == ConnectState::Unconfirmed);
    CHECK(contains(h.c.message, "could not confirm"));
    CHECK(h.only_event()["code"] == "unconfirmed");
    h.message(succeeded("conn-old")); // the same claim again is not asked about again
    h.nothing_sent();
    CHECK(h.c.state == ConnectState::Unconfirmed);
}

TEST_CASE("a fresh success after an unconfirmed one still wins", "[connect][fresh]") {
    Harness h;
    json old = connection_json("conn-old", "2026-01-01T00:00:00Z");
    h.waiting(true, {old});
    h.message(succeeded("conn-old"));
    h.reply(h.one(), ok(old));
    h.reply(h.one(), ok(json::array({old})));
    REQUIRE(h.c.state == ConnectState::Unconfirmed);
    h.events();
    h.message(failed("access_denied")); // nothing to replace "could not confirm" with
    CHECK(h.c.state == ConnectState::Unconfirmed);
    h.confirm("conn-new");
    CHECK(h.c.state == ConnectState::Connected);
    CHECK(h.c.connection->id == "conn-new");
    CHECK(h.only_event()["type"] == "connected");
}

TEST_CASE("Check again asks the list once more", "[connect][fresh]") {
    Harness h;
    json old = h.unconfirmed();
    h.c.check_again(h.now);
    CHECK(h.c.state == ConnectState::Reconciling);
    CHECK(h.c.error_code == ErrorCode::None);
    bool made = GENERATE(false, true);
    h.reply(h.one(), ok(made ? json{old, connection_json("conn-new")} : json::array({old})));
    CHECK(h.c.state == (made ? ConnectState::Connected : ConnectState::Unconfirmed));
    CHECK(h.only_event()["type"] == (made ? "connected" : "error"));
    h.c.check_again(h.now); // only from Unconfirmed
    if (made) h.nothing_sent();
}

TEST_CASE("Unconfirmed offers to remove the older connection", "[connect][fresh]") {
    Harness h;
    json old = h.unconfirmed();
    h.c.remove_connection();
    Outgoing del = h.one();
    CHECK(del.request.method == Method::Delete);
    CHECK(del.request.url == "https://api.withampersand.com/v1/projects/acme/connections/conn-old");
    h.reply(del, answer(204, "", ""));
    CHECK(h.c.state == ConnectState::Idle);
    CHECK(h.only_event() == json{{"type", "connectionRemoved"}, {"id", "conn-old"}});
}

TEST_CASE("a success that arrives before the snapshot is judged when it comes", "[connect][fresh]") {
    Harness h;
    auto [snapshot, url] = h.start();
    h.reply(url, text(kAuthUrl));
    h.message(succeeded("conn-1"));
    h.reply(h.one(), ok(connection_json("conn-1")));
    CHECK(h.c.state == ConnectState::Confirming);
    bool existed = GENERATE(false, true);
    h.reply(snapshot, ok(existed ? json::array({connection_json("conn-1")}) : json::array()));
    CHECK(h.c.state == (existed ? ConnectState::Reconciling : ConnectState::Connected));
}

TEST_CASE("a connection the answer does not tie to an app is judged by the rest", "[connect][fresh]") {
    Harness h;
    h.options.requested_scopes = {"pins:read"};
    h.waiting();
    json bare = connection_json("conn-1");
    bare.erase("providerApp"); // optional in the spec
    h.message(succeeded("conn-1"));
    h.reply(h.one(), ok(bare));
    CHECK(h.c.state == ConnectState::Connected);
    CHECK(h.only_event()["requestedScopes"] == json{"pins:read"}); // the app's, as the widget saved it
}

TEST_CASE("the Ampersand origin may differ from the API base (a backend proxy)", "[connect][fresh]") {
    Harness h;
    h.options.api_base = "https://admin.example.com/ampersand/v1";
    h.options.ampersand_origin = "https://api.withampersand.com";
    h.waiting();
    h.message(succeeded("conn-1"), "https://admin.example.com");
    CHECK(h.c.state == ConnectState::Authorizing);
    h.message(failed("redirect_uri mismatch"));
    CHECK(contains(h.c.hint, "https://api.withampersand.com/callbacks/v1/oauth"));
    h.waiting();
    h.message(succeeded("conn-1"));
    CHECK(h.one().request.url == "https://admin.example.com/ampersand/v1/projects/acme/connections/conn-1");
}

TEST_CASE("a last check that cannot be answered is unconfirmed, not failed", "[connect][fresh]") {
    Harness h;
    h.waiting();
    h.c.i_finished(h.now);
    h.run_until(h.now + kConnectClosedGraceMs - 1, {});
    h.at(h.now + 1);
    h.reply(h.one(), offline());
    CHECK(h.c.state == ConnectState::Unconfirmed);
    CHECK(h.c.error_code == ErrorCode::Unconfirmed);
    REQUIRE(h.c.error);
    CHECK(h.c.error->status == 0);
    CHECK(h.only_event()["code"] == "unconfirmed");
}

// ---- giveUpMs in every phase ---------------------------------------------------------------------------

TEST_CASE("giveUp: asking for the sign-in address", "[connect][give-up]") {
    Harness h;
    h.options.timings.give_up_after = 5'000;
    double started = h.now;
    auto [snapshot, url] = h.start();
    h.reply(snapshot, ok(json::array()));
    CHECK(h.c.next_deadline() == started + 5'000);
    h.at(started + 4'999);
    CHECK(h.c.state == ConnectState::Starting);
    h.at(started + 5'000);
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.error_code == ErrorCode::Timeout);
    CHECK(h.only_event()["operation"] == "oauthConnect");
    CHECK(h.popup_kinds() == std::vector{PopupCommand::Close});
    h.reply(url, text(kAuthUrl)); // too late: nothing opens
    CHECK(h.c.take_popup().empty());
}

TEST_CASE("giveUp: confirming", "[connect][give-up]") {
    Harness h;
    double started = h.waiting_until(5'000);
    h.now = started + 1'000;
    h.message(succeeded("conn-1"));
    Outgoing get = h.one();
    CHECK(h.c.next_deadline() == started + 5'000);
    h.at(started + 5'000);
    CHECK(h.c.state == ConnectState::Unconfirmed); // the message said yes, the server said nothing
    CHECK(h.only_event()["code"] == "unconfirmed");
    h.reply(get, ok(connection_json("conn-1")));
    CHECK(h.c.state == ConnectState::Unconfirmed);
}

TEST_CASE("giveUp: a closed window's grace ends with the attempt, and so does its last check", "[connect][give-up]") {
    Harness h;
    double started = h.waiting_until(10'000);
    h.now = started + 8'000;
    h.c.on_popup_closed(h.now);
    h.sent();                                 // the first check hangs
    h.at(started + 10'000);                   // grace cut to the attempt's end: the hung check decides
    CHECK(h.c.state == ConnectState::Reconciling);
    CHECK(h.c.next_deadline() == started + 10'000 + kConnectCheckEveryMs);
    h.at(started + 10'000 + kConnectCheckEveryMs);
    CHECK(h.c.state == ConnectState::Unconfirmed);
    CHECK(contains(h.c.message, "did not answer in time"));
    CHECK(h.c.next_deadline() == 0);
}

TEST_CASE("giveUp: a blocked popup is watched no longer than the attempt", "[connect][give-up]") {
    Harness h;
    h.options.timings.give_up_after = 10'000;
    double started = h.now;
    h.waiting(false);
    h.run_until(started + 10'000, {});
    CHECK(h.c.state == ConnectState::Failed);
    CHECK(h.c.error_code == ErrorCode::Timeout);
}

// ---- events and secrets --------------------------------------------------------------------------------

TEST_CASE("connect events have the documented shapes", "[connect]") {
    Connection c{"conn-1", "pinterest", "created", "team-1", "admin-7", "2026-01-02T03:04:05Z", "", "app-1",
                 {"pins:read"}};
    CHECK(parse_json(connected_event(c)) == json{{"type", "connected"}, {"id", "conn-1"}, {"provider", "pinterest"},
                                                 {"status", "created"}, {"requestedScopes", {"pins:read"}},
                                                 {"createTime", "2026-01-02T03:04:05Z"}});
    CHECK(parse_json(connection_removed_event("conn-1")) == json{{"type", "connectionRemoved"}, {"id", "conn-1"}});
    CHECK(parse_json(failure_event(ErrorCode::Timeout, "Too slow", "authorize", true)) ==
          json{{"type", "error"}, {"code", "timeout"}, {"message", "Too slow"}, {"status", 0},
               {"operation", "authorize"}, {"retryable", true}});
}

TEST_CASE("no key, state or authorisation URL reaches an event or a visible text", "[connect]") {
    Harness h;
    h.waiting(false);                // blocked
    h.c.reopen(true, h.now);         // authorizing
    h.c.on_popup_closed(h.now);      // reconciling
    h.run_until(h.now + kConnectClosedGraceMs, {});
    h.message(failed("access_denied"));
    h.reply(h.start().first, offline()); // the snapshot fails
    h.waiting();
    h.message(failed("redirect_uri mismatch"));
    h.waiting();
    h.confirm("conn-1");
    h.c.remove_connection();
    h.reply(h.one(), offline());
    h.events();
    REQUIRE_FALSE(h.seen.empty());
    for (const std::string& s : h.seen) {
        CHECK_FALSE(contains(s, kKey));
        CHECK_FALSE(contains(s, "st4te-n0nce"));
    }
}
