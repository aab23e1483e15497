"""Choosing the batch engine: the same ``baogao batch`` run on each engine, side by side.

    python benchmarks/cluster_engines.py [PATH ...] [--workers 2]

For each engine (local processes, a Dask cluster, a Ray cluster, both started by the run on
this machine): wall time of the whole run including starting and stopping the cluster, and
documents per second. Engines that are not installed are reported as such.
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from pathlib import Path

from baogao.batch import run_batch

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests" / "data" / "seeds", ROOT / "tests" / "data" / "corpus"]
MODULES = {"local": None, "dask": "distributed", "ray": "ray"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(f"{'engine':<8} {'wall s':>8} {'docs/s':>8}  notes")
    for engine, module in MODULES.items():
        if module and importlib.util.find_spec(module) is None:
            print(f"{engine:<8} {'-':>8} {'-':>8}  not installed")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            report = run_batch(list(args.paths), Path(tmp) / "out", engine=engine,
                               workers=args.workers)
            wall = time.perf_counter() - t0
        print(f"{engine:<8} {wall:>8.1f} {report.documents / wall:>8.2f}  "
              f"{report.documents} documents, {report.parts} parts, "
              f"{len(report.errors)} errors")


if __name__ == "__main__":
    main()
