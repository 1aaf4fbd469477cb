#include "ui/screens.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

#include "core/form.h"
#include "core/providers.h"
#include "ui/connect_fields.h"
#include "ui/parts.h"
#include "ui/prove.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ui {

namespace {

std::string msg(const amp::Setup& s, const char* field) {
    return s.field_message(field);
}

// Case-insensitive: "Boards" finds boards:read. An empty needle matches everything.
bool contains_folded(const std::string& hay, const std::string& needle) {
    auto eq = [](char a, char b) { return std::tolower((unsigned char)a) == std::tolower((unsigned char)b); };
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), eq) != hay.end();
}

const char* or_null(const std::string& s) {
    return s.empty() ? nullptr : s.c_str();
}

void error_banner(amp::Setup& s, View& v, Intents& out) {
    if (s.busy(amp::Op::Reconcile))
        text("Ampersand's answer did not arrive. Checking whether it carried out the change...", true);
    if (s.error) {
        std::string said = s.error->message();
        alert(said, true); // whole: a NUL in it shows as U+FFFD
        said.resize(std::min<size_t>(said.size(), 256)); // enough to tell one failure from the next
        keep_in_view(v, View::Banner, amp::op_name(s.error_op) + said);
        if (!s.error->request_id.empty()) text(("Request id: " + s.error->request_id).c_str(), true);
        begin_row();
        int wait = s.wait_seconds();
        if (wait > 0 && s.retries_itself()) // a read: tried again by itself when the wait is over
            text(("Trying again in " + std::to_string(wait) + " s.").c_str(), true);
        else if (s.error->retryable) {
            std::string retry = wait > 0 ? "Retry in " + std::to_string(wait) + " s###retry" : std::string("Retry###retry");
            if (button(retry.c_str(), wait == 0 && !s.any_busy())) out.push_back({IntentKind::Retry, {}});
        }
        // Cancel puts the failure aside and leaves the form as typed (the provider is needed for a form).
        if (s.error->retryable && s.error_op != amp::Op::LoadProvider) {
            if (button("Cancel###dismiss")) out.push_back({IntentKind::DismissError, {}});
        }
        amp::Diagnostics d = diagnostics(s, v);
        d.operation = amp::op_name(s.error_op);
        d.code = s.error->code;
        d.status = s.error->status;
        d.request_id = s.error->request_id;
        d.message = s.error->message();
        copy_diagnostics(d, "Copy diagnostics###diag-setup", out);
        end_row();
    } else keep_in_view(v, View::Banner, {});
    if (!s.notice.empty()) alert(s.notice.c_str(), false);
    keep_in_view(v, View::Notice, s.notice);
}

// Fields Ampersand refused (its banner says so): the first one to fix comes into view with focus,
// once, before the fields are drawn. The form's own refusals go to the summary (invalid_summary).
void find_invalid(const amp::Setup& s, View& v) {
    std::string key;
    for (const amp::FieldIssue& i : s.issues) key += i.field + ": " + i.message + "\n";
    if (fresh(v, View::Invalid, key) && s.error) reveal_first_invalid();
}

// Beside the button that was refused, what to fix, in the form's words (announced), with a link to each
// field (the GOV.UK error summary): the first link takes focus, so a keyboard user is one Enter from the
// field. An error from Ampersand says this in its own banner.
void invalid_summary(const amp::Setup& s, View& v) {
    if (s.issues.empty() || s.error) return (void)fresh(v, View::Summary, {});
    std::vector<const amp::FieldIssue*> first; // each field's first issue
    std::string fields, key;
    for (const amp::FieldIssue& i : s.issues) {
        key += i.field + ": " + i.message + "\n";
        if (std::none_of(first.begin(), first.end(), [&](const amp::FieldIssue* f) { return f->field == i.field; }))
            first.push_back(&i), fields += (fields.empty() ? "" : ", ") + s.label(i.field);
    }
    alert("Check " + fields + ": see the message under each.", true);
    if (fresh(v, View::Summary, key)) focus_next_control();
    begin_row();
    for (const amp::FieldIssue* i : first) {
        std::string name = s.label(i->field);
        if (jump("Go to " + name, ("###fix-" + i->field).c_str(), "Go to " + name + ": " + i->message)) focus_field(name);
    }
    end_row();
}

void access(amp::Setup& s, View& v, Intents& out) {
    find_invalid(s, v);
    begin_card("##access");
    heading("Connect to Ampersand");
    bool host = s.host_credentials(); // the page handles the key or token: only the project is asked for
    if (!host) text("Your project and API key stay in this page's memory only: never stored, never put in a URL.", true);
    std::string project_error = msg(s, "project"), key_error = msg(s, "apiKey");
    bool enter = input_text("Project", &s.project, {.hint = "Project name or id", .error = or_null(project_error)});
    if (!host) {
        enter |= input_text("API key", &s.api_key.edit_buffer(),
                            {.hint = "From the API Keys page of the Ampersand dashboard", .error = or_null(key_error),
                             .secret = true, .reveal = v.reveal_key});
        checkbox("Show API key", &v.reveal_key);
    }
    error_banner(s, v, out);
    invalid_summary(s, v);
    if (host && s.error && (s.error->status == 401 || s.error->status == 403))
        text("The credentials this page supplied were refused: the page's owner needs to fix its key or token.", true);
    bool busy = s.busy(amp::Op::ListApps);
    if (button(busy ? "Connecting...###connect" : "Connect to Ampersand###connect", !busy, Style::Primary) || (enter && !busy))
        out.push_back({IntentKind::SubmitAccess, {}});
    end_card();
}

// The checklist is done once every step is ticked, or once an app is saved (its steps were done, ticked
// or not): then it folds to one line with "Edit", so the steps still to take are in view.
bool checklist_done(const amp::Setup& s) {
    return s.selected() || std::all_of(s.steps_done.begin(), s.steps_done.end(), [](bool d) { return d; });
}

void checklist_summary(amp::Setup& s, View& v) {
    const amp::ProviderGuide& g = *s.guide;
    begin_card("##checklist", Tone::Success);
    align_to_buttons();
    heading(("1. Create the " + g.display_name + " app: done").c_str());
    begin_row(true);
    if (std::exchange(v.checklist_ticked, false)) focus_next_control(); // the box just ticked is gone
    if (button("Edit###checklist-toggle", true, Style::Secondary)) v.checklist_open = true;
    end_row();
    end_card();
}

void checklist(amp::Setup& s, View& v, Intents& out) {
    const amp::ProviderGuide& g = *s.guide;
    bool done = checklist_done(s);
    if (done && !v.checklist_open) return checklist_summary(s, v);
    begin_card("##checklist");
    if (done) align_to_buttons();
    heading(("1. Create the " + g.display_name + " app").c_str());
    if (done) {
        begin_row(true);
        if (button("Hide steps###checklist-toggle")) v.checklist_open = false;
        end_row();
    }
    text(("Do these steps in the " + g.console_name + ", ticking each one off as you go.").c_str(), true);
    if (g.generic)
        notice(("A generic guide, made from Ampersand's catalog: " + g.display_name +
                "'s own pages may name things differently.").c_str());
    for (size_t i = 0; i < g.steps.size(); ++i) {
        const amp::GuideStep& step = g.steps[i];
        ImGui::PushID((int)i);
        bool ticked = s.steps_done[i];
        if (checkbox(step.title.c_str(), &ticked, step.detail.c_str())) {
            s.steps_done[i] = ticked;
            v.checklist_ticked = !v.checklist_open && checklist_done(s);
        }
        ImGui::Indent();
        detail(step.detail);
        if (!step.url.empty() && link(step.link_label.c_str(), step.url.c_str()))
            out.push_back({IntentKind::OpenUrl, step.url});
        if (step.shows_redirect_uri) {
            std::string uri = s.redirect_uri();
            input_text("Redirect URI", &uri, {.readonly = true});
            bool copied = v.copied == uri;
            if (button(copied ? "Copied###copy-redirect" : "Copy redirect URI###copy-redirect", true, Style::Secondary,
                       copied ? Icon::Check : Icon::Copy)) {
                out.push_back({IntentKind::Copy, uri});
                v.copied = uri;
            }
        }
        ImGui::Unindent();
        ImGui::PopID();
        ImGui::Spacing();
    }
    end_card();
}


// What Ampersand holds: words and local dates first, the id last and behind a Copy button.
void saved_app(const amp::ProviderApp& app, View& v, Intents& out) {
    begin_card("##saved", Tone::Success);
    strong("Saved in Ampersand");
    text(("Scopes: " + joined(app.scopes)).c_str(), true);
    std::string when = "Created " + local_time(app.create_time);
    if (!app.update_time.empty() && app.update_time != app.create_time) when += " \xC2\xB7 updated " + local_time(app.update_time);
    text(when, true);
    copy_id("App id " + app.id, app.id, "###copy-app-id", v, out);
    end_card();
}

bool scopes(amp::Setup& s, View& v) { // true: Enter in a field
    const amp::ProviderGuide& g = *s.guide;
    // The error is the whole group's (no scope chosen, or the API's about the list), not one field's.
    std::string scope_error = msg(s, "scopes");
    if (scope_error.empty() && g.scopes_required && amp::chosen_scopes(s.form).empty())
        scope_error = "No scope chosen: Ampersand needs at least one for " + g.display_name + ".";
    begin_group("##scopes", "Scopes", scope_error);
    std::vector<std::string> chosen = amp::chosen_scopes(s.form);
    text(chosen.empty() ? std::string("None selected yet.")
                        : std::to_string(chosen.size()) + " selected: " + joined(chosen), true);
    if (!g.scopes.empty()) { // a generic guide lists none: its scopes are free text only
        input_text("Filter scopes", &v.scope_filter, {.hint = "Type to filter, e.g. boards"});
        // All in the page's flow, in the guide's order: a list that scrolls by itself would compete
        // with the page's scroll and hide some of the preselected scopes.
        for (const amp::ScopeInfo& sc : g.scopes) {
            bool on = s.form.has_scope(sc.name);
            bool match = contains_folded(sc.name, v.scope_filter) || contains_folded(sc.meaning, v.scope_filter);
            if (!match && !on) continue;
            if (checkbox(sc.name.c_str(), &on, nullptr, sc.meaning.c_str())) s.form.set_scope(g, sc.name, on);
        }
    }
    bool enter = input_text(g.scopes.empty() ? "Scopes###other-scopes" : "Other scopes###other-scopes", &s.form.extra_scopes,
                            {.hint = g.scopes.empty() ? "As the provider names them, separated by spaces or commas"
                                                      : "Scopes not listed above, separated by commas"});
    end_group();
    return enter;
}

void delete_question(amp::Setup& s, View& v, Intents& out) {
    begin_card("##confirm-delete-panel", Tone::Danger);
    strong("Delete this app from Ampersand?");
    text("Connections made with it stop working. This cannot be undone.", true);
    begin_row();
    if (button("Yes, delete it###confirm-delete", !s.any_busy(), Style::Danger)) out.push_back({IntentKind::ConfirmDelete, {}});
    if (button("Cancel###cancel-delete")) s.cancel_delete();
    end_row();
    end_card();
    keep_in_view(v, View::Question, "delete");
}

void credentials(amp::Setup& s, View& v, Intents& out) {
    const amp::ProviderGuide& g = *s.guide;
    const amp::ProviderApp* app = s.selected();
    find_invalid(s, v);
    begin_card("##register");
    heading("2. Register the app with Ampersand");
    auto mine = s.provider_apps();
    if (mine.size() > 1) { // several apps for this provider: say which one is open, offer the others
        text(("This project has " + std::to_string(mine.size()) + " " + g.display_name + " apps.").c_str(), true);
        begin_row();
        for (const amp::ProviderApp* other : mine) {
            if (other == app) continue;
            std::string label = "Open app with " + g.client_id_label + " " + other->client_id + "###open-" + other->id;
            if (button(label, !s.any_busy())) out.push_back({IntentKind::EditApp, other->id});
        }
        end_row();
    }
    if (app) saved_app(*app, v, out);
    else if (!s.provider_apps().empty()) text("Creating another app for this provider, as you chose.", true);
    std::string id_error = msg(s, "clientId"), secret_error = msg(s, "clientSecret");
    bool enter = input_text(g.client_id_label.c_str(), &s.form.client_id,
                            {.hint = g.client_id_hint.c_str(), .error = or_null(id_error)});
    if (app && !s.form.replace_secret) {
        text((g.client_secret_label + ": saved, and never shown again.").c_str(), true);
        if (button("Replace secret###replace"))
            s.form.replace_secret = true;
    } else {
        enter |= input_text(g.client_secret_label.c_str(), &s.form.client_secret.edit_buffer(),
                            {.hint = g.client_secret_hint.c_str(), .error = or_null(secret_error), .secret = true,
                             .reveal = v.reveal_secret});
        checkbox(("Show " + g.client_secret_label).c_str(), &v.reveal_secret);
        if (app && button("Keep the saved secret###keep")) {
            s.form.replace_secret = false;
            s.form.client_secret.wipe();
        }
    }
    enter |= scopes(s, v);
    enter |= app_fields(s, out); // what the catalog lets the provider app hold besides (providerAppMetadata)
    ImGui::Spacing();
    error_banner(s, v, out);
    invalid_summary(s, v);
    std::string save_label = s.busy(amp::Op::Save)        ? "Saving...###save"
                             : s.busy(amp::Op::Reconcile) ? "Checking...###save"
                             : app                        ? "Update app###save"
                                                          : "Save to Ampersand###save";
    if (s.busy(amp::Op::Save)) status("Saving the app to Ampersand...");
    else if (s.busy(amp::Op::Delete)) status("Deleting the app from Ampersand...");
    else if (s.busy(amp::Op::Reconcile)) status("Checking with Ampersand...");
    // One primary action in view: saving while there is something to save, else the test below.
    bool lead = !app || s.unsaved_input();
    begin_row();
    if (button(save_label.c_str(), !s.any_busy(), lead ? Style::Primary : Style::Secondary) || (enter && !s.any_busy()))
        out.push_back({IntentKind::Save, {}});
    if (app) {
        // While the question is open, "Delete app" stays where it was, disabled: the second click of a
        // double click lands there, not on "Yes, delete it", which comes below the question.
        if (button("Delete app###delete", !s.any_busy() && !s.confirm_delete_pending, Style::DangerOutline)) s.ask_delete();
        if (button("Create another app###new", !s.any_busy())) out.push_back({IntentKind::NewApp, {}});
    }
    end_row();
    if (app && s.confirm_delete_pending) delete_question(s, v, out);
    else keep_in_view(v, View::Question, {});
    end_card();
}

// Where the admin stands: the three steps, each with its state. A step counts as done when what it
// leads to has happened (an app saved means its console steps were done, ticked or not).
void stepper(const amp::Setup& s, const amp::Connect& c) {
    size_t ticked = (size_t)std::count(s.steps_done.begin(), s.steps_done.end(), true), all = s.steps_done.size();
    bool connected = c.state == amp::ConnectState::Connected, saved = s.selected() != nullptr;
    bool done[3] = {saved || connected || (all > 0 && ticked == all), saved || connected, connected};
    std::string state[3] = {done[0] ? "Done" : std::to_string(ticked) + " of " + std::to_string(all) + " ticked",
                            done[1] ? "Saved" : "Not saved yet", done[2] ? "Connected" : "Not tested yet"};
    const char* names[3] = {"Create the app", "Register", "Test"};
    int current = !done[0] ? 0 : !done[1] ? 1 : !done[2] ? 2 : 3;
    std::string said = "Progress:";
    for (int i = 0; i < 3; ++i)
        said += std::string(i ? ";" : "") + " step " + std::to_string(i + 1) + ", " + names[i] + ": " + state[i];
    steps(names, state, done, 3, current, said + ".");
}

void change_provider(const amp::Setup& s, Intents& out) {
    if (button("Change provider###change-provider", !s.any_busy())) out.push_back({IntentKind::ChangeProvider, {}});
}

} // namespace

Intents draw(amp::Setup& s, const amp::Connect& c, View& v) {
    Intents out;
    // One readable column, centred when the canvas is wide; the window is that column.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float column = std::min(vp->Size.x, 760 * theme().scale);
    ImGui::SetNextWindowPos({vp->Pos.x + (vp->Size.x - column) / 2, vp->Pos.y});
    ImGui::SetNextWindowSize({column, vp->Size.y});
    // The page scrolls (natively: wheel, keys, touch, scrollbar); the column follows its offset.
    ImGui::SetNextWindowScroll({0, std::round(v.scroll_y * theme().dpr)});
    ImGui::Begin("##setup", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    std::string name = s.provider ? s.provider->display_name : s.guide ? s.guide->display_name : s.options.provider;
    bool picking = s.stage() == amp::Stage::Picking;
    heading(picking ? std::string("Set up a provider for Ampersand") : "Set up " + name + " for Ampersand", 1);
    text((picking ? std::string("Choose the provider, register your app for it with Ampersand,")
                  : "Register your " + name + " app with Ampersand,") + " then prove it works with a real sign-in.", true);
    // The provider can be changed wherever it is settled (Ready has the button beside the project).
    if (s.stage() == amp::Stage::Access || s.stage() == amp::Stage::ProviderFailed)
        change_provider(s, out);
    switch (s.stage()) {
    case amp::Stage::Picking:
        error_banner(s, v, out);
        picker(s, v.picker, out);
        break;
    case amp::Stage::LoadingProvider:
        text(("Loading " + name + " from Ampersand...").c_str());
        break;
    case amp::Stage::ProviderFailed:
        error_banner(s, v, out);
        if (!s.error || !s.error->retryable)
            if (button("Retry")) out.push_back({IntentKind::Retry, {}});
        break;
    case amp::Stage::Access:
        access(s, v, out);
        break;
    case amp::Stage::LoadingApps:
        notice("Loading your provider apps...");
        break;
    case amp::Stage::Ready:
        if (!s.guide) { // a provider that needs no provider app says how its users connect instead
            std::string how = s.provider ? amp::how_users_connect(*s.provider) : "";
            if (how.empty()) alert(("This widget has no setup guide for " + name + " yet.").c_str(), true);
            else notice(how.c_str());
            change_provider(s, out);
            break;
        }
        stepper(s, c);
        align_to_buttons();
        text(("Project: " + s.project).c_str(), true);
        begin_row(true); // beside the project while the column has room, else wrapped under it
        if (button("Change project", !s.any_busy())) out.push_back({IntentKind::EditAccess, {}});
        change_provider(s, out);
        end_row();
        checklist(s, v, out);
        credentials(s, v, out);
        if (s.selected()) prove(s, c, v, out);
        break;
    }
    // As ImGui measures it for its scroll range, so the page's range matches.
    v.content_height = ImGui::GetCurrentWindow()->DC.CursorMaxPos.y - ImGui::GetWindowPos().y + ImGui::GetScrollY() +
                       ImGui::GetStyle().WindowPadding.y;
    ImGui::End();
    return out;
}

} // namespace ui
