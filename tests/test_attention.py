"""Topic attention: shipped and user dictionaries, counting, the region × year panel."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from baogao.analyze.attention import (
    TOPICS_DIR,
    Topic,
    TopicCounter,
    attention_documents,
    attention_panel,
    load_topics,
    panel_table,
)
from baogao.cli import app
from baogao.errors import QueryError
from baogao.library import Library
from baogao.store.export import write_table


def test_shipped_dictionaries() -> None:
    topics = load_topics()
    assert len(topics) >= 15
    ids = {t.id for t in topics}
    for needed in ("economy", "finance", "digital", "innovation", "environment", "education",
                   "health", "elderly_care", "housing", "culture", "safety", "governance",
                   "employment", "agriculture", "opening", "consumption", "transport"):
        assert needed in ids
    assert all(t.words and t.label != t.id for t in topics)  # each file opens with # 标签
    assert len(list(TOPICS_DIR.glob("*.txt"))) == len(topics)


def test_counting_is_leftmost_longest() -> None:
    counter = TopicCounter([Topic("economy", "经济", ("经济",)),
                            Topic("digital", "数字经济", ("数字经济", "数据要素"))])
    assert counter.count("发展数字经济，壮大实体经济，培育数据要素市场") == {
        "economy": 1, "digital": 2}


def test_user_dictionary_formats(tmp_path: Path) -> None:
    tsv = tmp_path / "mine.txt"
    tsv.write_text("# my topics\n养老\t养老 老年人\n就业\t就业 创业\n养老\t托育\n", "utf-8")
    assert [(t.id, t.words) for t in load_topics(tsv)] == [
        ("养老", ("养老", "老年人", "托育")), ("就业", ("就业", "创业"))]
    js = tmp_path / "mine.json"
    js.write_text(json.dumps({"绿色": ["生态", "环保"], "数字": "数字经济 人工智能"},
                             ensure_ascii=False), "utf-8")
    assert [t.words for t in load_topics(js)] == [("生态", "环保"), ("数字经济", "人工智能")]


@pytest.mark.parametrize("content", ["养老\n", "[1, 2]", "{\"a\": 3}"])
def test_bad_dictionaries_say_how_to_fix(tmp_path: Path, content: str) -> None:
    path = tmp_path / ("d.json" if content.startswith(("[", "{")) else "d.txt")
    path.write_text(content, "utf-8")
    with pytest.raises(QueryError):
        load_topics(path)
    with pytest.raises(QueryError, match="no topic dictionary"):
        load_topics(tmp_path / "missing.json")


def test_document_rates(corpus_library: Library) -> None:
    items = attention_documents(corpus_library, region="西城", doc_types=["plan_report"])
    assert len(items) == 1
    item = items[0]
    assert item.chars > 10_000
    for topic, n in item.counts.items():
        assert item.rates[topic] == round(n * 10_000 / item.chars, 3)
    assert item.counts["finance"] > 0  # 国家金融管理中心, 金服十条 …


def test_panel_is_region_by_year(corpus_library: Library) -> None:
    panel = attention_panel(corpus_library)
    keys = [(p.region, p.year) for p in panel]
    assert len(keys) == len(set(keys))
    assert ("中华人民共和国", 2025) in keys and ("广东省", 2026) in keys
    assert ("北京市西城区", 2023) in keys  # seed 000, a work report
    assert ("北京市西城区", 2024) not in keys  # seed 003 is a plan report: not pooled by default
    national = {p.year: p for p in panel if p.region == "中华人民共和国"}
    assert national[2025].rates["digital"] > national[1954].rates["digital"]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx", "dta"])
def test_panel_exports(corpus_library: Library, tmp_path: Path, fmt: str) -> None:
    topics = load_topics()
    rows, columns = panel_table(attention_panel(corpus_library, topics), topics,
                                with_counts=True)
    out = write_table(rows, columns, tmp_path / f"panel.{fmt}", fmt)
    readers: dict[str, Callable[[Path], pd.DataFrame]] = {
        "csv": pd.read_csv, "parquet": pd.read_parquet, "xlsx": pd.read_excel,
        "dta": pd.read_stata}
    frame = readers[fmt](out)
    assert len(frame) == len(rows)
    assert list(frame.columns[:5]) == ["region", "year", "documents", "chars", topics[0].id]


def test_cli_attention_with_user_dictionary(corpus_library: Library, tmp_path: Path) -> None:
    dictionary = tmp_path / "d.txt"
    dictionary.write_text("数字\t数字经济 人工智能 数据要素\n", "utf-8")
    out = tmp_path / "panel.dta"
    result = CliRunner().invoke(app, ["attention", "--dict", str(dictionary), "--output",
                                      str(out), "--db", corpus_library.store.path])
    assert result.exit_code == 0, result.output
    frame = pd.read_stata(out)
    assert "数字" in frame.columns and len(frame) > 50


def test_cli_attention_on_screen(corpus_library: Library) -> None:
    result = CliRunner().invoke(app, ["attention", "--region", "广东", "--format", "jsonl",
                                      "--db", corpus_library.store.path])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.splitlines()[0])
    assert row["region"] == "广东省" and row["year"] == 2026 and row["economy"] > 0


def test_counts_kept_at_ingest_equal_counting_the_text(corpus_library: Library) -> None:
    stored = attention_documents(corpus_library)
    counter = TopicCounter(load_topics())
    assert len(stored) == corpus_library.store.count()
    for item in stored[::7]:
        doc = corpus_library.document(item.doc_id)
        assert item.counts == counter.count(doc.text)
        assert item.chars == len(doc.text)


def test_library_without_stored_counts_is_recounted(tmp_path: Path) -> None:
    seeds = Path(__file__).parent / "data" / "seeds"
    with Library(tmp_path / "old.db") as lib:
        lib.ingest([seeds])
        expected = attention_panel(lib)
        lib.store.conn.execute("DROP TABLE topic_counts")
        lib.store.conn.commit()
        lib.ingest([seeds])  # nothing new: the table stays missing until attention runs
        assert attention_panel(lib, region=None, doc_types=None) != []
        assert attention_panel(lib) == expected
        n = lib.store.conn.execute("SELECT COUNT(*) FROM topic_counts").fetchone()[0]
        assert n == lib.store.count()
