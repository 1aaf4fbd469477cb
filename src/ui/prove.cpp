#include "ui/prove.h"

#include <imgui.h>

#include "ui/connect_fields.h"
#include "ui/parts.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// Where the failure's hint points: a checklist step by id, or the secret field.
void hint(amp::Setup& s, const amp::Connect& c) {
    if (!c.hint.empty()) text(c.hint.c_str(), true);
    if (c.hint_step == "secret" && s.selected() && !s.form.replace_secret) {
        if (button("Replace the " + s.guide->client_secret_label + "###hint")) s.form.replace_secret = true;
        return;
    }
    for (const amp::GuideStep& step : s.guide->steps)
        if (step.id == c.hint_step) text(("See step 1: " + step.title + ".").c_str(), true);
}

void waiting(const amp::Connect& c, Intents& out) {
    using St = amp::ConnectState;
    const char* status = c.state == St::Starting      ? "Asking Ampersand for the sign-in address..."
                         : c.state == St::Reconciling ? "Checking with Ampersand whether the connection was made..."
                         : c.state == St::Confirming  ? "Authorised. Confirming the connection with Ampersand..."
                                                      : "Waiting for you to approve in the sign-in window...";
    notice(status);
    if (c.slow && c.state == St::Authorizing)
        text("Still signing in? Your window may be behind this one, or closed.", true);
    begin_row();
    if (c.slow && c.state == St::Authorizing && button("Still waiting###keep-waiting"))
        out.push_back({IntentKind::KeepWaiting, {}});
    if (c.state == St::Authorizing || c.state == St::Reconciling) {
        if (button("Reopen window###reopen")) out.push_back({IntentKind::ReopenWindow, {}});
        if (button("I finished###finished")) out.push_back({IntentKind::IFinished, {}});
    }
    if (button("Cancel###cancel-test")) out.push_back({IntentKind::CancelTest, {}});
    end_row();
}

// The window closed and Ampersand has nothing yet: said at once, while the checks go on.
void looks_closed(const amp::Connect& c, Intents& out) {
    alert(c.message.c_str(), true);
    text(c.hint.c_str(), true);
    begin_row();
    if (button("Open it again###reopen", true, Style::Primary)) out.push_back({IntentKind::ReopenWindow, {}});
    if (button("I finished###finished")) out.push_back({IntentKind::IFinished, {}});
    if (button("Cancel###cancel-test")) out.push_back({IntentKind::CancelTest, {}});
    end_row();
}

void blocked(const amp::Connect& c, Intents& out) {
    alert("Your browser blocked the sign-in window.", true);
    text("Allow pop-ups for this page and try again, or open the sign-in page in a new tab: this page "
         "keeps checking with Ampersand and shows the connection when you are done.", true);
    begin_row();
    if (button("Try again###try-blocked", true, Style::Primary)) out.push_back({IntentKind::ReopenWindow, {}});
    if (!c.auth_url.empty() && link("Open in a new tab", c.auth_url.c_str())) out.push_back({IntentKind::OpenUrl, c.auth_url});
    if (button("I finished###finished-blocked")) out.push_back({IntentKind::IFinished, {}});
    end_row();
}

// The result card: what was proven, in words and local time; the id last, behind a Copy button.
void connected(const amp::Setup& s, const amp::Connect& c, View& v, Intents& out) {
    const amp::Connection& conn = *c.connection;
    begin_card("##connected", Tone::Success);
    alert("Connected. The sign-in works with this app.", false);
    std::string provider = s.provider ? s.provider->display_name : s.guide->display_name;
    text((provider + " account of consumer " + conn.consumer_ref + " in group " + conn.group_ref).c_str());
    text(("Connected " + local_time(conn.create_time)).c_str(), true);
    text(("Requested scopes: " + joined(conn.requested_scopes)).c_str(), true);
    copy_id("Connection id " + conn.id, conn.id, "###copy-connection-id", v, out);
    begin_row();
    if (button(c.removing ? "Removing...###remove" : "Remove test connection###remove", !c.removing))
        out.push_back({IntentKind::RemoveConnection, {}});
    if (button("Test again###again")) out.push_back({IntentKind::TestConnection, {}});
    end_row();
    end_card();
}

// Failed, or Unconfirmed: the server could not say whether this sign-in made the connection. That is
// no failure, so it is not drawn as one, and asking again is the first choice.
void not_proven(amp::Setup& s, const amp::Connect& c, const View& v, Intents& out) {
    bool unsure = c.state == amp::ConnectState::Unconfirmed;
    if (unsure) notice(c.message.c_str());
    else alert(c.message.c_str(), true);
    if (c.error && !c.error->request_id.empty()) text(("Request id: " + c.error->request_id).c_str(), true);
    hint(s, c);
    begin_row();
    if (unsure) {
        if (button("Check again###check-again", true, Style::Primary)) out.push_back({IntentKind::CheckAgain, {}});
        if (c.connection && button(c.removing ? "Removing...###remove" : "Remove that connection###remove", !c.removing))
            out.push_back({IntentKind::RemoveConnection, {}});
    }
    if (button("Try again###test", !s.any_busy(), unsure ? Style::Secondary : Style::Primary))
        out.push_back({IntentKind::TestConnection, {}});
    amp::Diagnostics d = diagnostics(s, v);
    d.operation = "testConnection";
    d.attempt = c.attempt;
    d.code = c.error_code;
    d.status = c.error ? c.error->status : 0;
    d.request_id = c.error ? c.error->request_id : "";
    d.message = c.message;
    copy_diagnostics(d, "Copy diagnostics###diag-test", out);
    end_row();
}

} // namespace

void prove(amp::Setup& s, const amp::Connect& c, View& v, Intents& out) {
    using St = amp::ConnectState;
    begin_card("##test");
    heading("3. Test the connection");
    text(("Signs in to " + s.guide->display_name + " with this app in a small window, the way your users "
          "will, and shows the connection Ampersand makes.").c_str(), true);
    bool idle = c.state == St::Idle || c.state == St::Failed || c.state == St::Connected || c.state == St::Unconfirmed;
    bool enter = input_text("Group ref", &s.group_ref,
                            {.help = "Your customer's organisation or workspace in your product: the connection belongs to it.",
                             .readonly = !idle});
    enter |= input_text("Consumer ref", &s.consumer_ref,
                        {.help = "The person in that group who signs in: here, you.", .readonly = !idle});
    enter |= connect_fields(s, idle, out);
    // The attempt's outcome, scrolled into view as it changes.
    std::string outcome;
    float top = ImGui::GetCursorScreenPos().y;
    switch (c.state) {
    case St::Idle:
        // Primary unless the app above has changes to save first.
        if (button("Test connection###test", !s.any_busy(), s.unsaved_input() ? Style::Secondary : Style::Primary) ||
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
