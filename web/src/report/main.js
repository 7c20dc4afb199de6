// The report's entry point: reads the data `unrest report` inlined as
// <script type="application/json" id="unrest-data"> (docs/report.md) and builds the page in #app.
import 'uplot/dist/uPlot.min.css';
import './report.css';
import { renderCountry } from './country.js';
import { el } from './dom.js';
import { renderEnsemble } from './ensemble.js';
import { renderEpstein } from './epstein.js';
import { renderHeader } from './header.js';

const RENDERERS = {
  'country-run': renderCountry,
  'epstein-run': renderEpstein,
  ensemble: renderEnsemble,
  compare: renderEnsemble,
};

function main() {
  const app = document.getElementById('app') || document.body.appendChild(el('div', { id: 'app' }));
  const source = document.getElementById('unrest-data');
  let data;
  try {
    data = JSON.parse(source?.textContent || 'null');
  } catch (e) {
    app.append(el('p', { class: 'error', text: `The report's data could not be read: ${e.message}` }));
    throw e;
  }
  if (!data) {
    app.append(el('p', { class: 'error', text: 'The report holds no data.' }));
    return;
  }
  app.dataset.kind = data.kind;
  renderHeader(app, data);
  const render = RENDERERS[data.kind];
  if (!render) {
    app.append(el('p', { class: 'error', text: `Unknown kind of results: ${data.kind}` }));
    return;
  }
  render(app, data);
  app.append(el('footer', { class: 'report-footer', text: 'Made by unrest report · everything on this page is inline; it works offline.' }));
  app.dataset.ready = 'true';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();
