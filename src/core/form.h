// The provider-app form as the admin fills it: validation before any request, the scopes it adds up
// to, and the update mask that names only what changed.
#pragma once
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/models.h"
#include "core/problem.h"
#include "core/secret.h"

namespace amp {

struct AppForm {
    std::string client_id;
    Secret client_secret;
    std::vector<std::string> scopes;  // chosen from the catalog, in catalog order
    std::string extra_scopes;         // free text: scopes the catalog does not list, comma or space separated
    bool replace_secret = false;      // editing an existing app: send a new secret only when asked

    bool has_scope(const std::string& name) const;
    void set_scope(const ProviderGuide& g, const std::string& name, bool on);
    void load(const ProviderGuide& g, const ProviderApp& app); // the form an existing app implies
    void reset(const ProviderGuide& g);                        // empty, with the guide's preset scopes
};

std::string trim(std::string_view s);
std::vector<std::string> split_scopes(std::string_view text);
std::vector<std::string> chosen_scopes(const AppForm& f);  // catalog choices then extras, no duplicates
// Empty when the form may be sent. `existing` is the app being edited, null when creating.
std::vector<FieldIssue> validate(const ProviderGuide& g, const AppForm& f, const ProviderApp* existing);
std::vector<std::string> update_mask(const AppForm& f, const ProviderApp& existing);

} // namespace amp
