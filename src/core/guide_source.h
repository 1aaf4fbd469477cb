// Guides on demand: a provider's guide is a static file beside the widget (providers/<name>.json, written
// at build time by src/tools/write_guides.cpp), fetched at start for any provider but the one built in,
// with its translation for an admin who does not read English; beside them, index.json lists every provider for the picker.
#pragma once
#include <string_view>

#include "core/http.h"

namespace amp {

// GET {asset_base}providers/{provider}.json. asset_base is the widget's own folder ("https://cdn/x/"). No
// header at all: a static file needs no credential, and a simple request needs no CORS preflight.
Request get_guide(std::string_view asset_base, std::string_view provider);
// GET {asset_base}providers/{locale}/{provider}.json: the guide's words in the admin's language
// (core/guide_overlay.h), asked for beside the guide's own file.
Request get_overlay(std::string_view asset_base, std::string_view locale, std::string_view provider);
// GET {asset_base}providers/index.json: every catalog provider, for the picker (core/picker.h).
Request get_provider_index(std::string_view asset_base);

} // namespace amp
