"""Periods and kinds of open facts of national work reports that their words date: a plan of
several years, a span ending in the report's year, a result still to come, a year opening a
sentence in a passage about several years (tuning years only, never 3 or 7; round 12)."""

from __future__ import annotations

import pytest

from baogao.extract.periods_plan import future_result, opening_year, span_to_report_year
from baogao.models import Fact
from tests.conftest import facts_at, national_open_facts

YEARS = (1978, 1981, 1982, 1988, 2001, 2012)


@pytest.fixture(scope="module")
def reports() -> dict[int, list[Fact]]:
    return national_open_facts(YEARS)


@pytest.mark.parametrize(("year", "printed", "words", "kind", "period"), [
    # the plan part of a report on the sixth five-year plan: the plan's years, not 1982
    (1982, "一百三十二个", "十五个港口建设一百三十二个深水泊位", "target", None),
    (1982, "四十项", "第六个五年计划规定，在全国推广", "target", None),
    (1982, "三十亿元", "今后在年度计划的执行中", "target", None),
    # …其中 goes on with the sentence before, and its deadline (到一九八五年)
    (1982, "四百零二亿元", "其中，出口总额将达到四百零二亿元", "target", 1985),
    # 这两年, 在这十年里: spans
    (1982, "六千多项", "这两年取得重大科技成果六千多项", "actual", None),
    (1978, "百分之八十五以上", "按照十年规划，在这十年里", "target", None),
    # a span of years ending in the report's own year, reviewed: a result
    (1981, "五百二十亿元", "从1979至1981年", "actual", None),
    # 将比1980年增长: a goal, even where the paragraph last named past years (在这五年里),
    # over the years since 1980: no one year
    (1988, "1.7倍", "我国国民生产总值将比1980年增长1.7倍", "target", None),
    # a growth's year is not a base printed before its own base (从一九八○年的…)
    (1982, "百分之十三点六", "在校学生达到一百三十万人，比一九八○年增长", "target", None),
    # a year opening the sentence dates its levels in a passage about five years
    (1988, "18.4亿美元", "1987年来华旅游入境总人数达到2690万人次，创汇", "actual", 1987),
    (2001, "2492亿美元", "2000年进出口总额达4743亿美元，其中出口", "actual", 2000),
    # …but not a yearly average after it
    (1988, "14.7%", "1987年全国进出口总额达到827亿美元，平均每年增长", "actual", None),
])
def test_period_and_kind(reports: dict[int, list[Fact]], year: int, printed: str, words: str,
                         kind: str, period: int | None) -> None:
    found = facts_at(reports[year], printed, words)
    assert found, (year, printed)
    assert all((f.kind, f.period) == (kind, period) for f in found), [
        (f.name, f.kind, f.period) for f in found]


def test_span_to_report_year() -> None:
    text = "从1979至1981年，国家共计减少财政收入五百二十亿元"
    assert span_to_report_year(text, 0, len(text), 1981, "review")
    assert not span_to_report_year(text, 0, len(text), 1981, "plan")
    assert not span_to_report_year(text, 0, len(text), 1982, "review")  # ended before: past
    assert not span_to_report_year("从2021年到2025年，…", 0, 10, 2021, "other")  # starts now


def test_future_result() -> None:
    assert future_result("我国国民生产总值将比1980年")
    assert not future_result("将最低工资标准提高到")  # 将 as 把: done, not to come


def test_opening_year() -> None:
    text = "1987年来华旅游入境总人数达到2690万人次，创汇18.4亿美元"
    assert opening_year(text, 0, text.index("18.4"), 1988) == 1987
    text = "2020年以来，新增企业5万家"
    assert opening_year(text, 0, text.index("5万"), 2026) is None
    text = "2025年地区生产总值达到1万亿元，年均增长6%"
    assert opening_year(text, 0, text.index("6%"), 2026) is None
