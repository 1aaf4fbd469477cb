#include "core/messages.h"
#include "core/connect_inputs.h"

#include <algorithm>
#include <cctype>

#include "core/form.h"

namespace amp {

namespace {

// Whether the provider's default module needs the input. An entry that names no modules, or a provider
// without modules, means every connection needs it.
bool needed_by_default_module(const MetadataInput& in, const std::string& default_module) {
    if (in.modules.empty() || default_module.empty()) return true;
    return std::find(in.modules.begin(), in.modules.end(), default_module) != in.modules.end();
}

std::string value_of(const InputValues& values, const std::string& name) {
    auto it = values.find(name);
    return it == values.end() ? std::string() : trim(it->second);
}

// Why a typed workspace is not a bare name; empty when it is.
std::string workspace_problem(const std::string& label, const std::string& v) {
    bool url = v.find("://") != std::string::npos;
    bool stray = std::any_of(v.begin(), v.end(), [](unsigned char c) {
        return std::isspace(c) || c == '/' || c == '?' || c == '#' || c == '@' || c == ':' || c == '\\';
    });
    if (!url && !stray) return {};
    return tr("inputs.not_url", {{"label", label}});
}

} // namespace

std::vector<ConnectInput> connect_inputs(const ProviderInfo& p) {
    std::vector<ConnectInput> out;
    for (const MetadataInput& in : p.inputs) {
        ConnectInput c{in.name, in.display_name, in.prompt, in.docs_url, in.default_value,
                       needed_by_default_module(in, p.default_module)};
        if (in.name == kWorkspaceInput) {
            c.required = c.required || p.explicit_workspace_required;
            out.insert(out.begin(), std::move(c));
        } else out.push_back(std::move(c));
    }
    bool has_workspace = !out.empty() && out.front().name == kWorkspaceInput;
    if (p.explicit_workspace_required && !has_workspace)
        out.insert(out.begin(), ConnectInput{kWorkspaceInput, tr("inputs.workspace"),
                                             tr("inputs.workspace_prompt", {{"provider", p.display_name}}), "", "", true});
    return out;
}

InputValues initial_values(const std::vector<ConnectInput>& inputs) {
    InputValues v;
    for (const ConnectInput& in : inputs) v[in.name] = in.default_value;
    return v;
}

std::vector<FieldIssue> check_inputs(const std::vector<ConnectInput>& inputs, const InputValues& values) {
    std::vector<FieldIssue> issues;
    for (const ConnectInput& in : inputs) {
        std::string v = value_of(values, in.name);
        if (v.empty()) {
            if (in.required) issues.push_back({in.name, tr("form.enter", {{"label", in.label}})});
        } else if (in.name == kWorkspaceInput) {
            if (std::string why = workspace_problem(in.label, v); !why.empty()) issues.push_back({in.name, why});
        }
    }
    return issues;
}

std::string workspace_value(const InputValues& values) { return value_of(values, kWorkspaceInput); }

json provider_metadata(const std::vector<ConnectInput>& inputs, const InputValues& values) {
    json out;
    for (const ConnectInput& in : inputs) {
        std::string v = value_of(values, in.name);
        if (in.name != kWorkspaceInput && !v.empty()) out[in.name] = {{"value", v}, {"source", "input"}};
    }
    return out;
}

} // namespace amp
