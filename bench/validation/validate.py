#!/usr/bin/env python3
"""Numbers for docs/validation.md: Epstein's claims and the peer cross-check.

Runs the `unrest` CLI once per (scenario, seed) into a temporary directory, reads the
timeseries.csv and outbursts.csv it writes, and prints Markdown tables. Standard library only.

    bench/validation/validate.py [--unrest build/unrest] [--seeds 20] [SECTION ...]

SECTION is any of: run2 literal run34 run5 analytic sensitivity mesa netlogo (default: all).
Every `unrest run` command line it executes is printed (as a Markdown comment) so that a single
run can be reproduced by hand.
"""

import argparse
import csv
import math
import os
import shlex
import statistics
import subprocess
import sys
import tempfile

ECHO = []  # the command lines run, for the report


def run(unrest, scenario, seed, periods=None, sets=()):
    """One `unrest run`; returns (series, outbursts) as lists of dicts with numeric values."""
    with tempfile.TemporaryDirectory(prefix="unrest-validate-") as out:
        cmd = [unrest, "run", scenario, "--seed", str(seed), "--quiet", "--force", "--out", out]
        if periods is not None:
            cmd += ["--periods", str(periods)]
        for s in sets:
            cmd += ["--set", s]
        ECHO.append(" ".join(shlex.quote(c) for c in cmd[:6] + cmd[9:]))
        subprocess.run(cmd, check=True)
        return read_csv(os.path.join(out, "timeseries.csv")), read_csv(
            os.path.join(out, "outbursts.csv"))


def read_csv(path):
    with open(path, newline="") as f:
        rows = [line for line in f if not line.startswith("#")]
    out = []
    for r in csv.DictReader(rows):
        out.append({k: (v == "true" if v in ("true", "false") else float(v)) for k, v in r.items()})
    return out


def mean_sd(xs):
    if not xs:
        return float("nan"), float("nan")
    if len(xs) == 1:
        return xs[0], 0.0
    return statistics.fmean(xs), statistics.stdev(xs)


def fmt(x, digits=1):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def series_stats(series, outbursts):
    active = [r["active"] for r in series]
    n = len(series)
    in_outburst = sum(o["duration"] for o in outbursts)
    return {
        "mean_active": statistics.fmean(active),
        "peak_active": max(active),
        "mean_jailed": statistics.fmean(r["jailed"] for r in series),
        "outbursts": len(outbursts),
        "per_1000": 1000.0 * len(outbursts) / n,
        "share_in_outburst": in_outburst / n,
        "share_below_10": sum(a < 10 for a in active) / n,
        "waits": [o["waiting_time"] for o in outbursts if not o["first"]],
        "activation": [o["total_activation"] for o in outbursts if o["complete"]],
        "duration": [o["duration"] for o in outbursts if o["complete"]],
        "peaks": [o["peak"] for o in outbursts if o["complete"]],
    }


def section_run2(args):
    print("## Claim 2: run 2, paper preset (floor ratio)\n")
    per_seed = []
    for seed in range(1, args.seeds + 1):
        per_seed.append(series_stats(*run(args.unrest, "epstein-run2", seed)))
    print("| seed | outbursts /1000 | mean wait | sd wait | mean activation | sd activation "
          "| mean actives | share in outburst | share < 10 actives | mean jailed |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for seed, s in enumerate(per_seed, start=1):
        wm, ws = mean_sd(s["waits"])
        am, asd = mean_sd(s["activation"])
        print(f"| {seed} | {s['per_1000']:.0f} | {fmt(wm)} | {fmt(ws)} | {fmt(am, 0)} | "
              f"{fmt(asd, 0)} | {s['mean_active']:.1f} | {s['share_in_outburst']:.3f} | "
              f"{s['share_below_10']:.3f} | {s['mean_jailed']:.1f} |")
    waits = [w for s in per_seed for w in s["waits"]]
    act = [a for s in per_seed for a in s["activation"]]
    dur = [d for s in per_seed for d in s["duration"]]
    peaks = [p for s in per_seed for p in s["peaks"]]
    wm, ws = mean_sd(waits)
    am, asd = mean_sd(act)
    print()
    print(f"Pooled over {args.seeds} seeds x 1000 periods:\n")
    print("| measure | ours | paper |")
    print("|---|---:|---:|")
    print(f"| waiting time, mean (n = {len(waits)}) | {wm:.1f} | ≈ 60 |")
    print(f"| waiting time, s.d. | {ws:.1f} | ≈ 55 |")
    print(f"| waiting time, s.d. / mean | {ws / wm:.2f} | ≈ 0.9 (1 for an exponential) |")
    qs = statistics.quantiles(waits, n=10)
    print(f"| waiting time, min / 10 % / median / 90 % / max | {min(waits):.0f} / {qs[0]:.0f} / "
          f"{statistics.median(waits):.0f} / {qs[8]:.0f} / {max(waits):.0f} | |")
    print(f"| total activation per outburst, mean (n = {len(act)}) | {am:.0f} | ≈ 708 |")
    print(f"| total activation per outburst, s.d. | {asd:.0f} | ≈ 230 |")
    dm, dsd = mean_sd(dur)
    pm, psd = mean_sd(peaks)
    print(f"| outburst duration, mean (s.d.) | {dm:.1f} ({dsd:.1f}) | |")
    print(f"| outburst peak actives, mean (s.d.) | {pm:.0f} ({psd:.0f}) | |")
    for key, label in (("per_1000", "outbursts per 1000 periods"), ("mean_active", "mean actives"),
                       ("share_in_outburst", "share of periods in outburst"),
                       ("share_below_10", "share of periods with < 10 actives"),
                       ("mean_jailed", "mean jailed")):
        vals = [s[key] for s in per_seed]
        m, sd = mean_sd(vals)
        print(f"| {label}, mean over seeds (s.d., min–max) | {m:.3f} ({sd:.3f}, "
              f"{min(vals):.3f}–{max(vals):.3f}) | |")
    # Shape of the pooled waiting-time distribution.
    print("\nPooled waiting-time histogram (periods between outbursts):\n")
    print("| waiting time | count | share |")
    print("|---|---:|---:|")
    edges = [0, 5, 10, 15, 20, 25, 30, 40, 60, 100, 10**9]
    for lo, hi in zip(edges, edges[1:]):
        c = sum(lo <= w < hi for w in waits)
        label = f"{lo}–{hi - 1}" if hi < 10**9 else f"≥ {lo}"
        print(f"| {label} | {c} | {c / len(waits):.3f} |")
    print()


def section_literal(args):
    print("## Claim 1: run 2, literal ratio\n")
    peaks, obs, means = [], [], []
    for seed in range(1, args.seeds + 1):
        s = series_stats(*run(args.unrest, "epstein-run2", seed, sets=["arrest.ratio=literal"]))
        peaks.append(s["peak_active"])
        obs.append(s["outbursts"])
        means.append(s["mean_active"])
    m, sd = mean_sd(peaks)
    print(f"{args.seeds} seeds x 1000 periods: outbursts {sum(obs)} in all; peak actives per seed "
          f"mean {m:.1f}, s.d. {sd:.1f}, max {max(peaks):.0f}; mean actives "
          f"{statistics.fmean(means):.2f}.\n")
    print("Peak actives per seed: " + ", ".join(f"{p:.0f}" for p in peaks) + "\n")


def section_run34(args):
    print("## Claim 3: runs 3 (salami) and 4 (one jump)\n")
    print("| seed | run 3: max actives, t < 50 | run 3 peak (t ≥ 50) | at t | "
          "run 4: max actives, t < 77 | run 4 peak (t ≥ 77) | at t | jump > salami |")
    print("|---:|---:|---:|---:|---:|---:|---:|---|")
    wins = 0
    r3p, r4p = [], []
    for seed in range(1, args.seeds + 1):
        s3, _ = run(args.unrest, "epstein-run3", seed)
        s4, _ = run(args.unrest, "epstein-run4", seed)
        pre3 = max(r["active"] for r in s3 if r["period"] < 50)
        pre4 = max(r["active"] for r in s4 if r["period"] < 77)
        post3 = max((r for r in s3 if r["period"] >= 50), key=lambda r: r["active"])
        post4 = max((r for r in s4 if r["period"] >= 77), key=lambda r: r["active"])
        win = post4["active"] > post3["active"]
        wins += win
        r3p.append(post3["active"])
        r4p.append(post4["active"])
        print(f"| {seed} | {pre3:.0f} | {post3['active']:.0f} | {post3['period']:.0f} | {pre4:.0f} | "
              f"{post4['active']:.0f} | {post4['period']:.0f} | {'yes' if win else 'no'} |")
    print(f"\nOne-jump peak above salami peak in {wins} of {args.seeds} seeds; mean peak run 3 "
          f"{statistics.fmean(r3p):.0f}, run 4 {statistics.fmean(r4p):.0f}.\n")


def section_run5(args):
    print("## Claim 4: run 5, cops withdrawn from period 50 to 250\n")
    print("| seed | peak actives | first period > 50 actives | cops then | cop density then |")
    print("|---:|---:|---:|---:|---:|")
    firsts, cops = [], []
    for seed in range(1, args.seeds + 1):
        series, _ = run(args.unrest, "epstein-run5", seed)
        peak = max(r["active"] for r in series)
        first = next((r for r in series if r["active"] > 50), None)
        if first is None:
            print(f"| {seed} | {peak:.0f} | never | | |")
            continue
        firsts.append(first["period"])
        cops.append(first["cops"])
        print(f"| {seed} | {peak:.0f} | {first['period']:.0f} | {first['cops']:.0f} | "
              f"{first['cops'] / 1600:.4f} |")
    if firsts:
        print(f"\nTipped in {len(firsts)} of {args.seeds} seeds; first period above 50 actives: "
              f"mean {statistics.fmean(firsts):.1f}, range {min(firsts):.0f}–{max(firsts):.0f}; "
              f"cops on duty then: mean {statistics.fmean(cops):.1f} "
              f"(density {statistics.fmean(cops) / 1600:.4f}; 118 at the start).\n")


def section_analytic(args):
    print("## Claim 8: with no cops, the active fraction is 1 − T/(1 − L)\n")
    print("| lattice | L | expected | seeds | active fraction, mean over seeds (min–max) | "
          "binomial s.d. per run |")
    print("|---|---:|---:|---:|---|---:|")
    for size in (40, 200):
        for L in (0.82, 0.8):
            fracs = []
            n = 0
            for seed in range(1, args.seeds + 1):
                series, _ = run(args.unrest, "epstein-run2", seed, periods=5,
                                sets=["cops.density=0", f"citizens.legitimacy={L}",
                                      f"lattice.width={size}", f"lattice.height={size}"])
                last = series[-1]
                n = last["active"] + last["quiet"] + last["jailed"]
                fracs.append(last["active"] / n)
            p = 1 - 0.1 / (1 - L)
            print(f"| {size} × {size} ({n:.0f} citizens) | {L} | {p:.4f} | {args.seeds} | "
                  f"{statistics.fmean(fracs):.4f} ({min(fracs):.4f}–{max(fracs):.4f}) | "
                  f"{math.sqrt(p * (1 - p) / n):.4f} |")
    print()


def cross_check(args, title, sets, periods=500, seeds=5):
    print(f"## Cross-check: {title}\n")
    print("| seed | mean actives | peak actives | mean jailed | outbursts | outbursts /1000 | "
          "share in outburst |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for seed in range(1, seeds + 1):
        s = series_stats(*run(args.unrest, "epstein-run2", seed, periods=periods, sets=sets))
        rows.append(s)
        print(f"| {seed} | {s['mean_active']:.1f} | {s['peak_active']:.0f} | {s['mean_jailed']:.1f} | "
              f"{s['outbursts']} | {s['per_1000']:.0f} | {s['share_in_outburst']:.3f} |")
    avg = {k: statistics.fmean(r[k] for r in rows)
           for k in ("mean_active", "peak_active", "mean_jailed", "outbursts", "per_1000",
                     "share_in_outburst")}
    print(f"| **mean** | {avg['mean_active']:.1f} | {avg['peak_active']:.1f} | "
          f"{avg['mean_jailed']:.1f} | {avg['outbursts']:.1f} | {avg['per_1000']:.1f} | "
          f"{avg['share_in_outburst']:.3f} |")
    print()


def section_sensitivity(args, seeds=5):
    print("## Run 2 waiting times: sensitivity to single options (floor ratio)\n")
    print("| change from the paper preset | outbursts /1000 | mean wait | s.d. / mean | "
          "mean activation | mean jailed |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, sets in (("none", []), ("jail.max_term=15", ["jail.max_term=15"]),
                        ("jail.max_term=60", ["jail.max_term=60"]),
                        ("jail.term=integer_below_max", ["jail.term=integer_below_max"]),
                        ("rules.order=act_then_move", ["rules.order=act_then_move"]),
                        ("citizens.move=false, cops.move=false",
                         ["citizens.move=false", "cops.move=false"]),
                        ("rules.vision_shape=diamond", ["rules.vision_shape=diamond"])):
        rows = [series_stats(*run(args.unrest, "epstein-run2", seed, sets=sets))
                for seed in range(1, seeds + 1)]
        waits = [w for r in rows for w in r["waits"]]
        act = [a for r in rows for a in r["activation"]]
        wm, ws = mean_sd(waits)
        print(f"| {label} | {statistics.fmean(r['per_1000'] for r in rows):.1f} | {fmt(wm)} | "
              f"{fmt(ws / wm if waits else float('nan'), 2)} | {fmt(mean_sd(act)[0], 0)} | "
              f"{statistics.fmean(r['mean_jailed'] for r in rows):.0f} |")
    print()


SECTIONS = {
    "run2": section_run2,
    "literal": section_literal,
    "run34": section_run34,
    "run5": section_run5,
    "analytic": section_analytic,
    "sensitivity": section_sensitivity,
    "mesa": lambda a: cross_check(a, "`mesa` preset at Mesa's defaults", [
        "rules.preset=mesa", "citizens.legitimacy=0.8", "cops.density=0.074",
        "jail.max_term=1000"]),
    "netlogo": lambda a: cross_check(a, "`netlogo` preset at NetLogo Rebellion's defaults", [
        "rules.preset=netlogo"]),
}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--unrest", default="build/unrest", help="path of the unrest binary")
    p.add_argument("--seeds", type=int, default=20, help="seeds 1..N for claims 1-4 and 8")
    p.add_argument("--show-commands", action="store_true", help="print every command line run")
    p.add_argument("sections", nargs="*", help="any of: " + " ".join(SECTIONS))
    args = p.parse_args()
    for name in args.sections:
        if name not in SECTIONS:
            p.error(f"unknown section {name!r}")
    for name in args.sections or list(SECTIONS):
        SECTIONS[name](args)
        sys.stdout.flush()
    if args.show_commands:
        print("Commands run:\n")
        for c in ECHO:
            print(f"    {c}")


if __name__ == "__main__":
    main()
