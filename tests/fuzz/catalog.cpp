// A provider guide file, whatever it holds.
#include <string_view>

#include "check.h"
#include "core/catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
    auto g = amp::parse_guide(std::string_view((const char*)data, size));
    if (!g) return 0;
    for (const amp::ScopeInfo& s : g->scopes) fuzz::require(g->find_scope(s.name) != nullptr);
    return 0;
}
