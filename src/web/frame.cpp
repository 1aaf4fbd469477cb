// The frame: draw from state, carry out what the admin asked for, hand the results to the page, and
// pause when nothing changes.
#include <emscripten.h>
#include <emscripten/stack.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <utility>

#include "core/events.h"
#include "ui/marks.h"
#include "ui/mirror.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "web/app.h"
#include "web/bridge.h"
#include "web/fonts.h"
#include "web/marks.h"

App app;

namespace {
void draw_frame();
} // namespace

void wake(int frames) {
    app.frames_left = std::max(app.frames_left, frames);
    if (app.paused) {
        app.paused = false;
        emscripten_resume_main_loop();
    }
}

// Opens the sign-in window. Runs inside the admin's click or key press (frames run synchronously in
// those events), which is the only time browsers allow it.
static bool open_popup() {
    return amp_js_popup_open() != 0;
}

static amp::ConnectOptions connect_options() {
    const amp::Setup& s = *app.setup;
    const amp::ProviderApp* selected = s.selected();
    amp::ConnectOptions o{s.options.api_base, s.project,      s.options.provider,
                          s.group_ref,        s.consumer_ref, selected ? selected->id : std::string()};
    o.requested_scopes = selected ? selected->scopes : std::vector<std::string>();
    o.ampersand_origin = s.options.ampersand_origin;
    o.display_name = s.provider ? s.provider->display_name : s.guide ? s.guide->display_name : std::string();
    if (s.guide) o.secret_label = s.guide->client_secret_label;
    o.timings = app.timings;
    o.workspace = amp::workspace_value(s.connect_values);
    o.metadata = amp::provider_metadata(s.connect_fields(), s.connect_values);
    return o;
}

static void apply_intents(const ui::Intents& intents) {
    amp::Setup& s = *app.setup;
    amp::Connect& c = app.connect;
    double now = emscripten_get_now();
    for (const ui::Intent& i : intents) {
        switch (i.kind) {
        case ui::IntentKind::SubmitAccess: s.submit_access(); break;
        // Leaving the app under test ends its test: its window and checks would report on
        // something no longer on screen.
        case ui::IntentKind::EditAccess: c.cancel(), s.edit_access(); break;
        case ui::IntentKind::Save: s.save(); break;
        case ui::IntentKind::ConfirmDelete: c.cancel(), s.confirm_delete(); break;
        case ui::IntentKind::NewApp: c.cancel(), s.new_app(); break;
        case ui::IntentKind::EditApp: c.cancel(), s.edit_app(i.arg); break;
        case ui::IntentKind::Retry: s.retry(); break;
        case ui::IntentKind::DismissError: s.dismiss_error(); break;
        case ui::IntentKind::ChangeProvider: c.cancel(), s.change_provider(), app.view.picker = {}; break;
        case ui::IntentKind::ChooseProvider: c.cancel(), s.choose_provider(i.arg); break;
        case ui::IntentKind::TestConnection: // a missing workspace is caught here, before any window opens
            if (s.check_connect_values()) c.start(s.client(), connect_options(), open_popup(), now);
            break;
        case ui::IntentKind::ReopenWindow: c.reopen(open_popup(), now); break;
        case ui::IntentKind::KeepWaiting: c.keep_waiting(now); break;
        case ui::IntentKind::IFinished: c.i_finished(now); break;
        case ui::IntentKind::CheckAgain: c.check_again(now); break;
        case ui::IntentKind::CancelTest: c.cancel(); break;
        case ui::IntentKind::RemoveConnection: c.remove_connection(); break;
        case ui::IntentKind::OpenUrl: amp_js_open_url(i.arg.c_str()); break;
        case ui::IntentKind::Copy: amp_js_copy(i.arg.c_str()); break;
        }
    }
}

static void send(Owner owner, std::vector<amp::Outgoing> out) {
    for (amp::Outgoing& o : out) {
        int fetch = app.next_fetch++;
        app.fetches[fetch] = {owner, o.id};
        amp::json headers = amp::json::object();
        for (const amp::Header& h : o.request.headers) headers[h.name] = h.value;
        // The body may hold the App Secret and the headers the API key; these copies are zeroed when
        // freed, like every block (zeroing_free.cpp).
        amp_js_fetch(fetch, amp::method_name(o.request.method), o.request.url.c_str(), amp::dump(headers).c_str(),
                     o.request.body.c_str());
    }
}

// Moves what the core produced out to the page: requests to fetch, events to the host, commands
// to the sign-in window, and a timer for the attempt's next deadline.
void pump() {
    send(Owner::Setup, app.setup->take_requests());
    send(Owner::Connect, app.connect.take_requests());
    // Events wait for the next frame (see draw_frame), so the host never hears of a state the
    // screen and its mirror do not show yet.
    for (std::string& e : app.setup->take_events()) app.events.push_back(std::move(e));
    for (std::string& e : app.connect.take_events()) app.events.push_back(std::move(e));
    if (!app.events.empty()) wake();
    for (const amp::PopupCommand& p : app.connect.take_popup()) {
        if (p.kind == amp::PopupCommand::Navigate) amp_js_popup_navigate(p.url.c_str());
        else if (p.kind == amp::PopupCommand::Close) amp_js_popup_close();
        else amp_js_popup_focus();
    }
    double due = app.connect.next_deadline(), setup_due = app.setup->next_deadline();
    if (setup_due > 0 && (due == 0 || setup_due < due)) due = setup_due;
    if (due > 0 && due != app.wake_at) {
        app.wake_at = due;
        amp_js_wake_in((int)std::max(0.0, due - emscripten_get_now()) + 1);
    }
}

// The page's token requests name the refs the next calls will use (the admin may edit them).
void tell_refs() {
    std::string refs = app.setup->group_ref + '\n' + app.setup->consumer_ref;
    if (refs == app.refs) return;
    app.refs = refs;
    amp_js_refs(app.setup->group_ref.c_str(), app.setup->consumer_ref.c_str());
}

// Style and fonts follow the device pixel ratio, the colour scheme, the accent and the font scale.
void restyle() {
    float scale = app.dpr * app.font_scale;
    ui::apply_theme(app.dark, scale, app.accent, app.forced ? &*app.forced : nullptr);
    ImGui::GetIO().ConfigInputTextCursorBlink = !app.reduced_motion;
    ui::theme().dpr = app.dpr;
    ui::theme().min_target = app.coarse_pointer ? 44 * app.dpr : 0; // WCAG 2.5.5's target size
    build_fonts(scale);
}

// "#RRGGBB" as 0xRRGGBB, or nothing.
static std::optional<unsigned> hex_colour(const amp::json& o, const char* key) {
    std::string c = amp::str(o, key);
    if (c.size() != 7 || c[0] != '#' || c.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) return {};
    return (unsigned)std::strtoul(c.c_str() + 1, nullptr, 16);
}

// The user's system colours (web/src/options.js sends them only under forced colours), or nothing.
static std::optional<ui::SystemColours> system_colours(const amp::json& o) {
    ui::SystemColours s{};
    std::pair<const char*, unsigned*> keys[] = {{"Canvas", &s.canvas}, {"CanvasText", &s.canvas_text},
        {"LinkText", &s.link_text}, {"Highlight", &s.highlight}, {"HighlightText", &s.highlight_text},
        {"ButtonFace", &s.button_face}};
    for (auto [key, to] : keys) {
        auto c = hex_colour(o, key);
        if (!c) return {};
        *to = *c;
    }
    return s;
}

// The look the host asked for (colorScheme "dark" or "light", accent "#RRGGBB", fontScale), and the
// user's and the page's (forced colours, reduced motion, coarsePointer: the page's (pointer: coarse)).
void read_look(const amp::json& o) {
    std::string scheme = amp::str(o, "colorScheme");
    if (!scheme.empty()) app.dark = scheme == "dark";
    if (auto accent = hex_colour(o, "accent")) app.accent = *accent;
    const amp::json& scale = amp::member(o, "fontScale");
    if (scale.is_number()) app.font_scale = std::clamp(scale.get<float>(), 0.75f, 2.0f);
    app.forced = system_colours(amp::member(o, "systemColors"));
    app.reduced_motion = amp::member(o, "reducedMotion") == true;
    const amp::json& coarse = amp::member(o, "coarsePointer");
    if (coarse.is_boolean()) app.coarse_pointer = coarse.get<bool>();
}

// Locals of finished calls stay in linear memory until something overwrites them: nlohmann's serializer
// keeps a 512-byte buffer there, and a short key fits inside a std::string on the stack, so a request
// body with the App Secret or a header with the API key leave copies. Everything between the stack's
// end and this call's frame is dead, so all of it is zeroed, however deep earlier calls went.
__attribute__((noinline)) void scrub_stack() {
    auto end = emscripten_stack_get_end(), here = emscripten_stack_get_current();
    if (here > end) std::memset(reinterpret_cast<void*>(end), 0, here - end);
}

// A frame can be asked for from inside a frame (a DOM event fired by the mirror update it sends,
// say); never nest one, just make sure another follows.
void frame() {
    if (app.context_lost) return;
    if (app.drawing) {
        app.frames_left = std::max(app.frames_left, 2);
        return;
    }
    app.drawing = true;
    draw_frame();
    app.drawing = false;
}

namespace {
// An outcome asks to be in view on each frame while its card settles: the page hears again only
// when the place changed, so that a smooth scroll runs once to its end.
void reveal(std::optional<ui::Span> span) {
    std::optional<std::pair<int, int>> asked;
    if (span) asked = std::pair{(int)span->top, (int)(span->bottom + 0.999f)};
    if (asked && asked != app.revealed) amp_js_reveal(asked->first, asked->second);
    app.revealed = asked;
}

void draw_frame() {
    ImGuiIO& io = ImGui::GetIO();
    std::vector<std::string> drawn = std::move(app.events); // what this frame will show
    app.events.clear();
    update_fonts(); // before the frame: characters that arrived since the last one are drawn in it
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // GLFW keeps reporting the last in-canvas position after the pointer leaves; say it left.
    if (!app.pointer_inside) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    ImGui::NewFrame();
    ui::mirror().begin_frame();
    app.connect.tick(emscripten_get_now());
    app.setup->tick(emscripten_get_now());
    ui::Intents intents = ui::draw(*app.setup, app.connect, app.view);
    ui::forget_secret_text();
    ImGui::Render();
    int w, h;
    glfwGetFramebufferSize(app.window, &w, &h);
    glViewport(0, 0, w, h);
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    apply_intents(intents);
    ask_for_marks(app.view.marks, (int)std::lround(ui::kMarkDecodeCss * ui::theme().scale));
    pump();
    if (ui::mirror().changed()) amp_js_mirror(ui::mirror().to_json().c_str());
    int cursor = ImGui::GetMouseCursor();
    if (cursor != app.cursor) amp_js_cursor(app.cursor = cursor);
    tell_refs();
    if (app.setup->unsaved_input() != app.unsaved) // the page guards against leaving with it
        amp_js_unsaved(app.unsaved = !app.unsaved);
    // The page's spacer first, so that it can scroll to what this frame asks to show.
    int css_height = (int)(app.view.content_height / app.dpr + 0.999f);
    if (css_height != app.content_css_height) amp_js_content_height(app.content_css_height = css_height);
    reveal(ui::take_reveal());
    if (io.WantTextInput != app.typing) // keys that scroll the page type into the field instead
        amp_js_typing(app.typing = io.WantTextInput);
    if (!app.ready_sent) {
        app.ready_sent = true;
        amp_js_emit(amp::ready_event(app.setup->options.provider, AMP_CLIENT_VERSION).c_str());
    }
    for (const std::string& e : drawn) amp_js_emit(e.c_str());

    // A pasted text has reached its field once ImGui's queue (which held the Ctrl+V) is empty; the
    // request bodies and serializer buffers of this frame lie on the stack below us.
    if (ImGui::GetCurrentContext()->InputEventsQueue.empty()) app.clipboard.wipe();
    scrub_stack();

    // Idle: keep going while input is still trickling through ImGui's queue or intents ran;
    // otherwise pause after a few frames. A focused text field still needs its caret to blink.
    if (!ImGui::GetCurrentContext()->InputEventsQueue.empty() || !intents.empty() || !ui::mirror().pending.empty() ||
        app.view.settling())
        app.frames_left = 3;
    if (--app.frames_left <= 0 && !app.paused) {
        app.paused = true;
        emscripten_pause_main_loop();
        if (io.WantTextInput) amp_js_wake_in(530);
    }
}
} // namespace
