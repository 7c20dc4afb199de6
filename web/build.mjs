// Bundles the report and the live viewer into the build's asset directory (docs/viewer.md):
//   OUT/report.js, OUT/report.css        inlined by `unrest report` into one offline HTML file
//   OUT/viewer/index.html, viewer.js, viewer.css   served by `unrest serve`, and nothing else
// Usage: node build.mjs --out DIR
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const at = process.argv.indexOf('--out');
if (at < 0 || !process.argv[at + 1]) {
  console.error('build.mjs: expected --out DIR');
  process.exit(2);
}
const out = resolve(process.argv[at + 1]);
// Built next to the target, then renamed into place: a failed build leaves the old assets whole.
const staging = `${out}.staging`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(join(staging, 'viewer'), { recursive: true });

await build({
  absWorkingDir: here,
  entryPoints: { report: 'src/report/main.js', 'viewer/viewer': 'src/viewer/main.js' },
  outdir: staging,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  legalComments: 'inline',
  logLevel: 'warning',
});
copyFileSync(join(here, 'src/viewer/index.html'), join(staging, 'viewer/index.html'));
// Only the entries built here are replaced, each by a rename: OUT may hold other files.
mkdirSync(out, { recursive: true });
for (const entry of readdirSync(staging)) {
  rmSync(join(out, entry), { recursive: true, force: true });
  renameSync(join(staging, entry), join(out, entry));
}
rmSync(staging, { recursive: true, force: true });
