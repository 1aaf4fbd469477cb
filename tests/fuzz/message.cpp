// A window message as the sign-in window (or anyone else) may post it.
#include <string_view>

#include "check.h"
#include "core/connect.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
    amp::AuthMessage m = amp::parse_auth_message(std::string_view((const char*)data, size));
    fuzz::require(m.kind != amp::AuthMessage::Succeeded || !m.connection_id.empty());
    return 0;
}
