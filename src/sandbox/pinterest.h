// The consent stand-in's own state, modelled on Pinterest: its registry of developer apps (one app, as a
// builder would have made in Pinterest's console), the v5 scopes it knows, and the authorization codes it
// has handed out. The same app stands in for every other browser-OAuth provider of the catalog, whose
// scopes it does not know: there any plain names pass. Checks return Pinterest-style error text; empty
// means fine.
#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace amp::sandbox {

struct PinterestApp {
    std::string name, app_id, app_secret;
    std::vector<std::string> redirect_uris;
};

struct AuthorizeRequest { // the query of GET /oauth/[<provider>]
    std::string client_id, redirect_uri, response_type, scope, state;
    std::string provider = "pinterest"; // from the path
    std::string workspace;              // as oauth-connect passed providerWorkspaceRef on
    std::string code_challenge, code_challenge_method; // PKCE (sandbox/crypto.h)
};

struct TokenGrant {
    std::string error; // Pinterest's message when refused
    int status = 200;
    std::vector<std::string> scopes;
};

const std::vector<std::string>& pinterest_scopes(); // the 19 v5 OAuth scopes
std::vector<std::string> split_scopes(const std::string& scope); // by comma or space, the two separators in use

class Pinterest {
public:
    explicit Pinterest(bool deterministic);
    // Called once, before serving, when the sandbox's ports are known.
    void register_redirect_uri(const std::string& uri);
    const PinterestApp& app() const { return app_; }

    // scopes_required: the catalog's explicitScopesRequired for r.provider (Pinterest's is true);
    // pkce_required: its grant is authorizationCodePKCE, so an S256 challenge must come along.
    std::string check(const AuthorizeRequest& r, bool scopes_required, bool pkce_required) const;
    std::string issue_code(const AuthorizeRequest& r); // for an approved, checked request
    // The token call: HTTP Basic credentials, then the form's code, redirect_uri and (for a code issued
    // against a challenge) code_verifier. The code is spent either way.
    TokenGrant exchange(const std::string& app_id, const std::string& app_secret, const std::string& real_secret,
                        const std::string& code, const std::string& redirect_uri, const std::string& code_verifier);

private:
    struct Code {
        std::string app_id, redirect_uri;
        std::vector<std::string> scopes;
        std::string code_challenge; // empty when the request had none
    };
    PinterestApp app_;
    std::mutex m_;
    std::map<std::string, Code> codes_;
};

} // namespace amp::sandbox
