// A country run's tables: the outcome as key figures, the scenario's events and the sites.
import { el, formatCell, formatTime, table } from './dom.js';

const FIGURES = [
  ['peak_active', 'peak active'],
  ['peak_at', 'peak at', formatTime],
  ['regions_joined', 'regions joined'],
  ['duration_hours', 'duration (hours)'],
  ['first_active_at', 'first active', formatTime],
  ['last_active_at', 'last active', formatTime],
  ['detained', 'detained'],
  ['citizens_killed', 'citizens killed'],
  ['police_killed', 'police killed'],
  ['troops_killed', 'troops killed'],
  ['deserted', 'deserted'],
  ['legitimacy', 'legitimacy at end'],
  ['attitude', 'attitude at end'],
  ['home_support', 'home support'],
];

export function renderOutcome(body, outcome, names) {
  if (!outcome) {
    body.append(el('p', { text: 'No outcome recorded.' }));
    return;
  }
  const regime = outcome.regime || 'unknown';
  body.append(
    el(
      'div',
      { class: 'regime' },
      el('span', { class: `regime-badge regime-${regime}`, 'data-testid': 'regime', text: `regime ${regime}` }),
      outcome.reason ? el('span', { class: 'regime-reason', text: outcome.reason }) : null,
    ),
  );
  const known = new Set(['regime', 'reason', ...FIGURES.map((f) => f[0])]);
  const figures = [
    ...FIGURES.filter(([k]) => k in outcome).map(([k, label, fmt]) => [label, fmt ? fmt(outcome[k]) : outcome[k]]),
    ...Object.entries(outcome)
      .filter(([k, v]) => !known.has(k) && (typeof v !== 'object' || v === null))
      .map(([k, v]) => [k.replaceAll('_', ' '), v]),
  ];
  body.append(
    el(
      'dl',
      { class: 'figures' },
      figures.map(([label, v]) => el('div', { class: 'figure' }, el('dt', { text: label }), el('dd', {}, formatCell(v)))),
    ),
  );
}

export function renderEvents(body, events, names) {
  if (!events?.length) {
    body.append(el('p', { text: 'The scenario has no dated events.' }));
    return;
  }
  const rows = events.map((e) => [formatTime(e.time), e.type, e.region ? names[e.region] || e.region : 'national', e.label]);
  body.append(el('div', { class: 'table-scroll' }, table(['time', 'event', 'where', 'what'], rows, { 'data-testid': 'events-table' })));
}

export function renderSites(body, sites, names) {
  if (!sites?.length) {
    body.append(el('p', { text: 'The scenario has no strategic sites.' }));
    return;
  }
  const rows = [...sites]
    .sort((a, b) => (b.hours_held || 0) - (a.hours_held || 0) || (b.times_seized || 0) - (a.times_seized || 0))
    .map((s) => [s.site, names[s.region] || s.region, s.times_seized, formatTime(s.first_seized_at), s.hours_held, s.held_at_end ? 'held' : '']);
  body.append(
    el(
      'div',
      { class: 'table-scroll' },
      table(['site', 'region', 'times seized', 'first seized', 'hours held', 'at end'], rows, { 'data-testid': 'sites-table' }),
    ),
  );
}
