"""The SQLite library: one file, WAL, schema migrated on open.

Each document is written with its outline, facts, terms and search-index rows inside one
savepoint (``save`` commits it at once; ``BatchWriter`` commits many documents per
transaction), so a failure or a killed process leaves nothing half-written. Documents are
keyed by the hash of their normalized text, so ingesting the same report again (from any
path) adds nothing. Whether a document is present is decided inside the write transaction,
never from what was known when parsing started.

The heavy parts of a row are built before the write, off the writer's process when ingest
runs workers (``prepare``): the packed offset map and original (``store.packing``), and rows
for other parts (``PreparedDocument.extras``: the search index passages).
"""

from __future__ import annotations

import importlib
import json
import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from baogao.errors import AmbiguousReference, NotFound, StoreError
from baogao.models import Commitment, Document, Fact, Paragraph, Section, Term
from baogao.store.packing import (
    TEXT_BLOCK,
    pack_document,
    pack_text,
    text_slice,
    unpack_offsets,
    unpack_original,
    unpack_text,
)
from baogao.store.schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

#: Called inside the write transaction of every new document (search indexes register here).
ON_SAVE: list[Callable[[sqlite3.Connection, Document], None]] = []
#: Called inside the transaction that deletes a document.
ON_DELETE: list[Callable[[sqlite3.Connection, str], None]] = []
#: Modules whose import registers hooks: imported before the first save or delete, so that a
#: process that only reads never loads them.
HOOK_MODULES: list[str] = []


def _load_hooks() -> None:
    while HOOK_MODULES:
        importlib.import_module(HOOK_MODULES.pop(0))

#: Text blocks ``passage_texts`` decompressed, per (library, document id), most recent last;
#: at most ``TEXT_BLOCKS_KEPT`` blocks in all (about 8 kB each). A document id is the hash of
#: its text, so a kept block never goes stale.
_TEXT_BLOCKS: OrderedDict[tuple[str, str], dict[int, str]] = OrderedDict()
_TEXT_BLOCKS_LOCK = threading.Lock()
TEXT_BLOCKS_KEPT = 2048


@dataclass(frozen=True)
class PreparedDocument:
    """A document ready to be written: its rows built, its offset map and original packed.

    ``doc`` carries neither ``original`` nor ``offset_map`` (``packed_*`` replace them).
    ``extras`` carries rows other parts build off the writer's process (``"search"``: the
    search index passages). ``analysed`` is False when facts, terms and extras were not
    computed because the document was already stored when it was parsed; if it is gone at
    write time, the writer says so and the caller analyses it. ``commitments`` are the
    document's commitments (``extract.commitments``; None: not extracted) and ``review``
    what it offers commitment tracking as a later report (``analyze.commitment_rows``;
    None: not worked out). ``packed_text``
    is ``doc.text`` as stored (``store.packing.pack_text``; empty: packed at write time).
    """

    doc: Document
    facts: tuple[Fact, ...]
    terms: tuple[Term, ...]
    packed_offsets: bytes
    packed_original: bytes
    extras: dict[str, object] = field(default_factory=dict)
    analysed: bool = True
    commitments: tuple[Commitment, ...] | None = None
    packed_text: bytes = b""
    review: bytes | None = None


def prepare(
    doc: Document, facts: list[Fact] | tuple[Fact, ...] = (),
    terms: list[Term] | tuple[Term, ...] = (), *, analysed: bool = True,
    extras: dict[str, object] | None = None,
    commitments: list[Commitment] | tuple[Commitment, ...] | None = None,
) -> PreparedDocument:
    """Build everything ``Store.write`` needs for ``doc`` (pure; runs in worker processes).

    The commitments are extracted here from ``doc`` and ``facts`` unless given."""
    offsets, original = pack_document(doc.original, doc.text, doc.offset_map)
    light = replace(doc, original="", offset_map=())
    review: bytes | None = None
    if analysed and commitments is None:
        from baogao.analyze.commitment_rows import review_digest
        from baogao.extract.commitments import extract_commitments

        try:
            commitments = extract_commitments(doc, list(facts))
            review = review_digest(doc, facts)
        except Exception:  # the document is stored; its commitments are redone on read
            log.debug("extracting commitments of %s failed", doc.source, exc_info=True)
            commitments = None
    return PreparedDocument(light, tuple(facts), tuple(terms), offsets, original,
                            extras or {}, analysed,
                            None if commitments is None else tuple(commitments),
                            pack_text(doc.text), review)


@dataclass(frozen=True)
class FileRecord:
    """A file ingest has read completely: how to tell it is unchanged, and its rows."""

    path: str
    source: str
    size: int
    mtime_ns: int
    sha256: str
    rows: int


@dataclass(frozen=True)
class DocumentFilter:
    """Which documents to list; None means any."""

    region: str | None = None
    year: int | None = None
    doc_type: str | None = None
    level: str | None = None
    query: str | None = None
    limit: int | None = None
    offset: int = 0
    ids: tuple[str, ...] | None = None  # only these document ids
    sections: bool = True  # False: listings that need no outline skip reading it


class Store:
    """A baogao library in one SQLite file."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open library {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:" and not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            if not readonly:
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a baogao library (SQLite said: {exc})") from exc

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------------

    def _migrate(self) -> None:
        version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer baogao (schema {version}); upgrade baogao"
            )
        for i in range(version, SCHEMA_VERSION):
            log.info("migrating %s to schema %d", self.path, i + 1)
            with self.conn:
                script = MIGRATIONS[i] + f"; PRAGMA user_version = {i + 1};"
                self.conn.executescript("BEGIN;" + script)

    # -- writing ----------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this content hash is stored."""
        row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def save(self, doc: Document, facts: list[Fact], terms: list[Term]) -> bool:
        """Store a document with its facts and terms in one transaction.

        Returns False (and only records the source) when the same text is already stored.
        """
        item = prepare(doc, facts, terms)
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                return self.write(item) == "added"
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store {doc.source}: {exc}") from exc

    def write(self, item: PreparedDocument) -> str:
        """Write one prepared document in a savepoint of the open transaction.

        Returns "added", "unchanged" (same text stored: only the source is recorded) or
        "missing" (not stored, and ``item`` was not analysed: analyse it and write again).
        A failure rolls the savepoint back and raises ``sqlite3.Error``.
        """
        doc = item.doc
        c = self.conn
        c.execute("SAVEPOINT document")
        try:
            if self.has_document(doc.id):
                c.execute("INSERT OR IGNORE INTO document_sources(source, row, doc_id) "
                          "VALUES (?,?,?)", (doc.source, doc.row, doc.id))
                outcome = "unchanged"
            elif not item.analysed:
                outcome = "missing"
            else:
                self._insert_document(item)
                self._insert_facts(doc.id, list(item.facts))
                self._insert_terms(doc.id, list(item.terms))
                if item.commitments is not None:
                    self.store_commitments(doc.id, list(item.commitments), item.review)
                _load_hooks()
                for hook in ON_SAVE:
                    hook(c, doc)
                outcome = "added"
        except BaseException:
            c.execute("ROLLBACK TO document")
            c.execute("RELEASE document")
            raise
        c.execute("RELEASE document")
        return outcome

    def _insert_document(self, item: PreparedDocument) -> None:
        c = self.conn
        doc = item.doc
        c.execute(
            "INSERT INTO documents(id, source, row, title, region, region_path, level, year, "
            "date, speaker, speaker_title, meeting, doc_type, chars, text, original, offset_map, "
            "region_code, packing) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,2)",
            (doc.id, doc.source, doc.row, doc.title, doc.region,
             json.dumps(list(doc.region_path), ensure_ascii=False), doc.level, doc.year,
             doc.date, doc.speaker, doc.speaker_title, doc.meeting, doc.doc_type,
             len(doc.text), item.packed_text or pack_text(doc.text), item.packed_original,
             item.packed_offsets,
             doc.region_code),
        )
        c.execute("INSERT OR IGNORE INTO document_sources(source, row, doc_id) VALUES (?,?,?)",
                  (doc.source, doc.row, doc.id))
        c.executemany(
            'INSERT INTO sections(doc_id, idx, level, marker, title, start, "end", heading_end, '
            "role, parent) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(doc.id, s.index, s.level, s.marker, s.title, s.start, s.end, s.heading_end,
              s.role, s.parent) for s in doc.sections],
        )
        c.executemany(
            'INSERT INTO paragraphs(doc_id, idx, start, "end", section, is_table_row) '
            "VALUES (?,?,?,?,?,?)",
            [(doc.id, p.index, p.start, p.end, p.section, int(p.is_table_row))
             for p in doc.paragraphs],
        )

    def _insert_facts(self, doc_id: str, facts: list[Fact]) -> None:
        self.conn.executemany(
            "INSERT INTO facts(doc_id, source, row, region, year, indicator, name, kind, "
            "estimated, period, value, value_high, unit, bound, text, evidence, start, "
            '"end", attribute, key, action, scope, open_vocabulary) '
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, f.source, f.row, f.region, f.year, f.indicator, f.name, f.kind,
              int(f.estimated), f.period, f.value, f.value_high, f.unit, f.bound, f.text,
              f.evidence, f.start, f.end, f.attribute, f.key, f.action, f.scope,
              int(f.open_vocabulary)) for f in facts],
        )

    def _insert_terms(self, doc_id: str, terms: list[Term]) -> None:
        self.conn.executemany(
            'INSERT INTO terms(doc_id, term, definition, start, "end", uses) VALUES (?,?,?,?,?,?)',
            [(doc_id, t.term, t.definition, t.start, t.end, json.dumps([list(u) for u in t.uses]))
             for t in terms],
        )

    # -- files ingest has read ---------------------------------------------------------------

    def file_record(self, path: str) -> FileRecord | None:
        """What ingest recorded about the file at ``path`` (absolute), if anything."""
        r = self.conn.execute("SELECT * FROM files WHERE path = ?", (path,)).fetchone()
        return None if r is None else FileRecord(r["path"], r["source"], r["size"],
                                                 r["mtime_ns"], r["sha256"], r["rows"])

    def file_by_hash(self, sha256: str) -> FileRecord | None:
        """A recorded file with this content hash whose rows are all still stored."""
        for r in self.conn.execute("SELECT * FROM files WHERE sha256 = ?", (sha256,)):
            record = FileRecord(r["path"], r["source"], r["size"], r["mtime_ns"],
                                r["sha256"], r["rows"])
            if self.source_rows(record.source) >= record.rows:
                return record
        return None

    def source_rows(self, source: str) -> int:
        """How many (row → document) links are stored for ``source``."""
        row = self.conn.execute("SELECT COUNT(*) FROM document_sources WHERE source = ?",
                                (source,)).fetchone()
        return int(row[0])

    def source_documents(self, source: str) -> list[str]:
        """Ids of the documents stored for the rows of ``source``, in row order."""
        return [r[0] for r in self.conn.execute(
            "SELECT doc_id FROM document_sources WHERE source = ? ORDER BY row", (source,))]

    def record_file(self, record: FileRecord, *, copy_from: str | None = None) -> None:
        """Remember a completely ingested file (in the open transaction); with ``copy_from``,
        its rows are those of that already-stored source (the same bytes under another
        name)."""
        if copy_from is not None and copy_from != record.source:
            self.conn.execute(
                "INSERT OR IGNORE INTO document_sources(source, row, doc_id) "
                "SELECT ?, row, doc_id FROM document_sources WHERE source = ?",
                (record.source, copy_from),
            )
        self.conn.execute(
            "INSERT OR REPLACE INTO files(path, source, size, mtime_ns, sha256, rows) "
            "VALUES (?,?,?,?,?,?)",
            (record.path, record.source, record.size, record.mtime_ns, record.sha256,
             record.rows),
        )

    def replace_derived(self, doc_id: str, facts: list[Fact], terms: list[Term],
                        commitments: list[Commitment] | None = None,
                        review: bytes | None = None) -> None:
        """Replace a stored document's facts and terms (after an extractor upgrade), and
        its commitments (with its ``review`` digest) when given."""
        with self.conn:
            self.conn.execute("DELETE FROM facts WHERE doc_id = ?", (doc_id,))
            self.conn.execute("DELETE FROM terms WHERE doc_id = ?", (doc_id,))
            self._insert_facts(doc_id, facts)
            self._insert_terms(doc_id, terms)
            if commitments is not None:
                self.store_commitments(doc_id, commitments, review)

    # -- commitments ------------------------------------------------------------------------

    def store_commitments(self, doc_id: str, commitments: list[Commitment],
                          review: bytes | None = None) -> None:
        """Replace the commitments of a stored document (in the open transaction) and record
        the extractor version that found them, with what the document offers commitment
        tracking as a later report (``review``; None: worked out when asked)."""
        from baogao.extract.commitments import commitments_version

        c = self.conn
        c.execute("DELETE FROM commitments WHERE doc_id = ?", (doc_id,))
        c.executemany(
            "INSERT INTO commitments(doc_id, source, row, region, year, period, object, key, "
            'action, value, value_high, unit, bound, text, evidence, start, "end", scope, '
            "indicator, list_name, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, m.source, m.row, m.region, m.year, m.period, m.object, m.key, m.action,
              m.value, m.value_high, m.unit, m.bound, m.text, m.evidence, m.start, m.end,
              m.scope, m.indicator, m.list_name, m.origin) for m in commitments],
        )
        c.execute("INSERT OR REPLACE INTO commitment_docs(doc_id, version, review) "
                  "VALUES (?, ?, ?)", (doc_id, commitments_version(), review))

    def store_review_digest(self, doc_id: str, review: bytes) -> None:
        """Keep what a document offers commitment tracking (in the open transaction), if its
        commitments are stored by this extractor version."""
        from baogao.extract.commitments import commitments_version

        self.conn.execute("UPDATE commitment_docs SET review = ? WHERE doc_id = ? AND "
                          "version = ?", (review, doc_id, commitments_version()))

    def review_digests(self, doc_ids: Sequence[str]) -> dict[str, bytes]:
        """The stored review digests of these documents, by this extractor version."""
        from baogao.extract.commitments import commitments_version

        found: dict[str, bytes] = {}
        try:
            for i in range(0, len(doc_ids), 500):
                chunk = list(doc_ids[i : i + 500])
                found.update(self.conn.execute(
                    "SELECT doc_id, review FROM commitment_docs WHERE version = ? AND review "
                    f"IS NOT NULL AND doc_id IN ({','.join('?' * len(chunk))})",
                    [commitments_version(), *chunk]).fetchall())
        except sqlite3.Error:  # a library of schema 5 or older opened read-only
            pass
        return found

    def has_commitments_table(self) -> bool:
        """False for a library of schema 4 opened read-only (not migrated)."""
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                 "name = 'commitment_docs'").fetchone() is not None

    def stale_commitments(self, doc_ids: Sequence[str]) -> list[str]:
        """Those of ``doc_ids`` whose commitments were never extracted, or by another
        extractor version."""
        from baogao.extract.commitments import commitments_version

        if not self.has_commitments_table():
            return list(doc_ids)
        version = commitments_version()
        done: set[str] = set()
        for i in range(0, len(doc_ids), 500):
            chunk = list(doc_ids[i : i + 500])
            done |= {r[0] for r in self.conn.execute(
                f"SELECT doc_id FROM commitment_docs WHERE version = ? AND doc_id IN "
                f"({','.join('?' * len(chunk))})", [version, *chunk])}
        return [d for d in doc_ids if d not in done]

    def commitments(self, doc_ids: Sequence[str]) -> list[Commitment]:
        """Stored commitments of these documents, in document order."""
        found: list[Commitment] = []
        for i in range(0, len(doc_ids), 500):
            chunk = list(doc_ids[i : i + 500])
            found += [_row_to_commitment(r) for r in self.conn.execute(
                f"SELECT * FROM commitments WHERE doc_id IN ({','.join('?' * len(chunk))}) "
                "ORDER BY doc_id, start, id", chunk)]
        return found

    def delete(self, doc_id: str) -> None:
        """Remove a document and everything derived from it."""
        with self.conn:
            self.conn.execute(
                "DELETE FROM files WHERE source IN "
                "(SELECT source FROM document_sources WHERE doc_id = ?)", (doc_id,))
            if self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount == 0:
                raise NotFound(f"no document {doc_id!r} in the library")
            _load_hooks()
            for hook in ON_DELETE:
                hook(self.conn, doc_id)

    # -- reading ----------------------------------------------------------------------------

    def document_ids(self) -> frozenset[str]:
        """Ids of every stored document."""
        return frozenset(r[0] for r in self.conn.execute("SELECT id FROM documents"))

    def count(self) -> int:
        """Number of stored documents."""
        return int(self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def list_documents(self, flt: DocumentFilter | None = None) -> list[Document]:
        """Stored documents (metadata and outline, without text) matching ``flt``."""
        flt = flt or DocumentFilter()
        where, args = self._document_where(flt)
        # region_code was added to the table later: it is stored after the text, and reading
        # it from a row walks the row's overflow pages (×100, every row: 1.2 s against
        # 0.2 s); it is read from its index instead
        sql = (
            "SELECT rowid AS row_number, id, source, row, title, region, region_path, level, "
            "year, date, speaker, speaker_title, meeting, doc_type FROM documents"
            f"{where} ORDER BY year IS NULL, year DESC, region, source, row"
        )
        if flt.limit or flt.offset:
            sql += f" LIMIT {int(flt.limit) if flt.limit else -1} OFFSET {max(0, flt.offset)}"
        rows = self.conn.execute(sql, args).fetchall()
        codes = self._region_codes([r["row_number"] for r in rows])
        sections: dict[str, list[Section]] = {r["id"]: [] for r in rows}
        section_args: list[Any] = []
        if not flt.sections:
            section_sql = ""
        elif flt.limit and len(rows) < 500:  # a page: read the sections of its documents only
            marks = ",".join("?" * len(rows))
            section_sql = f"SELECT * FROM sections WHERE doc_id IN ({marks}) ORDER BY doc_id, idx"
            section_args = [r["id"] for r in rows]
        else:
            section_sql = (f"SELECT * FROM sections WHERE doc_id IN (SELECT id FROM documents"
                           f"{where}) ORDER BY doc_id, idx")
            section_args = args
        for sr in self.conn.execute(section_sql, section_args) if section_sql else ():
            if sr["doc_id"] in sections:
                sections[sr["doc_id"]].append(_row_to_section(sr))
        return [
            self._row_to_document(r, with_text=False, sections=tuple(sections[r["id"]]),
                                  codes=codes)
            for r in rows
        ]

    def _region_codes(self, rowids: Sequence[int]) -> dict[int, str | None]:
        """``region_code`` of the documents with these rowids, from its index when there is
        one (a scan of the index, not of the rows)."""
        if not rowids:
            return {}
        try:
            return dict(self.conn.execute(
                "SELECT rowid, region_code FROM documents INDEXED BY documents_region_code"
            ).fetchall())
        except sqlite3.OperationalError:  # no index (a library not migrated): by rowid
            found: dict[int, str | None] = {}
            for i in range(0, len(rowids), 500):
                part = list(rowids[i:i + 500])
                found.update(self.conn.execute(
                    f"SELECT rowid, region_code FROM documents WHERE rowid IN "
                    f"({','.join('?' * len(part))})", part).fetchall())
            return found

    def count_documents(self, flt: DocumentFilter | None = None) -> int:
        """How many stored documents match ``flt`` (its limit and offset ignored)."""
        where, args = self._document_where(flt or DocumentFilter())
        return int(self.conn.execute(f"SELECT COUNT(*) FROM documents{where}", args)
                   .fetchone()[0])

    def _document_where(self, flt: DocumentFilter) -> tuple[str, list[Any]]:
        from baogao.read.regions import canonical_region, resolve

        clauses: list[str] = []
        args: list[Any] = []
        if flt.region:
            # the region and everything inside it, by name or GB/T 2260 code (北京, 110000)
            prefixes = [r.code_prefix for r in resolve(flt.region) if r.level != "national"]
            # codes from their index (a covering scan), not from the rows: region_code sits
            # after the text, so reading it from every row walks its overflow pages
            codes = (" OR rowid IN (SELECT rowid FROM documents WHERE "
                     + " OR ".join(["region_code LIKE ?"] * len(prefixes)) + ")"
                     if prefixes else "")
            clauses.append("(region = ? OR region LIKE ?" + codes + ")")
            args += [canonical_region(flt.region), f"%{flt.region}%",
                     *(f"{p}%" for p in prefixes)]
        if flt.year is not None:
            clauses.append("year = ?")
            args.append(flt.year)
        if flt.doc_type:
            clauses.append("doc_type = ?")
            args.append(flt.doc_type)
        if flt.level:
            clauses.append("level = ?")
            args.append(flt.level)
        if flt.query:
            clauses.append("(title LIKE ? OR region LIKE ? OR source LIKE ?)")
            args += [f"%{flt.query}%"] * 3
        if flt.ids is not None:
            clauses.append(f"id IN ({','.join('?' * len(flt.ids))})")
            args += list(flt.ids)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), args

    def resolve(self, ref: str) -> list[tuple[str, str, int]]:
        """The documents ``ref`` may mean, as (id, source, row), without wildcards.

        ``ref`` is an id, an id prefix (≥4 characters), or ``source`` / ``source#row`` where
        ``source`` is a stored path or its tail after a ``/``. A source without ``#row``
        means every row of that file. No pattern characters (``%``, ``_``) are honoured.
        """
        rows = self.conn.execute(
            "SELECT id, source, row FROM documents WHERE id = ?", (ref,)).fetchall()
        if not rows and len(ref) >= 4:
            rows = self.conn.execute(
                "SELECT id, source, row FROM documents WHERE substr(id, 1, ?) = ? LIMIT 50",
                (len(ref), ref)).fetchall()
        if rows:
            return [(r[0], r[1], r[2]) for r in rows]
        source, sep, row_no = ref.rpartition("#")
        if not (sep and row_no.isascii() and row_no.isdigit()):
            source, row_no = ref, ""
        if not source:
            return []
        found = self.conn.execute(
            "SELECT doc_id, source, row FROM document_sources WHERE instr(source, ?) > 0 "
            "ORDER BY source, row", (source,)).fetchall()
        exact = [r for r in found if r[1] == source]
        tail = [r for r in found if r[1].endswith("/" + source)]
        chosen = exact or tail
        if row_no:
            chosen = [r for r in chosen if r[2] == int(row_no)]
        seen: dict[str, tuple[str, str, int]] = {}
        for r in chosen:
            seen.setdefault(r[0], (r[0], r[1], r[2]))
        return list(seen.values())

    def get_document(self, ref: str) -> Document:
        """A full document by id, id prefix (≥4 characters), or ``source`` / ``source#row``.

        Raises ``NotFound`` when nothing matches and ``AmbiguousReference`` (listing the
        candidates) when more than one document does.
        """
        candidates = self.resolve(ref)
        if not candidates:
            raise NotFound(f"no document {ref!r} in the library; `baogao ls` lists them")
        if len(candidates) > 1:
            raise AmbiguousReference(ref, [f"{i}  {src}#{row}" for i, src, row in candidates])
        row = self.conn.execute(
            "SELECT * FROM documents WHERE id = ?", (candidates[0][0],)).fetchone()
        if row is None:  # deleted meanwhile
            raise NotFound(f"no document {ref!r} in the library; `baogao ls` lists them")
        return self._row_to_document(row, with_text=True)

    def _row_to_document(
        self, r: sqlite3.Row, *, with_text: bool, sections: tuple[Section, ...] | None = None,
        codes: dict[int, str | None] | None = None,
    ) -> Document:
        """``codes``: region codes by rowid, when ``r`` has no ``region_code`` but a
        ``row_number`` (see ``list_documents``)."""
        doc_id = r["id"]
        if sections is None:
            sections = tuple(
                _row_to_section(s) for s in self.conn.execute(
                    "SELECT * FROM sections WHERE doc_id = ? ORDER BY idx", (doc_id,)
                )
            )
        paragraphs: tuple[Paragraph, ...] = ()
        text = original = ""
        offsets: tuple[int, ...] = ()
        if with_text:
            paragraphs = tuple(
                Paragraph(index=p["idx"], start=p["start"], end=p["end"], section=p["section"],
                          is_table_row=bool(p["is_table_row"]))
                for p in self.conn.execute(
                    "SELECT * FROM paragraphs WHERE doc_id = ? ORDER BY idx", (doc_id,)
                )
            )
            text = unpack_text(r["text"])
            original = unpack_original(r["original"], text)
            offsets = unpack_offsets(r["offset_map"])
        return Document(
            id=doc_id, source=r["source"], row=r["row"], text=text, original=original,
            offset_map=offsets, title=r["title"], region=r["region"],
            region_path=tuple(json.loads(r["region_path"])), level=r["level"], year=r["year"],
            date=r["date"], speaker=r["speaker"], speaker_title=r["speaker_title"],
            meeting=r["meeting"], doc_type=r["doc_type"], sections=sections,
            paragraphs=paragraphs,
            region_code=r["region_code"] if codes is None else codes.get(r["row_number"]),
        )

    def passage_texts(self, spans: Sequence[tuple[str, int, int]]) -> list[str]:
        """The text of each ``(doc_id, start, end)`` span of a stored document's normalized
        text ("" when the document is gone), decompressing only the blocks holding it
        (``store.packing.text_slice``); recently read blocks are kept in this process."""
        with _TEXT_BLOCKS_LOCK:
            kept = {d: dict(_TEXT_BLOCKS.get((self.path, d), {})) for d, _, _ in spans}
        texts: list[str | None] = []
        for doc_id, start, end in spans:
            blocks = kept[doc_id]
            first, last = start // TEXT_BLOCK, max(end - 1, start) // TEXT_BLOCK
            if end > start and all(k in blocks for k in range(first, last + 1)):
                joined = "".join(blocks[k] for k in range(first, last + 1))
                texts.append(joined[start - first * TEXT_BLOCK:end - first * TEXT_BLOCK])
            else:
                texts.append(None if end > start else "")
        ids = list(dict.fromkeys(d for (d, _, _), t in zip(spans, texts, strict=True)
                                 if t is None))
        blobs: dict[str, bytes | str] = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            blobs.update(self.conn.execute(
                f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(part))})",
                part).fetchall())
        for n, (doc_id, start, end) in enumerate(spans):
            if texts[n] is None:
                blob = blobs.get(doc_id)
                texts[n] = "" if blob is None else text_slice(blob, start, end, kept[doc_id])
        with _TEXT_BLOCKS_LOCK:
            for doc_id, blocks in kept.items():
                if blocks:
                    _TEXT_BLOCKS[(self.path, doc_id)] = blocks
                    _TEXT_BLOCKS.move_to_end((self.path, doc_id))
            total = sum(map(len, _TEXT_BLOCKS.values()))
            while total > TEXT_BLOCKS_KEPT and _TEXT_BLOCKS:
                total -= len(_TEXT_BLOCKS.popitem(last=False)[1])
        return [t or "" for t in texts]

    def iter_documents(self) -> Iterator[Document]:
        """Every stored document with its text."""
        ids = [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY source, row")]
        for doc_id in ids:
            yield self.get_document(doc_id)

    def facts(
        self,
        *,
        doc_id: str | None = None,
        region: str | None = None,
        indicator: str | None = None,
        kind: str | None = None,
        period: int | None = None,
        year: int | None = None,
        limit: int | None = None,
        include_open: bool = False,
        offset: int = 0,
        regions: Sequence[str] | None = None,
    ) -> list[Fact]:
        """Stored facts matching the given filters, in document order.

        Open-vocabulary facts (numbers outside the catalog) only with ``include_open``.
        """
        where, args = self._facts_where(doc_id=doc_id, region=region, indicator=indicator,
                                         kind=kind, period=period, year=year,
                                         include_open=include_open, regions=regions)
        sql = "SELECT * FROM facts" + where + " ORDER BY source, row, start, id"
        if limit or offset:
            sql += f" LIMIT {int(limit) if limit else -1} OFFSET {max(0, int(offset))}"
        return [_row_to_fact(r) for r in self.conn.execute(sql, args)]

    def count_facts(self, **filters: Any) -> int:
        """How many stored facts match the filters of ``facts`` (limit and offset aside)."""
        filters.pop("limit", None)
        filters.pop("offset", None)
        where, args = self._facts_where(**filters)
        return int(self.conn.execute("SELECT COUNT(*) FROM facts" + where, args).fetchone()[0])

    def _facts_where(
        self,
        *,
        doc_id: str | None = None,
        region: str | None = None,
        indicator: str | None = None,
        kind: str | None = None,
        period: int | None = None,
        year: int | None = None,
        include_open: bool = False,
        regions: Sequence[str] | None = None,
    ) -> tuple[str, list[Any]]:
        from baogao.read.regions import canonical_region

        clauses: list[str] = []
        args: list[Any] = []
        for column, value in (("doc_id", doc_id), ("indicator", indicator), ("kind", kind),
                              ("period", period), ("year", year)):
            if value is not None:
                clauses.append(f"{column} = ?")
                args.append(value)
        if region:
            clauses.append("region = ?")
            args.append(canonical_region(region))
        if regions is not None:  # region columns exactly as stored
            clauses.append(f"region IN ({','.join('?' * len(regions))})")
            args += list(regions)
        if not include_open:
            clauses.append("open_vocabulary = 0")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), args

    def terms(self, *, doc_id: str | None = None, term: str | None = None) -> list[Term]:
        """Stored glossary terms, optionally of one document or matching a term."""
        clauses: list[str] = []
        args: list[Any] = []
        if doc_id:
            clauses.append("doc_id = ?")
            args.append(doc_id)
        if term:
            clauses.append("(term LIKE ? OR definition LIKE ?)")
            args += [f"%{term}%", f"%{term}%"]
        sql = "SELECT * FROM terms" + (" WHERE " + " AND ".join(clauses) if clauses else "")
        return [_row_to_term(r) for r in self.conn.execute(sql + " ORDER BY doc_id, start", args)]

    def terms_named(self, names: Sequence[str]) -> list[Term]:
        """Stored glossary terms spelled exactly as one of ``names`` (by the term index)."""
        found: list[Term] = []
        names = list(dict.fromkeys(names))
        for i in range(0, len(names), 500):
            part = names[i:i + 500]
            found += map(_row_to_term, self.conn.execute(
                f"SELECT * FROM terms WHERE term IN ({','.join('?' * len(part))})", part))
        return sorted(found, key=lambda t: (t.doc_id, t.start))


def _row_to_term(r: sqlite3.Row) -> Term:
    return Term(term=r["term"], definition=r["definition"], start=r["start"], end=r["end"],
                uses=tuple(tuple(u) for u in json.loads(r["uses"])), doc_id=r["doc_id"])


def _row_to_section(s: sqlite3.Row) -> Section:
    return Section(index=s["idx"], level=s["level"], marker=s["marker"], title=s["title"],
                   start=s["start"], end=s["end"], heading_end=s["heading_end"],
                   role=s["role"], parent=s["parent"])


def _row_to_commitment(r: sqlite3.Row) -> Commitment:
    return Commitment(
        region=r["region"], year=r["year"], period=r["period"], object=r["object"],
        key=r["key"], action=r["action"], value=r["value"], unit=r["unit"], bound=r["bound"],
        text=r["text"], evidence=r["evidence"], source=r["source"], row=r["row"],
        start=r["start"], end=r["end"], doc_id=r["doc_id"], value_high=r["value_high"],
        scope=r["scope"], indicator=r["indicator"], list_name=r["list_name"],
        origin=r["origin"],
    )


def _row_to_fact(r: sqlite3.Row) -> Fact:
    return Fact(
        source=r["source"], row=r["row"], region=r["region"], year=r["year"],
        indicator=r["indicator"], name=r["name"], kind=r["kind"], estimated=bool(r["estimated"]),
        period=r["period"], value=r["value"], unit=r["unit"], bound=r["bound"], text=r["text"],
        evidence=r["evidence"], start=r["start"], end=r["end"], doc_id=r["doc_id"],
        attribute=r["attribute"], value_high=r["value_high"], key=r["key"],
        action=r["action"], scope=r["scope"], open_vocabulary=bool(r["open_vocabulary"]),
    )
