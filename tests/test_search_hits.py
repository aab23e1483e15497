"""Candidate passages read for a search: only the compressed blocks holding each passage are
read (``ask.hits.passage_texts``), giving the document's text at the passage's offsets in
every stored layout; a server process warms its search before serving and keeps nothing of
the warm-up's answers."""

from __future__ import annotations

import gc
import itertools
import zlib
from pathlib import Path

import pytest
from conftest import PROVINCES, SEEDS

from baogao.ask.hits import passage_texts
from baogao.ask.passage_rows import passage_rows
from baogao.library import Library
from baogao.store.packing import (
    TEXT_BLOCK,
    block_bytes,
    pack_text,
    text_header_bytes,
)


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
    assert passage_texts(library.store, spans) == want
    assert library.store.passage_texts(spans) == want  # the whole-value reader agrees


def test_text_of_an_older_layout_is_read_whole(tmp_path: Path) -> None:
    """A document whose text is stored as plain text (before blocks) or as one zlib value
    is read by ``Store.passage_texts``, beside documents stored in blocks."""
    with Library(tmp_path / "lib.db") as lib:
        assert lib.ingest([SEEDS]).ok
        ids = [d.id for d in lib.documents()]
        texts = {i: lib.document(i).text for i in ids}
        with lib.store.conn:
            lib.store.conn.execute("UPDATE documents SET text = ? WHERE id = ?",
                                   (texts[ids[0]], ids[0]))
            lib.store.conn.execute("UPDATE documents SET text = ? WHERE id = ?",
                                   (zlib.compress(texts[ids[1]].encode("utf-8")), ids[1]))
        spans = [(i, s, s + 300) for i in ids for s in (0, 900, 2000)]
        assert passage_texts(lib.store, spans) == [texts[i][s:e] for i, s, e in spans]


def test_block_bytes_locates_blocks_from_the_header_alone() -> None:
    text = "".join(f"第{i}段，就业优先。\n" for i in range(900))
    packed = pack_text(text)
    head = packed[:text_header_bytes(len(text))]
    for start, end in ((0, 10), (1020, 1030), (2048, 2049), (5000, 9000),
                       (len(text) - 1, len(text))):
        located = block_bytes(head, start, end)
        assert located is not None
        first, offsets = located
        blocks = "".join(zlib.decompress(packed[a:b]).decode("utf-8")
                         for a, b in itertools.pairwise(offsets))
        skip = start - first * TEXT_BLOCK
        assert blocks[skip:skip + end - start] == text[start:end]
    assert block_bytes(head[:-1], 0, 10) is None  # the header cut short
    assert block_bytes(text, 0, 10) is None  # plain text
    assert block_bytes(zlib.compress(text.encode("utf-8")), 0, 10) is None


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


def test_misplaced_block_bytes_are_refused_not_misread(library: Library) -> None:
    """Bytes that are not one whole block (a value rewritten between reading its header and
    its blocks) fail zlib's checks and are left out: the span is then read whole."""
    from baogao.ask.hits import _blocks

    doc_id = library.documents()[0].id
    head = library.store.conn.execute("SELECT text FROM documents WHERE id = ?",
                                      (doc_id,)).fetchone()[0]
    located = block_bytes(head, 0, 10)
    assert located is not None
    lo, hi = located[1][0], located[1][1]
    assert _blocks(library.store, [(doc_id, lo, hi)]) == {
        (doc_id, lo): library.document(doc_id).text[:TEXT_BLOCK]}
    assert _blocks(library.store, [(doc_id, lo + 3, hi + 3), (doc_id, lo, hi - 1)]) == {}
