#!/usr/bin/env python3
"""Compare runs of kazakhstan-2022 (or a counterfactual) with the targets of
data/kazakhstan/targets.md, over several seeds: the calibration tool of docs/calibration.md.

  bench/kazakhstan_targets.py [--unrest build/unrest] [--scenario kazakhstan-2022]
                              [--seeds 1-5] [--set key=value ...] [--keep DIR]

Runs `unrest run` once per seed, reads national.csv, regions.csv and sites.csv, and prints
each target's observed value next to the simulated mean and range. Standard library only.
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile

JOIN_SHARE = 0.001  # as outcomes.join_share's default: a region "has protests"


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def day_of(time):
    # The row's time is the END of its period: 2022-01-02T00:00 closes 1 January.
    date, clock = time.split("T")
    day = int(date[8:10])
    return day - 1 if clock == "00:00" else day


def metrics(out):
    national = read_csv(os.path.join(out, "national.csv"))
    regions = read_csv(os.path.join(out, "regions.csv"))
    sites = read_csv(os.path.join(out, "sites.csv"))
    summary = read_csv(os.path.join(out, "region_summary.csv"))
    population = {r["region"]: float(r["population"]) for r in summary}
    m = {}
    # Regions with protests by day: active share above the join share at some hour of the day.
    for day in (2, 3, 4, 5, 6, 7):
        seen = {r["region"] for r in regions
                if day_of(r["time"]) == day
                and float(r["active"]) > JOIN_SHARE * population[r["region"]]}
        m[f"regions_with_protest_{day}jan"] = len(seen)
    for day in (2, 4, 5, 6, 7, 8):
        m[f"peak_active_{day}jan"] = max(float(r["active"]) for r in national if day_of(r["time"]) == day)
    peak = max(national, key=lambda r: float(r["active"]))
    m["peak_day"] = day_of(peak["time"])
    for day in (7, 9, 11):
        m[f"detained_by_{day}jan"] = max(float(r["detained"]) for r in national if day_of(r["time"]) <= day)
    last = national[-1]
    m["security_killed"] = float(last["police_killed"]) + float(last["troops_killed"])
    m["citizens_killed"] = float(last["citizens_killed"])
    m["almaty_sites_seized_5jan"] = sum(
        1 for s in sites if s["region"] == "almaty_city" and s["first_seized_at"]
        and day_of(s["first_seized_at"]) == 5)
    m["sites_seized_total"] = sum(1 for s in sites if s["first_seized_at"])
    first = min((r for r in summary if r["joined_at"]), key=lambda r: r["joined_at"], default=None)
    m["first_region"] = first["region"] if first else "-"
    return m


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--unrest", default="build/unrest")
    p.add_argument("--scenario", default="kazakhstan-2022")
    p.add_argument("--seeds", default="1-5")
    p.add_argument("--set", action="append", default=[])
    p.add_argument("--threads", default="0")
    p.add_argument("--keep")
    a = p.parse_args()
    lo, _, hi = a.seeds.partition("-")
    seeds = range(int(lo), int(hi or lo) + 1)
    base = a.keep or tempfile.mkdtemp(prefix="unrest-calib-")
    runs = []
    for seed in seeds:
        out = os.path.join(base, f"seed{seed}")
        cmd = [a.unrest, "run", a.scenario, "--seed", str(seed), "--out", out, "--force", "--quiet"]
        if a.threads != "0":
            cmd += ["--threads", a.threads]
        for s in a.set:
            cmd += ["--set", s]
        subprocess.run(cmd, check=True)
        runs.append(metrics(out))
    observed = {
        "regions_with_protest_2jan": "1", "regions_with_protest_3jan": "8",
        "regions_with_protest_4jan": "11", "regions_with_protest_5jan": "14-15",
        "peak_active_2jan": "~700", "peak_active_4jan": "36,831", "peak_active_5jan": "~50,000",
        "detained_by_7jan": ">3,000", "detained_by_9jan": "5,969", "detained_by_11jan": "~9,900",
        "security_killed": "19", "almaty_sites_seized_5jan": "5 (admin, residence, KNB, TV, airport)",
        "peak_day": "4-5", "first_region": "mangystau",
    }
    print(f"{'target':32} {'observed':>14} {'simulated mean':>16} {'range':>24}")
    for key in runs[0]:
        values = [r[key] for r in runs]
        if isinstance(values[0], str):
            shown, rng = max(set(values), key=values.count), ",".join(sorted(set(values)))
        else:
            shown, rng = f"{statistics.mean(values):,.1f}", f"{min(values):,.0f} .. {max(values):,.0f}"
        print(f"{key:32} {observed.get(key, ''):>14} {shown:>16} {rng:>24}")


if __name__ == "__main__":
    sys.exit(main())
