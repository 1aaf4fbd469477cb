// The web origin: static files with the right types, mounts, /config.json, and no escapes from dist.
#include "running_sandbox.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace amp::sandbox;
using namespace amp::sandbox::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A throwaway folder tree, removed when the test ends.
struct TempDir {
    fs::path root = fs::temp_directory_path() / ("amp-sandbox-test-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(root); }
    ~TempDir() { fs::remove_all(root); }
    std::string write(const std::string& relative, const std::string& text) const {
        fs::create_directories((root / relative).parent_path());
        std::ofstream(root / relative) << text;
        return (root / relative).string();
    }
};

} // namespace

TEST_CASE("sandbox web origin serves dist with the right content types", "[sandbox]") {
    TempDir tmp;
    const std::map<std::string, std::string> types = {
        {"index.html", "text/html"},      {"app.js", "text/javascript"}, {"mod.mjs", "text/javascript"},
        {"app.wasm", "application/wasm"}, {"data.json", "application/json"}, {"style.css", "text/css"},
        {"logo.svg", "image/svg+xml"},    {"pic.png", "image/png"},      {"font.ttf", "font/ttf"},
    };
    for (const auto& [name, type] : types) tmp.write("dist/" + name, name);
    tmp.write("dist/sub/inner.txt", "inner");
    tmp.write("secret.txt", "outside dist");
    tmp.write("examples/demo.html", "example");
    Options o = test_options();
    o.dist = (tmp.root / "dist").string();
    o.mounts.push_back({"/examples", (tmp.root / "examples").string()});
    RunningSandbox s(o);
    auto c = s.web();

    for (const auto& [name, type] : types) {
        auto r = c.Get(("/" + name).c_str());
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->body == name);
        CHECK(r->get_header_value("Content-Type") == type);
        CHECK(r->get_header_value("Cache-Control") == "no-store");
    }
    CHECK(c.Get("/")->body == "index.html");
    CHECK(c.Get("/examples/demo.html")->body == "example");
    CHECK(c.Get("/sub/")->status == 404); // no listing
    CHECK(c.Get("/../secret.txt")->status == 404);
    CHECK(c.Get("/%2e%2e/secret.txt")->status == 404);
}

TEST_CASE("sandbox web origin answers /config.json itself", "[sandbox]") {
    TempDir tmp;
    tmp.write("dist/config.json", R"({"apiBase":"https://api.withampersand.com/v1"})");
    Options o = test_options();
    o.dist = (tmp.root / "dist").string();
    o.allowed_host_origins = {"http://localhost:5173"};
    RunningSandbox s(o);
    auto r = s.web().Get("/config.json");
    REQUIRE(r);
    CHECK(r->get_header_value("Cache-Control") == "no-store");
    CHECK(json_of(r) == json{{"apiBase", s.urls().api + "/v1"},
                             {"allowedHostOrigins", {s.urls().web, s.urls().host, "http://localhost:5173"}}});
}

TEST_CASE("sandbox host origin serves its folder and says where the widget and the API are", "[sandbox]") {
    TempDir tmp;
    tmp.write("host/page.html", "host page");
    Options o = test_options();
    o.dist = "";
    o.host_dir = (tmp.root / "host").string();
    RunningSandbox s(o);
    httplib::Client c(s.urls().host);
    CHECK(c.Get("/page.html")->body == "host page");
    auto where = c.Get("/sandbox.js");
    REQUIRE(where);
    CHECK(where->body == "window.AMP_SANDBOX = " + json{{"api", s.urls().api + "/v1"}, {"web", s.urls().web}}.dump() + ";\n");
    CHECK(s.urls().host != s.urls().web);
}

TEST_CASE("sandbox host origin forwards /ampersand/v1 to the API with the key added, as a backend would", "[sandbox]") {
    RunningSandbox s;
    httplib::Client page(s.urls().host);
    // The page sends no credential (and one it might send is not passed on).
    httplib::Headers from_page{{"X-Amp-Client", "ampersand-setup"}, {"Authorization", "Bearer forged"}};
    auto created = page.Post("/ampersand/v1/projects/demo/provider-apps", from_page,
                             R"({"provider":"pinterest","clientId":"1508242","clientSecret":"s3cret","scopes":["pins:read"]})",
                             "application/json");
    REQUIRE(created);
    CHECK(created->status == 200); // the create answer, as the API gave it
    CHECK(created->has_header("X-Request-Id"));
    auto listed = page.Get("/ampersand/v1/projects/demo/provider-apps?x=1", from_page);
    REQUIRE(listed);
    CHECK(json_of(listed).size() == 1);
    auto missing = page.Get("/ampersand/v1/projects/demo/connections/nope");
    CHECK(problem_of(missing, 404)["status"] == 404);
    auto log = json_of(s.api().Get("/__sandbox/requests"));
    REQUIRE(log.size() == 3);
    for (const json& r : log) {
        CHECK(r["headers"]["x-api-key"] == "sandbox-key");
        CHECK_FALSE(r["headers"].contains("authorization"));
    }
    CHECK(log[1]["query"] == "x=1");
}

TEST_CASE("sandbox refuses to start with a folder that does not exist", "[sandbox]") {
    Options o = test_options();
    o.dist = "/no/such/folder";
    Sandbox s(o);
    CHECK_THROWS_WITH(s.start(), Catch::Contains("/no/such/folder"));
}

TEST_CASE("sandbox hosted page may be framed only by allowedHostOrigins and connects only to the API", "[sandbox]") {
    TempDir tmp;
    tmp.write("dist/index.html", "hosted");
    tmp.write("dist/app.js", "app");
    for (bool host_allowed : {true, false}) {
        Options o = test_options();
        o.dist = (tmp.root / "dist").string();
        o.host_not_allowed = !host_allowed;
        o.allowed_host_origins = {"https://admin.example.com"};
        RunningSandbox s(o);
        std::string hosts = s.urls().web + (host_allowed ? " " + s.urls().host : "") + " https://admin.example.com";
        std::string policy = "frame-ancestors " + hosts + "; connect-src 'self' " + s.urls().api;
        auto c = s.web();
        CHECK(c.Get("/")->get_header_value("Content-Security-Policy") == policy);
        CHECK(c.Get("/index.html")->get_header_value("Content-Security-Policy") == policy);
        CHECK_FALSE(c.Get("/app.js")->has_header("Content-Security-Policy"));
        auto config = json::parse(c.Get("/config.json")->body);
        std::string listed;
        for (const auto& origin : config["allowedHostOrigins"]) listed += (listed.empty() ? "" : " ") + origin.get<std::string>();
        CHECK(listed == hosts);
    }
}

TEST_CASE("sandbox web origin compresses text and wasm once, as the request accepts", "[sandbox]") {
    TempDir tmp;
    const std::string text(20000, 'a');
    for (const char* name : {"app.js", "app.wasm", "pic.png"}) tmp.write(std::string("dist/") + name, text);
    Options o = test_options();
    o.dist = (tmp.root / "dist").string();
    RunningSandbox s(o);
    auto raw = s.web();
    raw.set_decompress(false);

    for (std::string encoding : {"br", "gzip"}) {
        for (const char* path : {"/app.js", "/app.wasm"}) {
            auto r = raw.Get(path, {{"Accept-Encoding", encoding}});
            REQUIRE(r);
            CHECK(r->get_header_value("Content-Encoding") == encoding);
            CHECK(r->get_header_value("Vary") == "Accept-Encoding");
            CHECK(r->get_header_value_count("Content-Type") == 1); // a browser refuses a wasm with two
            CHECK(r->body.size() < text.size() / 10);
        }
    }
    CHECK(raw.Get("/app.js", {{"Accept-Encoding", "gzip, deflate, br"}})->get_header_value("Content-Encoding") == "br");
    auto plain = raw.Get("/app.js");
    CHECK_FALSE(plain->has_header("Content-Encoding"));
    CHECK(plain->body == text);
    auto png = raw.Get("/pic.png", {{"Accept-Encoding", "br"}}); // already compressed as it is
    CHECK_FALSE(png->has_header("Content-Encoding"));
    CHECK(png->body == text);

    // Decoded, it is the file; and a file rebuilt while the sandbox runs is compressed again.
    auto c = s.web();
    CHECK(c.Get("/app.js", {{"Accept-Encoding", "gzip"}})->body == text);
    tmp.write("dist/app.js", "changed " + text);
    CHECK(c.Get("/app.js", {{"Accept-Encoding", "gzip"}})->body == "changed " + text);
    CHECK(c.Get("/app.js", {{"Accept-Encoding", "br"}})->body == "changed " + text);
}
