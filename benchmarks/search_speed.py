"""Search and ask speed at ×1, ×100 and a simulated ×1000, side by side with round 1.

    python benchmarks/search_speed.py                    # ×1, ×100, simulated ×1000
    python benchmarks/search_speed.py --scales 1 10      # quicker, no ×1000
    python benchmarks/search_speed.py --work DIR         # keep (and reuse) the libraries

Libraries: the shared corpus (tests/data seeds + corpus, 83 reports) ingested once, then
stored ×N in SQL with new ids and sources (``biglib.enlarge``; the index is built from the
original's segmented passages). The simulated ×1000 links every segment of the ×100 index ten
times (``biglib.tenfold_index``): posting lists ten times as long, every hit fetchable; the
SQLite file stays ×100 (PK lookups, not scans, so its size barely matters).

Times: ``search(lib, q, limit=10)`` and ``ask(lib, q)`` end to end in-process (index sync,
query parsing, tantivy top-k with total count, re-ranking, citations, snippets), p50 and p95
over the queries below and the hand-checked questions, each run ``--repeat`` times after one
warm-up pass. Both CPU time (what a query costs; the targets are judged on it) and wall time
(plus the wait for a processor: on a shared, loaded machine most of it) are printed, with
the load average. Round 1 (FTS5, issue 12) is printed next to each figure where measured.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from biglib import DATA, base_library, enlarge, tenfold_index

from baogao.ask.answer import ask
from baogao.ask.search import search
from baogao.library import Library

QUERIES = [
    "就业", "养老", "接诉即办", "新质生产力", "一刻钟便民生活圈", "两区", "营商环境",
    "乡村振兴", "城镇新增就业", "粮食产量", "稳就业保民生", "扩大内需", "科技创新",
    "什么是“两区”建设？", "如何推进新质生产力", "西城区2022年地区生产总值是多少？",
    "今年经济增长的预期目标是多少", "老旧小区改造", "生态环境保护", "教育 医疗 养老",
]
ASK = [
    "西城区2022年地区生产总值是多少？", "2025年全国国内生产总值增长目标是多少？",
    "什么是“两区”建设？", "广东省2026年的经济增长目标是多少", "如何推进新质生产力",
    "城镇新增就业目标是多少", "居民消费价格涨幅目标", "接诉即办改革成效如何",
]
#: Round 1 (FTS5), issue 12: (p50, p95) in ms; None where it was not measured.
BASELINE: dict[tuple[str, str], tuple[float | None, float | None]] = {
    ("search", "x1"): (26, 41), ("search", "x100"): (172, 475), ("ask", "x100"): (None, 883),
}
TARGET_P95 = {"x100": 50.0, "x1000": 150.0}
#: Round 4 (text read from the library by offsets, blocks of 1,024 characters), CPU p95 in
#: ms, the figures of its closing note.
LAST_P95 = {("search", "x100"): 19.9, ("search", "x1000"): 33.7, ("ask", "x100"): 15.5,
            ("ask", "x1000"): 39.9}


def queries() -> list[str]:
    """The fixed queries and the hand-checked questions of tests/data/expected."""
    path = DATA / "expected" / "questions.json"
    extra = [q["question"] for q in json.loads(path.read_text("utf-8"))] if path.exists() else []
    return QUERIES + extra


def percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(times)
    return (statistics.median(ordered) * 1000,
            ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000)


def time_calls(fn: Callable[[str], object], items: list[str], repeat: int) -> tuple[float, float]:
    """p50/p95 (ms) of ``fn`` over ``items``, ``repeat`` passes after a warm-up pass."""
    return time_both(fn, items, repeat)[0]


def time_both(fn: Callable[[str], object], items: list[str], repeat: int,
              reset: Callable[[], object] | None = None
              ) -> tuple[tuple[float, float], tuple[float, float]]:
    """Wall-clock and CPU p50/p95 (ms) of ``fn`` over ``items`` (``reset`` runs before
    each call, untimed).

    CPU time (this process, every thread) is what a call costs; wall time adds waiting for
    the processor, which on a shared machine can be most of it."""
    for q in items:
        fn(q)
    wall, cpu = [], []
    for _ in range(repeat):
        for q in items:
            if reset is not None:
                reset()
            t, c = time.perf_counter(), time.process_time()
            fn(q)
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
    return percentiles(wall), percentiles(cpu)


def _fmt(label: str, scale: str, both: tuple[tuple[float, float], tuple[float, float]]
         ) -> str:
    base = BASELINE.get((label, scale))
    target = TARGET_P95.get(scale)
    wall, measured = both
    line = (f"  {label:<7} CPU p50 {measured[0]:6.1f} ms  p95 {measured[1]:6.1f} ms"
            f"  (wall p50 {wall[0]:6.1f}  p95 {wall[1]:6.1f})")
    if base:
        shown = "/".join("–" if v is None else f"{v:g}" for v in base)
        line += f"   round 1 p50/p95 {shown} ms"
    last = LAST_P95.get((label, scale))
    if last:
        line += f"   round 4 p95 {last:g} ms"
    if target:
        line += f"   target p95 < {target:g} ms: {'met' if measured[1] < target else 'MISSED'}"
    return line


def forget_passages() -> None:
    """Empty this process's caches of decoded passages and text blocks: the next search
    reads every candidate from the index and the library."""
    import baogao.ask.index as index
    import baogao.store.sqlite as store

    with index._PASSAGES_LOCK:
        index._PASSAGES.clear()
    with store._TEXT_BLOCKS_LOCK:
        store._TEXT_BLOCKS.clear()


def measure(db: Path, scale: str, repeat: int
            ) -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    """Print and return search and ask p50/p95 on the library at ``db``.

    Every search runs in full: the per-process cache of result pages (which answers a
    repeated query, e.g. in the web server) is switched off, then timed on its own."""
    import baogao.ask.search as engine

    with Library(db) as lib:
        docs = lib.store.count()
        t = time.perf_counter()
        search(lib, "就业")  # opens the index (and syncs it)
        first = (time.perf_counter() - t) * 1000
        kept, engine.PAGE_CACHE = engine.PAGE_CACHE, 0
        try:
            s = time_both(lambda q: search(lib, q, limit=10), queries(), repeat)
            cold = time_both(lambda q: search(lib, q, limit=10), queries(), repeat,
                             forget_passages)
        finally:
            engine.PAGE_CACHE = kept
        cached = time_both(lambda q: search(lib, q, limit=10), queries(), repeat)
        a = time_both(lambda q: ask(lib, q), ASK, repeat)
    load = os.getloadavg()[0]
    print(f"{scale}: {docs} documents in SQLite; first search (opens the index) {first:.0f} ms;"
          f" load average {load:.1f} on {os.cpu_count()} cores")
    print(_fmt("search", scale, s))
    print(_fmt("cold", scale, cold) + "   (search, passages and text blocks read anew)")
    print(_fmt("cached", scale, cached) + "   (the same queries again: result-page cache)")
    print(_fmt("ask", scale, a))
    sys.stdout.flush()
    return {"search": s, "ask": a}


def build(work: Path, scale: int) -> Path:
    """The ×``scale`` library in ``work`` (built unless already there)."""
    base = base_library(work)
    if scale == 1:
        return base
    out = work / f"x{scale}.db"
    if not (out.exists() and Path(f"{out}.index").exists()):
        seconds = enlarge(base, out, scale)
        print(f"built x{scale} in {seconds:.0f} s", file=sys.stderr)
    return out


def main() -> None:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    ap.add_argument("--no-x1000", action="store_true", help="skip the simulated ×1000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", type=Path, help="folder for the libraries (kept)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for scale in args.scales:
            measure(build(work, scale), f"x{scale}", args.repeat)
        if not args.no_x1000 and 100 in args.scales:
            sim = work / "x1000sim.db"
            if not Path(f"{sim}.index").exists():
                tenfold_index(work / "x100.db", sim)
            measure(sim, "x1000", args.repeat)


if __name__ == "__main__":
    main()
