"""Ingest at scale: compact storage, skipping unchanged files, batched atomic writes."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from array import array
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import NATIONAL, PROVINCES, SEEDS

import baogao.store.sqlite as store_module
from baogao.ask.passage_rows import passage_rows
from baogao.ask.search import search
from baogao.ask.segment import index_text
from baogao.errors import StoreError
from baogao.library import Library, Parsed
from baogao.pipeline import read
from baogao.store import ON_SAVE, Store, prepare
from baogao.store.packing import TEXT_BLOCK, pack_document, unpack_offsets, unpack_original
from baogao.store.schema import MIGRATIONS
from baogao.store.writer import BatchWriter

SEED = SEEDS / "000_b5713cac4734963f.txt"
TRADITIONAL = SEEDS / "004_ad073e54fd368939.txt"


def test_offset_map_and_original_packed_small_and_exact() -> None:
    docs = list(read(SEEDS, PROVINCES))
    total = packed = 0
    for doc in docs:
        offsets, original = pack_document(doc.original, doc.text, doc.offset_map)
        assert unpack_offsets(offsets) == doc.offset_map
        assert unpack_original(original, doc.text) == doc.original
        total += len(doc.original.encode("utf-8"))
        packed += len(offsets) + len(original)
    assert packed < 0.1 * total, (packed, total)


def test_stored_document_reads_back_whole(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lib.ingest([SEED, TRADITIONAL])
        for doc in read(SEED, TRADITIONAL):
            stored = lib.document(doc.id)
            assert (stored.text, stored.original, stored.offset_map) == (
                doc.text, doc.original, doc.offset_map)


def test_stored_text_is_compressed_and_old_plain_rows_still_read(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lib.ingest([SEED])
        doc = next(read(SEED))
        stored, packing = lib.store.conn.execute(
            "SELECT text, packing FROM documents WHERE id = ?", (doc.id,)).fetchone()
        assert isinstance(stored, bytes) and packing == 2
        assert len(stored) < 0.6 * len(doc.text.encode("utf-8"))
        # a row written before (plain text) reads back as it is
        lib.store.conn.execute("UPDATE documents SET text = ?, packing = 1 WHERE id = ?",
                               (doc.text, doc.id))
        lib.store.conn.commit()
        assert lib.document(doc.id).text == doc.text
        assert lib.document(doc.id).original == doc.original


def test_passages_read_by_offsets_from_every_text_layout(tmp_path: Path) -> None:
    """The search index keeps no passage text: hits read it from the stored document by
    offsets, decompressing only the blocks that hold it, whatever layout the row has."""
    with Library(tmp_path / "lib.db") as lib:
        lib.ingest([SEED, TRADITIONAL])
        docs = list(read(SEED, TRADITIONAL))
        assert max(len(d.text) for d in docs) > 3 * TEXT_BLOCK  # spans cross blocks
        spans = [(d.id, p.start, p.end) for d in docs for p in d.paragraphs]
        spans += [(d.id, 0, len(d.text)) for d in docs]
        spans += [(d.id, TEXT_BLOCK - 5, TEXT_BLOCK + 5) for d in docs]
        spans += [("0" * 16, 0, 10)]  # a document not (or no longer) stored
        texts = {d.id: d.text for d in docs}
        expected = [texts.get(i, "")[a:b] for i, a, b in spans]
        assert lib.store.passage_texts(spans) == expected
        assert lib.store.passage_texts(spans) == expected  # from the kept blocks
        olds = (docs[0].text, zlib.compress(docs[1].text.encode(), 1))
        for doc, old in zip(docs, olds, strict=True):  # rows before: a string, a zlib stream
            lib.store.conn.execute("UPDATE documents SET text = ? WHERE id = ?", (old, doc.id))
        lib.store.conn.commit()
        store_module._TEXT_BLOCKS.clear()
        assert lib.store.passage_texts(spans) == expected
        hits = search(lib, "经济发展")
        assert hits and all(texts[h.doc_id][h.start:h.end] == h.text for h in hits)


def test_unchanged_files_skipped_changed_ones_read(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("000_b5713cac4734963f.txt", "002_80c15500c8255b14.txt"):
        shutil.copy(SEEDS / name, folder / name)
    shutil.copy(PROVINCES / "2026_上海市_政府工作报告.csv", folder / "sh.csv")
    with Library(tmp_path / "lib.db") as lib:
        first = lib.ingest([folder])
        assert first.ok and first.added == 3 and first.skipped_files == 0
        again = lib.ingest([folder])
        assert (again.skipped_files, again.unchanged, again.added) == (3, 3, 0)
        # touched, same bytes: recognised by its hash
        os.utime(folder / "sh.csv", ns=(1, 1))
        assert lib.ingest([folder]).skipped_files == 3
        # the same bytes under another name: skipped, and found under the new name
        shutil.copy(SEED, folder / "copy.txt")
        report = lib.ingest([folder])
        assert (report.skipped_files, report.added) == (4, 0)
        assert lib.document("reports/copy.txt").id == lib.document(
            "reports/000_b5713cac4734963f.txt").id
        # changed bytes: read again
        with (folder / "002_80c15500c8255b14.txt").open("a", encoding="utf-8") as fh:
            fh.write("\n补充一段新的内容，用来改变这份报告。\n")
        report = lib.ingest([folder])
        assert (report.skipped_files, report.added) == (3, 1)


def test_deleted_document_is_stored_again_with_its_facts(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lib.ingest([SEED])
        [doc] = lib.documents()
        facts = len(lib.facts(doc_id=doc.id))
        assert facts > 0
        lib.delete(doc.id)
        report = lib.ingest([SEED])
        assert report.added == 1 and report.skipped_files == 0
        assert len(lib.facts(doc_id=doc.id)) == facts


def test_document_deleted_during_an_ingest_is_stored_with_its_facts(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.ingest([SEED])
        [doc] = lib.documents()
        facts = len(lib.facts(doc_id=doc.id))
    (tmp_path / "b").mkdir()
    shutil.copy(SEED, tmp_path / "b" / "later.txt")
    with Library(db) as lib:

        def delete_after_first(parsed: Parsed) -> None:
            if parsed.path.endswith("002_80c15500c8255b14.txt"):
                lib.delete(doc.id)  # removed while this ingest runs

        # the first file is read first; the document was known when the ingest started
        report = lib.ingest([SEEDS / "002_80c15500c8255b14.txt", tmp_path / "b"],
                            on_file=delete_after_first)
        assert report.ok
        assert lib.store.has_document(doc.id)
        assert len(lib.facts(doc_id=doc.id)) == facts


def test_failing_document_in_a_batch_leaves_the_others(tmp_path: Path) -> None:
    store = Store(tmp_path / "lib.db")
    docs = list(read(SEED, SEEDS / "002_80c15500c8255b14.txt", SEEDS / "003_cd0a21e123bf8728.txt"))
    bad = docs[1].id

    def fail(conn: sqlite3.Connection, doc: object) -> None:
        if getattr(doc, "id", None) == bad:
            raise sqlite3.OperationalError("disk full (simulated)")

    ON_SAVE.append(fail)
    errors = []
    try:
        with BatchWriter(store, max_documents=100) as writer:
            for doc in docs:
                try:
                    writer.write(prepare(doc))
                except StoreError as exc:
                    errors.append(str(exc))
    finally:
        ON_SAVE.remove(fail)
    assert len(errors) == 1 and "disk full" in errors[0]
    assert store.document_ids() == {docs[0].id, docs[2].id}
    for table in ("sections", "paragraphs", "search_queue"):
        n = store.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE doc_id = ?",
                               (bad,)).fetchone()[0]
        assert n == 0, table
    store.close()


def test_library_written_by_the_first_schema_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    doc = next(read(SEED))
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO documents(id, source, row, doc_type, chars, text, original, offset_map) "
        "VALUES (?,?,?,?,?,?,?,?)",
        (doc.id, doc.source, 0, doc.doc_type, len(doc.text), doc.text, doc.original,
         zlib.compress(array("i", doc.offset_map).tobytes())),
    )
    conn.execute('INSERT INTO paragraphs(doc_id, idx, start, "end") VALUES (?, 0, 0, 5)',
                 (doc.id,))
    conn.commit()
    conn.close()
    with Library(db) as lib:
        stored = lib.document(doc.id)
        assert (stored.original, stored.offset_map) == (doc.original, doc.offset_map)
        assert len(stored.paragraphs) == 1
        lib.ingest([SEEDS / "002_80c15500c8255b14.txt"])
        assert lib.store.count() == 2


@pytest.mark.slow
def test_killed_ingest_leaves_only_whole_documents(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    code = ("import sys; from baogao.library import Library; "
            "Library(sys.argv[1]).ingest(sys.argv[2:], jobs=1)")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(NATIONAL)], env=env)
    deadline = time.monotonic() + 120
    count = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.5)
        try:
            with sqlite3.connect(db, timeout=5) as conn:
                count = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if count >= 5:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert count >= 5, "ingest stored nothing before it was killed"
    with Library(db) as lib:
        for doc_id in lib.store.document_ids():
            doc = lib.document(doc_id)
            assert doc.paragraphs and len(doc.offset_map) == len(doc.text)
            indexed = lib.store.conn.execute(
                "SELECT (SELECT COUNT(*) FROM search_docs WHERE doc_id = ?) + "
                "(SELECT COUNT(*) FROM search_queue WHERE doc_id = ?)", (doc_id, doc_id)
            ).fetchone()[0]
            assert indexed > 0  # indexed, or owed to the index in the same transaction
        stored = lib.store.count()
        report = lib.ingest([NATIONAL])  # finishes the job
        assert report.ok and lib.store.count() > stored


def test_passage_words_from_one_cut_equal_cutting_each_passage() -> None:
    """Passages take their index words from one cut of the whole text; the words must be
    those of cutting each passage alone, also where lines cannot be told apart (a line with
    edge spaces, a blank line: the whole text is then cut passage by passage)."""
    docs = list(read(SEEDS, PROVINCES))
    odd = replace(docs[0], text=docs[0].text.replace("\n", "\n ", 3))
    blank = replace(docs[1], text=docs[1].text.replace("\n", "\n\n", 3))
    for doc in [*docs, odd, blank]:
        rows = passage_rows(doc)
        assert len(rows) >= len(doc.paragraphs) > 0
        for row in rows:
            assert row.words == index_text(doc.text[row.start:row.end]), (doc.source, row.idx)
        paths = {r.idx: r for r in rows if r.kind == "section"}
        for s in doc.sections:
            if s.parent is not None and s.index in paths:
                assert paths[s.index].heading == index_text(" ".join(doc.section_path(
                    doc.sections[s.parent])))


def test_ingest_collects_garbage_less_often_and_puts_the_thresholds_back(
        tmp_path: Path) -> None:
    import gc

    from baogao.workers import INGEST_GC_THRESHOLD

    before = gc.get_threshold()
    seen: list[int] = []
    with Library(tmp_path / "lib.db") as lib:
        report = lib.ingest([SEED], on_file=lambda _: seen.append(gc.get_threshold()[0]))
    assert report.added == 1 and seen and all(t >= INGEST_GC_THRESHOLD for t in seen)
    assert gc.get_threshold() == before
