// The provider-app setup flow as a state machine with no I/O: intents and responses go in, requests to
// send and host events come out (take_requests / take_events). The UI reads the public fields and
// edits the drafts (access, form) in place; everything else changes only through the methods.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/api.h"
#include "core/app_metadata.h"
#include "core/catalog.h"
#include "core/connect_inputs.h"
#include "core/form.h"
#include "core/guide_overlay.h"
#include "core/models.h"
#include "core/outbox.h"
#include "core/picker.h"
#include "core/problem.h"
#include "core/transitions.h"

namespace amp {

struct SetupOptions {
    std::string api_base = kDefaultApiBase;
    std::string ampersand_origin; // where the OAuth callback runs; empty: api_base's origin
    std::string project, provider = "pinterest", group_ref, consumer_ref; // provider empty: the picker first
    std::string asset_base; // the widget's folder: guides load from its providers/ (core/guide_source.h)
    std::string locale = "en"; // the admin's language: a curated guide's translation is fetched for any other
    AuthKind auth = AuthKind::None; // how the host supplied a credential; None: the admin types a key
};

// Reconcile: the list that follows a create or delete whose outcome is unknown, to learn what it did.
// LoadOverlay: the guide's words in the admin's language (core/guide_overlay.h). LoadIndex: the picker's
// list of providers (core/guide_source.h).
enum class Op { None, LoadProvider, LoadGuide, LoadOverlay, LoadIndex, ListApps, Save, Delete, Reconcile };
enum class Stage { Picking, LoadingProvider, ProviderFailed, Access, LoadingApps, Ready };

// Setup runs two small machines side by side on one stream of events: the provider's load, and the
// admin's access to the project, which a host that supplies the credentials starts before the provider
// has loaded. The screen (stage()) shows the load until the provider is in, then the access step.
// A guide not built in, or a guide's translation, may still be on its way when the provider arrives
// (LoadingGuide): the guide is drawn once, in the admin's language. Picking: no
// provider was named, the one named is not in the catalog, or the admin asked to change it.
enum class ProviderLoad { Loading, Failed, LoadingGuide, Loaded, Picking };
enum class AccessStep { Access, LoadingApps, Ready };
enum class SetupEvent {
    ProviderAsked,  // start() asks for the provider again
    ProviderLoaded,
    ProviderBeforeGuide, // the provider is in; its guide file or translation has not answered yet
    GuideSettled,        // the guide file and translation answered (or not: the generic guide, English)
    ProviderFailed, // the provider could not be loaded (or read)
    AccessGiven,    // a project (and key) that pass the form's check: the apps are listed
    RetryList,      // Retry after a failed list
    AppsListed,
    ListFailed,
    AccessRefused,  // the list answered 401, 403 or 404: the project or the credentials are wrong
    EditAccess,     // the admin goes back to change the project or key
    ProviderUnknown, // the catalog has no provider by the name given (a 404): the picker
    ChangeProvider,  // the admin asks for the picker
    ProviderChosen,  // the admin chose a provider that needs a provider app: it loads
};
using ProviderLoadTransition = Transition<ProviderLoad, SetupEvent>;
using AccessTransition = Transition<AccessStep, SetupEvent>;
std::span<const ProviderLoadTransition> provider_load_transitions();
std::span<const AccessTransition> access_transitions();
const char* state_name(ProviderLoad s);
const char* state_name(AccessStep s);
const char* event_name(SetupEvent e);

struct Setup {
    explicit Setup(SetupOptions options, Secret host_credential = {});

    // Intents.
    void start();
    void submit_access();
    void edit_access();
    void save();
    void ask_delete() { confirm_delete_pending = true; }
    void cancel_delete() { confirm_delete_pending = false; }
    void confirm_delete();
    void new_app();                        // the explicit choice to create another app for this provider
    void edit_app(const std::string& id);
    void retry();                          // repeats the operation that last failed
    void dismiss_error();                  // Cancel: the failure is put aside, the form stays as typed
    void change_provider();                // back to the picker (the project and key stay)
    // A provider from the picker: one that needs a provider app becomes the flow's (guide, form and
    // checklist start afresh, a providerChosen event); one that needs none is explained instead.
    void choose_provider(const std::string& name);
    void on_response(int id, const Response& r, double now_ms = 0);
    void tick(double now_ms);              // a 429's wait: counts down, then retries a read by itself; a
                                           // translation that is late: the guide is shown without it
    double next_deadline() const;          // when tick() wants to run (ms); 0 = no need

    std::vector<Outgoing> take_requests() { return outbox_.take(); }
    std::vector<std::string> take_events() { return std::exchange(events_, {}); }

    // State for the UI.
    Stage stage() const; // the provider's load until it is in, then the access step
    bool busy(Op op) const;
    bool any_busy() const { return outbox_.any(); }
    const ProviderApp* selected() const;   // the app being edited; null when creating
    std::vector<const ProviderApp*> provider_apps() const;
    std::string redirect_uri() const {
        return callback_uri(options.ampersand_origin.empty() ? options.api_base : options.ampersand_origin);
    }
    std::string field_message(std::string_view field) const;
    bool host_credentials() const { return host_supplied_; } // the page supplies the key or token
    bool unsaved_input() const; // the form holds typing that is not in Ampersand yet
    int wait_seconds() const;   // a 429's countdown: whole seconds left, 0 when not waiting
    bool retries_itself() const { return wait_seconds() > 0 && auto_retry_; } // a read, retried at 0
    std::string label(std::string_view field) const; // the field's name as the form shows it
    bool apps_known() const { return access_ == AccessStep::Ready; }
    bool has_app(std::string_view provider) const; // this project holds a provider app for it
    std::vector<ConnectInput> connect_fields() const; // what the provider asks before sign-in
    std::vector<AppMetadataInput> app_fields() const;  // what the provider app may hold besides id, secret, scopes
    bool check_connect_values(); // false: issues (and an event) name what is missing; no window opens

    SetupOptions options;
    const ProviderGuide* guide = nullptr;
    std::optional<ProviderGuide> loaded_guide; // a guide not built in: fetched, or generic (core/providers.h)
    std::optional<ProviderInfo> provider;
    Picker picker;                         // the UI edits its query and highlight
    std::vector<ProviderApp> apps;
    std::string selected_id;
    bool creating_another = false;
    bool confirm_delete_pending = false;
    std::vector<bool> steps_done;          // the admin's ticks on the provider-side checklist

    // Drafts the UI edits.
    std::string project;
    std::string group_ref, consumer_ref; // under which a test connection is made
    InputValues connect_values;          // the workspace and other sign-in inputs, as typed
    InputValues app_values;              // the catalog's providerAppMetadata inputs, as typed (core/app_metadata.h)
    Secret api_key;
    AppForm form;

    // Feedback.
    std::optional<ApiError> error;         // the last failure, shown until the next attempt
    Op error_op = Op::None;
    std::vector<FieldIssue> issues;        // per field: local validation first, then the API's
    std::string notice;                    // the last success, in words

    Client client() const; // as whom and where to call; the credential must outlive what uses it

private:
    // A create or delete in flight: enough to recognise its effect in a later list of apps.
    struct Write {
        std::string client_id;              // a create's App ID
        std::vector<std::string> known_ids; // the apps there were before it was sent
        std::string since;                  // the newest time the server had stamped on them
        bool repeated_delete = false;       // an earlier delete of target_id_ may have gone through
    };

    void go(SetupEvent e); // the only way load_ and access_ change: by the two tables
    void load_app_values(); // the selected app's providerAppMetadata into app_values (none: empty)
    bool metadata_changed(const ProviderApp& app) const;
    void set_provider(std::string name); // the flow's provider, with its guide (if built in) and a fresh form
    void load_provider();
    void load_index();
    void got_index(const Response& r);
    void list_apps();
    void got_provider(const Response& r);
    void got_guide(const Response& r);
    void got_overlay(const Response& r);
    bool guide_coming() const { return busy(Op::LoadGuide) || busy(Op::LoadOverlay); }
    bool may_be_curated() const; // a generic guide has no translation file: its words are the catalog's
    void translate_guide();      // the overlay, if it came, over the guide on screen
    void wait_for_overlay();     // the provider and guide are in, the translation is not: start its while
    void got_apps(const Response& r);
    void got_saved(const Response& r);
    void got_deleted(const Response& r);
    void adopt_guide(ProviderGuide g);
    void fail(Op op, ApiError e);
    ApiError refused_access(ApiError e) const; // a 401 or 404 on the list: the field to fix
    void apply_saved(const ProviderApp& app, bool created);
    void applied_delete();
    void check_write(Op op, const ApiError& e); // outcome unknown: list the apps before saying anything
    bool check_first(Op op);                    // an unresolved write is asked for again: check instead
    void reconciled(const Response& r);
    void begin_write();

    Secret host_credential_;
    bool host_supplied_ = false;
    ProviderLoad load_ = ProviderLoad::Loading;
    AccessStep access_ = AccessStep::Access;
    std::string guide_asked_; // the provider whose guide file was asked for last
    std::string overlay_asked_; // the provider whose translation was asked for (once per choice)
    std::optional<GuideOverlay> overlay_; // the current provider's translation, once it came
    double overlay_until_ = 0; // the load waits for the translation until then (ms), then shows English
    bool index_from_api_ = false; // index.json failed: the picker's list is asked of GET /providers
    std::string target_id_; // the app a Save or Delete in flight is about (empty: creating); the UI may
                            // select another app before the answer comes
    Write write_;          // the create or delete last sent
    Op unsure_op_ = Op::None; // the write a reconcile is about
    ApiError unsure_error_;   // what to report if it turns out not to have happened
    bool unresolved_ = false;     // the check could not be made: the write may or may not have happened
    bool redo_if_absent_ = false; // the admin asked again: once the check shows it did not happen, redo it
    double now_ = 0;
    double retry_at_ = 0;     // a 429's wait ends (ms); 0 when not waiting
    bool auto_retry_ = false; // at retry_at_, retry by itself (reads only: never a write)
    int auto_retries_ = 0;    // in a row, so that a server that always answers 429 is not asked forever
    Outbox<Op> outbox_;
    std::vector<std::string> events_;
};

const char* op_name(Op op);

} // namespace amp
