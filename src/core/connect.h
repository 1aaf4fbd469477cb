// One OAuth connection attempt as a state machine with no I/O and no clock (the oauthConnect and
// connection operations of tests/contract/openapi-api.json). The platform opens the popup inside the
// admin's click, then calls start(); it passes in answers, window messages, "the popup looks closed"
// and the time, and carries out what comes back: requests (take_requests), host events (take_events)
// and popup commands (take_popup).
//
// The result may arrive by three roads: the callback page's postMessage (strict origin, and only from
// the window this attempt opened), a check of the connection list against a snapshot taken at start (it
// survives COOP, blocked popups and the new-tab path), and the admin saying "I finished". "The window
// closed" is never a failure by itself: COOP makes popup.closed lie, so only a server check that finds
// nothing ends an attempt.
//
// Only a fresh connection proves the app: one of this test's provider, group and consumer, made with
// the app under test, and new since the attempt began (absent from the snapshot, or created again since:
// its createTime differs). updateTime is optional and its meaning unspecified, so it proves nothing. A
// message naming an older connection (a replay, or a re-consent the server folded into the existing
// connection) cannot be told apart: the attempt ends Unconfirmed, "could not confirm", never Connected
// and never Failed.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/api.h"
#include "core/error_code.h"
#include "core/models.h"
#include "core/outbox.h"
#include "core/problem.h"
#include "core/transitions.h"

namespace amp {

// Milliseconds. Only deadlines: now_ms always comes from the platform.
inline constexpr double kConnectSlowAfterMs = 120'000;   // Authorizing this long: offer reopen / "I finished"
inline constexpr double kConnectGiveUpAfterMs = 600'000; // from start(): one last check, then `timeout`
inline constexpr double kConnectCheckEveryMs = 3'000;    // between checks of the connection list
inline constexpr double kConnectClosedGraceMs = 45'000;  // checking after "closed" (COOP may fake it) or "I finished"
inline constexpr double kConnectBlockedWatchMs = 300'000; // popup blocked: watch for the new-tab path this long

// The waits above, adjustable by the host (an admin portal may want longer or shorter ones).
struct ConnectTimings {
    double slow_after = kConnectSlowAfterMs, give_up_after = kConnectGiveUpAfterMs,
           check_every = kConnectCheckEveryMs, closed_grace = kConnectClosedGraceMs,
           blocked_watch = kConnectBlockedWatchMs;
};

struct ConnectOptions {
    std::string api_base = kDefaultApiBase;
    std::string project, provider = "pinterest", group_ref, consumer_ref, provider_app_id;
    std::string display_name{}; // the provider's, for messages ("the Salesforce sign-in window"); empty: its name
    std::string secret_label = "client secret"; // as the provider's guide names it ("App Secret", "Consumer Secret")
    std::string ampersand_origin{};              // where the callback page runs; empty: api_base's origin
    std::vector<std::string> requested_scopes{}; // the app's, for the result when the answer omits them
    ConnectTimings timings{};
    std::string workspace{}; // providerWorkspaceRef (core/connect_inputs.h)
    json metadata{};         // providerMetadata
};

enum class ConnectState { Idle, Starting, Authorizing, Blocked, Reconciling, Confirming, Connected, Unconfirmed, Failed };

// What moves an attempt from one state to another; connect_transitions() says where each one leads.
enum class ConnectEvent {
    Start,        // start(): any earlier attempt is retired
    SignInPage,   // the sign-in address is sent to a window of ours (the first one, or a reopened one)
    NoWindow,     // the address came, or a reopen was asked for, with no window: the new-tab path
    WindowClosed, // the platform saw the window close (COOP may fake it): ask the server
    Finished,     // the admin says they are done: ask the server
    CheckAgain,   // Unconfirmed: the admin asks the server once more
    Deadline,     // a phase ran out of time
    Message,      // the window's message names a connection: ask the server what it is
    Doubted,      // that connection is not a fresh one of ours: the connection list decides
    Proven,       // a fresh connection of ours, from the list or the message
    Refused,      // the window says the provider refused
    HttpError,    // a request of the attempt failed for good
    Unsure,       // the server cannot tell whether this sign-in made the connection
    NotFound,     // the last check found no connection: the attempt failed
    Cancel,       // cancel(): the attempt and its result are dropped
    Removed,      // the connection shown was deleted
};

using ConnectTransition = Transition<ConnectState, ConnectEvent>;
std::span<const ConnectTransition> connect_transitions();
const char* state_name(ConnectState s);
const char* event_name(ConnectEvent e);

struct PopupCommand {
    enum Kind { Navigate, Close, Focus } kind = Navigate;
    std::string url; // Navigate only
};

// What the callback page posted to its opener; None for anything else.
struct AuthMessage {
    enum Kind { None, Succeeded, Failed } kind = None;
    std::string connection_id; // Succeeded
    std::string error;         // Failed: the text as sent (may be empty)
};
AuthMessage parse_auth_message(std::string_view data_json);

struct Connect {
    // Intents and inputs. popup_opened: whether window.open, called by the platform synchronously
    // inside the click and BEFORE this, returned a window. start() retires any previous attempt.
    // The attempt keeps a copy of the Client's credential for its later requests (checks, removal): the
    // Client need not outlive the call.
    void start(const Client& c, const ConnectOptions& o, bool popup_opened, double now_ms);
    void on_response(int id, const Response& r, double now_ms);
    // origin: event.origin as the browser reports it; data_json: JSON.stringify(event.data);
    // from_popup: event.source === our popup (false when unknown).
    void on_message(std::string_view origin, std::string_view data_json, bool from_popup, double now_ms);
    void on_popup_closed(double now_ms);            // the platform saw popup.closed (may lie under COOP)
    void i_finished(double now_ms);                 // the admin says they are done: check with the server
    void check_again(double now_ms);                // Unconfirmed: ask the server once more
    void keep_waiting(double now_ms);               // "Still waiting": hide the slow notice, bring the window up
    void reopen(bool popup_opened, double now_ms);  // a fresh window in a fresh click, sent to auth_url
    void cancel();                                  // drop the attempt and its result, wipe the credential
    void remove_connection();                       // DELETE the test connection (or, Unconfirmed, the old one)
    void tick(double now_ms);                       // deadlines: soft timeout, checks, give-up
    double next_deadline() const;                   // when tick() wants to run (ms); 0 = no need

    std::vector<Outgoing> take_requests() { return requests_.take(); }
    std::vector<std::string> take_events() { return std::exchange(events_, {}); }
    std::vector<PopupCommand> take_popup() { return std::exchange(popup_, {}); }

    // State for the UI, read only.
    ConnectOptions options;
    ConnectState state = ConnectState::Idle; // moved only by go(), through connect_transitions()
    int attempt = 0;                       // 1 for the first start(); each start() adds one
    std::string auth_url;                  // once known: for "Open in a new tab" when Blocked
    std::optional<Connection> connection;  // Connected: the connection Ampersand holds; Unconfirmed: the
                                           // older one for this group and consumer, if there is one
    std::optional<ApiError> error;         // the HTTP failure behind code network / api (status, request id)
    ErrorCode error_code = ErrorCode::None; // Network or Api (an HTTP failure), or one of the OAuth
                                            // attempt's codes (core/error_code.h)
    std::string message;                   // what went wrong, for people (a provider's text verbatim)
    std::string hint;                      // what to do about it
    std::string hint_step;                 // a checklist step id ("redirect", "trial"), or "secret": the App
                                           // Secret field
    bool slow = false;                     // Authorizing for a long time: offer the choices, alarm nobody
    bool removing = false;                 // a DELETE is in flight
    // Reconciling after the window closed, and the first check found nothing: message says so while
    // the checks go on through the grace period.
    bool window_looks_closed() const { return window_ == SignInWindow::LooksClosed; }
    // Whether the attempt holds a copy of a credential: from start() (when lent one) until cancel(), as
    // the checks and the removal after a result still call the API with it.
    bool holds_credential() const { return !caller_.credential.empty(); }

private:
    enum class Call { Snapshot, AuthUrl, Confirm, Check, Remove };

    void got_snapshot(const Response& r, double now);
    void got_auth_url(const Response& r, double now);
    void got_check(const Response& r, double now);
    void got_connection(const Response& r, double now);
    void got_removed(const Response& r);
    // The sign-in window, as far as this attempt knows it.
    enum class SignInWindow {
        None,        // no window of ours (blocked, or none asked for): messages are not listened to
        Open,        // ours and open: its messages count, and it is closed when the attempt ends
        ClosedEarly, // it closed before the sign-in address came: as good as blocked, said as "closed"
        LooksClosed, // the platform said closed and the server has nothing yet: the admin was told, and its
                     // messages still count (COOP may have faked the closing)
        Released,    // ours, asked to close as the attempt ended: a late message from it still counts
    };

    void go(ConnectEvent e); // the only way state changes: by connect_transitions()
    void authorize(double now);
    void block(double now);
    void reconcile(ConnectEvent why, double now, ErrorCode give_up_code);
    void final_check(ConnectEvent why, double now, ErrorCode give_up_code);
    void check_now();
    void succeeded(std::string_view connection_id, double now);
    void judge_confirmed(double now);
    void connected(Connection c);
    void unconfirmed(ConnectEvent why, std::string text);
    void denied_or_failed(const std::string& text);
    void end(ConnectEvent why);
    void fail(ConnectEvent why, ErrorCode code, std::string text, std::string_view operation, bool retryable);
    void fail_http(const ApiError& e, std::string_view operation);
    void report_http(const ApiError& e, std::string_view operation);
    void give_up();
    void clear_error();
    void close_popup();
    bool window_ours() const { return window_ != SignInWindow::None && window_ != SignInWindow::ClosedEarly; }
    void tell_closed();
    bool listening() const;
    double answer_due(double now) const;
    bool ours(const Connection& c) const;
    bool fresh(const Connection& c) const;
    std::optional<Connection> newest(const std::vector<Connection>& list, bool want_fresh) const;
    std::string provider_name() const;
    std::string closed_text() const;

    Caller caller_;                          // as whom and where: a copy of what start() was lent
    std::string expected_origin_;            // the API's origin: the only one a result may come from
    SignInWindow window_ = SignInWindow::None;
    bool gave_up_ = false;                   // Failed on our own deadline: a late success still counts
    bool last_check_ = false;                // Reconciling: the next check that finds nothing ends the attempt
    ErrorCode give_up_code_ = ErrorCode::None;
    std::optional<std::map<std::string, std::string>> snapshot_; // id -> createTime before this attempt
    std::optional<Connection> confirmed_;    // the message's connection, until the snapshot can judge it
    std::optional<Connection> older_;        // the last check found only a pre-existing connection of ours
    std::set<std::string> doubted_;          // ids a message named that were not fresh: asked about once
    double authorizing_since_ = 0, give_up_at_ = 0, deadline_ = 0, next_check_ = 0;
    double answer_by_ = 0;                   // Starting, Confirming, a last check: the answer is due by then
    Outbox<Call> requests_;                  // this attempt's; start() forgets the old ones
    std::vector<std::string> events_;
    std::vector<PopupCommand> popup_;
};

} // namespace amp
