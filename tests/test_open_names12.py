"""Names of open facts, round 12: whose a fund is, which of a counted noun, per unit, listed
examples and measures said of each (open.owners, open.lists, open.frames)."""

from __future__ import annotations

from pathlib import Path

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.models import Document
from baogao.pipeline import read
from tests.conftest import facts_at, national_open_facts

PROVINCES = Path(__file__).parent / "data" / "corpus" / "provinces-2026"
FORMATS_2025 = Path(__file__).parent / "data" / "formats" / "provinces-2025"


def _province(name: str) -> Document:
    return next(read(next(PROVINCES.glob(f"2026_{name}*.csv"))))


def _province_2025(name: str) -> Document:
    return next(read(next(FORMATS_2025.glob(f"2025年{name}*.docx"))))


def _names(doc: Document, printed: str, words: str) -> list[str]:
    return sorted(f.name for f in facts_at(open_facts(doc, extract_facts(doc)), printed, words))


def test_a_fund_keeps_the_budget_that_pays_it() -> None:
    # 今年中央财政安排|科技投入716亿元: the central budget's, not all 科技投入 of the country
    [fact] = facts_at(national_open_facts((2006,))[2006], "716亿元", "中央财政安排科技投入")
    assert fact.name == "中央财政科技投入"


def test_a_generic_group_reached_keeps_its_verb() -> None:
    # 惠及消费者150余万人: the consumers reached by 以旧换新, not all of the province's (and
    # named with what reached them: 消费品以旧换新补贴280余万件（辆）、|惠及…)
    assert _names(_province_2025("江西"), "150余万人", "惠及消费者") == [
        "消费品以旧换新补贴惠及消费者"]


def test_a_count_keeps_the_predicate_that_says_which() -> None:
    # 49家三级公立综合医院在国家绩效监测中获评A级以上: not all of them
    assert _names(_province("广东"), "49家", "三级公立综合医院") == [
        "在国家绩效监测中获评A级以上的三级公立综合医院"]


def test_a_count_before_a_noun_and_its_de_phrase_counts_the_noun() -> None:
    # 串联58个酒庄的旅游环线: 58 wineries, one loop
    assert _names(_province("宁夏"), "58个", "酒庄的旅游环线") == ["酒庄"]


def test_a_value_per_unit_keeps_the_unit() -> None:
    # 食品抽检量超每千人6.5批次: per thousand people, not the province's total
    assert _names(_province_2025("广东"), "6.5批次", "食品抽检量") == ["每千人食品抽检量"]


def test_a_value_said_of_each_listed_measure_is_one_fact_each() -> None:
    # 旅游人次和花费增长均超20%: both grew more than 20%, each its own fact
    assert _names(_province("青海"), "超20%", "旅游人次和花费") == ["旅游人次增长", "旅游花费增长"]


def test_a_shared_tail_never_starts_inside_a_quoted_name() -> None:
    # 对东盟、共建“一带一路”国家进出口总额分别增长…: 东盟 shares 进出口总额 only
    names = _names(_province("上海"), "10.4%", "对东盟、共建")
    assert names == ["东盟进出口总额增长"]


def test_listed_verbs_reach_the_items_after_them() -> None:
    # 淘汰落后的水泥产能1.5亿吨、炼铁产能3122万吨…: each item was eliminated
    [fact] = facts_at(national_open_facts((2012,))[2012], "3122万吨", "淘汰落后的水泥产能")
    assert (fact.name, fact.action) == ("炼铁产能", "淘汰")
