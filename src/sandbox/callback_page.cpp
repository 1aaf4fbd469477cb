#include "sandbox/callback_page.h"

#include "sandbox/html.h"

namespace amp::sandbox {

std::string callback_page(const Outcome& outcome, const Switches& sw) {
    bool ok = outcome.error.empty();
    // Both failure shapes: OauthFlow2 reads data.error, the older OAuthWindow reads message.
    nlohmann::json message = ok ? nlohmann::json{{"eventType", "AUTHORIZATION_SUCCEEDED"},
                                                 {"data", {{"connection", outcome.connection_id}}}}
                                : nlohmann::json{{"eventType", "AUTHORIZATION_FAILED"},
                                                 {"data", {{"error", outcome.error}}},
                                                 {"message", outcome.error}};
    std::string result = ok ? "<h1>Connected</h1><p>Connection <code id=\"connection\">" + escape_html(outcome.connection_id) + "</code> is ready.</p>"
                            : "<h1>Connection failed</h1><p class=\"error\" id=\"error\">" + escape_html(outcome.error) + "</p>";
    std::string script = "<script>\n"
                         "const message = " + script_json(message) + ";\n"
                         "const posts = " + std::to_string(sw.callbackPostsTwice ? 2 : 1) + ";\n"
                         "const note = document.getElementById('note');\n"
                         "if (window.opener) {\n"
                         "  for (let i = 0; i < posts; i++) window.opener.postMessage(message, '*');\n" +
                         (ok ? "  note.textContent = 'This window closes by itself.';\n"
                               "  setTimeout(() => window.close(), " + std::to_string(sw.callbackCloseDelayMs) + ");\n"
                             : "") +
                         "} else {\n"
                         "  note.textContent = 'You can close this window.';\n"
                         "}\n"
                         "</script>";
    // The attempt number lets a person or a test tell which of several popups this was.
    std::string attempt = outcome.attempt ? "<p id=\"attempt\">Sign-in attempt " + std::to_string(outcome.attempt) + "</p>" : "";
    return html_page(ok ? "Connected" : "Connection failed", result + attempt + "\n<p id=\"note\"></p>\n" + script);
}

} // namespace amp::sandbox
