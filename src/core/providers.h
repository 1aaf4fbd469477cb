// What the catalog entry (ProviderInfo) of any provider says about setting it up: whether it needs a
// provider app at all, and, for one that does, a generic guide made from the entry alone. The curated
// guides (assets/providers/*.json) are the model; this is what every other OAuth provider gets.
#pragma once
#include <string>

#include "core/catalog.h"
#include "core/models.h"

namespace amp {

enum class ProviderKind {
    BrowserOAuth,  // authorizationCode or authorizationCodePKCE: the builder registers a provider app
    NoProviderApp, // apiKey, basic, custom, clientCredentials, password: each user brings credentials
};

ProviderKind provider_kind(const ProviderInfo& p);
// For NoProviderApp: one sentence on how its users connect instead; empty for BrowserOAuth.
std::string how_users_connect(const ProviderInfo& p);
// Where users sign in, for people: the authorization URL's host, a workspace template shown as
// "<workspace>" ("<workspace>.aha.io"); empty when the entry has no authorization URL.
std::string authorization_host(const ProviderInfo& p);
// A guide for a BrowserOAuth provider that has no curated one: marked generic, with the standard
// checklist (create the app, add the redirect URI, copy the client id and secret, scopes), links only
// where the catalog gives one, and scopes as free text, required per explicitScopesRequired.
ProviderGuide generic_guide(const ProviderInfo& p);

} // namespace amp
