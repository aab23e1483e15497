"""Periods and kinds of open facts, round 19 (tuning documents only; issue 10):

* a level at the end of a review of several years is of the last year reviewed, also when
  the converted document prints a space after its verb (比重达 3.37%) and when it follows its
  name with no verb at all: a rate (风险消除率78.8%) or a per-head ratio (每千人拥有3岁以下
  婴幼儿托位数4.59个);
* a year opening a sentence after the words framing it (苏树林说，初步统计，2012年…；公共财政
  总收入…) dates the levels of that sentence, even in a passage on five years;
* a paragraph opening on a part of a year (2022年一季度，) is about that part: its figures are
  of the year the part is printed with (2022), scoped to the part (一季度), so that they are
  never read as the year's; with no year printed with the part, of none;
* the share of a plan fulfilled (原油完成99.6%) is a result; an old report setting the tasks of
  the year after its own (一九六五年的主要任务) is read late in its year, so what it says of
  its own year is a result (一九六四年，…排灌设备的马力增长十二倍); what was first planned
  (原定一九五七年十月到一九五八年九月底增加…) is a target; 主要 is no word of a plan;
* a five-year plan ended before the report, named as the span of a value in a plan part
  (“十一五”时期，…累计新增城镇就业…), makes it a result; named as a base (比“十一五”期间
  增长…) it does not;
* 去年 opening a value's own clause dates it, whatever years its sentence names later; the end
  of a past plan opening a sentence (预计十三五末，) dates the levels that follow.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.models import Fact
from baogao.pipeline import read
from tests.conftest import (
    DATA,
    NATIONAL,
    facts_at,
    national_open_facts,
    page_doc,
    province_open_facts,
    rewritten_report,
)


def _page_facts(path: str, *pairs: tuple[str, str]) -> list[Fact]:
    """The open facts of a tune page (copied from benchmarks/data), reworded by ``pairs``."""
    text = (DATA / path).read_text("utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    doc = page_doc(text)
    return open_facts(doc, extract_facts(doc))


def _timing(facts: list[Fact], printed: str, words: str) -> list[tuple[str, int | None]]:
    return [(f.kind, f.period) for f in facts_at(facts, printed, words)]


HAINING = "fresh17/37_haining2022_doc.txt"


def test_levels_after_a_spaced_verb_end_the_five_years() -> None:
    """海宁 2022 (过去五年发展及2021年工作回顾): 比重分别达 21.6%、29.9%和61.9%."""
    facts = _page_facts(HAINING)
    listed = "比重分别达 21.6%、29.9%和61.9%"
    for printed in ("21.6%", "29.9%", "61.9%"):
        assert _timing(facts, printed, listed) == [("actual", 2021)], printed
    assert _timing(facts, "3.37%", "比重达 3.37%") == [("actual", 2021)]
    # a growth over the years keeps no year
    assert _timing(facts, "5.6%", "服务业增加值年均增长 5.6%") == [("actual", None)]


@pytest.fixture(scope="module")
def gansu() -> list[Fact]:
    return province_open_facts("甘肃")


@pytest.mark.parametrize(("printed", "words"), [
    ("78.8%", "风险消除率78.8%"),
    ("4.59个", "每千人拥有3岁以下婴幼儿托位数4.59个"),
    ("61.4%", "水土保持率61.4%"),
    ("97.3%", "地表水国控断面水质优良比例97.3%"),
])
def test_a_rate_printed_after_its_name_ends_the_five_years(gansu: list[Fact], printed: str,
                                                           words: str) -> None:
    assert _timing(gansu, printed, words) == [("actual", 2025)]


def test_a_rate_changed_over_the_years_stays_undated() -> None:
    """The same five-year paragraph with a change, a bound, a growth rate: no level."""
    facts = _page_facts(HAINING, ("五年来,我们大张旗鼓抓产业", "五年来,我们大张旗鼓抓产业。"
                                  "城镇登记失业率控制在3%以内,森林覆盖率提高2个百分点,"
                                  "研发投入年均增长率12%"))
    assert _timing(facts, "2个百分点", "森林覆盖率提高2个百分点") == [("actual", None)]
    assert _timing(facts, "12%", "研发投入年均增长率12%") == [("actual", None)]


FUJIAN = "pages19/b15_fujian2013_news.txt"


@pytest.mark.parametrize(("printed", "words"), [
    ("3008.91亿元", "公共财政总收入3008.91亿元"),
    ("15.9%", "公共财政总收入3008.91亿元"),
    ("9967元", "农民人均纯收入9967元"),
])
def test_a_framed_year_dates_its_sentence_in_a_five_year_passage(printed: str,
                                                                 words: str) -> None:
    """福建 2013 news: 报告首先总结了过去五年的主要工作。苏树林说,初步统计,2012年全省生产总值…"""
    assert _timing(_page_facts(FUJIAN), printed, words) == [("actual", 2012)]


def test_a_year_framed_by_other_words_dates_nothing() -> None:
    """Words that are not framing (全省上下共同努力) before the year: it opens no sentence."""
    facts = _page_facts(FUJIAN, ("苏树林说,初步统计,", "苏树林说,全省上下共同努力,初步统计,"))
    assert _timing(facts, "9967元", "农民人均纯收入9967元") == [("actual", None)]


PINGSHAN = "fresh17/35_pingshan2022_news.txt"


def test_a_paragraph_opened_on_a_quarter_is_of_that_quarter() -> None:
    """坪山 2022 news: 2022年一季度,坪山区…逆势上扬。初步预计,…规上工业增加值增长22%."""
    facts = _page_facts(PINGSHAN)
    assert _timing(facts, "22%", "规上工业增加值增长22%") == [("actual", 2022)]
    assert _timing(facts, "11.2%", "全口径税收收入增长11.2%") == [("actual", 2022)]
    assert {f.scope for f in facts_at(facts, "11.2%", "全口径税收收入增长11.2%")} == {"一季度"}
    # the same figures after a paragraph opening on the year itself are that year's (规上
    # 工业增加值 is then the catalog's industrial growth)
    whole = _page_facts(PINGSHAN, ("2022年一季度,", "2021年,"))
    assert _timing(whole, "11.2%", "全口径税收收入增长11.2%") == [("actual", 2021)]


@pytest.fixture(scope="module")
def national() -> dict[int, list[Fact]]:
    return national_open_facts((1956, 1958, 1964))


@pytest.mark.parametrize(("year", "printed", "words", "kind", "period"), [
    # the share of a plan fulfilled so far in the year: a result of no one year
    (1956, "99.6%", "没有完成计划：钢完成96.4%", "actual", None),
    (1956, "95%", "没有完成计划：钢完成96.4%", "actual", None),
    # the 1964 report (December) sets the tasks of 1965: its 1964 figures are results
    (1964, "十二倍", "排灌设备的马力增长十二倍", "actual", None),
    # what was first planned, over a span of months across two years
    (1958, "九千二百多万亩", "原定一九五七年十月到一九五八年九月底增加灌溉面积", "target", None),
    # 主要产品 plans nothing: a part-of-year count is a result so far
    (1956, "7种", "在第一季度就有7种没有完成质量计划", "actual", None),
    # a plan overrun so far: a result
    (1956, "4%左右", "超过计划成本4%左右", "actual", None),
])
def test_results_of_the_year_in_old_reports(national: dict[int, list[Fact]], year: int,
                                            printed: str, words: str, kind: str,
                                            period: int | None) -> None:
    assert _timing(national[year], printed, words) == [(kind, period)]


def _reworded_2011(tmp_path: Path, added: str) -> list[Fact]:
    """The 2011 national report with ``added`` opening its plan part (“十二五”时期的主要目标)."""
    doc = next(d for d in read(NATIONAL) if d.year == 2011 and d.doc_type == "work_report")
    source = tmp_path / "2011.txt"
    source.write_text(f"{doc.title}\n{doc.text}", "utf-8")
    (tmp_path / "out").mkdir()
    anchor = "二、“十二五”时期的主要目标和任务\n"
    reworded = rewritten_report(source, tmp_path / "out", (anchor, anchor + added + "\n"))
    return open_facts(reworded, extract_facts(reworded))


def test_a_past_plan_named_as_the_span_of_a_value_makes_it_a_result(tmp_path: Path) -> None:
    past = "“十一五”时期，全国累计新增城镇就业6431万人。"
    base = "五年内，国家财政用于教育的事业费五千亿元，比“十一五”期间增长百分之七十。"
    facts = _reworded_2011(tmp_path, past + base)
    assert _timing(facts, "6431万人", past) == [("actual", None)]
    assert _timing(facts, "百分之七十", base) == [("target", None)]


def test_last_year_opening_its_clause_dates_it_in_a_sentence_of_several_years() -> None:
    """惠州 2012: 去年城镇居民可支配收入26500元，…，年均分别增长8.7%和16.2%。"""
    facts = _page_facts("pages19/49_huizhou2012.txt")
    words = "去年城镇居民可支配收入26500元"
    assert _timing(facts, "26500元", words) == [("actual", 2011)]
    assert _timing(facts, "12.5%", words) == [("actual", 2011)]


def test_the_end_of_a_plan_opening_a_sentence_dates_its_levels() -> None:
    """谷城 2021: 预计十三五末,全县地区生产总值突破400亿元,年均增长6.2%;…固定资产投资250.3亿元,
    可比年均增长10.3%: the levels are of 2020, the growth over the years of none."""
    facts = _page_facts("pages19/b09_gucheng2021.txt")
    assert _timing(facts, "250.3亿元", "固定资产投资250.3亿元") == [("actual", 2020)]
    assert _timing(facts, "35867元", "城镇常住居民人均可支配收入35867元") == [("actual", 2020)]
    assert _timing(facts, "10.3%", "固定资产投资250.3亿元") == [("actual", None)]
    # a plan not ended before the report dates nothing
    later = _page_facts("pages19/b09_gucheng2021.txt", ("预计十三五末", "预计十四五末"))
    assert _timing(later, "250.3亿元", "固定资产投资250.3亿元") == [("actual", None)]


def test_a_built_up_area_is_no_building_over_the_years() -> None:
    """广东 2026 (这是绿美广东生态建设…的五年): 城市建成区绿地率达41.2% is where the five years
    ended (建成区 is a noun, not 建成 summing what was built)."""
    facts = province_open_facts("广东")
    assert _timing(facts, "41.2%", "城市建成区绿地率达41.2%") == [("actual", 2025)]
    # what was built over the years stays undated
    assert _timing(facts, "7960公里", "建成碧道7960公里") == [("actual", None)]


def test_a_paragraph_opening_on_last_year_after_its_speaker_reviews_it() -> None:
    """台州 2017 news (no headings): 张兵说,2016年,是“十三五”开局之年…。工业回暖明显,增加值增长
    8.6%: a result of 2016, not a target of 2017."""
    facts = _page_facts("pages19/b06_taizhou2017_news.txt")
    assert _timing(facts, "8.6%", "工业回暖明显,增加值增长8.6%") == [("actual", 2016)]


def test_a_count_grown_to_a_level_ends_the_five_years() -> None:
    """新华区 2022 (过去五年…): 商务楼宇发展到36座 is where the five years ended (2021)."""
    facts = _page_facts("pages19/16_xinhua2022.txt")
    assert _timing(facts, "36座", "商务楼宇发展到36座") == [("actual", 2021)]


def test_a_part_of_a_year_scopes_its_values(national: dict[int, list[Fact]]) -> None:
    """1956 (read in June): 本年1——5月份…计划完成102.6%，比上年同期增长33.3% is of 1956's first
    five months, scoped to them; 在重工业部一、二两月份的8种主要产品中 names no year: of none."""
    done = facts_at(national[1956], "33.3%", "本年1——5月份各工业部工业生产总值")
    assert [(f.kind, f.period, f.scope) for f in done] == [("actual", 1956, "1——5月")]
    counted = facts_at(national[1956], "8种", "在重工业部一、二两月份的8种主要产品中")
    assert [(f.kind, f.period, f.scope) for f in counted] == [("actual", None, "一、二两月份")]
