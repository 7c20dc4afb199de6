// Development aid: composes a report page the way `unrest report` does (docs/report.md), from a
// data JSON file and the bundled assets, so the front end can be worked on without the binary.
// Usage: node compose.mjs DATA.json OUT.html [ASSETS_DIR (default build/web)]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { repoRoot } from './browser.mjs';

/** The report page for the data object, with the bundle from assetsDir inlined. */
export function composeReport(data, assetsDir) {
  const css = readFileSync(`${assetsDir}/report.css`, 'utf8');
  const js = readFileSync(`${assetsDir}/report.js`, 'utf8');
  const json = JSON.stringify(data).replaceAll('</', '<\\/');
  const title = String(data.title || 'report').replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${title} — unrest report</title><style>${css}</style></head><body><div id="app"></div>` +
    `<script type="application/json" id="unrest-data">${json}</script>` +
    `<script>${js}</script></body></html>`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dataPath, outPath, assets = join(repoRoot, 'build/web')] = process.argv.slice(2);
  if (!dataPath || !outPath) {
    console.error('usage: node compose.mjs DATA.json OUT.html [ASSETS_DIR]');
    process.exit(2);
  }
  writeFileSync(outPath, composeReport(JSON.parse(readFileSync(dataPath, 'utf8')), assets));
}
