// The live viewer's page (served by `unrest serve`, docs/viewer.md): the scenario picker and its
// parameter panel, Setup / Play / Pause / Step, and the stream's frames drawn on the lattice
// canvas, the counters, the live time series and (country scenarios) the map. Frames are drawn in
// requestAnimationFrame, newest only; window.__viewerStats counts frames received and drawn and
// animation-frame ticks, and `fps` is the rolling rate of frames drawn over the last second.
import 'uplot/dist/uPlot.min.css';
import './viewer.css';
import { getJSON, postJSON } from './api.js';
import { createControls } from './controls.js';
import { createCountryView } from './country.js';
import { createLattice } from './lattice.js';
import { createLiveChart } from './live_chart.js';
import { connectStream } from './stream.js';
import { createStats } from './stats.js';

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const ui = {
  scenario: $('scenario'),
  description: $('description'),
  setup: $('setup'),
  play: $('play'),
  pause: $('pause'),
  step: $('step'),
  period: $('period'),
  periods: $('periods'),
  time: $('time'),
  active: $('active'),
  fps: $('fps'),
  connection: $('connection'),
  error: $('error'),
  status: $('status'),
};

const controls = createControls($('controls'));
const lattice = createLattice($('lattice'));
const chart = createLiveChart($('chart'));
const stats = createStats(ui.fps);
const country = createCountryView(
  { root: $('country'), select: $('region'), mapBox: $('map') },
  { onView: (region) => command('/api/view', { region }) },
);

let state = null; // the latest `state` from the stream
let shownPeriod = -1; // the period on the counter
let lastFramePeriod = -1; // the period of the latest frame received
let pendingFrame = null; // the newest frame not drawn yet
let busy = false;

function showError(message) {
  ui.error.textContent = message;
  ui.error.hidden = !message;
}

/** Enables the buttons that make sense now. */
function updateButtons() {
  const ready = Boolean(state?.scenario);
  const playing = Boolean(state?.playing);
  const done = ready && state.periods > 0 && state.period >= state.periods;
  ui.setup.disabled = busy;
  ui.play.disabled = busy || !ready || playing || done;
  ui.pause.disabled = busy || !playing;
  ui.step.disabled = busy || !ready || playing || done;
  ui.status.textContent = !ready ? 'not set up' : playing ? 'playing' : done ? 'finished' : 'paused';
  document.body.dataset.playing = String(playing);
}

/** POSTs a command; a refusal (400, 409) shows its message. Resolves to the answer or null. */
async function command(path, body) {
  try {
    const answer = await postJSON(path, body);
    showError('');
    return answer;
  } catch (error) {
    showError(error.status ? `${error.message} (${error.status})` : `The server did not answer: ${error.message}`);
    return null;
  }
}

async function withBusy(run) {
  busy = true;
  updateButtons();
  try {
    return await run();
  } finally {
    busy = false;
    updateButtons();
  }
}

function setPeriod(period) {
  shownPeriod = period;
  ui.period.textContent = String(period);
}

/** A new simulation (a setup here or in another tab): the series, lattice and counters start over. */
function startOver() {
  pendingFrame = null;
  chart.reset();
  lattice.clear();
  ui.active.textContent = '–';
  shownPeriod = -1;
  lastFramePeriod = -1;
}

function onState(next) {
  const previous = state;
  state = next;
  if (!previous || next.scenario !== previous.scenario || next.period < shownPeriod) startOver();
  if (next.period >= shownPeriod) setPeriod(next.period);
  ui.periods.textContent = next.periods != null ? String(next.periods) : '';
  if (next.time) ui.time.textContent = next.time;
  ui.time.parentElement.hidden = !next.time;
  country.setState(next);
  updateButtons();
}

function onFrame(frame) {
  stats.received();
  // Frames come in period order within a run: an earlier period means a new setup (whose
  // state may have come before a last frame of the old run).
  if (frame.period < lastFramePeriod) startOver();
  lastFramePeriod = frame.period;
  chart.push(frame.period, frame.counts);
  pendingFrame = frame; // an undrawn older frame is dropped here
}

/** Draws the newest frame, if any, and the chart: once per animation frame. */
function tick(now) {
  stats.tick(now);
  const frame = pendingFrame;
  if (frame) {
    pendingFrame = null;
    const t0 = performance.now();
    if (frame.lattice && lattice.draw(frame.lattice)) stats.drawn(now, performance.now() - t0);
    if (frame.period >= shownPeriod) setPeriod(frame.period);
    ui.active.textContent = String(frame.counts?.active ?? '–');
    if (frame.time) ui.time.textContent = frame.time;
    country.setShares(frame.regions);
  }
  chart.render();
  requestAnimationFrame(tick);
}

// The parameters of the scenario picked: loaded on each change, the latest pick winning; Setup
// waits for them so that it never sends one scenario's changes with another's name.
let parametersLoaded = Promise.resolve();
let parametersWanted = null;
function loadParameters(name) {
  parametersWanted = name;
  parametersLoaded = getJSON(`/api/parameters?scenario=${encodeURIComponent(name)}`).then(
    (specs) => {
      if (parametersWanted === name) controls.load(specs);
    },
    (error) => showError(`Parameters of ${name}: ${error.message}`),
  );
  return parametersLoaded;
}

let scenarios = [];
function describe() {
  const s = scenarios.find((x) => x.name === ui.scenario.value);
  ui.description.textContent = s ? s.description : '';
}

async function start() {
  updateButtons();
  requestAnimationFrame(tick);
  try {
    scenarios = (await getJSON('/api/scenarios')) || [];
  } catch (error) {
    showError(`Scenarios: ${error.message}`);
  }
  ui.scenario.replaceChildren(...scenarios.map((s) => new Option(s.name, s.name)));
  let current = null;
  try {
    current = await getJSON('/api/state');
  } catch {
    current = null; // the stream's first event brings it too
  }
  // The running scenario if there is one, else the paper's run 2 (punctuated equilibrium).
  const preferred = current?.scenario || 'epstein-run2';
  if (scenarios.some((s) => s.name === preferred)) ui.scenario.value = preferred;
  describe();
  if (ui.scenario.value) await loadParameters(ui.scenario.value);
  ui.scenario.addEventListener('change', () => {
    describe();
    loadParameters(ui.scenario.value);
  });

  ui.setup.addEventListener('click', () =>
    withBusy(async () => {
      await parametersLoaded;
      return command('/api/setup', { scenario: ui.scenario.value, set: controls.changes() });
    }),
  );
  ui.play.addEventListener('click', () => withBusy(() => command('/api/play')));
  ui.pause.addEventListener('click', () => withBusy(() => command('/api/pause')));
  ui.step.addEventListener('click', () => withBusy(() => command('/api/step', { periods: 1 })));

  connectStream('/api/stream', {
    onState,
    onFrame,
    onStatus: (status) => {
      ui.connection.textContent = status;
      ui.connection.dataset.status = status;
    },
  });
  document.body.dataset.ready = 'true';
}

start();
