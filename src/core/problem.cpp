#include "core/messages.h"
#include "core/problem.h"

#include <algorithm>
#include <cctype>

#include "core/json.h"
#include "core/timestamp.h"

namespace amp {

namespace {

ErrorCode code_for(const Response& r) {
    int status = r.status;
    if (status == 0) return r.timed_out ? ErrorCode::Timeout : ErrorCode::Network;
    if (status == 401) return ErrorCode::Unauthorized;
    if (status == 403) return ErrorCode::Forbidden;
    if (status == 404) return ErrorCode::NotFound;
    if (status == 409) return ErrorCode::Conflict;
    if (status == 400 || status == 422) return ErrorCode::InvalidInput;
    if (status == 429) return ErrorCode::RateLimited;
    if (status >= 500) return ErrorCode::Server;
    return ErrorCode::BadResponse;
}

// What we say when the body tells us nothing: the status alone must still make sense to an admin.
std::string fallback_text(int status, bool timed_out = false) {
    if (timed_out) return tr("api.timeout");
    switch (status) {
    case 0: return tr("api.offline");
    case 401: return tr("api.401");
    case 403: return tr("api.403");
    case 404: return tr("api.404");
    case 429: return tr("api.429");
    default: break;
    }
    return tr(status >= 500 ? "api.5xx" : "api.status", {{"status", std::to_string(status)}});
}

const char kUpdateWrapper[] = "providerApp.";

// The form field an issue names: a PATCH carries the app inside {"providerApp": {...}}, so its issues
// name "providerApp.clientId"; list items are named by index ("scopes[1]"), and belong to the list.
std::string field_of(std::string name) {
    if (name.rfind(kUpdateWrapper, 0) == 0) name.erase(0, sizeof kUpdateWrapper - 1);
    if (size_t bracket = name.find('['); bracket != std::string::npos) name.erase(bracket);
    return name;
}

// How long a 429 asks us to wait: the Retry-After header in seconds (an HTTP-date is not used: the
// page's clock may be off), else the problem's retryAfter counted from its own time, so that no
// clock but the server's is involved.
long long wait_ms(const Response& r, const json& problem) {
    const std::string& h = r.retry_after;
    if (!h.empty() && h.size() < 7 && std::all_of(h.begin(), h.end(), [](char c) { return std::isdigit((unsigned char)c); }))
        return std::stoll(h) * 1000;
    auto until = epoch_ms(str(problem, "retryAfter")), at = epoch_ms(str(problem, "time"));
    if (until && at) return std::max(0LL, *until - *at);
    return -1;
}

bool is_json_type(std::string content_type) {
    for (char& c : content_type) c = (char)std::tolower((unsigned char)c); // media types ignore case
    return content_type.find("json") != std::string::npos;
}

} // namespace

ApiError error_from(const Response& r) {
    ApiError e;
    e.status = r.status;
    e.code = code_for(r);
    e.retryable = r.status == 0 || r.status == 429 || r.status >= 500; // unless the problem says otherwise
    json j = is_json_type(r.content_type) ? parse_json(r.body) : json();
    if (r.status == 429) e.retry_after_ms = wait_ms(r, j);
    if (r.timed_out) e.detail = fallback_text(0, true);
    if (!j.is_object()) return e;
    e.title = str(j, "title");
    e.detail = str(j, "detail");
    e.remedy = str(j, "remedy");
    e.request_id = str(j, "requestId");
    e.causes = strings(j, "causes");
    e.retryable = flag(j, "retryable", e.retryable);
    for (const json& issue : items(j, "issues")) {
        std::string text = str(issue, "detail", str(issue, "title"));
        std::string name = field_of(str(issue, "name"));
        if (!name.empty()) e.issues.push_back({name, text});
    }
    return e;
}

std::string ApiError::message() const {
    std::string text;
    if (code == ErrorCode::Timeout) return detail; // a deadline the platform enforced: no body to add
    // Unless a field says what was refused, in the form's words.
    if ((status == 401 || status == 403 || status == 0) && issues.empty()) text = fallback_text(status);
    std::string said;
    for (const std::string& c : causes) said += (said.empty() ? "" : "\n") + c;
    if (said.empty()) said = !detail.empty() ? detail : title;
    if (!said.empty()) text += (text.empty() ? "" : "\n") + said;
    if (text.empty()) text = fallback_text(status);
    if (!remedy.empty()) text += "\n" + remedy;
    return text;
}

const FieldIssue* ApiError::issue_for(std::string_view field) const {
    for (const FieldIssue& i : issues)
        if (i.field == field) return &i;
    return nullptr;
}

bool outcome_unknown(const ApiError& e) {
    return e.status == 0 || (e.status >= 500 && e.title.empty() && e.detail.empty() && e.causes.empty());
}

ApiError unreadable_answer() {
    Response r;
    r.status = 502;
    ApiError e = error_from(r);
    e.code = ErrorCode::BadResponse;
    e.retryable = true;
    e.detail = tr("api.unreadable");
    return e;
}

} // namespace amp
