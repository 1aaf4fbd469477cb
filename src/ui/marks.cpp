#include "ui/marks.h"

#include <imgui_internal.h>

#include "core/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ui {

const Marks::Mark& Marks::want(const std::string& url) {
    return by_url[url];
}

std::vector<std::string> Marks::take_wanted() {
    std::vector<std::string> out;
    for (auto& [url, m] : by_url)
        if (!m.asked) m.asked = true, out.push_back(url);
    return out;
}

void Marks::arrived(const std::string& url, ImTextureID texture) {
    auto it = by_url.find(url);
    if (it != by_url.end()) it->second.texture = texture;
}

std::vector<ImTextureID> Marks::forget() {
    std::vector<ImTextureID> textures;
    for (auto& [url, m] : by_url)
        if (m.texture) textures.push_back(m.texture);
    by_url.clear();
    return textures;
}

void draw_mark(Marks& marks, std::string_view icon_url, std::string_view name, ImVec2 at, float size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 end{at.x + size, at.y + size};
    float round = size * 0.22f;
    const Marks::Mark* m = icon_url.empty() ? nullptr : &marks.want(std::string(icon_url));
    if (m && m->texture) {
        dl->AddImageRounded(m->texture, at, end, {0, 0}, {1, 1}, IM_COL32_WHITE, round);
        return;
    }
    // The initial: the first character of the name as it is shown (a multi-byte one whole).
    std::string shown = amp::shown_text(name);
    size_t len = shown.empty() ? 0 : 1;
    while (len < shown.size() && (static_cast<unsigned char>(shown[len]) & 0xC0) == 0x80) ++len;
    std::string initial = shown.substr(0, len);
    if (len == 1) initial[0] = (char)ImToUpper(initial[0]);
    ImVec4 tint = theme().accent;
    tint.w = theme().dark ? 0.28f : 0.14f;
    dl->AddRectFilled(at, end, ImGui::GetColorU32(tint), round);
    ImFont* font = theme().strong_font ? theme().strong_font : ImGui::GetFont();
    float px = size * 0.55f;
    ImVec2 ts = font->CalcTextSizeA(px, FLT_MAX, 0, initial.c_str());
    dl->AddText(font, px, {at.x + (size - ts.x) / 2, at.y + (size - ts.y) / 2}, ImGui::GetColorU32(ImGuiCol_Text), initial.c_str());
}

void title_with_mark(Marks& marks, std::string_view icon_url, std::string_view name, std::string_view title) {
    ImGui::PushFont(theme().title_font);
    float line = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    float size = line * 1.25f, indent = size + ImGui::GetStyle().ItemSpacing.x * 1.5f;
    ImVec2 at = ImGui::GetCursorScreenPos();
    draw_mark(marks, icon_url, name, {at.x, at.y + (line - size) / 2}, size);
    ImGui::Indent(indent);
    heading(title, 1);
    ImGui::Unindent(indent);
}

} // namespace ui
