"""Commitment tracking speed: stored commitments against extracting them per request.

    python benchmarks/commitments_speed.py [--shared /work/shared] [--db lib.db] [--repeat 3]

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
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from baogao.analyze.commitments import track_documents
from baogao.extract.commitments import extract_commitments
from baogao.library import Library


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="/work/shared", help="The shared inputs folder.")
    parser.add_argument("--db", help="An existing library (default: ingest the provinces).")
    parser.add_argument("--repeat", type=int, default=3, help="Warm calls to time.")
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


if __name__ == "__main__":
    main()
