#include "core/app_metadata.h"

#include "core/form.h"

namespace amp {

namespace {
constexpr const char* kParams = "providerParams";
constexpr const char* kQuery = "authQueryParams";
} // namespace

std::vector<AppMetadataInput> app_metadata_inputs(const ProviderInfo& p) {
    std::vector<AppMetadataInput> out;
    for (const MetadataInput& in : p.app_provider_params) out.push_back({in, false});
    for (const MetadataInput& in : p.app_query_params) out.push_back({in, true});
    return out;
}

json app_metadata(const ProviderInfo& p, const InputValues& values) {
    json out;
    for (const AppMetadataInput& in : app_metadata_inputs(p)) {
        auto it = values.find(in.item.name);
        std::string v = it == values.end() ? std::string() : trim(it->second);
        if (v.empty()) continue;
        if (in.query_param) out[kQuery][in.item.name] = split_scopes(v);
        else out[kParams][in.item.name] = v;
    }
    return out;
}

InputValues app_metadata_values(const ProviderInfo& p, const json& metadata) {
    InputValues out;
    for (const AppMetadataInput& in : app_metadata_inputs(p)) {
        const json& group = member(metadata, in.query_param ? kQuery : kParams);
        std::string& v = out[in.item.name];
        if (!in.query_param) v = str(group, in.item.name.c_str());
        else
            for (const std::string& word : strings(group, in.item.name.c_str())) v += (v.empty() ? "" : " ") + word;
    }
    return out;
}

} // namespace amp
