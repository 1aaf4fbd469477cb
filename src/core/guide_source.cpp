#include "core/guide_source.h"

#include <string>

#include "core/url.h"

namespace amp {

Request get_guide(std::string_view asset_base, std::string_view provider) {
    Request r;
    r.method = Method::Get;
    std::string base(asset_base);
    if (!base.empty() && base.back() != '/') base += '/';
    r.url = base + "providers/" + pct_encode(provider) + ".json";
    return r;
}

} // namespace amp
