"""Periods and units of open facts in the national reports (tuning years only, never 3 or 7;
round 15): a date a level holds from (从2002年1月1日起) dates it; the items of a list after a
lead naming one year (一九五四年预计产量…：…；原煤…) are of that year; a lone year opening a
sentence dates the clause after it even when the sentence goes on to five years; a Chinese
numeral with 亿 and a part below it keeps the 亿 in the unit (二十六亿六千万美元: 26.6 亿美元);
a report typeset one digit at a time (1 6 5 5 亿美元) reads its numbers whole."""

from __future__ import annotations

from decimal import Decimal

import pytest

from baogao.extract import extract_facts
from baogao.extract.numbers import printed_in_yi
from baogao.extract.open.facts import share_subject
from baogao.models import Fact
from baogao.pipeline import read
from baogao.read.normalize import normalize
from tests.conftest import NATIONAL, facts_at, national_open_facts

YEARS = (1954, 1955, 1985, 1998, 2002)


@pytest.fixture(scope="module")
def reports() -> dict[int, list[Fact]]:
    return national_open_facts(YEARS)


@pytest.mark.parametrize(("year", "printed", "words", "kind", "period"), [
    # 从2002年1月1日起…已由15.3%降到12%: the level from 2002 on, done
    (2002, "12%", "从2002年1月1日起，我国关税总水平已由15.3%降到12%", "actual", 2002),
    # a lead naming the year the list's items are of (the 1954 report, read in September)
    (1954, "三百零三万吨", "生铁三百零三万吨，等于一九四九年", "actual", 1954),  # (原煤…: catalog)
    (1954, "一万三千五百十三台", "金属切削机床一万三千五百十三台", "actual", 1954),
    # 1997年，…达到5160元，五年来年均…: the lone year dates its clause
    (1998, "5160元", "1997年，城镇居民人均可支配收入达到5160元", "actual", 1997),
    # (已从一九五〇年的…降低到一九五四年的…，)其中国防费从百分之四十一点五降低到…: the start of
    # a fall within the span its sentence dates, of the span's first year (round 18)
    (1954, "百分之四十一点五", "其中国防费从百分之四十一点五降低到", "actual", 1950),
    # 两年…，产品成本已降低…: done (已降低) over the two years reviewed, no one year
    (1955, "百分之九点六", "产品成本已降低百分之九点六", "actual", None),
])
def test_periods(reports: dict[int, list[Fact]], year: int, printed: str, words: str,
                 kind: str, period: int | None) -> None:
    found = facts_at(reports[year], printed, words)
    assert found, (year, printed)
    assert all(f.kind == kind and f.period == period for f in found), [
        (f.name, f.kind, f.period) for f in found]


def test_chinese_numeral_in_yi(reports: dict[int, list[Fact]]) -> None:
    [fact] = facts_at(reports[1985], "二十六亿六千万美元", "二十六亿六千万美元")
    assert (fact.value, fact.unit) == (26.6, "亿美元")
    [fact] = facts_at(reports[1955], "三十二亿六千万元", "农业、林业和水利部门为")
    assert (fact.value, fact.unit) == (32.6, "亿元")
    assert printed_in_yi("三亿零五百三十万") == Decimal("3.053")
    assert printed_in_yi("一亿五千零七十二万四千") is None  # below 万: read whole
    assert printed_in_yi("五千三百亿") is None  # ends on its order (printed_order's)
    assert printed_in_yi("一万三千五百十三") is None


def test_spaced_digits_read_whole(reports: dict[int, list[Fact]]) -> None:
    assert normalize("进出口总额由1 6 5 5 亿美元增加到3 2 5 1 亿美元。").text == (
        "进出口总额由1655亿美元增加到3251亿美元。")
    assert normalize("平均每年增长1 5 ．3 ％，").text == "平均每年增长15.3%，"
    assert normalize("本届政府从1 9 9 3 年3 月就").text.startswith("本届政府从1993年")
    assert normalize("表 12 34 亿元").text == "表 12 34 亿元"  # a column of numbers stays
    [fact] = facts_at(reports[1998], "1858亿美元", "外商直接投资实际金额五年累计")
    assert (fact.value, fact.unit, fact.period) == (1858.0, "亿美元", None)
    [fact] = facts_at(reports[1998], "10.06‰", "人口自然增长率下降到")
    assert (fact.value, fact.period) == (10.06, 1997)
    # one digit spaced from its order (钢产量达到1 亿吨以上)
    assert normalize("钢产量达到1 亿吨以上").text == "钢产量达到1亿吨以上"
    assert normalize("表 1 万").text == "表 1 万"  # a digit after a space: not a number's
    # (steel output is a catalog indicator, in 万吨)
    doc = next(d for d in read(NATIONAL) if d.year == 1998 and d.doc_type == "work_report")
    [fact] = facts_at(extract_facts(doc), "1亿吨以上", "1997年钢产量达到1亿吨以上")
    assert (fact.indicator, fact.value, fact.unit, fact.period) == (
        "steel_output", 10000.0, "万吨", 1997)


def test_treaty_keeps_its_yue(reports: dict[int, list[Fact]]) -> None:
    """约 after 条 is the word 条约, not 'about': the name keeps it."""
    [fact] = facts_at(reports[1998], "187个", "缔结或者参加国际条约")
    assert fact.name == "国际条约"


@pytest.mark.parametrize(("year", "printed", "words", "kind", "period"), [
    # 一九五四年…比一九五二年增长…；…如铁增长…，水泥增长…: the year of the full-stop sentence's
    # first clause makes the later clauses' changes results (1955 report), over two years
    (1955, "百分之六十一", "水泥增长百分之六十一", "actual", None),
    # 于一九五五年第一季度，…又提高到十四斤以上: done (又提高到), a part of 1955 (its scope
    # 一季度 keeps it from being read as the year's: tests/test_periods19.py)
    (1955, "十四斤以上", "每百斤大豆的出油量又提高到十四斤以上", "actual", 1955),
])
def test_results_in_a_plan_part(reports: dict[int, list[Fact]], year: int, printed: str,
                                words: str, kind: str, period: int | None) -> None:
    found = facts_at(reports[year], printed, words)
    assert found, (year, printed)
    assert all(f.kind == kind and f.period == period for f in found), [
        (f.name, f.kind, f.period) for f in found]


def test_names_of_old_reports(reports: dict[int, list[Fact]]) -> None:
    # a share printed alone (占支出总数的…) is of the object the clause before names
    [fact] = facts_at(reports[1955], "百分之五十五点八", "占支出总数的百分之五十五点八")
    assert fact.name == "属于基本建设投资占支出总数"
    # 例如 opens an example, no part of its name
    [fact] = facts_at(reports[1955], "百分之五十六", "例如本溪钢铁公司的生产工人只占职工总数")
    assert fact.name.startswith("本溪钢铁公司")
    later = national_open_facts((1980, 2000, 2010))
    # 约占 (产值约占…的45%左右): 约 is the bound's, not the share's name
    [fact] = facts_at(later[1980], "45%左右", "产值约占全国全民所有制工业企业总产值")
    assert fact.name.startswith("产值占全国全民所有制工业企业总产值")
    # 考虑价格下降因素 is a basis, no name: the fact is not kept with it (2000 report)
    assert not [f for f in later[2000] if f.name and "考虑" in f.name]
    [fact] = facts_at(later[2010], "65.5%", "占规划总投资的65.5%")
    assert fact.name == "重灾区已完成投资占规划总投资"


def test_share_subject() -> None:
    assert share_subject("重灾区已完成投资") == "重灾区已完成投资"
    assert share_subject("1956年地方基本建设投资总额共为") == "地方基本建设投资总额"
    assert share_subject("各项税收中，工商税收为") is None
    assert share_subject("比上年") is None


def test_a_deadline_runs_on_in_its_paragraph(reports: dict[int, list[Fact]]) -> None:
    """到一九五七年，铁路货物周转量将达到…。内河轮驳船货物周转量将达到…: the sentences after
    a deadline opening its paragraph plan for that year too (1955); a change over the plan's
    years stays undated; 人公里, 吨海里 are units."""
    [fact] = facts_at(reports[1955], "一百五十三亿吨公里", "内河轮驳船货物周转量将达到")
    assert (fact.kind, fact.period, fact.value, fact.unit) == ("target", 1957, 153.0, "亿吨公里")
    [fact] = facts_at(reports[1955], "二亿四千万人海里", "旅客周转量将达到二亿四千万人海里")
    assert (fact.name, fact.period, fact.unit) == ("旅客周转量", 1957, "亿人海里")
    [fact] = facts_at(reports[1955], "百分之七十八点七", "旅客周转量将达到三十四亿人公里")
    assert (fact.name, fact.period) == ("旅客周转量增长", None)


def test_numbers_grouped_by_commas() -> None:
    """14，328，144，000元 (the 1956 budget) is one number; the share printed after it and the
    change after the share are of the object it names; 1978、1979两年共… is a sum over two
    years (1980 report): no year of its own, no years in its name."""
    found = national_open_facts((1956, 1980))
    [fact] = facts_at(found[1956], "14，328，144，000元", "1956年国营企业收入为")
    assert (fact.name, fact.value, fact.unit) == ("国营企业收入", 14328144000.0, "元")
    [share] = facts_at(found[1956], "48.19%", "1956年国营企业收入为")
    assert share.name == "国营企业收入占本年预算收入"
    [change] = facts_at(found[1956], "26.48%", "1956年国营企业收入为")
    assert change.name == "国营企业收入增长"
    [fact] = facts_at(found[1980], "4，900多万吨", "1978、1979两年共增产粮食")
    assert (fact.name, fact.period, fact.value) == ("粮食增产", None, 4900.0)
    # 投产井新增生产能力|达到1，000万吨 read as 能力 alone: a generic head, not kept
    assert not facts_at(found[1980], "1，000万吨", "投产井新增生产能力")


def test_two_years_joined_are_a_span() -> None:
    """在一九五三年和一九五四年的非生产性的投资占…，但…只占全部投资的百分之十四点五 (1955): the
    two years', no one year."""
    found = national_open_facts((1955,))[1955]
    [fact] = facts_at(found, "百分之十四点五", "非生产性投资只占全部投资")
    assert fact.period is None


def test_price_bases() -> None:
    """按一九五二年不变价格计算 is a price base, not the value's year (1958 report: 1957's)."""
    found = national_open_facts((1958,))
    for fact in facts_at(found[1958], "百分之四点一", "按一九五二年不变价格计算"):
        assert fact.period == 1957
