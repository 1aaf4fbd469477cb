// Text from the page and the API: the seam's sanitiser and the display cleaner keep their promises.
#include <string_view>

#include "check.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
    std::string_view in((const char*)data, size);
    std::string valid = amp::valid_utf8(in);
    fuzz::require(amp::valid_utf8(valid) == valid); // well-formed, and idempotent
    // JSON parsing validates UTF-8 too, up to a NUL: nlohmann_json's lexer takes a NUL for the end of input.
    std::string_view json_part = in.substr(0, in.find('\0'));
    if (!amp::parse_json(std::string(in)).is_discarded()) fuzz::require(amp::valid_utf8(json_part) == json_part);
    std::string shown = amp::shown_text(in, size % 64 + 1);
    fuzz::require(amp::valid_utf8(shown) == shown);
    fuzz::require(shown.find('\0') == std::string::npos);
    fuzz::require(shown.find("\xE2\x80\xAE") == std::string::npos); // U+202E never survives
    fuzz::require(shown.size() <= 3 * (size % 64 + 1) + 3); // each byte looked at gives at most one U+FFFD
    fuzz::well_formed_json(amp::dump(amp::json{{"raw", std::string(in)}}));
    return 0;
}
