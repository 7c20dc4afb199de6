// Frame-rate benchmark of the live viewer (docs/performance.md, "The live viewer"):
//   node bench/viewer_fps.mjs [SET_JSON] [SECONDS]      (SCENARIO=NAME for another scenario)
// Starts `unrest serve --port 0` (UNREST_BINARY, default build/unrest), sets up epstein-run2 with
// SET_JSON (default a 1000×1000 lattice) through the page's own controls in headless Chromium,
// plays for SECONDS (default 10) and prints, from window.__viewerStats: simulated periods, frames
// received and frames drawn per second, the page's animation frames per second (its
// responsiveness), and the milliseconds one frame takes to decode and draw.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { launchBrowser, watchConsole } = await import(join(root, 'tests/web/lib/browser.mjs'));
const set = JSON.parse(process.argv[2] || '{"lattice.width":1000,"lattice.height":1000}');
const secs = Number(process.argv[3] || 10);
const binary = process.env.UNREST_BINARY || join(root, 'build/unrest');
const extra = process.env.UNREST_VIEWER_ASSETS ? ['--assets', process.env.UNREST_VIEWER_ASSETS] : [];
const child = spawn(binary, ['serve', '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
const origin = await new Promise((ok) => child.stdout.on('data', (d) => { const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(String(d)); if (m) ok(m[1]); }));
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const errors = watchConsole(page);
await page.goto(origin + '/');
await page.waitForSelector('body[data-ready="true"]');
await page.selectOption('[data-testid="scenario"]', process.env.SCENARIO || 'epstein-run2');
await page.waitForSelector('input.exact');
for (const [k, v] of Object.entries(set)) {
  const sel = page.locator(`select[data-key="${k}"]`);
  if (await sel.count()) await sel.selectOption(String(v));
  else await page.locator(`input.exact[data-key="${k}"]`).fill(String(v));
}
const t = Date.now();
await page.click('[data-testid="setup"]');
await page.waitForFunction(() => document.body.dataset.playing === 'false' && !document.querySelector('[data-testid="play"]').disabled, null, { timeout: 120000 });
console.log('setup took', Date.now() - t, 'ms; error:', await page.locator('[data-testid="error"]').textContent());
await page.click('[data-testid="play"]');
await page.waitForTimeout(1500);
const s0 = await page.evaluate(() => ({ ...window.__viewerStats, t: performance.now(), p: Number(document.querySelector('[data-testid="period"]').textContent) }));
await page.waitForTimeout(secs * 1000);
const s1 = await page.evaluate(() => ({ ...window.__viewerStats, t: performance.now(), p: Number(document.querySelector('[data-testid="period"]').textContent) }));
const dt = (s1.t - s0.t) / 1000;
const canvas = await page.locator('[data-testid="lattice"]').evaluate((c) => `${c.dataset.width}x${c.dataset.height} block ${c.dataset.block}, canvas ${c.width}x${c.height}`);
console.log(JSON.stringify({ seconds: +dt.toFixed(2), periodsPerSecond: +((s1.p - s0.p) / dt).toFixed(1), framesReceivedPerSecond: +((s1.framesReceived - s0.framesReceived) / dt).toFixed(1), framesDrawnPerSecond: +((s1.framesDrawn - s0.framesDrawn) / dt).toFixed(1), rafPerSecond: +((s1.rafTicks - s0.rafTicks) / dt).toFixed(1), drawMs: +s1.drawMs.toFixed(2), canvas }));
await page.screenshot({ path: process.env.SCREENSHOT || '/tmp/viewer-fps.png', fullPage: true });
await page.click('[data-testid="pause"]');
if (errors.length) console.log('console errors:', errors);
await browser.close();
child.kill('SIGTERM');
