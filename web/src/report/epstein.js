// An Epstein run: the paper's two lattice screens at each snapshot (action: active red, quiet
// blue, cops black, jailed hidden; grievance: light to dark), drawn pixel-sharp, and the time
// series of quiet, active, jailed and cops with the outbursts shaded.
import { formatNumber, lineChart } from '../common/charts.js';
import { ACTION_PALETTE, COLOURS, GRIEVANCE_PALETTE, decodeBase64, drawIndexed, grievanceColour } from '../common/palette.js';
import { el, section, table } from './dom.js';

const SIDE = 280; // the screens' largest displayed side

function screen(snap, kind, bytes, palette) {
  const side = Math.max(snap.width, snap.height);
  const scale = Math.max(1, Math.floor(SIDE / side));
  const shown = Math.min(1, SIDE / (side * scale)); // a picture wider than SIDE is shown smaller
  const canvas = el('canvas', {
    class: 'lattice',
    width: snap.width * scale,
    height: snap.height * scale,
    style: `width:${Math.round(snap.width * scale * shown)}px;height:${Math.round(snap.height * scale * shown)}px`,
    'data-screen': kind,
    'aria-label': `${kind} screen at period ${snap.period}`,
  });
  drawIndexed(canvas, snap.width, snap.height, bytes, palette);
  return el('figure', { class: 'screen' }, canvas, el('figcaption', { text: kind === 'action' ? 'action' : 'grievance' }));
}

function legend(items) {
  return el(
    'div',
    { class: 'swatches' },
    items.map(([colour, label]) => el('span', { class: 'swatch' }, el('i', { style: `background:${colour}` }), label)),
  );
}

export function renderEpstein(app, data) {
  const s = data.series || {};
  const period = s.period || (s.active || []).map((_, i) => i + 1);
  const outbursts = data.outbursts || [];

  const snaps = data.snapshots || [];
  // Grievance is shaded against the highest G in the run's snapshots: at L = 0.82 no G exceeds
  // 0.18, and an absolute scale would leave every screen pale.
  const grievances = snaps.map((sn) => decodeBase64(sn.grievance));
  let top = 1;
  for (const g of grievances) for (const v of g) if (v !== 255 && v > top) top = v;
  const grievancePalette = GRIEVANCE_PALETTE.map((_, v) => (v === 255 ? GRIEVANCE_PALETTE[255] : grievanceColour(Math.min(254, Math.round((v * 254) / top)))));
  const screens = section(app, 'The lattice', { 'data-testid': 'lattice' });
  if (!snaps.length) screens.append(el('p', { text: 'The run recorded no snapshots.' }));
  else {
    screens.append(
      legend([
        ['rgb(214,39,40)', 'active'],
        ['rgb(31,119,180)', 'quiet'],
        ['rgb(17,17,17)', 'cop'],
        ['rgb(244,244,244)', 'empty or jailed'],
      ]),
      legend([
        ['rgb(255,247,220)', 'low grievance'],
        ['rgb(240,140,60)', ''],
        ['rgb(90,20,10)', `high grievance (G = ${(top / 254).toFixed(2)}, the highest in these screens)`],
        ['rgb(244,244,244)', 'no citizen'],
      ]),
    );
    const grid = el('div', { class: 'snapshots' });
    snaps.forEach((snap, k) => {
      const at = period.indexOf(snap.period);
      const counts = at >= 0 ? ` · active ${formatNumber(s.active?.[at])}, jailed ${formatNumber(s.jailed?.[at])}` : '';
      const block = snap.block > 1 ? ` · one pixel = ${snap.block}×${snap.block} sites` : '';
      grid.append(
        el(
          'div',
          { class: 'snapshot', 'data-period': snap.period },
          el('h3', { text: `Period ${snap.period}` }),
          el(
            'div',
            { class: 'screens' },
            screen(snap, 'action', decodeBase64(snap.action), ACTION_PALETTE),
            screen(snap, 'grievance', grievances[k], grievancePalette),
          ),
          el('p', { class: 'caption', text: `${snap.width}×${snap.height} pixels${block}${counts}` }),
        ),
      );
    });
    screens.append(grid);
  }

  const series = section(app, 'Time series', { 'data-testid': 'series' });
  const lines = [
    { label: 'quiet', values: s.quiet, colour: COLOURS.quiet },
    { label: 'active', values: s.active, colour: COLOURS.active, width: 2 },
    { label: 'jailed', values: s.jailed, colour: COLOURS.jailed },
  ];
  if (s.cops) lines.push({ label: 'cops', values: s.cops, colour: COLOURS.cops, dash: [4, 3] });
  lineChart(series, {
    name: 'epstein-series',
    title: 'Citizens by state, and cops',
    x: period,
    time: false,
    series: lines,
    axes: { y: 'agents' },
    height: 260,
    shade: outbursts.map((o) => [o.start - 0.5, o.end + 0.5]),
    markers: snaps.map((sn) => ({ x: sn.period, label: `snapshot, period ${sn.period}`, colour: 'rgba(31, 119, 180, 0.6)' })),
  });
  series.append(
    el('p', {
      class: 'caption',
      text: `Shaded: the ${outbursts.length} outburst${outbursts.length === 1 ? '' : 's'}. Dashed blue lines: the snapshots above.`,
    }),
  );

  if (outbursts.length) {
    const body = section(app, 'Outbursts', { 'data-testid': 'outbursts' });
    const rows = outbursts.map((o, i) => [i + 1, o.start, o.end, o.end - o.start + 1, o.peak]);
    body.append(el('div', { class: 'table-scroll short' }, table(['#', 'start', 'end', 'periods', 'peak active'], rows)));
  }
}
