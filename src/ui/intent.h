// What a person asked for this frame. Screens return these; the platform layer carries them out
// (core intents go to the setup state machine, the rest to the browser).
#pragma once
#include <string>
#include <vector>

namespace ui {

enum class IntentKind {
    SubmitAccess, EditAccess, Save, ConfirmDelete, NewApp, EditApp, Retry, DismissError, // the setup
    ChangeProvider, ChooseProvider, // the provider picker (arg: the provider chosen)
    TestConnection, ReopenWindow, KeepWaiting, IFinished, CheckAgain, CancelTest, RemoveConnection, // the OAuth proof
    OpenUrl, Copy // the browser
};

struct Intent {
    IntentKind kind;
    std::string arg; // the url to open, the text to copy, the app to open, the provider chosen
};

using Intents = std::vector<Intent>;

} // namespace ui
