#include "core/setup.h"

#include <algorithm>

#include "core/events.h"

namespace amp {

const char* op_name(Op op) {
    switch (op) {
    case Op::LoadProvider: return "loadProvider";
    case Op::ListApps: return "listProviderApps";
    case Op::Save: return "saveProviderApp";
    case Op::Delete: return "deleteProviderApp";
    case Op::None: break;
    }
    return "none";
}

// Whether the host took care of credentials, so the admin is not asked for a key.
static bool supplied(AuthKind kind, const Secret& credential) {
    return kind == AuthKind::HostToken || kind == AuthKind::Backend || (kind != AuthKind::None && !credential.empty());
}

Setup::Setup(SetupOptions o, Secret host_credential)
    : options(std::move(o)), host_credential_(std::move(host_credential)) {
    guide = builtin_guide(options.provider);
    project = options.project;
    // A test connection needs a group and a consumer; say plainly whose it is when the host did not.
    group_ref = options.group_ref.empty() ? "ampersand-setup-test" : options.group_ref;
    consumer_ref = options.consumer_ref.empty() ? "admin" : options.consumer_ref;
    host_supplied_ = supplied(options.auth, host_credential_);
    if (guide) {
        steps_done.assign(guide->steps.size(), false);
        form.reset(*guide);
    }
}

Client Setup::client() const {
    Client c;
    c.base = options.api_base;
    c.auth = host_supplied_ ? options.auth : AuthKind::ApiKey;
    c.credential = host_supplied_ ? &host_credential_ : &api_key;
    return c;
}

bool Setup::busy(Op op) const {
    return outbox_.busy(op);
}

void Setup::start() {
    if (busy(Op::LoadProvider)) return;
    error.reset();
    outbox_.send(Op::LoadProvider, get_provider(client(), options.provider));
    if (host_supplied_ && !project.empty()) submit_access();
}

void Setup::submit_access() {
    std::vector<FieldIssue> found;
    project = trim(project);
    if (project.empty()) found.push_back({"project", "Enter the Ampersand project name or id."});
    if (!host_supplied_) {
        api_key.trim();
        if (api_key.empty()) found.push_back({"apiKey", "Enter an Ampersand API key for this project."});
    }
    issues = found;
    if (!found.empty()) {
        events_.push_back(invalid_input_event(found, "connectAmpersand"));
        return;
    }
    access_submitted_ = true;
    list_apps();
}

void Setup::edit_access() {
    access_submitted_ = false;
    apps_loaded = false;
}

void Setup::list_apps() {
    if (busy(Op::ListApps)) return;
    error.reset();
    outbox_.send(Op::ListApps, list_provider_apps(client(), project));
}

Stage Setup::stage() const {
    if (!provider) return busy(Op::LoadProvider) || error_op != Op::LoadProvider ? Stage::LoadingProvider
                                                                                 : Stage::ProviderFailed;
    if (!access_submitted_) return Stage::Access;
    if (!apps_loaded) return busy(Op::ListApps) ? Stage::LoadingApps : Stage::Access;
    return Stage::Ready;
}

const ProviderApp* Setup::selected() const {
    for (const ProviderApp& a : apps)
        if (a.id == selected_id) return &a;
    return nullptr;
}

std::vector<const ProviderApp*> Setup::provider_apps() const {
    std::vector<const ProviderApp*> out;
    for (const ProviderApp& a : apps)
        if (a.provider == options.provider) out.push_back(&a);
    return out;
}

std::string Setup::field_message(std::string_view field) const {
    for (const FieldIssue& i : issues)
        if (i.field == field) return i.message;
    return {};
}

bool Setup::unsaved_input() const {
    if (!guide || stage() != Stage::Ready) return false;
    if (const ProviderApp* app = selected())
        return !update_mask(form, *app).empty() || (form.replace_secret && !form.client_secret.blank());
    return !trim(form.client_id).empty() || !form.client_secret.blank();
}

void Setup::new_app() {
    selected_id.clear();
    creating_another = true;
    issues.clear();
    notice.clear();
    if (guide) form.reset(*guide);
}

void Setup::edit_app(const std::string& id) {
    selected_id = id;
    creating_another = false;
    issues.clear();
    if (const ProviderApp* a = selected(); a && guide) form.load(*guide, *a);
}

void Setup::save() {
    if (!guide || busy(Op::Save) || busy(Op::Delete)) return; // no double submit
    const ProviderApp* existing = selected();
    notice.clear();
    issues = validate(*guide, form, existing);
    if (!issues.empty()) {
        events_.push_back(invalid_input_event(issues, op_name(Op::Save)));
        return;
    }
    form.client_id = trim(form.client_id);
    form.client_secret.trim();
    AppFields fields{options.provider, form.client_id, {}, nullptr, chosen_scopes(form)};
    if (!existing || form.replace_secret) fields.client_secret = &form.client_secret;
    error.reset();
    if (!existing) {
        target_id_.clear();
        outbox_.send(Op::Save, create_provider_app(client(), project, fields));
        return;
    }
    std::vector<std::string> mask = update_mask(form, *existing);
    if (mask.empty()) {
        notice = "Nothing to update: the form matches the saved app.";
        return;
    }
    target_id_ = existing->id;
    outbox_.send(Op::Save, update_provider_app(client(), project, existing->id, fields, mask));
}

void Setup::confirm_delete() {
    confirm_delete_pending = false;
    const ProviderApp* a = selected();
    if (!a || busy(Op::Delete) || busy(Op::Save)) return;
    error.reset();
    notice.clear();
    target_id_ = a->id;
    outbox_.send(Op::Delete, delete_provider_app(client(), project, a->id));
}

void Setup::retry() {
    switch (error_op) {
    case Op::LoadProvider: start(); break;
    case Op::ListApps: list_apps(); break;
    case Op::Save: save(); break;
    case Op::Delete: confirm_delete(); break;
    case Op::None: break;
    }
}

void Setup::fail(Op op, const ApiError& e) {
    error = e;
    error_op = op;
    issues = e.issues;
    events_.push_back(error_event(e, op_name(op)));
}

void Setup::apply_saved(const ProviderApp& app, bool created) {
    auto it = std::find_if(apps.begin(), apps.end(), [&](const ProviderApp& a) { return a.id == app.id; });
    if (it == apps.end()) apps.push_back(app);
    else *it = app;
    selected_id = app.id;
    creating_another = false;
    if (guide) form.load(*guide, app); // also wipes the secret: it is never needed again
    notice = created ? "Saved. Ampersand now holds this " + guide->display_name + " app."
                     : "Updated the " + guide->display_name + " app.";
    events_.push_back(provider_app_saved_event(app, created));
}

void Setup::on_response(int id, const Response& r) {
    std::optional<Op> settled = outbox_.settle(id);
    if (!settled) return; // stale or unknown: nothing to do
    Op op = *settled;
    if (!r.ok()) {
        ApiError e = error_from(r);
        if (op == Op::ListApps && (r.status == 401 || r.status == 403 || r.status == 404)) access_submitted_ = false;
        fail(op, e);
        return;
    }
    if (error_op == op) error_op = Op::None;
    switch (op) {
    case Op::LoadProvider:
        if ((provider = parse_provider_info(r.body))) events_.push_back(provider_loaded_event(*provider));
        else fail(op, unreadable_answer());
        break;
    case Op::ListApps:
        if (auto list = parse_provider_apps(r.body)) {
            apps = std::move(*list);
            apps_loaded = true;
            issues.clear();
            if (!selected()) {
                auto mine = provider_apps();
                if (!mine.empty()) edit_app(mine.front()->id);
                else selected_id.clear();
            }
        } else fail(op, unreadable_answer());
        break;
    case Op::Save:
        if (auto app = parse_provider_app(r.body)) apply_saved(*app, target_id_.empty());
        else fail(op, unreadable_answer());
        break;
    case Op::Delete: {
        std::string gone = target_id_;
        apps.erase(std::remove_if(apps.begin(), apps.end(), [&](const ProviderApp& a) { return a.id == gone; }),
                   apps.end());
        notice = "Deleted the app from Ampersand.";
        events_.push_back(provider_app_deleted_event(gone, options.provider));
        if (selected_id != gone) break; // the admin has moved on to another app: leave that form alone
        selected_id.clear();
        if (guide) form.reset(*guide);
        auto mine = provider_apps();
        if (!mine.empty()) edit_app(mine.front()->id);
        break;
    }
    case Op::None: break;
    }
}

} // namespace amp
