"""The SQLite library: idempotent ingest, deduplication, atomic writes, intact store on errors."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import CORPUS, SEEDS

from baogao.errors import NotFound, StoreError
from baogao.library import Library
from baogao.store import DocumentFilter, Store
from baogao.store.schema import SCHEMA_VERSION


def _counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "sections", "paragraphs", "facts", "terms")}
    finally:
        conn.close()


@pytest.mark.slow
def test_whole_corpus_twice_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        first = lib.ingest([SEEDS, CORPUS], jobs=2)
    assert first.ok and first.added == first.documents > 80
    before = _counts(db)
    with Library(db) as lib:
        second = lib.ingest([SEEDS, CORPUS])
    assert second.added == 0 and second.unchanged == first.documents
    assert _counts(db) == before


def test_same_text_under_another_name_is_one_document(tmp_path: Path) -> None:
    shutil.copy(SEEDS / "000_b5713cac4734963f.txt", tmp_path / "copy.txt")
    with Library(tmp_path / "lib.db") as lib:
        report = lib.ingest([SEEDS / "000_b5713cac4734963f.txt", tmp_path / "copy.txt"])
        assert (report.added, report.unchanged) == (1, 1)
        doc = lib.document("copy.txt")  # found by its second source too
        assert doc.region == "北京市西城区"


def test_broken_files_reported_and_store_intact(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.ingest([SEEDS / "000_b5713cac4734963f.txt"])
    before = _counts(db)
    bad = tmp_path / "batch"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "broken.docx").write_bytes(b"PK\x03\x04garbage")
    (bad / "rows.jsonl").write_text('{"content": "ok"}\n{broken\n', encoding="utf-8")
    shutil.copy(SEEDS / "002_80c15500c8255b14.txt", bad / "good.txt")
    with Library(db) as lib:
        report = lib.ingest([bad])
        assert report.added == 1
        assert len(report.errors) == 4
        for error in report.errors:
            assert error.startswith("batch/") and "\n" not in error
        assert lib.store.count() == 2
    after = _counts(db)
    assert after["documents"] == before["documents"] + 1
    assert after["sections"] > before["sections"]


def test_failed_write_leaves_nothing_half_written(tmp_path: Path) -> None:
    from baogao.pipeline import read
    from baogao.store import ON_SAVE

    db = tmp_path / "lib.db"
    store = Store(db)
    doc = next(read(SEEDS / "000_b5713cac4734963f.txt"))

    def fail(conn: sqlite3.Connection, _doc: object) -> None:
        raise sqlite3.OperationalError("disk full (simulated at the index hook)")

    ON_SAVE.append(fail)
    try:
        with pytest.raises(StoreError):
            store.save(doc, [], [])
    finally:
        ON_SAVE.remove(fail)
    assert _counts(db) == {"documents": 0, "sections": 0, "paragraphs": 0, "facts": 0, "terms": 0}
    assert store.save(doc, [], [])
    store.close()


def test_documents_filter_and_lookup(corpus_library: Library) -> None:
    xicheng = corpus_library.documents(DocumentFilter(region="西城区"))
    assert {d.year for d in xicheng} >= {2014, 2023, 2024}
    assert all(d.region == "北京市西城区" for d in xicheng)
    provinces = corpus_library.documents(DocumentFilter(year=2026, level="province"))
    assert len(provinces) == 15
    plan = corpus_library.documents(DocumentFilter(doc_type="plan_report"))
    assert any(d.source.endswith("003_cd0a21e123bf8728.txt") for d in plan)
    doc = corpus_library.document(xicheng[0].id[:6])
    assert doc.text and doc.sections and len(doc.offset_map) == len(doc.text)
    with pytest.raises(NotFound):
        corpus_library.document("no-such-document")


def test_schema_is_versioned_and_newer_schema_refused(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer baogao"):
        Store(db)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite", encoding="utf-8")
    with pytest.raises(StoreError, match="not a baogao library"):
        Store(path)


def test_delete_removes_derived_rows(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.ingest([SEEDS / "000_b5713cac4734963f.txt"])
        [doc] = lib.documents()
        assert lib.facts(doc_id=doc.id)
        lib.delete(doc.id)
        assert lib.store.count() == 0
    assert _counts(db) == {"documents": 0, "sections": 0, "paragraphs": 0, "facts": 0, "terms": 0}
