// The seam to the browser. Each amp_js_* function is implemented in web/bridge.js, which hands the
// call to the page-side runtime (web/ampersand-setup.js); each amp_on_* function is called back by it.
#pragma once

extern "C" {
// C++ -> page
void amp_js_init(void);                                   // wires listeners to this instance's canvas
char* amp_js_options(void);                               // the mount options as JSON; free() it
int amp_js_is_mac(void);
char* amp_js_format_time(double epoch_ms);                // in the admin's locale and time zone; free() it
void amp_js_canvas_size(int* css_w, int* css_h, double* dpr);
void amp_js_fetch(int id, const char* method, const char* url, const char* headers_json, const char* body);
void amp_js_emit(const char* event_json);                 // a host event
void amp_js_mirror(const char* nodes_json);               // the accessible mirror, when it changed
void amp_js_open_url(const char* url);                    // a new tab, inside the current gesture
void amp_js_copy(const char* text);                       // the system clipboard, inside the gesture
void amp_js_cursor(int imgui_cursor);
void amp_js_wake_in(int ms);                              // call amp_on_wake after ms
int amp_js_popup_open(void);                              // 1 if a sign-in window opened (call inside a gesture)
void amp_js_popup_navigate(const char* url);
void amp_js_popup_close(void);
void amp_js_popup_focus(void);
void amp_js_content_height(int css_px);                   // what the content needs (the spacer; iframe hosts size to it)
void amp_js_reveal(int top, int bottom);                  // scroll this stretch of the content (CSS px) into view
void amp_js_typing(int typing);                           // a field on the canvas takes the keys that scroll
void amp_js_refs(const char* group_ref, const char* consumer_ref); // what tokens must be bound to
void amp_js_unsaved(int unsaved);                         // typing not yet in Ampersand: guard the page
// The browser's drawings of these code points at px (web/src/glyphs.js); a malloc'd block, free() it.
unsigned char* amp_js_glyphs(const unsigned* code_points, int count, float px, int semibold);
// Decode the image at url into px by px RGBA (web/src/marks.js); the answer comes to amp_on_mark(token, ...).
void amp_js_mark(int token, const char* url, int px);
}
