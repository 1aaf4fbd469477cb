#include "ui/context.h"

namespace ui {

namespace {
Context* current = nullptr; // like ImGui's GImGui: the one pointer to the instance the platform owns
} // namespace

void set_current_context(Context* c) {
    current = c;
}

Context& context() {
    IM_ASSERT(current && "ui::set_current_context() first");
    return *current;
}

Mirror& mirror() {
    return context().mirror;
}

Theme& theme() {
    return context().theme;
}

} // namespace ui
