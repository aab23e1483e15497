"""Ingest speed and memory, side by side with a plain peer pipeline, in one run.

    python benchmarks/ingest.py [--copies 10] [--jobs 2] [--stages]
    python benchmarks/ingest.py --baseline ../main [--rounds 2] [--stages]

The shared corpus (tests/data: 83 reports, 3.9 MB) is copied ``--copies`` times with unique
texts into a temporary folder. Then, each in a fresh process:

* peer: read → OpenCC t2s → number regex → rjieba (search mode) → SQLite FTS5;
* baogao ``--jobs 1`` and ``--jobs N``: the whole ingest (normalize, metadata, outline, facts,
  open facts, glossary, search index, compact storage), then a no-op re-ingest.

``--stages`` adds the CPU cost of each stage (one serial pass over the corpus ×1).

``--baseline TREE`` measures another checkout (``TREE/baogao``) and this one in alternation,
``--rounds`` times each, in the same minutes: on a shared machine the load changes CPU figures
by more than most speed edits, so only runs made side by side compare. Printed: each run, then
the median of each figure for both trees.

Printed: CPU seconds per input MB and its ratio (peer ÷ baogao: ≥ 1.0 means baogao spends no
more CPU per MB than the peer), MB/s, peak RSS of the largest process, no-op re-ingest MB/s
and library size ÷ input size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path
from typing import Any

from corpus_copies import (
    ROOT,
    SOURCES,
    input_bytes,
    make_copies,
    measure,
    measure_stages,
    stage_costs,
)


def _line(name: str, r: dict[str, Any], mb: float) -> str:
    return (f"{name:<16} {r['cpu'] / mb:>8.2f} {mb / r['wall']:>8.2f} {r['rss_max']:>9.0f} "
            f"{r['library_bytes'] / (mb * 1e6):>8.2f}")


def _print_stages(costs: dict[str, float], mb1: float) -> None:
    total = sum(costs.values())
    print(f"stage CPU, serial, corpus ×1 ({mb1:.1f} MB): {total / mb1:.2f} s/MB")
    for stage, cpu in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<28} {cpu / mb1:>6.3f} s/MB  {100 * cpu / total:>5.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--stages", action="store_true",
                        help="also print the CPU cost of each stage (serial, corpus ×1)")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another source tree, measured in alternation with this one")
    parser.add_argument("--rounds", type=int, default=2,
                        help="with --baseline: runs of each tree (default 2)")
    args = parser.parse_args()
    if args.baseline is not None:
        compare(args)
        return
    with tempfile.TemporaryDirectory(prefix="baogao-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        make_copies(corpus, args.copies)
        mb = input_bytes(corpus) / 1e6
        print(f"corpus ×{args.copies}: {mb:.1f} MB; load average {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} cores (a loaded machine inflates CPU figures of Python code "
              "more than the peer's: compare runs made at a similar load)")
        peer = measure("peer", corpus, Path(tmp) / "peer.db")
        runs = {1: measure("baogao", corpus, Path(tmp) / "jobs1.db", 1)}
        if args.jobs > 1:
            runs[args.jobs] = measure("baogao", corpus, Path(tmp) / f"jobs{args.jobs}.db",
                                      args.jobs)
    print(f"{'pipeline':<16} {'CPU s/MB':>8} {'MB/s':>8} {'peak MB':>9} {'lib/in':>8}")
    print(_line("peer", peer, mb))
    for jobs, r in runs.items():
        print(_line(f"baogao --jobs {jobs}", r, mb))
    ours = runs[1]
    print(f"CPU per MB, peer ÷ baogao (--jobs 1): {peer['cpu'] / ours['cpu']:.2f} "
          f"(target ≥ 1.0); load average now {os.getloadavg()[0]:.1f}")
    for jobs, r in runs.items():
        print(f"--jobs {jobs}: {r['documents']} documents, {r['facts']} facts, "
              f"{r['errors']} errors; no-op re-ingest {mb / r['noop_wall']:.0f} MB/s "
              f"({mb / max(r['noop_cpu'], 1e-3):.0f} MB per CPU s) "
              f"({r['noop_wall']:.2f} s, {r['noop_added']} added, {r['skipped_files']} files "
              f"skipped); peak RSS main {r['rss_self']:.0f} MB, workers "
              f"{r['rss_children']:.0f} MB; CPU s/MB main {r['cpu_main'] / mb:.2f}, workers "
              f"{(r['cpu'] - r['cpu_main']) / mb:.2f}")
    if args.stages:
        mb1 = sum(input_bytes(p) for p in SOURCES) / 1e6
        _print_stages(stage_costs(), mb1)


def _figures(peer: dict[str, Any], runs: dict[int, dict[str, Any]], mb: float
             ) -> dict[str, float]:
    """The compared figures of one round of one tree."""
    one = runs[1]
    found = {"peer CPU s/MB": peer["cpu"] / mb, "CPU s/MB --jobs 1": one["cpu"] / mb,
             "ratio peer ÷ baogao": peer["cpu"] / one["cpu"], "MB/s --jobs 1": mb / one["wall"]}
    for jobs, r in runs.items():
        if jobs > 1:
            found[f"CPU s/MB --jobs {jobs}"] = r["cpu"] / mb
            found[f"MB/s --jobs {jobs}"] = mb / r["wall"]
            found[f"peak MB --jobs {jobs}"] = r["rss_max"]
    found["no-op MB/s"] = mb / one["noop_wall"]
    found["library ÷ input"] = one["library_bytes"] / (mb * 1e6)
    found["facts"] = one["facts"]
    return found


def _fmt(value: float) -> str:
    return f"{value:.0f}" if value >= 100 else f"{value:.2f}"


def compare(args: argparse.Namespace) -> None:
    """Measure ``args.baseline`` and this tree in alternation; print both side by side."""
    trees = {"baseline": args.baseline.resolve(), "this tree": ROOT}
    rows: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    stages: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    mb1 = sum(input_bytes(p) for p in SOURCES) / 1e6
    with tempfile.TemporaryDirectory(prefix="baogao-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        make_copies(corpus, args.copies)
        mb = input_bytes(corpus) / 1e6
        print(f"corpus ×{args.copies}: {mb:.1f} MB; baseline {trees['baseline']}")
        for k in range(args.rounds):
            for name, root in trees.items():
                load = os.getloadavg()[0]
                peer = measure("peer", corpus, Path(tmp) / f"peer{k}{name[0]}.db")
                runs = {1: measure("baogao", corpus, Path(tmp) / f"j1{k}{name[0]}.db", 1, root)}
                if args.jobs > 1:
                    runs[args.jobs] = measure("baogao", corpus,
                                              Path(tmp) / f"jn{k}{name[0]}.db", args.jobs, root)
                found = _figures(peer, runs, mb)
                rows[name].append(found)
                print(f"round {k + 1} {name:<9} (load {load:.1f}): " + ", ".join(
                    f"{key} {_fmt(value)}" for key, value in found.items()))
                if args.stages:
                    stages[name].append(measure_stages(root))
    print(f"\nmedians of {args.rounds} rounds  {'baseline':>10} {'this tree':>10}")
    for key in rows["this tree"][0]:
        base = statistics.median(r[key] for r in rows["baseline"])
        ours = statistics.median(r[key] for r in rows["this tree"])
        print(f"  {key:<28} {_fmt(base):>10} {_fmt(ours):>10}")
    if args.stages:
        print(f"stage CPU, serial, corpus ×1 ({mb1:.1f} MB), s/MB, medians"
              f"  {'baseline':>10} {'this tree':>10}")
        keys = sorted(stages["this tree"][0], key=lambda s: -stages["this tree"][0][s])
        for key in [*keys, "total"]:
            def value(costs: dict[str, float], key: str = key) -> float:
                return sum(costs.values()) if key == "total" else costs.get(key, 0.0)

            base = statistics.median(value(c) for c in stages["baseline"]) / mb1
            ours = statistics.median(value(c) for c in stages["this tree"]) / mb1
            print(f"  {key:<28} {base:>10.3f} {ours:>10.3f}")


if __name__ == "__main__":
    main()
