"""Search over a real library built from the shared documents (seeds + corpus)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from baogao.ask.index import flush_index, index_folder, rebuild_index, search_index
from baogao.ask.search import MARK_CLOSE, MARK_OPEN, parse_query, search, search_page
from baogao.ask.segment import cut_words, index_tokens, query_tokens
from baogao.errors import QueryError
from baogao.library import Library
from baogao.pipeline import read

DATA = Path(__file__).parent / "data"
SEED = DATA / "seeds" / "000_b5713cac4734963f.txt"


@pytest.fixture(scope="session")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The shared documents in one library (built once per session)."""
    library = Library(tmp_path_factory.mktemp("search") / "lib.db")
    report = library.ingest([DATA / "seeds", DATA / "corpus"])
    assert report.ok and report.added > 50
    yield library
    library.close()


def _answer_rank(lib: Library, q: dict[str, object]) -> int | None:
    doc = lib.document(f"{q['source']}#{q['row']}")
    spans = [(doc.text.find(t), doc.text.find(t) + len(t)) for t in q["text"]]  # type: ignore[attr-defined]
    assert all(s >= 0 for s, _ in spans), q["question"]
    for rank, p in enumerate(search(lib, str(q["question"]), limit=10), 1):
        if p.doc_id == doc.id and any(p.start < e and s < p.end for s, e in spans):
            return rank
    return None


# -- segmentation -----------------------------------------------------------------------------


def test_lexicon_keeps_report_words_whole() -> None:
    words = cut_words("加快发展新质生产力，推进接诉即办，建设一刻钟便民生活圈，推动两区建设")
    for word in ("新质生产力", "接诉即办", "一刻钟便民生活圈", "两区建设"):
        assert word in words
    assert "两区" in index_tokens("推动两区建设")


def test_index_tokens_include_parts_of_long_words() -> None:
    tokens = index_tokens("新质生产力和居家养老")
    assert {"新质生产力", "生产力", "居家养老", "养老"} <= set(tokens)


def test_query_tokens_drop_question_words() -> None:
    assert query_tokens("西城区如何推进接诉即办？") == ["西城区", "推进", "接诉即办"]


# -- results and citations --------------------------------------------------------------------


@pytest.mark.parametrize("term", ["就业", "养老", "两区", "接诉即办", "新质生产力"])
def test_short_and_lexicon_terms_are_found(lib: Library, term: str) -> None:
    passages = search(lib, term, limit=5)
    assert len(passages) == 5
    assert all(term in p.text for p in passages)
    assert all(f"{MARK_OPEN}{term}{MARK_CLOSE}" in p.snippet for p in passages)


def test_citations_point_into_the_normalized_text(lib: Library) -> None:
    for p in search(lib, "老旧小区综合整治加装电梯", limit=10):
        doc = lib.document(p.doc_id)
        assert doc.text[p.start:p.end] == p.text
        assert (doc.source, doc.row) == (p.source, p.row)
        section = doc.section_at(p.start)
        if section is not None and p.section:
            assert p.section.endswith(section.title) or section.title in p.section


def test_scores_are_best_first(lib: Library) -> None:
    scores = [p.score for p in search(lib, "如何稳就业保民生", limit=10)]
    assert scores == sorted(scores, reverse=True)


def test_filters(lib: Library) -> None:
    xicheng = search(lib, "就业", region="西城区", limit=10)
    assert xicheng and all(p.region == "北京市西城区" for p in xicheng)
    by_year = search(lib, "就业", year=2026, limit=10)
    assert by_year and all(p.year == 2026 for p in by_year)
    resolutions = search(lib, "政府工作报告", doc_type="npc_resolution", limit=5)
    assert resolutions and all(lib.document(p.doc_id).doc_type == "npc_resolution"
                               for p in resolutions)
    plans = search(lib, "就业", role="plan", limit=10)
    assert plans and all(lib.document(p.doc_id).role_at(p.start) == "plan" for p in plans)


def test_no_match_gives_empty_list(lib: Library) -> None:
    assert search(lib, "xyzzyqwerty") == []


def test_glossary_synonyms_both_ways(lib: Library) -> None:
    store = lib.store
    forward = parse_query(store, "两区建设")
    assert any(not t.original and "自由贸易试验区" in t.token for t in forward.terms)
    backward = parse_query(store, "服务业扩大开放综合示范区和自由贸易试验区的政策")
    assert any(not t.original and t.token == "两区" for t in backward.terms)


def test_title_match_lifts_passages_under_matching_heading(lib: Library) -> None:
    top = search(lib, "完善接诉即办机制", limit=1)[0]
    assert "接诉即办" in top.section


# -- robustness -------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "\n\t", "x" * 10_000, "就业" * 5_000])
def test_empty_or_huge_query_is_a_query_error(lib: Library, query: str) -> None:
    with pytest.raises(QueryError) as info:
        search(lib, query)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("query", [
    '"', '""', "AND", "OR NOT", "*", "NEAR", "NEAR(就业 养老, 5)", "(就业", "就业)", "就业:养老",
    "words:就业", "^就业", '"就业" AND "养老" OR *', "就业 NOT 养老", "{words heading}: 就业",
    "'; DROP TABLE documents; --", "就业\x00养老", "-就业", "就业*",
])
def test_fts_syntax_never_leaks(lib: Library, query: str) -> None:
    try:
        passages = search(lib, query, limit=3)
    except QueryError as exc:
        message = str(exc)
        passages = []
    else:
        message = ""
    assert "\n" not in message
    assert isinstance(passages, list)
    assert lib.store.count() > 50


def test_bad_limit_is_a_query_error(lib: Library) -> None:
    with pytest.raises(QueryError):
        search(lib, "就业", limit=0)


# -- index upkeep -----------------------------------------------------------------------------


def test_index_follows_ingest_and_delete(tmp_path: Path) -> None:
    with Library(tmp_path / "small.db") as small:
        small.ingest([SEED])
        doc_id = search(small, "接诉即办", limit=1)[0].doc_id
        small.delete(doc_id)
        assert search(small, "接诉即办") == []
        small.ingest([SEED])
        assert search(small, "接诉即办", limit=1)


def test_index_is_rebuilt_when_missing(tmp_path: Path) -> None:
    with Library(tmp_path / "small.db") as small:
        small.ingest([SEED])
        before = [(p.start, p.end) for p in search(small, "养老服务驿站", limit=5)]
        assert before
    shutil.rmtree(tmp_path / "small.db.index")
    with Library(tmp_path / "small.db") as small:
        assert [(p.start, p.end) for p in search(small, "养老服务驿站", limit=5)] == before
        assert rebuild_index(small.store) == 1
        assert [(p.start, p.end) for p in search(small, "养老服务驿站", limit=5)] == before


def test_a_foreign_index_folder_is_replaced(tmp_path: Path) -> None:
    with Library(tmp_path / "a.db") as a:
        a.ingest([SEED])
    with Library(tmp_path / "b.db") as b:
        b.ingest([DATA / "seeds" / "001_c37d6c11197b0023.txt"])
        expected = [(p.doc_id, p.start) for p in search(b, "就业", limit=5)]
    shutil.rmtree(tmp_path / "b.db.index")
    shutil.copytree(tmp_path / "a.db.index", tmp_path / "b.db.index")
    with Library(tmp_path / "b.db") as b:
        assert [(p.doc_id, p.start) for p in search(b, "就业", limit=5)] == expected


def test_documents_saved_without_a_flush_are_caught_up(tmp_path: Path) -> None:
    """A crash after the SQLite commit and before the index commit loses nothing."""
    with Library(tmp_path / "c.db") as lib:
        lib.ingest([SEED])
        doc = next(iter(read(DATA / "seeds" / "001_c37d6c11197b0023.txt")))
        assert lib.store.save(doc, [], [])  # stored and queued, the index not yet told
    with Library(tmp_path / "c.db") as lib:
        assert doc.id in {p.doc_id for p in search(lib, "就业", limit=50)}


def test_applying_the_queue_twice_adds_no_duplicates(tmp_path: Path) -> None:
    """A crash after the index commit and before the queue is cleared is harmless."""
    with Library(tmp_path / "d.db") as lib:
        lib.ingest([SEED])
        before = [(p.doc_id, p.start) for p in search(lib, "养老服务驿站", limit=10)]
        doc_id = before[0][0]
        with lib.store.conn:
            lib.store.conn.execute(
                "INSERT INTO search_queue(doc_id, op) VALUES (?, 'add')", (doc_id,))
        assert [(p.doc_id, p.start) for p in search(lib, "养老服务驿站", limit=10)] == before


def test_deleted_document_never_shows_while_the_index_is_busy(tmp_path: Path) -> None:
    import tantivy

    with Library(tmp_path / "e.db") as lib:
        lib.ingest([SEED])
        doc_id = search(lib, "接诉即办", limit=1)[0].doc_id
        folder = index_folder(lib.store)
        assert folder is not None
        other = tantivy.Index.open(folder)
        writer = other.writer()  # another process holds the writer lock
        lib.delete(doc_id)
        assert search(lib, "接诉即办") == []
        queued = lib.store.conn.execute("SELECT COUNT(*) FROM search_queue").fetchone()[0]
        assert queued == 1
        del writer
        assert search(lib, "接诉即办") == []
        assert lib.store.conn.execute("SELECT COUNT(*) FROM search_queue").fetchone()[0] == 0


def test_a_cached_page_is_not_served_after_another_connection_deletes(tmp_path: Path) -> None:
    """Result pages are cached per process; a change made by another connection (a writer
    while the web server reads) is seen at once, even when the index itself stays behind."""
    import tantivy

    with Library(tmp_path / "f.db") as writer:
        writer.ingest([SEED])
    with Library(tmp_path / "f.db", readonly=True) as reader:
        first = search_page(reader, "接诉即办", limit=5)
        assert first.total and search_page(reader, "接诉即办", limit=5) == first
        folder = index_folder(reader.store)
        assert folder is not None
        lock = tantivy.Index.open(folder).writer()  # the index cannot follow the delete
        with Library(tmp_path / "f.db") as writer:
            writer.delete(first.passages[0].doc_id)
        assert search_page(reader, "接诉即办", limit=5).passages == []
        del lock


def test_search_page_reports_the_total_and_pages(lib: Library) -> None:
    first = search_page(lib, "就业", limit=5)
    second = search_page(lib, "就业", limit=5, offset=5)
    assert first.total > 100
    assert second.total == first.total
    both = [(p.doc_id, p.start) for p in search(lib, "就业", limit=10)]
    assert [(p.doc_id, p.start) for p in first.passages + second.passages] == both


# -- quality gate -----------------------------------------------------------------------------


def test_relevance_floor(lib: Library) -> None:
    questions = json.loads((DATA / "expected" / "questions.json").read_text("utf-8"))
    floors = json.loads((DATA / "expected" / "search_floors.json").read_text("utf-8"))
    assert len(questions) >= 30
    ranks = [_answer_rank(lib, q) for q in questions]
    recall = sum(1 for r in ranks if r and r <= 5) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    assert recall >= floors["recall_at_5"], recall
    assert mrr >= floors["mrr_at_10"], mrr


# -- command line -----------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "baogao", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def test_cli_search_json_and_errors(lib: Library) -> None:
    db = lib.store.path
    done = _cli("search", "接诉即办", "--db", db, "--region", "西城区", "--format", "json",
                "--limit", "3")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 3 and all("接诉即办" in r["text"] for r in rows)
    bad = _cli("search", '"" AND OR', "--db", db)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr and "no searchable words" in bad.stderr


def _dead_segment_files(folder: Path) -> list[str]:
    """Files of segments the index's ``meta.json`` no longer lists (merged away)."""
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    live = {s["segment_id"].replace("-", "") for s in meta["segments"]}
    return sorted(p.name for p in folder.iterdir()
                  if len(p.stem) == 32 and p.stem not in live)


def test_flushes_of_one_ingest_leave_no_merged_away_segment_files(tmp_path: Path) -> None:
    """Twelve flushes sharing one writer (as in one ingest), each committing a segment:
    tantivy merges them in the background, and once the batch ends the folder holds only
    the live segments' files."""
    from dataclasses import replace

    seed = next(iter(read(SEED)))
    with Library(tmp_path / "f.db") as lib:
        lib.ingest([SEED])
        index = search_index(lib.store)
        with index.batch():
            for k in range(12):  # the same text under twelve ids: one new segment each
                assert lib.store.save(replace(seed, id=f"copy{k:012d}", source=f"{k}.txt"),
                                      [], [])
                assert flush_index(lib.store) == 1
        folder = Path(index_folder(lib.store) or "")
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        assert len(meta["segments"]) < 13  # merged
        assert _dead_segment_files(folder) == []
        hits = search(lib, "接诉即办", limit=100)
        assert len({h.doc_id for h in hits}) == 13
