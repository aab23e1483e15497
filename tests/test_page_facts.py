"""Catalog facts in the shapes of report pages never seen here (issue 9, round 9; measured by
benchmarks/fresh_pages.py on annotated public excerpts kept outside the repository): the
西城区 2023 report of the seeds, its sentences rewritten or laid out in each shape."""

from __future__ import annotations

from pathlib import Path

from conftest import NATIONAL, SEEDS, headless_page, rewritten_report

from baogao.extract import extract_facts, find_mentions
from baogao.extract.numbers import find_quantities
from baogao.models import Document, Fact
from baogao.pipeline import build_document
from baogao.read import read_file

XICHENG_2023 = SEEDS / "000_b5713cac4734963f.txt"
RESULTS = "全区地区生产总值实现5700.1亿元,同比增长4.1%,"
#: the report's opening lines (title, byline, speaker): a page of the 2023 report of 西城区
#: the report's targets for 2023, as its plan states them
TARGETS = "地区生产总值增长4%左右;一般公共预算收入增长4%;登记失业率控制在3.5%以内。"


def _catalog(doc: Document) -> list[Fact]:
    return [f for f in extract_facts(doc) if f.indicator and not f.open_vocabulary]


def _keys(facts: list[Fact]) -> set[tuple[str | None, str, int | None, float | None]]:
    return {(f.indicator, f.kind, f.period, f.value) for f in facts}


def test_own_region_name_before_a_metric_keeps_it_the_subject(tmp_path: Path) -> None:
    for name in ("西城区", "西城"):
        doc = rewritten_report(XICHENG_2023, tmp_path,
                               (RESULTS, f"{name}地区生产总值实现5700.1亿元,同比增长4.1%,"))
        assert {("gdp", "actual", 2022, 5700.1), ("gdp_growth", "actual", 2022, 4.1)} <= _keys(
            _catalog(doc)), name
    # another region's name: its figure, not the report's
    doc = rewritten_report(XICHENG_2023, tmp_path,
                           (RESULTS, "东城区地区生产总值实现5700.1亿元,同比增长4.1%,"))
    assert not any(f.indicator == "gdp" and f.value == 5700.1 for f in _catalog(doc))


def test_year_headline_dates_the_paragraphs_after_it(tmp_path: Path) -> None:
    # the report's results sentence: a paragraph too long to be an item of a list
    results = ("全区地区生产总值实现5700.1亿元,同比增长4.1%,一般公共预算收入扣除留抵退税后、"
               "同口径增长5.6%,居民人均可支配收入同比增长2.4%。\n")
    doc = headless_page(tmp_path, "区长作政府工作报告,报告显示了去年和今年的亮点。2022年:\n"
                        + results + "2023年:\n" + TARGETS + "\n")
    assert _keys(_catalog(doc)) == {
        ("gdp", "actual", 2022, 5700.1), ("gdp_growth", "actual", 2022, 4.1),
        ("general_budget_revenue_growth", "actual", 2022, 5.6),
        ("disposable_income_per_capita_growth", "actual", 2022, 2.4),
        ("gdp_growth", "target", 2023, 4.0), ("general_budget_revenue_growth", "target", 2023, 4.0),
        ("registered_unemployment_rate", "target", 2023, 3.5)}
    # no headline: nothing dates the results, so none is read
    assert not _catalog(headless_page(tmp_path, results))


def test_target_headline_frames_the_paragraph_right_after_it(tmp_path: Path) -> None:
    doc = headless_page(tmp_path, "主要目标\n" + TARGETS + "\n全区地区生产总值增长4%左右。\n")
    facts = _catalog(doc)
    assert _keys(facts) == {("gdp_growth", "target", 2023, 4.0),
                            ("general_budget_revenue_growth", "target", 2023, 4.0),
                            ("registered_unemployment_rate", "target", 2023, 3.5)}
    assert all(TARGETS.startswith(f.evidence) or f.evidence in TARGETS for f in facts)


def _results(tmp_path: Path, new: str) -> set[tuple[str | None, str, int | None, float | None]]:
    return _keys(_catalog(rewritten_report(XICHENG_2023, tmp_path, (RESULTS, new))))


def test_bound_after_a_respective_list_holds_for_every_value(tmp_path: Path) -> None:
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        "地区生产总值增长4%左右;一般公共预算收入增长4%;",
        "地区生产总值和一般公共预算收入分别增长4%和5%左右;"))
    bounds = {(f.indicator, f.value, f.bound) for f in _catalog(doc) if f.kind == "target"}
    assert {("gdp_growth", 4.0, "approx"),
            ("general_budget_revenue_growth", 5.0, "approx")} <= bounds
    # without 分别 the bound is the last value's own
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        "地区生产总值增长4%左右;一般公共预算收入增长4%;",
        "地区生产总值增长4%;一般公共预算收入增长4%和5%左右;"))
    assert ("gdp_growth", 4.0, None) in {
        (f.indicator, f.value, f.bound) for f in _catalog(doc) if f.kind == "target"}


def test_local_share_of_revenue_is_not_fiscal_revenue_beside_the_total(tmp_path: Path) -> None:
    both = _results(tmp_path, "财政总收入和地方财政收入分别增长7.1%和5.6%,")
    assert ("fiscal_revenue_growth", "actual", 2022, 7.1) in both
    assert ("fiscal_revenue_growth", "actual", 2022, 5.6) not in both
    # …and beside the plain 财政收入 of the same year
    both = _results(tmp_path, "财政收入512.3亿元,其中地方财政收入320.5亿元,")
    assert ("fiscal_revenue", "actual", 2022, 512.3) in both
    assert ("fiscal_revenue", "actual", 2022, 320.5) not in both
    # alone, 地方财政收入 is the region's fiscal revenue
    alone = _results(tmp_path, "地方财政收入增长5.6%,")
    assert ("fiscal_revenue_growth", "actual", 2022, 5.6) in alone


def test_old_names_of_the_general_budget_expenditure(tmp_path: Path) -> None:
    for name in ("地方财政一般预算支出", "地方一般预算支出", "一般预算支出"):
        assert ("general_budget_expenditure", "actual", 2022, 410.2) in _results(
            tmp_path, f"{name}410.2亿元,"), name


def test_local_governments_budget_in_a_national_report_is_not_the_nations(
    tmp_path: Path,
) -> None:
    sentence = "一般公共预算支出规模29.7万亿元"  # the 2025 national report, the first row

    def spending(*pairs: tuple[str, str]) -> list[float | None]:
        doc = rewritten_report(NATIONAL, tmp_path, *pairs)
        assert doc.level == "national"
        return [f.value for f in _catalog(doc) if f.indicator == "general_budget_expenditure"]

    assert spending() == [297000.0]
    assert spending((sentence, "地方" + sentence)) == []


def test_digits_grouped_by_commas_keep_their_decimals(tmp_path: Path) -> None:
    got = _results(tmp_path, "全区地区生产总值实现5,700.1亿元,同比增长4.1%,")
    assert ("gdp", "actual", 2022, 5700.1) in got
    assert not any(k[0] == "gdp" and k[3] != 5700.1 for k in got)  # never the 0.1 after the dot


def test_yi_then_wan_written_in_digits_is_one_value(tmp_path: Path) -> None:
    got = _results(tmp_path, "全区地区生产总值实现5700亿1000万元,同比增长4.1%,")
    assert ("gdp", "actual", 2022, 5700.1) in got
    assert not any(k[0] == "gdp" and k[3] != 5700.1 for k in got)


def test_name_split_by_a_stray_space_is_still_the_name() -> None:
    sentence = "全区地区生产总值实现5700.1亿元,同比增长4.1%,居民人均可支配收入同比增长2.4%。"
    for spaced in ("全区地区生产 总值实现5700.1亿元",
                   "全区地区生产总值实现5700.1亿元,同比增长4.1%,居民 人均可支配收入"):
        text = sentence.replace(spaced.replace(" ", ""), spaced)
        mentions = find_mentions(text)
        assert [m.surface for m in mentions] == ["地区生产总值", "居民人均可支配收入"], spaced
        assert all(text[m.start : m.end].replace(" ", "") == m.surface for m in mentions)


def test_budget_report_result_after_wan_cheng_is_last_years(tmp_path: Path) -> None:
    """The 西城区 2024 plan report's revenue sentence laid out as a budget report whose table
    row label (一、本级收入) the outline takes for a heading of the plan."""
    page = tmp_path / "budget.txt"
    page.write_text(
        "关于西城区2023年预算执行情况和2024年预算草案的报告\n各位代表：\n"
        "受西城区人民政府委托，现将西城区2023年预算执行情况和2024年预算草案的报告提请审议，"
        "并请区政协委员提出意见。\n一、2023年预算执行情况\n（一）全区预算执行情况\n一、本级收入\n"
        "——地方级一般公共预算收入完成1012.9亿元，同比增长10.6%。\n"
        "——区级一般公共预算收入预计完成452.7亿元，同比增长8.8%。\n"
        "二、2024年预算草案\n区级一般公共预算收入安排470亿元，增长4%。\n", "utf-8")
    doc = build_document(read_file(page, page.name)[0])
    assert doc.doc_type == "budget_report" and doc.year == 2024
    assert doc.role_at(doc.text.index("——地方级")) == "plan"  # the outline's reading
    assert {(f.indicator, f.kind, f.period, f.value, f.estimated) for f in _catalog(doc)} == {
        ("general_budget_revenue", "actual", 2023, 1012.9, False),
        ("general_budget_revenue_growth", "actual", 2023, 10.6, False),
        ("general_budget_revenue", "actual", 2023, 452.7, True),
        ("general_budget_revenue_growth", "actual", 2023, 8.8, True),
        ("general_budget_revenue", "target", 2024, 470.0, False),
        ("general_budget_revenue_growth", "target", 2024, 4.0, False)}


def test_own_part_of_a_budget_total_is_the_general_budget(tmp_path: Path) -> None:
    """The 西城区 2023 revenue (seed 003) in a budget report's total-and-own-part shape."""
    page = tmp_path / "budget.txt"
    page.write_text(
        "关于西城区2023年预算执行情况和2024年预算草案的报告\n各位代表：\n"
        "一、2023年预算执行情况\n"
        "2023年，全区一般公共预算总收入1100亿元，其中：当年收入452.7亿元，同比增长8.8%；"
        "上级补助收入47.3亿元。\n"
        "2023年，区级一般公共预算总收入600亿元，其中：本级收入400亿元，同比增长5%。\n",
        "utf-8")
    doc = build_document(read_file(page, page.name)[0])
    assert _keys(_catalog(doc)) == {("general_budget_revenue", "actual", 2023, 452.7),
                                    ("general_budget_revenue_growth", "actual", 2023, 8.8)}


def test_undated_from_to_pairs_borrow_the_years_of_the_dated_one(tmp_path: Path) -> None:
    got = _results(tmp_path, "全区地区生产总值从2017年的4500亿元增加到2022年的5700.1亿元,"
                             "一般公共预算收入从400亿元增加到452.7亿元,")
    assert {("gdp", "actual", 2017, 4500.0), ("gdp", "actual", 2022, 5700.1),
            ("general_budget_revenue", "actual", 2017, 400.0),
            ("general_budget_revenue", "actual", 2022, 452.7)} <= got


def test_share_of_the_budget_marks_last_years_result(tmp_path: Path) -> None:
    """A budget report's page without headings: the revenue of 西城区 (seed 003) given with
    its share of the budget, in a paragraph that names no year."""
    page = tmp_path / "budget.txt"
    page.write_text(
        "关于西城区2023年预算执行情况和2024年预算草案的报告\n"
        "全区一般公共预算总收入1100亿元，其中：当年收入452.7亿元，完成预算的101.7%，"
        "同比增长8.8%。\n区级一般公共预算收入安排470亿元，增长4%。\n", "utf-8")
    doc = build_document(read_file(page, page.name)[0])
    assert doc.year == 2024 and not doc.sections
    got = _keys(_catalog(doc))
    assert {("general_budget_revenue", "actual", 2023, 452.7),
            ("general_budget_revenue_growth", "actual", 2023, 8.8)} <= got
    assert ("general_budget_revenue", "actual", 2023, 470.0) not in got


def test_estimate_clause_of_its_own_frames_the_paragraph(tmp_path: Path) -> None:
    rest = ("全区地区生产总值实现5700.1亿元,同比增长4.1%。一般公共预算收入扣除留抵退税后、"
            "同口径增长5.6%,居民人均可支配收入同比增长2.4%。\n")

    def estimates(opening: str) -> dict[str | None, bool]:
        doc = headless_page(tmp_path, opening + rest)
        return {f.indicator: f.estimated for f in _catalog(doc) if f.period == 2022}

    framed = estimates("区长在报告中说,初步预计,2022年,")
    assert framed == {"gdp": True, "gdp_growth": True, "general_budget_revenue_growth": True,
                      "disposable_income_per_capita_growth": True}
    # 预计 inside the first sentence's clause: that sentence only
    assert estimates("区长在报告中说,2022年,预计")["general_budget_revenue_growth"] is False


def test_value_where_the_excerpt_is_cut_is_left_out(tmp_path: Path) -> None:
    head = ("区长作政府工作报告。2022年:\n全区地区生产总值实现5700.1亿元,同比增长4.1%,"
            "一般公共预算收入扣除留抵退税后、同口径增长5.6%,居民人均可支配收入同比增长")
    for cut in ("2.4%", "2.4%左"):
        got = {f.indicator for f in _catalog(headless_page(tmp_path, head + cut))}
        assert got == {"gdp", "gdp_growth", "general_budget_revenue_growth"}, cut
    whole = {f.indicator for f in _catalog(headless_page(tmp_path, head + "2.4%。"))}
    assert "disposable_income_per_capita_growth" in whole


def test_part_of_a_year_governing_the_metric_is_not_the_year(tmp_path: Path) -> None:
    for said in ("一季度受疫情影响,全区地区生产总值同比增长4.1%,",
                 "全区1-11月地区生产总值同比增长4.1%,"):
        assert ("gdp_growth", "actual", 2022, 4.1) not in _results(tmp_path, said), said
    # a part of the year in an earlier clause, then 全年: the year's value
    said = "上半年经济承压,全年全区地区生产总值同比增长4.1%,"
    assert ("gdp_growth", "actual", 2022, 4.1) in _results(tmp_path, said)


def test_bare_chi_zi_is_the_deficit(tmp_path: Path) -> None:
    said = "赤字规模5.66万亿元"  # the 2025 national report, the first row

    def deficits(*pairs: tuple[str, str]) -> set[tuple[str, int | None, float | None]]:
        doc = rewritten_report(NATIONAL, tmp_path, *pairs)
        return {(f.kind, f.period, f.value) for f in _catalog(doc) if f.indicator == "deficit"}

    assert deficits() == deficits((said, "赤字5.66万亿元")) == {("target", 2025, 56600.0)}


def test_year_with_a_zero_typed_as_a_digit(tmp_path: Path) -> None:
    results = ("全区地区生产总值实现5700.1亿元,同比增长4.1%,一般公共预算收入扣除留抵退税后、"
               "同口径增长5.6%,居民人均可支配收入同比增长2.4%。\n")
    for year in ("二0二二年", "二〇二二年"):
        doc = headless_page(tmp_path, f"区长作政府工作报告。{year}:\n" + results)
        assert ("gdp", "actual", 2022, 5700.1) in _keys(_catalog(doc)), year


def test_tail_of_a_number_cut_by_a_line_break_is_no_value(tmp_path: Path) -> None:
    got = _results(tmp_path, "全区地区生产总值实现57\n00.1亿元,同比增长4\n.1%,")
    assert not any(k[0] in ("gdp", "gdp_growth") and k[1:3] == ("actual", 2022)
                   and k[3] not in (5700.1, 4.1) for k in got)
    assert not find_quantities("全区地区生产总值实现57\n00.1亿元")  # never 0.1亿元 or 100.1
