#include "core/connect.h"

#include <algorithm>
#include <cctype>

#include "core/catalog.h"
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
    const char* code;
    std::string step, hint;
};

Advice advise(std::string_view text, const std::string& name, const std::string& callback) {
    if (mentions(text, {"access_denied", "denied", "declined"}))
        return {"authorization_denied", "",
                "The " + name + " account did not allow access. Try again and choose to allow it."};
    if (mentions(text, {"redirect"}))
        return {"authorization_failed", "redirect",
                "Add exactly " + callback + " as a redirect URI of the " + name + " app, save, then try again."};
    if (mentions(text, {"invalid_client", "client authentication", "authentication failed", "client_secret",
                        "client secret", "app secret"}))
        return {"authorization_failed", "secret",
                name + " did not accept the app's credentials. Re-enter the App Secret exactly as the " + name +
                    " console shows it, save, then try again."};
    if (mentions(text, {"scope", "trial", "approv", "unauthorized_client"}))
        return {"authorization_failed", "trial",
                "Check that the " + name + " app has trial access or better and allows every chosen scope."};
    return {"authorization_failed", "",
            "Check the " + name + " app's ID, secret, scopes and redirect URI, then try again."};
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

// ---- plumbing --------------------------------------------------------------------------------------

void Connect::close_popup() {
    if (window_open_) popup_.push_back({PopupCommand::Close, {}});
    window_open_ = false;
}

std::string Connect::provider_name() const {
    const ProviderGuide* g = builtin_guide(options.provider);
    return g ? g->display_name : options.provider;
}

void Connect::clear_error() {
    error.reset();
    error_code.clear();
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
    client_ = c;
    options = o;
    auto base = parse_url(o.ampersand_origin.empty() ? o.api_base : o.ampersand_origin);
    expected_origin_ = base ? base->origin() : "";
    has_popup_ = window_open_ = popup_opened;
    auth_url.clear();
    connection.reset();
    snapshot_.reset();
    confirmed_.reset();
    older_.reset();
    doubted_.clear();
    slow = removing = last_check_ = closed_early_ = false;
    give_up_at_ = answer_by_ = now_ms + options.timings.give_up_after;
    state = ConnectState::Starting;
    // The snapshot lets a later check tell this attempt's connection from one that was already there.
    requests_.send(Call::Snapshot, list_connections(client_, o.project, o.provider, o.group_ref, o.consumer_ref));
    ConnectParams params{o.project, o.provider, o.group_ref, o.consumer_ref, o.provider_app_id, o.workspace, o.metadata};
    requests_.send(Call::AuthUrl, oauth_connect(client_, params));
}

void Connect::on_popup_closed(double now_ms) {
    // Before the URL came the window was still blank on our side, so "closed" is true here: the admin
    // closed it, or a blocker handed back a window and shut it. Either way it is as good as blocked.
    if (state == ConnectState::Starting) has_popup_ = window_open_ = false, closed_early_ = true;
    if (state == ConnectState::Authorizing) reconcile(now_ms, "popup_closed");
}

void Connect::i_finished(double now_ms) {
    bool waited = state == ConnectState::Authorizing || state == ConnectState::Blocked ||
                  (state == ConnectState::Failed && gave_up_); // we stopped too early, perhaps
    if (waited) reconcile(now_ms, "not_connected");
    else if (state == ConnectState::Reconciling) check_now();
}

void Connect::check_again(double now_ms) {
    if (state == ConnectState::Unconfirmed) final_check(now_ms, "not_connected");
}

void Connect::keep_waiting(double now_ms) {
    if (state != ConnectState::Authorizing) return;
    slow = false;
    authorizing_since_ = now_ms;
    if (window_open_) popup_.push_back({PopupCommand::Focus, {}});
}

void Connect::reopen(bool popup_opened, double now_ms) {
    bool waiting = state == ConnectState::Authorizing || state == ConnectState::Blocked ||
                   state == ConnectState::Reconciling;
    if (!waiting || auth_url.empty()) return;
    if (!popup_opened) {
        if (state != ConnectState::Blocked) block(now_ms);
        return;
    }
    has_popup_ = window_open_ = true;
    give_up_at_ = now_ms + options.timings.give_up_after; // a fresh window gets the full time again
    authorize(now_ms);
    popup_.push_back({PopupCommand::Focus, {}});
}

void Connect::cancel() {
    if (state == ConnectState::Idle) return;
    end(ConnectState::Idle);
    connection.reset(); // what an earlier attempt found belongs to the app it tested
    removing = false;
}

void Connect::remove_connection() {
    bool shown = state == ConnectState::Connected || state == ConnectState::Unconfirmed;
    if (!shown || !connection || removing) return;
    if (state == ConnectState::Connected) clear_error(); // an earlier removal's failure; "unconfirmed" stays
    removing = true;
    requests_.send(Call::Remove, delete_connection(client_, options.project, connection->id));
}

// ---- where the attempt goes ------------------------------------------------------------------------

void Connect::authorize(double now) {
    clear_error();
    popup_.push_back({PopupCommand::Navigate, auth_url});
    state = ConnectState::Authorizing;
    authorizing_since_ = now;
    slow = last_check_ = false;
}

// No window: the admin can still open auth_url in a new tab, which has no opener to post back, so the
// connection list is watched instead.
void Connect::block(double now) {
    has_popup_ = window_open_ = false;
    clear_error();
    state = ConnectState::Blocked;
    slow = last_check_ = false;
    // A window closed before the sign-in page loaded is as good as blocked, but say what happened.
    error_code = closed_early_ ? "popup_closed" : "popup_blocked";
    message = closed_early_ ? "The sign-in window was closed before the " + provider_name() + " page opened."
                            : "The browser blocked the " + provider_name() + " sign-in window.";
    hint = "Open it in a new tab, or allow pop-ups for this page and try again.";
    events_.push_back(failure_event(error_code, message, kOpAuthorize, true));
    deadline_ = std::min(now + options.timings.blocked_watch, give_up_at_);
    next_check_ = now + options.timings.check_every;
}

// Ask the server rather than trust the window: check now, then every few seconds for a grace period
// that ends with the attempt's own deadline at the latest, while the message listener stays live.
void Connect::reconcile(double now, const char* give_up_code) {
    final_check(now, give_up_code);
    last_check_ = false;
    deadline_ = std::min(now + options.timings.closed_grace, std::max(give_up_at_, now));
}

// An answer asked for now is due by the attempt's deadline, or one check interval from now when that
// has passed (a last check after giving up, a late message).
double Connect::answer_due(double now) const {
    return std::max(give_up_at_, now + options.timings.check_every);
}

// Reconciling on a single answer: found, or the attempt ends with give_up_code.
void Connect::final_check(double now, const char* give_up_code) {
    clear_error();
    state = ConnectState::Reconciling;
    slow = false;
    give_up_code_ = give_up_code;
    last_check_ = true;
    answer_by_ = answer_due(now);
    check_now();
}

void Connect::check_now() {
    if (requests_.busy(Call::Check)) return; // its answer will do
    requests_.send(Call::Check, list_connections(client_, options.project, options.provider, options.group_ref, options.consumer_ref));
}

// Every phase ends by the attempt's deadline: a hung request cannot keep the admin waiting.
void Connect::tick(double now_ms) {
    switch (state) {
    case ConnectState::Starting:
        if (now_ms >= answer_by_)
            fail("timeout", "Ampersand did not give the " + provider_name() + " sign-in address in time.", kOpStart, true);
        break;
    case ConnectState::Authorizing:
        if (now_ms >= give_up_at_) final_check(now_ms, "timeout");
        else if (now_ms >= authorizing_since_ + options.timings.slow_after) slow = true;
        break;
    case ConnectState::Blocked:
        if (now_ms >= deadline_) final_check(now_ms, "timeout");
        else if (now_ms >= next_check_) check_now();
        break;
    case ConnectState::Reconciling:
        if (last_check_ && now_ms >= answer_by_)
            return unconfirmed("Ampersand did not answer in time, so this page could not confirm whether the "
                               "connection was made.");
        if (!last_check_ && now_ms >= deadline_) { // the next answer decides
            last_check_ = true;
            answer_by_ = answer_due(now_ms);
        }
        if (now_ms >= next_check_ || last_check_) check_now();
        break;
    case ConnectState::Confirming:
        if (now_ms >= answer_by_)
            unconfirmed("Ampersand did not confirm the connection in time, so this page could not confirm it.");
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
        e.detail = "The Ampersand API did not return a usable authorisation URL (an absolute https address).";
        return fail_http(e, kOpStart);
    }
    auth_url = url;
    if (has_popup_) authorize(now);
    else block(now);
}

void Connect::got_check(const Response& r, double now) {
    if (state != ConnectState::Blocked && state != ConnectState::Reconciling) return; // the result came another way
    if (!r.ok()) {
        ApiError e = error_from(r);
        // A blip should not end the attempt; a refusal (401, 404, ...) will not go away by waiting.
        if (!e.retryable) return fail_http(e, kOpSnapshot);
        if (last_check_) {
            unconfirmed("Ampersand could not be asked whether the connection was made, so this page could "
                        "not confirm it.");
            error = e; // for the request id on screen and in diagnostics
            return;
        }
    } else if (auto list = parse_connections(r.body); list && snapshot_) {
        if (auto c = newest(*list, true)) return connected(std::move(*c));
        older_ = newest(*list, false);
    }
    if (last_check_) return give_up();
    next_check_ = now + options.timings.check_every;
}

void Connect::got_connection(const Response& r, double now) {
    if (state != ConnectState::Confirming) return;
    auto c = r.ok() ? parse_connection(r.body) : std::nullopt;
    // The message named a connection the API will not show: it proves nothing; the list may.
    if (!c) return final_check(now, "not_connected");
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
    final_check(now, "not_connected");
}

void Connect::got_removed(const Response& r) {
    removing = false;
    // On failure the connection stays, and so does the Connected state, with the error beside it.
    if (!r.ok()) return report_http(error_from(r), kOpRemove);
    std::string id = connection ? connection->id : "";
    connection.reset();
    state = ConnectState::Idle;
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
    if (!has_popup_ || !from_popup || !listening()) return;
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
    state = ConnectState::Confirming;
    answer_by_ = answer_due(now);
    requests_.send(Call::Confirm, get_connection(client_, options.project, connection_id));
}

void Connect::connected(Connection c) {
    end(ConnectState::Connected);
    if (c.requested_scopes.empty()) c.requested_scopes = options.requested_scopes;
    connection = std::move(c);
    events_.push_back(connected_event(*connection));
}

// We cannot tell: no success, no failure. The older connection, if the list showed one, is offered
// for removal so that the next test can prove the app from scratch.
void Connect::unconfirmed(std::string text) {
    std::optional<Connection> older = std::exchange(older_, std::nullopt);
    end(ConnectState::Unconfirmed);
    error_code = "unconfirmed";
    message = std::move(text);
    hint = older ? "Check again, or remove that connection (or change the consumer ref) and test again: a new "
                   "connection proves the app."
                 : "Check again in a moment, or try again.";
    connection = std::move(older);
    events_.push_back(failure_event(error_code, message, kOpAuthorize, true));
}

void Connect::denied_or_failed(const std::string& text) {
    std::string name = provider_name();
    Advice a = advise(text, name, callback_uri(options.ampersand_origin.empty() ? options.api_base : options.ampersand_origin));
    fail(a.code, text.empty() ? name + " did not authorise the connection." : text, kOpAuthorize, true);
    hint = a.hint;
    hint_step = a.step;
}

// ---- endings ---------------------------------------------------------------------------------------

// Every ending closes the window (the callback page may not have) and forgets the attempt's requests.
void Connect::end(ConnectState to) {
    close_popup();
    clear_error();
    requests_.forget_pending();
    slow = false;
    state = to;
}

void Connect::fail(const char* code, std::string text, std::string_view operation, bool retryable) {
    end(ConnectState::Failed);
    error_code = code;
    message = std::move(text);
    events_.push_back(failure_event(error_code, message, operation, retryable));
}

void Connect::fail_http(const ApiError& e, std::string_view operation) {
    end(ConnectState::Failed);
    report_http(e, operation);
}

// The failed answer as the UI and the host see it: network when nothing came back, api otherwise.
void Connect::report_http(const ApiError& e, std::string_view operation) {
    error = e;
    error_code = e.status == 0 ? "network" : "api";
    message = e.message();
    ApiError shown = e;
    shown.code = error_code;
    events_.push_back(error_event(shown, operation));
}

// Our own deadline passed and the server has nothing: say why we stopped, and keep listening.
void Connect::give_up() {
    std::string name = provider_name(), code = give_up_code_;
    if (!snapshot_)
        return unconfirmed("Ampersand has not said which connections existed before this test, so this page "
                           "could not confirm the result.");
    if (older_)
        return unconfirmed("Ampersand holds a " + name + " connection for this group and consumer, but it existed "
                           "before this test began, so this page could not confirm that this sign-in renewed it.");
    std::string text = "Ampersand has not received an authorisation from " + name + ".";
    if (code == "popup_closed") text = "The " + name + " window closed before Ampersand received an authorisation.";
    if (code == "timeout") text = "Ampersand did not receive an authorisation from " + name + " in time.";
    fail(give_up_code_, text, kOpAuthorize, true);
    hint = "Try again. If " + name + " showed an error, fix what it named first.";
    gave_up_ = true;
}

} // namespace amp
