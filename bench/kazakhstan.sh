#!/usr/bin/env bash
# The kazakhstan-2022 scenario as a whole-run benchmark: wall time, agent-updates per second and
# peak resident memory, 480 hourly periods on every core; agent-periods per second count the
# agents that rested as well as those activated. At the default scale (20 people per
# agent) both schedulers run, the reference first (one block per region, one thread: the
# baseline); at scale 1 (every person: 18.9 million citizens and 84,000 police) the parallel
# scheduler only (the reference would take a quarter of an hour).
# Usage: bench/kazakhstan.sh [BUILD_DIR] [SCALES...]     (defaults: build, 20 1)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
unrest=${1:-$root/build}/unrest
shift || true
scales=("$@")
[ ${#scales[@]} -eq 0 ] && scales=(20 1)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {  # scale scheduler
  local dir="$out/s$1-$2"
  /usr/bin/env time -v "$unrest" run kazakhstan-2022 --set "scale=$1" --scheduler "$2" \
    --out "$dir" --quiet 2>"$dir.time" || {
    cat "$dir.time" >&2
    exit 1
  }
  python3 - "$dir/summary.json" "$dir.time" "$1" "$2" <<'PY'
import json, re, sys
t = json.load(open(sys.argv[1]))["timing"]
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(sys.argv[2]).read())
# Agent-periods: every agent for every one of the 480 periods, activated or resting
# (docs/engine.md, "Rest in calm periods"); agent-updates: the activations performed.
periods = 480
print(f"kazakhstan-2022 scale {sys.argv[3]} {sys.argv[4]}: {t['agents']:,} agents, "
      f"threads {t['threads']}, wall {t['wall_seconds']:.1f} s, "
      f"{t['agent_updates_per_second'] / 1e6:.1f} M agent-updates/s, "
      f"{t['agents'] * periods / t['wall_seconds'] / 1e6:.1f} M agent-periods/s, "
      f"peak RSS {int(rss.group(1)) / 1024 if rss else t['peak_memory_bytes'] / 2**20:.0f} MiB")
PY
}
for scale in "${scales[@]}"; do
  [ "$scale" != 1 ] && run "$scale" reference
  run "$scale" parallel
done
