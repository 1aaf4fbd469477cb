// Values the provider's catalog entry asks for, each with the catalog's name, prompt and docs link: before
// "Test connection", those of sign-in (the workspace, metadata.input: core/connect_inputs.h); in the
// register form, those the provider app holds (providerAppMetadata: core/app_metadata.h).
#pragma once
#include "core/setup.h"
#include "ui/intent.h"

namespace ui {

// True when Enter is pressed in one of them: Test connection goes ahead, as from the fields above.
bool connect_fields(amp::Setup& s, bool editable, Intents& out);
// True when Enter is pressed in one of them: the form is saved.
bool app_fields(amp::Setup& s, Intents& out);

} // namespace ui
