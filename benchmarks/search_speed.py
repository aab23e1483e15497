"""Search speed: index build MB/s and query p50/p95 on the shared corpus and a ×N enlargement.

    .venv/bin/python benchmarks/search_speed.py            # ×1 and ×100, FTS5 and tantivy
    .venv/bin/python benchmarks/search_speed.py --scale 10 --no-tantivy

The shared corpus (tests/data/seeds + tests/data/corpus) is ingested into a temporary library;
the enlargement stores every document N times under new ids (same text; the posting lists
grow N-fold) and rebuilds the index. Build MB/s = UTF-8 bytes of the documents' text divided
by the time of ``rebuild_index`` (segmentation + FTS5 insert). Query times: ``search`` end to
end (FTS5 candidates + re-ranking + snippets), and the FTS5 candidate query alone. The
tantivy figures index the same tokens (segmentation included in its build time) and time a
BM25 OR query for the same top 150, i.e. the engine step only.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from baogao.ask.index import rebuild_index
from baogao.ask.search import CANDIDATES, _candidates, _filters, parse_query, search
from baogao.ask.segment import index_text
from baogao.library import Library
from baogao.store import ON_SAVE, Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
QUERIES = [
    "就业", "养老", "接诉即办", "新质生产力", "一刻钟便民生活圈", "两区", "营商环境",
    "乡村振兴", "城镇新增就业", "粮食产量", "稳就业保民生", "扩大内需", "科技创新",
    "什么是“两区”建设？", "如何推进新质生产力", "西城区2022年地区生产总值是多少？",
    "今年经济增长的预期目标是多少", "老旧小区改造", "生态环境保护", "教育 医疗 养老",
]


def _queries() -> list[str]:
    path = DATA / "expected" / "questions.json"
    extra = [q["question"] for q in json.loads(path.read_text("utf-8"))] if path.exists() else []
    return QUERIES + extra


def _text_mb(store: Store) -> float:
    row = store.conn.execute("SELECT SUM(LENGTH(CAST(text AS BLOB))) FROM documents").fetchone()
    return float(row[0] or 0) / 1e6


def _index_mb(store: Store) -> float:
    row = store.conn.execute(
        "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search%'"
    ).fetchone()
    return float(row[0] or 0) / 1e6


def _pct(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def time_queries(store: Store, queries: list[str], repeat: int) -> dict[str, tuple[float, float]]:
    """p50/p95 (ms) of ``search`` end to end and of the FTS5 candidate query alone."""
    full: list[float] = []
    engine: list[float] = []
    search(store, "就业")  # warm caches and sync the index
    for _ in range(repeat):
        for q in queries:
            t = time.perf_counter()
            search(store, q, limit=10)
            full.append(time.perf_counter() - t)
            parsed = parse_query(store, q)
            where, args = _filters(None, None, None, None)
            t = time.perf_counter()
            _candidates(store, parsed, where, args, CANDIDATES)
            engine.append(time.perf_counter() - t)
    return {"search": _pct(full), "fts5": _pct(engine)}


def build(store: Store) -> dict[str, float]:
    """Rebuild the index and report build speed and size."""
    mb = _text_mb(store)
    t = time.perf_counter()
    rebuild_index(store)
    seconds = time.perf_counter() - t
    return {"text_mb": mb, "seconds": seconds, "mb_s": mb / seconds, "index_mb": _index_mb(store)}


def enlarge(base: Store, path: Path, scale: int) -> Store:
    """A library holding every document of ``base`` ``scale`` times (index not built)."""
    big = Store(path)
    hooks = list(ON_SAVE)
    ON_SAVE.clear()
    try:
        docs = list(base.iter_documents())
        for k in range(scale):
            for doc in docs:
                copy = dataclasses.replace(doc, id=f"{doc.id}x{k}", source=f"{doc.source}~{k}",
                                           original="", offset_map=())
                big.save(copy, [], [])
    finally:
        ON_SAVE.extend(hooks)
    return big


def tantivy_figures(store: Store, queries: list[str], repeat: int, folder: Path) -> dict[str, Any]:
    """Build a tantivy index of the same tokens and time the same OR queries."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("words", stored=False)
    builder.add_integer_field("pid", stored=True, indexed=False)
    index = tantivy.Index(builder.build(), path=str(folder))
    writer = index.writer(heap_size=256_000_000)
    mb = _text_mb(store)
    t = time.perf_counter()
    rows = store.conn.execute("SELECT p.id, d.text, p.start, p.\"end\" FROM search_passages p "
                              "JOIN documents d ON d.id = p.doc_id ORDER BY p.doc_id")
    for pid, text, start, end in rows:
        writer.add_document(tantivy.Document(words=index_text(text[start:end]), pid=pid))
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - t
    index.reload()
    searcher = index.searcher()
    schema = index.schema
    times: list[float] = []
    for _ in range(repeat):
        for q in queries:
            terms = [x.token for x in parse_query(store, q).terms]
            t = time.perf_counter()
            query = tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "words", w))
                 for w in terms])
            searcher.search(query, CANDIDATES)
            times.append(time.perf_counter() - t)
    size = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
    return {"mb_s": mb / seconds, "seconds": seconds, "index_mb": size, "query": _pct(times)}


def report(label: str, store: Store, queries: list[str], repeat: int, tmp: Path,
           with_tantivy: bool) -> None:
    """Print the figures of one library size."""
    b = build(store)
    q = time_queries(store, queries, repeat)
    print(f"{label}: {store.count()} documents, {b['text_mb']:.1f} MB text; FTS5 build "
          f"{b['mb_s']:.1f} MB/s ({b['seconds']:.1f} s), index {b['index_mb']:.1f} MB "
          f"({b['index_mb'] / b['text_mb']:.2f}× text)")
    print(f"  search end to end p50 {q['search'][0]:.1f} ms  p95 {q['search'][1]:.1f} ms;"
          f"  FTS5 candidates p50 {q['fts5'][0]:.1f} ms  p95 {q['fts5'][1]:.1f} ms")
    if with_tantivy:
        folder = tmp / f"tantivy-{label}"
        folder.mkdir()
        t = tantivy_figures(store, queries, repeat, folder)
        print(f"  tantivy build {t['mb_s']:.1f} MB/s ({t['seconds']:.1f} s), index "
              f"{t['index_mb']:.1f} MB; query p50 {t['query'][0]:.2f} ms  "
              f"p95 {t['query'][1]:.2f} ms")
    sys.stdout.flush()


def main() -> None:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--no-tantivy", action="store_true")
    args = ap.parse_args()
    queries = _queries()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with Library(tmp / "x1.db") as lib:
            lib.ingest([DATA / "seeds", DATA / "corpus"])
            report("x1", lib.store, queries, 5, tmp, not args.no_tantivy)
            if args.scale > 1:
                big = enlarge(lib.store, tmp / "big.db", args.scale)
                report(f"x{args.scale}", big, queries, 2, tmp, not args.no_tantivy)
                big.close()


if __name__ == "__main__":
    main()
