// Provider marks (ui/marks.h) between the module and the page: the icons the last frame drew are asked
// for once, and each one the page decodes becomes a texture for ImGui's renderer.
#pragma once

namespace ui {
struct Marks;
}

// After a frame: asks the page for the marks it drew that are not yet asked for, at px device pixels
// (when px changed, every mark is decoded again).
void ask_for_marks(ui::Marks& marks, int px);
// The GL context was restored (or the scale changed): every mark is decoded again; the textures are freed.
void forget_marks(ui::Marks& marks);
