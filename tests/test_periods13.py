"""Periods and kinds of open facts of national work reports (tuning years only, never 3 or
7; round 13): 去年 dating a later clause of its sentence in a review of several years; a
report read late in its year (1981: 今年１至９月) whose 今年 outside the plan is an estimate;
a deadline opening a clause (到一九八五年全日制…；在校学生…) dating the plan's levels after it;
a value stated as what is (共有, 拥有) in a plan part: a fact, not a target; a span of years
already lived (在十七年间, 两年中) before a value with no plan word: a result; a value put in
the future (将增加到, 将要新建) in a review part: a target of the report's year (or of 明年); a
verb with 了 before a value and no plan word (成立了二十九个自治州): done, not planned."""

from __future__ import annotations

import pytest

from baogao.extract.periods_plan import (
    clause_deadline,
    done_in_clause,
    last_year_before,
    lived_span,
    stated_now,
)
from baogao.models import Fact
from tests.conftest import facts_at, national_open_facts

YEARS = (1954, 1955, 1956, 1958, 1959, 1978, 1981, 1982, 1984, 2008, 2011)


@pytest.fixture(scope="module")
def reports() -> dict[int, list[Fact]]:
    return national_open_facts(YEARS)


@pytest.mark.parametrize(("year", "printed", "words", "kind", "period"), [
    # (the five years' review:) 粮食产量…，去年达到1.09万亿斤，连续7年增产；农民人均纯收入…
    (2011, "5919元", "农民人均纯收入达到5919元", "actual", 2010),
    # …从2006年20.5亿元增加到去年的98亿元，高校资助面超过20%
    (2008, "超过20%", "增加到去年的98亿元，高校资助面超过20%", "actual", 2007),
    (2008, "超过90%", "中等职业学校资助面超过90%", "actual", 2007),
    # a span in the value's own clause still leaves it undated
    (2011, "5771万人", "城镇新增就业5771万人", "actual", None),
    # the 1981 report, read in November (今年１至９月): its 今年 is the year's estimate
    (1981, "10%以上", "糖料产量将比去年增长10%以上", "actual", 1981),
    (1981, "八千万平方米", "竣工面积可达到八千万平方米", "actual", 1981),
    # …but the next year's plan stays a target
    (1981, "5.7%", "要求消费部分增长5.7%", "target", 1982),
    # 到一九八五年 opening a clause dates the plan's levels after it in its sentence
    (1982, "一百三十万人", "在校学生达到一百三十万人", "target", 1985),
    # (what is, said in a plan part: 拥有占全世界95%以上核武器, 1984, is no longer a fact:
    # its name is a predicate, not an object — names16)
    # …but 现有 naming the enterprises of a plan's spending stays the plan's
    (1982, "一千三百亿元", "用于现有企业设备更新", "target", None),
    # a span of years after a target in its sentence (…，八年内使它们…): no single year
    (1978, "十二个", "抓好十二个大面积商品粮基地", "target", None),
    # years already lived before the value, no plan word: a result of no one year
    (1978, "百分之二十八", "大庆原油产量在十七年间平均每年增长", "actual", None),
    (1955, "一千四百多公里", "两年中新建铁路铺轨", "actual", None),
    # a plan's span opening an earlier sentence of the paragraph (今后八年，…。在这同时，…)
    (1978, "一百二十个", "国家计划新建和续建一百二十个大型项目", "target", None),
    # 将增加到, 将要新建 (the 1956 report's account of the 1956 plan): targets of 1956, the
    # 1957 of 比五年计划原定1957年…的水平 in the paragraph being a base
    (1956, "152个", "国营机械化农场将增加到152个", "target", 1956),
    (1956, "24个", "将要新建安徽响洪甸水库", "target", 1956),
    # (预计明年春耕时将达五十万个以上, 1954, is no longer a fact: its name would be the time
    # 春耕时, the cooperatives being named in the clause before — names16)
    # 了 before the value, no plan word: done (of no one year unless its sentence names one)
    (1959, "二十九个", "自治区内成立了二十九个自治州", "actual", None),
    (1959, "七十九倍", "中等学校学生增加了七十九倍", "actual", None),
    (1958, "一百二十二项", "并且议定了一百二十二项", "actual", 1958),
    # …but a plan's figure stays a target (拟定为…，比…增加了二十二亿元)
    (1958, "二十二亿元", "比一九五七年的预计数增加了二十二亿元", "target", 1958),
])
def test_period_and_kind(reports: dict[int, list[Fact]], year: int, printed: str, words: str,
                         kind: str, period: int | None) -> None:
    found = facts_at(reports[year], printed, words)
    assert found, (year, printed)
    assert all((f.kind, f.period) == (kind, period) for f in found), [
        (f.name, f.kind, f.period) for f in found]


def test_last_year_before() -> None:
    text = "粮食产量屡创历史新高，去年达到1.09万亿斤，连续7年增产；农民人均纯收入达到5919元"
    clause = text.index("农民")
    assert last_year_before(text, 2011, 0, clause, text.index("5919")) == 2010
    text = "粮食产量比去年增长2%，农民人均纯收入达到5919元"  # 比去年: a base
    assert last_year_before(text, 2011, 0, text.index("农民"), text.index("5919")) is None
    text = "去年粮食产量达到1万亿斤，五年累计新增就业5000万人"  # a span in its own clause
    assert last_year_before(text, 2011, 0, text.index("五年"), text.index("5000")) is None


def test_clause_deadline() -> None:
    text = "第六个五年计划规定，到一九八五年全日制高等学校招生数将从一九八○年的二十八万人增加到"
    assert clause_deadline(text, 0, len(text)) == 1985
    text = "增加到2025年的…"  # an end, not a clause's deadline
    assert clause_deadline(text, 0, len(text)) is None


def test_stated_now() -> None:
    text = "我国是一个共有五十多个民族的统一国家"
    assert stated_now(text, 0, 0, text.index("五十"))
    text = "目前全国有县级医院1万所，今后五年要新建500所"
    assert stated_now(text, 0, 0, text.index("1万"))
    assert not stated_now(text, 0, text.index("今后"), text.index("500"))  # planned


def test_lived_span() -> None:
    text = "大庆原油产量在十七年间平均每年增长百分之二十八"
    assert lived_span(text, 0, text.index("百分之"))
    text = "在今后三年中，新建电站十个"
    assert not lived_span(text, 0, text.index("十个"))
    text = "两年中要新建铁路一千公里"  # a plan word
    assert not lived_span(text, 0, text.index("一千"))


def test_done_in_clause() -> None:
    text = "此外，还在青海等省内成立了二十九个自治州"
    assert done_in_clause(text, 0, 0, text.index("二十九"))
    text = "一九五九年的计划，提出了钢产量一千八百万吨"  # a plan word: proposed
    assert not done_in_clause(text, 0, text.index("提出"), text.index("一千"))
    text = "为了保证供应，新建粮库一百个"  # 为了: no 了 of a verb
    assert not done_in_clause(text, 0, text.index("新建"), text.index("一百"))
