"""Ingest speed and memory, side by side with a plain peer pipeline, in one run.

    python benchmarks/ingest.py [--copies 10] [--jobs 2]

The shared corpus (tests/data: 83 reports, 3.9 MB) is copied ``--copies`` times with unique
texts into a temporary folder. Then, each in a fresh process:

* peer: read → OpenCC t2s → number regex → rjieba (search mode) → SQLite FTS5;
* baogao ``--jobs 1`` and ``--jobs N``: the whole ingest (normalize, metadata, outline, facts,
  open facts, glossary, search index, compact storage), then a no-op re-ingest.

``--stages`` adds the CPU cost of each stage (one serial pass over the corpus ×1).

Printed: CPU seconds per input MB and its ratio (peer ÷ baogao: ≥ 1.0 means baogao spends no
more CPU per MB than the peer), MB/s, peak RSS of the largest process, no-op re-ingest MB/s
and library size ÷ input size.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import Any

from corpus_copies import SOURCES, input_bytes, make_copies, measure, stage_costs


def _line(name: str, r: dict[str, Any], mb: float) -> str:
    return (f"{name:<16} {r['cpu'] / mb:>8.2f} {mb / r['wall']:>8.2f} {r['rss_max']:>9.0f} "
            f"{r['library_bytes'] / (mb * 1e6):>8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--stages", action="store_true",
                        help="also print the CPU cost of each stage (serial, corpus ×1)")
    args = parser.parse_args()
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
        costs = stage_costs()
        total = sum(costs.values())
        print(f"stage CPU, serial, corpus ×1 ({mb1:.1f} MB): {total / mb1:.2f} s/MB")
        for stage, cpu in sorted(costs.items(), key=lambda kv: -kv[1]):
            print(f"  {stage:<28} {cpu / mb1:>6.3f} s/MB  {100 * cpu / total:>5.1f}%")


if __name__ == "__main__":
    main()
