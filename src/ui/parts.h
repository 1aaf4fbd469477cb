// Small pieces more than one screen uses.
#pragma once
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/setup.h"
#include "ui/intent.h"
#include "ui/screens.h"

namespace ui {

// What support needs about a failure, ready to paste into a ticket (public fields only: no secret).
amp::Diagnostics diagnostics(const amp::Setup& s, const View& v);
void copy_diagnostics(const amp::Diagnostics& d, const char* label, Intents& out); // a button
std::string joined(const std::vector<std::string>& v); // "a, b, c", or "none"

} // namespace ui
