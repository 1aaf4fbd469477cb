#include "ui/icons.h"

namespace ui {

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 at, float size, ImU32 colour) {
    auto p = [&](float x, float y) { return ImVec2{at.x + x * size, at.y + y * size}; };
    float stroke = size * 0.11f;
    switch (icon) {
    case Icon::Check: {
        ImVec2 pts[] = {p(0.18f, 0.52f), p(0.41f, 0.74f), p(0.84f, 0.28f)};
        dl->AddPolyline(pts, 3, colour, ImDrawFlags_None, stroke * 1.2f);
        break;
    }
    case Icon::Warning:
        dl->AddTriangle(p(0.5f, 0.1f), p(0.94f, 0.88f), p(0.06f, 0.88f), colour, stroke);
        dl->AddLine(p(0.5f, 0.38f), p(0.5f, 0.62f), colour, stroke);
        dl->AddCircleFilled(p(0.5f, 0.75f), stroke * 0.75f, colour);
        break;
    case Icon::ExternalLink: {
        ImVec2 box[] = {p(0.78f, 0.56f), p(0.78f, 0.86f), p(0.14f, 0.86f), p(0.14f, 0.22f), p(0.44f, 0.22f)};
        dl->AddPolyline(box, 5, colour, ImDrawFlags_None, stroke);
        dl->AddLine(p(0.44f, 0.56f), p(0.86f, 0.14f), colour, stroke);
        ImVec2 head[] = {p(0.56f, 0.14f), p(0.86f, 0.14f), p(0.86f, 0.44f)};
        dl->AddPolyline(head, 3, colour, ImDrawFlags_None, stroke);
        break;
    }
    case Icon::Copy: { // a sheet, and the edges of the one behind it that show
        dl->AddRect(p(0.34f, 0.34f), p(0.88f, 0.88f), colour, size * 0.1f, 0, stroke);
        ImVec2 back[] = {p(0.34f, 0.64f), p(0.12f, 0.64f), p(0.12f, 0.12f), p(0.64f, 0.12f), p(0.64f, 0.34f)};
        dl->AddPolyline(back, 5, colour, ImDrawFlags_None, stroke);
        break;
    }
    }
}

} // namespace ui
