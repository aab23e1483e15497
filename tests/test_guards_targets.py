"""A value a report states as done is no target (issue 9, session 17: precision of targets on
unseen pages). On baogao's first look at unseen pages (benchmarks/first_look.py) and on the tune
pages with their headings or line breaks lost (the state web copies come in), review sentences
were read as the plan: 预计地区生产总值超过2100亿元, 初步核算，…3347.6亿元，居全省第4位,
固定资产投资300亿元，完成年计划385亿元的77.9% came out as targets of the report's year. A
target is never 预计d (except a forecast of the plan's year, 预计今年…), ranked or counted as a
share of a plan met, so such a target is withheld (``guards.results_not_targets``). The pages
are real tune pages (fresh13 04 and 57, fresh15 15) copied into tests/data/target17."""

from __future__ import annotations

import re

from baogao.models import Document
from baogao.pipeline import read
from tests.conftest import DATA, NATIONAL
from tests.conftest import catalog_rows as _catalog
from tests.conftest import page_doc as _doc

PAGES = DATA / "target17"


def _page(name: str) -> str:
    return (PAGES / name).read_text("utf-8")


def _one_line(text: str) -> str:
    """The page as a copy that lost its line breaks (headings run into the text)."""
    return re.sub(r"\s*\n\s*", "", text)


def _without_headings(text: str) -> str:
    """The page without its short heading lines."""
    return "\n".join(line for line in text.split("\n")
                     if not (0 < len(line.strip()) < 30 and not re.search(r"[。；]", line)))


def _targets(doc: Document) -> set[tuple[object, ...]]:
    return {(r[0], r[4]) for r in _catalog(doc) if r[1] == "target"}


def test_an_estimate_and_a_record_are_no_targets() -> None:
    # 龙华区 2018 report (fresh13 04): 预计地区生产总值超过2100亿元，增长8.8%左右; …增长24.5%，
    # 三大指标增速均创历史新高
    doc = _doc(_one_line(_page("04_longhua2018.txt")))
    assert doc.year == 2018
    targets = _targets(doc)
    assert ("gdp", 2100.0) not in targets
    assert ("gdp_growth", 8.8) not in targets
    assert ("fixed_asset_investment_growth", 24.5) not in targets


def test_a_preliminary_figure_and_a_rank_are_no_targets() -> None:
    # 新乡市 2024 plan report (fresh13 57): 初步核算，全市实现地区生产总值3347.6亿元，居全省第4位，
    # 增长1.5%; 一般公共预算收入241.5亿元，增长6.4%，分居全省第4、第3位
    doc = _doc(_one_line(_page("57_xinxiang_plan2024.txt")))
    assert doc.year == 2024
    targets = _targets(doc)
    for row in (("gdp", 3347.6), ("gdp_growth", 1.5), ("general_budget_revenue", 241.5),
                ("general_budget_revenue_growth", 6.4)):
        assert row not in targets


def test_a_share_of_the_plan_met_is_no_target() -> None:
    # 荔城区 2023 plan report (fresh15 15): 固定资产投资300亿元，完成年计划385亿元的77.9%…，
    # 下降18.4%
    doc = _doc(_without_headings(_page("15_licheng_plan2023.txt")))
    assert doc.year == 2023
    assert ("fixed_asset_investment_growth", -18.4) not in _targets(doc)


def test_the_pages_as_published_keep_their_facts() -> None:
    doc = _doc(_page("57_xinxiang_plan2024.txt"))
    facts = _catalog(doc)
    assert ("gdp", "actual", True, 2023, 3347.6, None) in facts or (
        "gdp", "actual", False, 2023, 3347.6, None) in facts


def test_a_forecast_of_the_plan_year_stays_a_target() -> None:
    # national 2024 report: 预计今年财政收入继续恢复增长，…一般公共预算支出规模28.5万亿元
    doc = next(d for d in read(NATIONAL) if d.year == 2024 and d.doc_type == "work_report")
    assert ("general_budget_expenditure", "target", False, 2024, 285000.0, None) in _catalog(doc)


def test_an_old_reports_planned_growth_stays_a_target() -> None:
    # national report of 1980 (an old report, cues.json old_report_year): 工农业总产值，比1980年
    # 预计增长5.5% is the plan of 1981, in the words plans used then
    doc = next(d for d in read(NATIONAL) if d.row == 50)
    assert ("industrial_agricultural_output_growth", "target", False, 1981, 5.5, None) in (
        _catalog(doc))
