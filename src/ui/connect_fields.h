// Before "Test connection": the values the provider's catalog entry asks for at sign-in (the workspace,
// metadata.input), each with the catalog's name, prompt and docs link (core/connect_inputs.h).
#pragma once
#include "core/setup.h"
#include "ui/intent.h"

namespace ui {

// True when Enter is pressed in one of them: Test connection goes ahead, as from the fields above.
bool connect_fields(amp::Setup& s, bool editable, Intents& out);

} // namespace ui
