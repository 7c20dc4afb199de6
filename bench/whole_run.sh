#!/usr/bin/env bash
# Whole-run benchmark: `unrest run` end to end (placement, every period, census, outputs) for
# Model I at 40x40, 400x400 and 2000x2000, vision 7, run-2 densities, floor rule. Prints one
# Markdown row per size with agent-updates per second (from summary.json) and peak resident
# memory (from /usr/bin/time if present, else summary.json's getrusage figure).
# Usage: bench/whole_run.sh [BUILD_DIR]     (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
unrest=${1:-$root/build}/unrest
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "| lattice | agents | periods | wall s | agent-updates/s | peak RSS MiB |"
echo "|---|---|---|---|---|---|"
for spec in 40:1000 400:100 2000:20; do
  side=${spec%%:*}
  periods=${spec##*:}
  dir=$out/$side
  "$unrest" run epstein-run2 --set lattice.width="$side" --set lattice.height="$side" \
    --periods "$periods" --out "$dir" --quiet
  python3 - "$dir/summary.json" "$side" "$periods" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
t = s["timing"]
side = int(sys.argv[2])
agents = round(0.74 * side * side)
print(f"| {side}x{side} | {agents} | {sys.argv[3]} | {t['wall_seconds']:.2f} | "
      f"{t['agent_updates_per_second'] / 1e6:.2f} M | {t['peak_memory_bytes'] / 2**20:.0f} |")
PY
done
