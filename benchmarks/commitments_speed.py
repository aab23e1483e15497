"""Commitment tracking speed: what a request costs, from extracting everything per request
to reading kept rows.

    python benchmarks/commitments_speed.py [--shared /work/shared] [--db lib.db] [--repeat 3]
                                           [--region 北京市西城区] [--copies 30]

Ingests the 15 provinces' 2025 and 2026 reports (30 documents; or uses ``--db``, which gets
the ``commitment_rows`` tables) and prints, for every region at once and for one region (the
page's usual filter), side by side:

* **extract per request** — before commitments were stored: read every report in scope with
  its facts, extract the commitments, link them (``track_documents``); skipped on a library
  of more than 300 documents (minutes);
* **re-read later reports** — round 3: stored commitments, but each later report read whole
  and its review sentences and one-year passages worked out per request;
* **stored digests** — ``compute_rows``: the later reports' review sentences and multi-year
  fact spans read from ``commitment_docs.review`` (kept at ingest), no kept rows;
* **kept rows** — ``Library.track_commitments``: the first call computes and keeps each
  region's rows, later calls (best of ``--repeat``) read them back: every row (the CLI's
  JSON lines), or one page and the verdict counts (``Library.commitment_page``: the API and
  the 承诺追踪 page);

plus what extraction adds to ingest (milliseconds per document).

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

from baogao.analyze.commitment_rows import (
    ROW_TABLES,
    _by_region_year,
    _doc_refs,
    _later,
    compute_rows,
    library_rows,
    review_digest,
)
from baogao.analyze.commitments import (
    Actuals,
    LaterReport,
    Said,
    SaidIndex,
    choose_link,
    find_done,
    track_documents,
    track_many,
)
from baogao.extract.commitments import extract_commitments
from baogao.library import Library
from baogao.models import Commitment, Fact


def _measured(fn: Callable[[], object], times: int) -> tuple[float, float]:
    """Best CPU and wall seconds of ``times`` calls."""
    cpu = wall = float("inf")
    for _ in range(times):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu = min(cpu, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    return cpu, wall


def _per_request(lib: Library, region: str | None) -> int:
    listed = [d for d in lib.documents() if region is None or d.region == region]
    docs = {d.id: lib.document(d.id) for d in listed}
    facts = {i: lib.facts(doc_id=i, include_open=True) for i in docs}
    return len(track_documents(docs, facts))


def _groups(lib: Library) -> list[tuple[list[Commitment], list[Fact], list[Said]]]:
    """Per region and year: the commitments, the later reports' one-year actual facts and
    their review sentences (as ``compute_rows`` reads them)."""
    refs = _doc_refs(lib.store)
    by_region = _by_region_year(refs)
    later = _later(lib, refs)
    groups = []
    for (region, year), group in sorted(by_region.items()):
        after = by_region.get((region, year + 1))
        if not after:
            continue
        commitments = lib.commitments([d.id for d in group])
        reports = [later[d.id] for d in after]
        actuals = [f for d in reports for f in d.one_year(lib.facts(
            doc_id=d.doc_id, kind="actual", period=year, include_open=True))]
        groups.append((commitments, actuals, [s for d in reports for s in d.said]))
    return groups


def _reread(lib: Library, region: str | None) -> int:
    """Round 3's request: stored commitments, each later report read whole again (its
    review sentences and one-year passages worked out per request)."""
    refs = [r for r in _doc_refs(lib.store) if region is None or r.region == region]
    groups = _by_region_year(refs)
    rows = 0
    for (place, year), group in sorted(groups.items()):
        after = groups.get((place, year + 1))
        targets = [r for r in group if r.doc_type in ("work_report", "plan_report")]
        if not after or not targets:
            continue
        reports = [LaterReport(lib.document(r.id)) for r in after]
        actuals = [f for d in reports for f in d.one_year(lib.facts(
            doc_id=d.doc_id, kind="actual", period=year, include_open=True))]
        said = [s for d in reports for s in d.said]
        index, sentences = Actuals(actuals), SaidIndex(said)
        for ref in sorted(targets, key=lambda r: (r.source, r.row)):
            rows += len(track_many(lib.commitments([ref.id]), actuals, said, index=index,
                                   sentences=sentences))
    return rows


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
    parser.add_argument("--region", help="The region of the one-region request.")
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
        with Library(db) as lib:
            docs = [lib.document(d.id) for d in lib.documents()[:200]]
            start = time.perf_counter()
            found = 0
            for d in docs:
                facts = lib.facts(doc_id=d.id, include_open=True)
                found += len(extract_commitments(d, facts))
                review_digest(d, facts)
            spent = time.perf_counter() - start
            print(f"extraction at ingest (commitments and review digest): {found} commitments "
                  f"of {len(docs)} documents, {1000 * spent / max(1, len(docs)):.1f} ms per "
                  "document")
            lib.store.conn.executescript(ROW_TABLES)
            region = next((d.region for d in docs if d.region and d.year), None)
            if args.region:
                region = args.region
            for label, wanted in (("every region", None), (f"one region ({region})", region)):
                refs = [r for r in _doc_refs(lib.store) if wanted is None or r.region == wanted]
                print(f"{label}: {'CPU s':>44} {'wall s':>8}")
                with lib.store.conn:  # no kept rows: the first call computes them
                    lib.store.conn.execute("DELETE FROM commitment_states")
                steps: list[tuple[str, Callable[[], object], int]] = [
                    ("re-read later reports (round 3)", lambda w=wanted: _reread(lib, w), 1),
                    ("stored digests, rows computed", lambda r=refs: compute_rows(lib, r), 1),
                    ("kept rows: first call (computes, keeps)",
                     lambda w=wanted: library_rows(lib, w), 1),
                    ("kept rows: every row", lambda w=wanted: library_rows(lib, w),
                     args.repeat),
                    ("kept rows: page of 100 + verdict counts",
                     lambda w=wanted: lib.commitment_page(w, order="verdict", limit=100),
                     args.repeat)]
                if len(refs) <= 300:  # extracting every report per request: minutes beyond
                    steps.insert(0, ("extract per request (before round 3)",
                                     lambda w=wanted: _per_request(lib, w), args.repeat))
                for name, fn, times in steps:
                    cpu, wall = _measured(fn, times)
                    print(f"  {name:42} {cpu:8.3f} {wall:8.3f}")
                print(f"  ({len(library_rows(lib, wanted))} rows; best of {args.repeat} where "
                      "repeated)")
            for n in sorted({1, args.copies} - {0}) if args.copies else ():
                _copies(lib, n)


if __name__ == "__main__":
    main()
