#include "core/messages.h"
#include "ui/prove.h"

#include <imgui.h>

#include "ui/connect_fields.h"
#include "ui/parts.h"
#include "ui/widgets.h"

namespace ui {

using amp::tr;

namespace {

// Where the failure's hint points: a checklist step by id, or the secret field.
void hint(amp::Setup& s, const amp::Connect& c) {
    if (!c.hint.empty()) text(c.hint.c_str(), true);
    if (c.hint_step == "secret" && s.selected() && !s.form.replace_secret) {
        if (button(tr("prove.replace_secret", {{"label", s.guide->client_secret_label}}) + "###hint")) s.form.replace_secret = true;
        return;
    }
    for (const amp::GuideStep& step : s.guide->steps)
        if (step.id == c.hint_step) text(tr("prove.see_step", {{"step", step.title}}), true);
}

void waiting(const amp::Connect& c, Intents& out) {
    using St = amp::ConnectState;
    const char* status = c.state == St::Starting      ? "prove.starting"
                         : c.state == St::Reconciling ? "prove.reconciling"
                         : c.state == St::Confirming  ? "prove.confirming"
                                                      : "prove.authorizing";
    notice(tr(status).c_str());
    if (c.slow && c.state == St::Authorizing)
        text(tr("prove.slow"), true);
    begin_row();
    if (c.slow && c.state == St::Authorizing && button(tr("prove.keep_waiting") + "###keep-waiting"))
        out.push_back({IntentKind::KeepWaiting, {}});
    if (c.state == St::Authorizing || c.state == St::Reconciling) {
        if (button(tr("prove.reopen") + "###reopen")) out.push_back({IntentKind::ReopenWindow, {}});
        if (button(tr("prove.finished") + "###finished")) out.push_back({IntentKind::IFinished, {}});
    }
    if (button(tr("common.cancel") + "###cancel-test")) out.push_back({IntentKind::CancelTest, {}});
    end_row();
}

// The window closed and Ampersand has nothing yet: said at once, while the checks go on.
void looks_closed(const amp::Connect& c, Intents& out) {
    alert(c.message.c_str(), true);
    text(c.hint.c_str(), true);
    begin_row();
    if (button(tr("prove.open_again") + "###reopen", true, Style::Primary)) out.push_back({IntentKind::ReopenWindow, {}});
    if (button(tr("prove.finished") + "###finished")) out.push_back({IntentKind::IFinished, {}});
    if (button(tr("common.cancel") + "###cancel-test")) out.push_back({IntentKind::CancelTest, {}});
    end_row();
}

void blocked(const amp::Connect& c, Intents& out) {
    alert(tr("prove.blocked"), true);
    text(tr("prove.blocked_help"), true);
    begin_row();
    if (button(tr("prove.try_again") + "###try-blocked", true, Style::Primary)) out.push_back({IntentKind::ReopenWindow, {}});
    if (!c.auth_url.empty() && link(tr("prove.new_tab").c_str(), c.auth_url.c_str())) out.push_back({IntentKind::OpenUrl, c.auth_url});
    if (button(tr("prove.finished") + "###finished-blocked")) out.push_back({IntentKind::IFinished, {}});
    end_row();
}

// The result card: what was proven, in words and local time; the id last, behind a Copy button.
void connected(const amp::Setup& s, const amp::Connect& c, View& v, Intents& out) {
    const amp::Connection& conn = *c.connection;
    begin_card("##connected", Tone::Success);
    alert(tr("prove.connected"), false);
    std::string provider = s.provider ? s.provider->display_name : s.guide->display_name;
    text(tr("prove.account", {{"provider", provider}, {"consumer", conn.consumer_ref}, {"group", conn.group_ref}}));
    text(tr("prove.connected_at", {{"time", local_time(v, conn.create_time)}}), true);
    text(tr("prove.requested", {{"scopes", joined(conn.requested_scopes)}}), true);
    copy_id(tr("prove.connection_id", {{"id", conn.id}}), conn.id, "###copy-connection-id", v, out);
    begin_row();
    if (button(tr(c.removing ? "prove.removing" : "prove.remove") + "###remove", !c.removing))
        out.push_back({IntentKind::RemoveConnection, {}});
    if (button(tr("prove.test_again") + "###again")) out.push_back({IntentKind::TestConnection, {}});
    end_row();
    end_card();
}

// Failed, or Unconfirmed: the server could not say whether this sign-in made the connection. That is
// no failure, so it is not drawn as one, and asking again is the first choice.
void not_proven(amp::Setup& s, const amp::Connect& c, const View& v, Intents& out) {
    bool unsure = c.state == amp::ConnectState::Unconfirmed;
    if (unsure) notice(c.message.c_str());
    else alert(c.message.c_str(), true);
    if (c.error && !c.error->request_id.empty()) text(tr("banner.request_id", {{"id", c.error->request_id}}), true);
    hint(s, c);
    begin_row();
    if (unsure) {
        if (button(tr("prove.check_again") + "###check-again", true, Style::Primary)) out.push_back({IntentKind::CheckAgain, {}});
        if (c.connection && button(tr(c.removing ? "prove.removing" : "prove.remove_that") + "###remove", !c.removing))
            out.push_back({IntentKind::RemoveConnection, {}});
    }
    if (button(tr("prove.try_again") + "###test", !s.any_busy(), unsure ? Style::Secondary : Style::Primary))
        out.push_back({IntentKind::TestConnection, {}});
    amp::Diagnostics d = diagnostics(s, v);
    d.operation = "testConnection";
    d.attempt = c.attempt;
    d.code = c.error_code;
    d.status = c.error ? c.error->status : 0;
    d.request_id = c.error ? c.error->request_id : "";
    d.message = c.message;
    copy_diagnostics(d, (tr("common.copy_diagnostics") + "###diag-test").c_str(), out);
    end_row();
}

} // namespace

void prove(amp::Setup& s, const amp::Connect& c, View& v, Intents& out) {
    using St = amp::ConnectState;
    begin_card("##test");
    heading(tr("prove.title"));
    text(tr("prove.intro", {{"provider", s.guide->display_name}}), true);
    bool idle = c.state == St::Idle || c.state == St::Failed || c.state == St::Connected || c.state == St::Unconfirmed;
    std::string group_help = tr("prove.group_help"), consumer_help = tr("prove.consumer_help");
    bool enter = input_text(tr("prove.group").c_str(), &s.group_ref, {.help = group_help.c_str(), .readonly = !idle});
    enter |= input_text(tr("prove.consumer").c_str(), &s.consumer_ref, {.help = consumer_help.c_str(), .readonly = !idle});
    enter |= connect_fields(s, idle, out);
    // The attempt's outcome, scrolled into view as it changes.
    std::string outcome;
    float top = ImGui::GetCursorScreenPos().y;
    switch (c.state) {
    case St::Idle:
        // Primary unless the app above has changes to save first.
        if (button(tr("prove.test") + "###test", !s.any_busy(), s.unsaved_input() ? Style::Secondary : Style::Primary) ||
            (enter && !s.any_busy()))
            out.push_back({IntentKind::TestConnection, {}});
        break;
    case St::Failed:
    case St::Unconfirmed: not_proven(s, c, v, out), outcome = c.message; break;
    case St::Blocked: blocked(c, out), outcome = "blocked"; break;
    case St::Connected: connected(s, c, v, out), outcome = "connected " + c.connection->id; break;
    default:
        if (c.window_looks_closed()) looks_closed(c, out), outcome = "closed";
        else waiting(c, out), outcome = "waiting";
        break;
    }
    if (fresh(v, View::Test, outcome)) reveal_from(top);
    end_card();
}

} // namespace ui
