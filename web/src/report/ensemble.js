// An ensemble or a comparison: the odds table, the map (the median active share over time when
// the store holds per-region series, else the share of runs each region joined) and one card
// per scenario, side by side, with fan charts of the national series and outcome histograms.
import { fanChart, histogram, timeToSeconds } from '../common/charts.js';
import { COLOURS } from '../common/palette.js';
import { el, formatTime, percent, section, table } from './dom.js';
import { mapPanel } from './map-panel.js';

const FANS = [
  ['active', 'active', COLOURS.active],
  ['jailed', 'jailed', COLOURS.jailed],
  ['killed', 'killed, all sides', COLOURS.killed],
  ['sites_held', 'sites held', COLOURS.sites],
];
const OUTCOMES = [
  ['citizens_killed', 'citizens killed'],
  ['security_killed', 'security forces killed'],
  ['detained', 'detained'],
  ['duration_hours', 'duration (hours)'],
  ['regions_joined', 'regions joined'],
  ['attitude', 'attitude at end'],
];
const REGIMES = [
  ['stands', '#4c9a2a'],
  ['contested', '#e6a700'],
  ['fallen', '#b2182b'],
];

function regimeBar(regime, runs) {
  const total = runs || REGIMES.reduce((t, [k]) => t + (regime?.[k] || 0), 0) || 1;
  return el(
    'div',
    { class: 'regime-bar-wrap' },
    el(
      'div',
      { class: 'regime-bar', 'data-testid': 'regime-bar' },
      REGIMES.filter(([k]) => regime?.[k]).map(([k, c]) =>
        el('span', { style: `width:${(100 * regime[k]) / total}%;background:${c}`, title: `${k}: ${regime[k]}` }),
      ),
    ),
    el('div', { class: 'regime-keys' }, REGIMES.map(([k, c]) => el('span', {}, el('i', { style: `background:${c}` }), `${k} ${regime?.[k] ?? 0}`))),
  );
}

function renderMap(body, data, scenarios, state) {
  const withSeries = scenarios.filter((s) => s.region_active_share);
  const pool = withSeries.length ? withSeries : scenarios.filter((s) => s.region_joined_share);
  if (!data.map || !pool.length) {
    body.append(el('p', { class: 'caption', text: 'The store has no map or no per-region results.' }));
    return;
  }
  const box = el('div');
  let panel = null;
  const draw = (s) => {
    box.replaceChildren();
    state.scenario = s.name;
    if (s.region_active_share) {
      const times = s.times || [];
      const last = Math.max(...Object.values(s.region_active_share).map((v) => v.length), 1) - 1;
      const totals = (times.length ? times : [0]).map((_, i) =>
        Object.values(s.region_active_share).reduce((t, v) => t + (v[i] || 0), 0),
      );
      panel = mapPanel(box, {
        geojson: data.map,
        times: times.length ? times : Array.from({ length: last + 1 }, (_, i) => String(i)),
        initial: totals.indexOf(Math.max(...totals)),
        valuesAt: (i) => Object.fromEntries(Object.entries(s.region_active_share).map(([id, v]) => [id, v[i]])),
        onTime: (i) => state.onTime(s.name, i),
        caption: `${s.name}: the median over the runs of each region's active share at the end of the period.`,
      });
    } else {
      panel = mapPanel(box, {
        geojson: data.map,
        times: [],
        valuesAt: () => s.region_joined_share,
        legendLabel: 'share of runs the region joined',
        rankingTitle: 'Regions by share of runs joined',
        caption: `${s.name}: the share of runs in which each region joined the protest.`,
      });
    }
    return panel;
  };
  if (pool.length > 1) {
    const select = el(
      'select',
      { id: 'map-scenario', 'data-testid': 'map-scenario', 'aria-label': 'scenario' },
      pool.map((s) => el('option', { value: s.name, text: s.name })),
    );
    select.addEventListener('change', () => draw(pool.find((s) => s.name === select.value)));
    body.append(el('div', { class: 'region-bar' }, el('label', { for: 'map-scenario', text: 'Scenario ' }), select));
  }
  body.append(box);
  draw(pool[0]);
}

function renderCard(grid, s, shared, state) {
  const card = el('article', { class: 'scenario-card', 'data-scenario': s.name, 'data-testid': 'scenario-card' });
  grid.append(card);
  card.append(el('h3', { text: s.name }), el('p', { class: 'caption', text: `${s.runs ?? '?'} runs` }), regimeBar(s.regime, s.runs));
  const x = (s.times || []).map(timeToSeconds);
  const now = () => (state.scenario === s.name && state.index != null ? x[state.index] : null);
  const fans = el('div', { class: 'fans' });
  card.append(el('h4', { text: 'National series: median, 50 % and 90 % of runs' }), fans);
  for (const [key, title, colour] of FANS) {
    if (!s.fan?.[key]) continue;
    state.charts.push(fanChart(fans, { name: `fan-${key}`, title, x, fan: s.fan[key], colour, yMax: shared.fanMax[key], now }));
  }
  const hists = el('div', { class: 'histograms' });
  card.append(el('h4', { text: 'Outcomes over the runs' }), hists);
  for (const [key, title] of OUTCOMES) {
    if (!s.outcomes?.[key]) continue;
    histogram(hists, { name: `hist-${key}`, title, values: s.outcomes[key], colour: '#4a6fa5', domain: shared.domain[key] });
  }
  const joined = s.region_joined_share;
  if (joined && Object.keys(joined).length) {
    const rows = Object.entries(joined)
      .sort((a, b) => b[1] - a[1])
      .map(([id, v]) => [shared.names[id] || id, percent(v)]);
    card.append(
      el('details', {}, el('summary', { text: 'Share of runs each region joined' }), table(['region', 'joined'], rows)),
    );
  }
}

export function renderEnsemble(app, data) {
  const scenarios = data.scenarios || [];
  const names = Object.fromEntries((data.regions || []).map((r) => [r.id, r.name]));
  if (data.odds?.rows?.length) {
    const body = section(app, data.kind === 'compare' ? 'The odds' : 'Summary', { 'data-testid': 'odds' });
    body.append(el('div', { class: 'table-scroll' }, table(data.odds.columns || [], data.odds.rows, { 'data-testid': 'odds-table' })));
  }

  // Charts of one kind share their scales across the cards, so the cards compare at a glance.
  const fanMax = Object.fromEntries(FANS.map(([k]) => [k, Math.max(0, ...scenarios.flatMap((s) => s.fan?.[k]?.p95 || [0]).filter(Number.isFinite))]));
  const domain = Object.fromEntries(
    OUTCOMES.map(([k]) => {
      const v = scenarios.flatMap((s) => s.outcomes?.[k] || []).filter(Number.isFinite);
      return [k, v.length ? [Math.min(...v), Math.max(...v)] : null];
    }),
  );
  const state = {
    scenario: null,
    index: null,
    charts: [],
    onTime(name, i) {
      state.index = i;
      for (const c of state.charts) c.redraw();
    },
  };
  const mapBody = section(app, 'Where: active share by region', { 'data-testid': 'map-section' });
  renderMap(mapBody, data, scenarios, state);

  const grid = el('div', { class: 'scenario-grid', dataset: { count: scenarios.length } });
  section(app, scenarios.length > 1 ? 'Scenarios side by side' : 'Scenario', { 'data-testid': 'scenarios' }).append(grid);
  for (const s of scenarios) renderCard(grid, s, { fanMax, domain, names }, state);
  if (scenarios[0]?.times?.length) {
    const t = scenarios[0].times;
    app.append(el('p', { class: 'caption', text: `Periods from ${formatTime(t[0])} to ${formatTime(t[t.length - 1])}.` }));
  }
}
