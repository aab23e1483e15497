"""Periods and kinds of open facts, round 18 (tuning reports only):

* a change from one level to another (由X增加到Y) whose sentence names the span's years
  (2003年至2007年，…; 从2002年的…增加到2007年的…，…由…增加到…) or whose start has its own
  year (从1997年的8671万人): the start is of the first year, the end of the last;
* a total over a span of years (五年国家共安排…, 几年来，…共计…, 规划实施以来，新增…) and a value
  of a five-year plan's years that ended before the report (第一个五年计划期间，…共为…) are of
  no one year; a level reached after such a sum in its sentence (…，森林覆盖率达到…) keeps the
  last year reviewed;
* a target of a year after the report's (到2030年，…; 力争到2027年，…) is that year's, and a goal
  of a coming plan its sentence names (“十五五”时期，…提高到70%左右) the plan's last year's;
* in the old reports: what was done so far in the year (本年1——5月份…, 到5月份为止…比去年
  同期增长) is a result of no one year; 已经完工 after a value is done; a 其中 sentence goes
  on with a result; a paragraph opened by 在一九五八年， runs on in that year; a change against
  a time years before (同解放前比较) stays undated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.models import Fact
from baogao.pipeline import read
from tests.conftest import (
    NATIONAL,
    facts_at,
    national_open_facts,
    province_open_facts,
    rewritten_report,
)

YEARS = (1954, 1955, 1956, 1959, 1960, 2011)


@pytest.fixture(scope="module")
def national() -> dict[int, list[Fact]]:
    return national_open_facts(YEARS)


@pytest.mark.parametrize(("year", "printed", "words", "kind", "period"), [
    # the start of a fall within the span its sentence dates
    (1954, "百分之十九点三", "行政管理费从百分之十九点三降低到", "actual", 1950),
    (1954, "百分之九点六", "行政管理费从百分之十九点三降低到", "actual", 1954),
    # a past plan's years: a total or a count over them
    (1959, "四百九十三亿元", "第一个五年计划期间，国家对经济和文化部门", "actual", None),
    (1959, "一百六十六个", "苏联在我国第一个五年计划期间帮助我们建设", "actual", None),
    (1959, "五百三十七个", "投入生产的工矿企业的总和", "actual", None),
    (1959, "一千多个", "一九五八年由中央和省、市、自治区两级举办", "actual", 1958),
    # a paragraph opened by 在一九五八年，: its levels are of that year, done
    (1959, "三百五十一万人", "学生总数达到三百五十一万人", "actual", 1958),
    # ... but a change against a time years before stays undated
    (1959, "七十九倍", "同解放前比较，小学生增加了六倍以上", "actual", None),
    # done so far in the year (1956 report, read in June): results of a part of 1956 (scoped
    # to it: tests/test_periods19.py), or of no one year when no year is named with the part
    (1956, "33.3%", "本年1——5月份各工业部工业生产总值计划完成102.6%", "actual", 1956),
    (1956, "105%", "今年1——5月份铁道货运量计划完成105%", "actual", 1956),
    (1956, "80%", "其中建筑安装工程比去年同期增长80%", "actual", None),
    (1956, "17个", "除了17个项目已经完工投入生产", "actual", None),
    (1956, "22个", "本年内开始建设的22个", "target", 1956),
    # a 其中 sentence going on with one read as done
    (1955, "三百八十四点九八斤", "其中国营棉纺织厂每件纱的平均用棉量", "actual", None),
    # a year printed after 是 is no base (…最高年份是一九四三年，出产生铁…)
    (1955, "一百八十万吨", "最高年份是一九四三年，出产生铁", "actual", 1943),
    # a count reported (据…统计) or of a part of the year: a result
    (1960, "一千七百多万头", "据今年三月初的统计，全国有一千七百多万头", "actual", 1960),
    (1956, "8种", "在重工业部一、二两月份的8种主要产品中", "actual", None),
    # a year after the report's
    (1955, "九百三十万吨", "抚顺矿务局所属煤矿为九百三十万吨", "target", 1957),
    # (钢产量六千万吨 of the same sentence is a catalog fact, steel_output target 1985:
    # tests/test_national18.py)
    (2011, "4%", "2012年财政性教育经费支出占国内生产总值比重达到4%", "target", 2012),
])
def test_period(national: dict[int, list[Fact]], year: int, printed: str, words: str,
                kind: str, period: int | None) -> None:
    found = facts_at(national[year], printed, words)
    assert len(found) == 1, [(f.name, f.kind, f.period) for f in found]
    assert (found[0].kind, found[0].period) == (kind, period), found[0].name


def test_a_year_compared_with_another_dates_no_target() -> None:
    """一九五七年比一九五二年，我国工业总产值将增长百分之九十八点三 (1955): a change over the
    years between, no target of 1957 read from it."""
    facts = national_open_facts((1955,))[1955]
    assert not [f for f in facts if f.text == "百分之十四点七"
                and "一九五七年比一九五二年，我国工业总产值将增长" in (f.evidence or "")]


def _reworded(tmp_path: Path, year: int, anchor: str, added: str) -> list[Fact]:
    """The open facts of the national report of ``year`` with ``added`` after ``anchor``."""
    doc = next(d for d in read(NATIONAL) if d.year == year and d.doc_type == "work_report")
    source = tmp_path / f"{year}.txt"
    source.write_text(f"{doc.title}\n{doc.text}", "utf-8")
    (tmp_path / "out").mkdir()
    reworded = rewritten_report(source, tmp_path / "out", (anchor, anchor + added))
    return open_facts(reworded, extract_facts(reworded))


def _timing(facts: list[Fact], printed: str, words: str) -> list[tuple[str, int | None]]:
    return [(f.kind, f.period) for f in facts_at(facts, printed, words)]


def test_the_sides_of_a_change_over_a_span(tmp_path: Path) -> None:
    """The 2008 report (a review of five years) with changes in the shapes of unseen
    reports: the start of the span's first year, the end of its last."""
    ranged = "2003年至2007年，全国普通高校招生人数由382万人增加到567万人。"
    paired = ("五年来，全国财政用于教育的支出从2002年的3491亿元增加到2007年的7122亿元，高等学校"
              "在校生由1600万人增加到2700万人。")
    own = "十年来，城镇职工基本养老保险参保人数从1997年的8671万人增加到2007年的2.01亿人。"
    facts = _reworded(tmp_path, 2008, "在卫生方面。", ranged + paired + own)
    assert _timing(facts, "382万人", ranged) == [("actual", 2003)]
    assert _timing(facts, "567万人", ranged) == [("actual", 2007)]
    assert _timing(facts, "1600万人", paired) == [("actual", 2002)]
    assert _timing(facts, "2700万人", paired) == [("actual", 2007)]
    assert _timing(facts, "8671万人", own) == [("actual", 1997)]
    assert _timing(facts, "2.01亿人", own) == [("actual", 2007)]


def test_totals_over_years(tmp_path: Path) -> None:
    """The 2006 report (one year reviewed) with totals over several years: of no one year;
    a level reached after such a total keeps the year reviewed."""
    summed = "五年国家共安排国债资金3000亿元，建设水利工程1500项。"
    closed = "几年来，全国共计关闭小煤矿1.1万处。"
    level = "五年来共完成造林4亿亩，森林覆盖率达到18.21%。"
    facts = _reworded(tmp_path, 2006, "重点优抚对象抚恤补助标准明显提高，", summed + closed + level)
    assert _timing(facts, "3000亿元", summed) == [("actual", None)]
    assert _timing(facts, "1500项", summed) == [("actual", None)]
    assert _timing(facts, "1.1万处", closed) == [("actual", None)]
    assert _timing(facts, "18.21%", level) == [("actual", 2005)]


def test_targets_of_years_ahead(tmp_path: Path) -> None:
    """The 2025 report with goals of the coming plan: of the year named, or of the plan's
    last year."""
    deadline = "到2030年，全国高标准农田面积达到12亿亩。"
    plan = "“十五五”时期，常住人口城镇化率提高到70%左右，研发经费投入强度达到3%以上。"
    facts = _reworded(tmp_path, 2025, "城镇调查失业率5.5%左右", deadline + plan)
    assert _timing(facts, "12亿亩", deadline) == [("target", 2030)]
    assert _timing(facts, "70%左右", plan) == [("target", 2030)]
    assert _timing(facts, "3%以上", plan) == [("target", 2030)]


def test_already_built_describing_what_follows_is_no_result() -> None:
    """改造提升超5000个已建成自然村的生活污水治理设施 (广东 2026): 已建成 describes the villages;
    the value is planned."""
    found = facts_at(province_open_facts("广东"), "超5000个", "改造提升超5000个已建成自然村")
    assert [(f.kind, f.period) for f in found] == [("target", 2026)]


PAGES = Path(__file__).parent / "data" / "pages18"


def _page_facts(name: str) -> list[Fact]:
    """The open facts of a tune web page of the fresh sets (copied from benchmarks/data)."""
    doc = next(read(PAGES / name))
    return open_facts(doc, extract_facts(doc))


@pytest.mark.parametrize(("page", "printed", "words", "kind", "period"), [
    # changes since a base year four years before: of no one year
    ("02_cangshan2012.txt", "65家", "比2007年净增65家", "actual", None),
    ("02_cangshan2012.txt", "1.7倍", "分别是2007年的1.8倍、1.7倍", "actual", None),
    # 明年 in a report of 2014 read on 2013-12-26: 2014
    ("c07_gongjing2014.txt", "11%", "农民人均纯收入增长11%", "target", 2014),
    # the change of a dated level right before it, not the 年均 one after
    ("49_huizhou2012.txt", "10.4%", "人均生产总值4.4万元,增长10.4%,年均", "actual", 2011),
    # a page without headings: a paragraph after 刚刚过去的2015年, an estimate (预计…，经济运行
    # 在预期的合理区间，…): results of the year reviewed, not targets
    ("b01_shandong2016.txt", "127.5万人", "农村劳动力转移就业127.5万人", "actual", 2015),
    ("d02_tongliang2019.txt", "105亿元", "经济运行在预期的合理区间,工业增加值105亿元", "actual",
     2018),
])
def test_page_period(page: str, printed: str, words: str, kind: str,
                     period: int | None) -> None:
    found = [(f.kind, f.period) for f in facts_at(_page_facts(page), printed, words)]
    assert (kind, period) in found, found


def test_results_since_a_plan_began(tmp_path: Path) -> None:
    """“十四五”以来，…从4762家增加到1.2万家 in the plan part of the 2024 report (in the middle
    of the plan): results since the plan began, the start of the year before it, the end of
    the year reviewed (not targets of the plan's last year)."""
    since = "“十四五”以来，国家级专精特新“小巨人”企业从4762家增加到1.2万家。"
    facts = _reworded(tmp_path, 2024, "今年发展主要预期目标是", since)
    assert _timing(facts, "4762家", since) == [("actual", 2020)]
    assert _timing(facts, "1.2万家", since) == [("actual", 2023)]


def test_a_level_at_a_year_end_after_a_sum(tmp_path: Path) -> None:
    """(1998 report) “八五”期间，全国累计新增发电装机容量7500万千瓦，到1995年底全国发电装机
    容量达到2.17亿千瓦: the sum is over the plan's years, the level of the year it names."""
    added = ("“八五”期间，全国累计新增发电装机容量7500万千瓦，到1995年底全国发电装机容量达到"
             "2.17亿千瓦。")
    facts = _reworded(tmp_path, 1998, "计划生育工作成绩显著，", added)
    assert _timing(facts, "7500万千瓦", added) == [("actual", None)]
    assert _timing(facts, "2.17亿千瓦", added) == [("actual", 1995)]
