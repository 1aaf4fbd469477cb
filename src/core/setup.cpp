#include "core/messages.h"
#include "core/setup.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "core/events.h"
#include "core/guide_source.h"
#include "core/providers.h"
#include "core/timestamp.h"

namespace amp {

const char* op_name(Op op) {
    switch (op) {
    case Op::LoadProvider: return "loadProvider";
    case Op::LoadGuide: return "loadGuide";
    case Op::LoadOverlay: return "loadGuideTranslation";
    case Op::LoadIndex: return "loadProviders";
    case Op::ListApps: return "listProviderApps";
    case Op::Save: return "saveProviderApp";
    case Op::Delete: return "deleteProviderApp";
    case Op::Reconcile: return "checkProviderApps";
    case Op::None: break;
    }
    return "none";
}

// ---- states and transitions -----------------------------------------------------------------------
// Every way the two machines move, in one place (README.md "States" draws them). An event with no row
// for the current state leaves it as it is: a list that fails after the apps are on screen keeps them.

namespace {

using Load = ProviderLoad;
using Step = AccessStep;
using Ev = SetupEvent;

constexpr ProviderLoadTransition kLoadTransitions[] = {
    {Load::Loading, Ev::ProviderLoaded, Load::Loaded},
    {Load::Loading, Ev::ProviderBeforeGuide, Load::LoadingGuide},
    {Load::Loading, Ev::ProviderFailed, Load::Failed},
    {Load::LoadingGuide, Ev::GuideSettled, Load::Loaded},
    {Load::Failed, Ev::ProviderAsked, Load::Loading},
    {Load::Loading, Ev::ProviderUnknown, Load::Picking},
    {Load::Failed, Ev::ChangeProvider, Load::Picking},
    {Load::Loaded, Ev::ChangeProvider, Load::Picking},
    {Load::Picking, Ev::ProviderChosen, Load::Loading},
};

constexpr AccessTransition kAccessTransitions[] = {
    {Step::Access, Ev::AccessGiven, Step::LoadingApps},
    {Step::Access, Ev::RetryList, Step::LoadingApps},
    {Step::LoadingApps, Ev::AppsListed, Step::Ready},
    {Step::LoadingApps, Ev::ListFailed, Step::Access},
    {Step::LoadingApps, Ev::AccessRefused, Step::Access},
    {Step::LoadingApps, Ev::EditAccess, Step::Access},
    {Step::Ready, Ev::AccessRefused, Step::Access},
    {Step::Ready, Ev::EditAccess, Step::Access},
};

} // namespace

std::span<const ProviderLoadTransition> provider_load_transitions() {
    return kLoadTransitions;
}

std::span<const AccessTransition> access_transitions() {
    return kAccessTransitions;
}

const char* state_name(ProviderLoad s) {
    // In the enum's order.
    static constexpr const char* names[] = {
        "LoadingProvider", "ProviderFailed", "LoadingGuide", "ProviderLoaded", "Picking"};
    static_assert(std::size(names) == (size_t)ProviderLoad::Picking + 1);
    return names[(int)s];
}

const char* state_name(AccessStep s) {
    // In the enum's order.
    static constexpr const char* names[] = {
        "Access", "LoadingApps", "Ready"};
    static_assert(std::size(names) == (size_t)AccessStep::Ready + 1);
    return names[(int)s];
}

const char* event_name(SetupEvent e) {
    // In the enum's order.
    static constexpr const char* names[] = {
        "retry", "provider loaded", "provider loaded before guide", "guide loaded", "provider failed", "access given", "retry", "apps listed", "list failed",
        "access refused", "edit access", "provider unknown", "change provider", "provider chosen"};
    static_assert(std::size(names) == (size_t)SetupEvent::ProviderChosen + 1);
    return names[(int)e];
}

void Setup::go(SetupEvent e) {
    if (auto to = next_state(provider_load_transitions(), load_, e)) load_ = *to;
    if (auto to = next_state(access_transitions(), access_, e)) access_ = *to;
}

Stage Setup::stage() const {
    if (load_ == Load::Picking) return Stage::Picking;
    // A guide on its way holds the screen too: the form's labels and steps come from it. A built-in guide
    // is here from the start, and the access step needs nothing from the provider: the admin types the
    // project and key while the provider loads (what follows the list waits for it).
    if (load_ == Load::Failed) return Stage::ProviderFailed;
    if (load_ != Load::Loaded) return guide && access_ == Step::Access ? Stage::Access : Stage::LoadingProvider;
    switch (access_) {
    case Step::Access: break;
    case Step::LoadingApps: return Stage::LoadingApps;
    case Step::Ready: return Stage::Ready;
    }
    return Stage::Access;
}

// Whether the host took care of credentials, so the admin is not asked for a key.
static bool supplied(AuthKind kind, const Secret& credential) {
    return kind == AuthKind::HostToken || kind == AuthKind::Backend || (kind != AuthKind::None && !credential.empty());
}

namespace {
constexpr double kDefaultRateWaitMs = 5000; // a 429 that does not say how long to wait
constexpr int kMaxAutoRetries = 3;
// How long a guide that is in waits for its translation before it is shown in English (the translation
// is laid over it when it comes): a static file beside the widget is usually there well before.
constexpr double kOverlayWaitMs = 2000;
} // namespace

Setup::Setup(SetupOptions o, Secret host_credential)
    : options(std::move(o)), host_credential_(std::move(host_credential)) {
    set_provider(options.provider);
    if (options.provider.empty()) load_ = Load::Picking;
    project = options.project;
    // A test connection needs a group and a consumer; say plainly whose it is when the host did not.
    group_ref = options.group_ref.empty() ? "ampersand-setup-test" : options.group_ref;
    consumer_ref = options.consumer_ref.empty() ? "admin" : options.consumer_ref;
    host_supplied_ = supplied(options.auth, host_credential_);
}

void Setup::set_provider(std::string name) {
    options.provider = std::move(name);
    provider.reset();
    loaded_guide.reset();
    overlay_.reset();
    overlay_asked_.clear();
    overlay_until_ = 0;
    guide = builtin_guide(options.provider);
    steps_done.assign(guide ? guide->steps.size() : 0, false);
    form = {};
    if (guide) form.reset(*guide);
    connect_values = {};
    app_values = {};
}

std::vector<AppMetadataInput> Setup::app_fields() const {
    return provider ? app_metadata_inputs(*provider) : std::vector<AppMetadataInput>{};
}

void Setup::load_app_values() {
    const ProviderApp* app = selected();
    app_values = app && provider ? app_metadata_values(*provider, app->metadata) : InputValues{};
}

// Compared as the form would save them: the same values typed another way (spaces, order of groups) are no change.
bool Setup::metadata_changed(const ProviderApp& app) const {
    if (!provider) return false;
    return app_metadata(*provider, app_values) != app_metadata(*provider, app_metadata_values(*provider, app.metadata));
}

std::vector<ConnectInput> Setup::connect_fields() const {
    return provider ? connect_inputs(*provider) : std::vector<ConnectInput>{};
}

bool Setup::check_connect_values() {
    issues = check_inputs(connect_fields(), connect_values);
    if (issues.empty()) return true;
    events_.push_back(invalid_input_event(issues, "testConnection"));
    return false;
}

void Setup::adopt_guide(ProviderGuide g) {
    loaded_guide = std::move(g);
    guide = &*loaded_guide;
    steps_done.assign(guide->steps.size(), false);
    // The apps may have been listed before the guide came (a host's credentials, a provider changed).
    if (const ProviderApp* app = selected()) form.load(*guide, *app);
    else form.reset(*guide);
    translate_guide();
}

// Only the words change: the steps and scopes are the same ones, so the ticks and the form stay. The
// built-in guide is copied first, as it stays English for the next provider chosen.
void Setup::translate_guide() {
    if (!guide || guide->generic || !overlay_ || overlay_->provider != guide->provider) return;
    if (!loaded_guide || guide != &*loaded_guide) {
        loaded_guide = *guide;
        guide = &*loaded_guide;
    }
    apply_overlay(*loaded_guide, *overlay_);
}

bool Setup::may_be_curated() const {
    if (builtin_guide(options.provider) || index_from_api_) return true; // GET /providers says nothing of guides
    const ProviderEntry* e = picker.find(options.provider);
    return !e || e->curated;
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
    if (load_ == Load::Picking) load_index();
    else load_provider();
    if (host_supplied_ && !project.empty()) submit_access();
}

void Setup::load_provider() {
    outbox_.send(Op::LoadProvider, get_provider(client(), options.provider));
    go(Ev::ProviderAsked);
    // A guide still coming for the provider chosen before does not stand for this one's.
    if (!guide && !options.asset_base.empty() && (!busy(Op::LoadGuide) || guide_asked_ != options.provider)) {
        guide_asked_ = options.provider;
        outbox_.send(Op::LoadGuide, get_guide(options.asset_base, options.provider));
    }
    // Beside it (and for the built-in guide too), its words in the admin's language; English has no file.
    bool translated = !options.locale.empty() && options.locale != "en";
    if (translated && !options.asset_base.empty() && overlay_asked_ != options.provider && may_be_curated()) {
        overlay_asked_ = options.provider;
        outbox_.send(Op::LoadOverlay, get_overlay(options.asset_base, options.locale, options.provider));
    }
}

void Setup::load_index() {
    if (!picker.entries.empty() || busy(Op::LoadIndex)) return;
    error.reset();
    index_from_api_ = false;
    outbox_.send(Op::LoadIndex, get_provider_index(options.asset_base));
}

void Setup::change_provider() {
    if (any_busy()) return;
    error.reset();
    error_op = Op::None;
    issues.clear();
    notice.clear();
    picker.asked.clear();
    picker.explained.clear();
    picker.set_query("");
    go(Ev::ChangeProvider);
    load_index();
}

void Setup::choose_provider(const std::string& name) {
    if (stage() != Stage::Picking) return;
    const ProviderEntry* entry = picker.find(name);
    if (!entry) return;
    if (!entry->needs_app()) { // its users bring their own credentials: nothing to register
        picker.explained = name;
        return;
    }
    picker.asked.clear();
    picker.explained.clear();
    error.reset();
    error_op = Op::None;
    issues.clear();
    notice.clear();
    confirm_delete_pending = false;
    creating_another = false;
    selected_id.clear();
    set_provider(name);
    events_.push_back(provider_chosen_event(entry->name, entry->display_name));
    go(Ev::ProviderChosen);
    load_provider();
    if (auto mine = provider_apps(); !mine.empty()) edit_app(mine.front()->id); // opens its saved app
}

bool Setup::has_app(std::string_view name) const {
    return std::any_of(apps.begin(), apps.end(), [&](const ProviderApp& a) { return a.provider == name; });
}

void Setup::submit_access() {
    std::vector<FieldIssue> found;
    project = trim(project);
    if (project.empty()) found.push_back({"project", tr("access.enter_project")});
    if (!host_supplied_) {
        api_key.trim();
        if (api_key.empty()) found.push_back({"apiKey", tr("access.enter_key")});
    }
    issues = found;
    if (!found.empty()) {
        events_.push_back(invalid_input_event(found, "connectAmpersand"));
        return;
    }
    go(Ev::AccessGiven);
    list_apps();
}

void Setup::edit_access() {
    go(Ev::EditAccess);
}

void Setup::list_apps() {
    if (busy(Op::ListApps)) return;
    error.reset();
    outbox_.send(Op::ListApps, list_provider_apps(client(), project));
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
        return !update_mask(form, *app).empty() || metadata_changed(*app) ||
               (form.replace_secret && !form.client_secret.blank());
    bool typed_metadata = provider && !app_metadata(*provider, app_values).is_null();
    return !trim(form.client_id).empty() || !form.client_secret.blank() || typed_metadata;
}

void Setup::new_app() {
    selected_id.clear();
    creating_another = true;
    issues.clear();
    notice.clear();
    if (guide) form.reset(*guide);
    app_values = {};
}

void Setup::edit_app(const std::string& id) {
    selected_id = id;
    creating_another = false;
    issues.clear();
    if (const ProviderApp* a = selected(); a && guide) form.load(*guide, *a);
    load_app_values();
}

// Before a create or delete: what the project held, so that a list taken after an unanswered write
// can tell whether Ampersand carried it out.
void Setup::begin_write() {
    write_ = {};
    for (const ProviderApp& a : apps) {
        write_.known_ids.push_back(a.id);
        for (const std::string* t : {&a.create_time, &a.update_time})
            if (!t->empty() && (write_.since.empty() || !not_before(write_.since, *t))) write_.since = *t;
    }
    retry_at_ = 0;
}

void Setup::save() {
    if (!guide || any_busy()) return; // no double submit, and nothing while a write is being checked
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
    if (provider) fields.metadata = app_metadata(*provider, app_values); // null when nothing typed: left out
    if (!existing || form.replace_secret) fields.client_secret = &form.client_secret;
    error.reset();
    if (!existing) {
        if (check_first(Op::Save)) return;
        target_id_.clear();
        begin_write();
        write_.client_id = form.client_id;
        outbox_.send(Op::Save, create_provider_app(client(), project, fields));
        return;
    }
    std::vector<std::string> mask = update_mask(form, *existing);
    if (metadata_changed(*existing)) mask.push_back("metadata"); // all emptied: sent absent, which clears it
    if (mask.empty()) {
        notice = tr("register.nothing_to_update");
        return;
    }
    target_id_ = existing->id;
    retry_at_ = 0;
    outbox_.send(Op::Save, update_provider_app(client(), project, existing->id, fields, mask));
}

void Setup::confirm_delete() {
    confirm_delete_pending = false;
    const ProviderApp* a = selected();
    if (!a || any_busy()) return;
    if (a->id == target_id_ && check_first(Op::Delete)) return;
    error.reset();
    notice.clear();
    bool repeated = write_.repeated_delete && target_id_ == a->id;
    begin_write();
    write_.repeated_delete = repeated;
    target_id_ = a->id;
    outbox_.send(Op::Delete, delete_provider_app(client(), project, a->id));
}

void Setup::retry() {
    if (wait_seconds() > 0 && !auto_retry_) return; // a write waits out the 429 the admin can see
    retry_at_ = 0;
    switch (error_op) {
    case Op::LoadProvider: start(); break;
    case Op::LoadGuide: break; // never fails: the generic guide stands in
    case Op::LoadOverlay: break; // never fails: the guide stays English
    case Op::LoadIndex: load_index(); break;
    case Op::ListApps: go(Ev::RetryList), list_apps(); break;
    case Op::Save: save(); break;
    case Op::Delete: confirm_delete(); break;
    case Op::Reconcile: unsure_op_ == Op::Delete ? confirm_delete() : save(); break; // both check first
    case Op::None: break;
    }
}

void Setup::dismiss_error() {
    if (error_op == Op::LoadProvider) return; // without the provider there is no form to go back to
    error.reset();
    error_op = Op::None;
    retry_at_ = 0;
}

int Setup::wait_seconds() const {
    return retry_at_ > now_ ? (int)((retry_at_ - now_ + 999) / 1000) : 0;
}

void Setup::tick(double now_ms) {
    now_ = now_ms;
    if (overlay_until_ > 0 && now_ms >= overlay_until_) {
        overlay_until_ = 0;
        if (!busy(Op::LoadGuide)) go(Ev::GuideSettled); // shown in English; the translation follows if it comes
    }
    if (retry_at_ == 0 || now_ms < retry_at_) return;
    bool again = auto_retry_;
    retry_at_ = 0;
    if (again) retry();
}

double Setup::next_deadline() const {
    if (retry_at_ == 0) return overlay_until_;
    double next_second = retry_at_ - (wait_seconds() - 1) * 1000.0; // the countdown's next change
    double due = std::min(retry_at_, next_second);
    return overlay_until_ > 0 ? std::min(due, overlay_until_) : due;
}

std::string Setup::label(std::string_view field) const {
    if (guide && field == "clientId") return guide->client_id_label;
    if (guide && field == "clientSecret") return guide->client_secret_label;
    if (field == "scopes") return "Scopes";
    if (field == "project") return "Project";
    if (field == "apiKey") return "API key";
    return std::string(field);
}

namespace {

// The API words its messages with the request's field names; the admin knows the form's labels.
std::string relabel(const std::string& text, const std::string& name, const std::string& shown) {
    std::string out;
    size_t from = 0;
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + name.size())) {
        size_t end = at + name.size();
        bool whole = (at == 0 || !std::isalnum((unsigned char)text[at - 1])) &&
                     (end == text.size() || !std::isalnum((unsigned char)text[end]));
        if (!whole) continue; // "clientIds" or "myclientId" are other words
        out += text.substr(from, at - from) + shown;
        from = end;
    }
    return out + text.substr(from);
}

bool is_app_write(Op op) { return op == Op::Save || op == Op::Delete; }

} // namespace

// A refused list names the field to fix, in plain words: the server's own text about headers and
// Bearer tokens means nothing to an admin who pasted a key. A key or token the page supplied is the
// page's to fix (the access step says so), so no field is marked then.
ApiError Setup::refused_access(ApiError e) const {
    const char* field = e.status == 401 && !host_supplied_ ? "apiKey" : e.status == 404 ? "project" : nullptr;
    if (!field) return e;
    e.title.clear(), e.causes.clear(), e.remedy.clear();
    e.issues = {{field, tr(e.status == 401 ? "access.key_refused" : "access.project_unknown")}};
    return e;
}

namespace {

} // namespace

void Setup::fail(Op op, ApiError e) {
    // A consumer token may read but not change provider apps: say what would work instead.
    if (is_app_write(op) && e.status == 403 && (client().auth == AuthKind::Bearer || client().auth == AuthKind::HostToken)) {
        e.causes.clear();
        e.detail = tr("register.token_refused");
        e.remedy = tr("register.token_remedy");
    }
    std::string named;
    for (FieldIssue& i : e.issues) {
        for (const char* f : {"clientId", "clientSecret", "scopes", "project", "apiKey"}) i.message = relabel(i.message, f, label(f));
        std::string shown = label(i.field);
        if (named.find(shown) == std::string::npos) named += (named.empty() ? "" : ", ") + shown;
    }
    if (!named.empty()) { // the fields say what is wrong; the banner points at them by their labels
        e.causes.clear();
        e.detail = tr("register.not_accepted", {{"fields", named}});
    }
    error = e;
    error_op = op;
    issues = e.issues;
    retry_at_ = 0;
    auto_retry_ = false;
    if (e.status == 429) {
        retry_at_ = now_ + (e.retry_after_ms >= 0 ? (double)e.retry_after_ms : kDefaultRateWaitMs);
        auto_retry_ = !is_app_write(op) && auto_retries_ < kMaxAutoRetries;
        if (auto_retry_) ++auto_retries_;
    }
    events_.push_back(error_event(e, op_name(op)));
}

// The write's answer was lost, cut short or unreadable: it may have happened. List the apps and
// look, and only then report (or adopt what it made), so that a Retry never makes a second app.
void Setup::check_write(Op op, const ApiError& e) {
    unsure_op_ = op;
    unsure_error_ = e;
    unresolved_ = true;
    redo_if_absent_ = false;
    outbox_.send(Op::Reconcile, list_provider_apps(client(), project));
}

// Retry, Save or Delete while the check after a lost answer has not been made: whatever the button,
// the write is repeated only once a list shows it did not happen.
bool Setup::check_first(Op op) {
    if (!unresolved_ || unsure_op_ != op) return false;
    error.reset();
    redo_if_absent_ = true;
    outbox_.send(Op::Reconcile, list_provider_apps(client(), project));
    return true;
}

void Setup::reconciled(const Response& r) {
    std::optional<std::vector<ProviderApp>> list;
    if (r.ok()) list = parse_provider_apps(r.body);
    if (!list) {
        // Still unknown: the only safe retry is to look again.
        ApiError e = unsure_error_;
        e.detail = tr(unsure_op_ == Op::Delete ? "register.unsure_delete" : "register.unsure_save");
        e.causes.clear();
        e.retryable = true;
        fail(Op::Reconcile, e);
        return;
    }
    apps = std::move(*list);
    unresolved_ = false;
    auto_retries_ = 0;
    if (error_op == Op::Reconcile) error_op = Op::None;
    if (unsure_op_ == Op::Delete) {
        bool gone = std::none_of(apps.begin(), apps.end(), [&](const ProviderApp& a) { return a.id == target_id_; });
        if (gone) return applied_delete();
        write_.repeated_delete = true; // a repeat may find the first one went through meanwhile
        if (redo_if_absent_ && selected_id == target_id_) return confirm_delete();
        return fail(Op::Delete, unsure_error_);
    }
    for (const ProviderApp& a : apps) {
        bool known = std::find(write_.known_ids.begin(), write_.known_ids.end(), a.id) != write_.known_ids.end();
        if (!known && a.provider == options.provider && a.client_id == write_.client_id &&
            not_before(a.create_time, write_.since))
            return apply_saved(a, true);
    }
    if (redo_if_absent_ && !selected()) return save(); // not made: now it is safe to create it once
    fail(Op::Save, unsure_error_);                      // not made: a Retry creates it once
}
void Setup::apply_saved(const ProviderApp& app, bool created) {
    auto it = std::find_if(apps.begin(), apps.end(), [&](const ProviderApp& a) { return a.id == app.id; });
    if (it == apps.end()) apps.push_back(app);
    else *it = app;
    selected_id = app.id;
    creating_another = false;
    if (guide) form.load(*guide, app); // also wipes the secret: it is never needed again
    load_app_values();
    notice = tr(created ? "register.created" : "register.updated", {{"provider", guide->display_name}});
    events_.push_back(provider_app_saved_event(app, created));
}

void Setup::applied_delete() {
    std::string gone = target_id_;
    write_.repeated_delete = false;
    apps.erase(std::remove_if(apps.begin(), apps.end(), [&](const ProviderApp& a) { return a.id == gone; }), apps.end());
    notice = tr("register.deleted");
    events_.push_back(provider_app_deleted_event(gone, options.provider));
    if (selected_id != gone) return; // the admin has moved on to another app: leave that form alone
    selected_id.clear();
    if (guide) form.reset(*guide);
    app_values = {};
    auto mine = provider_apps();
    if (!mine.empty()) edit_app(mine.front()->id);
}

// Every answer goes to the handler of what it answers; one that no longer matters settles to nothing.
void Setup::on_response(int id, const Response& r, double now_ms) {
    now_ = std::max(now_, now_ms);
    std::optional<Op> settled = outbox_.settle(id);
    if (!settled) return;
    // The operation that failed last has now worked (a guide file never fails: see got_guide).
    if (r.ok() && *settled != Op::Reconcile && *settled != Op::LoadGuide && *settled != Op::LoadOverlay) {
        auto_retries_ = 0;
        if (error_op == *settled) error_op = Op::None;
    }
    switch (*settled) {
    case Op::LoadProvider: return got_provider(r);
    case Op::LoadGuide: return got_guide(r);
    case Op::LoadOverlay: return got_overlay(r);
    case Op::LoadIndex: return got_index(r);
    case Op::ListApps: return got_apps(r);
    case Op::Save: return got_saved(r);
    case Op::Delete: return got_deleted(r);
    case Op::Reconcile: return reconciled(r);
    case Op::None: return;
    }
}

void Setup::got_provider(const Response& r) {
    if (r.status == 404) { // a name the catalog does not know: say so above the picker
        picker.asked = options.provider;
        ApiError e = error_from(r);
        e.detail = tr("picker.unknown", {{"name", options.provider}});
        e.causes.clear();
        e.retryable = false;
        events_.push_back(error_event(e, op_name(Op::LoadProvider)));
        go(Ev::ProviderUnknown);
        return load_index();
    }
    std::optional<ProviderInfo> info = r.ok() ? parse_provider_info(r.body) : std::nullopt;
    if (!info) {
        go(Ev::ProviderFailed);
        return fail(Op::LoadProvider, r.ok() ? unreadable_answer() : error_from(r));
    }
    provider = std::move(info);
    connect_values = initial_values(connect_inputs(*provider));
    load_app_values(); // the apps may have been listed first
    if (!guide && !busy(Op::LoadGuide) && provider_kind(*provider) == ProviderKind::BrowserOAuth)
        adopt_guide(generic_guide(*provider));
    go(guide_coming() ? Ev::ProviderBeforeGuide : Ev::ProviderLoaded);
    wait_for_overlay();
    events_.push_back(provider_loaded_event(*provider));
}

// Without a curated guide file (the build writes a generic one as a marker: its words are made here, in
// the admin's language; an older deploy; a provider newer than the build) the catalog entry makes one.
void Setup::got_guide(const Response& r) {
    auto file = r.ok() ? parse_guide(r.body) : std::nullopt;
    bool mine = file && file->provider == options.provider;
    if (!mine && busy(Op::LoadGuide)) return; // the provider before's: this one's is still coming
    if (mine && !file->generic) adopt_guide(std::move(*file));
    else if (!guide && provider && provider_kind(*provider) == ProviderKind::BrowserOAuth) adopt_guide(generic_guide(*provider));
    if (!guide_coming()) go(Ev::GuideSettled);
    wait_for_overlay();
}

// Only the translation holds the load: it gets a while, not the request's whole deadline.
void Setup::wait_for_overlay() {
    if (load_ == Load::LoadingGuide && !busy(Op::LoadGuide) && overlay_until_ == 0) overlay_until_ = now_ + kOverlayWaitMs;
}

// A translation that does not come, or does not read, leaves the guide in English: no error for it.
void Setup::got_overlay(const Response& r) {
    auto o = r.ok() ? parse_overlay(r.body) : std::nullopt;
    if (o && o->provider == options.provider) {
        overlay_ = std::move(o);
        translate_guide();
    }
    if (guide_coming()) return;
    overlay_until_ = 0;
    go(Ev::GuideSettled);
}

// A deploy may leave out providers/ (or serve something else there): the list then comes from Ampersand's
// own GET /providers, which needs no credential. Only when both fail is it an error.
void Setup::got_index(const Response& r) {
    auto list = !r.ok() ? std::nullopt : index_from_api_ ? parse_provider_catalog(r.body) : parse_provider_index(r.body);
    if (list && !list->empty()) return picker.set_entries(std::move(*list));
    if (!index_from_api_) {
        index_from_api_ = true;
        return outbox_.send(Op::LoadIndex, list_providers(client()));
    }
    fail(Op::LoadIndex, r.ok() ? unreadable_answer() : error_from(r));
}

void Setup::got_apps(const Response& r) {
    std::optional<std::vector<ProviderApp>> list = r.ok() ? parse_provider_apps(r.body) : std::nullopt;
    if (!list) {
        go(r.status == 401 || r.status == 403 || r.status == 404 ? Ev::AccessRefused : Ev::ListFailed);
        return fail(Op::ListApps, r.ok() ? unreadable_answer() : refused_access(error_from(r)));
    }
    apps = std::move(*list);
    go(Ev::AppsListed);
    issues.clear();
    if (selected()) return;
    auto mine = provider_apps();
    if (!mine.empty()) edit_app(mine.front()->id);
    else selected_id.clear();
}

// A create whose answer was lost or unreadable may have happened: check before saying anything.
void Setup::got_saved(const Response& r) {
    bool creating = target_id_.empty();
    if (!r.ok()) {
        ApiError e = error_from(r);
        if (creating && outcome_unknown(e)) return check_write(Op::Save, e);
        return fail(Op::Save, e);
    }
    if (auto app = parse_provider_app(r.body)) return apply_saved(*app, creating);
    if (creating) return check_write(Op::Save, unreadable_answer()); // a 2xx: most likely made, but which app?
    fail(Op::Save, unreadable_answer());
}

void Setup::got_deleted(const Response& r) {
    if (r.ok()) return applied_delete();
    ApiError e = error_from(r);
    if (outcome_unknown(e)) return check_write(Op::Delete, e);
    // The app a repeated delete is about is gone: the earlier attempt did it.
    if (r.status == 404 && write_.repeated_delete) return applied_delete();
    fail(Op::Delete, e);
}

} // namespace amp
