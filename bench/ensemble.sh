#!/usr/bin/env bash
# Ensemble throughput: runs a minute of `unrest ensemble kazakhstan-2022` on every core, the
# store's share of the time (printed by unrest itself), and how throughput scales from 1 to 2
# MPI workers (mpirun -np 2 and -np 3: rank 0 only coordinates). Prints the lines unrest prints.
# Usage: bench/ensemble.sh [BUILD_DIR] [RUNS] [MPI_SCALE]   (defaults: build, 4, 100)
#   RUNS replicates at the default scale (20 people per agent, about 3-5 s a run on one core);
#   the MPI comparison runs 3 x 2 replicates at scale MPI_SCALE.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
unrest=${1:-$root/build}/unrest
runs=${2:-4}
mpi_scale=${3:-100}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== threads: kazakhstan-2022, default scale, $runs runs, $(nproc) cores =="
"$unrest" ensemble kazakhstan-2022 --runs "$runs" --out "$out/threads.db" 2>&1 >/dev/null |
  grep "runs in"

export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none
for ranks in 2 3; do
  echo "== MPI: $((ranks - 1)) worker(s), kazakhstan-2022 at scale $mpi_scale, 6 runs =="
  mpirun --oversubscribe -np "$ranks" "$unrest" ensemble kazakhstan-2022 --runs 6 \
    --set "scale=$mpi_scale" --out "$out/mpi$ranks.db" 2>&1 >/dev/null | grep "runs in"
done
