// What the README and the TypeScript declarations say must be what the code does: the error codes, in
// the order and with the names of core/error_code.cpp, and the state diagrams, rendered from the
// transition tables of core/connect.cpp and core/setup.cpp.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/connect.h"
#include "core/error_code.h"
#include "core/setup.h"

using namespace amp;
namespace fs = std::filesystem;

namespace {

std::string read_source(const char* relative) {
    std::ifstream in(fs::path(AMP_SOURCE_DIR) / relative, std::ios::binary);
    REQUIRE(in);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The text from `start` up to (not including) the first `end` after it; fails when either is missing.
std::string between(const std::string& text, const std::string& start, const std::string& end) {
    size_t from = text.find(start);
    INFO("looking for: " << start);
    REQUIRE(from != std::string::npos);
    from += start.size();
    size_t to = text.find(end, from);
    REQUIRE(to != std::string::npos);
    return text.substr(from, to - from);
}

std::vector<std::string> matches(const std::string& text, const std::regex& one) {
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), one); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

// A transition table as the lines of a mermaid stateDiagram: the initial state, then one arrow a row;
// rows that apply in any state come from a pseudo-state "any state".
template <class State, class Event>
std::string arrows(std::span<const Transition<State, Event>> table, State initial, const std::string& indent) {
    std::string out = indent + "[*] --> " + state_name(initial) + "\n";
    bool any = false;
    for (const Transition<State, Event>& t : table) {
        std::string from = t.from ? state_name(*t.from) : "AnyState";
        any = any || !t.from;
        out += indent + from + " --> " + state_name(t.to) + ": " + event_name(t.on) + "\n";
    }
    if (any) out = indent + "state \"any state\" as AnyState\n" + out;
    return out;
}

std::string connect_diagram() {
    return "stateDiagram-v2\n" + arrows(connect_transitions(), Connect{}.state, "    ");
}

// Two regions side by side: the provider's load, and the access step.
std::string setup_diagram() {
    return "stateDiagram-v2\n    state Setup {\n" + arrows(provider_load_transitions(), ProviderLoad::Loading, "        ") +
           "        --\n" + arrows(access_transitions(), AccessStep::Access, "        ") + "    }\n";
}

// The mermaid block that follows `marker` in the README.
std::string readme_diagram(const std::string& marker) {
    return between(read_source("README.md"), marker + "\n\n```mermaid\n", "```");
}

std::vector<std::string> code_names() {
    std::vector<std::string> out;
    for (const ErrorCodeInfo& i : error_codes()) out.emplace_back(i.name);
    return out;
}

} // namespace

TEST_CASE("every error code has one name, and the name leads back to it", "[docs]") {
    std::vector<std::string> names = code_names();
    CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
    for (const ErrorCodeInfo& i : error_codes()) {
        INFO(i.name);
        CHECK(i.code != ErrorCode::None);
        CHECK(error_code_name(i.code) == i.name);
        CHECK(error_code_from(i.name) == i.code);
    }
    CHECK(error_code_name(ErrorCode::None).empty());
    CHECK_FALSE(error_code_from(""));
    CHECK_FALSE(error_code_from("Network")); // names are exact
}

TEST_CASE("the README's error-code table lists exactly the codes, in order", "[docs]") {
    std::string table = between(read_source("README.md"), "| code | meaning |\n|---|---|\n", "\n\n");
    // One row a line, each starting with its code: no other line hides between them.
    CHECK(matches(table, std::regex(R"((?:^|\n)\| `([a-z_]+)` \| [^\n]+)")) == code_names());
    CHECK((size_t)std::count(table.begin(), table.end(), '\n') + 1 == code_names().size());
}

TEST_CASE("the TypeScript ErrorCode union lists exactly the codes, in order", "[docs]") {
    std::string ts = read_source("web/ampersand-setup.d.ts");
    std::string union_text = between(ts, "export type AmpersandSetupErrorCode =", ";");
    CHECK(matches(union_text, std::regex(R"('([a-z_]+)')")) == code_names());
    CHECK(ts.find("code: AmpersandSetupErrorCode;") != std::string::npos); // the error event uses it
}

TEST_CASE("the README's state diagrams are the transition tables", "[docs]") {
    CHECK(readme_diagram("<!-- connect-states -->") == connect_diagram());
    CHECK(readme_diagram("<!-- setup-states -->") == setup_diagram());
}

TEST_CASE("each transition table has one row per state and event", "[docs]") {
    auto unique = [](auto table) {
        for (size_t i = 0; i < table.size(); ++i)
            for (size_t j = i + 1; j < table.size(); ++j)
                if (table[i].from == table[j].from && table[i].on == table[j].on) return false;
        return true;
    };
    CHECK(unique(connect_transitions()));
    CHECK(unique(provider_load_transitions()));
    CHECK(unique(access_transitions()));
    SetupOptions fetched;
    fetched.provider = "salesforce"; // its guide is a file: the screen shows the load, the diagram's initial states
    CHECK(Setup(fetched).stage() == Stage::LoadingProvider);
    CHECK(Setup(SetupOptions{}).stage() == Stage::Access); // Pinterest's is built in: the access step meanwhile
}
