"""Open facts, round 10 (tuning reports only: national years not ending in 3 or 7, the tune
provinces, seeds 000/001/003/004): places counted as a setting (在500个行政村实施…), values of a
fraction of the subjects, generic heads borrowing their own clause's words, a verb run into a
noun, estimates over the years ahead and values of a part of a year."""

from __future__ import annotations

from pathlib import Path

import pytest

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.extract.open.frames import fraction_subject, located
from baogao.models import Fact
from baogao.pipeline import read
from tests.conftest import PROVINCES, SEEDS, national_open_facts
from tests.conftest import facts_at as _at

FORMATS_2025 = Path(__file__).parent / "data" / "formats" / "provinces-2025"


def _facts(path: Path) -> list[Fact]:
    [doc] = read(path)
    return open_facts(doc, extract_facts(doc))


@pytest.fixture(scope="module")
def national() -> dict[int, list[Fact]]:
    return national_open_facts((1978, 1980, 1982, 1988, 2009, 2010))


def test_places_counted_as_a_setting_are_not_facts(national: dict[int, list[Fact]]) -> None:
    # 在N个X + an action: where it was done, X alone names nothing of the report
    assert not _at(national[1982], "四百多个", "在四百多个工业企业中进行了以税代利的试点")
    assert not _at(national[1988], "100多个", "劳务合作在100多个国家和地区展开")
    gansu = _facts(FORMATS_2025 / "2025年甘肃省政府工作报告.docx")
    assert not _at(gansu, "500个", "在500个行政村实施乡村全民健身提升工程")


def test_located_reads_the_preposition_before_a_count() -> None:
    text = "七是在500个行政村实施乡村全民健身提升工程。"
    at = text.index("500个")
    assert located(text, at, at + 4, "个", "行政村")
    level = "“领跑者”企业总量保持在650家以上。"  # a level after 保持在: named before
    at = level.index("650家")
    assert not located(level, at, at + 4, "家", "“领跑者”企业总量")
    rate = "基本医保参保率稳定在95%以上。"
    at = rate.index("95%")
    assert not located(rate, at, at + 3, "%", "基本医保参保率")


def test_values_of_a_fraction_of_the_subjects_are_not_facts(
        national: dict[int, list[Fact]]) -> None:
    assert not _at(national[1978], "百分之十二以上", "三分之一的省、市、自治区，工业产值")
    assert not _at(national[1978], "百分之四点三以上", "粮食产量平均每年的增长速度")
    sentence = "也有三分之一的省、市、自治区，工业产值平均每年的增长速度都在百分之十二以上。"
    assert fraction_subject(sentence, 0, sentence.index("百分之十二"))
    assert not fraction_subject("全省三分之一的耕地建成高标准农田1000万亩。", 0, 15)


def test_generic_heads_borrow_their_own_clause(national: dict[int, list[Fact]]) -> None:
    gansu = _facts(PROVINCES / "2026_甘肃省_政府工作报告.csv")
    assert [f.name for f in _at(gansu, "7.4万套", "保交房7.4万套住房全部交付")] == ["保交房住房"]
    # 棚户区改造解决|住房: whose housing the clause does not say; the 保障性住房 of the clause
    # before is another object
    assert not _at(national[2009], "130万套", "棚户区改造解决住房130万套")
    [seed] = read(SEEDS / "004_ad073e54fd368939.txt")
    facts = open_facts(seed, extract_facts(seed))
    assert [f.name for f in _at(facts, "53项", "专项行动共53项具体工作")] == ["专项行动具体工作"]


def test_a_verb_run_into_a_noun_is_dropped() -> None:
    guangxi = _facts(PROVINCES / "2026_广西壮族自治区_政府工作报告.csv")
    assert [f.name for f in _at(guangxi, "117个", "推进设备更新项目117个")] == ["设备更新项目"]


def test_estimates_over_years_ahead_are_targets(national: dict[int, list[Fact]]) -> None:
    for printed in ("二十五亿平方米", "三亿平方米"):
        [fact] = _at(national[1982], printed, "五年内预计农民新建住宅")
        assert (fact.kind, fact.period) == ("target", None)


def test_values_of_a_part_of_the_year_have_no_period(national: dict[int, list[Fact]]) -> None:
    [fact] = _at(national[1980], "23.6%", "今年上半年，集体所有制工业产值比去年同期增长")
    assert (fact.name, fact.kind, fact.period) == ("集体所有制工业产值", "actual", None)
    guangxi = _facts(FORMATS_2025 / "2025年广西政府工作报告.docx")
    [fact] = _at(guangxi, "8.9%", "1—11月规模以上工业能耗强度下降")
    assert fact.period is None
    # 年末…从上半年5.5%降到5.3%: the half year is the base; the level is the year's end
    guangxi_2026 = _facts(PROVINCES / "2026_广西壮族自治区_政府工作报告.csv")
    [fact] = _at(guangxi_2026, "5.3%", "年末城镇调查失业率从上半年5.5%降到5.3%")
    assert fact.period == 2025
    [whole] = _at(national[2010], "2.2万亿美元", "全年进出口总额")
    assert whole.period == 2009


def test_a_turn_to_another_subject_stops_the_name_before(
        national: dict[int, list[Fact]]) -> None:
    # 钢产量比上年增加270万吨，而能源消耗总量（按…7，000大卡…），比上年降低了100万吨: the fall
    # is of 能源消耗总量 (7，000 is one number, not two clauses), not of 钢产量
    assert not [f for f in _at(national[1980], "100万吨", "比上年降低了100万吨")
                if f.name.startswith("钢产量")]
    [rise] = _at(national[1980], "270万吨", "钢产量比上年增加270万吨")
    assert rise.name.startswith("钢产量")


def test_a_bound_word_after_a_space(national_2011: list[Fact]) -> None:
    # the space is gone from the text (a space after a number before its word is typesetting)
    [fact] = _at(national_2011, "70%以上", "政策范围内的医保基金支付水平提高到")
    assert (fact.name, fact.value, fact.bound) == ("政策范围内的医保基金支付水平", 70.0, "min")


@pytest.fixture(scope="module")
def national_2011() -> list[Fact]:
    return national_open_facts((2011,))[2011]


def test_names_closed_by_their_head_or_action(national: dict[int, list[Fact]]) -> None:
    reports = national_open_facts((2010,))
    [fact] = _at(reports[2010], "6183座", "6183座病险水库除险加固工程开工建设")
    assert fact.name == "开工建设的病险水库除险加固工程"  # the ones begun (restricted)
    [seed] = read(SEEDS / "000_b5713cac4734963f.txt")
    facts = open_facts(seed, extract_facts(seed))
    assert [f.name for f in _at(facts, "134户", "完成134户适老化改造")] == ["适老化改造"]
    # the households counted named before the work keep the work done to them
    guangdong = _facts(FORMATS_2025 / "2025年广东省政府工作报告.docx")
    assert [f.name for f in _at(guangdong, "8.8万户", "8.8万户特殊困难老年人家庭适老化改造")] == [
        "特殊困难老年人家庭适老化改造"]
    [closed] = _at(national[2009], "1054处", "关闭小煤矿1054处")
    assert closed.name == "小煤矿"


def test_a_year_before_laihua_is_that_year(national: dict[int, list[Fact]]) -> None:
    reports = national_open_facts((1988,))
    # 1987年|来华旅游…: the year 1987, not 87年来 (since)
    [fact] = _at(reports[1988], "2690万人次", "1987年来华旅游入境总人数")
    assert (fact.name, fact.period) == ("来华旅游入境总人数", 1987)


def test_a_time_adverb_and_its_verb_end_the_noun_after_a_count() -> None:
    guangxi = _facts(PROVINCES / "2026_广西壮族自治区_政府工作报告.csv")
    [fact] = _at(guangxi, "超10万户", "购房群众如期拿到合格房屋")
    assert fact.name == "购房群众"


def test_names_opening_on_a_bound_noun_are_dropped() -> None:
    # (药店零售和医疗机构使用)|环节抽检超9000批次: the owner of the 环节 was cut off
    anhui = _facts(FORMATS_2025 / "2025年安徽省政府工作报告.docx")
    guangdong = _facts(PROVINCES / "2026_广东省_政府工作报告.csv")
    assert not _at(guangdong, "超9000批次", "医疗机构使用环节抽检超9000批次")
    assert not _at(guangdong, "超1500批次", "零售使用环节抽检超1500批次")
    # (上线运行重点事项办理)|时限压缩69%
    assert not [f for f in anhui + guangdong if f.name.startswith(("环节", "时限"))]
