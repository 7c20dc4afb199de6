// A stand-in for `unrest serve` (docs/viewer.md) in Node, for developing the viewer's front end
// without the C++ server: the same HTTP API and event stream, with a fake lattice whose actives
// come and go, an "epstein" scenario and a tiny "country" one with a two-region map. Not used by
// the tests proper, which run the real binary.
// Usage: node mock_viewer_server.mjs [--port 8080] [--assets build/web/viewer]
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { repoRoot } from './browser.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const port = Number(arg('--port', '8080'));
const assets = resolve(arg('--assets', join(repoRoot, 'build/web/viewer')));

const SPECS = [
  { key: 'scenario.seed', type: 'integer', value: 1, default: 1, min: 0, max: 9007199254740991, step: 1, unit: '', choices: [], description: 'Seed of every random stream of the run.' },
  { key: 'scenario.name', type: 'text', value: 'x', default: 'unnamed', min: 0, max: 0, step: 0, unit: '', choices: [], description: 'Name.' },
  { key: 'lattice.width', type: 'integer', value: 40, default: 40, min: 1, max: 65535, step: 1, unit: 'sites', choices: [], description: 'Width of the torus lattice.' },
  { key: 'lattice.height', type: 'integer', value: 40, default: 40, min: 1, max: 65535, step: 1, unit: 'sites', choices: [], description: 'Height of the torus lattice.' },
  { key: 'citizens.vision', type: 'real', value: 7, default: 7, min: 0, max: 1000, step: 0.1, unit: 'sites', choices: [], description: 'Radius within which citizens see and move.' },
  { key: 'citizens.legitimacy', type: 'real', value: 0.82, default: 0.82, min: 0, max: 1, step: 0.01, unit: '', choices: [], description: 'L: legitimacy of the regime at t = 0.' },
  { key: 'citizens.move', type: 'boolean', value: true, default: true, unit: '', choices: [], description: 'Whether citizens follow movement rule M.' },
  { key: 'jail.max_term', type: 'real', value: 30, default: 30, min: 0, max: 1e9, step: 1, unit: 'periods', choices: [], description: 'J_max: longest jail term.' },
  { key: 'arrest.ratio', type: 'choice', value: 'floor', default: 'floor', unit: '', choices: ['literal', 'floor', 'round'], description: 'How C/A enters P.' },
];
const SCENARIOS = [
  { name: 'epstein-run2', kind: 'epstein', description: 'Model I, run 2 (mock)' },
  { name: 'mock-country', kind: 'country', description: 'Two square regions (mock)' },
];
const square = (id, name, x) => ({ type: 'Feature', properties: { id, name },
  geometry: { type: 'Polygon', coordinates: [[[x, 40], [x, 45], [x + 5, 45], [x + 5, 40], [x, 40]]] } });
const MAP = { type: 'FeatureCollection', features: [square('west', 'West', 60), square('east', 'East', 65)] };

let sim = null; // { scenario, kind, width, height, period, playing, region, sites, counts }
let playing = false;
const clients = new Set();
let latestFrame = null;

function state() {
  const country = sim?.kind === 'country';
  return {
    scenario: sim?.scenario ?? null, kind: sim?.kind ?? null, period: sim?.period ?? 0, periods: 1000,
    playing, time: country ? new Date(Date.UTC(2022, 0, 1, sim.period)).toISOString().slice(0, 16) : null,
    region: country ? sim.region : null,
    regions: country ? [{ id: 'west', name: 'West', width: sim.width, height: sim.height }, { id: 'east', name: 'East', width: sim.width, height: sim.height }] : [],
    map: country ? MAP : null,
  };
}

function send(event, data) {
  const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  for (const res of clients) res.write(text);
}

function frame() {
  const block = Math.max(1, Math.ceil(Math.max(sim.width, sim.height) / 512));
  const w = Math.ceil(sim.width / block), h = Math.ceil(sim.height / block);
  const img = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) img[y * w + x] = sim.sites[(y * block) * sim.width + x * block];
  const country = sim.kind === 'country';
  return { period: sim.period, time: state().time, counts: sim.counts,
    regions: country ? { west: { active_share: sim.counts.active / (sim.counts.quiet + sim.counts.active + 1) }, east: { active_share: 0.01 } } : null,
    lattice: { region: country ? sim.region : null, width: w, height: h, block, data: img.toString('base64') } };
}

function step() {
  sim.period++;
  const n = sim.sites.length;
  const counts = { quiet: 0, active: 0, jailed: 0, cops: 0, killed: 0 };
  const wave = 0.05 + 0.05 * Math.sin(sim.period / 7);
  for (let i = 0; i < n; i++) {
    let v = sim.sites[i];
    if (v === 1 && Math.random() < wave * 0.2) v = 2;
    else if (v === 2 && Math.random() < 0.2) v = 1;
    sim.sites[i] = v;
    if (v === 1) counts.quiet++; else if (v === 2) counts.active++; else if (v === 3) counts.cops++;
  }
  counts.jailed = Math.round(counts.active / 3);
  sim.counts = counts;
  latestFrame = frame();
}

let lastSent = 0, pendingTimer = null;
function publishFrame() {
  const now = Date.now();
  if (now - lastSent >= 33) { lastSent = now; send('frame', latestFrame); return; }
  if (!pendingTimer) pendingTimer = setTimeout(() => { pendingTimer = null; lastSent = Date.now(); send('frame', latestFrame); }, 33);
}

let loop = null;
function setPlaying(on) {
  playing = on;
  clearInterval(loop);
  if (on) loop = setInterval(() => { step(); publishFrame(); }, 5);
}

function readBody(req) {
  return new Promise((ok) => { let s = ''; req.on('data', (c) => (s += c)); req.on('end', () => ok(s)); });
}
const json = (res, status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };

async function api(req, res, url) {
  const p = url.pathname;
  if (req.method === 'GET' && p === '/api/scenarios') return json(res, 200, SCENARIOS);
  if (req.method === 'GET' && p === '/api/parameters') {
    if (!SCENARIOS.some((s) => s.name === url.searchParams.get('scenario'))) return json(res, 400, { error: 'unknown scenario' });
    return json(res, 200, SPECS);
  }
  if (req.method === 'GET' && p === '/api/state') return json(res, 200, state());
  if (req.method === 'GET' && p === '/api/stream') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(`event: state\ndata: ${JSON.stringify(state())}\n\n`);
    if (latestFrame) res.write(`event: frame\ndata: ${JSON.stringify(latestFrame)}\n\n`);
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return;
  }
  if (req.method !== 'POST') return json(res, 404, { error: 'no such path' });
  const text = await readBody(req);
  let body = {};
  try { body = text ? JSON.parse(text) : {}; } catch { return json(res, 400, { error: 'body: not JSON' }); }
  if (p === '/api/setup') {
    const sc = SCENARIOS.find((s) => s.name === body.scenario);
    if (!sc) return json(res, 400, { error: `unknown scenario "${body.scenario}"` });
    const values = Object.fromEntries(SPECS.map((s) => [s.key, s.value]));
    for (const [k, v] of Object.entries(body.set || {})) {
      const spec = SPECS.find((s) => s.key === k);
      if (!spec) return json(res, 400, { error: `unknown key "${k}"` });
      if ((spec.type === 'real' || spec.type === 'integer') && !(typeof v === 'number' && v >= spec.min && v <= spec.max)) {
        return json(res, 400, { error: `${k}: expected a number in [${spec.min}, ${spec.max}], got ${JSON.stringify(v)}` });
      }
      values[k] = v;
    }
    setPlaying(false);
    const width = values['lattice.width'], height = values['lattice.height'];
    const sites = new Uint8Array(width * height);
    for (let i = 0; i < sites.length; i++) { const r = Math.random(); sites[i] = r < 0.7 ? 1 : r < 0.74 ? 3 : 0; }
    sim = { scenario: sc.name, kind: sc.kind, width, height, period: 0, region: 'west', sites, counts: {} };
    sim.period = -1; step();
    send('state', state()); send('frame', latestFrame);
    return json(res, 200, state());
  }
  if (!sim) return json(res, 409, { error: 'set up a simulation first' });
  if (p === '/api/play') setPlaying(true);
  else if (p === '/api/pause') setPlaying(false);
  else if (p === '/api/step') {
    if (playing) return json(res, 409, { error: 'pause first' });
    const n = body.periods ?? 1;
    for (let i = 0; i < n; i++) step();
    send('frame', latestFrame);
  } else if (p === '/api/view') {
    if (!['west', 'east'].includes(body.region)) return json(res, 400, { error: `unknown region "${body.region}"` });
    sim.region = body.region;
  } else return json(res, 404, { error: 'no such path' });
  send('state', state());
  return json(res, 200, state());
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname.startsWith('/api/')) return void api(req, res, url);
  const rel = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
  const file = join(assets, rel);
  if (!file.startsWith(assets) || !existsSync(file) || !statSync(file).isFile()) return json(res, 404, { error: 'no such file' });
  res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
  res.end(readFileSync(file));
});
server.listen(port, '127.0.0.1', () => {
  console.log(`unrest: serving the viewer at http://127.0.0.1:${server.address().port}/ (Ctrl-C stops)`);
});
const stop = () => { setPlaying(false); for (const c of clients) c.end(); server.close(() => process.exit(0)); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
