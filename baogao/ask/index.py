"""The full-text index of paragraphs and section headings, in the library's SQLite file.

Engine: SQLite FTS5 (``unicode61``) over pre-segmented words (``baogao.ask.segment``), in the
same file and the same write transaction as the document (``SAVE_HOOKS["search"]``, whose
rows ingest builds in its workers, and ``Store.ON_DELETE``), so there is nothing to keep in
sync and nothing half-written. The
index can always be rebuilt from the stored documents (``rebuild_index``, ``baogao reindex``);
``sync_index`` also runs before every search and indexes documents stored without the hooks
(or removes those deleted without them), and rebuilds everything when the segmentation
or the layout (``index_version``) changed.

Decision and figures (``benchmarks/search_speed.py``, 2-core VM; shared corpus = 83 reports,
3.8 MB of text, 6,848 paragraphs; ×100 = every report stored 100 times, 383 MB):

=====================  ========================  ==========================  ================
                       FTS5, this module          tantivy, same tokens        FTS5 trigram
=====================  ========================  ==========================  ================
build ×1 / ×100        4.5 / 4.7 MB/s             4.1 / 3.3 MB/s              (not kept)
index size ×100        319 MB (0.83× text)        164 MB (0.43× text)         3.7× text
engine query ×1        p50 1.4 ms, p95 3.6 ms     p50 0.04 ms, p95 0.2 ms     misses 就业, 养老
engine query ×100      p50 46 ms, p95 584 ms      p50 0.7 ms, p95 6 ms
search end to end ×1   p50 12–17 ms, p95 20–23 ms (FTS5 + re-ranking + snippets)
search end to end ×100 p50 89 ms, p95 425 ms
=====================  ========================  ==========================  ================

Build speed is bound by segmentation (rjieba search mode ≈ 11 MB/s) for both engines.
FTS5 is kept: at the corpus's real size and at ×10 (p95 under 50 ms end to end) it is fast
enough, it is transactional with the document write, and it needs no second store to keep
consistent by hand across crashes, deletes and concurrent writers (tantivy allows one
``IndexWriter`` per folder). Its cost is queries made only of common words at ×100: FTS5
scores every match (no top-k pruning), tantivy's block-max WAND does not. When a library
passes ~×20 (≈80 MB of text, ~2,000 reports), swap the candidate step
(``search._candidates`` and ``document_frequencies``) for tantivy in ``<db>.index/``,
rebuilt from SQLite; the re-ranking in ``baogao.ask.search`` stays as it is.

Tables (created on first use, ``search_`` prefix, outside the store's migrations):
``search_passages`` (one row per paragraph or pure heading line: document, span, section,
role, token count), ``search_fts`` (contentless: ``words`` = the passage's tokens,
``heading`` = tokens of its section path; rowid = passage id, never reused),
``search_vocab`` (fts5vocab, document frequencies), ``search_docs`` (which documents are
indexed) and ``search_meta`` (version, totals, next passage id). Being contentless, the
index stores no text (the documents table has it): on the shared corpus it takes 0.8× the
UTF-8 size of the text.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from baogao.ask.segment import index_text, tokenizer_version
from baogao.errors import QueryError
from baogao.models import Document
from baogao.store import ON_DELETE, SAVE_HOOKS, SaveHook, Store

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS search_docs (doc_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS search_passages (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    section INTEGER,
    role TEXT NOT NULL,
    ntokens INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS search_passages_doc ON search_passages(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    words, heading, content = '', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search_fts, 'col');
"""

DROP = """
DROP TABLE IF EXISTS search_vocab;
DROP TABLE IF EXISTS search_fts;
DROP TABLE IF EXISTS search_passages;
DROP TABLE IF EXISTS search_docs;
DROP TABLE IF EXISTS search_meta;
"""


#: Bumped when the tables or their settings change; part of ``index_version``.
INDEX_FORMAT = 2


def index_version() -> str:
    """The layout and segmentation the index was built with; another value means rebuild."""
    return f"{INDEX_FORMAT}-{tokenizer_version()}"


@dataclass(frozen=True)
class IndexStats:
    """Totals the ranking needs: passages indexed and their mean length in tokens."""

    rows: int
    avg_tokens: float


def _has_schema(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_meta'"
    ).fetchone()
    return row is not None


def _ensure_schema(conn: sqlite3.Connection) -> None:
    if _has_schema(conn):
        return
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(1.0, 0.3)')")
    conn.executemany(
        "INSERT OR IGNORE INTO search_meta(key, value) VALUES (?, ?)",
        [("version", index_version()), ("rows", "0"), ("tokens", "0"), ("next_id", "1")],
    )


def _rows_of(doc: Document) -> Iterable[tuple[str, int, int, int, int | None, str, str, str]]:
    """(kind, idx, start, end, section, role, words, heading) of every passage of ``doc``."""
    headings = [index_text(" ".join(doc.section_path(s))) for s in doc.sections]
    para_starts = {p.start for p in doc.paragraphs}
    for s in doc.sections:
        if s.start in para_starts:  # heading with inline text: its paragraph covers it
            continue
        parent = headings[s.parent] if s.parent is not None else ""
        yield ("section", s.index, s.start, s.heading_end, s.index, s.role,
               index_text(doc.text[s.start:s.heading_end]), parent)
    for p in doc.paragraphs:
        section = doc.sections[p.section] if p.section is not None else None
        yield ("paragraph", p.index, p.start, p.end, p.section,
               section.role if section else "other",
               index_text(doc.text[p.start:p.end]), headings[section.index] if section else "")


PassageRow = tuple[str, int, int, int, int | None, str, str, str]


def passage_rows(doc: Document) -> list[PassageRow]:
    """The index rows of ``doc``, segmentation done (pure: ingest runs it in its workers)."""
    return list(_rows_of(doc))


def index_document(conn: sqlite3.Connection, doc: Document) -> None:
    """Add the passages of ``doc`` to the index (runs in the caller's transaction)."""
    write_passages(conn, doc, passage_rows(doc))


def write_passages(conn: sqlite3.Connection, doc: Document, prepared: object) -> None:
    """Store rows made by ``passage_rows`` (the ``SAVE_HOOKS["search"]`` writer)."""
    rows: list[PassageRow] = prepared  # type: ignore[assignment]
    _ensure_schema(conn)
    first = int(conn.execute("SELECT value FROM search_meta WHERE key = 'next_id'").fetchone()[0])
    conn.execute("UPDATE search_meta SET value = ? WHERE key = 'next_id'", (first + len(rows),))
    counts = [len(words.split()) for *_, words, _heading in rows]
    conn.executemany(
        'INSERT INTO search_passages(id, doc_id, kind, idx, start, "end", section, role, '
        "ntokens) VALUES (?,?,?,?,?,?,?,?,?)",
        [(first + i, doc.id, kind, idx, start, end, section, role, counts[i])
         for i, (kind, idx, start, end, section, role, _w, _h) in enumerate(rows)],
    )
    conn.executemany(
        "INSERT INTO search_fts(rowid, words, heading) VALUES (?,?,?)",
        [(first + i, words, heading) for i, (*_, words, heading) in enumerate(rows)],
    )
    conn.execute("INSERT OR IGNORE INTO search_docs(doc_id) VALUES (?)", (doc.id,))
    _add_totals(conn, len(rows), sum(counts))


def unindex_document(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document's passages (an ``ON_DELETE`` hook).

    The FTS rows stay behind as tombstones (a contentless table cannot forget a row without
    its tokens, and the document's text is already gone); searches join ``search_passages``
    and never see them, and ``rebuild_index`` drops them.
    """
    if not _has_schema(conn):
        return
    n, tokens = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(ntokens), 0) FROM search_passages WHERE doc_id = ?",
        (doc_id,),
    ).fetchone()
    conn.execute("DELETE FROM search_passages WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM search_docs WHERE doc_id = ?", (doc_id,))
    _add_totals(conn, -int(n), -int(tokens))


def _add_totals(conn: sqlite3.Connection, rows: int, tokens: int) -> None:
    conn.execute("UPDATE search_meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'rows'",
                 (rows,))
    conn.execute(
        "UPDATE search_meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'tokens'",
        (tokens,),
    )


def register_hooks() -> None:
    """Keep the index in step with every document the store saves or deletes."""
    SAVE_HOOKS["search"] = SaveHook(passage_rows, write_passages)
    if unindex_document not in ON_DELETE:
        ON_DELETE.append(unindex_document)


def rebuild_index(store: Store) -> int:
    """Drop the index and build it again from the stored documents; returns their number."""
    try:
        with store.conn:
            store.conn.executescript("BEGIN IMMEDIATE;" + DROP)
            _ensure_schema(store.conn)
            n = 0
            for doc in store.iter_documents():
                index_document(store.conn, doc)
                n += 1
    except sqlite3.Error as exc:
        raise QueryError(f"cannot rebuild the search index of {store.path}: {exc}") from exc
    return n


def _stale(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    missing = [r[0] for r in conn.execute(
        "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM search_docs)")]
    orphans = [r[0] for r in conn.execute(
        "SELECT doc_id FROM search_docs WHERE doc_id NOT IN (SELECT id FROM documents)")]
    return missing, orphans


def _version(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM search_meta WHERE key = 'version'").fetchone()
    return str(row[0]) if row else ""


def sync_index(store: Store) -> None:
    """Make the index match the stored documents (cheap when it already does)."""
    conn = store.conn
    try:
        if _has_schema(conn) and _version(conn) != index_version():
            log.warning("search index of %s uses an older segmentation; rebuilding", store.path)
            rebuild_index(store)
            return
        missing, orphans = _stale(conn) if _has_schema(conn) else (["*"], [])
        if not missing and not orphans:
            return
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            _ensure_schema(conn)
            missing, orphans = _stale(conn)
            for doc_id in orphans:
                unindex_document(conn, doc_id)
            for doc_id in missing:
                index_document(conn, store.get_document(doc_id))
        log.info("search index: %d documents added, %d removed", len(missing), len(orphans))
    except sqlite3.Error as exc:
        raise QueryError(
            f"the search index of {store.path} is out of date and cannot be updated ({exc}); "
            "run `baogao reindex` with write access"
        ) from exc


def index_stats(conn: sqlite3.Connection) -> IndexStats:
    """Passages indexed and their mean token count."""
    values = dict(conn.execute("SELECT key, value FROM search_meta").fetchall())
    rows = int(values.get("rows", 0))
    tokens = int(values.get("tokens", 0))
    return IndexStats(rows=rows, avg_tokens=tokens / rows if rows else 1.0)


def document_frequencies(conn: sqlite3.Connection, tokens: Iterable[str]) -> dict[str, int]:
    """How many passages hold each token in their words (0 when none)."""
    wanted = list(dict.fromkeys(tokens))
    found = dict.fromkeys(wanted, 0)
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for term, doc in conn.execute(
            f"SELECT term, doc FROM search_vocab WHERE col = 'words' AND term IN ({marks})",
            chunk,
        ):
            found[term] = int(doc)
    return found


register_hooks()
