"""The full-text index of paragraphs and section headings: tantivy, kept in step with SQLite.

Engine decision (``benchmarks/search_speed.py``, 2-core VM; shared corpus = 83 reports, 3.8 MB
of text, 7,598 passages; ×100 = 8,300 reports): round 1 used SQLite FTS5, which scores every
match (no top-k pruning): candidates p50/p95 46/584 ms at ×100, search end to end 172/475 ms.
tantivy (block-max WAND top-k) takes 0.7/6 ms for the same candidates. The index therefore is
a tantivy index in the folder ``<library>.index/`` next to the SQLite file (in memory for a
``:memory:`` library). Each passage (paragraph, or heading line without its own paragraph) is
one tantivy document: its search-mode tokens (``words``) and those of its section path
(``heading``) are indexed with term frequencies; it stores what a search result needs but
the text (section path, offsets, role, token count). A hit's text is read from the library by
its offsets (``Store.passage_texts``: only the 1,024-character blocks of the document's stored
text that hold it are decompressed, and recent blocks are kept), so the text is stored once:
keeping it in the index too made the library 2.3× its input, about 1.8× without. A query
never reads a whole document nor segments a candidate again: re-ranking counts the query's
tokens in the passage text and path.

Keeping two stores consistent (an outbox in SQLite):

* Every document saved or deleted adds a row to ``search_queue`` *in the same SQLite
  transaction* (``Store.ON_SAVE`` / ``ON_DELETE`` hooks). A crash can lose the tantivy side of
  a change, never the record that it is owed.
* ``flush_index`` applies the queue to tantivy: for each queued document it deletes the
  document's passages by term and adds them again when the document still exists (so applying
  an entry twice is harmless), commits tantivy, and only then removes those queue rows and
  records the document in ``search_docs`` (passages, tokens) in one SQLite transaction.
  A crash between the two commits leaves queue rows that are applied again.
* ``search_meta`` holds the index format and segmentation version and the id of the tantivy
  folder (also written inside it). A missing or foreign folder, another version or an
  unreadable index means a rebuild from the stored documents (``rebuild_index``, also
  ``baogao reindex``), built in a new folder and swapped in when complete.
* Every search first runs ``sync_index``: one indexed lookup when nothing is queued. A
  process that cannot write (another holds tantivy's writer lock, or the file is read-only)
  searches the last committed state; results are checked against SQLite, so a document
  deleted there never appears.

The ingest path segments each document once: ``passage_rows`` is a pure function of the
``Document`` (workers may compute it and hand it over with ``stash_rows``); the save hook
computes it otherwise, and ``Library.ingest`` flushes every ``FLUSH_DOCS`` documents. The
flushes of one ingest share one tantivy writer (``batch_index``): segments merge in the
background meanwhile, the merges are waited for at its end (so no file of a merged-away
segment is left behind), and another process meanwhile searches the last commit and finds
the writer busy (it catches up later).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import struct
import threading
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baogao.ask.hits import _PASSAGES as _PASSAGES  # re-exported: kept per process
from baogao.ask.hits import _PASSAGES_LOCK as _PASSAGES_LOCK
from baogao.ask.hits import PASSAGES_KEPT as PASSAGES_KEPT
from baogao.ask.hits import Hit as Hit
from baogao.ask.hits import decode_hits
from baogao.ask.passage_rows import PassageRow, passage_rows
from baogao.ask.segment import tokenizer_version
from baogao.errors import NotFound, QueryError
from baogao.models import Document
from baogao.store import ON_DELETE, ON_SAVE, Store

log = logging.getLogger(__name__)

#: Bumped when the tables, the tantivy schema or their settings change (5: passage text is no
#: longer stored in the index; it is read from the library by offsets).
INDEX_FORMAT = 5
#: Flush the queue to tantivy after this many stashed documents during an ingest.
FLUSH_DOCS = 2000
#: Heap of tantivy's writer (bytes, split between its threads).
WRITER_HEAP = 128_000_000
_ID_FILE = "baogao-index.json"

SCHEMA = """
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS search_docs (
    doc_id TEXT PRIMARY KEY, passages INTEGER NOT NULL, tokens INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS search_queue (
    id INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL, op TEXT NOT NULL
);
"""

#: Tables of the FTS5 index of round 1, dropped on upgrade.
_OLD_TABLES = ("search_vocab", "search_fts", "search_passages")


def index_version() -> str:
    """The layout and segmentation the index was built with; another value means rebuild."""
    return f"{INDEX_FORMAT}-{tokenizer_version()}"


@dataclass(frozen=True)
class IndexStats:
    """Totals the ranking needs: passages indexed and their mean length in tokens."""

    rows: int
    avg_tokens: float


# -- tantivy ----------------------------------------------------------------------------------


def _schema() -> Any:
    import tantivy

    b = tantivy.SchemaBuilder()
    b.add_text_field("doc_id", tokenizer_name="raw", index_option="basic")
    b.add_text_field("words", tokenizer_name="whitespace", index_option="freq")
    b.add_text_field("heading", tokenizer_name="whitespace", index_option="freq")
    b.add_text_field("role", tokenizer_name="raw", index_option="basic")
    b.add_text_field("region", tokenizer_name="raw", index_option="basic")
    b.add_text_field("doc_type", tokenizer_name="raw", index_option="basic")
    b.add_integer_field("year", indexed=True)
    b.add_bytes_field("data", stored=True, indexed=False)
    return b.build()


#: One JSON string, as ``json.dumps(..., ensure_ascii=False)`` writes it.
_string = json.encoder.encode_basestring


def _payload(row: PassageRow) -> str:
    """``json.dumps([...], ensure_ascii=False)`` of a passage's stored fields, written
    directly (the same text, in a third of the time)."""
    section = "null" if row.section is None else int.__repr__(row.section)
    heading_path = row.heading_path if row.kind == "section" else ""
    return (f"[{_string(row.doc_id)}, {_string(row.kind)}, {int.__repr__(row.start)}, "
            f"{int.__repr__(row.end)}, {section}, {_string(row.role)}, "
            f"{int.__repr__(row.ntokens)}, {_string(heading_path)}, {_string(row.path)}]")


def _tantivy_doc(row: PassageRow) -> Any:
    import tantivy

    doc = tantivy.Document()
    doc.add_text("doc_id", row.doc_id)
    doc.add_text("words", row.words)
    doc.add_text("heading", row.heading)
    doc.add_text("role", row.role)
    doc.add_text("region", row.region)
    doc.add_text("doc_type", row.doc_type)
    doc.add_integer("year", row.year)
    doc.add_bytes("data", _payload(row).encode("utf-8"))
    return doc


@dataclass
class _Opened:
    """A tantivy index opened in this process, and the commit its reader last saw."""

    index: Any
    stamp: tuple[int, int] | None
    generation: int = 0  # bumped on every reload in this process


#: Indexes opened by this process, by folder and id: shared by every connection to a library.
_OPENED: dict[tuple[str, str], _Opened] = {}
_OPENED_LOCK = threading.Lock()


def _folder_stamp(folder: Path | None) -> tuple[int, int] | None:
    if folder is None:
        return None
    try:
        st = os.stat(os.path.join(folder, "meta.json"))
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


@dataclass
class _Pin:
    """One committed state held for a whole query (``SearchIndex.pinned``): its searcher,
    and the document frequencies and totals read from it so far."""

    searcher: Any
    state: tuple[str, tuple[int, int] | None, int]
    freqs: dict[str, int] = field(default_factory=dict)
    stats: IndexStats | None = None


class SearchIndex:
    """The tantivy index of one library, as seen by one ``Store`` connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.folder = None if store.path == ":memory:" else Path(store.path + ".index")
        self._opened: _Opened | None = None
        self._uuid = ""
        self._schema: Any = None
        self._lock = threading.RLock()
        self._local = threading.local()  # the pin of the query this thread is running
        self.pending: dict[str, tuple[PassageRow, ...]] = {}
        self._batch = 0  # > 0 inside ``batch()``: flushes share one writer
        self._open_seen: tuple[int, int] | None = None  # ``_seen()`` when last opened
        self.synced: tuple[int, int] | None = None  # ``_seen()`` when last in step
        self._writer: Any = None  # the writer flushes share, and the index it writes
        self._writer_index: Any = None

    def _pin(self) -> _Pin | None:
        pin: _Pin | None = getattr(self._local, "pin", None)
        return pin

    @contextmanager
    def pinned(self) -> Iterator[None]:
        """Run the reads of one query over one committed state: the index is checked
        against ``search_meta`` and its folder once, and document frequencies and totals are
        read once, instead of on every call (a search makes a dozen). Nested uses share the
        outer pin; a flush or rebuild in this thread ends it."""
        if self._pin() is not None:
            yield
            return
        searcher = self.searcher()
        assert self._opened is not None
        self._local.pin = _Pin(searcher, (self._uuid, self._opened.stamp,
                                          self._opened.generation))
        try:
            yield
        finally:
            self._local.pin = None

    # -- opening ------------------------------------------------------------------------

    def _meta(self) -> dict[str, str]:
        conn = self.store.conn
        if not _has_schema(conn):
            return {}
        return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM search_meta")}

    def _open(self) -> _Opened | None:
        """The tantivy index recorded in ``search_meta``; None when it must be rebuilt."""
        import tantivy

        seen = self._seen()
        if self._opened is not None and self._open_seen == seen:
            return self._opened  # no commit since it was checked: still the recorded index
        meta = self._meta()
        if meta.get("version") != index_version() or not meta.get("uuid"):
            return None
        if self._opened is not None and self._uuid == meta["uuid"]:
            self._open_seen = seen
            return self._opened
        if self.folder is None:
            return None  # an in-memory index lives only as long as its SearchIndex
        key = (str(self.folder), meta["uuid"])
        with _OPENED_LOCK:
            opened = _OPENED.get(key)
            if opened is None:
                try:
                    stored = json.loads((self.folder / _ID_FILE).read_text("utf-8"))
                    if stored.get("uuid") != meta["uuid"]:
                        return None
                    index = tantivy.Index(_schema(), path=str(self.folder), reuse=True)
                except (OSError, ValueError) as exc:
                    log.warning("search index %s unreadable (%s); rebuilding", self.folder, exc)
                    return None
                opened = _OPENED[key] = _Opened(index, _folder_stamp(self.folder))
        self._opened, self._uuid, self._open_seen = opened, meta["uuid"], seen
        return opened

    def _seen(self) -> tuple[int, int]:
        """What changes with every commit to the library: by another connection (SQLite's
        ``data_version``) or by this one (its total changes)."""
        conn = self.store.conn
        return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes

    def _folder_is_ours(self) -> bool:
        if self.folder is None:
            return True
        try:
            stored = json.loads((self.folder / _ID_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return False
        return bool(stored.get("uuid") == self._uuid)

    def _current(self) -> _Opened:
        opened = self._open()
        if opened is None:
            self.rebuild()
            assert self._opened is not None
            opened = self._opened
        return opened

    def searcher(self) -> Any:
        """A searcher over the last committed state (reloaded when another process wrote)."""
        pin = self._pin()
        if pin is not None:
            return pin.searcher
        with self._lock:
            opened = self._current()
            stamp = _folder_stamp(self.folder)
            if stamp != opened.stamp:
                if not self._folder_is_ours():  # removed or replaced since it was opened
                    with _OPENED_LOCK:
                        _OPENED.pop((str(self.folder), self._uuid), None)
                    self._opened = None
                    opened = self._current()
                else:
                    opened.index.reload()
                    opened.stamp = stamp
                    opened.generation += 1
            self._schema = opened.index.schema
            return opened.index.searcher()

    # -- writing ------------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Let the flushes of one ingest share a tantivy writer: the segments each flush
        commits merge in the background while ingest goes on, and the merges are waited for
        at the end. (A writer per flush dropped its merges half done, leaving the files of
        merged-away segments behind and the index in many small segments.)"""
        with self._lock:
            self._batch += 1
        try:
            yield
        finally:
            with self._lock:
                self._batch -= 1
                if not self._batch:
                    self._end_writer()

    def _end_writer(self) -> None:
        """Wait for the shared writer's merges and release it (its lock and heap)."""
        writer, self._writer, self._writer_index = self._writer, None, None
        if writer is not None:
            _finish_writer(writer)

    def _writer_for(self, index: Any) -> Any:
        """A writer of ``index``: the batch's shared one, else a new one; raises
        ``ValueError`` when another process holds the writer lock."""
        if self._writer is not None and self._writer_index is index:
            return self._writer
        self._end_writer()
        writer = index.writer(WRITER_HEAP, 1)
        if self._batch:
            self._writer, self._writer_index = writer, index
        return writer

    def _add_rows(self, writer: Any, doc_id: str, rows: tuple[PassageRow, ...] | None,
                  totals: list[tuple[str, int, int]]) -> None:
        """Add one document's passages to ``writer`` (segmented from the stored document when
        ``rows`` is None; a document removed meanwhile adds nothing) and note its totals."""
        if rows is None:
            try:
                rows = passage_rows(self.store.get_document(doc_id))
            except NotFound:
                return
            except (zlib.error, struct.error, ValueError) as exc:  # a damaged row
                log.warning("document %s not indexed: its stored text cannot be read (%s)",
                            doc_id, exc)
                return
        for row in rows:
            writer.add_document(_tantivy_doc(row))
        totals.append((doc_id, len(rows), sum(r.ntokens for r in rows)))

    def rebuild(self, rows_of: Callable[[str], Sequence[PassageRow]] | None = None) -> int:
        """Index every stored document in a new index and swap it in; the number indexed.

        ``rows_of`` may supply a document's rows (benchmarks build big libraries with it)."""
        import tantivy

        conn = self.store.conn
        self._local.pin = None
        with self._lock:
            self._end_writer()  # it writes the index being replaced
            _ensure_schema(conn)
            with conn:
                conn.execute("BEGIN")
                high = int(conn.execute(
                    "SELECT COALESCE(MAX(id), 0) FROM search_queue").fetchone()[0])
                ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY rowid")]
            new_id = uuid.uuid4().hex
            if self.folder is None:
                index = tantivy.Index(_schema())
                work = None
            else:
                work = self.folder.with_name(f"{self.folder.name}.new-{new_id[:8]}")
                work.mkdir(parents=True)
                index = tantivy.Index(_schema(), path=str(work), reuse=False)
            writer = index.writer(WRITER_HEAP, 1)
            totals: list[tuple[str, int, int]] = []
            for doc_id in ids:
                rows = self.pending.pop(doc_id, None)
                if rows is None and rows_of is not None:
                    rows = tuple(rows_of(doc_id))
                self._add_rows(writer, doc_id, rows, totals)
            writer.commit()
            writer.wait_merging_threads()
            if work is not None and self.folder is not None:
                (work / _ID_FILE).write_text(json.dumps({"uuid": new_id}), "utf-8")
                old = self.folder.with_name(f"{self.folder.name}.old-{new_id[:8]}")
                if self.folder.exists():
                    self.folder.rename(old)
                work.rename(self.folder)
                shutil.rmtree(old, ignore_errors=True)
                index = tantivy.Index(_schema(), path=str(self.folder), reuse=True)
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("DELETE FROM search_docs")
                conn.executemany("INSERT INTO search_docs VALUES (?,?,?)", totals)
                _store_totals(conn)
                conn.execute("DELETE FROM search_queue WHERE id <= ?", (high,))
                _set_meta(conn, version=index_version(), uuid=new_id)
            index.reload()
            self._opened, self._uuid = _Opened(index, _folder_stamp(self.folder)), new_id
            if self.folder is not None:
                with _OPENED_LOCK:
                    _OPENED[(str(self.folder), new_id)] = self._opened
            self.pending.clear()
            return len(totals)

    def flush(self) -> int:
        """Apply the queue to tantivy (see the module docstring); queued documents applied."""
        conn = self.store.conn
        self._local.pin = None
        with self._lock:
            if not _queued(conn):
                self.pending.clear()
                return 0
            opened = self._open()
            if opened is None:
                self.rebuild()
                return 0
            index = opened.index
            queue = conn.execute("SELECT id, doc_id, op FROM search_queue ORDER BY id").fetchall()
            high = max(r[0] for r in queue)
            last = {r[1]: r[2] for r in queue}
            try:
                writer = self._writer_for(index)
            except ValueError as exc:  # another process holds the writer lock
                log.info("search index busy (%s); it will catch up later", exc)
                return 0
            totals: list[tuple[str, int, int]] = []
            try:
                for doc_id, op in last.items():
                    writer.delete_documents_by_term("doc_id", doc_id)
                    rows = self.pending.pop(doc_id, None)
                    if op != "add":
                        continue
                    self._add_rows(writer, doc_id, rows, totals)
                writer.commit()
            except BaseException:
                if writer is self._writer:  # drop what it holds uncommitted with it
                    self._writer = self._writer_index = None
                writer.rollback()
                raise
            if writer is not self._writer:
                _finish_writer(writer)
            del writer
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany("DELETE FROM search_docs WHERE doc_id = ?",
                                 [(d,) for d in last])
                conn.executemany("INSERT INTO search_docs VALUES (?,?,?)", totals)
                conn.execute("DELETE FROM search_queue WHERE id <= ?", (high,))
                _store_totals(conn)
            index.reload()
            opened.stamp = _folder_stamp(self.folder)
            opened.generation += 1
            return len(last)

    # -- reading ------------------------------------------------------------------------

    def stats(self) -> IndexStats:
        """Passages indexed and their mean token count (kept in ``search_meta``)."""
        pin = self._pin()
        if pin is not None:
            if pin.stats is None:
                pin.stats = self._read_stats()
            return pin.stats
        return self._read_stats()

    def _read_stats(self) -> IndexStats:
        meta = dict(self.store.conn.execute(
            "SELECT key, value FROM search_meta WHERE key IN ('rows', 'tokens')").fetchall())
        if len(meta) < 2:  # written before the totals were kept: keep them from now on
            try:
                with self.store.conn:
                    _store_totals(self.store.conn)
            except sqlite3.Error as exc:
                log.info("search totals not stored (%s)", exc)
            row = self.store.conn.execute(
                "SELECT COALESCE(SUM(passages), 0), COALESCE(SUM(tokens), 0) FROM search_docs"
            ).fetchone()
            meta = {"rows": row[0], "tokens": row[1]}
        rows, tokens = int(meta["rows"]), int(meta["tokens"])
        return IndexStats(rows=rows, avg_tokens=tokens / rows if rows else 1.0)

    def candidates(self, tokens: Sequence[str], n: int, *, regions: Sequence[str] | None = None,
                   year: int | None = None, doc_type: str | None = None,
                   role: str | None = None, offset: int = 0) -> tuple[int, list[Hit]]:
        """The number of passages matching any of ``tokens`` (filters applied) and the ``n``
        best by BM25 over ``words`` (heading tokens at 0.3)."""
        import tantivy

        schema = self.schema()
        should = []
        for t in dict.fromkeys(tokens):
            should.append((tantivy.Occur.Should,
                           tantivy.Query.term_query(schema, "words", t, "freq")))
            should.append((tantivy.Occur.Should, tantivy.Query.boost_query(
                tantivy.Query.term_query(schema, "heading", t, "freq"), 0.3)))
        if not should:
            return 0, []
        query = tantivy.Query.boolean_query(should)
        must: list[Any] = []
        if regions is not None:
            must.append(tantivy.Query.term_set_query(schema, "region", list(regions)))
        if year is not None:
            must.append(tantivy.Query.term_query(schema, "year", int(year)))
        if doc_type:
            must.append(tantivy.Query.term_query(schema, "doc_type", doc_type))
        if role:
            must.append(tantivy.Query.term_query(schema, "role", role))
        if must:
            query = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, query)] + [(tantivy.Occur.Must, q) for q in must])
        return self.hits(query, n, offset=offset)

    def state(self) -> tuple[str, tuple[int, int] | None, int]:
        """Which committed index this process searches (changes with every flush)."""
        pin = self._pin()
        if pin is not None:
            return pin.state
        self.searcher()
        assert self._opened is not None
        return self._uuid, self._opened.stamp, self._opened.generation

    def schema(self) -> Any:
        """The tantivy schema, for building queries over the fields ``words``, ``heading``
        (whitespace-separated tokens), ``doc_id``, ``role``, ``region``, ``doc_type`` (whole
        strings) and ``year`` (integer)."""
        self.searcher()
        return self._schema

    def hits(self, query: Any, n: int, *, offset: int = 0) -> tuple[int, list[Hit]]:
        """The number of passages matching a tantivy ``query`` and the ``n`` best after
        ``offset``, decoded (``hits.decode_hits``: kept when seen before in this committed
        state)."""
        with self.pinned():  # the searcher and the state of the cache keys are one
            searcher = self.searcher()
            result = searcher.search(query, n, count=True, offset=offset)
            state = (str(self.folder), self.state()) if self.folder is not None else None
        return int(result.count or 0), decode_hits(self.store, searcher, result.hits, state)

    def doc_freqs(self, tokens: Iterable[str]) -> dict[str, int]:
        """How many passages hold each token in their words (0 when none)."""
        searcher = self.searcher()
        pin = self._pin()
        if pin is None:
            return {t: int(searcher.doc_freq("words", t)) for t in dict.fromkeys(tokens)}
        known = pin.freqs
        for t in tokens:
            if t not in known:
                known[t] = int(searcher.doc_freq("words", t))
        return {t: known[t] for t in dict.fromkeys(tokens)}


def _finish_writer(writer: Any) -> None:
    """Let ``writer``'s merges end (the merged-away segments' files are then deleted) and
    release it."""
    try:
        writer.wait_merging_threads()
    except (OSError, ValueError, RuntimeError) as exc:  # the commit stands; merging is an extra
        log.info("search index merges not finished: %s", exc)


_INDEXES_LOCK = threading.Lock()


def search_index(store: Store) -> SearchIndex:
    """The ``SearchIndex`` of ``store`` (one per Store object, kept on it)."""
    found = vars(store).get("_search_index")
    if isinstance(found, SearchIndex):
        return found
    with _INDEXES_LOCK:
        found = vars(store).get("_search_index")
        if not isinstance(found, SearchIndex):
            found = SearchIndex(store)
            vars(store)["_search_index"] = found
        return found


# -- SQLite side ------------------------------------------------------------------------------


def _has_schema(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_queue'"
    ).fetchone()
    return row is not None


def _ensure_schema(conn: sqlite3.Connection) -> None:
    if _has_schema(conn):
        return
    for name in _OLD_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.execute("DROP TABLE IF EXISTS search_docs")
    conn.execute("DROP TABLE IF EXISTS search_meta")
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


def _set_meta(conn: sqlite3.Connection, **values: str) -> None:
    conn.executemany("INSERT OR REPLACE INTO search_meta(key, value) VALUES (?, ?)",
                     list(values.items()))


def _store_totals(conn: sqlite3.Connection) -> None:
    """Record the passages and tokens indexed (sums of ``search_docs``) in ``search_meta``."""
    rows, tokens = conn.execute(
        "SELECT COALESCE(SUM(passages), 0), COALESCE(SUM(tokens), 0) FROM search_docs"
    ).fetchone()
    _set_meta(conn, rows=str(rows), tokens=str(tokens))


def _queued(conn: sqlite3.Connection) -> bool:
    if not _has_schema(conn):
        return True
    return conn.execute("SELECT 1 FROM search_queue LIMIT 1").fetchone() is not None


def _on_save(conn: sqlite3.Connection, doc: Document) -> None:
    """``ON_SAVE`` hook: queue the document in its own transaction."""
    _ensure_schema(conn)
    conn.execute("INSERT INTO search_queue(doc_id, op) VALUES (?, 'add')", (doc.id,))


def _on_delete(conn: sqlite3.Connection, doc_id: str) -> None:
    """``ON_DELETE`` hook: queue the removal in the deleting transaction."""
    _ensure_schema(conn)
    conn.execute("INSERT INTO search_queue(doc_id, op) VALUES (?, 'delete')", (doc_id,))


def register_hooks() -> None:
    """Queue every document the store saves or deletes for the search index."""
    if _on_save not in ON_SAVE:
        ON_SAVE.append(_on_save)
    if _on_delete not in ON_DELETE:
        ON_DELETE.append(_on_delete)


def stash_rows(store: Store, rows_by_doc: dict[str, tuple[PassageRow, ...]]) -> None:
    """Hand over passage rows computed elsewhere (an ingest worker), used by the next flush
    instead of segmenting the stored text again."""
    search_index(store).pending.update(rows_by_doc)


def flush_index(store: Store, *, force: bool = True) -> int:
    """Apply queued changes to the index (``force=False``: only once ``FLUSH_DOCS`` rows are
    stashed). Returns the number of documents applied."""
    index = search_index(store)
    if not force and len(index.pending) < FLUSH_DOCS:
        return 0
    try:
        return index.flush()
    except (sqlite3.Error, OSError, ValueError) as exc:
        log.warning("search index of %s not updated: %s", store.path, exc)
        return 0


@contextmanager
def batch_index(store: Store) -> Iterator[None]:
    """The flushes inside share one tantivy writer (``SearchIndex.batch``)."""
    with search_index(store).batch():
        yield


def rebuild_index(store: Store) -> int:
    """Build the index again from the stored documents; returns their number."""
    try:
        return search_index(store).rebuild()
    except (sqlite3.Error, OSError, ValueError) as exc:
        raise QueryError(f"cannot rebuild the search index of {store.path}: {exc}") from exc


def index_is_current(store: Store) -> bool:
    """True when the library's index exists in this layout and segmentation (else the next
    search, ``sync_index`` or ``rebuild_index`` builds it again)."""
    try:
        return _has_schema(store.conn) and search_index(store)._open() is not None
    except sqlite3.Error:
        return False


def sync_index(store: Store) -> None:
    """Make the index match the stored documents (one indexed lookup when it already does).

    When this process cannot write, searches go on over the last committed index.
    """
    index = search_index(store)
    try:
        seen = index._seen()
        if index.synced == seen:
            return  # nothing committed since the index was last found in step
        if _has_schema(store.conn) and index._open() is not None:
            if _queued(store.conn):
                index.flush()
        else:
            index.rebuild()
        index.synced = index._seen() if not _queued(store.conn) else None
    except (sqlite3.Error, OSError, ValueError) as exc:
        if index._open() is None:
            raise QueryError(
                f"the search index of {store.path} is missing and cannot be built ({exc}); "
                "run `baogao reindex` with write access"
            ) from exc
        log.warning("search index of %s is behind the library (%s)", store.path, exc)


def pinned(store: Store) -> Any:
    """``with pinned(store):`` every index read in the block sees one committed state,
    checked once (``SearchIndex.pinned``)."""
    return search_index(store).pinned()


def index_stats(store: Store) -> IndexStats:
    """Passages indexed and their mean token count."""
    return search_index(store).stats()


def document_frequencies(store: Store, tokens: Iterable[str]) -> dict[str, int]:
    """How many passages hold each token in their words (0 when none)."""
    return search_index(store).doc_freqs(tokens)


def index_folder(store: Store) -> str | None:
    """Where the tantivy index of ``store`` lives (None in memory)."""
    folder = search_index(store).folder
    return os.fspath(folder) if folder is not None else None


register_hooks()
