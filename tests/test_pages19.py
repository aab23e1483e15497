"""Page metadata and page shapes of session 19 (issue 9; measured by benchmarks/fresh_pages.py on
the tune splits of benchmarks/data/fresh13 … fresh19): numbers set apart from their words by
spaces (2021 年全市完成地区生产总值 6617 亿元); a page's stamp with the year last (05.02.2023
12:43); the session's year told by the budget or plan reports it hears (2009年…执行情况和2010年
…草案); a county's delegation at a city's congress (社旗县代表团); the speaker after the date in
a title line (绵阳市政府工作报告(2023年1月3日 李云)). Each test reads a real tune page (copied
to tests/data/pages19) or a variant of one."""

from __future__ import annotations

import re

from baogao.read.normalize import normalize
from tests.conftest import DATA
from tests.conftest import catalog_rows as _catalog
from tests.conftest import page_doc as _doc

PAGES = DATA / "pages19"


def normalize_text(text: str) -> str:
    return normalize(text).text


def _page(name: str) -> str:
    """A tune page as the search tool stored it (copied from benchmarks/data)."""
    return (PAGES / name).read_text("utf-8")


#: 现代快报 on the 盐城 2022 report: every number set apart by spaces (“盘古之白”)
YANCHENG_2022 = _page("06_yancheng2022_news.txt")


def test_numbers_set_apart_by_spaces_are_read() -> None:
    rows = _catalog(_doc(YANCHENG_2022))
    assert ("gdp", "actual", False, 2021, 6617.0, None) in rows
    assert ("gdp_per_capita", "actual", False, 2021, 99000.0, None) in rows


def test_a_space_before_a_number_stays_when_it_is_a_lone_one() -> None:
    # one stray space after a verb (建设 7000多所寄宿制学校) is kept: only a line set with
    # such spaces throughout loses them; the spaces after numbers go everywhere
    text = normalize_text("国家安排专项资金支持2.2万多所农村中小学改造危房、建设 7000多所"
                          "寄宿制学校，远程教育已覆盖3.6万所农村中小学，"
                          "国内生产总值达到39.8 万亿元。")
    assert "建设 7000多所" in text and "39.8万亿元" in text
    spaced = normalize_text("坚定不移转方式、调结构、促创新，2021 年全市完成地区生产总值 6617 "
                            "亿元，人均 GDP 达到 9.9 万元，一般公共预算收入突破 450 亿元。")
    assert "2021年全市完成地区生产总值6617亿元，人均GDP达到9.9万元" in spaced


def test_a_spaced_line_keeps_its_periods() -> None:
    # 是 2007 年的 2.3 倍: the comparison year is not the figure's once the spaces go
    text = re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=[\d%])(?=[\u4e00-\u9fff])", " ",
                  "过去五年，全县实现地区生产总值80.5亿元，是2007年的1.7倍，年均增长13.5%；"
                  "地方财政收入6.02亿元，是2007年的2.3倍，年均增长22.9%。")
    assert "地方财政收入6.02亿元，是2007年的2.3倍" in normalize_text(text)


#: 昆明日报 on the 昆明 2023 report: the page prints its date as 05.02.2023 12:43 and the
#: meeting's as 2月4日 without its year
KUNMING_2023 = _page("12_kunming2023_news.txt")


def test_a_stamp_with_the_year_last_dates_the_meeting() -> None:
    doc = _doc(KUNMING_2023)
    assert (doc.year, doc.date) == (2023, "2023-02-04")
    assert ("gdp", "actual", False, 2022, 7541.37, None) in _catalog(doc)


def test_a_stamp_is_read_either_way_round() -> None:
    # 02.03.2023: 2 March or 3 February; the meeting (2月1日) falls within 60 days of both
    text = KUNMING_2023.replace("05.02.2023", "02.03.2023").replace("2月4日", "2月1日")
    assert _doc(text).date == "2023-02-01"
    # a year-first stamp is read as before; a stamp without its time is no stamp
    assert _doc(KUNMING_2023.replace("05.02.2023  12:43", "2023-02-05")).date == "2023-02-04"
    assert _doc(KUNMING_2023.replace("05.02.2023  12:43", "05.02.2023")).year is None


#: 中新社 on the 河北 2010 report (Traditional): the photo caption names the budget reports of
#: 2009 and 2010; the story prints no year of its own
HEBEI_2010 = _page("34_hebei2010_news_trad.txt")


def test_the_reports_heard_tell_the_session_year() -> None:
    doc = _doc(HEBEI_2010)
    assert doc.year == 2010
    rows = _catalog(doc)
    assert ("gdp_growth", "target", False, 2010, 9.0, "min") in rows
    assert ("gdp_growth", "actual", True, 2009, 10.0, None) in rows


def test_without_the_caption_the_page_has_no_year() -> None:
    text = re.sub(r"審議省財政廳[^。]*?草案的報告,", "", HEBEI_2010)
    assert "草案" not in text
    assert _doc(text).year is None


#: 南阳日报: the city's congress chairman reviews the report with 社旗县's delegation
NANYANG_2017 = _page("37_nanyang2017_news.txt")


def test_a_delegation_is_not_the_report_region() -> None:
    assert _doc(NANYANG_2017).region != "河南省南阳市社旗县"
    assert _doc(NANYANG_2017.replace("社旗县代表团", "社旗县")).region == "河南省南阳市社旗县"


#: a reposting site's title with the day and the speaker: 绵阳市政府工作报告(2023年1月3日 李云)
MIANYANG_2023 = _page("03_mianyang2023.txt")


def test_the_name_after_the_date_in_a_title_is_the_speaker() -> None:
    doc = _doc(MIANYANG_2023)
    assert (doc.speaker, doc.date, doc.year) == ("李云", "2023-01-03", 2023)
    # a title without the name names no speaker
    assert _doc(MIANYANG_2023.replace(" 李云)", ")")).speaker is None


#: the 湛江 2018 report: 预计实现生产总值2850亿元,增长7.7%。规上工业增加值833亿元,增长9%。…
ZHANJIANG_2018 = _page("18_zhanjiang2018.txt")
_GDP_2017 = "预计实现生产总值2850亿元,增长7.7%"


def test_a_chain_another_division_leads_is_not_the_page_s() -> None:
    # a neighbour quoted: its GDP names it; its revenue, second in the chain, is its too
    text = ZHANJIANG_2018.replace(_GDP_2017, _GDP_2017 + "。同期,相邻的茂名市地区生产总值"
                                  "增长7.73%、一般公共预算收入增长9.17%")
    rows = _catalog(_doc(text))
    assert not [r for r in rows if r[4] in (7.73, 9.17)]
    assert ("industrial_value_added_growth", "actual", False, 2017, 9.0, None) in rows
    # the page's own whole after the neighbour ends the chain: 全市 is the page's
    own = text.replace("、一般公共预算收入增长9.17%", ",全市一般公共预算收入增长9.17%")
    assert ("general_budget_revenue_growth", "actual", False, 2017, 9.17, None) in _catalog(
        _doc(own))


def test_a_target_dated_only_by_this_year_so_far_is_withheld() -> None:
    # 今年一季度 opens results so far: the review's sentences after it are no targets
    text = ZHANJIANG_2018.replace(_GDP_2017, _GDP_2017 + "。今年一季度,全市地区生产总值"
                                  "增长6.37%,规模以上工业增加值增长8.17%")
    rows = _catalog(_doc(text))
    assert not [r for r in rows if r[1] == "target"]
    # a plan word after it dates the values as the year's targets again
    plan = text.replace("规上工业增加值833亿元", "全年预期目标:规上工业增加值833亿元")
    assert [r for r in _catalog(_doc(plan)) if r[1] == "target"]


#: 紫荆 on the 大理州 2023 report: the meeting day 2月2日 without its year; the body tells 2023
#: (2023年是全面贯彻落实党的二十大精神的开局之年…做好今年的政府工作)
DALI_2023 = _page("13_dali2023_news.txt")


def test_a_title_year_the_body_contradicts_dates_no_meeting_day() -> None:
    # a reposting site's title naming the year reviewed: neither the day nor the year is
    # dated by it (withheld rather than a year early)
    doc = _doc("2022年政府工作报告\n" + DALI_2023)
    assert doc.year != 2022 and (doc.date or "")[:4] != "2022"
    # a title the body agrees with dates them as before
    agreed = _doc("2023年政府工作报告\n" + DALI_2023)
    assert (agreed.year, agreed.date) == (2023, "2023-02-02")


#: the 湛江 2025 report: …为2025年经济较快增长…奠定了坚实基础。\n这一年，我们把拼经济…全市完成
#: 地区生产总值3839.93亿元，增长1.2%
ZHANJIANG_2025 = _page("20_zhanjiang2025.txt")


def test_a_review_run_into_one_line_after_the_coming_year_is_no_plan() -> None:
    one_line = re.sub(r"\s*\n\s*", "", ZHANJIANG_2025)
    rows = _catalog(_doc(one_line))
    assert not [r for r in rows if r[1] == "target"]
    # as printed, the paragraph after the line break is the review of 2024
    assert ("gdp", "actual", False, 2024, 3839.93, None) in _catalog(_doc(ZHANJIANG_2025))


def test_an_earlier_year_compared_with_leaves_a_target_alone() -> None:
    text = ("各位代表：现在，我代表市人民政府向大会报告工作。\n二、2025年工作安排\n"
            "今年全市经济社会发展的主要预期目标是：地区生产总值比2024年增长5%左右，"
            "一般公共预算收入增长3%。")
    rows = _catalog(_doc(text))
    assert ("gdp_growth", "target", False, 2025, 5.0, "approx") in rows
    assert ("general_budget_revenue_growth", "target", False, 2025, 3.0, None) in rows


#: 中国日报网 on the 昆明 2017 report: the page's stamp (2017-03-22 13:26:03, a line cleaning
#: drops) and the meeting day 3月19日 without its year
KUNMING_2017 = _page("11_kunming2017_news.txt")


def test_the_page_stamp_dates_the_meeting_before_any_title_year() -> None:
    assert _doc(KUNMING_2017).date == "2017-03-19"
    doc = _doc("2016年政府工作报告\n" + KUNMING_2017)  # a title naming the year reviewed
    assert doc.date == "2017-03-19"
