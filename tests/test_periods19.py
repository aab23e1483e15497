"""Periods and kinds of open facts, round 19 (tuning documents only; issue 10):

* a level at the end of a review of several years is of the last year reviewed, also when
  the converted document prints a space after its verb (比重达 3.37%) and when it follows its
  name with no verb at all: a rate (风险消除率78.8%) or a per-head ratio (每千人拥有3岁以下
  婴幼儿托位数4.59个);
* a year opening a sentence after the words framing it (苏树林说，初步统计，2012年…；公共财政
  总收入…) dates the levels of that sentence, even in a passage on five years;
* a paragraph opening on a part of a year (2022年一季度，) is about that part: its figures are
  of no one year;
* the share of a plan fulfilled (原油完成99.6%) is a result; an old report setting the tasks of
  the year after its own (一九六五年的主要任务) is read late in its year, so what it says of
  its own year is a result (一九六四年，…排灌设备的马力增长十二倍).
"""

from __future__ import annotations

import pytest

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.models import Fact
from tests.conftest import (
    DATA,
    facts_at,
    national_open_facts,
    page_doc,
    province_open_facts,
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


def test_a_paragraph_opened_on_a_quarter_is_no_years() -> None:
    """坪山 2022 news: 2022年一季度,坪山区…逆势上扬。初步预计,…规上工业增加值增长22%."""
    facts = _page_facts(PINGSHAN)
    assert _timing(facts, "22%", "规上工业增加值增长22%") == [("actual", None)]
    assert _timing(facts, "11.2%", "全口径税收收入增长11.2%") == [("actual", None)]
    # the same figures after a paragraph opening on the year itself are that year's (规上
    # 工业增加值 is then the catalog's industrial growth)
    whole = _page_facts(PINGSHAN, ("2022年一季度,", "2021年,"))
    assert _timing(whole, "11.2%", "全口径税收收入增长11.2%") == [("actual", 2021)]


@pytest.fixture(scope="module")
def national() -> dict[int, list[Fact]]:
    return national_open_facts((1956, 1964))


@pytest.mark.parametrize(("year", "printed", "words", "kind", "period"), [
    # the share of a plan fulfilled so far in the year: a result of no one year
    (1956, "99.6%", "没有完成计划：钢完成96.4%", "actual", None),
    (1956, "95%", "没有完成计划：钢完成96.4%", "actual", None),
    # the 1964 report (December) sets the tasks of 1965: its 1964 figures are results
    (1964, "十二倍", "排灌设备的马力增长十二倍", "actual", None),
])
def test_results_of_the_year_in_old_reports(national: dict[int, list[Fact]], year: int,
                                            printed: str, words: str, kind: str,
                                            period: int | None) -> None:
    assert _timing(national[year], printed, words) == [(kind, period)]
