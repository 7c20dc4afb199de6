#!/usr/bin/env bash
# Whole-run benchmark: `unrest run` end to end (placement, every period, census, outputs) for
# Model I at 40x40, 400x400 and 2000x2000, vision 7, run-2 densities, floor rule. Prints one
# Markdown row per size with agent-updates per second (from summary.json) and peak resident
# memory (from /usr/bin/time if present, else summary.json's getrusage figure).
# Then the parallel scheduler at 2000x2000 and 4000x4000 on 1 and 2 threads.
# Usage: bench/whole_run.sh [BUILD_DIR]     (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
unrest=${1:-$root/build}/unrest
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "| scheduler | threads | lattice | agents | periods | wall s | agent-updates/s | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|---|"
for spec in reference:1:40:1000 reference:1:400:100 reference:1:2000:20 \
  parallel:1:2000:20 parallel:2:2000:20 parallel:1:4000:10 parallel:2:4000:10; do
  IFS=: read -r scheduler threads side periods <<<"$spec"
  dir=$out/$scheduler-$threads-$side
  "$unrest" run epstein-run2 --set lattice.width="$side" --set lattice.height="$side" \
    --periods "$periods" --scheduler "$scheduler" --threads "$threads" --out "$dir" --quiet
  python3 - "$dir/summary.json" "$scheduler" "$threads" "$side" "$periods" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
t = s["timing"]
scheduler, threads, side, periods = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
agents = round(0.74 * side * side)
print(f"| {scheduler} | {threads} | {side}x{side} | {agents} | {periods} | {t['wall_seconds']:.2f} | "
      f"{t['agent_updates_per_second'] / 1e6:.2f} M | {t['peak_memory_bytes'] / 2**20:.0f} |")
PY
done
