"""Metadata of reports in shapes never seen here (issue 9; measured by benchmarks/fresh_pages.py
on annotated public pages kept outside the repository): a news page summarising a work report
(the speaker named in the delivery sentence, the meeting day without its year, names listed on
the rostrum), budget and plan reports (the year of the draft), bylines of long names and of a
date and a name. Each test rewrites a real report of the corpus into the shape."""

from __future__ import annotations

from pathlib import Path

from conftest import PROVINCES, SEEDS
from conftest import rewritten_report as _rewritten

from baogao.models import Document
from baogao.pipeline import build_document
from baogao.read import read_file

XICHENG_2023 = SEEDS / "000_b5713cac4734963f.txt"
NINGXIA_2026 = PROVINCES / "2026_宁夏回族自治区_政府工作报告.csv"
SHANGHAI_2026 = PROVINCES / "2026_上海市_政府工作报告.csv"
HEADER = ("政府工作报告\n——2023年1月4日在北京市西城区第十七届\n人民代表大会第三次会议上\n"
          "北京市西城区人民政府区长 刘东伟\n各位代表:\n现在,我代表西城区人民政府,向大会报告工作,"
          "请予审议,并请区政协委员提出意见。\n")


def _news(tmp_path: Path, header: str, *more: tuple[str, str]) -> Document:
    return _rewritten(XICHENG_2023, tmp_path, (HEADER, header), *more)


def test_speaker_from_the_delivery_sentence_of_a_news_page(tmp_path: Path) -> None:
    # the rostrum list before it holds 主席台 and 大会执行主席: neither is a title nor a name
    doc = _news(tmp_path, "西城区第十七届人民代表大会第三次会议开幕\n"
                "王五等大会执行主席在主席台前排就座\n"
                "1月4日上午,西城区第十七届人民代表大会第三次会议开幕。王五、刘东伟、赵六、"
                "钱七在主席台前排就座。区政协主席孙八、区长刘东伟等在主席台就座。\n"
                "区长刘东伟代表区人民政府向大会作政府工作报告。\n")
    assert (doc.speaker, doc.speaker_title) == ("刘东伟", "区长")


def test_acting_title_heard_by_the_delegates(tmp_path: Path) -> None:
    doc = _news(tmp_path, "西城区第十七届人民代表大会第三次会议开幕\n"
                "王五主持 刘东伟作政府工作报告 赵六等在主席台就座\n"
                "昨日,西城区第十七届人民代表大会第三次会议开幕,听取代理区长刘东伟作政府工作报告。\n")
    assert (doc.speaker, doc.speaker_title) == ("刘东伟", "代理区长")


def test_a_byline_word_after_a_title_is_no_name(tmp_path: Path) -> None:
    doc = _news(tmp_path, "区长政府工作报告全文\n各位代表:\n"
                "现在,我代表西城区人民政府,向大会报告工作。\n")
    assert doc.speaker is None


# --- year and type of budget and plan reports ---------------------------------------------

def test_budget_report_is_for_the_year_of_its_draft(tmp_path: Path) -> None:
    for title, year in (("关于北京市西城区2022年预算执行情况和2023年预算草案的报告", 2023),
                        ("北京市西城区2023财政预算执行情况2024财政预算草案的报告", 2024)):
        doc = _news(tmp_path, title + "\n各位代表:\n受区人民政府委托,现将预算执行情况和预算草案的"
                    "报告提请大会审查。\n")
        assert (doc.doc_type, doc.year) == ("budget_report", year), title
        # the region of the title, not the province it names first
        assert (doc.region, doc.region_code) == ("北京市西城区", "110102")


def test_the_adopted_annual_plan_is_a_plan_report(tmp_path: Path) -> None:
    doc = _news(tmp_path, "北京市西城区人民政府关于印发西城区2023年国民经济和社会发展计划的通知\n"
                "区政府各委、办、局:\n现将计划印发给你们,请认真组织实施。\n"
                "西城区2023年国民经济和社会发展计划\n")
    assert (doc.doc_type, doc.year, doc.region) == ("plan_report", 2023, "北京市西城区")


# --- a news page's year, date and region --------------------------------------------------

def _no_year_clue(tmp_path: Path, header: str, sentence: str) -> Document:
    # the year the review and the plan's heading (二、2023年主要任务) name both removed
    return _news(tmp_path, header,
                 ("一、2022年工作回顾\n刚刚过去的2022年,", "一、工作回顾\n" + sentence),
                 ("二、2023年主要任务", "二、主要任务"))


def test_year_of_a_news_page_from_what_the_report_reviews(tmp_path: Path) -> None:
    header = "西城区第十七届人民代表大会第三次会议开幕\n区长刘东伟向大会作政府工作报告。\n"
    for sentence, year in (("刘东伟在回顾2022年工作时说,过去一年,", 2023),
                           ("报告回顾了西城区人民政府2022年的工作。过去一年,", 2023),
                           ("刘东伟说,做好2023年的政府工作意义重大。过去一年,", 2023),
                           ("刘东伟说,2022年是极不寻常、极不平凡的一年。过去一年,", 2023),
                           ("预计2022年全区实现地区生产总值5700亿元。过去一年,", 2023)):
        assert _no_year_clue(tmp_path, header, sentence).year == year, sentence
    # a review of a five-year period names no single year
    doc = _no_year_clue(tmp_path, header, "报告回顾了2018年以来的工作。过去一年,")
    assert doc.year is None


def test_year_of_a_news_page_from_the_heading_of_its_plan(tmp_path: Path) -> None:
    # no year reviewed left: the plan's numbered heading (二、2023年主要任务) names the year
    header = "西城区第十七届人民代表大会第三次会议开幕\n区长刘东伟向大会作政府工作报告。\n"
    review = ("一、2022年工作回顾\n刚刚过去的2022年,", "一、工作回顾\n过去一年,")
    doc = _news(tmp_path, header, review)
    assert doc.year == 2023


def test_region_of_a_news_page_from_the_meeting_it_reports(tmp_path: Path) -> None:
    doc = _news(tmp_path, "12月28日,北京市西城区十七届人大三次会议开幕。自区十七届人大二次会议以来,"
                "区长刘东伟向大会作政府工作报告。\n")
    assert (doc.region, doc.region_code, doc.level) == ("北京市西城区", "110102", "district")


def test_date_of_a_news_page_from_its_date_line(tmp_path: Path) -> None:
    meeting = ("1月4日,北京市西城区第十七届人民代表大会第三次会议开幕。"
               "区长刘东伟向大会作政府工作报告。\n")
    doc = _news(tmp_path, "2023-01-05 10:20:00 来源: 西城区融媒体中心\n" + meeting)
    assert doc.date == "2023-01-04"
    # a page dated long after the meeting does not date it (2024-01-04); the year the report
    # gives in its own words (2022年工作回顾: a 2023 report) does
    doc = _news(tmp_path, "2024-06-05 10:20:00 来源: 西城区融媒体中心\n" + meeting)
    assert (doc.date, doc.year) == ("2023-01-04", 2023)
    # the year of the report its title prints: a December meeting is in the year before
    doc = _news(tmp_path, "2023年西城区政府工作报告\n12月28日,在区十七届人大三次会议上,区长刘东伟"
                "代表西城区人民政府作政府工作报告。\n")
    assert (doc.date, doc.year) == ("2022-12-28", 2023)


def test_region_of_the_level_of_the_government_spoken_for(tmp_path: Path) -> None:
    # a provincial report that names its province only by its short name (宁夏)
    raw = read_file(NINGXIA_2026, NINGXIA_2026.name)[0].text
    body = raw[raw.index("各位代表"):].replace("宁夏回族自治区", "")
    out = tmp_path / "province.txt"
    out.write_text(body, "utf-8")
    doc = build_document(read_file(out, out.name)[0])
    assert (doc.region, doc.region_code, doc.level) == ("宁夏回族自治区", "640000", "province")
    # a municipality's report (受市人民政府委托 … 上海)
    raw = read_file(SHANGHAI_2026, SHANGHAI_2026.name)[0].text
    body = raw[raw.index("各位代表"):].replace("我代表上海市人民政府", "我代表市人民政府")
    out.write_text(body.replace("上海市", "上海"), "utf-8")
    doc = build_document(read_file(out, out.name)[0])
    assert (doc.region, doc.region_code, doc.level) == ("上海市", "310000", "province")


def test_name_before_title_and_the_report_it_made(tmp_path: Path) -> None:
    for sentence in ("会议听取了刘东伟区长所作的政府工作报告。\n",
                     "上午,刘东伟区长在大会上作了题为《砥砺奋进》的政府工作报告。\n",
                     "1月4日上午,刘东伟区长代表区人民政府向大会作政府工作报告。\n"):
        doc = _news(tmp_path, "西城区第十七届人民代表大会第三次会议开幕\n" + sentence)
        assert (doc.speaker, doc.speaker_title) == ("刘东伟", "区长"), sentence


def test_a_county_by_its_former_name(tmp_path: Path) -> None:
    # renamed counties (中甸县 -> 香格里拉市 in 2001, 苍山县 -> 兰陵县 in 2014) keep their code
    for former, code in (("中甸县", "533401"), ("苍山县", "371324")):
        doc = _news(tmp_path, f"2012年{former}人民政府工作报告\n各位代表:\n"
                    "现在,我代表县人民政府,向大会报告工作。\n")
        assert (doc.region_code, doc.level) == (code, "district"), former


def test_a_head_of_another_level_is_not_the_speaker(tmp_path: Path) -> None:
    # a district's report that quotes the premier's work report names no speaker of its own
    doc = _rewritten(XICHENG_2023, tmp_path, (
        "北京市西城区人民政府区长 刘东伟\n",
        "会前,代表们认真学习了国务院总理李强所作的政府工作报告。\n"))
    assert doc.region == "北京市西城区"
    assert doc.speaker != "李强"


def test_the_page_date_is_not_the_meeting_date(tmp_path: Path) -> None:
    meeting = "1月4日,北京市西城区第十七届人民代表大会第三次会议开幕。区长刘东伟作政府工作报告。\n"
    for page in ("发布日期:2023年01月05日\n", "2023年01月05日 来源:西城区融媒体中心\n"):
        assert _news(tmp_path, page + meeting).date == "2023-01-04", page
        # without the meeting's day, the page's date dates nothing
        assert _news(tmp_path, page + "区长刘东伟作政府工作报告。\n").date is None, page
