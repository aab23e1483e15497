"""Shapes of report pages never seen here, round 10 (issue 9; measured by
benchmarks/fresh_pages.py on annotated public excerpts kept outside the repository): the
西城区 2023 report of the seeds rewritten into each shape. Metadata: a meeting day dated by the
sentence of the report's delivery, a day whose 日 was lost before the time of day, a dateline
whose 年 was lost. Facts: a growth joined to its level by a bare 达, an estimate naming no
year on a page without headings, a list its sentence opens as the year's targets, the budget
report's name of the general budget revenue."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS, headless_page, rewritten_report

from baogao.extract import extract_facts
from baogao.models import Document, Fact
from baogao.pipeline import build_document
from baogao.read import read_file
from baogao.read.dating import find_date

XICHENG_2023 = SEEDS / "000_b5713cac4734963f.txt"
HEADER = ("政府工作报告\n——2023年1月4日在北京市西城区第十七届\n人民代表大会第三次会议上\n"
          "北京市西城区人民政府区长 刘东伟\n各位代表:\n现在,我代表西城区人民政府,向大会报告工作,"
          "请予审议,并请区政协委员提出意见。\n")
RESULTS = "全区地区生产总值实现5700.1亿元,同比增长4.1%,"


def _news(tmp_path: Path, header: str) -> Document:
    return rewritten_report(XICHENG_2023, tmp_path, (HEADER, header))


def _catalog(doc: Document) -> list[Fact]:
    return [f for f in extract_facts(doc) if f.indicator and not f.open_vocabulary]


def _keys(facts: list[Fact]) -> set[tuple[str | None, str, bool, int | None, float | None]]:
    return {(f.indicator, f.kind, f.estimated, f.period, f.value) for f in facts}


# --- metadata -------------------------------------------------------------------------------

def test_meeting_day_of_the_sentence_delivering_the_report(tmp_path: Path) -> None:
    delivery = ("1月4日,北京市西城区人民政府区长刘东伟在作《政府工作报告》时,对2022年工作作了"
                "全面回顾。\n")
    doc = _news(tmp_path, "日期:2023年01月06日\n" + delivery)
    assert (doc.date, doc.year) == ("2023-01-04", 2023)
    # a day the report was only talked about is no meeting day
    doc = _news(tmp_path, "日期:2023年01月06日\n1月4日,北京市西城区人民政府区长刘东伟谈到"
                "《政府工作报告》的起草。\n")
    assert doc.date is None


def test_meeting_day_whose_day_mark_was_lost(tmp_path: Path) -> None:
    doc = _news(tmp_path, "2023-01-05 10:20:00 来源: 西城区融媒体中心\n"
                "西城区第十七届人民代表大会第三次会议1月4上午在区政府会议中心开幕。"
                "区长刘东伟向大会作政府工作报告。\n")
    assert (doc.date, doc.year) == ("2023-01-04", 2023)


@pytest.mark.parametrize(("text", "iso"), [
    ("——20231月4日在北京市西城区第十七届", "2023-01-04"),
    ("——202312月27日在北京市西城区第十七届", "2023-12-27"),
    ("——20231月40日在北京市西城区", None),
])
def test_dateline_whose_year_mark_was_lost(text: str, iso: str | None) -> None:
    assert find_date(text) == iso


def test_report_dated_by_a_dateline_whose_year_mark_was_lost(tmp_path: Path) -> None:
    doc = _news(tmp_path, HEADER.replace("2023年1月4日", "20231月4日"))
    assert (doc.date, doc.year) == ("2023-01-04", 2023)


# --- catalog facts ----------------------------------------------------------------------------

def test_growth_joined_to_its_level_by_a_bare_verb(tmp_path: Path) -> None:
    doc = rewritten_report(XICHENG_2023, tmp_path,
                           (RESULTS, "全区地区生产总值同比增长4.1%达5700.1亿元,"))
    keys = _keys(_catalog(doc))
    assert {("gdp", "actual", False, 2022, 5700.1),
            ("gdp_growth", "actual", False, 2022, 4.1)} <= keys


def test_estimate_naming_no_year_on_a_page_without_headings(tmp_path: Path) -> None:
    results = "全区地区生产总值增长4.1%达5700.1亿元,一般公共预算收入同口径增长5.6%。\n"
    doc = headless_page(tmp_path, "区长刘东伟作政府工作报告。\n据统计预测," + results)
    assert {("gdp", "actual", True, 2022, 5700.1), ("gdp_growth", "actual", True, 2022, 4.1),
            ("general_budget_revenue_growth", "actual", True, 2022, 5.6)} <= _keys(_catalog(doc))
    # no estimate and no year: the page does not say which year the figures are of
    doc = headless_page(tmp_path, "区长刘东伟作政府工作报告。\n" + results)
    assert not any(f.value == 5700.1 for f in _catalog(doc))


def test_list_opened_as_the_years_targets_in_the_review(tmp_path: Path) -> None:
    targets = "年初确定的预期目标为:全区地区生产总值增长4.5%;一般公共预算收入增长3%。"
    doc = rewritten_report(XICHENG_2023, tmp_path, (RESULTS, targets + RESULTS))
    keys = _keys(_catalog(doc))
    assert {("gdp_growth", "target", False, 2022, 4.5),
            ("general_budget_revenue_growth", "target", False, 2022, 3.0),
            ("gdp_growth", "actual", False, 2022, 4.1)} <= keys
    assert ("gdp_growth", "actual", False, 2022, 4.5) not in keys


def test_general_budget_revenue_as_a_budget_report_names_it(tmp_path: Path) -> None:
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        "一般公共预算收入扣除留抵退税后", "一般公共预算地方级财政收入扣除留抵退税后"))
    assert ("general_budget_revenue_growth", "actual", False, 2022, 5.6) in _keys(_catalog(doc))


def test_total_local_fiscal_revenue_is_fiscal_revenue(tmp_path: Path) -> None:
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        "一般公共预算收入扣除留抵退税后、同口径增长5.6%", "地方财政总收入同口径增长5.6%"))
    assert ("fiscal_revenue_growth", "actual", False, 2022, 5.6) in _keys(_catalog(doc))


def test_dateline_lead_that_runs_on_to_the_meeting(tmp_path: Path) -> None:
    doc = _news(tmp_path, "本报北京1月4日讯 今天的区政府会议中心花团锦簇。上午9时,北京市西城区"
                "第十七届人民代表大会第三次会议隆重开幕。区长刘东伟向大会作政府工作报告。\n")
    assert (doc.date, doc.year) == ("2023-01-04", 2023)


def test_shared_district_name_placed_by_the_prefectures_short_name(tmp_path: Path) -> None:
    text = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    body = text[text.index("各位代表"):].replace("北京市", "").replace("北京", "").replace(
        "西城区", "鼓楼区").replace("西城", "鼓楼")
    opening = ("讯 1月4日上午,鼓楼区第十七届人民代表大会第三次会议开幕,区长刘东伟向大会作"
               "政府工作报告。\n")
    for paper, want in (("南京日报", "江苏省南京市鼓楼区"), ("本报", None)):
        out = tmp_path / "page.txt"
        out.write_text(paper + opening + body, "utf-8")
        doc = build_document(read_file(out, out.name)[0])
        assert (doc.region if want else doc.region_code) == want, paper


def test_whole_society_before_a_metric_keeps_it_the_subject(tmp_path: Path) -> None:
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        "居民人均可支配收入同比增长2.4%。",
        "居民人均可支配收入同比增长2.4%,全社会研发经费支出占GDP比重6.1%。"))
    assert ("rd_intensity", "actual", False, 2022, 6.1) in _keys(_catalog(doc))


def test_news_page_of_a_report_made_for_the_government(tmp_path: Path) -> None:
    # a page that names the report 工作报告 only, the year told by what it reviews
    page = ("央广网西城1月4日消息 1月4日,北京市西城区第十七届人民代表大会第三次会议开幕。"
            "区长刘东伟代表西城区人民政府作工作报告。\n报告指出,2022年,是党的二十大胜利召开之年,是北京冬奥之年,也是"
            "新一届区政府的届首之年,是极不平凡的一年。\n")
    for results in ("", "2022年,西城区实现地区生产总值5700.1亿元,同比增长4.1%。\n"):
        out = tmp_path / "page.txt"
        out.write_text(page.replace("是极不平凡的一年", "是极为特殊的一年") + results
                       if results else page, "utf-8")
        doc = build_document(read_file(out, out.name)[0])
        assert (doc.doc_type, doc.year, doc.date, doc.speaker) == (
            "work_report", 2023, "2023-01-04", "刘东伟"), results
    assert {("gdp", "actual", False, 2022, 5700.1),
            ("gdp_growth", "actual", False, 2022, 4.1)} <= _keys(_catalog(doc))


def test_speaker_named_before_the_day_and_the_meeting_of_the_delivery(tmp_path: Path) -> None:
    doc = _news(tmp_path, "西城区第十七届人民代表大会第三次会议开幕\n北京市西城区区长刘东伟1月4日向"
                "西城区第十七届人民代表大会第三次会议作政府工作报告时说,过去一年极不平凡。\n")
    assert (doc.speaker, doc.speaker_title) == ("刘东伟", "区长")


def test_price_index_capped_at_a_percentage(tmp_path: Path) -> None:
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        "登记失业率控制在3.5%以内;", "登记失业率控制在3.5%以内;居民消费价格指数控制在3%以内;"))
    assert ("cpi_growth", "target", False, 2023, 3.0) in _keys(_catalog(doc))


def test_rates_held_at_one_figure_each_hold_it(tmp_path: Path) -> None:
    doc = rewritten_report(XICHENG_2023, tmp_path, (
        "登记失业率控制在3.5%以内;", "调查失业率和登记失业率控制在3.5%以内;"))
    keys = _keys(_catalog(doc))
    assert {("surveyed_unemployment_rate", "target", False, 2023, 3.5),
            ("registered_unemployment_rate", "target", False, 2023, 3.5)} <= keys


def test_municipality_of_a_mayors_report_named_by_its_short_name(tmp_path: Path) -> None:
    page = ("市长陈吉宁作政府工作报告提出今年北京主要预期目标\n今年预期目标\n"
            "全市生产总值增长4%左右,一般公共预算收入增长4%。\n")
    out = tmp_path / "page.txt"
    for text, want in ((page, "北京市"), (page.replace("北京", "成都"), None)):
        out.write_text(text, "utf-8")
        doc = build_document(read_file(out, out.name)[0])
        assert doc.region == want, text
    assert doc.level is None
