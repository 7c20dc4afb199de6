// A country run: the outcome, the map of the regions' active share with its time slider, the
// national and per-region time series (quiet, active, jailed; killed, sites held) with the
// scenario's events marked, the events and the sites.
import { lineChart, timeToSeconds } from '../common/charts.js';
import { COLOURS } from '../common/palette.js';
import { renderEvents, renderOutcome, renderSites } from './country-tables.js';
import { el, formatTime, percent, section } from './dom.js';
import { mapPanel } from './map-panel.js';

const share = (s, i) => {
  const q = s.quiet?.[i] ?? 0;
  const a = s.active?.[i] ?? 0;
  const j = s.jailed?.[i] ?? 0;
  return q + a + j > 0 ? a / (q + a + j) : 0;
};

const argmax = (values) => values.reduce((best, v, i) => (v > values[best] ? i : best), 0);

// The two panels of a place's series: people (quiet on its own right-hand axis), violence and sites.
function seriesCharts(parent, name, x, s, markers, now) {
  const people = lineChart(parent, {
    name: `${name}-people`,
    title: 'Active and jailed (left), quiet (right)',
    x,
    series: [
      { label: 'active', values: s.active, colour: COLOURS.active, width: 2 },
      { label: 'jailed', values: s.jailed, colour: COLOURS.jailed },
      { label: 'quiet', values: s.quiet, colour: COLOURS.quiet, scale: 'quiet', dash: [5, 3] },
    ],
    axes: { y: 'people', quiet: 'quiet' },
    markers,
    now,
  });
  const violence = lineChart(parent, {
    name: `${name}-violence`,
    title: 'Killed, all sides (left), sites held (right)',
    x,
    series: [
      { label: 'killed', values: s.killed, colour: COLOURS.killed, width: 2 },
      { label: 'sites held', values: s.sites_held, colour: COLOURS.sites, scale: 'sites', step: true },
    ],
    axes: { y: 'killed', sites: 'sites held' },
    integer: ['y', 'sites'],
    height: 180,
    markers,
    now,
  });
  return [people, violence];
}

const eventMarkers = (events, region) =>
  (events || [])
    .filter((e) => region === undefined || e.region == null || e.region === region)
    .map((e) => ({
      x: timeToSeconds(e.time),
      label: `${formatTime(e.time)} · ${e.type}${e.region ? ` (${e.region})` : ''}: ${e.label}`,
      colour: e.region ? 'rgba(148, 103, 189, 0.75)' : 'rgba(60, 60, 60, 0.7)',
    }))
    .filter((m) => Number.isFinite(m.x));

export function renderCountry(app, data) {
  const times = data.times || [];
  const x = times.map(timeToSeconds);
  const regions = [...(data.regions || [])].sort((a, b) => a.name.localeCompare(b.name));
  const byRegion = data.by_region || {};
  const national = data.national || {};
  const names = Object.fromEntries(regions.map((r) => [r.id, r.name]));

  renderOutcome(section(app, 'Outcome', { 'data-testid': 'outcome' }), data.outcome, names);

  // The selected period, shared by the map and the charts' "now" line.
  let now = null;
  const nowX = () => (now == null ? null : x[now]);
  const charts = [];
  const peak = argmax(national.active || [0]);
  let selected = regions.length ? regions[argmax(regions.map((r) => Math.max(0, ...(byRegion[r.id]?.active || [0]))))].id : null;

  const mapBody = section(app, 'Where: active share by region', { 'data-testid': 'map-section' });
  let panel = null;
  if (data.map) {
    panel = mapPanel(mapBody, {
      geojson: data.map,
      times,
      initial: peak,
      valuesAt: (i) => Object.fromEntries(Object.entries(byRegion).map(([id, s]) => [id, share(s, i)])),
      onSelect: (id) => selectRegion(id),
      onTime: (i) => {
        now = i;
        for (const c of charts) c.redraw();
      },
      caption: 'Active share = active / (quiet + active + jailed) in the region at the end of the period. Click a region to see its series below.',
    });
  } else mapBody.append(el('p', { class: 'caption', text: 'The scenario has no map.' }));

  const natBody = section(app, 'National series', { 'data-testid': 'national' });
  const markers = eventMarkers(data.events);
  charts.push(...seriesCharts(natBody, 'national', x, national, markers, nowX));
  natBody.append(el('p', { class: 'caption', text: 'Dashed vertical lines: the scenario’s dated events (hover for the event). Solid line: the map’s time.' }));

  const regBody = section(app, 'Regional series', { 'data-testid': 'regional' });
  const select = el(
    'select',
    { id: 'region-select', 'data-testid': 'region-select', 'aria-label': 'region' },
    regions.map((r) => el('option', { value: r.id, text: r.name })),
  );
  const info = el('span', { class: 'region-info' });
  regBody.append(el('div', { class: 'region-bar' }, el('label', { for: 'region-select', text: 'Region ' }), select, info));
  const regionMarkers = eventMarkers(data.events, selected);
  const empty = { quiet: [], active: [], jailed: [], killed: [], sites_held: [] };
  const regionCharts = seriesCharts(regBody, 'region', x, byRegion[selected] || empty, regionMarkers, nowX);
  charts.push(...regionCharts);

  function selectRegion(id) {
    if (!id || !(id in names)) return;
    selected = id;
    select.value = id;
    panel?.select(id);
    const s = byRegion[id] || empty;
    const r = regions.find((q) => q.id === id);
    const peakShare = Math.max(0, ...x.map((_, i) => share(s, i)));
    info.textContent = `population ${r.population?.toLocaleString('en-US') ?? '–'} · peak active ${Math.max(0, ...(s.active || [0])).toLocaleString('en-US')} · peak active share ${percent(peakShare)}`;
    regionMarkers.splice(0, regionMarkers.length, ...eventMarkers(data.events, id));
    const [people, violence] = regionCharts;
    people.setData([x, s.active, s.jailed, s.quiet]);
    violence.setData([x, s.killed, s.sites_held]);
  }
  select.addEventListener('change', () => selectRegion(select.value));
  if (selected) selectRegion(selected);

  renderEvents(section(app, 'Events', { 'data-testid': 'events' }), data.events, names);
  renderSites(section(app, 'Sites', { 'data-testid': 'sites' }), data.sites, names);
}
