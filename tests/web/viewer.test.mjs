// The live viewer end to end (docs/viewer.md): `unrest serve --port 0` starts, headless Chromium
// loads it, a slider is changed, Setup and Play run epstein-run2 past period 50 while the period
// counter and the active count change, a refused value shows the server's message, a second tab
// gets the frames too, a country scenario shows its map and streams the region chosen, no request
// leaves the server's origin, and SIGTERM stops the server with exit code 0 within 5 s.
// Environment (set by CTest): UNREST_BINARY, UNREST_TEST_OUTPUT, UNREST_WEB_DIR.
// UNREST_VIEWER_MOCK=1 runs tests/web/lib/mock_viewer_server.mjs instead (front-end development only).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  blockNetwork,
  launchBrowser,
  outputDir,
  unrestBinary,
  watchConsole,
} from './lib/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SCENARIO = 'epstein-run2';
const SLIDER_KEY = 'citizens.legitimacy';
const SLIDER_VALUE = '0.7';
const COUNTRY = process.env.UNREST_VIEWER_MOCK === '1' ? 'mock-country' : 'kazakhstan-2022';

/** Starts the server; resolves to { child, origin, output(), exited } once it prints its address. */
function startServer() {
  const mock = process.env.UNREST_VIEWER_MOCK === '1';
  const binary = unrestBinary();
  const [command, args] = mock
    ? [process.execPath, [join(here, 'lib/mock_viewer_server.mjs'), '--port', '0', ...(process.env.UNREST_VIEWER_ASSETS ? ['--assets', process.env.UNREST_VIEWER_ASSETS] : [])]]
    : [binary, ['serve', '--port', '0', ...(process.env.UNREST_VIEWER_ASSETS ? ['--assets', process.env.UNREST_VIEWER_ASSETS] : [])]];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.stderr.on('data', (d) => (err += d));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed within 15 s\nstdout: ${out}\nstderr: ${err}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /serving the viewer at (http:\/\/127\.0\.0\.1:(\d+))\/ \(Ctrl-C stops\)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before printing its address\nstdout: ${out}\nstderr: ${err}`));
    });
  });
  return ready.then((origin) => ({ child, origin, exited, output: () => `stdout: ${out}\nstderr: ${err}` }));
}

/** Opens the viewer in a new tab, guarded: console errors and requests off the origin are collected. */
async function openViewer(context, origin) {
  const page = await context.newPage();
  const errors = watchConsole(page);
  const refused = await blockNetwork(page, [new URL(origin).host]);
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, errors, refused };
}

const text = (page, id) => page.locator(`[data-testid="${id}"]`).textContent();
const periodOf = async (page) => Number(await text(page, 'period'));

describe('live viewer (unrest serve)', { timeout: 240000 }, () => {
  let server;
  let browser;
  let context;
  let first;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  });

  after(async () => {
    await browser?.close();
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  });

  test('the page loads without console errors and lists the scenarios', async () => {
    first = await openViewer(context, server.origin);
    const { page } = first;
    const names = await page.locator('[data-testid="scenario"] option').allTextContents();
    assert.ok(names.includes(SCENARIO), `scenarios: ${names.join(', ')}`);
    await page.selectOption('[data-testid="scenario"]', SCENARIO);
    await page.waitForSelector(`input[type="range"][data-key="${SLIDER_KEY}"]`);
    assert.ok((await page.locator('input[type="range"]').count()) >= 5, 'sliders are built from /api/parameters');
    assert.ok((await page.locator('details.section').count()) >= 3, 'grouped by section');
    assert.deepEqual(first.errors, []);
  });

  test('a refused value shows the server\'s message', async () => {
    const { page } = first;
    // Straight to the API: an out-of-range value is a 400 that names the key.
    const answer = await page.evaluate(async (scenario) => {
      const r = await fetch('/api/setup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario, set: { 'citizens.legitimacy': 2 } }),
      });
      return { status: r.status, body: await r.json() };
    }, SCENARIO);
    assert.equal(answer.status, 400);
    assert.match(answer.body.error, /legitimacy/);
    // Through the page: an out-of-range value typed in a parameter's box, then Setup.
    const box = page.locator('input.exact[data-key="citizens.vision"]');
    await box.fill('-5');
    await page.click('[data-testid="setup"]');
    const error = page.locator('[data-testid="error"]');
    await error.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await error.textContent(), /vision/);
    await box.fill('7');
    // Chromium logs each refused request as a console error: those two, and nothing else.
    const refusals = first.errors.filter((e) => /status of 400/.test(e));
    assert.equal(refusals.length, 2, first.errors.join('\n'));
    first.errors.splice(0, first.errors.length, ...first.errors.filter((e) => !/status of 400/.test(e)));
    assert.deepEqual(first.errors, []);
  });

  test('a slider change, Setup and Play run 50 periods; the period and active counters change', async () => {
    const { page } = first;
    await page.locator(`input[type="range"][data-key="${SLIDER_KEY}"]`).evaluate((el, value) => {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, SLIDER_VALUE);
    assert.equal(await page.locator(`input.exact[data-key="${SLIDER_KEY}"]`).inputValue(), SLIDER_VALUE);

    const setupRequest = page.waitForRequest((r) => r.url().endsWith('/api/setup') && r.method() === 'POST');
    const setupAnswer = page.waitForResponse((r) => r.url().endsWith('/api/setup'));
    await page.click('[data-testid="setup"]');
    const sent = (await setupRequest).postDataJSON();
    assert.equal(sent.scenario, SCENARIO);
    assert.deepEqual(sent.set, { [SLIDER_KEY]: Number(SLIDER_VALUE) }, 'only the changed key is sent');
    assert.equal((await setupAnswer).status(), 200);
    await page.locator('[data-testid="error"]').waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.querySelector('[data-testid="period"]').textContent === '0');
    await page.waitForFunction(() => !document.querySelector('[data-testid="play"]').disabled);

    // Record every value the counters show while it plays.
    await page.evaluate(() => {
      window.__seen = { active: [], period: [] };
      for (const id of ['active', 'period']) {
        const el = document.querySelector(`[data-testid="${id}"]`);
        window.__seen[id].push(el.textContent);
        new MutationObserver(() => window.__seen[id].push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
      }
    });
    await page.click('[data-testid="play"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="period"]').textContent) >= 50, null, { timeout: 30000 });
    await page.click('[data-testid="pause"]');
    await page.waitForFunction(() => document.body.dataset.playing === 'false', null, { timeout: 10000 });

    const seen = await page.evaluate(() => window.__seen);
    const periods = seen.period.map(Number).filter(Number.isFinite);
    assert.ok(new Set(periods).size > 2, `the period counter moved: ${periods.join(' ')}`);
    assert.ok(periods.every((p, i) => i === 0 || p >= periods[i - 1]), `the period counter never went back: ${periods.join(' ')}`);
    const actives = seen.active.map(Number).filter(Number.isFinite);
    assert.ok(new Set(actives).size > 1, `the active count changed during the run: ${seen.active.join(' ')}`);

    // Paused: the counter stays put.
    const paused = await periodOf(page);
    await page.waitForTimeout(500);
    assert.equal(await periodOf(page), paused);

    const stats = await page.evaluate(() => window.__viewerStats);
    assert.ok(stats.framesReceived > 0 && stats.framesDrawn > 0 && stats.rafTicks > 0, JSON.stringify(stats));
    assert.ok(stats.framesDrawn <= stats.framesReceived, JSON.stringify(stats));
    const canvas = await page.locator('[data-testid="lattice"]').evaluate((c) => ({ w: c.width, h: c.height, lw: c.dataset.width }));
    assert.equal(canvas.lw, '40');
    assert.ok(canvas.w >= 400 && canvas.w <= 640, `the 40×40 lattice is scaled to fit: ${JSON.stringify(canvas)}`);
    assert.ok((await page.locator('.chart canvas').count()) > 0, 'the time series is drawn');

    await page.screenshot({ path: join(outputDir(), 'viewer.png'), fullPage: true });
    assert.deepEqual(first.errors, []);
  });

  test('a second tab receives the frames too', async () => {
    const second = await openViewer(context, server.origin);
    // On connecting it gets the state and the latest frame.
    const at = await periodOf(first.page);
    await second.page.waitForFunction((p) => Number(document.querySelector('[data-testid="period"]').textContent) === p, at, { timeout: 10000 });
    assert.equal(await second.page.locator('[data-testid="scenario"]').inputValue(), SCENARIO);
    const before = await second.page.evaluate(() => window.__viewerStats.framesReceived);
    // Play from the second tab; both tabs follow.
    await second.page.click('[data-testid="play"]');
    for (const page of [first.page, second.page]) {
      await page.waitForFunction((p) => Number(document.querySelector('[data-testid="period"]').textContent) >= p + 10, at, { timeout: 30000 });
    }
    await second.page.click('[data-testid="pause"]');
    await first.page.waitForFunction(() => document.body.dataset.playing === 'false', null, { timeout: 10000 });
    const after = await second.page.evaluate(() => window.__viewerStats.framesReceived);
    assert.ok(after > before, `frames reached the second tab (${before} -> ${after})`);
    assert.deepEqual(second.errors, []);
    assert.deepEqual(second.refused, []);
  });

  test('a country scenario shows the map; choosing a region streams its lattice', async () => {
    const { page } = first;
    const parameters = page.waitForResponse((r) => r.url().includes('/api/parameters?'));
    await page.selectOption('[data-testid="scenario"]', COUNTRY);
    assert.equal((await parameters).status(), 200);
    await page.click('[data-testid="setup"]');
    await page.locator('[data-testid="country"]').waitFor({ state: 'visible', timeout: 60000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="map"] path.region').length > 1, null, { timeout: 10000 });
    const regions = await page.locator('[data-testid="region"] option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(regions.length > 1, `regions: ${regions.join(', ')}`);
    await page.waitForFunction(() => !document.querySelector('[data-testid="step"]').disabled);
    await page.click('[data-testid="step"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="period"]').textContent) >= 1, null, { timeout: 30000 });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="map"] path.region')].some((p) => p.dataset.value), null, { timeout: 10000 });
    assert.notEqual(await text(page, 'time'), '', 'a country scenario shows the time');

    const viewed = await page.locator('[data-testid="region"]').inputValue();
    const other = regions.find((id) => id !== viewed);
    const viewRequest = page.waitForRequest((r) => r.url().endsWith('/api/view'));
    await page.selectOption('[data-testid="region"]', other);
    assert.deepEqual((await viewRequest).postDataJSON(), { region: other });
    await page.waitForFunction(() => !document.querySelector('[data-testid="step"]').disabled);
    await page.click('[data-testid="step"]');
    await page.waitForFunction((id) => document.querySelector('[data-testid="lattice"]').dataset.region === id, other, { timeout: 30000 });
    assert.equal(await page.locator('[data-testid="map"] path.region.selected').getAttribute('data-region'), other);
    assert.deepEqual(first.errors, []);
  });

  test('no request left the server\'s origin', () => {
    assert.deepEqual(first.refused, []);
  });

  test('SIGTERM stops the server, with tabs connected and playing, with exit code 0 within 5 s', async () => {
    await first.page.click('[data-testid="play"]');
    await first.page.waitForFunction(() => document.body.dataset.playing === 'true', null, { timeout: 10000 });
    server.child.kill('SIGTERM');
    const outcome = await Promise.race([
      server.exited,
      new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000)),
    ]);
    assert.notEqual(outcome, 'timeout', `the server did not exit within 5 s\n${server.output()}`);
    assert.deepEqual(outcome, { code: 0, signal: null }, server.output());
  });
});
