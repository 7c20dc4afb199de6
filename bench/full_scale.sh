#!/usr/bin/env bash
# The issue's full-scale run: 19 million citizens at density 0.7 (a 5210 x 5210 torus), 0.4 %
# police, Model I rules (run-2 values otherwise), 480 periods, parallel scheduler on every core.
# Prints wall time, agent-updates per second and peak resident memory.
# Usage: bench/full_scale.sh [BUILD_DIR] [PERIODS]     (defaults: build, 480)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
unrest=${1:-$root/build}/unrest
periods=${2:-480}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
/usr/bin/env time -v "$unrest" run epstein-run2 --scheduler parallel \
  --set lattice.width=5210 --set lattice.height=5210 --set citizens.density=0.7 \
  --set cops.density=0.004 --periods "$periods" --out "$out/run" --quiet 2>"$out/time.txt" || {
  cat "$out/time.txt" >&2
  exit 1
}
python3 - "$out/run/summary.json" "$out/time.txt" <<'PY'
import json, re, sys
s = json.load(open(sys.argv[1]))
t = s["timing"]
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(sys.argv[2]).read())
print(f"periods {len(open(sys.argv[1].replace('summary.json', 'timeseries.csv')).readlines()) - 2}, "
      f"threads {t['threads']}, wall {t['wall_seconds']:.1f} s, "
      f"{t['agent_updates_per_second'] / 1e6:.1f} M agent-updates/s, "
      f"peak RSS {int(rss.group(1)) / 1024 if rss else t['peak_memory_bytes'] / 2**20:.0f} MiB")
PY
