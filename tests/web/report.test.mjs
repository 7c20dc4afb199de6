// `unrest report` in headless Chromium (docs/report.md): the real binary runs a country scenario,
// an Epstein scenario and a comparison, writes their reports, and each page must open offline
// with no console errors and show what it should. Screenshots go to UNREST_TEST_OUTPUT.
// A last test draws the hand-written fixtures (tests/web/fixtures/) with the built bundle.
//
// What the page promises the tests (web/src/report/):
//   #app[data-ready]                     set when the page is built
//   svg path.region[data-region=ID]      one per map region, its colour in the fill attribute
//   [data-testid=time-slider]            the map's time slider (input type=range); play, time-label
//   [data-testid=region-select]          the country run's region <select>
//   figure.chart[data-chart=NAME][data-series=N]   a chart and its number of plotted series;
//                                        for line charts N also equals uPlot's legend entries less x
//   canvas.lattice[data-screen=action|grievance] inside .snapshot[data-period=P]
//   [data-testid=odds-table] tbody tr, article[data-testid=scenario-card][data-scenario=NAME]
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  blockNetwork,
  launchBrowser,
  outputDir,
  unrestBinary,
  watchConsole,
} from './lib/browser.mjs';
import { composeReport } from './lib/compose.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const binary = unrestBinary();
// `unrest report` reads its bundle from web/ next to the executable; so do the fixture tests.
// UNREST_REPORT_ASSETS names another bundle (node web/build.mjs --out DIR) for both.
const assets = process.env.UNREST_REPORT_ASSETS || join(dirname(binary), 'web');
const assetArgs = process.env.UNREST_REPORT_ASSETS ? ['--assets', assets] : [];

let browser;
let work;
before(async () => {
  browser = await launchBrowser();
  work = mkdtempSync(join(tmpdir(), 'unrest-report-test-'));
});
after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function unrest(...args) {
  return execFileSync(binary, args, { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

// Opens a report with the network closed; returns the page, its errors and the refused requests.
async function open(file) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchConsole(page);
  const requests = [];
  page.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url());
  });
  const refused = await blockNetwork(page);
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('#app[data-ready]', { timeout: 15_000 });
  return { page, errors, network: () => [...new Set([...requests, ...refused])] };
}

async function finish({ page, errors, network }, screenshot) {
  await page.screenshot({ path: join(outputDir(), screenshot), fullPage: true });
  assert.deepEqual(errors, [], 'console errors or page errors');
  assert.deepEqual(network(), [], 'network requests');
  await page.close();
}

// { name: data-series } of every chart; checks data-series against uPlot's legend where shown.
async function charts(page) {
  const list = await page.$$eval('figure.chart', (figs) =>
    figs.map((f) => ({
      name: f.dataset.chart,
      series: Number(f.dataset.series),
      legend: f.querySelector('.u-legend') ? f.querySelectorAll('.u-legend .u-series').length - 1 : null,
      canvas: !!f.querySelector('canvas'),
    })),
  );
  for (const c of list) {
    assert.ok(c.canvas, `chart ${c.name} has no canvas`);
    if (c.legend != null) assert.equal(c.legend, c.series, `chart ${c.name}: legend entries`);
  }
  return list;
}

const fills = (page) => page.$$eval('svg path.region', (ps) => ps.map((p) => `${p.dataset.region}=${p.getAttribute('fill')}`));

async function setSlider(page, value) {
  await page.$eval(
    '[data-testid=time-slider]',
    (s, v) => {
      s.value = String(v);
      s.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

// The map has its regions; moving the slider from its first period to its last and to where it
// opened changes at least one region's colour.
async function checkMap(page, regions) {
  assert.equal(await page.locator('svg path.region').count(), regions, 'map regions');
  const slider = page.locator('[data-testid=time-slider]');
  assert.equal(await slider.getAttribute('type'), 'range');
  const opened = Number(await slider.inputValue());
  const max = Number(await slider.getAttribute('max'));
  assert.ok(max > 0, 'the slider spans several periods');
  const seen = new Set();
  const labels = new Set();
  for (const v of [0, opened, max]) {
    await setSlider(page, v);
    seen.add((await fills(page)).join(' '));
    labels.add(await page.locator('[data-testid=time-label]').textContent());
  }
  assert.ok(seen.size > 1, 'the slider changes no region colour');
  assert.ok(labels.size > 1, 'the slider changes the time label');
  await setSlider(page, opened);
}

describe('unrest report', { concurrency: false }, () => {
  test('the command exists', () => {
    assert.ok(existsSync(binary), `no unrest binary at ${binary}`);
    assert.match(unrest('--help'), /\breport\b/, '`unrest report` is not built yet');
  });

  test('country run: map with 17 regions, time slider, series, events, sites', async () => {
    const dir = join(work, 'kz');
    unrest('run', 'kazakhstan-2022', '--set', 'scale=200', '--out', dir, '--quiet');
    unrest('report', dir, '--out', join(work, 'kz.html'), ...assetArgs);
    const html = readFileSync(join(work, 'kz.html'), 'utf8');
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/i, 'the page loads nothing');

    const view = await open(join(work, 'kz.html'));
    const { page } = view;
    await checkMap(page, 17);
    // The boundaries' licence (ODbL) asks for the attribution under the map.
    assert.match(await page.locator('[data-testid=map-attribution]').textContent(), /OpenStreetMap contributors/);

    const list = await charts(page);
    const series = Object.fromEntries(list.map((c) => [c.name, c.series]));
    // national and regional: quiet, active, jailed | killed, sites held
    assert.deepEqual(series, { 'national-people': 3, 'national-violence': 2, 'region-people': 3, 'region-violence': 2 });

    // A click on the map selects the region's series.
    await page.locator('svg path.region[data-region=karaganda]').dispatchEvent('click');
    assert.equal(await page.locator('[data-testid=region-select]').inputValue(), 'karaganda');
    assert.equal(await page.locator('[data-testid=region-select] option').count(), 17);

    // Play advances the slider; a second click pauses.
    const opened = await page.locator('[data-testid=time-slider]').inputValue();
    await setSlider(page, 0);
    await page.locator('[data-testid=play]').click();
    await page.waitForTimeout(450);
    await page.locator('[data-testid=play]').click();
    assert.ok(Number(await page.locator('[data-testid=time-slider]').inputValue()) > 0, 'play does not advance');

    assert.ok((await page.locator('[data-testid=sites-table] tbody tr').count()) > 0, 'sites table');
    assert.ok((await page.locator('[data-testid=events-table] tbody tr').count()) > 0, 'events table');
    assert.match(await page.locator('[data-testid=provenance]').textContent(), /kazakhstan-2022/);
    await setSlider(page, Number(opened)); // the screenshot shows the peak, where the page opens
    await finish(view, 'report-country.png');
  });

  test('Epstein run: lattice screens and series', async () => {
    const dir = join(work, 'e');
    unrest('run', 'epstein-run2', '--out', dir, '--quiet');
    unrest('report', dir, '--out', join(work, 'e.html'), ...assetArgs);
    const view = await open(join(work, 'e.html'));
    const { page } = view;
    const snapshots = page.locator('.snapshot');
    const n = await snapshots.count();
    assert.ok(n >= 1, 'no snapshot');
    for (let i = 0; i < n; i++) {
      const s = snapshots.nth(i);
      assert.equal(await s.locator('canvas.lattice[data-screen=action]').count(), 1);
      assert.equal(await s.locator('canvas.lattice[data-screen=grievance]').count(), 1);
      const width = await s.locator('canvas.lattice[data-screen=action]').evaluate((c) => c.width);
      assert.ok(width >= 200, `snapshot canvas ${width} px wide`);
    }
    // The action screen shows quiet blue somewhere: the picture was drawn.
    const blue = await page.$eval('canvas.lattice[data-screen=action]', (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) if (d[i] === 31 && d[i + 1] === 119 && d[i + 2] === 180) return true;
      return false;
    });
    assert.ok(blue, 'no quiet (blue) pixel on the action screen');
    const series = Object.fromEntries((await charts(page)).map((c) => [c.name, c.series]));
    assert.deepEqual(series, { 'epstein-series': 4 }); // quiet, active, jailed, cops
    await finish(view, 'report-epstein.png');
  });

  test('comparison: odds table, fan charts and histograms per scenario, map', async () => {
    const db = join(work, 'c.db');
    const scenarios = ['kazakhstan-2022', 'kazakhstan-2022-no-intervention'];
    unrest('compare', ...scenarios, '--runs', '2', '--set', 'scale=400', '--out', db, '--quiet');
    unrest('report', db, '--out', join(work, 'c.html'), ...assetArgs);
    const view = await open(join(work, 'c.html'));
    const { page } = view;
    assert.equal(await page.locator('[data-testid=odds-table] tbody tr').count(), 2, 'odds rows');
    assert.equal(await page.locator('article[data-testid=scenario-card]').count(), 2, 'scenario cards');
    for (const name of scenarios) {
      const card = page.locator(`article[data-scenario="${name}"]`);
      for (const key of ['active', 'jailed', 'killed', 'sites_held']) {
        // median, 50 % band edges, 90 % band edges
        assert.equal(await card.locator(`figure.chart[data-chart="fan-${key}"]`).getAttribute('data-series'), '5', `${name}: fan ${key}`);
      }
      assert.ok((await card.locator('figure.chart[data-chart^="hist-"]').count()) >= 1, `${name}: histograms`);
    }
    await charts(page);
    assert.equal(await page.locator('svg path.region').count(), 17, 'map regions');
    if ((await page.locator('[data-testid=time-slider]').count()) > 0) await checkMap(page, 17);
    await finish(view, 'report-compare.png');
  });

  // The bundle alone, on the hand-written data of tests/web/fixtures (three regions).
  for (const [kind, check] of [
    ['country-run', async (page) => {
      await checkMap(page, 3);
      assert.equal((await charts(page)).length, 4);
    }],
    ['epstein-run', async (page) => assert.equal(await page.locator('canvas.lattice').count(), 4)],
    ['compare', async (page) => {
      await checkMap(page, 3);
      assert.equal(await page.locator('[data-testid=odds-table] tbody tr').count(), 2);
      assert.equal(await page.locator('figure.chart[data-chart^="fan-"]').count(), 8);
    }],
  ]) {
    test(`fixture ${kind}`, async () => {
      const data = JSON.parse(readFileSync(join(here, 'fixtures', `${kind}.json`), 'utf8'));
      const file = join(work, `fixture-${kind}.html`);
      writeFileSync(file, composeReport(data, assets));
      const view = await open(file);
      await check(view.page);
      await finish(view, `report-fixture-${kind}.png`);
    });
  }
});
