"""Periods of open facts in passages about several years (round 16, tuning documents only):

* a section titled after one year and several (“十四五”时期和2025年工作回顾) holds two parts, and
  a paragraph belongs to the part the last paragraph opening one before it opens — the five
  years (“十四五”时期是…的五年) or the one year (刚刚过去的2025年) — even under a subsection
  heading of its own ((四)在发展中增进民生福祉…): its flows are of no one year;
* a level reached in the goals of a five-year plan (“十五五”时期的主要目标任务: 城镇化率提升至
  67%左右; “十二五”时期的主要目标和任务: 比重提高到11.4%) is of the plan's last year, and a
  count its goals build (打造4个国家先进制造业集群) too; a change, a yearly average, a ceiling
  and a count of no action (提出了28个主要指标) keep none;
* the later values of a list after one verb of a level (比重分别达56.2%、34.7%; 分别超过2%、
  5%) are levels too, and so is a level after a flow listed before it in its clause (新增上市
  公司48家、总量达122家); a total (总数186家) in a five-year review is the last year's;
* the two sides of a from-to pair reviewing the last plan outside the review part (the 说明
  of the next plan: “十四五”时期…分别从771家、481家增加到1076家、636家) are of the year before
  its five years and of its last year; the start of a pair in a plan's goals (城镇化率从47.5%
  提高到51.5%, 2011) is of the year before the plan.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.models import Fact
from tests.conftest import (
    PROVINCES,
    facts_at,
    national_open_facts,
    province_open_facts,
    rewritten_report,
)

NAMES = ("江苏", "甘肃", "青海", "广东", "安徽", "上海", "江西")


@pytest.fixture(scope="module")
def provinces() -> dict[str, list[Fact]]:
    return {name: province_open_facts(name) for name in NAMES}


@pytest.fixture(scope="module")
def national() -> dict[int, list[Fact]]:
    return national_open_facts((2011,))


def _one(facts: list[Fact], printed: str, words: str) -> Fact:
    found = facts_at(facts, printed, words)
    assert len(found) == 1, [(f.name, f.period) for f in found]
    return found[0]


@pytest.mark.parametrize(("name", "printed", "words", "kind", "period"), [
    # the five-year part of “十四五”时期和2025年工作回顾, paragraphs under (一)…(六): flows over
    # the five years
    ("江苏", "8000多个", "实施对口支援协作项目8000多个", "actual", None),
    ("江苏", "1739万亩", "建设高标准农田1739万亩", "actual", None),
    ("江苏", "482个", "实施科技攻关项目482个", "actual", None),
    ("江苏", "16.5%", "PM2.5年均浓度较“十三五”末改善16.5%", "actual", None),
    # …while its levels are the last year's, and the 2025 part stays 2025's
    ("江苏", "76.2%", "常住人口城镇化率达76.2%", "actual", 2025),
    ("江苏", "28.3%", "可再生能源发电量增长28.3%", "actual", 2025),
    # the goals of the next plan: levels reached, counts built → its last year
    ("青海", "67%左右", "常住人口城镇化率提升至67%左右", "target", 2030),
    ("甘肃", "2.7万亿元", "省属企业资产总额达到2.7万亿元", "target", 2030),
    ("甘肃", "4个", "打造4个国家先进制造业集群", "target", 2030),
    ("甘肃", "5%", "比重分别超过2%、5%", "target", 2030),
    # …not a yearly average, a ceiling, nor a count of the plan's indicators
    ("甘肃", "5%以上", "全省地区生产总值年均增长5%以上", "target", None),
    ("甘肃", "5.5%左右", "城镇调查失业率控制在5.5%左右", "target", None),
    ("江西", "28个", "提出了28个主要指标", "target", None),
    # the second value of a list after one verb of a level; a total at the five years' end
    ("广东", "34.7%", "增加值占规模以上工业增加值比重分别达56.2%、34.7%", "actual", 2025),
    ("安徽", "186家", "总数186家", "actual", 2025),
    # a level after a flow of its own clause's list (新增…48家、|总量达122家), a 建成区 in a
    # name (no flow), a level 接近 one
    ("江西", "122家", "新增上市公司48家、总量达122家", "actual", 2025),
    ("江西", "46.84%", "城市建成区园林绿化覆盖率、绿地率分别达46.84%、43.46%", "actual", 2025),
    ("江西", "接近2万家", "规模以上工业企业接近2万家", "actual", 2025),
    # a pair reviewing “十四五” in the 说明 of the next plan
    ("上海", "771家", "分别从771家、481家增加到1076家、636家", "actual", 2020),
    ("上海", "1076家", "分别从771家、481家增加到1076家、636家", "actual", 2025),
    ("上海", "636家", "分别从771家、481家增加到1076家、636家", "actual", 2025),
])
def test_province_periods(provinces: dict[str, list[Fact]], name: str, printed: str,
                          words: str, kind: str, period: int | None) -> None:
    fact = _one(provinces[name], printed, words)
    assert (fact.kind, fact.period) == (kind, period), fact.name


@pytest.mark.parametrize(("printed", "words", "period"), [
    ("11.4%", "非化石能源占一次能源消费比重提高到11.4%", 2015),
    ("21.66%", "森林覆盖率达到21.66%", 2015),
    ("51.5%", "城镇化率从47.5%提高到51.5%", 2015),
    ("47.5%", "城镇化率从47.5%提高到51.5%", 2010),
    ("16%", "分别降低16%和17%", None),  # a fall over the five years
    ("6亿立方米", "森林蓄积量增加6亿立方米", None),  # a flow over them
])
def test_plan_goals_2011(national: dict[int, list[Fact]], printed: str, words: str,
                         period: int | None) -> None:
    fact = _one(national[2011], printed, words)
    assert fact.period == period, (fact.name, fact.kind, fact.period)


def test_one_year_and_five_heading(tmp_path: Path) -> None:
    """A heading naming the past year and the five (过去一年和五年的工作回顾, as a new
    government's report prints it) holds both parts too: the report of 江苏 with its heading
    and the opening of its five-year part so worded."""
    doc = rewritten_report(
        next(PROVINCES.glob("2026_江苏*.csv")), tmp_path,
        ("一、“十四五”时期和2025年工作回顾", "一、过去一年和五年的工作回顾"),
        ("“十四五”时期是江苏发展历程中极不平凡的五年", "过去五年是江苏发展历程中极不平凡的五年"))
    facts = open_facts(doc, extract_facts(doc))
    assert _one(facts, "8000多个", "实施对口支援协作项目8000多个").period is None
    assert _one(facts, "76.2%", "常住人口城镇化率达76.2%").period == 2025
    assert _one(facts, "28.3%", "可再生能源发电量增长28.3%").period == 2025


def test_part_opened_by_five_years_of_effort(tmp_path: Path) -> None:
    """A five-year part opened by 经过五年… (no 五年来, no “十四五”时期) is one too."""
    doc = rewritten_report(
        next(PROVINCES.glob("2026_江苏*.csv")), tmp_path,
        ("“十四五”时期是江苏发展历程中极不平凡的五年", "经过五年接续奋斗，江苏发展历程中极不平凡"))
    facts = open_facts(doc, extract_facts(doc))
    assert _one(facts, "8000多个", "实施对口支援协作项目8000多个").period is None
    assert _one(facts, "28.3%", "可再生能源发电量增长28.3%").period == 2025
