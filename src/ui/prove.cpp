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
        if (button("Replace the App Secret###hint")) s.form.replace_secret = true;
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
    alert(status, false);
    if (c.slow && c.state == St::Authorizing) {
        text("Still signing in? Your window may be behind this one, or closed.", true);
        if (button("Still waiting###keep-waiting")) out.push_back({IntentKind::KeepWaiting, {}});
        ImGui::SameLine();
    }
    if (c.state == St::Authorizing || c.state == St::Reconciling) {
        if (button("Reopen window###reopen")) out.push_back({IntentKind::ReopenWindow, {}});
        ImGui::SameLine();
        if (button("I finished###finished")) out.push_back({IntentKind::IFinished, {}});
        ImGui::SameLine();
    }
    if (button("Cancel###cancel-test")) out.push_back({IntentKind::CancelTest, {}});
}

void blocked(const amp::Connect& c, Intents& out) {
    alert("Your browser blocked the sign-in window.", true);
    text("Allow pop-ups for this page and try again, or open the sign-in page in a new tab: this page "
         "keeps checking with Ampersand and shows the connection when you are done.", true);
    if (button("Try again###try-blocked", true, true)) out.push_back({IntentKind::ReopenWindow, {}});
    if (!c.auth_url.empty()) {
        ImGui::SameLine();
        if (link("Open in a new tab", c.auth_url.c_str())) out.push_back({IntentKind::OpenUrl, c.auth_url});
    }
    if (button("I finished###finished-blocked")) out.push_back({IntentKind::IFinished, {}});
}

void connected(const amp::Connect& c, Intents& out) {
    const amp::Connection& conn = *c.connection;
    alert("Connected. The sign-in works with this app.", false);
    text(("Connection " + conn.id + ": " + conn.provider + ", status " + conn.status).c_str(), true);
    text(("Requested scopes: " + joined(conn.requested_scopes)).c_str(), true);
    text(("Made " + conn.create_time + " for group " + conn.group_ref + ", consumer " + conn.consumer_ref).c_str(), true);
    if (button(c.removing ? "Removing...###remove" : "Remove test connection###remove", !c.removing))
        out.push_back({IntentKind::RemoveConnection, {}});
    ImGui::SameLine();
    if (button("Test again###again")) out.push_back({IntentKind::TestConnection, {}});
}

// Failed, or Unconfirmed: the server could not say whether this sign-in made the connection. That is
// no failure, so it is not drawn as one, and asking again is the first choice.
void not_proven(amp::Setup& s, const amp::Connect& c, const View& v, Intents& out) {
    bool unsure = c.state == amp::ConnectState::Unconfirmed;
    if (unsure) notice(c.message.c_str());
    else alert(c.message.c_str(), true);
    if (c.error && !c.error->request_id.empty()) text(("Request id: " + c.error->request_id).c_str(), true);
    hint(s, c);
    if (unsure) {
        if (button("Check again###check-again", true, true)) out.push_back({IntentKind::CheckAgain, {}});
        ImGui::SameLine();
        if (c.connection) {
            if (button(c.removing ? "Removing...###remove" : "Remove that connection###remove", !c.removing))
                out.push_back({IntentKind::RemoveConnection, {}});
            ImGui::SameLine();
        }
    }
    if (button("Try again###test", !s.any_busy(), !unsure)) out.push_back({IntentKind::TestConnection, {}});
    ImGui::SameLine();
    amp::Diagnostics d = diagnostics(s, v);
    d.operation = "testConnection";
    d.attempt = c.attempt;
    d.code = c.error_code;
    d.status = c.error ? c.error->status : 0;
    d.request_id = c.error ? c.error->request_id : "";
    d.message = c.message;
    copy_diagnostics(d, "Copy diagnostics###diag-test", out);
}

} // namespace

void prove(amp::Setup& s, const amp::Connect& c, const View& v, Intents& out) {
    using St = amp::ConnectState;
    heading("3. Test the connection");
    text(("Signs in to " + s.guide->display_name + " with this app in a small window, the way your users "
          "will, and shows the connection Ampersand makes.").c_str(), true);
    bool idle = c.state == St::Idle || c.state == St::Failed || c.state == St::Connected || c.state == St::Unconfirmed;
    Field refs{.hint = nullptr};
    refs.readonly = !idle;
    input_text("Group ref", &s.group_ref, refs);
    input_text("Consumer ref", &s.consumer_ref, refs);
    connect_fields(s, idle, out);
    switch (c.state) {
    case St::Idle:
        if (button("Test connection###test", !s.any_busy(), true)) out.push_back({IntentKind::TestConnection, {}});
        break;
    case St::Failed:
    case St::Unconfirmed: not_proven(s, c, v, out); break;
    case St::Blocked: blocked(c, out); break;
    case St::Connected: connected(c, out); break;
    default: waiting(c, out); break;
    }
}

} // namespace ui
