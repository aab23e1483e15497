"""Metadata of news pages, plan and budget reports and copies never seen here (issue 9;
measured by benchmarks/fresh_pages.py on annotated public excerpts kept outside the
repository): a real tune report's header rewritten into each shape."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS, rewritten_report

from baogao.models import Document

XICHENG_2023 = SEEDS / "000_b5713cac4734963f.txt"
#: the header of the 2023 report: title, dateline and byline
HEADER = ("政府工作报告\n——2023年1月4日在北京市西城区第十七届\n人民代表大会第三次会议上\n"
          "北京市西城区人民政府区长 刘东伟\n")


def _headed(tmp_path: Path, header: str, *pairs: tuple[str, str]) -> Document:
    """The report with its header replaced by ``header`` (and each pair replaced)."""
    return rewritten_report(XICHENG_2023, tmp_path, (HEADER, header), *pairs)


def test_speaker_of_a_news_page_on_the_opening_session(tmp_path: Path) -> None:
    lead = ("西城区第十七届人民代表大会第三次会议开幕\n"
            "1月4日,西城区第十七届人民代表大会第三次会议开幕。王一、张二等在主席台前排就座。\n")
    for said, want in (("区长刘东伟代表区人民政府向大会作政府工作报告。", ("刘东伟", "区长")),
                       ("在热烈的掌声中,刘东伟代表区人民政府向大会报告工作。", ("刘东伟", None)),
                       ("区长刘东伟向大会作政府工作报告。", ("刘东伟", "区长")),
                       ("在热烈的掌声中,刘东伟区长代表区政府作政府工作报告。", ("刘东伟", "区长"))):
        doc = _headed(tmp_path, lead + said + "\n")
        assert (doc.speaker, doc.speaker_title) == want, said
    # the platform (主席台) is no title: no speaker rather than 台前排就座
    doc = _headed(tmp_path, lead)
    assert doc.speaker is None


def test_headline_naming_who_delivered_the_report(tmp_path: Path) -> None:
    doc = _headed(tmp_path, "区十七届人大三次会议开幕\n刘东伟作政府工作报告 王一主持会议\n")
    assert doc.speaker == "刘东伟"


def test_region_of_a_news_page_from_the_session_it_reports(tmp_path: Path) -> None:
    doc = _headed(tmp_path, "北京市西城区十七届人大三次会议开幕\n",
                  ("我代表西城区人民政府", "我代表区人民政府"))
    assert (doc.region, doc.region_code, doc.level) == ("北京市西城区", "110102", "district")


def test_meeting_day_dated_by_the_page_date_or_the_title_year(tmp_path: Path) -> None:
    news = "发布时间:2023-01-05 09:44\n1月4日,北京市西城区第十七届人民代表大会第三次会议开幕。\n"
    assert _headed(tmp_path, news).date == "2023-01-04"
    # a page date long after the meeting dates nothing; the title's year does
    caption = ("2023年西城区政府工作报告\n更新时间:2024-04-14\n"
               "1月4日,在区十七届人大三次会议上,区长刘东伟作政府工作报告。\n")
    assert _headed(tmp_path, caption).date == "2023-01-04"
    # without a title year, the year the report gives in its own words (2022年工作回顾), never
    # the page date's (2024)
    late = "更新时间:2024-04-14\n1月4日,在区十七届人大三次会议上,区长刘东伟作政府工作报告。\n"
    assert _headed(tmp_path, late).date == "2023-01-04"


def test_budget_and_plan_reports_are_dated_by_the_year_they_plan(tmp_path: Path) -> None:
    budget = "关于北京市西城区2022年预算执行情况和2023年预算草案的报告\n"
    doc = _headed(tmp_path, budget, ("我代表西城区人民政府", "受区人民政府委托"))
    assert (doc.doc_type, doc.region, doc.level, doc.year) == (
        "budget_report", "北京市西城区", "district", 2023)
    adopted = "关于印发《北京市西城区2023年国民经济和社会发展计划》的通知\n"
    doc = _headed(tmp_path, adopted, ("我代表西城区人民政府", "受区人民政府委托"))
    assert (doc.doc_type, doc.region, doc.year) == ("plan_report", "北京市西城区", 2023)


def test_year_of_a_page_that_prints_only_what_it_reviews(tmp_path: Path) -> None:
    """No title, dateline or date: the year comes from how the text speaks of the year it
    reviews (and no other clue disagrees)."""
    for opening in ("2022年是极不平凡的一年。", "报告回顾了2022年的工作。",
                    "在回顾2022年和过去五年工作时,区长说:", "预计2022年全区实现生产总值5700亿元。",
                    "2022年,是我区加快发展的一年。在区委领导下,我们圆满完成了各项目标任务。"):
        doc = _headed(tmp_path, "", ("一、2022年工作回顾\n刚刚过去的2022年,", opening + "\n"))
        assert doc.year == 2023, opening
    # a review of one year and the work of the next (回顾和2023年工作) dates nothing by itself
    # (the plan's heading 二、2023年主要任务 would name the year: it goes too)
    plain_plan = ("二、2023年主要任务", "二、主要任务")
    doc = _headed(tmp_path, "", ("一、2022年工作回顾\n刚刚过去的2022年,", "一、回顾和2023年工作\n"),
                  plain_plan)
    assert doc.year is None
    # tasks still to complete say nothing of a year gone by
    doc = _headed(tmp_path, "", ("一、2022年工作回顾\n刚刚过去的2022年,",
                                 "2022年,是关键的一年。我们要确保完成各项目标任务。\n"), plain_plan)
    assert doc.year is None
    doc = _headed(tmp_path, "", ("一、2022年工作回顾\n刚刚过去的2022年,", "过去一年,"),
                  ("2023年是全面贯彻落实党的二十大精神的开局之年",
                   "2023年全区经济社会发展的主要预期目标是:"))
    assert doc.year == 2023


def test_six_character_name_after_the_government(tmp_path: Path) -> None:
    doc = _headed(tmp_path, HEADER.replace("北京市西城区人民政府区长 刘东伟",
                                           "西城区人民政府 巴雅尔图门德"))
    assert doc.speaker == "巴雅尔图门德"


XICHENG_PLAN_2024 = SEEDS / "003_cd0a21e123bf8728.txt"


def test_official_delivering_a_plan_report(tmp_path: Path) -> None:
    for byline, want in (
        # the office without the region printed before it (as 省长, not 安徽省省长)
        ("北京市西城区发展和改革委员会主任 张三", ("张三", "发展和改革委员会主任")),
        ("国务委员兼国家计划委员会主任 邹家华", ("邹家华", "国务委员兼国家计划委员会主任")),
        ("区财政局局长 张三", ("张三", "区财政局局长")),
        ("北京市西城区发展和改革委员会", (None, None)),  # an office is no speaker
    ):
        doc = rewritten_report(XICHENG_PLAN_2024, tmp_path, ("各位代表：", byline + "\n各位代表："))
        assert doc.doc_type == "plan_report"
        assert (doc.speaker, doc.speaker_title) == want, byline
