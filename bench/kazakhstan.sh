#!/usr/bin/env bash
# The kazakhstan-2022 scenario as a whole-run benchmark: wall time, agent-updates per second and
# peak resident memory, at the default scale (20 people per agent) and at scale 1 (every
# person: 18.9 million citizens and 84,000 police), 480 hourly periods, every core.
# Usage: bench/kazakhstan.sh [BUILD_DIR] [SCALES...]     (defaults: build, 20 1)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
unrest=${1:-$root/build}/unrest
shift || true
scales=("${@:-20 1}")
[ $# -eq 0 ] && scales=(20 1)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for scale in "${scales[@]}"; do
  /usr/bin/env time -v "$unrest" run kazakhstan-2022 --set "scale=$scale" --out "$out/s$scale" \
    --quiet 2>"$out/time$scale.txt" || {
    cat "$out/time$scale.txt" >&2
    exit 1
  }
  python3 - "$out/s$scale/summary.json" "$out/time$scale.txt" "$scale" <<'PY'
import json, re, sys
t = json.load(open(sys.argv[1]))["timing"]
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(sys.argv[2]).read())
print(f"kazakhstan-2022 scale {sys.argv[3]}: {t['agents']:,} agents, threads {t['threads']}, "
      f"wall {t['wall_seconds']:.1f} s, {t['agent_updates_per_second'] / 1e6:.1f} M agent-updates/s, "
      f"peak RSS {int(rss.group(1)) / 1024 if rss else t['peak_memory_bytes'] / 2**20:.0f} MiB")
PY
done
