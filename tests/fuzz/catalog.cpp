// A provider guide file, and a guide's translation, whatever they hold.
#include <string_view>

#include "check.h"
#include "core/catalog.h"
#include "core/guide_overlay.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
    std::string_view text((const char*)data, size);
    if (auto g = amp::parse_guide(text))
        for (const amp::ScopeInfo& s : g->scopes) fuzz::require(g->find_scope(s.name) != nullptr);
    // As a translation of the built-in guide (any provider's is laid over it as if it were Pinterest's):
    // only words change, never which steps and scopes there are, nor their links.
    if (auto o = amp::parse_overlay(text)) {
        const amp::ProviderGuide& en = *amp::builtin_guide("pinterest");
        amp::ProviderGuide g = en;
        o->provider = en.provider;
        amp::apply_overlay(g, *o);
        fuzz::require(g.steps.size() == en.steps.size() && g.scopes.size() == en.scopes.size());
        for (size_t i = 0; i < g.steps.size(); i++)
            fuzz::require(g.steps[i].id == en.steps[i].id && g.steps[i].url == en.steps[i].url &&
                          g.steps[i].link_label.empty() == en.steps[i].link_label.empty());
        for (size_t i = 0; i < g.scopes.size(); i++) fuzz::require(g.scopes[i].name == en.scopes[i].name);
    }
    return 0;
}
