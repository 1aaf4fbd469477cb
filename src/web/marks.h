// Provider marks (ui/marks.h) between the module and the page: the icons the last frame drew are asked
// for once, and each one the page decodes becomes a texture for ImGui's renderer.
#pragma once
#include <map>
#include <string>

namespace ui {
struct Marks;
}

// The marks the page was asked to decode, for one widget (App::mark_requests, web/app.h).
struct MarkRequests {
    std::map<int, std::string> asked; // by token: what the page is decoding at decoded_px (forgotten when that changes)
    int next_token = 1;
    int decoded_px = 0; // the size marks are decoded at (it follows the scale)
};

// After a frame: asks the page for the marks it drew that are not yet asked for, at px device pixels
// (when px changed, every mark is decoded again).
void ask_for_marks(ui::Marks& marks, int px);
// The GL context was restored (or the scale changed): every mark is decoded again; the textures are freed.
void forget_marks(ui::Marks& marks);
