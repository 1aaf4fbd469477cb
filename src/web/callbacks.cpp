// What the page calls: answers from fetch, sign-in window news, resizes, the mirror, the host's
// live options and destroy(). Each one updates state and asks for a frame.
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include "core/text.h"
#include "ui/mirror.h"
#include "web/app.h"
#include "web/glyphs.h"
#include "web/marks.h"

// Every text from the page becomes well-formed UTF-8 here, once (core/text.h): nothing later can meet
// bytes that JSON serialisation would refuse.
static std::string in(const char* s) {
    return amp::valid_utf8(s ? s : "");
}

extern "C" {

// timed_out: the page gave up at the request deadline (requestTimeoutMs) and aborted it; status is 0.
EMSCRIPTEN_KEEPALIVE void amp_on_response(int fetch, int status, const char* content_type, const char* body,
                                          const char* retry_after, int timed_out) {
    auto it = app.fetches.find(fetch);
    if (it == app.fetches.end()) return;
    InFlight f = it->second;
    app.fetches.erase(it);
    amp::Response r;
    r.status = status;
    r.content_type = in(content_type);
    r.body = in(body);
    note_text(r.body); // display names, error details, guides: characters the atlas may lack
    r.retry_after = in(retry_after);
    r.timed_out = timed_out != 0;
    if (f.owner == Owner::Setup) app.setup->on_response(f.id, r, emscripten_get_now());
    else app.connect.on_response(f.id, r, emscripten_get_now());
    pump();
    wake();
}

// A window 'message' event. Which ones count is the core's call (origin, source, shape).
EMSCRIPTEN_KEEPALIVE void amp_on_message(const char* origin, const char* data_json, int from_popup) {
    std::string data = in(data_json);
    note_text(data);
    app.connect.on_message(in(origin), data, from_popup != 0, emscripten_get_now());
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

// kind: a ui::PageAction (src/ui/mirror.h), the loader's names for the same numbers
EMSCRIPTEN_KEEPALIVE void amp_on_mirror(int kind, unsigned id, const char* text) {
    using ui::PageAction;
    ui::Mirror& m = ui::mirror();
    PageAction action = PageAction(kind);
    if (action == PageAction::Focus) m.focused = id;
    else if (action == PageAction::Blur) m.focused = m.focused == id ? 0 : m.focused;
    else {
        ui::ActionKind k = action == PageAction::Click     ? ui::ActionKind::Click
                           : action == PageAction::SetText ? ui::ActionKind::SetText
                           : action == PageAction::Key     ? ui::ActionKind::Key
                                                           : ui::ActionKind::Insert;
        m.pending.push_back({k, id, in(text)});
        if (k == ui::ActionKind::SetText || k == ui::ActionKind::Insert) note_text(m.pending.back().text, id);
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

// The page (or the host's box) scrolled: the column is drawn at its offset, in CSS pixels, on the one
// frame that needs it (scroll events come once per animation frame at most).
EMSCRIPTEN_KEEPALIVE void amp_on_scroll(double css_y) {
    if ((float)css_y == app.view.scroll_y) return;
    app.view.scroll_y = (float)css_y;
    wake(1);
}

EMSCRIPTEN_KEEPALIVE void amp_on_paste(const char* text) {
    app.clipboard.assign(in(text));
    note_text(app.clipboard.reveal(), ImGui::GetActiveID());
    wake();
}

// The browser took the WebGL context away (GPU reset, too many contexts): draw nothing until it is
// back, then rebuild every GL object ImGui's renderer owns (programs, buffers, the font texture).
EMSCRIPTEN_KEEPALIVE void amp_on_context(int restored) {
    app.context_lost = !restored;
    if (restored) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplOpenGL3_Init("#version 300 es"); // the font texture follows on the next frame
        forget_marks(app.view.marks);                 // and the marks' textures, decoded again
        wake();
    }
}

// Live changes from the host's update(): the look only; everything else is fixed at mount.
EMSCRIPTEN_KEEPALIVE void amp_on_options(const char* json) {
    read_look(amp::parse_json(json ? in(json) : "{}"));
    restyle();
    wake();
}

// The host's destroy(): stop drawing, let go of the GL context and the canvas, forget the secrets, and
// leave nothing pointing at what is gone (the window, ImGui's fonts). The page then zeroes the whole
// memory (web/bridge.js 'destroy').
EMSCRIPTEN_KEEPALIVE void amp_on_destroy() {
    emscripten_cancel_main_loop();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwTerminate();
    app.window = nullptr;
    app.connect.cancel(); // wipes its copy of the credential
    app.setup.reset();    // its Secrets wipe themselves
    app.clipboard.wipe();
    app.ui.mirror.forget();
    app.ui.theme = {};           // its fonts were ImGui's
    app.glyphs.drawings.clear(); // and so were theirs
}

EMSCRIPTEN_KEEPALIVE void amp_on_wake() {
    app.wake_at = 0; // the timer that fired is spent: pump() may set the next one
    wake();
}


} // extern "C"
