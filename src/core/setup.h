// The provider-app setup flow as a state machine with no I/O: intents and responses go in, requests to
// send and host events come out (take_requests / take_events). The UI reads the public fields and
// edits the drafts (access, form) in place; everything else changes only through the methods.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/api.h"
#include "core/catalog.h"
#include "core/form.h"
#include "core/models.h"
#include "core/outbox.h"
#include "core/problem.h"

namespace amp {

struct SetupOptions {
    std::string api_base = kDefaultApiBase;
    std::string ampersand_origin; // where the OAuth callback runs; empty: api_base's origin
    std::string project, provider = "pinterest", group_ref, consumer_ref;
    AuthKind auth = AuthKind::None; // how the host supplied a credential; None: the admin types a key
};

enum class Op { None, LoadProvider, ListApps, Save, Delete };
enum class Stage { LoadingProvider, ProviderFailed, Access, LoadingApps, Ready };

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
    void on_response(int id, const Response& r);

    std::vector<Outgoing> take_requests() { return outbox_.take(); }
    std::vector<std::string> take_events() { return std::exchange(events_, {}); }

    // State for the UI.
    Stage stage() const;
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

    SetupOptions options;
    const ProviderGuide* guide = nullptr;
    std::optional<ProviderInfo> provider;
    std::vector<ProviderApp> apps;
    bool apps_loaded = false;
    std::string selected_id;
    bool creating_another = false;
    bool confirm_delete_pending = false;
    std::vector<bool> steps_done;          // the admin's ticks on the provider-side checklist

    // Drafts the UI edits.
    std::string project;
    std::string group_ref, consumer_ref; // under which a test connection is made
    Secret api_key;
    AppForm form;

    // Feedback.
    std::optional<ApiError> error;         // the last failure, shown until the next attempt
    Op error_op = Op::None;
    std::vector<FieldIssue> issues;        // per field: local validation first, then the API's
    std::string notice;                    // the last success, in words

    Client client() const; // as whom and where to call; the credential must outlive what uses it

private:
    void list_apps();
    void fail(Op op, const ApiError& e);
    void apply_saved(const ProviderApp& app, bool created);

    Secret host_credential_;
    bool host_supplied_ = false;
    bool access_submitted_ = false;
    std::string target_id_; // the app a Save or Delete in flight is about (empty: creating); the UI may
                            // select another app before the answer comes
    Outbox<Op> outbox_;
    std::vector<std::string> events_;
};

const char* op_name(Op op);

} // namespace amp
