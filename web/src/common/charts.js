// uPlot helpers shared by the report (and usable by the viewer): time series with dated event
// markers, shaded intervals and a movable "now" line; fan charts (median, 50 % and 90 % bands);
// histograms. Each chart lives in <figure class="chart" data-chart=NAME data-series=N>, where N
// is the number of plotted series (uPlot's series less the x axis): the tests count on it.
import uPlot from 'uplot';
import { markersPlugin, nowPlugin, shadingPlugin } from './chart-plugins.js';

const charts = new Set();
let resizeQueued = false;
// One window listener resizes every chart to its container (no ResizeObserver loops).
function resizeAll() {
  resizeQueued = false;
  for (const c of charts) {
    if (!c.plot.isConnected) continue;
    const w = plotWidth(c.plot);
    if (w !== c.u.width) c.u.setSize({ width: w, height: c.u.height });
  }
}
if (typeof window !== 'undefined') {
  window.addEventListener('resize', () => {
    if (!resizeQueued) requestAnimationFrame(resizeAll);
    resizeQueued = true;
  });
}
// Axis ticks: large values compact ("37.6k"), small ones with the decimals their step needs.
function ticks(u, splits, axisIdx, space, incr) {
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(incr || 1))));
  return splits.map((v) => (Math.abs(v) >= 1e4 ? formatNumber(v) : v.toLocaleString('en-US', { maximumFractionDigits: decimals })));
}
const plotWidth = (el) => Math.max(160, Math.floor(el.clientWidth || 480));

/** "2022-01-01T01:00" (the scenario's local time, no zone) → seconds, read as UTC. */
export function timeToSeconds(t) {
  const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(t);
  return Date.parse(zoned ? t : `${t}Z`) / 1000;
}
const utc = (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// Time ticks as "2 Jan", or "14:00" (with the day under the first tick and at midnight) when zoomed in.
function timeTicks(u, splits, axisIdx, space, incr) {
  return splits.map((s, i) => {
    const d = new Date(s * 1e3);
    const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
    if (incr >= 86400) return day;
    const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    return i === 0 || hm === '00:00' ? `${hm}\n${day}` : hm;
  });
}
// The legend's time: "3 Jan 2022 02:00".
function stamp(u, v) {
  if (v == null) return '–';
  const d = new Date(v * 1e3);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hm}`;
}
const INTEGER_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7];

/** Compact number: 18 880 000 → "18.9M", 37 600 → "37.6k", 0.347 → "0.347". */
export function formatNumber(v) {
  if (v == null || Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(a >= 1e7 ? 1 : 2)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toFixed(1)}k`;
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return `${+v.toPrecision(3)}`;
}

function figure(parent, name, title, nSeries) {
  const fig = document.createElement('figure');
  fig.className = 'chart';
  fig.dataset.chart = name;
  fig.dataset.series = String(nSeries);
  if (title) {
    const cap = document.createElement('figcaption');
    cap.textContent = title;
    fig.appendChild(cap);
  }
  const plot = document.createElement('div');
  plot.className = 'chart-plot';
  fig.appendChild(plot);
  parent.appendChild(fig);
  return { fig, plot };
}

function make(parent, name, title, opts, data) {
  const nSeries = opts.series.length - 1;
  const { fig, plot } = figure(parent, name, title, nSeries);
  const u = new uPlot({ ...opts, width: plotWidth(plot) }, data, plot);
  const entry = { u, plot };
  charts.add(entry);
  return {
    element: fig,
    uplot: u,
    redraw: () => u.redraw(false, false),
    setData: (d) => u.setData(d),
    destroy: () => {
      charts.delete(entry);
      u.destroy();
      fig.remove();
    },
  };
}

/**
 * A line chart. spec: { name, title, x: [x values], time: true (x in seconds) | false,
 *   series: [{ label, values, colour, scale ('y' default, or another y scale's name), dash, step }],
 *   axes: { y: label, [scale]: label for a right-hand axis }, integer: [scales with integer ticks], height,
 *   markers: [{ x, label, colour }], shade: [[x0, x1]], shadeColour, now: () => x | null }.
 */
export function lineChart(parent, spec) {
  const time = spec.time !== false;
  const scales = { x: { time } };
  const axes = [time ? { space: 60, values: timeTicks } : { space: 60 }];
  const scaleNames = [...new Set(spec.series.map((s) => s.scale || 'y'))];
  scaleNames.forEach((sc, i) => {
    scales[sc] = { auto: true, range: (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.05 : 1] };
    axes.push({
      scale: sc,
      side: i === 0 ? 3 : 1,
      label: spec.axes?.[sc],
      labelSize: spec.axes?.[sc] ? 18 : 0,
      size: 54,
      grid: { show: i === 0 },
      values: ticks,
      ...(spec.integer?.includes(sc) ? { incrs: INTEGER_INCRS } : {}),
    });
  });
  const series = [
    time ? { label: 'time', value: stamp } : { label: spec.xLabel || 'period', value: (u, v) => (v == null ? '–' : String(v)) },
    ...spec.series.map((s) => ({
      label: s.label,
      scale: s.scale || 'y',
      stroke: s.colour,
      width: s.width || 1.5,
      dash: s.dash,
      paths: s.step ? uPlot.paths.stepped({ align: 1 }) : undefined,
      points: { show: false },
      value: (u, v) => formatNumber(v),
    })),
  ];
  const plugins = [];
  if (spec.shade?.length) plugins.push(shadingPlugin(spec.shade, spec.shadeColour || 'rgba(214, 39, 40, 0.10)'));
  if (spec.markers?.length) plugins.push(markersPlugin(spec.markers));
  if (spec.now) plugins.push(nowPlugin(spec.now));
  const opts = {
    height: spec.height || 220,
    scales,
    axes,
    series,
    plugins,
    legend: { live: true },
    cursor: { drag: { x: true, y: false } },
    ...(time ? { tzDate: utc } : {}),
  };
  return make(parent, spec.name, spec.title, opts, [spec.x, ...spec.series.map((s) => s.values)]);
}

/**
 * A fan chart: the median as a line over its 50 % and 90 % bands. spec: { name, title, x (seconds),
 * fan: { p05, p25, p50, p75, p95 }, colour (CSS rgb(...) or #rrggbb), height, markers, now,
 * yMax (the least top of the y axis, to share it between charts) }.
 */
export function fanChart(parent, spec) {
  const c = spec.colour || '#d62728';
  const alpha = (a) => withAlpha(c, a);
  const q = spec.fan || {};
  const band = (label) => ({ label, stroke: alpha(0.35), width: 0.5, points: { show: false }, value: (u, v) => formatNumber(v) });
  const series = [
    { label: 'time', value: stamp },
    band('95th'),
    band('75th'),
    { label: 'median', stroke: c, width: 2, points: { show: false }, value: (u, v) => formatNumber(v) },
    band('25th'),
    band('5th'),
  ];
  const plugins = [];
  if (spec.markers?.length) plugins.push(markersPlugin(spec.markers));
  if (spec.now) plugins.push(nowPlugin(spec.now));
  const opts = {
    height: spec.height || 170,
    tzDate: utc,
    scales: {
      x: { time: true },
      y: { range: (u, min, max) => [Math.min(0, min), Math.max(max, spec.yMax || 0) * 1.05 || 1] },
    },
    axes: [{ space: 60, values: timeTicks }, { size: 50, values: ticks }],
    series,
    bands: [
      { series: [1, 5], fill: alpha(0.15) },
      { series: [2, 4], fill: alpha(0.3) },
    ],
    plugins,
    legend: { live: true },
  };
  const data = [spec.x, q.p95, q.p75, q.p50, q.p25, q.p05].map((a) => a || spec.x.map(() => null));
  return make(parent, spec.name, spec.title, opts, data);
}

function withAlpha(colour, a) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (m) return `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${a})`;
  const r = /^rgb\((.*)\)$/.exec(colour);
  return r ? `rgba(${r[1]}, ${a})` : colour;
}

/** Bins values into at most maxBins equal bins (integers get integer-aligned bins). */
export function binValues(values, maxBins = 12, domain = null) {
  const v = values.filter((x) => x != null && Number.isFinite(x));
  if (!v.length && !domain) return { centres: [0], counts: [0], width: 1 };
  let lo = Math.min(...v, ...(domain ? [domain[0]] : []));
  let hi = Math.max(...v, ...(domain ? [domain[1]] : []));
  const integers = v.every(Number.isInteger) && (!domain || domain.every(Number.isInteger));
  let width;
  if (hi === lo) width = integers ? 1 : Math.abs(lo) * 0.1 || 0.1;
  else {
    width = (hi - lo) / Math.min(maxBins, Math.max(4, Math.ceil(Math.sqrt(v.length)) + 1));
    if (integers) width = Math.max(1, Math.ceil(width));
  }
  const pad = integers ? 0.5 : hi === lo ? width / 2 : 0;
  lo -= pad;
  hi += pad;
  const n = Math.max(1, Math.ceil((hi - lo) / width - 1e-9));
  const counts = new Array(n).fill(0);
  for (const x of v) counts[Math.min(n - 1, Math.floor((x - lo) / width))]++;
  const centres = counts.map((_, i) => lo + (i + 0.5) * width);
  return { centres, counts, width };
}

/**
 * A histogram of values with uPlot's bars. spec: { name, title, values, colour, height, xLabel,
 * domain: [lo, hi] to share bins between histograms }.
 */
export function histogram(parent, spec) {
  const { centres, counts, width } = binValues(spec.values || [], 12, spec.domain);
  const c = spec.colour || '#555';
  const integers = width >= 1 && Number.isInteger(width) && centres.every(Number.isInteger);
  const opts = {
    height: spec.height || 130,
    scales: {
      x: { time: false, range: () => [centres[0] - width / 2, centres[centres.length - 1] + width / 2] },
      y: { range: (u, min, max) => [0, Math.max(1, max)] },
    },
    axes: [
      { space: 40, size: 30, values: ticks, label: spec.xLabel, labelSize: spec.xLabel ? 14 : 0, ...(integers ? { incrs: INTEGER_INCRS } : {}) },
      { size: 32, space: 20, values: ticks, incrs: INTEGER_INCRS },
    ],
    series: [
      { label: spec.xLabel || 'value', value: (u, v) => formatNumber(v) },
      { label: 'runs', fill: withAlpha(c, 0.6), stroke: c, width: 1, paths: uPlot.paths.bars({ size: [0.92, Infinity], align: 0 }), points: { show: false } },
    ],
    legend: { show: false },
    cursor: { show: false },
  };
  return make(parent, spec.name, spec.title, opts, [centres, counts]);
}
