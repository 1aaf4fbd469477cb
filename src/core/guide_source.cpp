#include "core/guide_source.h"

#include <string>

#include "core/url.h"

namespace amp {

namespace {

Request get_asset(std::string_view asset_base, const std::string& file) {
    Request r;
    r.method = Method::Get;
    std::string base(asset_base);
    if (!base.empty() && base.back() != '/') base += '/';
    r.url = base + "providers/" + file;
    return r;
}

} // namespace

Request get_guide(std::string_view asset_base, std::string_view provider) {
    return get_asset(asset_base, pct_encode(provider) + ".json");
}

Request get_overlay(std::string_view asset_base, std::string_view locale, std::string_view provider) {
    return get_asset(asset_base, pct_encode(locale) + "/" + pct_encode(provider) + ".json");
}

Request get_provider_index(std::string_view asset_base) {
    return get_asset(asset_base, "index.json");
}

} // namespace amp
