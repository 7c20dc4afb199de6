// Shared helpers of the web tests (report and live viewer): headless Chromium through
// playwright-core from the web front end's node_modules, console-error collection, the
// artefact directory, and a guard that fails any network request.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository (tests/web/lib/../../..), for defaults when run by hand rather than by CTest.
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const webDir = () => process.env.UNREST_WEB_DIR || join(repoRoot, 'web');
export const unrestBinary = () => process.env.UNREST_BINARY || join(repoRoot, 'build', 'unrest');

/** Launches headless Chromium (/usr/bin/chromium, or UNREST_CHROMIUM) and returns the Browser. */
export async function launchBrowser() {
  const { chromium } = await import(`${webDir()}/node_modules/playwright-core/index.mjs`);
  return chromium.launch({
    executablePath: process.env.UNREST_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects the page's console errors and uncaught exceptions into the returned array. */
export function watchConsole(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/**
 * Aborts every request that is not file: or data: (or, with allowHosts, to one of those
 * host:port strings) and returns the array of the URLs it refused.
 */
export async function blockNetwork(page, allowHosts = []) {
  const refused = [];
  await page.route('**', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'file:' || url.protocol === 'data:' || url.protocol === 'blob:' || allowHosts.includes(url.host)) {
      return route.continue();
    }
    refused.push(url.href);
    return route.abort();
  });
  return refused;
}

/** The directory for artefacts (UNREST_TEST_OUTPUT, else a directory under the system's tmp), created. */
export function outputDir() {
  const dir = process.env.UNREST_TEST_OUTPUT || join(tmpdir(), 'unrest-web-test-output');
  mkdirSync(dir, { recursive: true });
  return dir;
}
