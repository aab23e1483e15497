"""Ingest at archive scale: the corpus copied ×30 and ×100 (unique texts), side by side with
the plain peer pipeline at the same scale (benchmarks/scale.py measures analysis, serving
and start-up at scale).

    python benchmarks/ingest_scale.py [--copies 30 100] [--jobs 2] [--no-peer]

For each scale, each run in a fresh process: CPU seconds per MB (and peer ÷ baogao), MB/s,
peak RSS of the largest process (main or worker: memory must stay flat as the library grows),
no-op re-ingest MB/s and library size ÷ input size.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from corpus_copies import input_bytes, make_copies, measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, nargs="+", default=[30, 100])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-peer", action="store_true", help="skip the peer pipeline")
    args = parser.parse_args()
    print(f"{'scale':<6} {'pipeline':<16} {'MB':>6} {'docs':>6} {'CPU s/MB':>8} {'MB/s':>6} "
          f"{'peak MB':>8} {'main MB':>8} {'no-op MB/s':>10} {'lib/in':>7}")
    for copies in args.copies:
        with tempfile.TemporaryDirectory(prefix="baogao-scale-") as tmp:
            corpus = Path(tmp) / "corpus"
            make_copies(corpus, copies)
            mb = input_bytes(corpus) / 1e6
            runs = {}
            if not args.no_peer:
                runs["peer"] = measure("peer", corpus, Path(tmp) / "peer.db")
            runs[f"baogao --jobs {args.jobs}"] = measure("baogao", corpus,
                                                         Path(tmp) / "lib.db", args.jobs)
        for name, r in runs.items():
            noop = f"{mb / r['noop_wall']:>10.0f}" if "noop_wall" in r else f"{'-':>10}"
            print(f"×{copies:<5} {name:<16} {mb:>6.0f} {r['documents']:>6} "
                  f"{r['cpu'] / mb:>8.2f} {mb / r['wall']:>6.2f} {r['rss_max']:>8.0f} "
                  f"{r['rss_self']:>8.0f} {noop} {r['library_bytes'] / (mb * 1e6):>7.2f}")
        if "peer" in runs:
            ours = runs[f"baogao --jobs {args.jobs}"]
            print(f"×{copies}: CPU per MB, peer ÷ baogao: {runs['peer']['cpu'] / ours['cpu']:.2f}")


if __name__ == "__main__":
    main()
