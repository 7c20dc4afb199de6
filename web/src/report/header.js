// The report's header: title, kind and the provenance line (version, commit, scenario, its
// SHA-256, seed, source), so a printed report says what produced it.
import { el } from './dom.js';

const KIND = {
  'country-run': 'Country run',
  'epstein-run': 'Epstein run',
  ensemble: 'Ensemble',
  compare: 'Comparison',
};

export function renderHeader(parent, data) {
  const p = data.provenance || {};
  const bits = [
    p.version && ['unrest', p.version],
    p.git_commit && ['commit', String(p.git_commit).slice(0, 12)],
    p.scenario && ['scenario', p.scenario],
    p.sha256 && ['sha256', String(p.sha256).slice(0, 12)],
    p.seed != null && ['seed', p.seed],
    p.source && ['source', p.source],
  ].filter(Boolean);
  parent.append(
    el(
      'header',
      { class: 'report-header' },
      el('div', { class: 'kind', text: KIND[data.kind] || data.kind || 'Report' }),
      el('h1', { text: data.title || 'unrest report' }),
      el(
        'p',
        { class: 'provenance', 'data-testid': 'provenance' },
        bits.map(([k, v]) => el('span', { class: 'prov-item', title: k === 'sha256' ? p.sha256 : null }, el('b', { text: k }), ` ${v}`)),
      ),
    ),
  );
}
