// Glyphs the module's embedded font lacks (it covers Latin-1): the browser draws them from its own fonts,
// one at a time on a 2D canvas at the atlas's pixel size, and hands over their coverage, which the module
// adds to ImGui's font atlas (src/web/glyphs.cpp reads what drawGlyphs packs). The module asks only for
// characters that text brought in, so an English session never gets here.
const FAMILY = 'Roboto, "Noto Sans", "Segoe UI", system-ui, sans-serif'; // Roboto first: the embedded face
// A code point no font has (plane 16 private use): what the browser draws for it is its "no glyph" mark,
// and a character drawn the same way stays ImGui's fallback instead.
const NO_GLYPH = String.fromCodePoint(0x10FFFD);

let surface = null;

function context(w, h) {
  if (!surface) {
    const c = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(64, 64) : document.createElement('canvas');
    surface = c.getContext('2d', { willReadFrequently: true }); // read back on the CPU, not from the GPU
  }
  const c = surface.canvas;
  if (c.width < w || c.height < h) { // resizing resets the context's state, so the font is set after
    c.width = Math.max(c.width, w);
    c.height = Math.max(c.height, h);
  }
  return surface;
}

// One character: its advance, the offset of its bitmap's top-left corner from the pen on the baseline,
// and its coverage. Colour glyphs (emoji) become monochrome: light colours count as less ink, so their
// inner shapes stay visible.
function drawOne(text, font) {
  let ctx = context(1, 1);
  ctx.font = font;
  const m = ctx.measureText(text);
  const left = Math.max(0, Math.ceil(m.actualBoundingBoxLeft)) + 1, top = Math.max(0, Math.ceil(m.actualBoundingBoxAscent)) + 1;
  const w = left + Math.max(0, Math.ceil(m.actualBoundingBoxRight)) + 1;
  const h = top + Math.max(0, Math.ceil(m.actualBoundingBoxDescent)) + 1;
  ctx = context(w, h);
  ctx.font = font;
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = '#000';
  ctx.fillText(text, left, top);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const alpha = new Uint8Array(w * h);
  for (let i = 0; i < alpha.length; i++) {
    const r = rgba[4 * i], g = rgba[4 * i + 1], b = rgba[4 * i + 2], a = rgba[4 * i + 3];
    const light = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    alpha[i] = Math.round(a * (1 - 0.6 * light));
  }
  return { advance: m.width, x: -left, y: -top, w, h, alpha };
}

const same = (a, b) => a.w === b.w && a.h === b.h && a.advance === b.advance && a.alpha.every((v, i) => v === b.alpha[i]);

// codePoints: numbers; px: the em in pixels (that of the embedded face in the atlas). Packed per glyph: float32 advance (-1: the browser has
// no glyph for it), int32 x, y, w, h, then w*h coverage bytes padded to a multiple of 4, little-endian.
export function drawGlyphs(codePoints, px, semibold) {
  const font = (semibold ? '600 ' : '400 ') + px + 'px ' + FAMILY;
  const none = drawOne(NO_GLYPH, font);
  const glyphs = codePoints.map((cp) => {
    const g = drawOne(String.fromCodePoint(cp), font);
    return same(g, none) ? null : g;
  });
  const size = glyphs.reduce((n, g) => n + 20 + (g ? (g.alpha.length + 3) & ~3 : 0), 0);
  const bytes = new Uint8Array(size), view = new DataView(bytes.buffer);
  let at = 0;
  for (const g of glyphs) {
    view.setFloat32(at, g ? g.advance : -1, true);
    if (g) {
      [g.x, g.y, g.w, g.h].forEach((v, i) => view.setInt32(at + 4 + 4 * i, v, true));
      bytes.set(g.alpha, at + 20);
    }
    at += 20 + (g ? (g.alpha.length + 3) & ~3 : 0);
  }
  return bytes;
}
