// The live time series: quiet, active and jailed by period, drawn with uPlot. Points go into
// typed ring-style buffers (the last maxPoints kept, compacted in place now and then); the chart
// is redrawn only from render(), which the viewer calls once per animation frame, and only when
// points arrived since the last draw. Active and jailed share the left axis, quiet the right one
// (it is ten to a hundred times larger).
import uPlot from 'uplot';
import { COLOURS } from '../common/palette.js';

const SERIES = [
  { key: 'active', label: 'active', colour: COLOURS.active, scale: 'n' },
  { key: 'jailed', label: 'jailed', colour: COLOURS.jailed, scale: 'n' },
  { key: 'quiet', label: 'quiet', colour: COLOURS.quiet, scale: 'q' },
];

const whole = (u, v) => (v == null ? '–' : Math.round(v).toLocaleString('en'));
/** Axis ticks: 950, 12k, 1.5M. */
function compact(v) {
  const a = Math.abs(v);
  if (a >= 1e9) return `${+(v / 1e9).toPrecision(3)}G`;
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toPrecision(3)}k`;
  return String(+v.toPrecision(4));
}
const ticks = (u, values) => values.map(compact);

/** Creates the chart in container; returns { push(period, counts), reset(), render() -> bool }. */
export function createLiveChart(container, { maxPoints = 2000, height = 220 } = {}) {
  const capacity = 2 * maxPoints;
  const columns = [new Float64Array(capacity), ...SERIES.map(() => new Float64Array(capacity))];
  let start = 0;
  let end = 0;
  let dirty = false;

  const width = () => Math.max(300, Math.floor(container.clientWidth || 600));
  const plot = new uPlot(
    {
      width: width(),
      height,
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, n: { range: (u, lo, hi) => [0, Math.max(1, hi * 1.05)] }, q: { range: (u, lo, hi) => [0, Math.max(1, hi * 1.05)] } },
      axes: [
        { label: 'period' },
        { scale: 'n', label: 'active, jailed', values: ticks, size: 56 },
        { scale: 'q', side: 1, label: 'quiet', grid: { show: false }, values: ticks, size: 56 },
      ],
      series: [
        { label: 'period', value: whole },
        ...SERIES.map((s) => ({ label: s.label, stroke: s.colour, width: 1.5, scale: s.scale, points: { show: false }, value: whole })),
      ],
    },
    columns.map((c) => c.subarray(0, 0)),
    container,
  );

  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(() => {
      const w = width();
      if (w !== plot.width) plot.setSize({ width: w, height });
    }).observe(container);
  }

  /** Appends one period's counts; the same period again replaces it, an earlier one starts afresh. */
  function push(period, counts) {
    if (end > start && period === columns[0][end - 1]) end--;
    else if (end > start && period < columns[0][end - 1]) reset();
    if (end === capacity) {
      for (const c of columns) c.copyWithin(0, end - maxPoints, end);
      start = 0;
      end = maxPoints;
    }
    columns[0][end] = period;
    SERIES.forEach((s, i) => (columns[i + 1][end] = Number(counts?.[s.key]) || 0));
    end++;
    start = Math.max(0, end - maxPoints);
    dirty = true;
  }

  function reset() {
    start = 0;
    end = 0;
    dirty = true;
  }

  /** Redraws if points arrived since the last call; true when it drew. */
  function render() {
    if (!dirty) return false;
    dirty = false;
    plot.setData(columns.map((c) => c.subarray(start, end)));
    return true;
  }

  return { push, reset, render, points: () => end - start, plot };
}
