// Step 3: test the saved app with Ampersand's OAuth flow, drawn from the attempt's state.
#pragma once
#include "core/connect.h"
#include "core/setup.h"
#include "ui/intent.h"
#include "ui/screens.h"

namespace ui {

void prove(amp::Setup& s, const amp::Connect& c, View& v, Intents& out);

} // namespace ui
