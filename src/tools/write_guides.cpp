// Build step: writes the guides the widget loads on demand, one file per provider of the catalog that
// signs in through the browser (core/providers.h): <out>/<name>.json, the curated guide where
// assets/providers has one (copied as is), otherwise a marker that says the guide is generic (the widget
// words it from the catalog entry in the admin's language: nothing in the file to translate), and
// <out>/index.json, the picker's list of every provider.
//   amp-guides <catalog.json> <out dir> <curated guide files...>
#include "core/catalog.h"
#include "core/models.h"
#include "core/picker.h"
#include "core/providers.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return bool(out);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: amp-guides <catalog.json> <out dir> <curated guide files...>\n");
        return 2;
    }
    std::string out = argv[2];
    std::map<std::string, std::string> curated; // by provider
    for (int i = 3; i < argc; ++i) {
        std::string text = read(argv[i]);
        auto g = amp::parse_guide(text);
        if (!g) {
            std::fprintf(stderr, "amp-guides: %s is not a guide\n", argv[i]);
            return 1;
        }
        curated[g->provider] = text;
    }
    const amp::json file = amp::parse_json(read(argv[1]));
    const amp::json& catalog = amp::member(file, "catalog");
    if (!catalog.is_object() || catalog.empty()) {
        std::fprintf(stderr, "amp-guides: %s holds no catalog\n", argv[1]);
        return 1;
    }
    amp::json index = amp::json::array();
    for (const auto& item : catalog.items()) {
        auto info = amp::parse_provider_info(amp::dump(item.value()));
        if (!info) continue;
        bool oauth = amp::provider_kind(*info) == amp::ProviderKind::BrowserOAuth;
        auto found = curated.find(info->name);
        index.push_back(amp::index_row(*info, found != curated.end()));
        if (!oauth) continue;
        std::string guide = found != curated.end() ? found->second : amp::generic_guide_file(info->name);
        if (!write(out + "/" + info->name + ".json", guide)) {
            std::fprintf(stderr, "amp-guides: cannot write %s/%s.json\n", out.c_str(), info->name.c_str());
            return 1;
        }
    }
    return write(out + "/index.json", amp::dump(index)) ? 0 : 1;
}
