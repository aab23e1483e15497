"""Periods of open facts of national work reports (tuning years only, never 3 or 7; round
14): in a review of several past years, a level reached (达到, 下降到, the 到 side of 由…增加到)
with no word of a flow or a sum over the years is the level at their end, dated to the last
year reviewed; flows and sums over the years (新增, 合计, “六五”期间…达到) stay undated."""

from __future__ import annotations

import pytest

from baogao.extract.spans import level_at_end
from baogao.models import Fact
from tests.conftest import facts_at, national_open_facts

YEARS = (1986, 1988, 1998, 2008, 2011)


@pytest.fixture(scope="module")
def reports() -> dict[int, list[Fact]]:
    return national_open_facts(YEARS)


@pytest.mark.parametrize(("year", "printed", "words", "period"), [
    # (2008, 过去五年:) a level reached with no flow word: 2007's
    (2008, "1144万人", "普通高等教育本科生和研究生规模达到1144万人", 2007),
    # (1998, 五年来:) a rate lowered to a level: 1997's
    (1998, "6%", "青壮年文盲率下降到6%", 1997),
    # flows and sums over the years stay undated, though 达到 is before them
    (1986, "五千三百亿元", "全民所有制单位固定资产投资总额达到五千三百亿元", None),
    (1986, "二千三百亿美元", "进出口贸易总额合计达到二千三百亿美元", None),
    (1986, "三千五百多万人", "五年合计在城镇安排就业的劳动力达到", None),
    (1988, "5854亿元", "全民所有制企业新增加的固定资产达到5854亿元", None),
    # a flow with no level verb stays undated
    (2011, "23万平方公里", "综合治理水土流失面积23万平方公里", None),
])
def test_level_at_the_end_of_a_review(reports: dict[int, list[Fact]], year: int,
                                      printed: str, words: str, period: int | None) -> None:
    found = facts_at(reports[year], printed, words)
    assert found, (year, printed)
    assert all(f.kind == "actual" and f.period == period for f in found), [
        (f.name, f.kind, f.period) for f in found]


def test_level_at_end_reads_the_verb_right_before_the_value() -> None:
    text = "五年来，我国年进出口总额由1655亿美元增加到3251亿美元。"
    assert level_at_end(text, 0, text.index("3251"))
    assert not level_at_end(text, 0, text.index("1655"))  # the start: no verb before it
    text = "“六五”期间，进出口贸易总额合计达到二千三百亿美元。"
    assert not level_at_end(text, 0, text.index("二千"))
    text = "2007年，国内生产总值达到24.66万亿元。"
    assert not level_at_end(text, 0, text.index("24.66"))  # its own year dates it
