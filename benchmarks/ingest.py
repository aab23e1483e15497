"""Ingest speed: documents/s and MB/s for the shared corpus into a fresh SQLite library.

    python benchmarks/ingest.py [PATH ...] [--jobs N] [--repeat K]

Prints one line per run (serial and parallel) and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from baogao.library import Library

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests" / "data" / "seeds", ROOT / "tests" / "data" / "corpus"]


def run(paths: list[Path], jobs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        report = lib.ingest(paths, jobs=jobs)
        elapsed = time.perf_counter() - t0
        t1 = time.perf_counter()
        again = lib.ingest(paths, jobs=jobs)
        reingest = time.perf_counter() - t1
        lib.close()
    mb = report.bytes / 1e6
    print(f"jobs={jobs}: {report.documents} documents, {mb:.2f} MB in {elapsed:.2f} s -> "
          f"{report.documents / elapsed:.1f} documents/s, {mb / elapsed:.2f} MB/s; "
          f"{report.facts} facts, {report.terms} terms; re-ingest (no-op) {reingest:.2f} s, "
          f"{again.added} added")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    run(args.paths, 1)
    if args.jobs > 1:
        run(args.paths, args.jobs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (main process): {peak:.0f} MB", file=sys.stdout)


if __name__ == "__main__":
    main()
