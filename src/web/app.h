// The one widget this module runs: its state machines, what the screens remember, and what the page
// was last told. Shared by the frame (frame.cpp), the page's callbacks (callbacks.cpp) and main().
// `app` (frame.cpp) is the web layer's only global: everything the widget holds is in it.
#pragma once
#include <GLFW/glfw3.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/connect.h"
#include "core/json.h"
#include "core/setup.h"
#include "core/text.h"
#include "ui/context.h"
#include "ui/palette.h"
#include "ui/screens.h"
#include "web/glyphs.h"
#include "web/marks.h"

// Both state machines number their requests from 1; the page's fetch ids say whose answer it is.
enum class Owner { Setup, Connect };
struct InFlight {
    Owner owner;
    int id;
};

struct App {
    GLFWwindow* window = nullptr;
    std::optional<amp::Setup> setup; // from main() until the host's destroy()
    amp::Connect connect;
    std::map<int, InFlight> fetches;
    int next_fetch = 1;
    double wake_at = 0;         // the Connect deadline a timer is already set for
    amp::ConnectTimings timings;
    std::vector<std::string> events; // for the host, sent once a frame has drawn the state behind them
    ui::View view;
    ui::Context ui;             // src/ui's mirror, theme and widget state, made current by main()
    Glyphs glyphs;              // the characters beyond the embedded font, and their drawings (glyphs.cpp)
    MarkRequests mark_requests; // the provider icons the page is decoding (marks.cpp)
    float built_scale = 0;      // the scale the fonts were last built at (fonts.cpp)
    amp::Utf16Joiner typed;     // joins surrogate halves typed as two characters (main.cpp on_char)
    amp::Secret clipboard;      // what a paste brought (it may be a secret): wiped once ImGui has read it
    float dpr = 0;
    float font_scale = 1;
    unsigned accent = 0xE60023;
    std::optional<ui::SystemColours> forced; // the user's system colours, under forced colours
    bool reduced_motion = false; // prefers-reduced-motion: no caret blink
    int content_css_height = 0;
    std::optional<std::pair<int, int>> revealed; // what the last frame asked the page to bring into view
    bool typing = false;        // last told to the page: a field on the canvas takes the keys
    std::string refs;           // the groupRef and consumerRef last told to the page
    bool unsaved = false;       // last told to the page: typing not yet in Ampersand
    bool context_lost = false;  // WebGL context gone: nothing can be drawn until it is restored
    int frames_left = 0;        // frames to run before pausing the loop
    bool paused = false;
    bool drawing = false;       // inside frame(), which never nests
    bool pointer_inside = false;
    bool dark = false;
    bool coarse_pointer = false; // a finger: controls are at least 44 CSS px each way
    bool ready_sent = false;
    int cursor = -1;
};

extern App app;

void wake(int frames = 3);              // run frames again (the loop pauses when nothing changes)
void frame();                           // one frame now (never nested)
void pump();                            // hand what the core produced to the page
void restyle();                         // style and fonts for the current scale and look
void read_look(const amp::json& o);     // colorScheme, accent, fontScale from the host
void tell_refs();                       // the groupRef and consumerRef, for the page's token requests
void scrub_stack();                     // zero the dead stack below the caller (see frame.cpp)
