"""The stored path of commitment tracking gives the rows of the full computation."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from baogao.analyze.commitment_rows import review_digest
from baogao.analyze.commitments import count_verdicts, track_documents
from baogao.library import Library
from baogao.models import CommitmentRow

JILIN_2025 = Path(__file__).parent / "data" / "provinces-2025" / "2025年吉林省政府工作报告.docx"


def _copy(lib: Library, db: Path) -> None:
    with sqlite3.connect(db) as dst:
        lib.store.conn.backup(dst)
    index = Path(f"{lib.store.path}.index")
    if index.is_dir():
        shutil.copytree(index, f"{db}.index")


def _computed(lib: Library) -> list[CommitmentRow]:
    """Every row computed from the full documents and their facts (no stored digest)."""
    docs = {d.id: lib.document(d.id) for d in lib.documents()}
    facts = {i: lib.facts(doc_id=i, include_open=True) for i in docs}
    return track_documents(docs, facts)


def test_stored_links_equal_computed_links(corpus_library: Library, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    _copy(corpus_library, db)
    with Library(db) as lib:
        assert lib.ingest([JILIN_2025]).ok  # with 吉林 2026 in the corpus: words answer too
        expected = _computed(lib)
        linked = [r for r in expected if r.actual_value is not None]
        assert len(expected) > 300 and len(linked) > 40
        assert any(r.verdict == "done" for r in expected)
        assert lib.track_commitments() == expected  # from the stored digests, then kept
        kept = lib.store.conn.execute("SELECT COUNT(*) FROM commitment_rows").fetchone()[0]
        assert kept == len(expected)
        assert lib.track_commitments() == expected  # read back
        xicheng = [r for r in expected if "000_" in r.target_source]
        assert xicheng and lib.track_commitments("西城", period=2023) == xicheng
    with Library(db, readonly=True) as lib:
        assert lib.track_commitments() == expected
        assert lib.track_commitments(verdict="met") == [
            r for r in expected if r.verdict == "met"]


def test_review_digest_is_stored_at_ingest(corpus_library: Library) -> None:
    lib = corpus_library
    later = [d for d in lib.documents() if d.region == "北京市西城区" and d.year == 2024]
    assert later
    stored = lib.store.review_digests([d.id for d in later])
    for d in later:
        doc = lib.document(d.id)
        assert stored[d.id] == review_digest(doc, lib.facts(doc_id=d.id, include_open=True))


def test_stale_digest_is_made_on_read(corpus_library: Library, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    _copy(corpus_library, db)
    with Library(db) as lib:
        expected = lib.track_commitments("西城")
        with lib.store.conn:
            lib.store.conn.execute("UPDATE commitment_docs SET review = NULL")
            lib.store.conn.execute("DELETE FROM commitment_states")
        ids = [d.id for d in lib.documents()]
        assert lib.store.review_digests(ids) == {}
        assert lib.track_commitments("西城") == expected
        assert lib.store.review_digests(ids)  # the later reports' digests were kept


def test_pages_select_sort_and_count_as_the_rows_do(corpus_library: Library) -> None:
    lib = corpus_library
    every = lib.track_commitments()
    linked_first = sorted(every, key=lambda r: (r.verdict == "unreported", r.region or "",
                                                r.period or 0, r.target_source,
                                                r.target_start))
    page = lib.commitment_page(order="verdict", limit=7, offset=3)
    assert page.rows == linked_first[3:10] and page.total == len(every)
    assert page.counts == count_verdicts(every)
    met = lib.commitment_page(verdict="met", limit=2)
    assert met.total == page.counts["met"] > 2 and met.counts == page.counts
    assert met.rows == [r for r in every if r.verdict == "met"][:2]
    years = {d.id: d.year for d in lib.documents()}
    one = next(r for r in every if r.actual_value is not None and r.origin == "target")
    word, year = one.object[:2], years[one.target_doc_id]
    found = lib.commitment_page(q=word, origin="target", period=year)
    assert found.rows == [r for r in every if (word in r.object or word in r.target_evidence)
                          and r.origin == "target" and years[r.target_doc_id] == year]
    assert found.rows and found.counts == count_verdicts(found.rows)
    assert lib.commitment_page("没有这个地方").total == 0
