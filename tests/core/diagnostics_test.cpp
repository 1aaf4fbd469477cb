#include "core/diagnostics.h"

#include <catch2/catch.hpp>

using namespace amp;

TEST_CASE("diagnostics list what is known, one line each, and skip what is not") {
    Diagnostics d;
    d.version = "0.1.0";
    d.project = "acme";
    d.provider = "pinterest";
    d.operation = "saveProviderApp";
    d.code = ErrorCode::Server;
    d.status = 503;
    d.request_id = "req-1#2";
    d.message = "The Ampersand API had a problem (503).";
    d.environment = "page: https://admin.example.com\n";
    CHECK(diagnostics_text(d) ==
          "Ampersand Setup 0.1.0 diagnostics\n"
          "project: acme\nprovider: pinterest\noperation: saveProviderApp\nerror code: server\n"
          "HTTP status: 503\nrequest id: req-1#2\nmessage: The Ampersand API had a problem (503).\n"
          "page: https://admin.example.com\n");
}

TEST_CASE("a failure without an HTTP answer says so") {
    Diagnostics d;
    d.code = ErrorCode::Network;
    d.attempt = 3;
    std::string text = diagnostics_text(d);
    CHECK(text.find("HTTP status: none (no answer)\n") != std::string::npos);
    CHECK(text.find("sign-in attempt: 3\n") != std::string::npos);
}
