// The widget's entry point: GLFW + WebGL2 + Dear ImGui on this instance's canvas, the host's mount
// options read once, and the main loop started. Frames run only when something changed (frame.cpp),
// and synchronously inside pointer and key events so that gesture-gated browser calls (window.open,
// clipboard) happen inside the gesture.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdlib>

#include "core/messages.h"
#include "core/text.h"
#include "web/app.h"
#include "web/bridge.h"
#include "web/glyphs.h"
#include "web/zeroing_free.h"

namespace {

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

// Typed characters reach ImGui as whole code points (ImGui is built with IMGUI_USE_WCHAR32, src/web.cmake):
// with its default 16-bit ImWchar, or with surrogate halves fed one by one, an emoji became U+FFFD.
void on_char(GLFWwindow*, unsigned int c) {
    char32_t cps[2];
    for (int i = 0, n = app.typed.push(c, cps); i < n; i++) {
        note_typed(cps[i]);
        ImGui::GetIO().AddInputCharacter(cps[i]);
    }
    wake();
}

// A time as the admin reads it: the page formats it (Intl, in the admin's locale and time zone).
std::string format_time(long long epoch_ms) {
    char* raw = amp_js_format_time((double)epoch_ms);
    std::string out = amp::valid_utf8(raw ? raw : "");
    free(raw);
    note_text(out); // a month's name in another script needs its glyphs
    return out;
}

// The admin's language: the catalog the page fetched for it (empty for English, built in). Its text
// joins the glyphs to draw, as any text that enters the widget does.
void use_language(const amp::json& o) {
    std::string locale = amp::str(o, "locale", "en"), text = amp::str(o, "messages");
    amp::Messages m;
    if (!text.empty() && m.load(locale, text)) {
        note_text(text);
        amp::use_messages(std::move(m));
    }
    app.view.format_time = format_time;
}

// The setup the host asked for (its options, and its API key when it passed one).
void make_setup() {
    char* raw = amp_js_options();
    amp::json o = amp::parse_json(amp::valid_utf8(raw ? raw : "{}")); // as the seam does (callbacks.cpp)
    amp_free_zeroed(raw); // it may hold the host's API key
    amp::SetupOptions opt;
    opt.api_base = amp::str(o, "apiBase", amp::kDefaultApiBase);
    opt.ampersand_origin = amp::str(o, "ampersandOrigin");
    opt.project = amp::str(o, "project");
    opt.provider = amp::str(o, "provider"); // none: the picker
    opt.asset_base = amp::str(o, "assetBase");
    opt.group_ref = amp::str(o, "groupRef");
    opt.consumer_ref = amp::str(o, "consumerRef");
    amp::Secret credential;
    std::string key = amp::str(o, "apiKey");
    if (!key.empty()) {
        opt.auth = amp::AuthKind::ApiKey;
        credential.assign(key);
    }
    read_look(o);
    use_language(o);
    opt.locale = amp::messages().locale(); // a guide's translation follows the catalog that loaded
    app.view.environment = amp::str(o, "environment");
    if (amp::str(o, "auth") == "token") opt.auth = amp::AuthKind::HostToken;
    if (amp::str(o, "credentials") == "backend") opt.auth = amp::AuthKind::Backend;
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
    app.setup.emplace(opt, std::move(credential));
}


} // namespace

extern "C" int main() {
    glfwInit();
    amp_js_init(); // after glfwInit: it replaces listeners GLFW adds there
    // The setup first, and its first requests (the provider, the app list) sent now: they are answered
    // while the WebGL context is made and the fonts are built, which take most of main()'s time, so the
    // first frame can already show what they brought (README "Performance"). Nothing here needs ImGui.
    make_setup();
    for (const std::string* s : {&app.setup->project, &app.setup->group_ref, &app.setup->consumer_ref}) note_text(*s);
    tell_refs();
    app.setup->start();
    pump();
    int css_w = 0, css_h = 0;
    double dpr = 1;
    amp_js_canvas_size(&css_w, &css_h, &dpr);
    app.window = glfwCreateWindow((int)(css_w * dpr), (int)(css_h * dpr), "Ampersand Setup", nullptr, nullptr);
    glfwMakeContextCurrent(app.window);
    IMGUI_CHECKVERSION();
    ImGui::SetAllocatorFunctions([](size_t n, void*) { return malloc(n); }, [](void* p, void*) { amp_free_zeroed(p); });
    ImGui::CreateContext();
    ui::set_current_context(&app.ui);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing is stored, ever
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Under emscripten ImGui cannot tell it runs on a Mac: Cmd shortcuts need this from the page.
    io.ConfigMacOSXBehaviors = amp_js_is_mac() != 0;
    ImGui_ImplGlfw_InitForOpenGL(app.window, true);
    // 1.90.1 listens for the wheel on the whole document; the runtime listens on our canvas instead.
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    // The backend installs GLFW's clipboard, which is a stub on the web: use the page's (after init).
    io.SetClipboardTextFn = [](void*, const char* text) {
        app.clipboard.assign(text);
        amp_js_copy(text);
    };
    io.GetClipboardTextFn = [](void*) { return app.clipboard.reveal().c_str(); };
    ImGui_ImplOpenGL3_Init("#version 300 es");
    glfwSetMouseButtonCallback(app.window, on_mouse_button);
    glfwSetKeyCallback(app.window, on_key);
    glfwSetCharCallback(app.window, on_char);
    app.dpr = (float)dpr;
    restyle();
    emscripten_set_main_loop(frame, 0, false);
    wake();
    return 0;
}

