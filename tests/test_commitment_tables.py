"""民生实事 lists given as tables (docx, web page, tab-separated rows of a CSV text).

The fixtures (``tests/data/tables``, made by ``make_tables.py``) lay out the real annex of the
2025 广东 report — ten items of numbered paragraphs — as a table, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from baogao.extract.commitment_tables import list_tables
from baogao.extract.commitments import extract_commitments
from baogao.models import Commitment
from baogao.pipeline import analyse, read
from tests.conftest import DATA, SEEDS

TABLES = DATA / "tables"
ANNEX = DATA / "formats" / "provinces-2025" / "2025年广东省政府工作报告.docx"


def _commitments(path: Path) -> list[Commitment]:
    [doc] = list(read(path))
    return extract_commitments(doc, analyse(doc)[1])


def _said(items: list[Commitment]) -> list[tuple[str, float | None, str | None]]:
    return [(c.object, c.value, c.unit) for c in items]


@pytest.fixture(scope="module")
def annex() -> list[Commitment]:
    """The items of the annex printed as paragraphs."""
    return [c for c in _commitments(ANNEX) if c.list_name == "十件民生实事"]


@pytest.mark.parametrize("name", ["广东民生实事表.docx", "广东民生实事表.html",
                                  "广东民生实事表.csv", "广东民生实事表_标题行.docx"])
def test_a_table_gives_the_commitments_of_the_same_annex_in_paragraphs(
        annex: list[Commitment], name: str) -> None:
    found = _commitments(TABLES / name)
    assert len(annex) > 40
    assert _said(found) == _said(annex)
    assert {c.list_name for c in found} == {"十件民生实事"}
    [doc] = list(read(TABLES / name))
    for c in found:  # the words quoted are the document's, where it says they are
        assert c.text in c.evidence and c.evidence in doc.text


def test_items_without_a_number_are_commitments_named_by_their_cell() -> None:
    found = _commitments(TABLES / "广东民生实事名单.docx")
    assert len(found) == 10
    assert all(c.value is None and c.origin == "list_item" for c in found)
    assert found[0].object == "为老年人提供健康管理、医养结合服务和提升养老机构服务水平"
    assert found[6].object == "深入推进“四好农村路”和高速公路服务配套建设"


def test_an_indicator_table_is_not_a_list_of_promises() -> None:
    [doc] = list(read(next(SEEDS.glob("003_*.txt"))))
    assert any(p.is_table_row for p in doc.paragraphs)
    assert list(list_tables(doc)) == []


def test_an_indicator_table_under_a_list_caption_is_not_a_list(tmp_path: Path) -> None:
    # seed 003's indicator table (…预期性/约束性) given the caption of a 民生实事 list
    text = next(SEEDS.glob("003_*.txt")).read_text("utf-8")
    first_row = next(line for line in text.splitlines() if "\t" in line)
    moved = tmp_path / "003_caption.txt"
    moved.write_text(text.replace(first_row, "2024年十件民生实事\n" + first_row, 1), "utf-8")
    [doc] = list(read(moved))
    assert "2024年十件民生实事" in doc.text and any(p.is_table_row for p in doc.paragraphs)
    assert list(list_tables(doc)) == []


def test_an_unnamed_amount_reads_the_same_in_a_cell_and_in_a_paragraph() -> None:
    # 全省320家承包或委托经营的中小学食堂实现…全覆盖: the open facts leave it unnamed; the
    # commitments read it alike as a paragraph of the annex and as a table cell
    found = [[(c.object, c.text) for c in _commitments(path) if c.text == "320家"]
             for path in (ANNEX, TABLES / "广东民生实事表.csv")]
    assert found[0] and found[0] == found[1]
