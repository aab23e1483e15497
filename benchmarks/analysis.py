"""Time track, compare, diff and attention over the whole shared corpus and print the figures.

    python benchmarks/analysis.py [--db lib.db] [--corpus ../shared] [--repeat 3]

Builds a library from the seeds and corpus (unless --db names one already built), then runs
each analysis ``--repeat`` times and prints the best wall time with what it produced.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from baogao.analyze.attention import attention_panel, load_topics
from baogao.analyze.compare import compare
from baogao.analyze.diff import diff_documents
from baogao.analyze.track import summarize, track
from baogao.library import Library

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    for candidate in (ROOT.parent / "shared", ROOT / "tests" / "data"):
        if (candidate / "corpus").is_dir():
            return candidate
    sys.exit("no corpus found: pass --corpus DIR (holding seeds/ and corpus/)")


def timed(label: str, repeat: int, fn: Callable[[], T], describe: Callable[[T], str]) -> None:
    """Run ``fn`` ``repeat`` times; print the best and median wall times and a description."""
    times = []
    result = fn()
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    print(f"{label:<34} best {min(times) * 1000:8.1f} ms   median "
          f"{statistics.median(times) * 1000:8.1f} ms   {describe(result)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing library (else one is built in a temp dir)")
    parser.add_argument("--corpus", type=Path, help="folder with seeds/ and corpus/")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "lib.db")
    lib = Library(db)
    if not args.db:
        shared = args.corpus or _shared()
        start = time.perf_counter()
        report = lib.ingest([shared / "seeds", shared / "corpus"], jobs=2)
        print(f"ingest {shared}: {report.documents} documents, {report.facts} facts, "
              f"{time.perf_counter() - start:.1f} s")
    n_docs = lib.store.count()
    print(f"library {db}: {n_docs} documents, {len(lib.facts())} facts")
    docs = [d for d in lib.documents()
            if d.doc_type == "work_report" and d.level == "national"]
    r = args.repeat
    timed("track (all regions)", r, lambda: track(lib),
          lambda rows: str(summarize(rows)))
    timed("track 西城区", r, lambda: track(lib, "西城区"),
          lambda rows: f"{len(rows)} rows")
    timed("compare gdp_growth target 2026", r,
          lambda: compare(lib, "gdp_growth", kind="target", period=2026),
          lambda rows: f"{len(rows)} regions")
    timed("compare gdp_growth actual 全国", r,
          lambda: compare(lib, "gdp_growth", kind="actual", region="全国"),
          lambda rows: f"{len(rows)} years")
    if len(docs) >= 2:
        timed("diff national 2024 → 2025", r, lambda: diff_documents(lib, docs[1].id, docs[0].id),
              lambda d: f"{len(d.targets)} targets compared")
    topics = load_topics()
    timed(f"attention panel ({len(topics)} topics)", r, lambda: attention_panel(lib, topics),
          lambda p: f"{len(p)} region-years")
    timed("attention panel (all doc types)", r,
          lambda: attention_panel(lib, topics, doc_types=None),
          lambda p: f"{len(p)} region-years")
    lib.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
