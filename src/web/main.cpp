// The widget's entry point: GLFW + WebGL2 + Dear ImGui on this instance's canvas, one frame function,
// and the callbacks the page-side runtime calls. Frames run only when something changed (input, an
// answer from the API, a resize), and synchronously inside pointer events so that gesture-gated
// browser calls (window.open, clipboard) happen inside the gesture.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cstdlib>
#include <map>
#include <string>

#include "core/connect.h"
#include "core/events.h"
#include "core/json.h"
#include "core/setup.h"
#include "ui/mirror.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "web/bridge.h"
#include "web/fonts.h"
#include "web/zeroing_free.h"

namespace {

// Both state machines number their requests from 1; the page's fetch ids say whose answer it is.
enum class Owner { Setup, Connect };
struct InFlight {
    Owner owner;
    int id;
};

struct App {
    GLFWwindow* window = nullptr;
    amp::Setup* setup = nullptr;
    amp::Connect connect;
    std::map<int, InFlight> fetches;
    int next_fetch = 1;
    double wake_at = 0;         // the Connect deadline a timer is already set for
    amp::ConnectTimings timings;
    std::vector<std::string> events; // for the host, sent once a frame has drawn the state behind them
    ui::View view;
    std::string clipboard;
    std::string last_mirror;
    float dpr = 0;
    float font_scale = 1;
    unsigned accent = 0xE60023;
    int content_css_height = 0;
    std::string refs;           // the groupRef and consumerRef last told to the page
    bool unsaved = false;       // last told to the page: typing not yet in Ampersand
    bool context_lost = false;  // WebGL context gone: nothing can be drawn until it is restored
    int frames_left = 0;        // frames to run before pausing the loop
    bool paused = false;
    bool pointer_inside = false;
    bool dark = false;
    bool ready_sent = false;
    int cursor = -1;
};

App app;

void wake() {
    app.frames_left = 3;
    if (app.paused) {
        app.paused = false;
        emscripten_resume_main_loop();
    }
}

// Opens the sign-in window. Runs inside the admin's click or key press (frames run synchronously in
// those events), which is the only time browsers allow it.
bool open_popup() {
    return amp_js_popup_open() != 0;
}

amp::ConnectOptions connect_options() {
    const amp::Setup& s = *app.setup;
    const amp::ProviderApp* selected = s.selected();
    return {s.options.api_base, s.project,         s.options.provider, s.group_ref,
            s.consumer_ref,     selected ? selected->id : std::string(), app.timings};
}

void apply_intents(const ui::Intents& intents) {
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
        case ui::IntentKind::TestConnection: c.start(s.client(), connect_options(), open_popup(), now); break;
        case ui::IntentKind::ReopenWindow: c.reopen(open_popup(), now); break;
        case ui::IntentKind::KeepWaiting: c.keep_waiting(now); break;
        case ui::IntentKind::IFinished: c.i_finished(now); break;
        case ui::IntentKind::CancelTest: c.cancel(); break;
        case ui::IntentKind::RemoveConnection: c.remove_connection(); break;
        case ui::IntentKind::OpenUrl: amp_js_open_url(i.arg.c_str()); break;
        case ui::IntentKind::Copy: amp_js_copy(i.arg.c_str()); break;
        }
    }
}

void send(Owner owner, std::vector<amp::Outgoing> out) {
    for (amp::Outgoing& o : out) {
        int fetch = app.next_fetch++;
        app.fetches[fetch] = {owner, o.id};
        amp::json headers = amp::json::object();
        for (const amp::Header& h : o.request.headers) headers[h.name] = h.value;
        // The body may hold the App Secret and the headers the API key; these copies are zeroed when
        // freed, like every block (zeroing_free.cpp).
        amp_js_fetch(fetch, amp::method_name(o.request.method), o.request.url.c_str(), headers.dump().c_str(),
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
    double due = app.connect.next_deadline();
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
    ui::apply_theme(app.dark, scale, app.accent);
    ui::theme().dpr = app.dpr;
    build_fonts(scale);
}

// The look the host asked for: colorScheme "dark" or "light", accent "#RRGGBB", fontScale.
void read_look(const amp::json& o) {
    std::string scheme = amp::str(o, "colorScheme");
    if (!scheme.empty()) app.dark = scheme == "dark";
    std::string accent = amp::str(o, "accent");
    if (accent.size() == 7 && accent[0] == '#') app.accent = (unsigned)std::strtoul(accent.c_str() + 1, nullptr, 16);
    const amp::json& scale = amp::member(o, "fontScale");
    if (scale.is_number()) app.font_scale = std::clamp(scale.get<float>(), 0.75f, 2.0f);
}

void draw_frame();

// A frame can be asked for from inside a frame (a DOM event fired by the mirror update it sends,
// say); never nest one, just make sure another follows.
void frame() {
    static bool drawing = false;
    if (app.context_lost) return;
    if (drawing) {
        app.frames_left = std::max(app.frames_left, 2);
        return;
    }
    drawing = true;
    draw_frame();
    drawing = false;
}

void draw_frame() {
    ImGuiIO& io = ImGui::GetIO();
    std::vector<std::string> drawn = std::move(app.events); // what this frame will show
    app.events.clear();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // GLFW keeps reporting the last in-canvas position after the pointer leaves; say it left.
    if (!app.pointer_inside) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    ImGui::NewFrame();
    ui::mirror().begin_frame();
    app.connect.tick(emscripten_get_now());
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
    pump();
    std::string nodes = ui::mirror().to_json();
    if (nodes != app.last_mirror) {
        app.last_mirror = nodes;
        amp_js_mirror(nodes.c_str());
    }
    int cursor = ImGui::GetMouseCursor();
    if (cursor != app.cursor) amp_js_cursor(app.cursor = cursor);
    tell_refs();
    if (app.setup->unsaved_input() != app.unsaved) // the page guards against leaving with it
        amp_js_unsaved(app.unsaved = !app.unsaved);
    int css_height = (int)(app.view.content_height / app.dpr + 0.999f);
    if (css_height != app.content_css_height) amp_js_content_height(app.content_css_height = css_height);
    if (!app.ready_sent) {
        app.ready_sent = true;
        amp_js_emit(amp::ready_event(app.setup->options.provider, AMP_CLIENT_VERSION).c_str());
    }
    for (const std::string& e : drawn) amp_js_emit(e.c_str());

    // Idle: keep going while input is still trickling through ImGui's queue or intents ran;
    // otherwise pause after a few frames. A focused text field still needs its caret to blink.
    if (!ImGui::GetCurrentContext()->InputEventsQueue.empty() || !intents.empty() || !ui::mirror().pending.empty())
        app.frames_left = 3;
    if (--app.frames_left <= 0 && !app.paused) {
        app.paused = true;
        emscripten_pause_main_loop();
        if (io.WantTextInput) amp_js_wake_in(530);
    }
}

void on_mouse_button(GLFWwindow* w, int button, int action, int mods) {
    ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
    frame(); // inside the DOM event: a button released here may open a window or copy text
    wake();
}

void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
    // Enter and Space activate the focused item on key down: run that frame inside the event.
    if (action == GLFW_PRESS && (key == GLFW_KEY_ENTER || key == GLFW_KEY_SPACE || key == GLFW_KEY_KP_ENTER)) frame();
    wake();
}

amp::Setup* make_setup() {
    char* raw = amp_js_options();
    amp::json o = amp::parse_json(raw ? raw : "{}");
    amp_free_zeroed(raw); // it may hold the host's API key
    amp::SetupOptions opt;
    opt.api_base = amp::str(o, "apiBase", amp::kDefaultApiBase);
    opt.project = amp::str(o, "project");
    opt.provider = amp::str(o, "provider", "pinterest");
    opt.group_ref = amp::str(o, "groupRef");
    opt.consumer_ref = amp::str(o, "consumerRef");
    amp::Secret credential;
    std::string key = amp::str(o, "apiKey");
    if (!key.empty()) {
        opt.auth = amp::AuthKind::ApiKey;
        credential.assign(key);
    }
    read_look(o);
    app.view.environment = amp::str(o, "environment");
    if (amp::str(o, "auth") == "token") opt.auth = amp::AuthKind::HostToken;
    const amp::json& waits = amp::member(o, "signInTimeouts");
    auto wait = [&](const char* key, double fallback) {
        const amp::json& v = amp::member(waits, key);
        return v.is_number() && v.get<double>() > 0 ? v.get<double>() : fallback;
    };
    amp::ConnectTimings& t = app.timings;
    t.slow_after = wait("slowMs", t.slow_after);
    t.closed_grace = wait("closedGraceMs", t.closed_grace);
    t.check_every = wait("checkEveryMs", t.check_every);
    t.give_up_after = wait("giveUpMs", t.give_up_after);
    t.blocked_watch = wait("blockedWatchMs", t.blocked_watch);
    return new amp::Setup(opt, std::move(credential));
}

} // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void amp_on_response(int fetch, int status, const char* content_type, const char* body) {
    auto it = app.fetches.find(fetch);
    if (it == app.fetches.end()) return;
    InFlight f = it->second;
    app.fetches.erase(it);
    amp::Response r{status, content_type ? content_type : "", body ? body : ""};
    if (f.owner == Owner::Setup) app.setup->on_response(f.id, r);
    else app.connect.on_response(f.id, r, emscripten_get_now());
    pump();
    wake();
}

// A window 'message' event. Which ones count is the core's call (origin, source, shape).
EMSCRIPTEN_KEEPALIVE void amp_on_message(const char* origin, const char* data_json, int from_popup) {
    app.connect.on_message(origin ? origin : "", data_json ? data_json : "", from_popup != 0, emscripten_get_now());
    pump();
    wake();
}

EMSCRIPTEN_KEEPALIVE void amp_on_popup_closed() {
    app.connect.on_popup_closed(emscripten_get_now());
    pump();
    wake();
}

EMSCRIPTEN_KEEPALIVE void amp_on_resize(int css_w, int css_h, double dpr) {
    if (css_w <= 0 || css_h <= 0) return;
    int w = (int)(css_w * dpr + 0.5), h = (int)(css_h * dpr + 0.5);
    int cw, ch;
    glfwGetWindowSize(app.window, &cw, &ch);
    if (cw != w || ch != h) glfwSetWindowSize(app.window, w, h);
    if ((float)dpr != app.dpr) {
        app.dpr = (float)dpr;
        restyle();
    }
    wake();
}

// kind: 0 click, 1 set text, 2 focus, 3 blur, 4 insert (a paste from the context menu)
EMSCRIPTEN_KEEPALIVE void amp_on_mirror(int kind, unsigned id, const char* text) {
    ui::Mirror& m = ui::mirror();
    if (kind == 2) m.focused = m.scroll_to = id;
    else if (kind == 3) m.focused = m.focused == id ? 0 : m.focused;
    else {
        ui::ActionKind action = kind == 0 ? ui::ActionKind::Click : kind == 1 ? ui::ActionKind::SetText : ui::ActionKind::Insert;
        m.pending.push_back({action, id, text ? text : ""});
    }
    frame(); // a mirror click is a DOM click: its effects must run inside it
    wake();
}

EMSCRIPTEN_KEEPALIVE void amp_on_pointer(int inside) {
    app.pointer_inside = inside != 0;
    wake();
}

EMSCRIPTEN_KEEPALIVE void amp_on_canvas_focus(int focused) {
    ImGui::GetIO().AddFocusEvent(focused != 0);
    // Leaving the canvas must also end text editing there, or typed keys would still land in it.
    if (!focused) {
        ImGui::ClearActiveID();
        ImGui::SetWindowFocus(nullptr);
    }
    wake();
}

EMSCRIPTEN_KEEPALIVE void amp_on_wheel(double dx, double dy) {
    ImGui::GetIO().AddMouseWheelEvent((float)dx, (float)dy);
    wake();
}

EMSCRIPTEN_KEEPALIVE void amp_on_paste(const char* text) {
    app.clipboard = text ? text : "";
    wake();
}

// The browser took the WebGL context away (GPU reset, too many contexts): draw nothing until it is
// back, then rebuild every GL object ImGui's renderer owns (programs, buffers, the font texture).
EMSCRIPTEN_KEEPALIVE void amp_on_context(int restored) {
    app.context_lost = !restored;
    if (restored) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplOpenGL3_Init("#version 300 es"); // the font texture follows on the next frame
        wake();
    }
}

// Live changes from the host's update(): the look only; everything else is fixed at mount.
EMSCRIPTEN_KEEPALIVE void amp_on_options(const char* json) {
    read_look(amp::parse_json(json ? json : "{}"));
    restyle();
    wake();
}

// The host's destroy(): stop drawing, let go of the GL context and the canvas, forget the secrets.
EMSCRIPTEN_KEEPALIVE void amp_on_destroy() {
    emscripten_cancel_main_loop();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwTerminate();
    delete app.setup; // its Secrets wipe themselves
    app.setup = nullptr;
}

EMSCRIPTEN_KEEPALIVE void amp_on_wake() {
    app.wake_at = 0; // the timer that fired is spent: pump() may set the next one
    wake();
}

int main() {
    glfwInit();
    int css_w = 0, css_h = 0;
    double dpr = 1;
    amp_js_init();
    amp_js_canvas_size(&css_w, &css_h, &dpr);
    app.window = glfwCreateWindow((int)(css_w * dpr), (int)(css_h * dpr), "Ampersand Setup", nullptr, nullptr);
    glfwMakeContextCurrent(app.window);
    IMGUI_CHECKVERSION();
    ImGui::SetAllocatorFunctions([](size_t n, void*) { return malloc(n); }, [](void* p, void*) { amp_free_zeroed(p); });
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing is stored, ever
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Under emscripten ImGui cannot tell it runs on a Mac: Cmd shortcuts need this from the page.
    io.ConfigMacOSXBehaviors = amp_js_is_mac() != 0;
    app.setup = make_setup();
    ImGui_ImplGlfw_InitForOpenGL(app.window, true);
    // 1.90.1 listens for the wheel on the whole document; the runtime listens on our canvas instead.
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    // The backend installs GLFW's clipboard, which is a stub on the web: use the page's (after init).
    io.SetClipboardTextFn = [](void*, const char* text) {
        app.clipboard = text;
        amp_js_copy(text);
    };
    io.GetClipboardTextFn = [](void*) { return app.clipboard.c_str(); };
    ImGui_ImplOpenGL3_Init("#version 300 es");
    glfwSetMouseButtonCallback(app.window, on_mouse_button);
    glfwSetKeyCallback(app.window, on_key);
    app.dpr = (float)dpr;
    restyle();
    tell_refs();
    app.setup->start();
    pump();
    emscripten_set_main_loop(frame, 0, false);
    wake();
    return 0;
}

} // extern "C"
