// Provider marks: the icon Ampersand's catalog gives a provider (media.regular.iconURL), beside its name
// in the picker and in the title. The page decodes an icon into a texture the first time a screen draws
// it (web/src/marks.js, src/web/marks.cpp); until then, or when it cannot (offline, refused by the page's
// Content-Security-Policy, no CORS answer from the image host), the provider's initial on a tinted square
// stands in, so a row never jumps when the picture arrives.
#pragma once
#include <imgui.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

// Marks are decoded at this many CSS pixels (times the scale), the largest they are drawn; smaller ones
// come from the texture's mipmaps.
constexpr float kMarkDecodeCss = 40;

struct Marks {
    struct Mark {
        ImTextureID texture = nullptr; // set once the page has decoded it
        bool asked = false;            // handed to the page (take_wanted); asked with no texture: the initial
    };
    std::map<std::string, Mark> by_url;

    const Mark& want(const std::string& url); // a screen draws it: the page is asked once
    std::vector<std::string> take_wanted();   // asked for since the last call
    void arrived(const std::string& url, ImTextureID texture);
    std::vector<ImTextureID> forget();        // a new size or a lost context: every mark again; the textures to free
};

// The mark of `name` (its display name: the initial comes from it) in a square of side `size` whose
// top-left corner is `at`. Decoration: the name beside it is what the mirror reads.
void draw_mark(Marks& marks, std::string_view icon_url, std::string_view name, ImVec2 at, float size);
// The screen's title (a level 1 heading) led by the provider's mark; wrapped lines stay beside it.
void title_with_mark(Marks& marks, std::string_view icon_url, std::string_view name, std::string_view title);

} // namespace ui
