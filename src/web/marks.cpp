#include "web/marks.h"

#include <GLES3/gl3.h>
#include <emscripten.h>

#include <cstdint>
#include <map>
#include <string>

#include "ui/marks.h"
#include "web/app.h"
#include "web/bridge.h"

namespace {
// An RGBA square as a texture, with mipmaps: the picker draws marks smaller than they were decoded.
ImTextureID texture_of(const unsigned char* rgba, int px) {
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, px, px, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return (ImTextureID)(intptr_t)tex;
}
} // namespace

void ask_for_marks(ui::Marks& marks, int px) {
    MarkRequests& requests = app.mark_requests;
    if (px != requests.decoded_px && requests.decoded_px != 0) { // a new scale: every mark again, at the new size, next frame
        forget_marks(marks);
        wake();
    }
    requests.decoded_px = px;
    for (const std::string& url : marks.take_wanted()) {
        int token = requests.next_token++;
        requests.asked[token] = url;
        amp_js_mark(token, url.c_str(), px);
    }
}

void forget_marks(ui::Marks& marks) {
    for (ImTextureID t : marks.forget()) {
        GLuint tex = (GLuint)(intptr_t)t;
        glDeleteTextures(1, &tex);
    }
    app.mark_requests.asked.clear(); // answers still on their way are dropped
}

// The page's answer: px by px RGBA, or null when the icon could not be had.
extern "C" EMSCRIPTEN_KEEPALIVE void amp_on_mark(int token, int px, const unsigned char* rgba) {
    std::map<int, std::string>& asked = app.mark_requests.asked;
    auto it = asked.find(token);
    if (it == asked.end()) return;
    std::string url = std::move(it->second);
    asked.erase(it);
    if (!rgba || app.context_lost) return; // the initial stays (until a restored context asks again)
    app.view.marks.arrived(url, texture_of(rgba, px));
    wake();
}
