#include "core/messages.h"
#include "core/connect.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "core/events.h"
#include "core/form.h"
#include "core/json.h"
#include "core/timestamp.h"
#include "core/url.h"

namespace amp {

namespace {

// Operation names in error events.
constexpr const char* kOpStart = "oauthConnect";
constexpr const char* kOpSnapshot = "listConnections";
constexpr const char* kOpAuthorize = "authorize";
constexpr const char* kOpRemove = "removeConnection";

bool mentions(std::string_view text, std::initializer_list<const char*> words) {
    std::string lower(text);
    for (char& c : lower) c = (char)std::tolower((unsigned char)c);
    return std::any_of(words.begin(), words.end(), [&](const char* w) { return lower.find(w) != std::string::npos; });
}

// The body of a 200 from /oauth-connect: the bare URL as text/plain, or (as the generated TS client
// allows) a JSON string.
std::string url_from_body(std::string_view body) {
    json j = parse_json(body);
    return trim(j.is_string() ? j.get<std::string>() : std::string(body));
}

// What a provider's refusal most likely means, and where in the setup to fix it. The texts are the
// provider's and Ampersand's own, so this reads words, not codes.
struct Advice {
    ErrorCode code;
    std::string step, hint;
};

Advice advise(std::string_view text, const std::string& name, const std::string& secret, const std::string& callback) {
    if (mentions(text, {"access_denied", "denied", "declined"}))
        return {ErrorCode::AuthorizationDenied, "",
                tr("test.denied", {{"provider", name}})};
    if (mentions(text, {"redirect"}))
        return {ErrorCode::AuthorizationFailed, "redirect",
                tr("test.redirect", {{"uri", callback}, {"provider", name}})};
    if (mentions(text, {"invalid_client", "client authentication", "authentication failed", "client_secret",
                        "client secret", "app secret"}))
        return {ErrorCode::AuthorizationFailed, "secret",
                tr("test.credentials", {{"provider", name}, {"label", secret}})};
    if (mentions(text, {"scope", "trial", "approv", "unauthorized_client"}))
        return {ErrorCode::AuthorizationFailed, "trial",
                tr("test.scopes", {{"provider", name}})};
    return {ErrorCode::AuthorizationFailed, "",
            tr("test.check_app", {{"provider", name}})};
}

} // namespace

AuthMessage parse_auth_message(std::string_view data_json) {
    json j = parse_json(data_json);
    std::string type = str(j, "eventType");
    const json& data = member(j, "data");
    if (type == "AUTHORIZATION_SUCCEEDED") {
        const json& conn = member(data, "connection");
        std::string id = conn.is_object() ? str(conn, "id") : conn.is_string() ? conn.get<std::string>() : "";
        if (!id.empty()) return {AuthMessage::Succeeded, id, {}};
    }
    // The current page sends data.error; the older one a top-level message.
    if (type == "AUTHORIZATION_FAILED") return {AuthMessage::Failed, {}, str(data, "error", str(j, "message"))};
    return {};
}

// ---- states and transitions -----------------------------------------------------------------------
// Every way an attempt moves, in one table (README.md "States" draws it). The methods below decide which
// event happened; go() looks up where it leads. Rows marked "gave up" apply only when the attempt
// failed on its own deadline (gave_up_), which the methods check before they raise the event.

namespace {

using S = ConnectState;
using E = ConnectEvent;

constexpr ConnectTransition kTransitions[] = {
    {std::nullopt, E::Start, S::Starting},
    {std::nullopt, E::Cancel, S::Idle},
    {S::Starting, E::SignInPage, S::Authorizing},
    {S::Starting, E::NoWindow, S::Blocked},
    {S::Starting, E::Deadline, S::Failed},
    {S::Starting, E::HttpError, S::Failed},
    {S::Authorizing, E::SignInPage, S::Authorizing}, // reopened: a fresh window, the full time again
    {S::Authorizing, E::NoWindow, S::Blocked},
    {S::Authorizing, E::WindowClosed, S::Reconciling},
    {S::Authorizing, E::Finished, S::Reconciling},
    {S::Authorizing, E::Deadline, S::Reconciling},    // one last check
    {S::Authorizing, E::Message, S::Confirming},
    {S::Authorizing, E::Refused, S::Failed},
    {S::Authorizing, E::HttpError, S::Failed},
    {S::Blocked, E::SignInPage, S::Authorizing},
    {S::Blocked, E::Finished, S::Reconciling},
    {S::Blocked, E::Deadline, S::Reconciling},        // one last check
    {S::Blocked, E::Proven, S::Connected},            // the new-tab path, seen in the connection list
    {S::Blocked, E::HttpError, S::Failed},
    {S::Reconciling, E::SignInPage, S::Authorizing},
    {S::Reconciling, E::NoWindow, S::Blocked},
    {S::Reconciling, E::Message, S::Confirming},
    {S::Reconciling, E::Proven, S::Connected},
    {S::Reconciling, E::Refused, S::Failed},
    {S::Reconciling, E::NotFound, S::Failed},
    {S::Reconciling, E::HttpError, S::Failed},
    {S::Reconciling, E::Unsure, S::Unconfirmed},
    {S::Reconciling, E::Deadline, S::Unconfirmed},    // the last answer did not come in time
    {S::Confirming, E::Proven, S::Connected},
    {S::Confirming, E::Doubted, S::Reconciling},
    {S::Confirming, E::HttpError, S::Failed},
    {S::Confirming, E::Deadline, S::Unconfirmed},
    {S::Connected, E::Removed, S::Idle},
    {S::Unconfirmed, E::CheckAgain, S::Reconciling},
    {S::Unconfirmed, E::Message, S::Confirming},      // a fresh success may still come
    {S::Unconfirmed, E::Removed, S::Idle},            // the older connection it offered
    {S::Failed, E::Finished, S::Reconciling},         // gave up: we may have stopped too early
    {S::Failed, E::Message, S::Confirming},           // gave up: the provider may not have
};

} // namespace

std::span<const ConnectTransition> connect_transitions() {
    return kTransitions;
}

const char* state_name(ConnectState s) {
    // In the enum's order.
    static constexpr const char* names[] = {
        "Idle", "Starting", "Authorizing", "Blocked", "Reconciling", "Confirming", "Connected",
        "Unconfirmed", "Failed"};
    static_assert(std::size(names) == (size_t)ConnectState::Failed + 1);
    return names[(int)s];
}

const char* event_name(ConnectEvent e) {
    // In the enum's order.
    static constexpr const char* names[] = {
        "start", "sign-in page", "no window", "window closed", "I finished", "check again", "deadline",
        "message", "doubted", "proven", "refused", "HTTP error", "unsure", "not found", "cancel", "removed"};
    static_assert(std::size(names) == (size_t)ConnectEvent::Removed + 1);
    return names[(int)e];
}

void Connect::go(ConnectEvent e) {
    if (auto to = next_state(connect_transitions(), state, e)) state = *to;
}

// ---- plumbing --------------------------------------------------------------------------------------

void Connect::close_popup() {
    if (window_ != SignInWindow::Open && window_ != SignInWindow::LooksClosed) return;
    popup_.push_back({PopupCommand::Close, {}});
    window_ = SignInWindow::Released;
}

std::string Connect::closed_text() const {
    return tr("test.closed", {{"provider", provider_name()}});
}

std::string Connect::provider_name() const {
    return options.display_name.empty() ? options.provider : options.display_name;
}

void Connect::clear_error() {
    error.reset();
    error_code = ErrorCode::None;
    message.clear();
    hint.clear();
    hint_step.clear();
    gave_up_ = false;
}

// ---- intents ---------------------------------------------------------------------------------------

void Connect::start(const Client& c, const ConnectOptions& o, bool popup_opened, double now_ms) {
    // Retire whatever came before: its answers find no pending entry, its popup commands are unsent.
    requests_.forget();
    popup_.clear();
    clear_error();
    ++attempt;
    caller_ = Caller(c); // the previous attempt's copy is wiped
    options = o;
    auto base = parse_url(o.ampersand_origin.empty() ? o.api_base : o.ampersand_origin);
    expected_origin_ = base ? base->origin() : "";
    window_ = popup_opened ? SignInWindow::Open : SignInWindow::None;
    auth_url.clear();
    connection.reset();
    snapshot_.reset();
    confirmed_.reset();
    older_.reset();
    doubted_.clear();
    slow = removing = last_check_ = false;
    give_up_at_ = answer_by_ = now_ms + options.timings.give_up_after;
    go(E::Start);
    // The snapshot lets a later check tell this attempt's connection from one that was already there.
    requests_.send(Call::Snapshot, list_connections(caller_.client(), o.project, o.provider, o.group_ref, o.consumer_ref));
    ConnectParams params{o.project, o.provider, o.group_ref, o.consumer_ref, o.provider_app_id, o.workspace, o.metadata};
    requests_.send(Call::AuthUrl, oauth_connect(caller_.client(), params));
}

void Connect::on_popup_closed(double now_ms) {
    // Before the URL came the window was still blank on our side, so "closed" is true here: the admin
    // closed it, or a blocker handed back a window and shut it. Either way it is as good as blocked.
    if (state == ConnectState::Starting) window_ = SignInWindow::ClosedEarly;
    if (state == ConnectState::Authorizing) reconcile(E::WindowClosed, now_ms, ErrorCode::PopupClosed);
}

void Connect::i_finished(double now_ms) {
    bool waited = state == ConnectState::Authorizing || state == ConnectState::Blocked ||
                  (state == ConnectState::Failed && gave_up_); // we stopped too early, perhaps
    if (waited) reconcile(E::Finished, now_ms, ErrorCode::NotConnected);
    else if (state == ConnectState::Reconciling) check_now();
}

void Connect::check_again(double now_ms) {
    if (state == ConnectState::Unconfirmed) final_check(E::CheckAgain, now_ms, ErrorCode::NotConnected);
}

void Connect::keep_waiting(double now_ms) {
    if (state != ConnectState::Authorizing) return;
    slow = false;
    authorizing_since_ = now_ms;
    if (window_ == SignInWindow::Open) popup_.push_back({PopupCommand::Focus, {}});
}

void Connect::reopen(bool popup_opened, double now_ms) {
    bool waiting = state == ConnectState::Authorizing || state == ConnectState::Blocked ||
                   state == ConnectState::Reconciling;
    if (!waiting || auth_url.empty()) return;
    if (!popup_opened) {
        if (state != ConnectState::Blocked) block(now_ms);
        return;
    }
    window_ = SignInWindow::Open;
    give_up_at_ = now_ms + options.timings.give_up_after; // a fresh window gets the full time again
    authorize(now_ms);
    popup_.push_back({PopupCommand::Focus, {}});
}

void Connect::cancel() {
    caller_ = {}; // nothing more is sent for this attempt: wipe its copy of the credential
    if (state == ConnectState::Idle) return;
    end(E::Cancel);
    connection.reset(); // what an earlier attempt found belongs to the app it tested
    removing = false;
}

void Connect::remove_connection() {
    bool shown = state == ConnectState::Connected || state == ConnectState::Unconfirmed;
    if (!shown || !connection || removing) return;
    if (state == ConnectState::Connected) clear_error(); // an earlier removal's failure; "unconfirmed" stays
    removing = true;
    requests_.send(Call::Remove, delete_connection(caller_.client(), options.project, connection->id));
}

// ---- where the attempt goes ------------------------------------------------------------------------

void Connect::authorize(double now) {
    clear_error();
    popup_.push_back({PopupCommand::Navigate, auth_url});
    go(E::SignInPage);
    authorizing_since_ = now;
    slow = last_check_ = false;
}

// No window: the admin can still open auth_url in a new tab, which has no opener to post back, so the
// connection list is watched instead.
void Connect::block(double now) {
    // A window closed before the sign-in page loaded is as good as blocked, but say what happened.
    bool closed_early = window_ == SignInWindow::ClosedEarly;
    if (!closed_early) window_ = SignInWindow::None;
    clear_error();
    go(E::NoWindow);
    slow = last_check_ = false;
    error_code = closed_early ? ErrorCode::PopupClosed : ErrorCode::PopupBlocked;
    message = tr(closed_early ? "test.closed_early" : "test.blocked", {{"provider", provider_name()}});
    hint = tr("test.blocked_hint");
    events_.push_back(failure_event(error_code, message, kOpAuthorize, true));
    deadline_ = std::min(now + options.timings.blocked_watch, give_up_at_);
    next_check_ = now + options.timings.check_every;
}

// Ask the server rather than trust the window: check now, then every few seconds for a grace period
// that ends with the attempt's own deadline at the latest, while the message listener stays live.
void Connect::reconcile(ConnectEvent why, double now, ErrorCode give_up_code) {
    final_check(why, now, give_up_code);
    last_check_ = false;
    deadline_ = std::min(now + options.timings.closed_grace, std::max(give_up_at_, now));
}

// An answer asked for now is due by the attempt's deadline, or one check interval from now when that
// has passed (a last check after giving up, a late message).
double Connect::answer_due(double now) const {
    return std::max(give_up_at_, now + options.timings.check_every);
}

// Reconciling on a single answer: found, or the attempt ends with give_up_code.
void Connect::final_check(ConnectEvent why, double now, ErrorCode give_up_code) {
    clear_error();
    go(why);
    slow = false;
    give_up_code_ = give_up_code;
    last_check_ = true;
    answer_by_ = answer_due(now);
    check_now();
}

void Connect::check_now() {
    if (requests_.busy(Call::Check)) return; // its answer will do
    requests_.send(Call::Check, list_connections(caller_.client(), options.project, options.provider, options.group_ref, options.consumer_ref));
}

// Every phase ends by the attempt's deadline: a hung request cannot keep the admin waiting.
void Connect::tick(double now_ms) {
    switch (state) {
    case ConnectState::Starting:
        if (now_ms >= answer_by_)
            fail(E::Deadline, ErrorCode::Timeout, tr("test.start_timeout", {{"provider", provider_name()}}), kOpStart, true);
        break;
    case ConnectState::Authorizing:
        if (now_ms >= give_up_at_) final_check(E::Deadline, now_ms, ErrorCode::Timeout);
        else if (now_ms >= authorizing_since_ + options.timings.slow_after) slow = true;
        break;
    case ConnectState::Blocked:
        if (now_ms >= deadline_) final_check(E::Deadline, now_ms, ErrorCode::Timeout);
        else if (now_ms >= next_check_) check_now();
        break;
    case ConnectState::Reconciling:
        if (last_check_ && now_ms >= answer_by_)
            return unconfirmed(E::Deadline, tr("test.check_timeout"));
        if (!last_check_ && now_ms >= deadline_) { // the next answer decides
            last_check_ = true;
            answer_by_ = answer_due(now_ms);
        }
        if (now_ms >= next_check_ || last_check_) check_now();
        break;
    case ConnectState::Confirming:
        if (now_ms >= answer_by_)
            unconfirmed(E::Deadline, tr("test.confirm_timeout"));
        break;
    default: break;
    }
}

double Connect::next_deadline() const {
    switch (state) {
    case ConnectState::Starting:
    case ConnectState::Confirming: return answer_by_;
    case ConnectState::Authorizing:
        return slow ? give_up_at_ : std::min(give_up_at_, authorizing_since_ + options.timings.slow_after);
    case ConnectState::Blocked:
    case ConnectState::Reconciling:
        if (last_check_) return answer_by_; // the last answer decides, if it comes in time
        return requests_.busy(Call::Check) ? deadline_ : std::min(deadline_, next_check_);
    default: return 0;
    }
}

// ---- answers ---------------------------------------------------------------------------------------

void Connect::on_response(int id, const Response& r, double now_ms) {
    std::optional<Call> settled = requests_.settle(id);
    if (!settled) return; // a retired attempt's, or unknown
    switch (*settled) {
    case Call::Snapshot: got_snapshot(r, now_ms); break;
    case Call::AuthUrl: got_auth_url(r, now_ms); break;
    case Call::Check: got_check(r, now_ms); break;
    case Call::Confirm: got_connection(r, now_ms); break;
    case Call::Remove: got_removed(r); break;
    }
}

void Connect::got_snapshot(const Response& r, double now) {
    if (!r.ok()) return fail_http(error_from(r), kOpSnapshot);
    auto list = parse_connections(r.body);
    if (!list) return fail_http(unreadable_answer(), kOpSnapshot);
    snapshot_.emplace();
    for (const Connection& c : *list) (*snapshot_)[c.id] = c.create_time;
    if (confirmed_) judge_confirmed(now); // the message's connection came first; now it can be judged
}

void Connect::got_auth_url(const Response& r, double now) {
    if (!r.ok()) return fail_http(error_from(r), kOpStart);
    std::string url = url_from_body(r.body);
    auto u = parse_url(url);
    if (!u || !is_trusted_transport(*u)) {
        ApiError e = unreadable_answer();
        e.detail = tr("test.bad_url");
        return fail_http(e, kOpStart);
    }
    auth_url = url;
    if (window_ours()) authorize(now);
    else block(now);
}

void Connect::got_check(const Response& r, double now) {
    if (state != ConnectState::Blocked && state != ConnectState::Reconciling) return; // the result came another way
    if (!r.ok()) {
        ApiError e = error_from(r);
        // A blip should not end the attempt; a refusal (401, 404, ...) will not go away by waiting.
        if (!e.retryable) return fail_http(e, kOpSnapshot);
        if (last_check_) {
            unconfirmed(E::Unsure, tr("test.check_failed"));
            error = e; // for the request id on screen and in diagnostics
            return;
        }
    } else if (auto list = parse_connections(r.body); list && snapshot_) {
        if (auto c = newest(*list, true)) return connected(std::move(*c));
        older_ = newest(*list, false);
        bool closed = give_up_code_ == ErrorCode::PopupClosed && window_ == SignInWindow::Open;
        if (closed && !older_ && !last_check_) tell_closed(); // the server was asked, and has nothing
    }
    if (last_check_) return give_up();
    next_check_ = now + options.timings.check_every;
}

// The window closed and Ampersand has nothing: most often the admin closed it without approving. Say so
// now rather than after the grace period, but keep checking and listening: COOP may have faked it.
void Connect::tell_closed() {
    window_ = SignInWindow::LooksClosed;
    error_code = ErrorCode::PopupClosed;
    message = closed_text();
    hint = tr("test.closed_hint");
    events_.push_back(failure_event(error_code, message, kOpAuthorize, true));
}

void Connect::got_connection(const Response& r, double now) {
    if (state != ConnectState::Confirming) return;
    auto c = r.ok() ? parse_connection(r.body) : std::nullopt;
    // The message named a connection the API will not show: it proves nothing; the list may.
    if (!c) return final_check(E::Doubted, now, ErrorCode::NotConnected);
    confirmed_ = std::move(c);
    if (snapshot_) judge_confirmed(now);
}

// A message names a connection; only a fresh one of ours proves this attempt. Anything else (a replay,
// another consumer's, one the server renewed in place) is doubted: the list decides, once.
void Connect::judge_confirmed(double now) {
    Connection c = std::move(*confirmed_);
    confirmed_.reset();
    if (ours(c) && fresh(c)) return connected(std::move(c));
    doubted_.insert(c.id);
    final_check(E::Doubted, now, ErrorCode::NotConnected);
}

void Connect::got_removed(const Response& r) {
    removing = false;
    // On failure the connection stays, and so does the Connected state, with the error beside it.
    if (!r.ok()) return report_http(error_from(r), kOpRemove);
    std::string id = connection ? connection->id : "";
    connection.reset();
    go(E::Removed);
    events_.push_back(connection_removed_event(id));
}

// This test's provider, group and consumer, made with the app under test. A field the answer leaves
// out (providerApp is optional in the spec) cannot disqualify it.
bool Connect::ours(const Connection& c) const {
    auto same = [](const std::string& theirs, const std::string& mine) { return theirs.empty() || mine.empty() || theirs == mine; };
    return same(c.provider, options.provider) && same(c.group_ref, options.group_ref) &&
           same(c.consumer_ref, options.consumer_ref) && same(c.provider_app_id, options.provider_app_id);
}

// New since the snapshot: absent from it, or created again since (its createTime changed; any change,
// since the server's timestamp format need not sort as text). Needs the snapshot.
bool Connect::fresh(const Connection& c) const {
    auto seen = snapshot_->find(c.id);
    return seen == snapshot_->end() || seen->second != c.create_time;
}

// Among this test's connections, the fresh ones (or the older ones), the one created last (compared as
// times: RFC 3339 text does not sort as time once fractions of a second appear).
std::optional<Connection> Connect::newest(const std::vector<Connection>& list, bool want_fresh) const {
    std::optional<Connection> best;
    for (const Connection& c : list)
        if (ours(c) && fresh(c) == want_fresh && (!best || !not_before(best->create_time, c.create_time))) best = c;
    return best;
}

// ---- messages from the callback page ---------------------------------------------------------------

bool Connect::listening() const {
    switch (state) {
    case ConnectState::Authorizing:
    case ConnectState::Reconciling:
    case ConnectState::Unconfirmed: return true; // a fresh success may still come
    case ConnectState::Failed: return gave_up_;  // we stopped waiting; the provider may not have
    default: return false;
    }
}

// Only the window this attempt opened may report: not a frame or another window of the API's origin,
// and nothing while the popup is blocked (the new-tab path is watched through the list instead).
void Connect::on_message(std::string_view origin, std::string_view data_json, bool from_popup, double now_ms) {
    if (expected_origin_.empty() || origin != expected_origin_) return;
    if (!window_ours() || !from_popup || !listening()) return;
    AuthMessage m = parse_auth_message(data_json);
    if (m.kind == AuthMessage::Succeeded && !doubted_.count(m.connection_id)) succeeded(m.connection_id, now_ms);
    // A refusal after we gave up would only replace one failure with another: keep the first.
    bool settled = gave_up_ || state == ConnectState::Unconfirmed;
    if (m.kind == AuthMessage::Failed && !settled) denied_or_failed(m.error);
}

// The message names the connection; the server says what it is, and the snapshot whether it is new.
// The window stays until then: a doubted message must not end a sign-in still under way in it.
void Connect::succeeded(std::string_view connection_id, double now) {
    clear_error();
    slow = false;
    go(E::Message);
    answer_by_ = answer_due(now);
    requests_.send(Call::Confirm, get_connection(caller_.client(), options.project, connection_id));
}

void Connect::connected(Connection c) {
    end(E::Proven);
    if (c.requested_scopes.empty()) c.requested_scopes = options.requested_scopes;
    connection = std::move(c);
    events_.push_back(connected_event(*connection));
}

// We cannot tell: no success, no failure. The older connection, if the list showed one, is offered
// for removal so that the next test can prove the app from scratch.
void Connect::unconfirmed(ConnectEvent why, std::string text) {
    std::optional<Connection> older = std::exchange(older_, std::nullopt);
    end(why);
    error_code = ErrorCode::Unconfirmed;
    message = std::move(text);
    hint = tr(older ? "test.older_hint" : "test.unsure_hint");
    connection = std::move(older);
    events_.push_back(failure_event(error_code, message, kOpAuthorize, true));
}

void Connect::denied_or_failed(const std::string& text) {
    std::string name = provider_name();
    Advice a = advise(text, name, options.secret_label, callback_uri(options.ampersand_origin.empty() ? options.api_base : options.ampersand_origin));
    fail(E::Refused, a.code, text.empty() ? tr("test.not_authorised", {{"provider", name}}) : text, kOpAuthorize, true);
    hint = a.hint;
    hint_step = a.step;
}

// ---- endings ---------------------------------------------------------------------------------------

// Every ending closes the window (the callback page may not have) and forgets the attempt's requests.
void Connect::end(ConnectEvent why) {
    close_popup();
    clear_error();
    requests_.forget_pending();
    slow = false;
    go(why);
}

void Connect::fail(ConnectEvent why, ErrorCode code, std::string text, std::string_view operation, bool retryable) {
    end(why);
    error_code = code;
    message = std::move(text);
    events_.push_back(failure_event(error_code, message, operation, retryable));
}

void Connect::fail_http(const ApiError& e, std::string_view operation) {
    end(E::HttpError);
    report_http(e, operation);
}

// The failed answer as the UI and the host see it: network when nothing came back, api otherwise.
void Connect::report_http(const ApiError& e, std::string_view operation) {
    error = e;
    error_code = e.status == 0 ? ErrorCode::Network : ErrorCode::Api;
    message = e.message();
    ApiError shown = e;
    shown.code = error_code;
    events_.push_back(error_event(shown, operation));
}

// Our own deadline passed and the server has nothing: say why we stopped, and keep listening.
void Connect::give_up() {
    std::string name = provider_name();
    if (!snapshot_)
        return unconfirmed(E::Unsure, tr("test.no_snapshot"));
    if (older_)
        return unconfirmed(E::Unsure, tr("test.older", {{"provider", name}}));
    std::string text = tr("test.not_received", {{"provider", name}});
    if (give_up_code_ == ErrorCode::PopupClosed) text = closed_text();
    if (give_up_code_ == ErrorCode::Timeout) text = tr("test.not_received_in_time", {{"provider", name}});
    if (window_ == SignInWindow::LooksClosed) { // the host heard it then: once is enough
        end(E::NotFound);
        error_code = give_up_code_;
        message = std::move(text);
    } else {
        fail(E::NotFound, give_up_code_, text, kOpAuthorize, true);
    }
    hint = tr("test.give_up_hint", {{"provider", name}});
    gave_up_ = true;
}

} // namespace amp
