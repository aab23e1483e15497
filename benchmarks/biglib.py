"""Build big libraries fast for the speed benchmarks: the shared corpus stored ×N.

    from biglib import base_library, enlarge
    base = base_library(tmp)                       # tests/data seeds + corpus, ingested once
    enlarge(base, tmp / "x100.db", 100)            # every document 100 times, index built

Copies are made in SQL, not by ingesting again: every table holding a ``doc_id`` (and the
documents table) is copied with new ids (``<id><k>``) and new sources (``<source>~<k>``), so
the copies are distinct documents that dedup would keep. Their text is the original's, so a
query finds each copy's passages; the search index is built from the original's passage rows
(segmented once) with the copy's id. ``text=False`` stores copies without text and copies only
the tables search and ask read (documents, sources, facts, terms): the simulated ×1000, whose
index holds every passage 1000 times while the SQLite file stays small.
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from baogao.ask.index import search_index
from baogao.ask.passage_rows import PassageRow, passage_rows
from baogao.library import Library
from baogao.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEARCH_TABLES = ("documents", "document_sources", "facts", "terms")


def base_library(folder: Path) -> Path:
    """The shared corpus (tests/data seeds + corpus) ingested into ``folder/x1.db``."""
    path = folder / "x1.db"
    if not path.exists():
        with Library(path) as lib:
            lib.ingest([DATA / "seeds", DATA / "corpus"])
    return path


def _doc_tables(conn: sqlite3.Connection) -> list[tuple[str, list[str]]]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_%'")]
    tables = []
    for name in names:
        info = conn.execute(f"PRAGMA table_info({name})").fetchall()
        cols = [r[1] for r in info]
        if name == "documents" or "doc_id" in cols:
            # an INTEGER PRIMARY KEY (facts.id, terms.id …) gets new values
            rowid = [r[1] for r in info if r[5] and r[2].upper() == "INTEGER"]
            if sum(1 for r in info if r[5]) != 1:
                rowid = []
            tables.append((name, [c for c in cols if c not in rowid]))
    return tables


def _copy_expr(table: str, col: str, k: int, text: bool) -> str:
    if (table == "documents" and col == "id") or col == "doc_id":
        return f"{col} || '{k:04d}'"
    if col == "source" and table in ("documents", "document_sources", "facts"):
        return f"{col} || '~{k}'"
    if table == "documents" and col in ("text", "original") and not text:
        return "''"
    return f'"{col}"'


def enlarge(base: Path, out: Path, scale: int, *, text: bool = True) -> float:
    """Store every document of ``base`` ``scale`` times in ``out`` and build its search
    index; returns the seconds it took."""
    t0 = time.perf_counter()
    for extra in (out, Path(f"{out}-wal"), Path(f"{out}-shm")):
        extra.unlink(missing_ok=True)
    shutil.rmtree(f"{out}.index", ignore_errors=True)
    src = sqlite3.connect(base)
    dst = sqlite3.connect(out)
    src.backup(dst)
    src.close()
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = OFF")
    tables = _doc_tables(dst)
    if not text:
        tables = [t for t in tables if t[0] in SEARCH_TABLES]
    with dst:
        for k in range(1, scale):
            for table, cols in tables:
                names = ", ".join(f'"{c}"' for c in cols)
                exprs = ", ".join(_copy_expr(table, c, k, text) for c in cols)
                key = "id" if table == "documents" else "doc_id"
                dst.execute(f"INSERT INTO {table} ({names}) SELECT {exprs} FROM {table} "
                            f"WHERE length({key}) = 16")
    dst.execute("ANALYZE")
    dst.close()
    with Store(out) as store:
        base_rows: dict[str, tuple[PassageRow, ...]] = {}
        with Store(base) as b:
            for doc in b.iter_documents():
                base_rows[doc.id] = passage_rows(doc)

        def rows_of(doc_id: str) -> Sequence[PassageRow]:
            rows = base_rows[doc_id[:16]]
            if len(doc_id) == 16:
                return rows
            return [dataclasses.replace(r, doc_id=doc_id) for r in rows]

        search_index(store).rebuild(rows_of)
    return time.perf_counter() - t0


def tenfold_index(src: Path, out: Path, factor: int = 10) -> float:
    """A library whose search index holds every passage of ``src``'s index ``factor`` times.

    The SQLite file is copied; the index folder gets ``factor`` hard links of each segment
    under new segment ids, listed in its ``meta.json``: posting lists ``factor`` times as long
    and every stored passage fetchable, without indexing anything again. Passage totals in
    ``search_docs`` are multiplied to match. This is the simulated ×1000 (from ×100).
    """
    import json
    import os
    import uuid

    t0 = time.perf_counter()
    for extra in (out, Path(f"{out}-wal"), Path(f"{out}-shm")):
        extra.unlink(missing_ok=True)
    shutil.rmtree(f"{out}.index", ignore_errors=True)
    s, d = sqlite3.connect(src), sqlite3.connect(out)
    s.backup(d)
    s.close()
    with d:
        d.execute("UPDATE search_docs SET passages = passages * ?, tokens = tokens * ?",
                  (factor, factor))
    d.close()
    src_index, out_index = Path(f"{src}.index"), Path(f"{out}.index")
    out_index.mkdir()
    meta = json.loads((src_index / "meta.json").read_text())
    segments, managed = [], ["meta.json"]
    for seg in meta["segments"]:
        old = seg["segment_id"].replace("-", "")
        for _ in range(factor):
            new = uuid.uuid4()
            for f in src_index.glob(f"{old}.*"):
                target = out_index / f"{new.hex}{f.suffix}"
                os.link(f, target)
                managed.append(target.name)
            segments.append({**seg, "segment_id": str(new)})
    meta["segments"] = segments
    (out_index / "meta.json").write_text(json.dumps(meta))
    (out_index / ".managed.json").write_text(json.dumps(managed))
    shutil.copy(src_index / "baogao-index.json", out_index / "baogao-index.json")
    return time.perf_counter() - t0
