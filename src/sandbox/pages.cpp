#include "sandbox/pages.h"

namespace amp::sandbox {

std::string escape_html(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string script_json(const nlohmann::json& j) {
    std::string out;
    for (char c : j.dump()) {
        if (c == '<') out += "\\u003c"; // only ever inside a JSON string, where the escape means the same
        else out += c;
    }
    return out;
}

std::string html_page(std::string_view title, std::string_view body) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<title>" + escape_html(title) + "</title>"
           "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#111}"
           "code,td{word-break:break-all}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}"
           "button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem}.error{color:#b00020}</style>"
           "</head><body>\n" + std::string(body) + "\n</body></html>\n";
}

namespace {

std::string row(const std::string& name, const std::string& value_html) {
    return "<tr><th scope=\"row\">" + escape_html(name) + "</th><td>" + value_html + "</td></tr>";
}

std::string hidden(const std::string& name, const std::string& value) {
    return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape_html(value) + "\">";
}

} // namespace

std::string console_page(const PinterestApp& app, const std::string& secret) {
    std::string uris;
    for (const auto& uri : app.redirect_uris) uris += "<code>" + escape_html(uri) + "</code><br>";
    return html_page("Pinterest developers (sandbox)",
                     "<h1>My apps</h1>"
                     "<p>A stand-in for Pinterest's developer console. Copy these into the provider app form.</p>"
                     "<p>The same app stands in for every other OAuth provider too: its App ID is the client id, "
                     "its App Secret the client secret.</p>"
                     "<h2>" + escape_html(app.name) + "</h2><table>" +
                         row("App ID", "<code id=\"app-id\">" + escape_html(app.app_id) + "</code>") +
                         row("App Secret", "<code id=\"app-secret\">" + escape_html(secret) + "</code>") +
                         row("Redirect URIs", uris) + "</table>");
}

std::string consent_page(const PinterestApp& app, const std::string& provider_name, const AuthorizeRequest& r,
                         const std::string& decision_path) {
    std::string scopes;
    for (const auto& s : split_scopes(r.scope)) scopes += "<li><code>" + escape_html(s) + "</code></li>";
    std::string workspace = r.workspace.empty() ? ""
                                                : "<p>Workspace: <code id=\"workspace\">" + escape_html(r.workspace) + "</code></p>";
    return html_page(provider_name + ": give access?",
                     "<h1>Give " + escape_html(app.name) + " access to your " + escape_html(provider_name) + " account?</h1>" +
                         workspace + "<p>It asks for:</p><ul id=\"scopes\">" + scopes + "</ul>"
                     "<form method=\"post\" action=\"" + escape_html(decision_path) + "\">" +
                         hidden("client_id", r.client_id) + hidden("redirect_uri", r.redirect_uri) +
                         hidden("response_type", r.response_type) + hidden("scope", r.scope) + hidden("state", r.state) +
                         hidden("provider", r.provider) + hidden("workspace", r.workspace) +
                         hidden("code_challenge", r.code_challenge) + hidden("code_challenge_method", r.code_challenge_method) +
                         "<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>"
                         "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>");
}

std::string consent_error_page(const std::string& error) {
    return html_page("Pinterest: something went wrong",
                     "<h1>Something went wrong</h1><p class=\"error\" id=\"error\">" + escape_html(error) + "</p>");
}

std::string brand_svg(bool logo, bool dark) {
    std::string mark = dark ? "#ffffff" : "#e60023", letter = dark ? "#e60023" : "#ffffff";
    std::string icon = "<circle cx=\"16\" cy=\"16\" r=\"15\" fill=\"" + mark + "\"/>"
                       "<text x=\"16\" y=\"23\" font-family=\"sans-serif\" font-size=\"20\" font-weight=\"bold\" "
                       "text-anchor=\"middle\" fill=\"" + letter + "\">P</text>";
    std::string word = logo ? "<text x=\"38\" y=\"23\" font-family=\"sans-serif\" font-size=\"20\" fill=\"" + mark +
                                  "\">Pinterest</text>"
                            : "";
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::string(logo ? "140" : "32") +
           "\" height=\"32\">" + icon + word + "</svg>";
}

} // namespace amp::sandbox
