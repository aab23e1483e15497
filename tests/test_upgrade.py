"""``baogao upgrade``: a library written in older layouts is rewritten in place.

The old layouts are produced from real documents by rewriting their stored rows into the
forms older baogao versions wrote (the forms ``store.packing`` documents and still reads):
text as a plain string (schema 1–4), as one zlib stream (round 3), as blocks of 4,096
characters; offset maps as every int32; originals as a plain string; the search index of
format 4.
"""

from __future__ import annotations

import sqlite3
import struct
import zlib
from array import array
from pathlib import Path

import pytest
from conftest import PROVINCES, SEEDS
from test_cli import baogao

import baogao.store.sqlite as store_module
from baogao.ask.index import INDEX_FORMAT, index_version
from baogao.ask.search import search
from baogao.library import Library
from baogao.models import Document
from baogao.store.packing import TEXT_BLOCK
from baogao.store.upgrade import old_layout_documents, upgrade_layout

QUERIES = ("就业", "营商环境", "科技创新", "养老服务")


def _blocks_of(text: str, size: int) -> bytes:
    """Text as zlib blocks of ``size`` characters after a header of their ends (the layout
    of early round 4 with ``size`` 4,096)."""
    blocks = [zlib.compress(text[i:i + size].encode("utf-8"), 6)
              for i in range(0, len(text), size)]
    ends, total = [], 0
    for b in blocks:
        total += len(b)
        ends.append(total)
    return b"".join((b"B", struct.pack(f"<{2 + len(ends)}I", size, len(blocks), *ends),
                     *blocks))


def _write_old(conn: sqlite3.Connection, docs: list[Document]) -> None:
    """Rewrite each stored document in one of the older layouts, in turn; mark the search
    index as of format 4."""
    for k, doc in enumerate(docs):
        layout = k % 4
        if layout == 0:  # schema 1: everything plain, the offset map every int32
            conn.execute("UPDATE documents SET text = ?, original = ?, offset_map = ?, "
                         "packing = 0 WHERE id = ?",
                         (doc.text, doc.original,
                          zlib.compress(array("i", doc.offset_map).tobytes()), doc.id))
        elif layout == 1:  # schema 4, packing 1: plain text
            conn.execute("UPDATE documents SET text = ?, packing = 1 WHERE id = ?",
                         (doc.text, doc.id))
        elif layout == 2:  # round 3: the text as one zlib stream
            conn.execute("UPDATE documents SET text = ? WHERE id = ?",
                         (zlib.compress(doc.text.encode("utf-8"), 1), doc.id))
        else:  # early round 4: blocks of 4,096 characters
            conn.execute("UPDATE documents SET text = ? WHERE id = ?",
                         (_blocks_of(doc.text, 4 * TEXT_BLOCK), doc.id))
    old = index_version().replace(f"{INDEX_FORMAT}-", f"{INDEX_FORMAT - 1}-", 1)
    conn.execute("UPDATE search_meta SET value = ? WHERE key = 'version'", (old,))
    conn.commit()
    store_module._TEXT_BLOCKS.clear()


def _hits(lib: Library) -> list[tuple[str, int, int, str]]:
    return [(h.doc_id, h.start, h.end, h.text) for q in QUERIES for h in search(lib, q)]


def _current_rows(conn: sqlite3.Connection) -> int:
    head = b"B" + struct.pack("<I", TEXT_BLOCK)
    return int(conn.execute(
        "SELECT COUNT(*) FROM documents WHERE substr(text, 1, 5) = ? AND "
        "substr(offset_map, 1, 1) = X'52' AND substr(original, 1, 1) IN (X'45', X'50')",
        (head,)).fetchone()[0])


@pytest.fixture
def old_library(tmp_path: Path) -> tuple[Path, list[Document], list[tuple[str, int, int, str]]]:
    """A library of real reports (seeds and two provinces) in the older layouts, the parsed
    documents, and the search hits the current layout gave."""
    db = tmp_path / "old.db"
    sources = [SEEDS, PROVINCES / "2026_上海市_政府工作报告.csv",
               PROVINCES / "2026_广东省_政府工作报告.csv"]
    with Library(db) as lib:
        assert lib.ingest(sources).ok
        hits = _hits(lib)
        docs = [lib.document(i) for i in sorted(lib.store.document_ids())]
        _write_old(lib.store.conn, docs)
    assert hits and len(docs) == 7
    return db, docs, hits


def test_upgrade_rewrites_every_old_layout_and_search_finds_the_same(
        old_library: tuple[Path, list[Document], list[tuple[str, int, int, str]]]) -> None:
    db, docs, hits = old_library
    with Library(db) as lib:
        assert len(old_layout_documents(lib.store)) == len(docs)
        assert _current_rows(lib.store.conn) == 0
        calls: list[tuple[int, int, str | None]] = []
        report = lib.upgrade(progress=lambda *a: calls.append(a))
        assert (report.old, report.rewritten, report.failures) == (len(docs), len(docs), ())
        assert report.ok and report.index_rebuilt
        assert calls == [(k, len(docs), None) for k in range(1, len(docs) + 1)]
        assert _current_rows(lib.store.conn) == len(docs) and not old_layout_documents(lib.store)
        assert report.bytes_after < report.bytes_before  # plain text compressed
        store_module._TEXT_BLOCKS.clear()
        for doc in docs:
            stored = lib.document(doc.id)
            assert (stored.text, stored.original, stored.offset_map) == (
                doc.text, doc.original, doc.offset_map)
        assert _hits(lib) == hits
        changes = lib.store.conn.total_changes
        again = lib.upgrade()  # nothing left: a no-op that writes nothing
        assert (again.old, again.rewritten, again.index_rebuilt) == (0, 0, False)
        assert lib.store.conn.total_changes == changes


def test_interrupted_upgrade_leaves_a_readable_library_and_goes_on(
        old_library: tuple[Path, list[Document], list[tuple[str, int, int, str]]]) -> None:
    db, docs, _ = old_library

    def stop(done: int, total: int, failure: str | None) -> None:
        if done == 5:  # inside the second batch of 3
            raise KeyboardInterrupt

    with Library(db) as lib, pytest.raises(KeyboardInterrupt):
        upgrade_layout(lib.store, progress=stop, batch=3)
    with Library(db) as lib:  # the first batch committed, the second rolled back whole
        assert _current_rows(lib.store.conn) == 3
        assert len(old_layout_documents(lib.store)) == len(docs) - 3
        store_module._TEXT_BLOCKS.clear()
        for doc in docs:
            stored = lib.document(doc.id)
            assert (stored.text, stored.original, stored.offset_map) == (
                doc.text, doc.original, doc.offset_map)
        report = upgrade_layout(lib.store, batch=3)
        assert (report.old, report.rewritten) == (len(docs) - 3, len(docs) - 3)
        assert _current_rows(lib.store.conn) == len(docs)


def test_unreadable_row_gets_one_line_and_the_rest_is_upgraded(
        old_library: tuple[Path, list[Document], list[tuple[str, int, int, str]]]) -> None:
    db, docs, _ = old_library
    bad = docs[2]
    with sqlite3.connect(db) as conn:  # a damaged zlib stream
        conn.execute("UPDATE documents SET text = ? WHERE id = ?",
                     (b"x\x01" + b"\x00garbage" * 8, bad.id))
    checked = baogao("upgrade", "--check", db=db)
    assert checked.returncode == 0
    assert f"{len(docs)} of {len(docs)} documents in an older layout" in checked.stderr
    result = baogao("upgrade", "--quiet", db=db)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and bad.source in errors[0] and bad.id[:12] in errors[0]
    assert "cannot be read" in errors[0] and "Traceback" not in result.stderr
    assert f"{len(docs) - 1} of {len(docs)} documents rewritten" in result.stderr
    assert "search index rebuilt" in result.stderr
    with Library(db) as lib:
        assert [d for d, _, _ in old_layout_documents(lib.store)] == [bad.id]
        assert _current_rows(lib.store.conn) == len(docs) - 1
        for doc in docs:
            if doc.id != bad.id:
                assert lib.document(doc.id).text == doc.text
    again = baogao("upgrade", "--quiet", db=db)  # the damaged row is reported again, alone
    assert again.returncode == 1 and "0 of 7 documents rewritten" in again.stderr


def test_upgrade_of_a_current_library_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        assert lib.ingest([SEEDS]).ok
    before = db.read_bytes()
    result = baogao("upgrade", db=db)
    assert result.returncode == 0, result.stderr
    assert "0 of 5 documents rewritten" in result.stderr and "up to date" in result.stderr
    assert db.read_bytes() == before
