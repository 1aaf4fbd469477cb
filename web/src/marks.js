// Provider marks (src/ui/marks.h): the browser decodes a catalog icon (SVG, PNG or JPEG) and draws it
// into a square of px by px device pixels, which the module uploads as a texture (src/web/marks.cpp).
// The image is requested without credentials or referrer, and its pixels can be read only when its host
// answers with CORS (Access-Control-Allow-Origin); an icon that fails any of this, or that the page's
// Content-Security-Policy (img-src) refuses, stays the provider's initial.
let surface = null;

function draw(img, px) {
  if (!surface) {
    const c = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(px, px) : document.createElement('canvas');
    surface = c.getContext('2d', { willReadFrequently: true });
  }
  const c = surface.canvas;
  if (c.width !== px || c.height !== px) c.width = c.height = px;
  surface.clearRect(0, 0, px, px);
  // Fitted inside the square, centred (an SVG without a size of its own is taken as square).
  const w = img.naturalWidth || px, h = img.naturalHeight || px, k = px / Math.max(w, h);
  surface.drawImage(img, (px - w * k) / 2, (px - h * k) / 2, w * k, h * k);
  return new Uint8Array(surface.getImageData(0, 0, px, px).data.buffer); // throws when the image is cross-origin without CORS
}

// Calls done(pixels) once, with px*px RGBA bytes or null.
export function loadMark(url, px, done) {
  const img = new Image();
  img.crossOrigin = 'anonymous';
  img.referrerPolicy = 'no-referrer';
  img.decoding = 'async';
  img.onload = () => {
    let pixels = null;
    try { pixels = draw(img, px); } catch (e) { /* tainted or undecodable: the initial stays */ }
    done(pixels);
  };
  img.onerror = () => done(null);
  img.src = url;
}
