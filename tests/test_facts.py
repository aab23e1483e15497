"""Indicator facts from prose and tables (baogao.extract.facts / tables), on real reports."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from baogao.extract import extract_facts, table_facts
from baogao.models import Document, Fact
from baogao.pipeline import read, read_all
from tests.conftest import load_benchmark

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEEDS = DATA / "seeds"
CORPUS = DATA / "corpus"
FORMATS = DATA / "formats"


@cache
def _doc(path: str, row: int = 0) -> Document:
    return next(d for d in read(DATA / path) if d.row == row)


@cache
def _facts(path: str, row: int = 0) -> tuple[Fact, ...]:
    return tuple(extract_facts(_doc(path, row)))


def _find(facts: tuple[Fact, ...], indicator: str, kind: str) -> list[Fact]:
    return [f for f in facts if f.indicator == indicator and f.kind == kind]


def _quality() -> ModuleType:
    return load_benchmark("facts_quality")


def test_spec_examples_seed_000() -> None:
    facts = _facts("seeds/000_b5713cac4734963f.txt")
    (gdp,) = _find(facts, "gdp", "actual")
    assert (gdp.value, gdp.unit, gdp.period, gdp.text) == (5700.1, "亿元", 2022, "5700.1亿元")
    assert (gdp.region, gdp.year, gdp.name) == ("北京市西城区", 2023, "地区生产总值")
    (growth,) = _find(facts, "gdp_growth", "actual")
    assert (growth.value, growth.unit, growth.bound, growth.text) == (4.1, "%", None, "4.1%")
    (target,) = _find(facts, "gdp_growth", "target")
    assert (target.value, target.bound, target.period, target.text) == (4, "approx", 2023, "4%左右")


def test_spec_examples_seed_003_plan_report() -> None:
    facts = _facts("seeds/003_cd0a21e123bf8728.txt")
    (gdp,) = _find(facts, "gdp_growth", "target")
    assert (gdp.value, gdp.bound, gdp.period) == (5, "approx", 2024)
    (jobless,) = _find(facts, "registered_unemployment_rate", "target")
    assert (jobless.value, jobless.bound) == (3.5, "max")
    (income,) = _find(facts, "disposable_income_per_capita_growth", "target")
    assert (income.value, income.text) == (None, "与经济增长同步")
    (actual,) = _find(facts, "gdp_growth", "actual")
    assert (actual.value, actual.period) == (5.8, 2023)


def test_table_rows_of_seed_003() -> None:
    doc = _doc("seeds/003_cd0a21e123bf8728.txt")
    rows = {f.name: f for f in table_facts(doc)}
    assert all(
        "\t" in f.evidence and doc.text[f.start : f.end] == f.evidence for f in rows.values()
    )
    energy = rows["万元地区生产总值能耗降幅"]
    assert (energy.indicator, energy.value, energy.text) == (
        "energy_intensity_reduction",
        None,
        "达到市级要求",
    )
    assert energy.attribute == "约束性"
    listed = rows["高质量上市挂牌企业数量"]
    assert (listed.indicator, listed.value, listed.unit, listed.kind, listed.period) == (
        None,
        85,
        "家",
        "target",
        2024,
    )
    assert "全员劳动生产率" not in rows  # "-" is no value
    growth = rows["地区生产总值增速"]
    assert (growth.indicator, growth.value, growth.bound) == ("gdp_growth", 5, "approx")
    jobless = rows["登记失业率"]
    assert (jobless.value, jobless.bound, jobless.text) == (3.5, "max", "<3.5")


def test_decrease_wording_and_lists() -> None:
    facts = _facts("seeds/001_c37d6c11197b0023.txt")
    (retail,) = _find(facts, "retail_sales_growth", "actual")
    assert retail.value == -8
    province = _facts("corpus/provinces-2026/2026_宁夏回族自治区_政府工作报告.csv")
    assert [f.value for f in _find(province, "foreign_trade_growth", "actual")] == [3.4]


def test_national_targets_and_units() -> None:
    facts = _facts("corpus/national/government_work_reports.jsonl", 0)
    (gdp,) = _find(facts, "gdp", "actual")
    assert (gdp.value, gdp.unit, gdp.period) == (1349000, "亿元", 2024)
    (grain,) = _find(facts, "grain_output", "target")
    assert (grain.value, grain.unit, grain.bound) == (14000, "亿斤", "approx")
    (energy,) = _find(facts, "energy_intensity_reduction", "target")
    assert energy.value == 3


def test_province_range_target() -> None:
    facts = _facts("corpus/provinces-2026/2026_广东省_政府工作报告.csv")
    (gdp,) = _find(facts, "gdp_growth", "target")
    assert (gdp.value, gdp.value_high, gdp.text) == (4.5, 5, "4.5%—5%")


def test_target_named_between_metric_and_value() -> None:
    """经济增长速度的调控目标定为8% / 经济增长预期为7%左右 are targets of the report year."""
    national = "corpus/national/government_work_reports.jsonl"
    for row, year, value, bound in ((37, 1997, 8, None), (35, 1999, 7, "approx"),
                                    (31, 2003, 7, "approx")):
        (gdp,) = _find(_facts(national, row), "gdp_growth", "target")
        assert (gdp.period, gdp.value, gdp.bound) == (year, value, bound)


def test_spaced_number_and_last_year_in_multi_year_paragraph() -> None:
    """8 ．8 ％ reads as 8.8%; 去年 dates a value even in a 五年来 paragraph."""
    facts = _facts("corpus/national/government_work_reports.jsonl", 36)
    actual = [(f.period, f.value) for f in _find(facts, "gdp_growth", "actual")]
    assert (1997, 8.8) in actual
    (target,) = _find(facts, "gdp_growth", "target")
    assert (target.period, target.value) == (1998, 8)


def test_multi_year_cue_after_the_clause_does_not_hide_it() -> None:
    facts = _facts("corpus/provinces-2026/2026_江西省_政府工作报告.csv")
    (gdp,) = _find(facts, "gdp_growth", "target")
    assert (gdp.value, gdp.value_high) == (5, 5.5)


def test_no_comparisons_or_multi_year_values() -> None:
    facts = _facts("corpus/provinces-2026/2026_广东省_政府工作报告.csv")
    values = {(f.indicator, f.value) for f in facts}
    assert ("disposable_income_per_capita_growth", 30.8) not in values  # 五年增长30.8%
    assert ("gdp", 1000) not in values  # 生产总值超千亿元县
    assert all(f.unit != "个百分点" for f in facts if f.indicator)


@pytest.mark.slow
def test_evidence_offsets_hold_everywhere() -> None:
    for path in (SEEDS, CORPUS, FORMATS):
        docs, _ = read_all(path)  # the web pages that are not reports are refused
        for doc in docs:
            for fact in extract_facts(doc):
                assert doc.text[fact.start : fact.end] == fact.evidence
                assert fact.text in fact.evidence
                assert fact.kind in ("actual", "target")


def test_quality_floors() -> None:
    """Precision and recall on the hand-checked facts stay above the pinned floors,
    for each split (tune, held-out) and format."""
    floors = json.loads((DATA / "expected" / "quality_floors.json").read_text("utf-8"))["facts"]
    report = _quality().run()
    for split, by_format in floors.items():
        if split.startswith("_"):
            continue
        for format_, floor in by_format.items():
            score = report.overall(split, format_)
            assert score.tp > 0, (split, format_)
            assert score.precision >= floor["precision"], (split, format_, score.wrong)
            assert score.recall >= floor["recall"], (split, format_, score.missed)


PROVINCES_2025 = "formats/provinces-2025"
PROVINCES_2026 = "corpus/provinces-2026"


def _values(facts: tuple[Fact, ...], indicator: str, kind: str) -> list[tuple[object, ...]]:
    return [(f.period, f.value, f.bound) for f in _find(facts, indicator, kind)]


def test_one_year_paragraph_inside_a_five_year_section() -> None:
    """刚刚过去的2025年，… under a “十四五” heading: the 2025 results are read."""
    hebei = _facts(f"{PROVINCES_2026}/2026_河北省_政府工作报告.csv")
    assert (2025, 5.6, None) in _values(hebei, "gdp_growth", "actual")
    gansu = _facts(f"{PROVINCES_2026}/2026_甘肃省_政府工作报告.csv")
    assert (2025, 5.8, None) in _values(gansu, "gdp_growth", "actual")


def test_from_to_is_the_end_value_of_the_end_year() -> None:
    """从3826.5亿元增长到4398.6亿元 in the 十四五 review: 4398.6 is the 2025 level, never a 2020
    one; the starting point 3826.5 is the 2020 level (the year before the five years)."""
    facts = _facts(f"{PROVINCES_2026}/2026_河北省_政府工作报告.csv")
    assert sorted(_values(facts, "general_budget_revenue", "actual")) == [
        (2020, 3826.5, None),
        (2025, 4398.6, None),
    ]
    assert (2025, 49300, None) in _values(facts, "gdp", "actual")


def test_threshold_gives_way_to_the_exact_figure() -> None:
    """突破3万亿元、达3.6万亿元 → 36000; 跨上5万亿元台阶 alone → a min bound."""
    jiangxi = _facts(f"{PROVINCES_2026}/2026_江西省_政府工作报告.csv")
    assert (2025, 30000, "min") not in _values(jiangxi, "gdp", "actual")
    anhui = _facts(f"{PROVINCES_2025}/2025年安徽省政府工作报告.docx")
    assert (2024, 50000, "min") in _values(anhui, "gdp", "actual")
    guangdong = _facts(f"{PROVINCES_2025}/2025年广东省政府工作报告.docx")
    (gdp,) = _find(guangdong, "gdp", "actual")
    assert (gdp.value, gdp.bound, gdp.estimated) == (140000, "min", True)  # 迈上14万亿元新台阶


def test_subjects_from_context() -> None:
    """产量 in a 粮食 clause, 总额 after the metric it carries, 全年增长 after a lead-in."""
    anhui = _facts(f"{PROVINCES_2025}/2025年安徽省政府工作报告.docx")
    assert (2025, 825, "min") in _values(anhui, "grain_output", "target")
    guangxi = _facts(f"{PROVINCES_2026}/2026_广西壮族自治区_政府工作报告.csv")
    assert (2025, 8000, "min") in _values(guangxi, "foreign_trade", "actual")
    assert (2025, 1900, "min") in _values(guangxi, "general_budget_revenue", "actual")
    hunan = _facts(f"{PROVINCES_2025}/2025年湖南省政府工作报告.docx")
    assert _values(hunan, "gdp_growth", "actual") == [(2024, 4.8, None)]  # not 三季度 4.6
    assert _values(hunan, "gdp", "actual") == [(2024, 53000, None)]


def test_name_variants_units_and_conversions() -> None:
    guangdong = _facts(f"{PROVINCES_2025}/2025年广东省政府工作报告.docx")
    assert (2025, 257, None) in _values(guangdong, "grain_output", "target")  # 1285万吨
    assert (2024, 20.6, None) in _values(guangdong, "pm25", "actual")  # PM2.5平均浓度
    ningxia = _facts(f"{PROVINCES_2025}/2025年宁夏政府工作报告.docx")
    assert (2024, 5.2, None) in _values(ningxia, "surveyed_unemployment_rate", "actual")  # 均值
    jiangsu = _facts(f"{PROVINCES_2026}/2026_江苏省_政府工作报告.csv")
    assert (2025, 6.5, None) in _values(jiangsu, "industrial_value_added_growth", "actual")


def test_scope_is_never_widened() -> None:
    """Sub-regions, city averages and 财政收入 are not the region's 一般公共预算收入 or GDP."""
    gansu = _facts(f"{PROVINCES_2025}/2025年甘肃省政府工作报告.docx")
    assert all(f.value not in (1042, 1200, 500) for f in _find(gansu, "gdp", "actual"))
    jilin = _facts(f"{PROVINCES_2026}/2026_吉林省_政府工作报告.csv")
    assert all(f.value != 1350 for f in _find(jilin, "general_budget_revenue", "actual"))
    assert not _find(jilin, "good_air_days_ratio", "actual")  # 地级及以上城市…


def test_qualitative_targets() -> None:
    jiangsu = _facts(f"{PROVINCES_2025}/2025年江苏省政府工作报告.docx")
    (grain,) = _find(jiangsu, "grain_output", "target")
    assert (grain.value, grain.text) == (None, "保持稳定")
    hunan = _facts(f"{PROVINCES_2025}/2025年湖南省政府工作报告.docx")
    (cpi,) = _find(hunan, "cpi_growth", "target")
    assert (cpi.value, cpi.text) == (None, "与全国一致")


def test_old_reports_give_historical_indicators() -> None:
    """1950s–1980s reports: 工农业总产值, 国民收入, years in Chinese numerals, 这两年中 spans."""
    national = "corpus/national/government_work_reports.jsonl"
    r1956 = _facts(national, 60)
    assert (1955, 6.6, None) in _values(r1956, "industrial_agricultural_output_growth", "actual")
    assert (1956, 3989, None) in _values(r1956, "grain_output", "target")  # 3，989亿斤
    r1985 = _facts(national, 45)
    assert (1984, 12, None) in _values(r1985, "national_income_growth", "actual")
    assert (1984, 12, None) in _values(r1985, "fiscal_revenue_growth", "actual")
    assert not _find(r1985, "gdp_growth", "actual")  # 国民收入 is not GDP
    r1959 = _facts(national, 57)
    assert (1958, 2050, None) in _values(r1959, "industrial_agricultural_output", "actual")
    r1979 = _facts(national, 51)
    assert not _find(r1979, "fiscal_revenue_growth", "actual")  # 这两年中…增长44.4%


def test_five_year_comparison_is_not_annual_growth() -> None:
    """2005年与2000年相比，国内生产总值增长57.3% is not the 2005 growth (9.9% is)."""
    facts = _facts("corpus/national/government_work_reports.jsonl", 28)
    assert _values(facts, "gdp_growth", "actual") == [(2005, 9.9, None)]


NATIONAL = "corpus/national/government_work_reports.jsonl"


def test_a_later_year_named_makes_a_target_of_that_year() -> None:
    """一九九○年…达到 in the 1986 report, 到一九八五年，… in the 1982 one: plan targets of
    the year named, never dropped and never the report's own year."""
    r1986 = _facts(NATIONAL, 44)
    assert (1990, 11170, None) in _values(r1986, "gnp", "target")
    assert (1990, 16770, None) in _values(r1986, "industrial_agricultural_output", "target")
    r1982 = _facts(NATIONAL, 48)
    assert (1985, 855, None) in _values(r1982, "foreign_trade", "target")
    assert (1985, 8710, None) in _values(r1982, "industrial_agricultural_output", "target")
    assert not [f for f in r1982 if f.period is not None and f.period > 1987]


def test_plan_words_in_the_gap_give_a_target() -> None:
    """全国粮食产量计划达到三亿六千万吨: the plan's figure (7200 亿斤)."""
    assert (1985, 7200, None) in _values(_facts(NATIONAL, 48), "grain_output", "target")


def test_carried_total_with_the_same_head_noun() -> None:
    """…国内财政收入增加…，全年总收入达到一千八百二十九亿元: 总收入 is the fiscal revenue."""
    r1986 = _facts(NATIONAL, 44)
    assert _values(r1986, "fiscal_revenue", "actual") == [(1985, 1829, None)]


def test_a_paragraph_opening_on_a_year_dates_its_sentences() -> None:
    """——经济跨上新台阶。2007年，国内生产总值…；全国财政收入达到5.13万亿元 in a five-year
    review: 2007 levels; 产量 after 粮食 and a year (2007年产量) is the grain output."""
    r2008 = _facts(NATIONAL, 24)
    assert (2007, 51300, None) in _values(r2008, "fiscal_revenue", "actual")
    assert (2007, 10030, None) in _values(r2008, "grain_output", "actual")
    assert not _find(r2008, "fiscal_revenue_growth", "actual")  # 增长1.71倍 over five years


def test_arranged_deficit_is_the_whole_deficit() -> None:
    """今年拟安排财政赤字10500亿元，其中中央财政赤字8500亿元: the whole, not the part."""
    assert _values(_facts(NATIONAL, 20), "deficit", "target") == [(2010, 10500, None)]


def test_a_section_title_year_sets_the_period() -> None:
    """二、1981年国民经济计划的任务和主要指标 in the 1980 report: its figures are 1981 targets
    (粮食产量34，250万吨 with a full-width thousands comma; 进出口总额559亿元)."""
    r1980 = _facts(NATIONAL, 50)
    assert (1981, 6850, None) in _values(r1980, "grain_output", "target")
    assert (1981, 559, None) in _values(r1980, "foreign_trade", "target")
    assert not [f for f in r1980 if f.kind == "target" and f.period == 1980]


def test_the_level_reached_after_an_increment() -> None:
    """…又增产291亿斤，达到9680亿斤: the level, never the increment."""
    r2006 = _facts(NATIONAL, 28)
    assert _values(r2006, "grain_output", "actual") == [(2005, 9680, None)]
    assert (2005, 970, None) in _values(r2006, "urban_new_jobs", "actual")  # 就业人口


def test_a_deadline_dates_a_target_in_a_five_year_passage() -> None:
    """到1992年，…使国民生产总值达到15500亿元左右 (1988): the 1992 target; 国内财政收入 is
    the fiscal revenue."""
    r1988 = _facts(NATIONAL, 42)
    assert (1992, 15500, "approx") in _values(r1988, "gnp", "target")
    assert (1987, 2243.6, None) in _values(r1988, "fiscal_revenue", "actual")
    assert not _find(r1988, "gnp_growth", "target")  # 平均每年增长7.5%左右 over five years


def test_income_of_urban_and_rural_residents_keeps_pace() -> None:
    """城乡居民收入实际增长和经济增长保持同步 (2012): a qualitative income target."""
    (income,) = _find(_facts(NATIONAL, 16), "disposable_income_per_capita_growth", "target")
    assert (income.period, income.value, income.text) == (2012, None, "和经济增长保持同步")


def test_share_of_gdp_clause_names_the_ratio_of_its_subject() -> None:
    """全国财政赤字合计9500亿元，占国内生产总值比重在3%以内 (2009): the deficit and the
    deficit ratio; 研究与实验发展经费…，占国内生产总值比重从1.07%提高到1.49% (2008): R&D
    intensity reached (and, in the five-year review, its 2002 starting point), never the GDP."""
    r2009 = _facts(NATIONAL, 22)
    assert (2009, 9500, None) in _values(r2009, "deficit", "target")
    assert _values(r2009, "deficit_ratio", "target") == [(2009, 3, "max")]
    assert not [f for f in r2009 if f.indicator == "gdp" and f.value in (3, 20)]
    r2008 = _facts(NATIONAL, 24)
    rd = sorted(_values(r2008, "rd_intensity", "actual"))
    assert rd == [(2002, 1.07, None), (2007, 1.49, None)]


def test_a_plan_word_before_the_metric_makes_a_target() -> None:
    """今年计划国内生产总值增长百分之九 (1994); 工农业总产值，比1980年预计增长5.5% under
    the 1981 plan heading (1980)."""
    assert _values(_facts(NATIONAL, 39), "gdp_growth", "target") == [(1994, 9, None)]
    r1980 = _facts(NATIONAL, 50)
    assert (1981, 5.5, None) in _values(r1980, "industrial_agricultural_output_growth", "target")


def test_the_end_of_from_to_after_an_increment() -> None:
    """全国粮食总产量，在过去四年中共增加了一千九百零五亿斤，即从一九五五年的…，增加到了一九五九年
    的五千四百零一亿斤 (1960): the 1959 level only; 比上一年增长百分之八点六 continues the
    1958 foreign-trade target."""
    assert _values(_facts(NATIONAL, 56), "grain_output", "actual") == [(1959, 5401, None)]
    assert (1958, 8.6, None) in _values(_facts(NATIONAL, 58), "foreign_trade_growth", "target")


def test_bare_grain_opening_a_clause_and_the_first_year_of_a_comparison() -> None:
    """根据预计，一九五七年比一九五六年，粮食增加了五十亿斤，达到三千七百亿斤 (1958): the
    estimated 1957 grain output, never the increment."""
    r1958 = _facts(NATIONAL, 58)
    (grain,) = _find(r1958, "grain_output", "actual")
    assert (grain.period, grain.value, grain.estimated) == (1957, 3700, True)


def test_a_background_clause_does_not_break_a_continuation() -> None:
    """工农业总产值突破一万亿元，在1979到1983年平均每年递增7.9%的基础上，比上年增长14.2% (1985):
    the 1984 growth is 14.2, and the background average is nobody's 1984 value."""
    r1985 = _facts(NATIONAL, 45)
    growth = _values(r1985, "industrial_agricultural_output_growth", "actual")
    assert (1984, 14.2, None) in growth and (1984, 7.9, None) not in growth


def test_topic_clauses_take_the_metric_named_before_them() -> None:
    """工农业总产值的增长速度，一九八一年计划为百分之三点七，实际达到百分之四点六；一九八二年
    计划为百分之四，预计可以达到百分之六点四 (1982): each year clause takes the topic."""
    r1982 = _facts(NATIONAL, 48)
    growth = "industrial_agricultural_output_growth"
    assert (1981, 3.7, None) in _values(r1982, growth, "target")
    assert (1982, 4, None) in _values(r1982, growth, "target")
    actual = {(f.period, f.value, f.estimated) for f in _find(r1982, growth, "actual")}
    assert {(1981, 4.6, False), (1982, 6.4, True)} <= actual


def test_comparison_base_with_its_value_is_that_years_level() -> None:
    """比一九五二年的八百二十七亿一千万元增长百分之六十八 (1959): 827.1 is the 1952 level and
    68% a five-year change, never an annual growth; 比一九五七年的…增长百分之六十五 is 1958's
    growth; 一九五九年的工农业总产值将比一九五八年的…增长百分之四十，达到… the 1959 plan."""
    r1959 = _facts(NATIONAL, 57)
    level = _values(r1959, "industrial_agricultural_output", "actual")
    assert {(1952, 827.1, None), (1958, 2050, None)} <= set(level)
    growth = _values(r1959, "industrial_agricultural_output_growth", "actual")
    assert (1958, 65, None) in growth
    assert all(value != 68 for _, value, _ in growth)
    assert (1959, 2870, None) in _values(r1959, "industrial_agricultural_output", "target")
    assert (1959, 40, None) in _values(r1959, "industrial_agricultural_output_growth", "target")


def test_five_year_plan_section_keeps_only_dated_targets() -> None:
    """“十二五”时期的主要目标 (2011): 2015年国内生产总值将超过55万亿元 is a 2015 target; five-year
    totals and cuts (五年城镇新增就业4500万人, 能耗降低16%) are never 2011 targets."""
    r2011 = _facts(NATIONAL, 18)
    assert (2015, 550000, "min") in _values(r2011, "gdp", "target")
    assert all(f.period != 2011 for f in _find(r2011, "energy_intensity_reduction", "target"))
    assert (2011, 4500, None) not in _values(r2011, "urban_new_jobs", "target")
    assert (2011, 900, "min") in _values(r2011, "urban_new_jobs", "target")


def test_start_of_from_to_with_its_year() -> None:
    """财政收入从3.16万亿元增加到8.31万亿元 in the 十一五 review (2011): 2005 and 2010 levels;
    粮食…，去年达到1.09万亿斤: the level reached last year."""
    r2011 = _facts(NATIONAL, 18)
    assert {(2005, 31600, None), (2010, 83100, None)} <= set(
        _values(r2011, "fiscal_revenue", "actual")
    )
    assert (2010, 10900, None) in _values(r2011, "grain_output", "actual")


def test_record_words_and_spaced_years() -> None:
    """…都创造了近五年来的最高水平 is a record, not a five-year passage (2000: 财政收入…达到
    11377亿元 is 1999's); 1 9 9 7 年粮食产量达到4 9 2 5 0 万吨 (1998) is dated by its
    spaced-out year."""
    assert (1999, 11377, None) in _values(_facts(NATIONAL, 34), "fiscal_revenue", "actual")
    assert (1997, 9850, None) in _values(_facts(NATIONAL, 36), "grain_output", "actual")


def test_a_narrower_measure_named_before_the_metric_gives_nothing() -> None:
    """扣除房地产开发投资后，固定资产投资增长2.7% (甘肃 2026) is another measure."""
    gansu = _facts(f"{PROVINCES_2026}/2026_甘肃省_政府工作报告.csv")
    assert (2025, 2.7, None) not in _values(gansu, "fixed_asset_investment_growth", "actual")


def test_list_items_after_a_colon_lead_take_its_year() -> None:
    """…一九五七年的计划产量…如下列： then 粮食：达到三千八百五十六亿斤 (1955): the first
    five-year plan's 1957 target; 五年合计…为X，其中一九八五年为Y (1982): Y is 1985's."""
    assert (1957, 3856, None) in _values(_facts(NATIONAL, 61), "grain_output", "target")
    r1982 = _facts(NATIONAL, 48)
    revenue = _values(r1982, "fiscal_revenue", "target")
    assert (1985, 1274, None) in revenue
    assert all(value != 5953 for _, value, _ in revenue)


def test_a_sentence_that_only_dates_a_value_continues_the_metric_before_it() -> None:
    """我国的粮食总产量，…一九三六年，只有二千七百七十四亿斤。在…的一九五二年，也还只有三千零
    八十八亿斤。经过…的努力，一九五七年才达到了三千七百亿斤。(1959) and …财政赤字三十亿元左右。
    一九八一年实际执行结果为二十五亿元。(1982): each later sentence carries the metric; a
    sentence naming its own subject does not (钢产量六千万吨 is never grain)."""
    grain = _values(_facts(NATIONAL, 57), "grain_output", "actual")
    assert {(1936, 2774, None), (1952, 3088, None), (1957, 3700, None)} <= set(grain)
    assert (1981, 25, None) in _values(_facts(NATIONAL, 48), "deficit", "actual")
    assert all(v != 3000 for _, v, _ in _values(_facts(NATIONAL, 57), "grain_output", "target"))


def test_a_list_of_dated_starting_points() -> None:
    """财政赤字从1979年的一百七十亿元、1980年的一百二十七亿元，预计降低到今年的二十七亿元 (1981):
    both starting points are their years' levels and the end value this year's estimate."""
    facts = _find(_facts(NATIONAL, 49), "deficit", "actual")
    deficit = {(f.period, f.value, f.estimated) for f in facts}
    assert {(1979, 170, False), (1980, 127, False), (1981, 27, True)} <= deficit


def test_a_ten_year_plan_reaches_further_than_five_years() -> None:
    """接照十年规划，到一九八五年，粮食产量达到八千亿斤 (1978): a 1985 target seven years ahead."""
    assert (1985, 8000, None) in _values(_facts(NATIONAL, 52), "grain_output", "target")


def test_growth_noun_before_from_to_and_a_target_after_a_comma() -> None:
    """固定资产投资增长幅度由上年的百分之五十八点六回落到百分之二十七点八 (1995): 1994's growth,
    and 1993's as the starting point; 今年经济增长速度的宏观调控目标，定为百分之八至九: the 1995
    target."""
    r1995 = _facts(NATIONAL, 38)
    growth = _values(r1995, "fixed_asset_investment_growth", "actual")
    assert {(1994, 27.8, None), (1993, 58.6, None)} <= set(growth)
    assert (1995, 8, None) in _values(r1995, "gdp_growth", "target")


def test_a_framing_clause_before_the_value() -> None:
    """工农业生产总值不仅没有下降，而且将比上年增长3%以上 (1981, reported in December after
    …计划预计可以胜利完成): this year's estimated growth; 固定资产投资完成额实现…以来最好成绩，
    同比增长12.2% (seed 003): a record clause does not part the metric from its growth."""
    r1981 = _facts(NATIONAL, 49)
    growth = [
        (f.period, f.value, f.bound, f.estimated)
        for f in _find(r1981, "industrial_agricultural_output_growth", "actual")
    ]
    assert (1981, 3, "min", True) in growth
    seed_facts = _facts("seeds/003_cd0a21e123bf8728.txt")
    seed = _values(seed_facts, "fixed_asset_investment_growth", "actual")
    assert (2023, 12.2, None) in seed


def test_an_intensity_is_never_the_metric_it_is_measured_by() -> None:
    """单位生产总值能耗累计下降14%, 单位生产总值二氧化碳排放量进一步下降 (上海 2026): the energy
    intensity is a catalog name of its own, and no GDP value is read from either."""
    from baogao.extract.catalog import find_mentions

    text = "单位生产总值能耗累计下降14%"
    (mention,) = find_mentions(text)
    assert mention.family.growth == "energy_intensity_reduction"
    from baogao.extract.facts import _modifies_next_noun

    doc = _doc(f"{PROVINCES_2026}/2026_上海市_政府工作报告.csv")
    at = doc.text.index("单位生产总值二氧化碳排放量进一步下降")
    gdp = [m for m in find_mentions(doc.text, at, at + 18) if m.family.level == "gdp"]
    assert gdp and all(_modifies_next_noun(doc.text, m) for m in gdp)


def test_the_exact_figure_after_a_milestone_of_the_same_clause() -> None:
    """地区生产总值突破3万亿元、达3.6万亿元 (江西 2026): the level is 3.6万亿元, never 3万亿元."""
    jiangxi = _values(_facts(f"{PROVINCES_2026}/2026_江西省_政府工作报告.csv"), "gdp", "actual")
    assert (2025, 36000, None) in jiangxi
    assert (2025, 30000, "min") not in jiangxi


def test_a_rate_a_five_year_plan_reaches_is_a_target_of_its_last_year() -> None:
    """二、“十二五”时期的主要目标和任务 (2011): 研究与试验发展经费支出占国内生产总值比重达到2.2%
    is the 2015 target; a five-year cut (能耗降低16%) or total is never dated so."""
    r2011 = _facts(NATIONAL, 18)
    assert (2015, 2.2, None) in _values(r2011, "rd_intensity", "target")
    assert all(f.period != 2015 for f in _find(r2011, "energy_intensity_reduction", "target"))
    assert all(f.period != 2015 for f in _find(r2011, "urban_new_jobs", "target"))


def test_sentences_are_split_right_when_texts_alternate() -> None:
    """``iter_sentences`` keeps the sentences of the last text split: another text, or the
    same span of a text read again, gives its own sentences."""
    from baogao.extract.periods import iter_sentences

    a = "全年地区生产总值增长5.2%。 城镇新增就业12万人；居民收入增长5%！"
    b = "粮食产量稳定。今年预期目标是：增长5%左右？"

    def split(text: str, start: int = 0, end: int | None = None) -> list[str]:
        stop = len(text) if end is None else end
        return [text[s.start:s.end] for s in iter_sentences(text, start, stop)]

    first = split(a)
    assert first == ["全年地区生产总值增长5.2%。", "城镇新增就业12万人；", "居民收入增长5%！"]
    assert split(b) == ["粮食产量稳定。", "今年预期目标是：增长5%左右？"]
    assert split(a) == first
    assert split("".join(list(a))) == first  # an equal text that is another object
    assert split(a, a.index("城镇")) == ["城镇新增就业12万人；", "居民收入增长5%！"]
