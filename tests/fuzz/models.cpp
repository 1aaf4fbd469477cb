// Ampersand's resources as any body can present them, and the events made from them.
#include <string_view>

#include "check.h"
#include "core/events.h"
#include "core/models.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
    std::string_view body((const char*)data, size);
    if (auto p = amp::parse_provider_info(body)) fuzz::well_formed_json(amp::provider_loaded_event(*p));
    if (auto a = amp::parse_provider_app(body)) fuzz::well_formed_json(amp::provider_app_saved_event(*a, true));
    if (auto list = amp::parse_provider_apps(body))
        for (const amp::ProviderApp& a : *list) fuzz::well_formed_json(amp::provider_app_saved_event(a, false));
    if (auto c = amp::parse_connection(body)) fuzz::well_formed_json(amp::connected_event(*c));
    if (auto list = amp::parse_connections(body))
        for (const amp::Connection& c : *list) fuzz::well_formed_json(amp::connected_event(c));
    return 0;
}
