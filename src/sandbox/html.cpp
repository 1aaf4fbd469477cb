#include "sandbox/html.h"

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

} // namespace amp::sandbox
