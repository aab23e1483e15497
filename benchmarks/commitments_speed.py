"""Commitment tracking speed: stored commitments against extracting them per request.

    python benchmarks/commitments_speed.py [--shared /work/shared] [--db lib.db] [--repeat 3]
                                           [--copies 30]

Ingests the 15 provinces' 2025 and 2026 reports (30 documents; or uses ``--db``) and prints,
side by side:

* **per request (baseline)** — what the 承诺追踪 page did before commitments were stored: read
  every report in scope with its facts, extract the commitments, link them
  (``track_documents``);
* **stored** — ``Library.track_commitments``: commitments read from the ``commitments`` table,
  results looked up in the later reports' stored facts and review sentences;

for every region at once and for one region (the page's usual filter), first call and the
best of ``--repeat`` later calls (the server keeps its caches), plus what extraction adds to
ingest (milliseconds per document).

With ``--copies N`` it also times linking as in a library holding every report N times (N
reports of each region and year, each answered by N later reports): each region-year's
commitments and the later reports' actual facts and review sentences are repeated N times
(distinct objects) and linked fact by fact (``choose_link`` over a plain list and
``find_done`` over every sentence: the tracker before indexing) and through the indexes
(``Actuals``, ``SaidIndex``), checking both give the same links and sentences.
"""

from __future__ import annotations

import argparse
import copy
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from baogao.analyze.commitments import (
    Actuals,
    Said,
    SaidIndex,
    _later_by_region,
    _later_report,
    choose_link,
    find_done,
    track_documents,
)
from baogao.extract.commitments import extract_commitments
from baogao.library import Library
from baogao.models import Commitment, Fact


def _timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    start = time.perf_counter()
    result = fn()
    first = time.perf_counter() - start
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return first, best, result


def _per_request(lib: Library, region: str | None) -> int:
    listed = [d for d in lib.documents() if region is None or d.region == region]
    docs = {d.id: lib.document(d.id) for d in listed}
    facts = {i: lib.facts(doc_id=i, include_open=True) for i in docs}
    return len(track_documents(docs, facts))


def _groups(lib: Library) -> list[tuple[list[Commitment], list[Fact], list[Said]]]:
    """Per region and year: the commitments, the later reports' one-year actual facts and
    their review sentences (as ``track_commitments`` reads them)."""
    by_region = _later_by_region([d for d in lib.documents() if d.year])
    groups = []
    for (region, year), group in sorted(by_region.items()):
        later = by_region.get((region, year + 1))
        if not later:
            continue
        commitments = lib.commitments([d.id for d in group])
        reports = [_later_report(lib, d.id) for d in later]
        actuals = [f for d in reports for f in d.one_year(lib.facts(
            doc_id=d.doc_id, kind="actual", period=year, include_open=True))]
        groups.append((commitments, actuals, [s for d in reports for s in d.said]))
    return groups


def _copies(lib: Library, n: int) -> None:
    groups = [(cs * n, [copy.copy(f) for _ in range(n) for f in fs],
               [copy.copy(s) for _ in range(n) for s in ss]) for cs, fs, ss in _groups(lib)]
    pairs = sum(len(cs) * len(fs) for cs, fs, _ in groups)
    start = time.perf_counter()
    old = [(choose_link(c, fs) if c.value is not None else None, find_done(c, ss))
           for cs, fs, ss in groups for c in cs]
    old_time = time.perf_counter() - start
    start = time.perf_counter()
    new = []
    for cs, fs, ss in groups:
        index, sentences = Actuals(fs), SaidIndex(ss)
        new += [(choose_link(c, index) if c.value is not None else None,
                 find_done(c, ss, sentences)) for c in cs]
    new_time = time.perf_counter() - start
    same = all(a[0] == b[0] and (a[1] is None) == (b[1] is None) and (
        a[1] is None or b[1] is None or a[1][0] is b[1][0]) for a, b in zip(old, new, strict=True))
    print(f"linking x{n}: {len(old)} commitments, {pairs:,} commitment-fact pairs: "
          f"fact by fact {old_time:7.2f} s, indexed {new_time:6.2f} s "
          f"({old_time / max(new_time, 1e-9):.0f}x); same links and sentences: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="/work/shared", help="The shared inputs folder.")
    parser.add_argument("--db", help="An existing library (default: ingest the provinces).")
    parser.add_argument("--repeat", type=int, default=3, help="Warm calls to time.")
    parser.add_argument("--copies", type=int, default=0,
                        help="Also time linking with every report N times (see above).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "lib.db")
        if not args.db:
            corpus = Path(args.shared) / "corpus"
            with Library(db) as lib:
                start = time.perf_counter()
                report = lib.ingest([corpus / "provinces-2025", corpus / "provinces-2026"])
                print(f"ingest: {report.documents} documents in "
                      f"{time.perf_counter() - start:.1f} s")
        with Library(db, readonly=True) as lib:
            docs = [lib.document(d.id) for d in lib.documents()]
            start = time.perf_counter()
            found = sum(len(extract_commitments(d, lib.facts(doc_id=d.id, include_open=True)))
                        for d in docs)
            spent = time.perf_counter() - start
            print(f"extraction at ingest: {found} commitments of {len(docs)} documents, "
                  f"{1000 * spent / max(1, len(docs)):.1f} ms per document")
            region = next((d.region for d in docs if d.region and d.year), None)
            print(f"{'request':32} {'per request (baseline)':>26} {'stored':>22}")
            for label, wanted in (("every region", None), (f"one region ({region})", region)):
                old_first, old_best, rows_old = _timed(lambda w=wanted: _per_request(lib, w),
                                                       args.repeat)
                new_first, new_best, rows_new = _timed(
                    lambda w=wanted: len(lib.track_commitments(w)), args.repeat)
                print(f"{label:32} {old_first:8.3f} s first {old_best:6.3f} s warm "
                      f"{new_first:6.3f} s first {new_best:6.3f} s warm"
                      f"   ({rows_old} / {rows_new} rows)")
            for n in sorted({1, args.copies} - {0}) if args.copies else ():
                _copies(lib, n)


if __name__ == "__main__":
    main()
