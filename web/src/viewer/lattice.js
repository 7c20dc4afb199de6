// The lattice canvas: draws a frame's palette-indexed image (docs/viewer.md: one byte a pixel,
// 0 empty 1 quiet 2 active 3 cop, base64) with the action screen's colours, scaled up by a whole
// factor to fit about 600 px with image smoothing off. Buffers are reused from frame to frame
// (one ImageData, one offscreen canvas) and the base64 text is decoded straight into pixels, so a
// 512 × 512 frame costs a few milliseconds and no garbage.
import { ACTION_PALETTE } from '../common/palette.js';

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

function packed([r, g, b]) {
  return LITTLE_ENDIAN ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

/** A 256-entry RGBA lookup from pixel value to packed colour (values past the palette: empty). */
export function packedPalette(palette) {
  const table = new Uint32Array(256);
  for (let v = 0; v < 256; v++) table[v] = packed(palette[v] || palette[0]);
  return table;
}

/** Creates the drawer for canvas; returns { draw(lattice) -> bool, clear() }. maxSide: the fit, in CSS pixels. */
export function createLattice(canvas, { maxSide = 600, palette = ACTION_PALETTE } = {}) {
  const colours = packedPalette(palette);
  const off = document.createElement('canvas');
  const offContext = off.getContext('2d');
  const context = canvas.getContext('2d', { alpha: false });
  let image = null;
  let pixels = null;

  function fit(width, height) {
    const scale = Math.max(1, Math.floor(maxSide / Math.max(width, height)));
    const w = width * scale;
    const h = height * scale;
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
  }

  /** Draws a frame's `lattice` object; false when it holds no image. */
  function draw(lattice) {
    const width = lattice?.width | 0;
    const height = lattice?.height | 0;
    if (width <= 0 || height <= 0 || typeof lattice.data !== 'string') return false;
    if (!image || image.width !== width || image.height !== height) {
      image = new ImageData(width, height);
      pixels = new Uint32Array(image.data.buffer);
      off.width = width;
      off.height = height;
    }
    const binary = atob(lattice.data);
    const n = Math.min(binary.length, width * height);
    for (let i = 0; i < n; i++) pixels[i] = colours[binary.charCodeAt(i)];
    if (n < pixels.length) pixels.fill(colours[0], n);
    offContext.putImageData(image, 0, 0);
    fit(width, height);
    context.imageSmoothingEnabled = false;
    context.drawImage(off, 0, 0, canvas.width, canvas.height);
    canvas.dataset.width = String(width);
    canvas.dataset.height = String(height);
    canvas.dataset.block = String(lattice.block ?? 1);
    canvas.dataset.region = lattice.region ?? '';
    return true;
  }

  function clear() {
    context.fillStyle = '#f4f4f4';
    context.fillRect(0, 0, canvas.width, canvas.height);
  }

  return { draw, clear };
}
