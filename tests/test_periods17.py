"""Periods of open facts in the national reports of 1975-1998 (round 17, tuning years only):

* a change compared with a base year several years before is over those years and stays
  undated: 一九八二年预计同一九八○年比较，棉花增长… (1982); 1980年同完成经济恢复的1952年相比，
  工农业总产值增长八点一倍 (1981); the change stated with each level of a plan's last year
  (到一九八五年，…；棉花三百六十万吨，增长百分之三十三, 1982), whose level is of that year; a
  rate per year (平均每年递增百分之八点七) and a change over the plan's five years
  (五年内…增长百分之四十四) too;
* a level in a later clause of a full-stop sentence opened by a year (一九五七年全国工业中的…；
  工业和基本建设方面的职工达到一千零一十九万人) is of that year, and so is a sentence opening
  with 其中 that goes on with one dating its total (…在一九五七年达到了…。其中，工业总产值达到
  了…); a base value after 比…年的 (比一九五二年的六百一十五万人) is of the base's year (1959);
* a target whose item reaches a deadline right after it (粮食增长百分之十七点六，即增产五百七十八
  亿斤，到一九五七年达到…) is of that year, not of the report's (1955);
* a value counted up to a past date (到一九五四年十一月底为止，共积压器材…) is a result of that
  year, not a target of the report's (1955);
* of 去年 and 今年 earlier in a paragraph, the one nearest the value dates it (在去年农业丰收和
  今年…的基础上，…。国营机械化农场将增加到152个，耕地面积达到758万亩: the report's year, 1956);
* a share stated in a review of several years (中等职业学校的在校生占高中阶段教育总人数的56%以上,
  1998) is the level they ended at, of the last one;
* outside a plan part, a value in a clause with no timing of its own going on with one its
  sentence read as done (已由15.3%降到12%，涉及5300多个税目, 2002) is done too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.models import Fact
from baogao.pipeline import read
from tests.conftest import NATIONAL, facts_at, national_open_facts, rewritten_report

YEARS = (1955, 1956, 1959, 1975, 1981, 1982, 1986, 1988, 1998, 2002)


@pytest.fixture(scope="module")
def national() -> dict[int, list[Fact]]:
    return national_open_facts(YEARS)


def _one(facts: list[Fact], printed: str, words: str) -> Fact:
    found = facts_at(facts, printed, words)
    assert len(found) == 1, [(f.name, f.period) for f in found]
    return found[0]


@pytest.mark.parametrize(("year", "printed", "words", "kind", "period"), [
    # a change against a base several years before is over those years, no one year's
    # (a year's growth read from it would be wrong): two years compared (预计: an estimate)
    (1982, "百分之二十一点九", "一九八二年预计同一九八○年比较，棉花增长", "actual", None),
    (1982, "百分之六十一点七", "一九八二年预计同一九八○年比较，纱增长", "actual", None),
    (1982, "九点九倍", "洗衣机增长九点九倍", "actual", None),
    (1981, "八点一倍", "1980年同完成经济恢复的1952年相比", "actual", None),
    (1981, "二十六倍", "工业固定资产增长二十六倍", "actual", None),
    (1975, "百分之九十一", "工业总产值一九七四年预计比一九六四年增长一点九倍", "actual", None),
    # the goals of a five-year plan for its last year: the level of that year, its change
    # over the five years none
    (1982, "百分之三十三", "棉花三百六十万吨，增长百分之三十三", "target", None),
    (1982, "三百六十万吨", "棉花三百六十万吨，增长百分之三十三", "target", 1985),
    (1982, "百分之十三点六", "在校学生达到一百三十万人，比一九八○年增长", "target", None),
    (1986, "一点六倍", "国民生产总值达到一万一千一百七十亿元，比一九八○年增长", "target", None),
    (1988, "1.7倍", "我国国民生产总值将比1980年增长1.7倍", "target", None),
    # a rate per year, a change over the plan's five years: of no one year
    (1982, "百分之八点一", "出口总额将达到四百零二亿元，平均每年递增", "target", None),
    (1986, "百分之四十四", "五年内全国工农业总产值增长百分之三十八", "target", None),
    # a run of clauses opened by a year, 其中 going on with it, a base value
    (1959, "一千零一十九万人", "工业和基本建设方面的职工达到一千零一十九万人", "actual", 1957),
    (1959, "六百一十五万人", "比一九五二年的六百一十五万人增长", "actual", 1952),
    (1959, "六百五十亿二千万元", "其中，工业总产值达到了六百五十亿二千万元", "actual", 1957),
    (1959, "六百零三亿五千万元", "农业总产值达到了六百零三亿五千万元", "actual", 1957),
    # a deadline right after the item (…，即增产…，到一九五七年达到…), not the report's year
    (1955, "百分之十七点六", "粮食增长百分之十七点六，即增产", "target", 1957),
    (1955, "百分之二十五点四", "棉花增长百分之二十五点四，即增产", "target", 1957),
    # counted up to a past date
    (1955, "一千零五十七万元", "到一九五四年十一月底为止，共积压器材", "actual", 1954),
    # 今年 nearer than 去年
    (1956, "758万亩", "耕地面积达到758万亩", "target", 1956),
    (1956, "8.4%", "粮食产量将要达到3，989亿斤，比1955年增长8.4%", "target", 1956),
    # a share stated in a review of five years: the level they ended at
    (1998, "56%以上", "中等职业学校的在校生占高中阶段教育总人数的56%以上", "actual", 1997),
    # an item going on with a value read as done, with no timing of its own: done too
    (2002, "5300多个", "我国关税总水平已由15.3%降到12%，涉及5300多个税目", "actual", 2002),
])
def test_period(national: dict[int, list[Fact]], year: int, printed: str, words: str,
                kind: str, period: int | None) -> None:
    fact = _one(national[year], printed, words)
    assert (fact.kind, fact.period) == (kind, period), fact.name


def test_a_change_over_five_years_is_no_one_year_s(tmp_path: Path) -> None:
    """1987年同1982年相比，国民收入增长百分之五十八，…职工年平均工资增长百分之六十二: changes
    over five years, of no one year (the issue's 2005年与2000年相比…增长57.3%, never 2005's
    growth), also for a measure named 年平均 (the average wage). The 1988 report (tuning),
    with the sentence in the shape of one never seen here."""
    doc = next(d for d in read(NATIONAL) if d.year == 1988 and d.doc_type == "work_report")
    source = tmp_path / "1988.txt"
    source.write_text(f"{doc.title}\n{doc.text}", "utf-8")
    anchor = "外贸出口增长27.8%，国家外汇结存上升。"
    added = ("1987年同1982年相比，国民收入增长百分之五十八，全民所有制职工年平均工资增长百分之"
             "六十二。")
    (tmp_path / "out").mkdir()
    reworded = rewritten_report(source, tmp_path / "out", (anchor, anchor + added))
    facts = open_facts(reworded, extract_facts(reworded))
    assert [(f.kind, f.period) for f in facts_at(facts, "百分之五十八", added)] == [
        ("actual", None)]
    assert [(f.kind, f.period) for f in facts_at(facts, "百分之六十二", added)] == [
        ("actual", None)]


def test_a_price_year_is_not_the_value_s(tmp_path: Path) -> None:
    """按一九八○年不变价格计算，…比一九七八年增长…: 1980 fixes the prices, it is not the year the
    change reaches, nor is 1979 in 1979年以来 (a span's start); with no other year named the
    change keeps none (the 1988 report reworded)."""
    doc = next(d for d in read(NATIONAL) if d.year == 1988 and d.doc_type == "work_report")
    source = tmp_path / "1988.txt"
    source.write_text(f"{doc.title}\n{doc.text}", "utf-8")
    anchor = "外贸出口增长27.8%，国家外汇结存上升。"
    added = ("按一九八○年不变价格计算，工农业总产值比一九七八年增长百分之三十一，全民所有制职工"
             "年平均工资增长百分之六十二。")
    since = "1979年以来，农民人均纯收入比1978年增长百分之六十。"  # a span's start, too
    (tmp_path / "out").mkdir()
    reworded = rewritten_report(source, tmp_path / "out", (anchor, anchor + added + since))
    facts = open_facts(reworded, extract_facts(reworded))
    assert [(f.kind, f.period) for f in facts_at(facts, "百分之六十二", added)] == [
        ("actual", None)]
    assert [(f.kind, f.period) for f in facts_at(facts, "百分之六十", since)] == [
        ("actual", None)]
