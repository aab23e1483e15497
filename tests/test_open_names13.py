"""Names of open facts, round 13: which of a counted group a predicate says, a 的 clause
without its noun, a measure the listed parts share, the growth of a flow, and the owner a
later clause opens on (open.owners, open.frames, open.lists, open.reading). Tuning
documents only."""

from __future__ import annotations

from pathlib import Path

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.pipeline import read
from tests.conftest import (
    facts_at,
    names_at,
    national_open_facts,
    province_2025_open_facts,
    province_open_facts,
)

_province = province_open_facts
_province_2025 = province_2025_open_facts
_names = names_at


def test_a_count_of_divisions_or_visitors_keeps_its_predicate() -> None:
    national = national_open_facts((1995, 2006, 2012))
    # 40多位外国元首和政府首脑先后访华: those who visited, not all of them
    assert _names(national[1995], "40多位", "先后访华") == ["先后访华的外国元首和政府首脑"]
    # 28个省（区、市）全部免征了农业税: a list of divisions, those that abolished it
    assert _names(national[2006], "28个", "全部免征了农业税") == ["全部免征农业税的省（区、市）"]
    # 2147个县（市、区）实施…试点: 县 is no noun tag alone; the bracket names divisions
    assert _names(national[2012], "2147个", "城镇居民社会养老保险试点") == [
        "实施城镇居民社会养老保险试点的县（市、区）"]


def test_a_predicate_said_of_all_counted_leaves_the_count_whole() -> None:
    # 年初确定的10件民生实事全部兑现: all ten, the list itself, not a part of it
    assert _names(_province_2025("江西"), "10件", "10件民生实事全部兑现") == ["民生实事"]


def test_a_de_clause_without_its_noun_is_not_a_name() -> None:
    # 其中依法判刑的有二万六千二百二十七人: what is counted is not printed
    assert facts_at(national_open_facts((1982,))[1982], "二万六千二百二十七人", "依法判刑") == []


def test_an_emission_measure_is_shared_by_every_listed_pollutant() -> None:
    # 化学需氧量、二氧化硫排放量分别减少4.42%和5.95%: both are emissions
    assert _names(national_open_facts((2009,))[2009], "4.42%", "化学需氧量、二氧化硫") == [
        "化学需氧量排放量减少"]


def test_the_growth_of_a_flow_keeps_its_action() -> None:
    facts = _province("广东")
    # 新登记经营主体320万户、增长13%: the growth of the newly registered, not of all
    assert _names(facts, "13%", "新登记经营主体320万户") == ["新登记经营主体增长"]
    # (…，)总量达2037.7万户: the stock again
    assert _names(facts, "2037.7万户", "新登记经营主体320万户") == ["经营主体总量"]


def test_a_bare_measure_takes_the_owner_of_the_clause_before() -> None:
    # 国有企业…，省属企业资产总额达到2.7万亿元，工业总产值突破1万亿元: 省属企业's
    assert _names(_province("甘肃"), "突破1万亿元", "省属企业资产总额") == ["省属企业工业总产值"]


def test_counts_listed_before_their_nouns_share_the_verb() -> None:
    # 国家安排资金改造和新建1.88万所乡镇卫生院、786所县医院、285所县中医院和534所…: each
    # is renovated or built, not the stock of county hospitals
    facts = national_open_facts((2008,))[2008]
    assert {f.action for f in facts_at(facts, "285所", "改造和新建")} == {"改造"}
    assert {f.action for f in facts_at(facts, "534所", "改造和新建")} == {"改造"}


def test_a_change_in_the_clause_after_keeps_the_budget_that_pays() -> None:
    # 中央财政拟安排补贴资金1335亿元，|比上年增加60.4亿元: still the central budget's
    assert _names(national_open_facts((2010,))[2010], "60.4亿元", "农机具购置补贴") == [
        "中央财政补贴资金增加"]


def test_a_count_said_in_passing_after_a_copula_is_no_fact() -> None:
    # 藏族是中国56个民族大家庭的一员: describes, counts nothing
    assert facts_at(national_open_facts((1992,))[1992], "56个", "民族大家庭") == []


def test_a_count_acted_on_by_the_noun_counted_before_is_no_fact() -> None:
    # 408支家医团队共签约46万人: the 46万 are the residents signed, not teams
    doc = next(read(Path(__file__).parent / "data" / "seeds" / "003_cd0a21e123bf8728.txt"))
    facts = open_facts(doc, extract_facts(doc))
    assert _names(facts, "408支", "408支家医团队") == ["家医团队"]
    assert facts_at(facts, "46万人", "408支家医团队") == []


def test_those_served_keep_what_they_were_served() -> None:
    facts = _province_2025("甘肃")
    # 为5.58万名农民工追回工资7.2亿元: the workers whose wages were recovered
    assert _names(facts, "5.58万名", "农民工追回工资") == ["追回工资的农民工"]
    # 为10323名低保困难老年人免费实施白内障手术
    assert _names(facts, "10323名", "白内障手术") == ["免费实施白内障手术的低保困难老年人"]
    # 为超61万名孕妇免费提供地中海贫血、唐氏综合征…的产前筛查: a list that cannot go into
    # the name; 孕妇 alone would read as all of them: not kept (round 15)
    assert _names(_province_2025("广东"), "超61万名", "地中海贫血") == []


def test_a_plan_alone_takes_what_it_plans() -> None:
    # 年内完成6000套改造计划 (开展城中村改造专项行动，…): 城中村改造, not 计划
    assert _names(_province_2025("宁夏"), "6000套", "改造计划") == ["城中村改造计划"]


def test_a_change_after_a_space_keeps_its_sign() -> None:
    # 化学需氧量、二氧化硫排放量分别下降 9.66%和13.14%
    assert _names(national_open_facts((2010,))[2010], "9.66%", "化学需氧量") == [
        "化学需氧量排放量下降"]
