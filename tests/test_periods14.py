"""Periods of open facts in reviews of several years (national tuning years, never 3 or 7,
and tuning provinces' 2026 reports; round 14): a level reached (达到, 下降到, 突破, the 到 side
of 由…增加到) with no word of a flow or a sum over the years is the level at their end, dated to
the last year reviewed; the 从 side of a five-year review's from-to pair is the level they
started from, the year before them; flows and sums over the years (新增, 合计, 引进, “六五”
期间…达到) stay undated."""

from __future__ import annotations

import pytest

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.extract.spans import level_at_end
from baogao.models import Fact
from baogao.pipeline import read
from tests.conftest import PROVINCES, facts_at, national_open_facts

YEARS = (1986, 1988, 1998, 2008, 2011)


@pytest.fixture(scope="module")
def reports() -> dict[int, list[Fact]]:
    return national_open_facts(YEARS)


@pytest.fixture(scope="module")
def provinces() -> dict[str, list[Fact]]:
    found = {}
    for name in ("广东省", "甘肃省", "江西省", "河北省"):
        [doc] = read(PROVINCES / f"2026_{name}_政府工作报告.csv")
        found[name] = open_facts(doc, extract_facts(doc))
    return found


@pytest.mark.parametrize(("name", "printed", "words", "period"), [
    # the 十四五 review of the 2026 reports: the end of a from-to pair, 2025's …
    ("广东省", "40.4%", "可再生能源装机占比从23.3%提高到40.4%", 2025),
    # … and its start, the year before the five years
    ("广东省", "23.3%", "可再生能源装机占比从23.3%提高到40.4%", 2020),
    ("甘肃省", "52.23%", "常住人口城镇化率由52.23%提高到58.08%", 2020),
    # a level crossed (突破) or reached (达): the last year's
    ("江西省", "突破6万亿元", "金融机构本外币存、贷款余额双双突破6万亿元", 2025),
    ("河北省", "9000公里", "高速公路总里程达到9000公里", 2025),
    # flows over the five years stay undated: an action done (新建, 完成, 新增) …
    ("甘肃省", "1417万亩", "新建高标准农田1417万亩", None),
    ("甘肃省", "超1000亿元", "完成水利投资超1000亿元", None),
    # … or a level held through them (稳定在)
    ("江西省", "430亿斤以上", "粮食产量连续13年稳定在430亿斤以上", None),
])
def test_levels_of_a_five_year_review(provinces: dict[str, list[Fact]], name: str,
                                      printed: str, words: str, period: int | None) -> None:
    found = facts_at(provinces[name], printed, words)
    assert found, (name, printed)
    assert all(f.kind == "actual" and f.period == period for f in found), [
        (f.name, f.kind, f.period) for f in found]


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
    def at_end(text: str, printed: str, action: str | None = None) -> bool:
        pos = text.index(printed)
        clause = max(text.rfind(c, 0, pos) for c in "，、") + 1
        return level_at_end(text, 0, clause, pos, printed, action)

    text = "五年来，我国年进出口总额由1655亿美元增加到3251亿美元。"
    assert at_end(text, "3251亿美元")
    assert not at_end(text, "1655亿美元")  # the start: no verb before it
    # a lead-in naming the years as a sum (“六五”期间) or a sum word in the clause
    assert not at_end("“六五”期间，全民所有制单位固定资产投资总额达到五千三百亿元。",
                      "五千三百亿元")
    assert not at_end("“六五”期间，进出口贸易总额合计达到二千三百亿美元。", "二千三百亿美元")
    assert not at_end("2007年，国内生产总值达到24.66万亿元。", "24.66万亿元")  # its own year
    # a level crossed, opening the value; unless an action over the years did it
    assert at_end("信贷规模突破3万亿元。", "突破3万亿元")
    assert not at_end("引进央企二、三级子公司超800家。", "超800家", "引进")
