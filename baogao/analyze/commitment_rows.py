"""The stored path of commitment tracking: what a later report offers, kept at ingest, and
the tracked rows of each region kept while its documents are unchanged.

Linking a commitment of year N needs, of the reports of year N+1, their actual facts about
one year and their review sentences (``analyze.review``). Both depend on a report's
text and facts only, so they are worked out once, when the report is stored
(``review_digest``, kept in ``commitment_docs.review``): the review sentences outside
multi-year passages with their text, and the spans of the facts that sit in a multi-year
passage. A request reads them instead of the whole later report.

The rows of a region depend only on its documents (their ids are the hashes of their texts)
and on the code, so they are kept in ``commitment_rows`` with the columns requests filter
and sort on, under a state made of both (``commitment_states``, ``_region_states``): a
request selects one page and the verdict counts in SQL, and computes only the regions whose
documents changed. A library opened read-only (the web server) keeps the rows it had to
compute in an in-memory database of the same tables.

The rows are those of ``track_documents`` over the full documents, in the same order
(``tests/test_commitment_rows.py`` compares them on real reports).

A request for kept rows imports no extractor: the columns, verdicts and row dicts live here
(re-exported by ``analyze.commitments``), and the tracker is imported only to compute.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import sqlite3
import threading
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from baogao.models import (
    Commitment,
    CommitmentPage,
    CommitmentRow,
    CommitmentVerdict,
    Document,
    Fact,
)
from baogao.read.regions import canonical_region

if TYPE_CHECKING:
    from baogao.analyze.review import Said
    from baogao.library import Library
    from baogao.store import Store

log = logging.getLogger(__name__)

#: Column order of ``baogao track --commitments`` (one JSON line per commitment).
COMMITMENT_COLUMNS = [
    "region", "period", "object", "action", "value", "unit", "bound", "target_text",
    "target_evidence", "target_source", "target_row", "actual_value", "actual_unit",
    "actual_text", "actual_evidence", "actual_source", "actual_row", "verdict", "reason",
    "key", "scope", "value_high", "indicator", "list_name", "origin", "target_doc_id",
    "target_start", "actual_doc_id", "actual_start",
]
VERDICTS: tuple[CommitmentVerdict, ...] = ("met", "partly", "missed", "done", "unreported")
#: Chinese labels of the verdicts (pages, CSV).
VERDICT_LABELS = {"met": "已完成", "partly": "基本完成", "missed": "未完成",
                  "done": "已办结（无数字）", "unreported": "未报告"}


# -- what a later report offers, kept at ingest -----------------------------------------------


def review_digest(doc: Document, facts: Iterable[Fact]) -> bytes:
    """What the tracker reads of ``doc`` as a later report, packed for storing: its review
    sentences about one year (start, end, text) and the spans of its facts in a multi-year
    passage."""
    from baogao.analyze.commitments import LaterReport

    later = LaterReport(doc)
    facts = list(facts)
    kept = {(f.start, f.end) for f in later.one_year(facts)}
    multi = sorted({(f.start, f.end) for f in facts} - kept)
    data = {"said": [[s.start, s.end, s.text] for s in later.said],
            "multi": [list(span) for span in multi]}
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6)


@dataclass(frozen=True)
class StoredLater:
    """A later report as stored: its review sentences and which facts are about one year."""

    doc_id: str
    said: list[Said]
    multi: frozenset[tuple[int, int]]

    def one_year(self, facts: Iterable[Fact]) -> list[Fact]:
        """``facts`` outside multi-year passages (``LaterReport.one_year``)."""
        return [f for f in facts if (f.start, f.end) not in self.multi]


def load_digest(blob: bytes, doc_id: str, source: str, row: int) -> StoredLater:
    """A ``review_digest`` read back."""
    from baogao.analyze.review import _CLAUSE, Said

    data = json.loads(zlib.decompress(blob))
    said = [Said(doc_id, source, row, start, end, text, tuple(_CLAUSE.split(text)))
            for start, end, text in data["said"]]
    return StoredLater(doc_id, said, frozenset((a, b) for a, b in data["multi"]))


@dataclass(frozen=True)
class DocRef:
    """What grouping reports needs of a stored document."""

    id: str
    source: str
    row: int
    region: str | None
    year: int | None
    doc_type: str


def _doc_refs(store: Store) -> list[DocRef]:
    return [DocRef(*r) for r in store.conn.execute(
        "SELECT id, source, row, region, year, doc_type FROM documents "
        "ORDER BY year IS NULL, year DESC, region, source, row")]


def _later(library: Library, refs: Sequence[DocRef]) -> dict[str, StoredLater]:
    """The stored digests of these documents. Documents stored without one (or by another
    extractor version) are read whole and get one, kept unless the library is read-only."""
    store = library.store
    blobs = store.review_digests([r.id for r in refs])
    stale = [r for r in refs if r.id not in blobs]
    if stale and not library.readonly and store.has_commitments_table():
        library.commitments([r.id for r in stale])  # the row a digest is kept in
    for ref in stale:
        blobs[ref.id] = review_digest(library.document(ref.id),
                                      library.facts(doc_id=ref.id, include_open=True))
        if not library.readonly:
            try:
                with store.conn:
                    store.store_review_digest(ref.id, blobs[ref.id])
            except sqlite3.Error as exc:
                log.debug("review digest of %s not kept (%s)", ref.id, exc)
    return {r.id: load_digest(blobs[r.id], r.id, r.source, r.row) for r in refs}


# -- computing rows ---------------------------------------------------------------------------


class _Dated(Protocol):
    @property
    def region(self) -> str | None: ...
    @property
    def year(self) -> int | None: ...


_D = TypeVar("_D", bound=_Dated)


def by_region_year(items: Iterable[_D]) -> dict[tuple[str, int], list[_D]]:
    """Documents (or their references) grouped by canonical region and year; those without
    either are left out."""
    groups: dict[tuple[str, int], list[_D]] = defaultdict(list)
    for item in items:
        region = canonical_region(item.region)
        if region and item.year:
            groups[(region, item.year)].append(item)
    return groups


def compute_rows(library: Library, refs: Sequence[DocRef]) -> list[CommitmentRow]:
    """The rows of the commitments of ``refs`` with a later report among ``refs``, in
    ``track_documents`` order (region, year, then source and row)."""
    from baogao.analyze.commitments import Actuals, track_many
    from baogao.analyze.review import SaidIndex

    groups = by_region_year(refs)
    targets = {key: sorted((r for r in group if r.doc_type in ("work_report", "plan_report")),
                           key=lambda r: (r.source, r.row))
               for key, group in groups.items() if groups.get((key[0], key[1] + 1))}
    by_doc: dict[str, list[Commitment]] = defaultdict(list)
    for c in library.commitments(sorted(r.id for group in targets.values() for r in group)):
        by_doc[c.doc_id].append(c)
    later = _later(library, [r for (region, year), group in targets.items() if group
                             for r in groups[(region, year + 1)]])
    rows: list[CommitmentRow] = []
    for (region, year), group in sorted(targets.items()):
        if not group:
            continue
        reports = [later[r.id] for r in groups[(region, year + 1)]]
        actuals = [f for d in reports for f in d.one_year(library.facts(
            doc_id=d.doc_id, kind="actual", period=year, include_open=True))]
        said = [s for d in reports for s in d.said]
        index, sentences = Actuals(actuals), SaidIndex(said)
        for ref in group:
            rows += track_many(by_doc.get(ref.id, []), actuals, said, index=index,
                               sentences=sentences)
    return rows


# -- rows kept per region ---------------------------------------------------------------------

ROW_TABLES = """
CREATE TABLE IF NOT EXISTS commitment_rows (
    place TEXT NOT NULL, seq INTEGER NOT NULL, year INTEGER, verdict TEXT NOT NULL,
    origin TEXT NOT NULL, region TEXT, period INTEGER, target_source TEXT NOT NULL,
    target_start INTEGER NOT NULL, object TEXT NOT NULL, target_evidence TEXT NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (place, seq)
);
CREATE TABLE IF NOT EXISTS commitment_states (
    place TEXT PRIMARY KEY, state TEXT NOT NULL
) WITHOUT ROWID;
"""


@functools.lru_cache(maxsize=1)
def cache_version() -> str:
    """A hash of what rows depend on besides the documents: the code of the trackers, the
    extractors, the models and the gazetteer, and every data file (read as files: a request
    for kept rows imports none of them)."""
    root = Path(__file__).resolve().parent.parent
    files = [root / "analyze" / name for name in (
        "commitments.py", "commitment_rows.py", "review.py", "track.py")]
    files += [root / "models.py", root / "read" / "regions.py"]
    files += sorted((root / "extract").rglob("*.py")) + sorted(
        p for p in (root / "data").rglob("*") if p.is_file())
    return files_digest(files)


def files_digest(files: Iterable[Path]) -> str:
    """A short hash of the names and bytes of ``files``: a cache version for kept rows."""
    digest = hashlib.sha1()
    for path in files:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _region_states(refs: Sequence[DocRef]) -> dict[str, str]:
    """Each canonical region: a state of its documents (ids, years, types, sources) and of
    ``cache_version``."""
    parts: dict[str, list[tuple[str, str, int, str, int, str]]] = defaultdict(list)
    for r in refs:
        place = canonical_region(r.region)
        if place is not None and r.year is not None:
            parts[place].append((r.id, r.region or "", r.year, r.doc_type, r.row, r.source))
    version = cache_version()
    return {place: hashlib.sha1(json.dumps([version, *sorted(group)], ensure_ascii=False)
                                .encode("utf-8")).hexdigest()
            for place, group in parts.items()}


def _stored_states(conn: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(conn.execute("SELECT place, state FROM commitment_states").fetchall())
    except sqlite3.Error:  # no table yet
        return {}


def _put(conn: sqlite3.Connection, states: dict[str, str],
         rows: dict[str, list[tuple[object, ...]]]) -> None:
    """Replace the rows of these places (in the open transaction)."""
    places = [(p,) for p in rows]
    conn.executemany("DELETE FROM commitment_rows WHERE place = ?", places)
    conn.executemany("DELETE FROM commitment_states WHERE place = ?", places)
    conn.executemany("INSERT INTO commitment_rows VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     [r for group in rows.values() for r in group])
    conn.executemany("INSERT INTO commitment_states VALUES (?, ?)",
                     [(p, states[p]) for p in rows])


def _records(library: Library, refs: Sequence[DocRef], places: Iterable[str]
             ) -> dict[str, list[tuple[object, ...]]]:
    """The rows of these places computed, as ``commitment_rows`` records."""
    todo = set(places)
    place_of = {r.id: canonical_region(r.region) for r in refs}
    year_of = {r.id: r.year for r in refs}
    found: dict[str, list[tuple[object, ...]]] = {p: [] for p in todo}
    for row in compute_rows(library, [r for r in refs if place_of[r.id] in todo]):
        place = place_of[row.target_doc_id] or ""
        group = found[place]
        group.append((place, len(group), year_of[row.target_doc_id], row.verdict, row.origin,
                      row.region, row.period, row.target_source, row.target_start,
                      row.object, row.target_evidence,
                      json.dumps(list(vars(row).values()), ensure_ascii=False)))
    return found


class _Memo:
    """Rows a read-only library computed, in an in-memory database of the same tables."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:", check_same_thread=False)
        self.conn.executescript(ROW_TABLES)
        self.lock = threading.RLock()


#: Read-only libraries' rows, by library file.
_MEMO: dict[str, _Memo] = {}


def refresh_rows(library: Library) -> None:
    """Compute and keep the rows of every region whose documents changed (after ingest)."""
    with _rows_db(library, None):
        pass


@contextmanager
def _rows_db(library: Library, region: str | None) -> Iterator[tuple[sqlite3.Connection,
                                                                     list[str]]]:
    """A connection holding the current rows of the places asked for (``region``, or
    every one), and those places. Stale places are computed and kept: in the library, or
    in this process when the library is read-only."""
    store = library.store
    refs = _doc_refs(store)
    states = _region_states(refs)
    if region is not None:
        wanted = canonical_region(region)
        states = {p: s for p, s in states.items() if p == wanted}
    stored = _stored_states(store.conn)
    stale = [p for p, s in states.items() if stored.get(p) != s]
    if not stale:
        yield store.conn, sorted(states)
        return
    kept = False
    if not library.readonly:
        records = _records(library, refs, stale)
        try:
            store.conn.executescript(ROW_TABLES)
            with store.conn:
                _put(store.conn, states, records)
            kept = True
        except sqlite3.Error as exc:
            log.debug("commitment rows not kept (%s)", exc)
    if kept:
        yield store.conn, sorted(states)
        return
    memo = _MEMO.setdefault(store.path, _Memo())
    with memo.lock:
        held = _stored_states(memo.conn)
        need = [p for p, s in states.items() if held.get(p) != s]
        copied = [p for p in need if p not in stale]
        records = _records(library, refs, [p for p in need if p in stale])
        for p in copied:
            records[p] = [tuple(r) for r in store.conn.execute(
                "SELECT * FROM commitment_rows WHERE place = ? ORDER BY seq", (p,))]
        if records:
            with memo.conn:
                _put(memo.conn, states, records)
        yield memo.conn, sorted(states)


#: Orders of rows: as tracked (region, year, report, place in it), or linked rows first.
ORDERS = {
    "document": "place, seq",
    "verdict": "verdict = 'unreported', COALESCE(region, ''), COALESCE(period, 0), "
               "target_source, target_start, place, seq",
}


def commitment_page(library: Library, region: str | None = None, *,
                    period: int | None = None, verdict: str | None = None,
                    origin: str | None = None, q: str | None = None,
                    order: str = "document", limit: int | None = None, offset: int = 0
                    ) -> CommitmentPage:
    """Tracked commitments of ``region`` (any form; all when None) in reports of year
    ``period``, of one ``verdict`` and ``origin`` (target, list_item), whose object or
    sentence holds ``q``; ``order`` one of ``ORDERS``; ``limit`` rows from ``offset``."""
    with _rows_db(library, region) as (conn, places):
        if not places:
            return CommitmentPage([], 0, {**dict.fromkeys(VERDICTS, 0), "total": 0})
        where = [f"place IN ({','.join('?' * len(places))})"]
        args: list[object] = list(places)
        for column, value in (("year", period), ("origin", origin)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if q:
            where.append("(instr(object, ?) > 0 OR instr(target_evidence, ?) > 0)")
            args += [q, q]
        sql = " AND ".join(where)
        counts: dict[str, int] = dict.fromkeys(VERDICTS, 0)
        counts.update(conn.execute(f"SELECT verdict, COUNT(*) FROM commitment_rows WHERE {sql} "
                                   "GROUP BY verdict", args).fetchall())
        counts["total"] = sum(counts.values())
        total = counts["total"] if verdict is None else counts.get(verdict, 0)
        if verdict is not None:
            sql += " AND verdict = ?"
            args.append(verdict)
        offset = min(max(0, int(offset)), total)  # past the end: no rows (SQLite ints)
        page = f" LIMIT {min(int(limit), total) if limit is not None else -1} OFFSET {offset}"
        rows = [CommitmentRow(*json.loads(data)) for (data,) in conn.execute(
            f"SELECT data FROM commitment_rows WHERE {sql} ORDER BY {ORDERS[order]}{page}",
            args)]
    return CommitmentPage(rows, total, counts)


def library_rows(library: Library, region: str | None = None, *,
                 period: int | None = None, verdict: str | None = None
                 ) -> list[CommitmentRow]:
    """Every row of ``track_commitments`` (``commitment_page`` without a limit)."""
    return commitment_page(library, region, period=period, verdict=verdict).rows


def count_verdicts(rows: Iterable[CommitmentRow]) -> dict[str, int]:
    """How many rows have each verdict, plus the total."""
    counts: dict[str, int] = dict.fromkeys(VERDICTS, 0)
    for row in rows:
        counts[row.verdict] += 1
    counts["total"] = sum(counts.values())
    return counts


def commitment_row_dict(row: CommitmentRow) -> dict[str, object]:
    """A row as a flat dict in ``COMMITMENT_COLUMNS`` order (the JSON line)."""
    return {column: getattr(row, column) for column in COMMITMENT_COLUMNS}  # flat values
