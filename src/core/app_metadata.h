// The provider-app fields a catalog entry declares in providerAppMetadata (Salesforce's package install
// URL, Google's Pub/Sub project and topic, HubSpot's optional scopes), and ProviderApp.metadata as the
// contract shapes it: {providerParams: {name: string}, authQueryParams: {name: [string]}}.
#pragma once
#include <string>
#include <vector>

#include "core/connect_inputs.h"
#include "core/json.h"
#include "core/models.h"

namespace amp {

struct AppMetadataInput {
    MetadataInput item;
    bool query_param = false; // authQueryParams (a list, typed as words) rather than providerParams
};

std::vector<AppMetadataInput> app_metadata_inputs(const ProviderInfo& p); // providerParams, then authQueryParams
// What to save from the typed values (trimmed; authQueryParams split at spaces and commas); null when all are empty.
json app_metadata(const ProviderInfo& p, const InputValues& values);
InputValues app_metadata_values(const ProviderInfo& p, const json& metadata); // a saved app's, to edit

} // namespace amp
