// The amp-sandbox command line.
#include "sandbox/options.h"

#include <catch2/catch.hpp>

using namespace amp::sandbox;

TEST_CASE("sandbox command line reads every flag", "[sandbox]") {
    auto o = parse_cli({"--host", "0.0.0.0", "--web-port=0", "--api-port", "9001", "--consent-port", "9002", "--dist", "out",
                        "--serve", "/examples=web/examples", "--serve=/more=x", "--allow-host-origin", "http://a.test",
                        "--api-key", "k", "--project", "my-proj", "--deterministic", "--quiet",
                        "--host-port", "9003", "--host-dir", "web/examples", "--host-not-allowed"});
    REQUIRE(o);
    CHECK(o->host == "0.0.0.0");
    CHECK(o->web_port == 0);
    CHECK(o->api_port == 9001);
    CHECK(o->consent_port == 9002);
    CHECK(o->host_port == 9003);
    CHECK(o->host_dir == "web/examples");
    CHECK(o->host_not_allowed);
    CHECK(o->dist == "out");
    REQUIRE(o->mounts.size() == 2);
    CHECK(o->mounts[0].prefix == "/examples");
    CHECK(o->mounts[0].dir == "web/examples");
    CHECK(o->mounts[1].prefix == "/more");
    CHECK(o->allowed_host_origins == std::vector<std::string>{"http://a.test"});
    CHECK(o->api_key == "k");
    CHECK(o->project == "my-proj");
    CHECK(o->deterministic);
    CHECK(o->quiet);
}

TEST_CASE("sandbox command line defaults and refusals", "[sandbox]") {
    auto o = parse_cli({});
    REQUIRE(o);
    CHECK(o->web_port == 8080);
    CHECK(o->api_port == 8081);
    CHECK(o->consent_port == 8082);
    CHECK(o->host_port == 8083);
    CHECK_FALSE(o->host_not_allowed);
    CHECK(o->dist == "dist");
    CHECK(o->api_key == "sandbox-key");
    CHECK(o->project == "demo");
    CHECK_FALSE(o->deterministic);
    CHECK_FALSE(parse_cli({"--help"}));
    CHECK_THROWS_AS(parse_cli({"--web-port", "http"}), CliError);
    CHECK_THROWS_AS(parse_cli({"--api-port", "70000"}), CliError);
    CHECK_THROWS_AS(parse_cli({"--serve", "examples"}), CliError);
    CHECK_THROWS_AS(parse_cli({"--project", "Demo"}), CliError);
    CHECK_THROWS_AS(parse_cli({"--dist"}), CliError);
    CHECK_THROWS_AS(parse_cli({"--quiet=yes"}), CliError);
    CHECK_THROWS_AS(parse_cli({"--colour"}), CliError);
}
