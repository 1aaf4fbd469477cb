// Served files as a CDN serves them: compressed once per content and kept. httplib would compress every
// answer again, a brotli at quality 11 of the module's glue on each load, which held the widget's start
// back on a busy machine, and never the wasm, which every real host does.
#include "sandbox/origins.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <string_view>

namespace amp::sandbox {

namespace {

bool compressible(std::string_view type) {
    return type.starts_with("text/") || type == "application/json" || type == "application/wasm" || type == "image/svg+xml";
}

// What the request accepts, best first: "br" or "gzip", or "" for the file as it is.
std::string_view pick(const httplib::Request& req) {
    const std::string accepted = req.get_header_value("Accept-Encoding");
    if (accepted.find("br") != std::string::npos) return "br";
    if (accepted.find("gzip") != std::string::npos) return "gzip";
    return "";
}

// Fast levels: the first load after a start or a rebuild waits for them (brotli's best took seconds for the
// wasm on a busy machine), and over loopback a few percent more bytes cost nothing. ./dev bench counts the
// download at the best levels from the files themselves.
namespace quality {
constexpr int brotli = 5;
constexpr int gzip = 6;
} // namespace quality

std::string brotli(const std::string& in) {
    std::string out(BrotliEncoderMaxCompressedSize(in.size()), '\0');
    size_t size = out.size();
    if (!BrotliEncoderCompress(quality::brotli, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, in.size(),
                               reinterpret_cast<const uint8_t*>(in.data()), &size, reinterpret_cast<uint8_t*>(out.data())))
        return {};
    out.resize(size);
    return out;
}

std::string gzip(const std::string& in) {
    z_stream z{};
    if (deflateInit2(&z, quality::gzip, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&z, in.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    bool done = deflate(&z, Z_FINISH) == Z_STREAM_END;
    out.resize(z.total_out);
    deflateEnd(&z);
    return done ? out : std::string{};
}

} // namespace

void CompressedFiles::apply(const httplib::Request& req, httplib::Response& res) {
    std::string type = res.get_header_value("Content-Type");
    if (!compressible(type) || res.body.empty()) return;
    res.set_header("Vary", "Accept-Encoding");
    std::string_view encoding = pick(req);
    if (encoding.empty()) return;
    std::shared_ptr<const std::string> encoded;
    {
        std::lock_guard lock(mutex_);
        Entry& e = by_path_[req.path + '\n' + std::string(encoding)];
        if (!e.encoded || e.source != res.body) { // a rebuild while the sandbox runs changes the file
            e.source = res.body;
            e.encoded = std::make_shared<const std::string>(encoding == "br" ? brotli(res.body) : gzip(res.body));
        }
        encoded = e.encoded;
    }
    if (encoded->empty()) return; // the encoder failed: the file as it is
    // A provider with a length is the one answer httplib sends without compressing it again.
    res.body.clear();
    res.headers.erase("Content-Type"); // set_content_provider adds it again, and two fail the wasm's type check
    res.set_header("Content-Encoding", std::string(encoding));
    res.set_content_provider(encoded->size(), type, [encoded](size_t offset, size_t length, httplib::DataSink& sink) {
        return sink.write(encoded->data() + offset, std::min(length, encoded->size() - offset));
    });
}

} // namespace amp::sandbox
