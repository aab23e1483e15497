"""Catalog facts in the wording of city, county and district reports never seen here (issue 9;
measured by benchmarks/fresh_pages.py on annotated public excerpts kept outside the
repository): a real tune report's results sentence rewritten into each shape."""

from __future__ import annotations

import random
from pathlib import Path

from conftest import SEEDS, rewritten_report

from baogao.extract import extract_facts
from baogao.models import Fact
from baogao.pipeline import build_document
from baogao.read import read_file

XICHENG_2023 = SEEDS / "000_b5713cac4734963f.txt"
#: the results sentence of the 2023 report, reviewing 2022
RESULTS = "一般公共预算收入扣除留抵退税后、同口径增长5.6%,"


def _facts(tmp_path: Path, new: str, old: str = RESULTS) -> list[Fact]:
    """The catalog facts of the report with ``old`` replaced once by ``new``."""
    doc = rewritten_report(XICHENG_2023, tmp_path, (old, new))
    return [f for f in extract_facts(doc) if f.indicator and not f.open_vocabulary]


def _got(facts: list[Fact], *indicators: str) -> set[tuple[str | None, float | None]]:
    return {(f.indicator, f.value) for f in facts
            if f.indicator in indicators and f.period == 2022 and f.kind == "actual"}


def test_local_public_finance_budget_revenue_is_the_general_budget_revenue(
    tmp_path: Path,
) -> None:
    for name in ("地方公共财政预算收入", "地方公共财政收入"):
        facts = _facts(tmp_path, f"{name}320.5亿元,增长5.6%,")
        assert _got(facts, "general_budget_revenue", "general_budget_revenue_growth") == {
            ("general_budget_revenue", 320.5), ("general_budget_revenue_growth", 5.6)}, name


def test_growth_list_after_a_respectively_list_of_levels(tmp_path: Path) -> None:
    for joint in ("增长", "分别增长"):
        facts = _facts(tmp_path, f"财政总收入和一般公共预算收入分别达到512.3亿元、320.5亿元,"
                                 f"{joint}7.1%、5.6%,")
        assert _got(facts, "fiscal_revenue", "fiscal_revenue_growth", "general_budget_revenue",
                    "general_budget_revenue_growth") == {
            ("fiscal_revenue", 512.3), ("general_budget_revenue", 320.5),
            ("fiscal_revenue_growth", 7.1), ("general_budget_revenue_growth", 5.6)}, joint
    # one rate for two metrics: whose it is is unsaid, so none is read
    facts = _facts(tmp_path, "财政总收入和一般公共预算收入分别达到512.3亿元、320.5亿元,增长5.6%,")
    assert not _got(facts, "fiscal_revenue_growth", "general_budget_revenue_growth")


def test_second_name_of_a_pair_sharing_the_first_ones_head(tmp_path: Path) -> None:
    facts = _facts(tmp_path,
                   "一般公共预算收入和支出分别达到320.5亿元、410.2亿元,分别增长5.6%、3.2%,")
    assert _got(facts, "general_budget_revenue", "general_budget_expenditure",
                "general_budget_revenue_growth") == {
        ("general_budget_revenue", 320.5), ("general_budget_expenditure", 410.2),
        ("general_budget_revenue_growth", 5.6)}
    # the word after the joiner goes on into another noun: no second metric
    facts = _facts(tmp_path, "一般公共预算收入和支出结构持续优化,收入达到320.5亿元,")
    assert not _got(facts, "general_budget_expenditure")


def test_a_rate_per_unit_of_something_is_never_a_level(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "粮食单产达到493.5公斤/亩,粮食总产达到161.3亿斤,")
    assert [f.value for f in facts if f.indicator == "grain_output"] == [161.3]


def test_growth_word_opening_a_clause_carries_the_metric_just_named(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "外贸进出口实现恢复性增长,增速达到3.8%,")
    assert _got(facts, "foreign_trade_growth") == {("foreign_trade_growth", 3.8)}
    # a value in between, or a clause of its own: the rate may be another's
    for said in ("外贸进出口总额达到120亿元,增幅高于全省2.5%,",
                 "外贸进出口实现恢复性增长,结构优化,增速达到3.8%,"):
        assert not _got(_facts(tmp_path, said), "foreign_trade_growth"), said


def test_a_rate_at_a_low_level_is_still_the_rate(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "城镇调查失业率稳定在5%左右的较低水平,")
    assert _got(facts, "surveyed_unemployment_rate") == {("surveyed_unemployment_rate", 5.0)}
    # …but a value describing another noun is still not the metric's
    facts = _facts(tmp_path, "一般公共预算收入超过300亿元的街道达到3个,")
    assert not _got(facts, "general_budget_revenue")


def test_a_background_clause_governs_nothing_after_it(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "在抗御60多年来最严重干旱的情况下,全年粮食总产达到161.3亿斤,")
    assert _got(facts, "grain_output") == {("grain_output", 161.3)}
    # a multi-year word opening the sentence on its own still governs it
    facts = _facts(tmp_path, "三年来累计,全年粮食总产达到161.3亿斤,")
    assert not _got(facts, "grain_output")


def test_ragged_hard_wrap_of_a_short_excerpt_is_rejoined(tmp_path: Path) -> None:
    """An excerpt copied out of a PDF whose wrapped lines vary in width (33 to 38 characters)
    and are too few to share one: a line cut inside a sentence goes on in the next."""
    raw = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    lines = raw.split("\n")[:12]
    cut_at = lines[7].index("地区生产总值") + 4  # 地区生产 / 总值实现5700.1亿元
    rng = random.Random(3)
    wrapped: list[str] = []
    for i, line in enumerate(lines):
        pos = 0
        while len(line) - pos > 40:
            step = rng.randint(33, 38)
            if i == 7 and pos + step - 4 <= cut_at <= pos + step:
                step = cut_at - pos
            wrapped.append(line[pos : pos + step])
            pos += step
        wrapped.append(line[pos:])
    clean_file, wrapped_file = tmp_path / "clean.txt", tmp_path / "wrapped.txt"
    clean_file.write_text("\n".join(lines), "utf-8")
    wrapped_file.write_text("\n".join(wrapped), "utf-8")
    assert "地区生产\n总值实现" in wrapped_file.read_text("utf-8")
    docs = [build_document(read_file(p, p.name)[0]) for p in (clean_file, wrapped_file)]
    assert "全区地区生产总值实现5700.1亿元" in docs[1].text
    got = [{(f.indicator, f.kind, f.period, f.value) for f in extract_facts(d)
            if f.indicator and not f.open_vocabulary} for d in docs]
    assert ("gdp", "actual", 2022, 5700.1) in got[0]
    assert got[1] == got[0]
    # the heading lines of the excerpt stay lines of their own
    assert "\n一、2022年工作回顾\n" in docs[1].text


def test_a_bracketed_gloss_or_footnote_after_the_name_is_a_note(tmp_path: Path) -> None:
    for said in ("地区生产总值（GDP）实现612.3亿元,", "地区生产总值(GDP)实现612.3亿元,",
                 "地区生产总值[1]612.3亿元,", "地区生产总值[注2]612.3亿元,"):
        facts = _facts(tmp_path, said, "全区地区生产总值实现5700.1亿元,")
        assert _got(facts, "gdp") == {("gdp", 612.3)}, said


def test_a_stray_space_inside_the_continuation(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "全区地区生产总值实现5700.1亿元,同 比增长4.1%,",
                   "全区地区生产总值实现5700.1亿元,同比增长4.1%,")
    assert _got(facts, "gdp_growth") == {("gdp_growth", 4.1)}


def test_closing_respectively_clause_gives_each_metric_its_rate(tmp_path: Path) -> None:
    old = "全区地区生产总值实现5700.1亿元,同比增长4.1%," + RESULTS
    said = ("全区地区生产总值实现5700.1亿元,全社会固定资产投资突破900亿元,地方财政收入达506.3亿元,"
            "分别增长4.1%、12%、5.6%,")
    facts = _facts(tmp_path, said, old)
    assert _got(facts, "gdp_growth", "fixed_asset_investment_growth", "fiscal_revenue_growth") == {
        ("gdp_growth", 4.1), ("fixed_asset_investment_growth", 12.0),
        ("fiscal_revenue_growth", 5.6)}
    # as many rates as metrics, and no metric with a rate of its own already
    for said in ("全区地区生产总值实现5700.1亿元,地方财政收入达506.3亿元,分别增长4.1%、12%、5.6%,",
                 "全区地区生产总值实现5700.1亿元,增长3%,地方财政收入达506.3亿元,分别增长4.1%、5.6%,"):
        facts = _facts(tmp_path, said, old)
        assert not _got(facts, "fiscal_revenue_growth"), said


def test_level_reached_after_a_rate_joined_by_a_list_mark(tmp_path: Path) -> None:
    old = "全区地区生产总值实现5700.1亿元,同比增长4.1%,"
    facts = _facts(tmp_path, "全区地区生产总值年均增长4.1%、2022年达到5700.1亿元,", old)
    assert _got(facts, "gdp") == {("gdp", 5700.1)}
    # a value another noun reaches after the mark is not the metric's
    facts = _facts(tmp_path, "全区地区生产总值年均增长4.1%、服务业增加值达到5700.1亿元,", old)
    assert not _got(facts, "gdp")


def test_the_amount_of_the_change_between_a_level_and_its_rate(tmp_path: Path) -> None:
    old = "全区地区生产总值实现5700.1亿元,同比增长4.1%,"
    facts = _facts(tmp_path, "全区地区生产总值实现5700.1亿元,比上年增加300亿元,增长4.1%,", old)
    assert _got(facts, "gdp", "gdp_growth") == {("gdp", 5700.1), ("gdp_growth", 4.1)}
    # the amount itself is no level of the metric
    facts = _facts(tmp_path, "全区地区生产总值实现5700.1亿元,比上年增加300亿元,", old)
    assert _got(facts, "gdp") == {("gdp", 5700.1)}


def test_lead_in_subject_for_a_clause_opening_the_sentence(tmp_path: Path) -> None:
    old = "全区地区生产总值实现5700.1亿元,同比增长4.1%," + RESULTS
    facts = _facts(tmp_path, "\n——经济发展稳中向好。全年增长4.1%、总量达5700.1亿元。\n", old)
    assert _got(facts, "gdp", "gdp_growth") == {("gdp", 5700.1), ("gdp_growth", 4.1)}


def test_share_of_the_budget_between_a_level_and_its_rate(tmp_path: Path) -> None:
    for said in ("一般公共预算收入完成320.5亿元,为预算的102%,增长5.6%,",
                 "一般公共预算收入完成320.5亿元,为年初预算的102%,同比增长5.6%,"):
        facts = _facts(tmp_path, said)
        assert _got(facts, "general_budget_revenue", "general_budget_revenue_growth") == {
            ("general_budget_revenue", 320.5), ("general_budget_revenue_growth", 5.6)}, said


def test_continuation_clauses_of_city_reports(tmp_path: Path) -> None:
    old = "全区地区生产总值实现5700.1亿元,同比增长4.1%,"
    for joint in ("增长率为", "年增长", "按可比价计算比上年增长", "按可比价格计算同比增长"):
        facts = _facts(tmp_path, f"全区地区生产总值实现5700.1亿元,{joint}4.1%,", old)
        assert _got(facts, "gdp_growth") == {("gdp_growth", 4.1)}, joint
    # a yearly average over several years is still not the year's rate
    facts = _facts(tmp_path, "全区地区生产总值实现5700.1亿元,年均增长4.1%,", old)
    assert not _got(facts, "gdp_growth")


def test_a_town_or_zone_of_the_region_is_never_the_region(tmp_path: Path) -> None:
    old = "全区地区生产总值实现5700.1亿元,同比增长4.1%,"
    for said in ("城关镇实现地区生产总值52.3亿元,增长8%,", "经开区实现地区生产总值52.3亿元,增长8%,",
                 "新城街道全年完成地区生产总值52.3亿元,增长8%,"):
        facts = _facts(tmp_path, said, old)
        assert not _got(facts, "gdp", "gdp_growth"), said
    # 城乡 is the whole region's town and country, not a 乡
    facts = _facts(tmp_path, "城乡居民收入增长8%,", old)
    assert ("disposable_income_per_capita_growth", 8.0) in _got(
        facts, "disposable_income_per_capita_growth")


def test_the_older_name_of_the_general_budget_revenue(tmp_path: Path) -> None:
    # 一般预算收入, before the 2014 budget law renamed it 一般公共预算收入
    for name in ("地方财政一般预算收入", "财政一般预算收入", "一般预算收入"):
        facts = _facts(tmp_path, f"{name}320.5亿元,增长5.6%,")
        assert _got(facts, "general_budget_revenue", "general_budget_revenue_growth") == {
            ("general_budget_revenue", 320.5), ("general_budget_revenue_growth", 5.6)}, name


#: the whole results sentence of the 2023 report
RESULTS_SENTENCE = ("全区地区生产总值实现5700.1亿元,同比增长4.1%,一般公共预算收入扣除留抵退税后、"
                    "同口径增长5.6%,居民人均可支配收入同比增长2.4%。")


def _estimates(facts: list[Fact]) -> dict[str | None, bool]:
    return {f.indicator: f.estimated for f in facts if f.period == 2022 and f.kind == "actual"
            and f.indicator in ("gdp", "gdp_growth", "general_budget_revenue_growth",
                                "disposable_income_per_capita_growth")}


def test_a_same_below_note_carries_an_estimate_over_the_paragraph(tmp_path: Path) -> None:
    said = ("预计全区地区生产总值实现5700.1亿元,比上年增长4.1%{note}。一般公共预算收入增长5.6%,"
            "居民人均可支配收入增长2.4%。")
    facts = _facts(tmp_path, said.format(note="(下同)"), RESULTS_SENTENCE)
    assert _estimates(facts) == {"gdp": True, "gdp_growth": True,
                                 "general_budget_revenue_growth": True,
                                 "disposable_income_per_capita_growth": True}
    # without the note the estimate ends with its sentence
    facts = _facts(tmp_path, said.format(note=""), RESULTS_SENTENCE)
    assert _estimates(facts) == {"gdp": True, "gdp_growth": True,
                                 "general_budget_revenue_growth": False,
                                 "disposable_income_per_capita_growth": False}


def test_a_same_below_note_between_a_metric_and_its_rate(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "预计全区地区生产总值同比(下同)增长4.1%。一般公共预算收入下降5.6%。",
                   RESULTS_SENTENCE)
    wanted = ("gdp_growth", "general_budget_revenue_growth")
    assert {(f.indicator, f.value, f.estimated) for f in facts if f.period == 2022
            and f.kind == "actual" and f.indicator in wanted} == {
        ("gdp_growth", 4.1, True), ("general_budget_revenue_growth", -5.6, True)}


def _news_page(tmp_path: Path, *pairs: tuple[str, str]) -> list[Fact]:
    """The catalog facts of a news page retelling the 2023 report: a lead on the opening
    session, then the report's results paragraph with each (old, new) replaced; no headings."""
    raw = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    start = raw.index("刚刚过去的2022年")
    paragraph = raw[start : raw.index("\n", start)]
    for old, new in pairs:
        assert old in paragraph, old
        paragraph = paragraph.replace(old, new, 1)
    lead = ("发布时间:2023-01-05\n西城区第十七届人民代表大会第三次会议开幕\n"
            "1月4日,北京市西城区第十七届人民代表大会第三次会议开幕。"
            "区长刘东伟代表区人民政府向大会作政府工作报告。\n")
    out = tmp_path / "news.txt"
    out.write_text(lead + paragraph + "\n", "utf-8")
    doc = build_document(read_file(out, out.name)[0])
    assert not doc.sections and doc.year == 2023
    return [f for f in extract_facts(doc) if f.indicator and not f.open_vocabulary]


def test_news_page_without_headings_dates_values_by_the_year_its_paragraph_names(
    tmp_path: Path,
) -> None:
    facts = _news_page(tmp_path, ("刚刚过去的2022年", "报告指出:2022年"),
                       ("较好完成了", "取得了好于预期的成绩,较好完成了"))
    assert _got(facts, "gdp", "gdp_growth") == {("gdp", 5700.1), ("gdp_growth", 4.1)}
    assert not [f for f in facts if f.kind == "target" or f.estimated]
    # a paragraph naming no year dates nothing
    facts = _news_page(tmp_path, ("刚刚过去的2022年,", ""))
    assert not _got(facts, "gdp", "gdp_growth")
    # the plan after the year reviewed is not that year's: 今年… and 报告提出，全区将…
    last = "居民人均可支配收入同比增长2.4%。"
    for plan in ("今年全区地区生产总值增长4%左右。",
                 "报告提出,全区将加快发展,地区生产总值增长4%左右。"):
        facts = _news_page(tmp_path, ("刚刚过去的2022年", "报告指出:2022年"), (last, last + plan))
        assert _got(facts, "gdp_growth") == {("gdp_growth", 4.1)}, plan


def test_care_of_sign_printed_for_a_percent_sign(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "全区地区生产总值实现5700.1亿元,同比增长4.1℅,", "全区地区生产总值实现"
                   "5700.1亿元,同比增长4.1%,")
    assert _got(facts, "gdp_growth") == {("gdp_growth", 4.1)}


def test_rank_and_change_amount_between_a_level_and_its_growth(tmp_path: Path) -> None:
    old = "全区地区生产总值实现5700.1亿元,同比增长4.1%,"
    for said in ("全区地区生产总值实现5700.1亿元,居全市第1位,同比增长4.1%,",
                 "全区地区生产总值实现5700.1亿元,比上年增收220亿元,同比增长4.1%,"):
        facts = _facts(tmp_path, said, old)
        assert _got(facts, "gdp", "gdp_growth") == {("gdp", 5700.1), ("gdp_growth", 4.1)}, said


#: the targets sentence of the 2023 report
TARGETS = ("经济社会发展主要预期目标是:地区生产总值增长4%左右;一般公共预算收入增长4%;"
           "登记失业率控制在3.5%以内;")


def _targets(facts: list[Fact]) -> set[tuple[str | None, float | None]]:
    return {(f.indicator, f.value) for f in facts if f.kind == "target" and f.period == 2023
            and f.indicator in ("gdp_growth", "general_budget_revenue_growth")}


def test_targets_listed_as_numbered_or_dashed_items(tmp_path: Path) -> None:
    for first, second in (("1.", "2."), ("(1)", "(2)"), ("①", "②"), ("——", "——")):
        said = f"主要预期目标:{first}地区生产总值增长6%左右;{second}一般公共预算收入增长5%;"
        assert _targets(_facts(tmp_path, said, TARGETS)) == {
            ("gdp_growth", 6.0), ("general_budget_revenue_growth", 5.0)}, first


def test_target_word_between_the_metric_and_its_growth(tmp_path: Path) -> None:
    said = "地区生产总值目标为增长6%左右;一般公共预算收入预期增长5%;"
    assert _targets(_facts(tmp_path, said, TARGETS)) == {
        ("gdp_growth", 6.0), ("general_budget_revenue_growth", 5.0)}


def test_a_statistical_forecast_is_an_estimate(tmp_path: Path) -> None:
    said = RESULTS_SENTENCE.replace("全区", "据统计预测,全区", 1)
    facts = _facts(tmp_path, said, RESULTS_SENTENCE)
    assert _estimates(facts) == {"gdp": True, "gdp_growth": True,
                                 "general_budget_revenue_growth": True,
                                 "disposable_income_per_capita_growth": True}


def test_growth_net_of_prices_and_the_short_name_of_investment(tmp_path: Path) -> None:
    old = "全区地区生产总值实现5700.1亿元,同比增长4.1%,"
    for said in ("全区地区生产总值实现5700.1亿元,扣除价格因素增长4.1%,",
                 "全区地区生产总值实现5700.1亿元,剔除价格因素后实际增长4.1%,"):
        assert _got(_facts(tmp_path, said, old), "gdp", "gdp_growth") == {
            ("gdp", 5700.1), ("gdp_growth", 4.1)}, said
    facts = _facts(tmp_path, "全区地区生产总值实现5700.1亿元,同比增长4.1%,固投增长8.5%,", old)
    assert _got(facts, "fixed_asset_investment_growth") == {("fixed_asset_investment_growth", 8.5)}
