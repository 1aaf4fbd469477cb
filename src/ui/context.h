// Everything src/ui keeps between calls, for one widget: the accessible mirror, the theme, and what the
// widgets carry from one item or frame to a later one. The platform owns it (src/web/app.h) and makes it
// current, as ImGui's own context is made current (ImGui::SetCurrentContext); nothing in src/ui is static.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>

#include "ui/mirror.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ui {

// What the widgets (widgets.cpp) remember across items and frames.
struct WidgetState {
    ImVector<ImGuiID> secret_ids; // every secret field drawn so far
    bool reveal_invalid = false;  // the next invalid field drawn is brought into view
    bool focus_next = false;      // the next control recorded takes focus (the first of an invalid group)
    std::string focus_label;      // the field or group asked to take focus (focus_field)
    std::optional<Span> wanted;   // what this frame asks the page to scroll into view
    struct Row {
        bool on = false, first = true;
    } row;                        // between begin_row and end_row
};

struct Context {
    Mirror mirror;
    Theme theme; // its fonts belong to ImGui's context: reset this when that one is destroyed
    WidgetState widgets;
};

void set_current_context(Context* c);
Context& context(); // the current one; mirror() and theme() are its parts

} // namespace ui
