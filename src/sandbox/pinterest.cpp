#include "sandbox/pinterest.h"

#include "sandbox/crypto.h"

#include <algorithm>

namespace amp::sandbox {

const std::vector<std::string>& pinterest_scopes() {
    static const std::vector<std::string> scopes = {
        "ads:read",         "ads:write",           "billing:read",   "billing:write",        "biz_access:read",
        "biz_access:write", "boards:read",         "boards:read_secret", "boards:write",     "boards:write_secret",
        "catalogs:read",    "catalogs:write",      "msot:write",     "pins:read",            "pins:read_secret",
        "pins:write",       "pins:write_secret",   "user_accounts:read", "user_accounts:write",
    };
    return scopes;
}

std::vector<std::string> split_scopes(const std::string& scope) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= scope.size()) {
        size_t end = scope.find_first_of(", ", start);
        if (end == std::string::npos) end = scope.size();
        if (end > start) out.push_back(scope.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

Pinterest::Pinterest(bool deterministic) {
    app_.name = "Sandbox Connector";
    // App IDs are numeric and secrets opaque; the deterministic pair is fixed so docs and tests can quote it.
    app_.app_id = deterministic ? "1508242" : random_digits(7);
    app_.app_secret = deterministic ? "6f1c2d9e8b7a4c3d2e1f0a9b8c7d6e5f4a3b2c1d" : random_hex(20);
}

void Pinterest::register_redirect_uri(const std::string& uri) { app_.redirect_uris.push_back(uri); }

std::string Pinterest::check(const AuthorizeRequest& r, bool scopes_required, bool pkce_required) const {
    if (r.client_id != app_.app_id) return "Invalid client_id: no Pinterest app has this App ID.";
    auto& uris = app_.redirect_uris;
    if (std::find(uris.begin(), uris.end(), r.redirect_uri) == uris.end())
        return "Invalid redirect_uri: it is not one of this app's registered Redirect URIs.";
    if (r.response_type != "code") return "Invalid response_type: expected \"code\".";
    auto scopes = split_scopes(r.scope);
    if (scopes.empty() && scopes_required) return "Missing scope: ask for at least one scope.";
    bool known_scopes = r.provider == "pinterest";
    for (const auto& s : scopes)
        if (known_scopes && std::find(pinterest_scopes().begin(), pinterest_scopes().end(), s) == pinterest_scopes().end())
            return "Invalid scope: " + s + ".";
    if (r.state.empty()) return "Missing state.";
    if (pkce_required && r.code_challenge.empty()) return "Missing code_challenge: this app requires PKCE.";
    if (!r.code_challenge.empty() && r.code_challenge_method != "S256")
        return "Invalid code_challenge_method: expected \"S256\".";
    return "";
}

std::string Pinterest::issue_code(const AuthorizeRequest& r) {
    std::string code = random_hex(20);
    std::lock_guard lock(m_);
    codes_[code] = {r.client_id, r.redirect_uri, split_scopes(r.scope), r.code_challenge};
    return code;
}

TokenGrant Pinterest::exchange(const std::string& app_id, const std::string& app_secret, const std::string& real_secret,
                               const std::string& code, const std::string& redirect_uri,
                               const std::string& code_verifier) {
    std::optional<Code> issued;
    {
        std::lock_guard lock(m_);
        if (auto it = codes_.find(code); it != codes_.end()) {
            issued = it->second;
            codes_.erase(it);
        }
    }
    if (app_id != app_.app_id || app_secret != real_secret) return {"Authentication failed.", 401, {}};
    if (!issued || issued->app_id != app_id) return {"Invalid authorization code.", 400, {}};
    if (issued->redirect_uri != redirect_uri) return {"redirect_uri does not match the authorization request.", 400, {}};
    if (!issued->code_challenge.empty() && !pkce_matches(code_verifier, issued->code_challenge))
        return {"Invalid code_verifier: it does not match the code_challenge.", 400, {}};
    return {"", 200, issued->scopes};
}

} // namespace amp::sandbox
