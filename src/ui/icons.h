// Small line icons drawn as vectors with ImDrawList, so they are sharp at any scale and cost no font
// glyphs. Each fits a square of side `size` whose top-left corner is `at` (screen pixels).
#pragma once
#include <imgui.h>

namespace ui {

enum class Icon { Check, Warning, ExternalLink, Copy };

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 at, float size, ImU32 colour);

} // namespace ui
