// Colours shared by the report and the live viewer: the lattice palettes of Epstein's screens
// (action: active red, quiet blue, cops black; grievance: light to dark), the sequential scale of
// the active share used by the maps, and the drawing of palette-indexed images onto a canvas.

export const COLOURS = {
  quiet: '#1f77b4',
  active: '#d62728',
  jailed: '#7f7f7f',
  killed: '#111111',
  sites: '#9467bd',
  cops: '#111111',
  detained: '#ff7f0e',
  empty: '#f4f4f4',
};

const EMPTY = [244, 244, 244];

/** RGB triples indexed by the pixel value of an action screen: 0 empty, 1 quiet, 2 active, 3 cop. */
export const ACTION_PALETTE = [EMPTY, [31, 119, 180], [214, 39, 40], [17, 17, 17]];

/** Decodes base64 text into bytes. */
export function decodeBase64(text) {
  const binary = atob(text || '');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Draws a palette-indexed image (bytes.length = width*height, row-major) onto the canvas, scaled
 * to the canvas's size with image smoothing off. Values past the palette's end are drawn empty.
 */
export function drawIndexed(canvas, width, height, bytes, palette) {
  const image = new ImageData(width, height);
  const px = image.data;
  const n = Math.min(bytes.length, width * height);
  for (let i = 0; i < n; i++) {
    const rgb = palette[bytes[i]] || EMPTY;
    px[4 * i] = rgb[0];
    px[4 * i + 1] = rgb[1];
    px[4 * i + 2] = rgb[2];
    px[4 * i + 3] = 255;
  }
  const off = document.createElement('canvas');
  off.width = width;
  off.height = height;
  off.getContext('2d').putImageData(image, 0, 0);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = false;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}

const mix = (a, b, t) => a.map((x, i) => Math.round(x + (b[i] - x) * t));

/** Grievance shade: v in 0..254 (G×254) from light to dark; 255 (no citizen) is the empty colour. */
export function grievanceColour(v) {
  if (v >= 255) return EMPTY;
  const t = Math.max(0, v) / 254;
  // light sand to dark brown-red, through orange
  return t < 0.5
    ? mix([255, 247, 220], [240, 140, 60], t / 0.5)
    : mix([240, 140, 60], [90, 20, 10], (t - 0.5) / 0.5);
}

export const GRIEVANCE_PALETTE = Array.from({ length: 256 }, (_, v) => grievanceColour(v));

const SHARE_STOPS = [
  [0.0, [247, 244, 240]],
  [0.15, [253, 208, 162]],
  [0.35, [253, 141, 60]],
  [0.6, [217, 72, 1]],
  [1.0, [127, 39, 4]],
];

/**
 * Active share x in [0,1] to a CSS colour on a sequential scale. The scale runs on sqrt(x) so that
 * shares of a few per cent already stand out from zero. Missing values (null, NaN) are grey.
 */
export function shareColour(x) {
  if (x == null || Number.isNaN(x)) return '#d9d9d9';
  const t = Math.sqrt(Math.min(1, Math.max(0, x)));
  let i = 1;
  while (i < SHARE_STOPS.length - 1 && t > SHARE_STOPS[i][0]) i++;
  const [t0, c0] = SHARE_STOPS[i - 1];
  const [t1, c1] = SHARE_STOPS[i];
  const [r, g, b] = mix(c0, c1, (t - t0) / (t1 - t0));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The ticks of the share legend: values spread evenly on the sqrt scale. */
export const SHARE_TICKS = [0, 0.01, 0.05, 0.25, 0.5, 1];

/**
 * A legend for shareColour: a gradient bar with ticks, as a DOM element.
 * options.label is the caption (default "active share").
 */
export function shareLegend(options = {}) {
  const root = document.createElement('div');
  root.className = 'share-legend';
  const caption = document.createElement('span');
  caption.className = 'share-legend-label';
  caption.textContent = options.label || 'active share';
  const bar = document.createElement('div');
  bar.className = 'share-legend-bar';
  const stops = [];
  for (let k = 0; k <= 20; k++) stops.push(`${shareColour((k / 20) ** 2)} ${k * 5}%`);
  bar.style.background = `linear-gradient(to right, ${stops.join(', ')})`;
  bar.style.position = 'relative';
  bar.style.height = '10px';
  bar.style.minWidth = '180px';
  const ticks = document.createElement('div');
  ticks.className = 'share-legend-ticks';
  ticks.style.position = 'relative';
  ticks.style.height = '1.2em';
  for (const v of SHARE_TICKS) {
    const tick = document.createElement('span');
    tick.textContent = v === 0 ? '0' : `${Math.round(v * 100)}%`;
    tick.style.position = 'absolute';
    tick.style.left = `${Math.sqrt(v) * 100}%`;
    tick.style.transform = 'translateX(-50%)';
    tick.style.fontSize = '11px';
    ticks.appendChild(tick);
  }
  const scale = document.createElement('div');
  scale.className = 'share-legend-scale';
  scale.append(bar, ticks);
  root.append(caption, scale);
  return root;
}
