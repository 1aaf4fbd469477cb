#include "core/messages.h"
#include "core/form.h"

#include <algorithm>
#include <cctype>

namespace amp {

namespace {

bool is_scope_char(char c) {
    return std::isalnum((unsigned char)c) || c == '_' || c == ':' || c == '.' || c == '-' || c == '/';
}

// Surrounding white space is forgiven (it is trimmed before sending); white space inside is not.
bool has_inner_space(const std::string& s) {
    size_t b = 0, e = s.size(); // the same white space Secret::trim() drops, without copying the secret
    while (b < e && std::isspace((unsigned char)s[b])) ++b;
    while (e > b && std::isspace((unsigned char)s[e - 1])) --e;
    for (size_t i = b; i < e; ++i)
        if (std::isspace((unsigned char)s[i])) return true;
    return false;
}

bool same_set(std::vector<std::string> a, std::vector<std::string> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

} // namespace

bool AppForm::has_scope(const std::string& name) const {
    return std::find(scopes.begin(), scopes.end(), name) != scopes.end();
}

void AppForm::set_scope(const ProviderGuide& g, const std::string& name, bool on) {
    if (on == has_scope(name)) return;
    if (!on) {
        scopes.erase(std::find(scopes.begin(), scopes.end(), name));
        return;
    }
    scopes.push_back(name);
    std::vector<std::string> ordered; // keep catalog order so requests are stable
    for (const ScopeInfo& s : g.scopes)
        if (has_scope(s.name)) ordered.push_back(s.name);
    scopes = std::move(ordered);
}

void AppForm::load(const ProviderGuide& g, const ProviderApp& app) {
    client_id = app.client_id;
    client_secret.wipe();
    replace_secret = false;
    scopes.clear();
    extra_scopes.clear();
    for (const std::string& s : app.scopes) {
        if (g.find_scope(s)) set_scope(g, s, true);
        else extra_scopes += (extra_scopes.empty() ? "" : ", ") + s;
    }
}

void AppForm::reset(const ProviderGuide& g) {
    client_id.clear();
    client_secret.wipe();
    replace_secret = false;
    extra_scopes.clear();
    scopes.clear();
    for (const ScopeInfo& s : g.scopes)
        if (s.preset) scopes.push_back(s.name);
}

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace((unsigned char)s[b])) ++b;
    while (e > b && std::isspace((unsigned char)s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

std::vector<std::string> split_scopes(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (size_t i = 0; i <= text.size(); ++i) {
        char c = i < text.size() ? text[i] : ' ';
        if (c == ',' || std::isspace((unsigned char)c)) {
            if (!cur.empty() && std::find(out.begin(), out.end(), cur) == out.end()) out.push_back(cur);
            cur.clear();
        } else cur += c;
    }
    return out;
}

std::vector<std::string> chosen_scopes(const AppForm& f) {
    std::vector<std::string> out = f.scopes;
    for (std::string& s : split_scopes(f.extra_scopes))
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    return out;
}

std::vector<FieldIssue> validate(const ProviderGuide& g, const AppForm& f, const ProviderApp* existing) {
    std::vector<FieldIssue> issues;
    std::string id = trim(f.client_id);
    if (id.empty()) issues.push_back({"clientId", tr("form.enter", {{"label", g.client_id_label}})});
    else if (g.client_id_format == IdFormat::Digits &&
             !std::all_of(id.begin(), id.end(), [](char c) { return std::isdigit((unsigned char)c); }))
        issues.push_back({"clientId", tr("form.digits", {{"label", g.client_id_label},
                                                          {"console", g.console_name.empty() ? tr("form.console") : g.console_name}})});

    bool secret_needed = !existing || f.replace_secret;
    const std::string& secret = f.client_secret.reveal();
    if (secret_needed && f.client_secret.blank())
        issues.push_back({"clientSecret", tr(existing ? "form.enter_new" : "form.enter", {{"label", g.client_secret_label}})});
    else if (secret_needed && has_inner_space(secret))
        issues.push_back({"clientSecret", tr("form.no_spaces", {{"label", g.client_secret_label}})});

    for (const std::string& s : split_scopes(f.extra_scopes))
        if (!std::all_of(s.begin(), s.end(), is_scope_char)) {
            issues.push_back({"scopes", tr("form.bad_scope", {{"scope", s}})});
            return issues;
        }
    if (g.scopes_required && chosen_scopes(f).empty())
        issues.push_back({"scopes", tr("form.scope_required", {{"provider", g.display_name}})});
    return issues;
}

std::vector<std::string> update_mask(const AppForm& f, const ProviderApp& existing) {
    std::vector<std::string> mask;
    if (trim(f.client_id) != existing.client_id) mask.push_back("clientId");
    if (f.replace_secret && !f.client_secret.blank()) mask.push_back("clientSecret");
    if (!same_set(chosen_scopes(f), existing.scopes)) mask.push_back("scopes");
    return mask;
}

} // namespace amp
