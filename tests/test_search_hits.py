"""Candidate passages decoded for a search give the document's text at their offsets (spans
within and across the stored text's blocks) with the lower-cased forms ranking reads; a
server process warms its search before serving and keeps nothing of the warm-up's answers."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from conftest import PROVINCES, SEEDS

from baogao.ask.passage_rows import passage_rows
from baogao.library import Library
from baogao.store.packing import TEXT_BLOCK


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    db = tmp_path_factory.mktemp("hits") / "lib.db"
    lib = Library(db)
    assert lib.ingest([SEEDS, PROVINCES / "2026_上海市_政府工作报告.csv"]).ok
    return lib


def _spans(lib: Library) -> list[tuple[str, int, int]]:
    """Every passage of every document, spans across block ends, the whole text, empty and
    overlong spans, and a document that is not there."""
    spans: list[tuple[str, int, int]] = []
    for doc in lib.documents():
        full = lib.document(doc.id)
        n = len(full.text)
        spans += [(doc.id, r.start, r.end) for r in passage_rows(full)]
        spans += [(doc.id, k * TEXT_BLOCK - 7, k * TEXT_BLOCK + 9)
                  for k in range(1, n // TEXT_BLOCK + 1)]
        spans += [(doc.id, 0, n), (doc.id, 5, 5), (doc.id, n - 3, n + 50),
                  (doc.id, TEXT_BLOCK - 1, 3 * TEXT_BLOCK + 1)]
    return [*spans, ("0" * 16, 0, 10)]


def test_passage_texts_are_the_documents_text_at_the_offsets(library: Library) -> None:
    spans = _spans(library)
    assert any(e - s > TEXT_BLOCK for _, s, e in spans)  # several blocks in one span
    texts = {d: library.document(d).text for d in {d for d, _, _ in spans[:-1]}}
    want = [texts[d][s:e] if d in texts else "" for d, s, e in spans]
    assert library.store.passage_texts(spans) == want


def test_decoded_hits_carry_text_and_lower_cased_words(library: Library) -> None:
    """What ranking counts tokens in is the passage text and heading source, lower-cased,
    decoded once and kept for the next search of the same committed index."""
    from baogao.ask import hits
    from baogao.ask.index import search_index

    index = search_index(library.store)
    hits.forget_hits()
    _total, first = index.candidates(["就业", "gdp"], 30)
    assert first and len(hits._PASSAGES) == len(first)
    for h in first:
        assert h.text == library.document(h.doc_id).text[h.start:h.end]
        assert h.words == h.text.lower()
        assert h.head == (h.heading if h.kind == "section" else h.path).lower()
    _total, again = index.candidates(["就业", "gdp"], 30)
    assert [(h.doc_id, h.start, h.words) for h in again] == \
        [(h.doc_id, h.start, h.words) for h in first]
    assert len(hits._PASSAGES) == len(first)  # reused, none decoded again


def test_server_process_warms_up_and_keeps_no_answer(tmp_path: Path) -> None:
    from baogao.ask import hits, search
    from baogao.web import create_app
    from baogao.web.app import settle

    db = tmp_path / "lib.db"
    with Library(db) as lib:
        assert lib.ingest([SEEDS]).ok
    search.forget_results()
    app = create_app(str(db))
    assert not search._PAGES and not hits._PASSAGES  # warm-up results dropped
    lib = app.state.pool.acquire()
    try:  # the warmed connection is pooled, reading the library mapped into memory
        assert lib.store.conn.execute("PRAGMA mmap_size").fetchone()[0] > 0
        assert search.search(lib, "就业", limit=3)
    finally:
        app.state.pool.release(lib)
        app.state.pool.close()
    settle()
    try:
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()

