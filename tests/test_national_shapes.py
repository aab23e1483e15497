"""National work reports of the corpus (tune years) rewritten into the shapes their copies take
elsewhere (issue 9, catalog facts of national reports): a page that lost its indentation and
blank lines, so the first heading goes unseen, and the like."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import NATIONAL

from baogao.extract import extract_facts
from baogao.models import Document, Fact
from baogao.pipeline import build_document
from baogao.read import read_file


def _national_text(year: int) -> str:
    for raw in read_file(NATIONAL, NATIONAL.name):
        if raw.hints.get("year") == str(year):
            return raw.text
    raise AssertionError(year)


def _as_page(text: str, folder: Path, title: str) -> Document:
    out = folder / "page.txt"
    out.write_text(title + "\n" + text, "utf-8")
    return build_document(read_file(out, out.name)[0])


def _found(facts: list[Fact]) -> set[tuple[str | None, str, int | None, float | None]]:
    return {(f.indicator, f.kind, f.period, f.value) for f in facts}


def test_review_before_the_first_heading_seen_is_dated_by_its_paragraph(tmp_path: Path) -> None:
    # 首先报告2001年的工作 is a heading only with its blank lines around it; a page that drops
    # them leaves the review before any heading: 2001年国内生产总值… dates its paragraph
    flat = re.sub(r"\n+", "\n", _national_text(2002).replace("\u3000", ""))
    doc = _as_page(flat, tmp_path, "2002年政府工作报告")
    assert doc.year == 2002
    assert doc.section_at(doc.text.index("全国财政收入达到")) is None
    found = _found(extract_facts(doc))
    assert ("fiscal_revenue", "actual", 2001, 16371.0) in found
    assert ("cpi_growth", "actual", 2001, 0.7) in found
    assert ("gdp", "actual", 2001, 95933.0) in found


def _national(year: int, folder: Path, *pairs: tuple[str, str]) -> Document:
    """The national report of ``year`` with each (old, new) replaced once, read from a one-row
    collection file with the corpus row's columns: a copy of it in another shape."""
    for raw in read_file(NATIONAL, NATIONAL.name):
        if raw.hints.get("year") == str(year):
            text = raw.text
            for old, new in pairs:
                assert old in text, old
                text = text.replace(old, new, 1)
            out = folder / "national.jsonl"
            row = {**raw.hints, "content": text}
            out.write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
            return build_document(read_file(out, out.name)[0])
    raise AssertionError(year)


def test_growth_after_a_share_of_the_budget_compared_with_the_year_before(
    tmp_path: Path,
) -> None:
    # a budget report's order: the level, the share of the budget reached, then the growth
    # over the year before by name, with a (下同) note
    doc = _national(2012, tmp_path, (
        "公共财政收入10.37万亿元，增长24.8％",
        "公共财政收入10.37万亿元，为预算的110.2%，比2010年同口径(下同)增长24.8％"))
    found = _found(extract_facts(doc))
    assert ("general_budget_revenue", "actual", 2011, 103700.0) in found
    assert ("general_budget_revenue_growth", "actual", 2011, 24.8) in found


def test_growth_over_an_earlier_year_by_name_is_no_annual_growth(tmp_path: Path) -> None:
    doc = _national(2012, tmp_path, (
        "公共财政收入10.37万亿元，增长24.8％",
        "公共财政收入10.37万亿元，比2006年增长24.8％"))
    found = _found(extract_facts(doc))
    assert ("general_budget_revenue", "actual", 2011, 103700.0) in found
    assert not any(ind == "general_budget_revenue_growth" for ind, *_ in found)


def test_growth_after_an_aside_and_the_changes_against_budget_and_last_year(
    tmp_path: Path,
) -> None:
    doc = _national(2012, tmp_path, (
        "公共财政收入10.37万亿元，增长24.8％",
        "公共财政收入10.37万亿元（不含债务收入，下同），比预算增加1.2万亿元，"
        "比上年增加2万亿元，增长24.8％"))
    found = _found(extract_facts(doc))
    assert ("general_budget_revenue_growth", "actual", 2011, 24.8) in found


def test_a_growth_then_a_comparison_with_the_economy_is_no_list(tmp_path: Path) -> None:
    doc = _national(2025, tmp_path, ("居民人均可支配收入实际增长5.1%",
                                     "居民人均可支配收入实际增长5.1%，快于经济增速"))
    found = _found(extract_facts(doc))
    assert ("disposable_income_per_capita_growth", "actual", 2024, 5.1) in found


def test_the_local_governments_part_in_a_national_report_is_not_the_nations(
    tmp_path: Path,
) -> None:
    doc = _national(2012, tmp_path, ("公共财政收入10.37万亿元", "地方公共财政收入10.37万亿元"))
    assert doc.level == "national"
    found = _found(extract_facts(doc))
    assert not any(ind == "general_budget_revenue" for ind, *_ in found)
    assert ("gdp", "actual", 2011, 472000.0) in found
