// Events for the embedding page: plain JSON objects {type, ...}. Built only from public fields, so
// no event can carry a secret.
#pragma once
#include <string>
#include <string_view>

#include "core/error_code.h"
#include "core/models.h"
#include "core/problem.h"

namespace amp {

std::string ready_event(std::string_view provider, std::string_view version);
std::string provider_loaded_event(const ProviderInfo& p);
std::string provider_chosen_event(std::string_view provider, std::string_view display_name); // from the picker
std::string provider_app_saved_event(const ProviderApp& app, bool created);
std::string provider_app_deleted_event(std::string_view id, std::string_view provider);
// operation names what failed: loadProvider, listProviderApps, saveProviderApp, deleteProviderApp, ...
std::string error_event(const ApiError& e, std::string_view operation);
std::string invalid_input_event(const std::vector<FieldIssue>& issues, std::string_view operation);
std::string connected_event(const Connection& c);
std::string connection_removed_event(std::string_view id);
// A failure with no HTTP answer behind it (a blocked window, a refused consent, a timeout): the shape
// of error_event, with status 0.
std::string failure_event(ErrorCode code, std::string_view message, std::string_view operation,
                          bool retryable);

} // namespace amp
