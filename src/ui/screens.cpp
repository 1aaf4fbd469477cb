#include "core/messages.h"
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
#include "ui/marks.h"
#include "ui/parts.h"
#include "ui/prove.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ui {

using amp::tr;

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
        text(tr("banner.reconciling"), true);
    if (s.error) {
        std::string said = s.error->message();
        alert(said, true); // whole: a NUL in it shows as U+FFFD
        said.resize(std::min<size_t>(said.size(), 256)); // enough to tell one failure from the next
        keep_in_view(v, View::Banner, amp::op_name(s.error_op) + said);
        if (!s.error->request_id.empty()) text(tr("banner.request_id", {{"id", s.error->request_id}}), true);
        begin_row();
        int wait = s.wait_seconds();
        if (wait > 0 && s.retries_itself()) // a read: tried again by itself when the wait is over
            text(tr("banner.retrying_in", {{"seconds", std::to_string(wait)}}), true);
        else if (s.error->retryable) {
            std::string retry = (wait > 0 ? tr("banner.retry_in", {{"seconds", std::to_string(wait)}}) : tr("common.retry")) + "###retry";
            if (button(retry.c_str(), wait == 0 && !s.any_busy())) out.push_back({IntentKind::Retry, {}});
        }
        // Cancel puts the failure aside and leaves the form as typed (the provider is needed for a form).
        if (s.error->retryable && s.error_op != amp::Op::LoadProvider) {
            if (button(tr("common.cancel") + "###dismiss")) out.push_back({IntentKind::DismissError, {}});
        }
        amp::Diagnostics d = diagnostics(s, v);
        d.operation = amp::op_name(s.error_op);
        d.code = s.error->code;
        d.status = s.error->status;
        d.request_id = s.error->request_id;
        d.message = s.error->message();
        copy_diagnostics(d, (tr("common.copy_diagnostics") + "###diag-setup").c_str(), out);
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
    alert(tr("form.check_fields", {{"fields", fields}}), true);
    if (fresh(v, View::Summary, key)) focus_next_control();
    begin_row();
    for (const amp::FieldIssue* i : first) {
        std::string name = s.label(i->field);
        if (jump(tr("form.go_to", {{"field", name}}), ("###fix-" + i->field).c_str(),
                 tr("form.go_to_said", {{"field", name}, {"message", i->message}})))
            focus_field(name);
    }
    end_row();
}

void access(amp::Setup& s, View& v, Intents& out) {
    find_invalid(s, v);
    begin_card("##access");
    heading(tr("access.title"));
    bool host = s.host_credentials(); // the page handles the key or token: only the project is asked for
    if (!host) text(tr("access.memory_only"), true);
    std::string project_error = msg(s, "project"), key_error = msg(s, "apiKey");
    std::string project_hint = tr("access.project_hint"), key_hint = tr("access.api_key_hint");
    bool enter = input_text(tr("access.project").c_str(), &s.project, {.hint = project_hint.c_str(), .error = or_null(project_error)});
    if (!host) {
        enter |= input_text(tr("access.api_key").c_str(), &s.api_key.edit_buffer(),
                            {.hint = key_hint.c_str(), .error = or_null(key_error),
                             .secret = true, .reveal = v.reveal_key});
        checkbox(tr("access.show_key").c_str(), &v.reveal_key);
    }
    error_banner(s, v, out);
    invalid_summary(s, v);
    if (host && s.error && (s.error->status == 401 || s.error->status == 403))
        text(tr("access.host_refused"), true);
    bool busy = s.busy(amp::Op::ListApps);
    if (button(tr(busy ? "access.connecting" : "access.connect") + "###connect", !busy, Style::Primary) || (enter && !busy))
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
    heading(tr("checklist.done_title", {{"provider", g.display_name}}));
    begin_row(true);
    if (std::exchange(v.checklist_ticked, false)) focus_next_control(); // the box just ticked is gone
    if (button(tr("checklist.edit") + "###checklist-toggle", true, Style::Secondary)) v.checklist_open = true;
    end_row();
    end_card();
}

void checklist(amp::Setup& s, View& v, Intents& out) {
    const amp::ProviderGuide& g = *s.guide;
    bool done = checklist_done(s);
    if (done && !v.checklist_open) return checklist_summary(s, v);
    begin_card("##checklist");
    if (done) align_to_buttons();
    heading(tr("checklist.title", {{"provider", g.display_name}}));
    if (done) {
        begin_row(true);
        if (button(tr("checklist.hide") + "###checklist-toggle")) v.checklist_open = false;
        end_row();
    }
    text(tr("checklist.intro", {{"console", g.console_name}}), true);
    if (g.generic)
        notice(tr("checklist.generic", {{"provider", g.display_name}}).c_str());
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
            input_text(tr("common.redirect_uri").c_str(), &uri, {.readonly = true});
            bool copied = v.copied == uri;
            if (button(tr(copied ? "common.copied" : "checklist.copy_redirect") + "###copy-redirect", true, Style::Secondary,
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
void app_facts(const amp::ProviderApp& app, View& v, Intents& out) {
    text(tr("saved.scopes", {{"scopes", joined(app.scopes)}}), true);
    std::string when = tr("saved.created", {{"time", local_time(v, app.create_time)}});
    if (!app.update_time.empty() && app.update_time != app.create_time)
        when += " \xC2\xB7 " + tr("saved.updated", {{"time", local_time(v, app.update_time)}});
    text(when, true);
    copy_id(tr("saved.app_id", {{"id", app.id}}), app.id, "###copy-app-id", v, out);
}

void saved_app(const amp::ProviderApp& app, View& v, Intents& out) {
    begin_card("##saved", Tone::Success);
    strong(tr("saved.title"));
    app_facts(app, v, out);
    end_card();
}

bool scopes(amp::Setup& s, View& v) { // true: Enter in a field
    const amp::ProviderGuide& g = *s.guide;
    // The error is the whole group's (no scope chosen, or the API's about the list), not one field's.
    std::string scope_error = msg(s, "scopes");
    if (scope_error.empty() && g.scopes_required && amp::chosen_scopes(s.form).empty())
        scope_error = tr("scopes.required", {{"provider", g.display_name}});
    begin_group("##scopes", tr("scopes.title"), scope_error);
    std::vector<std::string> chosen = amp::chosen_scopes(s.form);
    text(chosen.empty() ? tr("scopes.none")
                        : tr("scopes.selected", {{"count", std::to_string(chosen.size())}, {"scopes", joined(chosen)}}), true);
    if (!g.scopes.empty()) { // a generic guide lists none: its scopes are free text only
        input_text(tr("scopes.filter").c_str(), &v.scope_filter, {.hint = tr("scopes.filter_hint").c_str()});
        // All in the page's flow, in the guide's order: a list that scrolls by itself would compete
        // with the page's scroll and hide some of the preselected scopes.
        for (const amp::ScopeInfo& sc : g.scopes) {
            bool on = s.form.has_scope(sc.name);
            bool match = contains_folded(sc.name, v.scope_filter) || contains_folded(sc.meaning, v.scope_filter);
            if (!match && !on) continue;
            if (checkbox(sc.name.c_str(), &on, nullptr, sc.meaning.c_str())) s.form.set_scope(g, sc.name, on);
        }
    }
    std::string hint = tr(g.scopes.empty() ? "scopes.free_hint" : "scopes.other_hint");
    bool enter = input_text((tr(g.scopes.empty() ? "scopes.title" : "scopes.other") + "###other-scopes").c_str(),
                            &s.form.extra_scopes, {.hint = hint.c_str()});
    end_group();
    return enter;
}

void delete_question(amp::Setup& s, View& v, Intents& out) {
    begin_card("##confirm-delete-panel", Tone::Danger);
    strong(tr("delete.question"));
    text(tr("delete.warning"), true);
    begin_row();
    if (button(tr("delete.yes") + "###confirm-delete", !s.any_busy(), Style::Danger)) out.push_back({IntentKind::ConfirmDelete, {}});
    if (button(tr("common.cancel") + "###cancel-delete")) s.cancel_delete();
    end_row();
    end_card();
    keep_in_view(v, View::Question, "delete");
}

// Several apps for this provider: say which one is open, offer the others.
void other_apps(const amp::Setup& s, Intents& out) {
    const amp::ProviderGuide& g = *s.guide;
    auto mine = s.provider_apps();
    if (mine.size() < 2) return;
    text(tr("register.several", {{"count", std::to_string(mine.size())}, {"provider", g.display_name}}), true);
    begin_row();
    for (const amp::ProviderApp* other : mine) {
        if (other == s.selected()) continue;
        std::string label = tr("register.open_other", {{"label", g.client_id_label}, {"id", other->client_id}}) + "###open-" + other->id;
        if (button(label, !s.any_busy())) out.push_back({IntentKind::EditApp, other->id});
    }
    end_row();
}

// What a saved app offers besides saving: deleting it (after a question) and starting another.
void app_actions(amp::Setup& s, Intents& out) {
    // While the question is open, "Delete app" stays where it was, disabled: the second click of a
    // double click lands there, not on "Yes, delete it", which comes below the question.
    if (button(tr("register.delete") + "###delete", !s.any_busy() && !s.confirm_delete_pending, Style::DangerOutline)) s.ask_delete();
    if (button(tr("register.new") + "###new", !s.any_busy())) out.push_back({IntentKind::NewApp, {}});
}

void app_question(amp::Setup& s, View& v, Intents& out) {
    if (s.confirm_delete_pending) delete_question(s, v, out);
    else keep_in_view(v, View::Question, {});
}

// A saved app with nothing typed since folds to what Ampersand holds, like the done checklist, so the
// test step below comes into view with the save's outcome. "Edit app" opens the form for that version of
// the app; the next save makes a new version, which folds again.
std::string app_version(const amp::ProviderApp& app) {
    return app.id + "@" + app.update_time;
}

bool register_folded(const amp::Setup& s, const View& v) {
    const amp::ProviderApp* app = s.selected();
    return app && !s.unsaved_input() && !s.form.replace_secret && v.register_open != app_version(*app);
}

void register_summary(amp::Setup& s, View& v, Intents& out) {
    const amp::ProviderApp& app = *s.selected();
    begin_card("##register", Tone::Success);
    heading(tr("register.done_title"));
    other_apps(s, out);
    app_facts(app, v, out);
    error_banner(s, v, out);
    // The button that saved is gone: focus moves to this card's first action, not to the page's top.
    if (!std::exchange(v.register_was_folded, true) && !s.notice.empty()) focus_next_control();
    begin_row();
    if (button(tr("register.edit") + "###edit-app", !s.any_busy(), Style::Secondary)) v.register_open = app_version(app);
    app_actions(s, out);
    end_row();
    app_question(s, v, out);
    end_card();
}

void credentials(amp::Setup& s, View& v, Intents& out) {
    if (register_folded(s, v)) return register_summary(s, v, out);
    bool opened = std::exchange(v.register_was_folded, false); // the field to edit takes the focus
    const amp::ProviderGuide& g = *s.guide;
    const amp::ProviderApp* app = s.selected();
    find_invalid(s, v);
    begin_card("##register");
    heading(tr("register.title"));
    other_apps(s, out);
    if (app) saved_app(*app, v, out);
    else if (!s.provider_apps().empty()) text(tr("register.another"), true);
    std::string id_error = msg(s, "clientId"), secret_error = msg(s, "clientSecret");
    if (opened && !s.form.replace_secret) focus_next_control();
    bool enter = input_text(g.client_id_label.c_str(), &s.form.client_id,
                            {.hint = g.client_id_hint.c_str(), .error = or_null(id_error)});
    if (app && !s.form.replace_secret) {
        text(tr("register.secret_saved", {{"label", g.client_secret_label}}), true);
        if (button(tr("register.replace_secret") + "###replace"))
            s.form.replace_secret = true;
    } else {
        if (opened) focus_next_control();
        enter |= input_text(g.client_secret_label.c_str(), &s.form.client_secret.edit_buffer(),
                            {.hint = g.client_secret_hint.c_str(), .error = or_null(secret_error), .secret = true,
                             .reveal = v.reveal_secret});
        checkbox(tr("register.show_secret", {{"label", g.client_secret_label}}).c_str(), &v.reveal_secret);
        if (app && button(tr("register.keep_secret") + "###keep")) {
            s.form.replace_secret = false;
            s.form.client_secret.wipe();
        }
    }
    enter |= scopes(s, v);
    enter |= app_fields(s, out); // what the catalog lets the provider app hold besides (providerAppMetadata)
    ImGui::Spacing();
    error_banner(s, v, out);
    invalid_summary(s, v);
    std::string save_label = tr(s.busy(amp::Op::Save)        ? "register.saving"
                                : s.busy(amp::Op::Reconcile) ? "register.checking"
                                : app                        ? "register.update"
                                                             : "register.save") + "###save";
    if (s.busy(amp::Op::Save)) status(tr("register.saving_status"));
    else if (s.busy(amp::Op::Delete)) status(tr("register.deleting_status"));
    else if (s.busy(amp::Op::Reconcile)) status(tr("register.checking_status"));
    // One primary action in view: saving while there is something to save, else the test below.
    bool lead = !app || s.unsaved_input();
    begin_row();
    if (button(save_label.c_str(), !s.any_busy(), lead ? Style::Primary : Style::Secondary) || (enter && !s.any_busy()))
        out.push_back({IntentKind::Save, {}});
    if (app) app_actions(s, out);
    end_row();
    app_question(s, v, out);
    end_card();
}

// Where the admin stands: the three steps, each with its state. A step counts as done when what it
// leads to has happened (an app saved means its console steps were done, ticked or not).
void stepper(const amp::Setup& s, const amp::Connect& c) {
    size_t ticked = (size_t)std::count(s.steps_done.begin(), s.steps_done.end(), true), all = s.steps_done.size();
    bool connected = c.state == amp::ConnectState::Connected, saved = s.selected() != nullptr;
    bool done[3] = {saved || connected || (all > 0 && ticked == all), saved || connected, connected};
    std::string state[3] = {done[0] ? tr("steps.done") : tr("steps.ticked", {{"ticked", std::to_string(ticked)}, {"count", std::to_string(all)}}),
                            tr(done[1] ? "steps.saved" : "steps.not_saved"), tr(done[2] ? "steps.connected" : "steps.not_tested")};
    std::string words[3] = {tr("steps.create"), tr("steps.register"), tr("steps.test")};
    const char* names[3] = {words[0].c_str(), words[1].c_str(), words[2].c_str()};
    int current = !done[0] ? 0 : !done[1] ? 1 : !done[2] ? 2 : 3;
    std::string said;
    for (int i = 0; i < 3; ++i)
        said += (i ? "; " : "") + tr("steps.step", {{"number", std::to_string(i + 1)}, {"name", names[i]}, {"state", state[i]}});
    steps(names, state, done, 3, current, tr("steps.progress", {{"steps", said}}));
}

void change_provider(const amp::Setup& s, Intents& out) {
    if (button(tr("common.change_provider") + "###change-provider", !s.any_busy())) out.push_back({IntentKind::ChangeProvider, {}});
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
    if (picking) heading(tr("page.title_picking"), 1);
    else title_with_mark(v.marks, s.provider ? s.provider->icon_url : "", name, tr("page.title", {{"provider", name}}));
    text(picking ? tr("page.intro_picking") : tr("page.intro", {{"provider", name}}), true);
    // The provider can be changed wherever it is settled (Ready has the button beside the project).
    if (s.stage() == amp::Stage::Access || s.stage() == amp::Stage::ProviderFailed)
        change_provider(s, out);
    switch (s.stage()) {
    case amp::Stage::Picking:
        error_banner(s, v, out);
        picker(s, v.picker, v.marks, out);
        break;
    case amp::Stage::LoadingProvider:
        text(tr("page.loading_provider", {{"provider", name}}));
        break;
    case amp::Stage::ProviderFailed:
        error_banner(s, v, out);
        if (!s.error || !s.error->retryable)
            if (button(tr("common.retry"))) out.push_back({IntentKind::Retry, {}});
        break;
    case amp::Stage::Access:
        access(s, v, out);
        break;
    case amp::Stage::LoadingApps:
        notice(tr("page.loading_apps"));
        break;
    case amp::Stage::Ready:
        if (!s.guide) { // a provider that needs no provider app says how its users connect instead
            std::string how = s.provider ? amp::how_users_connect(*s.provider) : "";
            if (how.empty()) alert(tr("page.no_guide", {{"provider", name}}), true);
            else notice(how.c_str());
            change_provider(s, out);
            break;
        }
        stepper(s, c);
        align_to_buttons();
        text(tr("page.project", {{"project", s.project}}), true);
        begin_row(true); // beside the project while the column has room, else wrapped under it
        if (button(tr("page.change_project"), !s.any_busy())) out.push_back({IntentKind::EditAccess, {}});
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
