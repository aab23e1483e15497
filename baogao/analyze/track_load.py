"""Load only what ``track`` decides with: the speed path of ``analyze.track``.

``track_facts`` needs every fact of the region and every document's outline; for the whole
library (×100: 56,000 facts, 5,000 outlines) building those objects was 4 s. Which target
and which result are chosen depends only on a few columns (region, indicator, name, period,
kind, value, estimate, year, source, row, start, the printed value) and on the role of the
section each target sits in. So this module

1. reads those columns (in ``Store.facts`` order, so that ties break the same way) and, for
   each target, the role of the section holding it (one correlated lookup per target in
   SQL, instead of every outline as objects), and groups them by ``fact_key``;
2. ranks the targets of a key with the tracker's own ``statement_rank`` (``target_rank``
   without the document) and runs ``choose_actual`` and ``sync_reference`` on facts
   carrying those columns, made only for the chosen targets and their candidates;
3. reads the chosen facts in full and makes each row with ``decide`` and ``make_row``.

The rows of a region depend only on the facts of that region (rows are grouped by canonical
region) and the documents holding them, so each region's rows are kept in ``track_cache``
with the state they were computed from (``_region_states``). Saving a document drops the
kept rows of its regions (in its transaction), deleting one drops them all; ``track``
computes the regions without kept rows and reads the others: after an ingest only the
regions it touched are computed again. A library opened read-only (the web server's
connections) keeps them in the process instead, and never waits on a writer's lock.

The rows are those of ``track_facts`` over the full objects, in the same order
(``tests/test_track.py`` compares the two over the shared corpus).
"""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from baogao.analyze.commitment_rows import files_digest
from baogao.analyze.track import (
    Key,
    Sync,
    choose_actual,
    decide,
    make_row,
    statement_rank,
    sync_reference,
)
from baogao.extract import load_catalog
from baogao.models import Document, Fact, TrackRow
from baogao.read.regions import canonical_region
from baogao.store import ON_DELETE, ON_SAVE

if TYPE_CHECKING:
    from baogao.library import Library
    from baogao.store import Store

log = logging.getLogger(__name__)

#: The columns a choice reads, in ``Fact`` field order up to ``doc_id`` (the others empty).
_COLUMNS = ("id, source, row, region, year, indicator, name, kind, estimated, period, value, "
            "text, start, doc_id")
_CHUNK = 500


def track_library(library: Library, region: str | None = None) -> list[TrackRow]:
    """``track_facts(region_facts(library, region), document_index(...))``: the rows of
    each region kept in ``track_cache`` while its facts are unchanged; the other regions'
    computed from the columns the choices need (see the module docstring) and kept."""
    store = library.store
    states = _region_states(store)
    if region is not None:
        wanted = canonical_region(region)  # rows are grouped by canonical region
        states = {r: v for r, v in states.items() if r == wanted}
    cached = _cached_rows(store, states)
    stale = [r for r in states if r not in cached]
    if stale:
        fresh: dict[str, list[TrackRow]] = {r: [] for r in stale}
        for row in _compute(store, sorted(n for r in stale for n in states[r][0])):
            fresh[row.region or ""].append(row)
        kept = {r: (states[r][1], fresh[r]) for r in stale}
        if library.readonly:  # a web worker: keep them in this process, never wait on a lock
            _MEMO.setdefault(store.path, {}).update(kept)
        else:
            _store_rows(store, kept)
        cached.update(fresh)
    return _sorted([row for r in states for row in cached[r]])


def _sorted(rows: list[TrackRow]) -> list[TrackRow]:
    order = {ind: i for i, ind in enumerate(load_catalog())}
    rows.sort(key=lambda r: (r.region or "", r.period or 0,
                             order.get(r.indicator or "", len(order)), r.name))
    return rows


# -- rows kept per region ---------------------------------------------------------------------

CACHE_TABLE = """
CREATE TABLE IF NOT EXISTS track_cache (
    region TEXT PRIMARY KEY, state TEXT NOT NULL, rows TEXT NOT NULL
)"""


@functools.lru_cache(maxsize=1)
def cache_version() -> str:
    """A hash of what rows depend on besides the stored facts: the tracker's and the
    extractors' code, the models, the gazetteer, the catalog and the reason texts (every
    file of ``baogao/data``)."""
    import baogao.analyze.track as tracker
    import baogao.models as models
    import baogao.read.regions as regions

    root = Path(str(models.__file__)).parent
    files = [Path(str(m.__file__)) for m in (tracker, models, regions)] + [Path(__file__)]
    files += sorted((root / "extract").glob("*.py")) + sorted(
        p for p in (root / "data").rglob("*") if p.is_file())
    return files_digest(files)


def _region_states(store: Store) -> dict[str, tuple[list[str], str]]:
    """Each canonical region of the facts: the stored names that denote it and a state of
    its facts (count, largest and sum of ids; re-analysis inserts facts anew) and of
    ``cache_version``. Saving a document drops the kept rows of its regions and deleting
    one drops them all (``_on_save``, ``_on_delete``), so a reused id cannot hide a
    change."""
    parts: dict[str, list[tuple[str, int, int, int]]] = defaultdict(list)
    for name, count, high, total in store.conn.execute(
            "SELECT region, COUNT(*), MAX(id), SUM(id) FROM facts "
            "WHERE open_vocabulary = 0 AND region IS NOT NULL GROUP BY region"):
        place = canonical_region(name)
        if place is not None:
            parts[place].append((name, count, high, total))
    version = cache_version()
    return {place: ([p[0] for p in group],
                    json.dumps([version, *sorted(group)], ensure_ascii=False))
            for place, group in parts.items()}


#: Rows computed by read-only connections of this process: library file → region → rows.
_MEMO: dict[str, dict[str, tuple[str, list[TrackRow]]]] = {}


def _cached_rows(store: Store, states: dict[str, tuple[list[str], str]]
                 ) -> dict[str, list[TrackRow]]:
    """Kept rows of the regions whose state is unchanged."""
    found: dict[str, list[TrackRow]] = {}
    try:
        stored = store.conn.execute("SELECT region, state, rows FROM track_cache").fetchall()
    except sqlite3.Error:  # no table yet
        stored = []
    for region, state, rows in stored:
        if region in states and states[region][1] == state:
            found[region] = [TrackRow(**row) for row in json.loads(rows)]
    for region, (state, group) in _MEMO.get(store.path, {}).items():
        if region in states and states[region][1] == state and region not in found:
            found[region] = list(group)
    return found


def _store_rows(store: Store, rows: dict[str, tuple[str, list[TrackRow]]]) -> None:
    """Keep the rows of these regions (skipped when the library cannot be written)."""
    try:
        with store.conn:
            store.conn.execute(CACHE_TABLE)
            store.conn.executemany(
                "INSERT OR REPLACE INTO track_cache VALUES (?, ?, ?)",
                [(region, state, json.dumps([asdict(r) for r in group], ensure_ascii=False))
                 for region, (state, group) in rows.items()])
    except sqlite3.Error as exc:
        log.debug("track rows not kept (%s)", exc)


def _on_save(conn: sqlite3.Connection, doc: Document) -> None:
    """``ON_SAVE`` hook: drop the kept rows of the regions of the new document's facts."""
    if not _has_cache(conn):
        return
    names = [r[0] for r in conn.execute(
        "SELECT DISTINCT region FROM facts WHERE doc_id = ? AND region IS NOT NULL",
        (doc.id,))]
    places = {canonical_region(n) for n in names} - {None}
    conn.executemany("DELETE FROM track_cache WHERE region = ?", [(p,) for p in places])


def _on_delete(conn: sqlite3.Connection, doc_id: str) -> None:
    """``ON_DELETE`` hook: the document's facts are gone already; drop every kept row."""
    if _has_cache(conn):
        conn.execute("DELETE FROM track_cache")


def _has_cache(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                        "AND name = 'track_cache'").fetchone() is not None


if _on_save not in ON_SAVE:
    ON_SAVE.append(_on_save)
if _on_delete not in ON_DELETE:
    ON_DELETE.append(_on_delete)


# -- computing rows ---------------------------------------------------------------------------


def _compute(store: Store, regions: Sequence[str] | None) -> list[TrackRow]:
    """Track rows (unsorted) of the facts whose stored region is one of ``regions`` (every
    fact for None)."""
    where, args = store._facts_where(include_open=False, regions=regions)
    canon: dict[str | None, str | None] = {}

    def key_of(region: str | None, indicator: str | None, name: str, period: int | None
               ) -> Key | None:
        if region not in canon:
            canon[region] = canonical_region(region)
        place = canon[region]
        return None if place is None or period is None else (
            place, indicator or f"name:{name}", period)

    targets: dict[Key, list[tuple[Any, ...]]] = defaultdict(list)
    for r in store.conn.execute(f"SELECT {_COLUMNS}, {_ROLE} FROM facts{where} AND kind = "
                                "'target' ORDER BY source, row, start, id", list(args)):
        if (key := key_of(r[3], r[5], r[6], r[9])) is not None:
            targets[key].append(r)
    # ``target_rank`` with the role of the statement's section read in SQL; ``min`` keeps
    # the first of equal ranks, in ``Store.facts`` order, as over the facts
    winners = {key: min(group, key=lambda r: statement_rank(
        r[14] or "other", r[4], r[9], r[1], r[2], r[12])) for key, group in targets.items()}
    best = {key: _fact(r) for key, r in winners.items()}
    refs = {key: ref for key, t in best.items()
            if t.value is None and (ref := sync_reference(t)) is not None}
    actuals = _actuals(store, where, args, key_of,
                       set(best) | {(k[0], ref, k[2]) for k, ref in refs.items()})
    docs = _doc_types(store, {t.doc_id for t in best.values()})

    def choose(target: Fact, group: list[tuple[int, Fact]]) -> int | None:
        actual = choose_actual(target, (f for _i, f in group), docs)
        return None if actual is None else next(i for i, f in group if f is actual)

    chosen: list[tuple[Key, int, int | None, tuple[str, int | None] | None]] = []
    for key, target in best.items():
        reference: tuple[str, int | None] | None = None
        if key in refs:
            ref_id = refs[key]
            reference = (ref_id, choose(target, actuals.get((key[0], ref_id, key[2]), [])))
        chosen.append((key, winners[key][0], choose(target, actuals.get(key, [])), reference))

    wanted = {i for _k, t, a, s in chosen for i in (t, a, s[1] if s else None)
              if i is not None}
    full = _full_facts(store, wanted)
    rows = []
    for key, target_id, actual_id, sync_ids in chosen:
        target = full[target_id]
        actual = full[actual_id] if actual_id is not None else None
        sync = None
        if sync_ids is not None:
            ref_id, ref_fact = sync_ids
            sync = Sync(ref_id, full[ref_fact] if ref_fact is not None else None)
        rows.append(make_row(key, target, actual, decide(target, actual, sync), sync))
    return rows


#: The role of the innermost section holding a target's offset: the deepest level, the later
#: of equals, NULL outside every section. ``Document.role_at`` finds the same section in an
#: outline whose sections nest (as ``build_outline`` makes them: a section lies inside its
#: parent); the test against the full objects checks it on the shared corpus.
_ROLE = ("(SELECT s.role FROM sections s WHERE s.doc_id = facts.doc_id AND "
         "s.start <= facts.start AND facts.start < s.\"end\" "
         "ORDER BY s.level DESC, s.idx DESC LIMIT 1)")


def _actuals(store: Store, where: str, args: Sequence[Any],
             key_of: Callable[[str | None, str | None, str, int | None], Key | None],
             keys: set[Key]) -> dict[Key, list[tuple[int, Fact]]]:
    """The actual facts (row id, fact with the chosen columns) of each of ``keys``, in
    ``Store.facts`` order: keys read from four columns, then the wanted rows in full."""
    key_by_id: dict[int, Key] = {}
    for i, region, indicator, name, period in store.conn.execute(
            f"SELECT id, region, indicator, name, period FROM facts{where} "
            "AND kind != 'target'", list(args)):
        if (key := key_of(region, indicator, name, period)) in keys and key is not None:
            key_by_id[i] = key
    rows: list[tuple[Any, ...]] = []
    wanted = sorted(key_by_id)
    for n in range(0, len(wanted), _CHUNK):
        chunk = wanted[n:n + _CHUNK]
        rows += store.conn.execute(f"SELECT {_COLUMNS} FROM facts WHERE id IN "
                                   f"({','.join('?' * len(chunk))})", chunk).fetchall()
    rows.sort(key=lambda r: (r[1], r[2], r[12], r[0]))  # source, row, start, id
    found: dict[Key, list[tuple[int, Fact]]] = defaultdict(list)
    for r in rows:
        found[key_by_id[r[0]]].append((r[0], _fact(r)))
    return found


def _fact(r: tuple[Any, ...]) -> Fact:
    return Fact(source=r[1], row=r[2], region=r[3], year=r[4], indicator=r[5], name=r[6],
                kind=r[7], estimated=bool(r[8]), period=r[9], value=r[10], unit=None,
                bound=None, text=r[11], evidence="", start=r[12], end=r[12], doc_id=r[13])


def _doc_types(store: Store, doc_ids: set[str]) -> dict[str, Document]:
    """Documents with only their type (what ``choose_actual`` reads of a target's report)."""
    wanted = sorted(doc_ids)
    docs: dict[str, Document] = {}
    for n in range(0, len(wanted), _CHUNK):
        chunk = wanted[n:n + _CHUNK]
        for r in store.conn.execute(
                f"SELECT id, doc_type FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                chunk):
            docs[r[0]] = Document(id=r[0], source="", row=0, text="", original="",
                                  offset_map=(), doc_type=r[1])
    return docs


def _full_facts(store: Store, ids: set[int]) -> dict[int, Fact]:
    from baogao.store.sqlite import _row_to_fact

    wanted = sorted(ids)
    found: dict[int, Fact] = {}
    for n in range(0, len(wanted), _CHUNK):
        chunk = wanted[n:n + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for r in store.conn.execute(f"SELECT * FROM facts WHERE id IN ({marks})", chunk):
            found[r["id"]] = _row_to_fact(r)
    return found
