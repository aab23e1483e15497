"""Shapes of report pages never seen here, round 10 batch b (issue 9; measured by
benchmarks/fresh_pages.py on annotated public excerpts kept outside the repository): the
西城区 2023 report of the seeds rewritten into each shape. Facts: an exact figure after a list
of milestones, a from-to after a clause framing the change, rates taken 分别 by the clauses of
one amount each before them (one naming no catalog metric), a quote eliding the rest after the
rates. Outline: a table of contents opening the page. Metadata: a byline cut at its line's end
and repeated whole, the executive deputy delivering the report, a year named as this one or
called 去年."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS, rewritten_report

from baogao.extract import extract_facts
from baogao.models import Document, Fact
from baogao.pipeline import build_document
from baogao.read import read_file

XICHENG_2023 = SEEDS / "000_b5713cac4734963f.txt"
RESULTS = "全区地区生产总值实现5700.1亿元,同比增长4.1%,"
REVENUE = "一般公共预算收入扣除留抵退税后、同口径增长5.6%,"
BYLINE = "北京市西城区人民政府区长 刘东伟\n"


def _keys(doc: Document) -> set[tuple[str | None, str, bool, int | None, float | None]]:
    facts: list[Fact] = [f for f in extract_facts(doc) if f.indicator and not f.open_vocabulary]
    return {(f.indicator, f.kind, f.estimated, f.period, f.value) for f in facts}


def _page(tmp_path: Path, text: str) -> Document:
    out = tmp_path / "page.txt"
    out.write_text(text, "utf-8")
    return build_document(read_file(out, out.name)[0])


# --- catalog facts ----------------------------------------------------------------------------

def test_exact_figure_after_a_list_of_milestones(tmp_path: Path) -> None:
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        RESULTS, "全区地区生产总值先后跨越四千亿元、五千亿元台阶,预计2022年达到5700.1亿元,"))
    assert ("gdp", "actual", True, 2022, 5700.1) in _keys(doc)
    # milestones alone: neither is the exact figure
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        RESULTS, "全区地区生产总值接连突破四千亿元、五千亿元,年实际使用外资保持在十亿元以上,"))
    assert not any(k[0] == "gdp" and k[4] in (4000, 5000) for k in _keys(doc)
                   if k[1] == "actual" and k[2] is False)


def test_from_to_after_a_clause_framing_the_change(tmp_path: Path) -> None:
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        REVENUE, "一般公共预算收入实现翻倍增长,从2017年的200.5亿元增至2022年的401.2亿元,"))
    keys = _keys(doc)
    assert {("general_budget_revenue", "actual", False, 2017, 200.5),
            ("general_budget_revenue", "actual", False, 2022, 401.2)} <= keys


def test_rates_taken_by_the_clauses_of_one_amount_each(tmp_path: Path) -> None:
    shape = ("全区财政总收入实现900.1亿元,增长3.3%,一般公共预算收入完成401.2亿元,"
             "累计支出600.3亿元,同比分别增长5.6%和3.2%,")
    keys = _keys(rewritten_report(XICHENG_2023, tmp_path, (REVENUE, shape)))
    assert {("general_budget_revenue_growth", "actual", False, 2022, 5.6),
            ("fiscal_revenue_growth", "actual", False, 2022, 3.3)} <= keys
    assert ("general_budget_revenue_growth", "actual", False, 2022, 3.2) not in keys
    # more amounts than rates: which ones take them is not clear
    shape = ("全区财政总收入实现900.1亿元,一般公共预算收入完成401.2亿元,"
             "累计支出600.3亿元,同比分别增长5.6%和3.2%,")
    keys = _keys(rewritten_report(XICHENG_2023, tmp_path, (REVENUE, shape)))
    assert not any(k[0] in ("general_budget_revenue_growth", "fiscal_revenue_growth")
                   and k[4] in (5.6, 3.2) for k in keys)


def test_rates_taken_in_turn_before_a_quote_elides_the_rest(tmp_path: Path) -> None:
    shape = "财政总收入900.1亿元,其中一般公共预算收入401.2亿元,分别增长3.3%、5.6%……"
    keys = _keys(rewritten_report(XICHENG_2023, tmp_path, (REVENUE, shape)))
    assert {("fiscal_revenue_growth", "actual", False, 2022, 3.3),
            ("general_budget_revenue_growth", "actual", False, 2022, 5.6)} <= keys


# --- outline ----------------------------------------------------------------------------------

def test_table_of_contents_opening_the_page(tmp_path: Path) -> None:
    text = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    contents = ("第一部分 报告\n第二部分 预算表格\n一、2022年一般公共预算收支执行情况表\n"
                "二、2023年一般公共预算收支预算表\n第三部分 附表\n")
    # after a line 目录, or repeated as the headings of the body (the tables after the report)
    for page in ("目录\n" + contents + text,
                 contents + "第一部分 报告\n" + text + "\n第二部分 预算表格\n第三部分 附表\n"):
        doc = _page(tmp_path, page)
        assert ("gdp", "actual", False, 2022, 5700.1) in _keys(doc)
        body = doc.text.index("各位代表")
        assert not any(s.role == "appendix" and s.start < body < s.end for s in doc.sections)


# --- metadata ---------------------------------------------------------------------------------

def test_byline_cut_at_its_lines_end_and_repeated_whole(tmp_path: Path) -> None:
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        "政府工作报告\n", "西城区政府工作报告(全文) 北京市西城区人民政府区长 刘东\n政府工作报告\n"))
    assert (doc.speaker, doc.speaker_title) == ("刘东伟", "区长")


def test_executive_deputy_delivering_the_report(tmp_path: Path) -> None:
    doc = rewritten_report(XICHENG_2023, tmp_path, (BYLINE, "北京市西城区常务副区长 刘东伟\n"))
    assert doc.speaker == "刘东伟"
    # a deputy named in passing is no byline
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        BYLINE, "北京市西城区常务副区长刘东伟主持会议。\n"))
    assert doc.speaker is None


def test_year_named_as_this_one_or_called_last_year(tmp_path: Path) -> None:
    opening = ("讯 1月4日上午,西城区第十七届人民代表大会第三次会议开幕,区长刘东伟向大会作政府"
               "工作报告。\n")
    plan = ("报告提出,2023年是全面贯彻落实党的二十大精神的开局之年。做好今年的政府工作,"
            "要坚持稳中求进。\n")
    doc = _page(tmp_path, opening + plan)
    assert (doc.year, doc.date) == (2023, "2023-01-04")
    review = ("2022年,全区经济发展在爬坡过坎中稳中有进,据初步统计,去年全区地区生产总值完成"
              "5700.1亿元,增长4.1%,综合实力不断增强。\n")
    doc = _page(tmp_path, opening + review)
    assert doc.year == 2023
    assert {("gdp", "actual", False, 2022, 5700.1),
            ("gdp_growth", "actual", False, 2022, 4.1)} <= _keys(doc)
    # 比去年: a comparison, not the year the page calls 去年; the sentence tells 2022 as done
    # (a year's growth, no target word: session 17's meta_years), so the report is 2023's
    doc = _page(tmp_path, opening + "2022年,全区地区生产总值比去年增长4.1%,综合实力不断增强。\n")
    assert doc.year == 2023
    # …as a target (左右) it tells nothing
    doc = _page(tmp_path, opening + "2022年,全区地区生产总值比去年增长4.1%左右。\n")
    assert doc.year is None


def test_year_a_news_page_plans_or_reviews_in_its_own_words(tmp_path: Path) -> None:
    opening = ("讯 1月4日上午,西城区第十七届人民代表大会第三次会议开幕,区长刘东伟向大会作政府"
               "工作报告。\n")
    for words in ("报告对2023年工作作出部署。", "刘东伟在报告中部署了2023年工作。",
                  "2023年政府工作的总体要求是:坚持稳中求进。", "报告提出了2023年的目标任务。",
                  "关于2023年的工作,报告提出八项任务。",
                  "报告提出,2023年要重点抓好八个方面的工作。",
                  "2022年全区完成地区生产总值5700.1亿元,同比增长4.1%。"):
        doc = _page(tmp_path, opening + words + "\n")
        assert (doc.year, doc.date) == (2023, "2023-01-04"), words
    # the review of a year is no plan for it (关于2022年工作 is no 2022 report): it is the
    # review of the 2023 report (session 17: a review named 2022年…工作的回顾)
    doc = _page(tmp_path, opening + "关于2022年工作的回顾,报告说,过去一年极不平凡。\n")
    assert doc.year == 2023
    # a figure about which is not sure, no review
    words = "2022年全区完成地区生产总值5700.1亿元,同比增长4.1%左右。"
    assert _page(tmp_path, opening + words + "\n").year is None, words


def test_preliminary_count_naming_no_year_is_of_the_year_reviewed(tmp_path: Path) -> None:
    opening = ("2023-01-05 10:20 来源:西城区融媒体中心\n1月4日上午,西城区第十七届人民代表大会第三次"
               "会议开幕,区长刘东伟向大会作政府工作报告。\n")
    results = "全区地区生产总值实现5700.1亿元,同比增长4.1%;一般公共预算收入同口径增长5.6%。\n"
    doc = _page(tmp_path, opening + "初步核算," + results)
    assert doc.year == 2023
    assert {("gdp", "actual", False, 2022, 5700.1), ("gdp_growth", "actual", False, 2022, 4.1),
            ("general_budget_revenue_growth", "actual", False, 2022, 5.6)} <= _keys(doc)
    # no preliminary count and no year: the page does not say which year the figures are of
    assert not any(k[4] == 5700.1 for k in _keys(_page(tmp_path, opening + results)))


def test_paper_issue_date_with_its_weekday_is_no_meeting_day(tmp_path: Path) -> None:
    news = ("本报讯(记者 王五)1月4日上午,西城区第十七届人民代表大会第三次会议开幕,区长刘东伟"
            "向大会作政府工作报告。\n")
    for page in (news + "2023年01月05日 星期四\n", "2023年1月5日 星期四 第A01版\n" + news):
        doc = _page(tmp_path, page)
        assert (doc.year, doc.date) == (2023, "2023-01-04"), page


def test_city_of_delegates_attending_its_congress_and_their_deliberation_day(
        tmp_path: Path) -> None:
    # the city's congress named by its kind alone, the city by a paper's name only
    page = ("江苏手机报 01-05 22:50 责编:南京手机报\n1月5日下午,出席市十六届人大一次会议的代表"
            "分团审议市长刘东伟所作的政府工作报告。\n代表们认为,2022年,全市经济发展稳中有进,"
            "据初步预计,去年全市地区生产总值完成5700.1亿元,增长4.1%左右。\n")
    doc = _page(tmp_path, page)
    assert (doc.region, doc.level, doc.year) == ("江苏省南京市", "city", 2023)
    # the day of the deliberation is not the day the report was delivered
    assert doc.date is None
    doc = _page(tmp_path, page.replace("代表分团审议", "代表听取并审议"))
    assert doc.date == "2023-01-05"


def test_deputy_delivering_the_report_for_the_head(tmp_path: Path) -> None:
    opening = "讯 1月4日上午,西城区第十七届人民代表大会第三次会议开幕。"
    for delivery, want in (
            ("受区长刘东伟委托,副区长王五作政府工作报告。", ("王五", "副区长")),
            ("受区人民政府委托,常务副区长王五向大会作政府工作报告。", ("王五", "常务副区长")),
            ("区长刘东伟作政府工作报告。", ("刘东伟", "区长"))):
        doc = _page(tmp_path, opening + delivery + "\n")
        assert (doc.speaker, doc.speaker_title) == want, delivery


def test_work_report_page_naming_the_plan_and_budget_reports_only_as_examined(
        tmp_path: Path) -> None:
    opening = ("讯 1月4日上午,西城区第十七届人民代表大会第三次会议开幕,区长刘东伟向大会作政府"
               "工作报告。")
    examined = ("会议还书面审查了关于2022年国民经济和社会发展计划执行情况与2023年计划草案的报告、"
                "关于2022年预算执行情况和2023年预算草案的报告。\n")
    assert _page(tmp_path, opening + examined).doc_type == "work_report"
    # the plan report delivered: a page of the plan report
    plan = ("讯 1月5日上午,西城区第十七届人民代表大会第三次会议举行第二次全体会议,区发展和改革"
            "委员会主任王五作关于2022年国民经济和社会发展计划执行情况与2023年计划草案的报告。"
            "会议还审议了政府工作报告。\n")
    assert _page(tmp_path, plan).doc_type == "plan_report"
