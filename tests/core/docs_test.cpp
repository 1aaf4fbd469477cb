// What the host reads about the widget's contracts must say what the code does: the error codes in
// the README and the TypeScript declarations, in the order and with the names of core/error_code.cpp.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/error_code.h"

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
