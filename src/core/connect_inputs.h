// What "Test connection" must ask before the popup opens, from the provider's catalog entry: the workspace
// where explicitWorkspaceRequired says so or metadata.input names one, and the other metadata.input values.
// An input whose moduleDependencies name only modules other than the provider's default one (Salesforce's
// Business Unit ID, for Account Engagement) is optional. The values go into POST /oauth-connect as
// providerWorkspaceRef and providerMetadata.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/models.h"
#include "core/problem.h"

namespace amp {

inline constexpr const char* kWorkspaceInput = "workspace"; // the metadata.input name sent as providerWorkspaceRef

struct ConnectInput {
    std::string name, label, prompt, docs_url, default_value;
    bool required = true;
};

using InputValues = std::map<std::string, std::string>; // by input name, as typed

std::vector<ConnectInput> connect_inputs(const ProviderInfo& p); // in catalog order, the workspace first
InputValues initial_values(const std::vector<ConnectInput>& inputs); // the catalog's default values
// Empty when the values may be sent; else one issue per input (field = the input's name). A workspace
// is a bare name: a URL or a host with a path is refused, with what to type instead.
std::vector<FieldIssue> check_inputs(const std::vector<ConnectInput>& inputs, const InputValues& values);
std::string workspace_value(const InputValues& values); // trimmed; empty when none
// providerMetadata: {name: {value, source: "input"}} for every non-empty input but the workspace; null when none.
json provider_metadata(const std::vector<ConnectInput>& inputs, const InputValues& values);

} // namespace amp
