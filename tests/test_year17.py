"""The year of a page whose header is gone, from the sentences of its body (issue 9, session 17).

A year told as done (2024年，我们…实现地区生产总值440.5亿元; 2016年达到1156.49亿元) is before
the report's; a year told as planned (2019年…主要预期目标是…) is the report's; the answer is the
one year every clue allows, or none. Real pages (tests/data/pages17, copies of tune pages of the
fresh sets) and real national reports, read without the lines that print their year.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DATA, NATIONAL

from baogao.models import Document
from baogao.pipeline import build_document
from baogao.read import read_file
from baogao.read.dating import infer_year
from baogao.read.meta import detect_doc_type, extract_metadata
from baogao.read.meta_years import heading_years, text_year, topic_years
from baogao.read.normalize import normalize

PAGES = DATA / "pages17"


def _without_header(tmp_path: Path, name: str, first_body_line: str,
                    *dropped: str) -> Document:
    """The page ``name`` from ``first_body_line`` on, without the lines holding ``dropped``."""
    text = (PAGES / name).read_text("utf-8")
    start = text.index(first_body_line)
    body = "\n".join(ln for ln in text[start:].split("\n")
                     if not any(d in ln for d in dropped))
    out = tmp_path / name
    out.write_text(body, "utf-8")
    return build_document(read_file(out, name)[0])


def test_a_review_opening_on_the_year_done_dates_the_page(tmp_path: Path) -> None:
    # 2024年，我们紧扣…，实现地区生产总值440.5亿元、增长5.4%: 2024 is done, the report is 2025's
    doc = _without_header(tmp_path, "52_hanbin2025.txt", "各位代表")
    assert doc.title is None and doc.date is None
    assert doc.year == 2025


def test_a_level_reached_in_a_year_dates_the_page(tmp_path: Path) -> None:
    # 生产总值年均增长12.2%，2016年达到1156.49亿元 in a six-year review: a 2017 report
    doc = _without_header(tmp_path, "c01_hanzhong2017.txt", "各位代表")
    assert doc.title is None and doc.date is None
    assert doc.year == 2017


def test_the_year_read_dates_a_december_meeting(tmp_path: Path) -> None:
    # the page's timestamp dropped: 12月26日…区第十七届人民代表大会第三次会议 is dated by the
    # year the body gives (报告指出，2013年，我区…出色完成了…: a 2014 report heard in December)
    doc = _without_header(tmp_path, "c07_gongjing2014.txt", "贡井区第十七届", "2013-12-26")
    assert (doc.year, doc.date) == (2014, "2013-12-26")


def test_clues_that_disagree_give_no_year(tmp_path: Path) -> None:
    text = (PAGES / "52_hanbin2025.txt").read_text("utf-8")
    body = text[text.index("各位代表"):]
    assert text_year(body) == 2025
    # a year planned that is not the one after the year done: no year
    planned_2019 = "2019年，全区经济社会发展的主要预期目标是：地区生产总值增长7%左右。"
    assert text_year(body + "\n" + planned_2019) is None
    # a year done as late as the year planned: no year
    assert text_year(planned_2019 + "2019年全区实现地区生产总值440.5亿元。") is None


def test_words_holding_yao_and_quoted_slogans_are_no_plan() -> None:
    # …省委、省政府工作要求 (要求), 重要, 纲要: no plan word; the sentence tells 2023 as done
    sentence = ("2023年，面对纷繁复杂的发展形势和交织叠加的风险挑战，在以习近平同志为核心的党中央"
                "坚强领导下，全市上下认真贯彻落实党中央、国务院决策部署和省委、省政府工作要求，"
                "实现了经济社会发展的重要目标")
    assert topic_years(sentence.replace("的重要目标", "的重要任务")).at_least == {2024}
    assert topic_years("2022年，统筹落实“疫情要防住、经济要稳住”的重大要求，完成了各项任务。"
                       ).at_least == {2023}
    assert topic_years("2020年，全市要坚持稳中求进，地区生产总值增长6%左右。").planned == {2020}


def test_spans_and_comparisons_are_no_year_done() -> None:
    assert text_year("到2020年，全市生产总值达到1万亿元。") is None
    assert text_year("全市生产总值比2010年翻一番，2016年以来累计完成投资500亿元。") is None
    assert text_year("2016年3月，完成投资50亿元。") is None


def _national_body(year: int) -> str:
    rows = [json.loads(line) for line in NATIONAL.read_text("utf-8").splitlines()]
    row = next(r for r in rows if r.get("year") == str(year))
    text = normalize(row["content"]).text
    return text[text.index("各位代表"):]


def test_national_reports_without_their_header() -> None:
    # 2004年，国内生产总值达到13.65万亿元 (2005); 1999年，…各方面工作都取得了新的成绩 (2000);
    # 1997年国内生产总值达到74772亿元 and two more levels of 1997 (1998); 一、1994年国内工作的
    # 回顾 (1995); 2011年，是“十二五”开局之年，做好今年的工作…至关重要 (2011)
    for year in (2005, 2000, 1998, 1995, 2011):
        assert text_year(_national_body(year)) == year, year


def test_one_level_reached_in_a_multi_year_review_is_not_enough() -> None:
    # one sentence of a five-year review tells a year done, not the last one reviewed: the
    # 2008 national report's 2006年，全国国有企业资产总额比2002年增长60.98%
    sentence = "2006年，全国国有企业资产总额比2002年增长60.98%，实现利润增长2.23倍。"
    assert topic_years(sentence).at_least == {2007}
    assert text_year(sentence) is None
    # two sentences telling the same year done are: 2016年达到… twice (汉中, a 2017 report)
    two = ("生产总值年均增长12.2%，2016年达到1156.49亿元；"
           "规模以上工业总产值年均增长19.2%，2016年达到1145.07亿元。")
    assert text_year(two) == 2017


def test_a_change_from_one_year_to_another_and_tasks_done() -> None:
    # 地区生产总值从2011年的1520亿元增加到2016年的2243.1亿元 (湖州, a 2017 report)
    assert topic_years("地区生产总值从2011年的1520亿元增加到2016年的2243.1亿元，年均增长8.6%。"
                       ).at_least == {2017}
    # 基本上完成了八届全国人大二次会议确定的1994年的工作任务 (the 1995 national report)
    assert topic_years("经过一年来的努力，我们基本上完成了八届全国人大二次会议确定的1994年的"
                       "工作任务。").at_least == {1995}


def test_a_level_reached_is_no_plan_word() -> None:
    # 规模以上 is no target's 以上, 完成…目标 no 目标是
    assert topic_years("2021年，全市规模以上工业增加值增长6.7%，节能指标均完成下达任务目标。"
                       ).at_least == {2022}
    assert topic_years("2021年，地区生产总值增长7%以上。").at_least == frozenset()


def test_speaker_quoted_with_an_adverb_before_the_verb() -> None:
    # the 1964 national report's abstract: 周恩来总理在报告中首先指出，从第二届…以来
    raw = next(r for r in read_file(NATIONAL, NATIONAL.name) if r.hints.get("year") == "1964")
    doc = build_document(raw)
    assert (doc.speaker, doc.speaker_title) == ("周恩来", "国务院总理")


def test_a_party_congress_awaited_is_held_in_the_reports_year() -> None:
    # the 山西 2017 plan part (fresh15b b04): …以优异成绩迎接党的十九大胜利召开
    assert infer_year("全力促进经济稳步向好、民生不断改善和社会和谐稳定，为塑造美好形象、实现振兴"
                      "崛起奠定更加坚实的基础，以优异成绩迎接党的十九大胜利召开。") == 2017
    # a past campaign's quoted name (the 西城 2023 report's glossary) and a review tell nothing
    assert infer_year("西城区在全区范围内开展的“百日提升 喜迎二十大”专项整治行动。") is None
    assert infer_year("过去一年，我们以实际行动喜迎党的二十大胜利召开。") is None


def test_a_work_reports_plan_part_alone_is_a_work_report() -> None:
    # dlnp.com.cn's copy of the plan part of the 西藏 2010 report (fresh16 22), and 山西 2017's
    for head in ("2010年主要任务\n今年是全面完成“十一五”规划目标任务的决战之年，也是承前启后的关键"
                 "之年，做好政府各项工作责任重大、意义深远。\n政府工作的总体要求是：高举中国特色"
                 "社会主义伟大旗帜。\n",
                 "二、2017年工作安排\n2017年是全面贯彻省第十一次党代会精神的起步之年。政府工作的"
                 "总体要求是，深入学习贯彻习近平总书记系列重要讲话精神。\n"):
        assert detect_doc_type(head, None) == "work_report"
    # a plan report's own words stay what they were
    assert detect_doc_type("2021年经济社会发展的总体要求是：坚持稳中求进。\n", None) == "other"


def test_headings_opening_on_a_year() -> None:
    # the 2011 national report's 三、2011年的工作; a review named 2023年工作总结和…发展成就
    assert heading_years("三、2011年的工作\n2011年，是“十二五”开局之年。") == {2011}
    assert heading_years("一、2025年工作总结和“十四五”发展成就\n") == {2026}
    assert heading_years("二、2012年工作总体部署\n") == {2012}
    # a plan's heading (the 1980 national report, heard in September: 1981年国民经济计划的
    # 任务和主要指标), a title, the first line of a sentence: nothing
    assert heading_years("二、1981年国民经济计划的任务和主要指标\n") == set()
    assert heading_years("2026年江苏省政府工作报告\n") == set()
    assert heading_years("1981年发展国民经济的主要任务，是继续贯彻执行调整\n") == set()


def test_a_title_year_the_body_contradicts_gives_no_year(tmp_path: Path) -> None:
    # the 汉滨 2025 report's body (2024年，我们…实现地区生产总值440.5亿元) under a title naming the
    # year reviewed, as some sites print it: the title and the body disagree, so no year
    text = (PAGES / "52_hanbin2025.txt").read_text("utf-8")
    body = text[text.index("各位代表"):]
    for title, year in (("汉滨区2024年政府工作报告", None), ("汉滨区2025年政府工作报告", 2025)):
        out = tmp_path / "page.txt"
        out.write_text(title + "\n" + body, "utf-8")
        doc = build_document(read_file(out, "page.txt")[0])
        assert (doc.title, doc.year) == (title, year)


def test_a_byline_released_by_the_head() -> None:
    # a wiki page's byline (fresh17b b05): 2014年1月6日武汉市第十三届人民代表大会第三次会议上由市长
    # 唐良智发布
    meta = extract_metadata("2014年武汉市政府工作报告\n2014年1月6日武汉市第十三届人民代表大会第三次"
                            "会议上由市长唐良智发布\n各位代表：\n现在，我代表市人民政府向大会报告"
                            "工作。", {})
    assert (meta.speaker, meta.speaker_title) == ("唐良智", "市长")
