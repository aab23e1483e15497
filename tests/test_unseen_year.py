"""The year, date, region and speaker of pages that print no dateline (issue 9, round 9;
measured by benchmarks/fresh_pages.py on annotated public pages kept outside the repository):
news pages on a national session named in short (十四届全国人大三次会议), a meeting day dated
by the year the text gives, five-year plans, congresses named by their kind alone, officials
delivering a plan or budget report in a news sentence. Each test rewrites a real report of the
corpus (or one of its sentences) into the shape."""

from __future__ import annotations

from pathlib import Path

from conftest import NATIONAL, SEEDS, rewritten_report

from baogao.models import Document
from baogao.pipeline import build_document
from baogao.read import read_file
from baogao.read.dating import infer_year, news_year

XICHENG_2023 = SEEDS / "000_b5713cac4734963f.txt"
XICHENG_PLAN_2024 = SEEDS / "003_cd0a21e123bf8728.txt"
XICHENG_HEADER = ("政府工作报告\n——2023年1月4日在北京市西城区第十七届\n人民代表大会第三次会议上\n"
                  "北京市西城区人民政府区长 刘东伟\n")
#: the 2025 national report (the first row of the corpus) opens on its salutation
OPENING = "各位代表：\n\n现在，我代表国务院，向大会报告政府工作"


def _national(tmp_path: Path, lead: str, *pairs: tuple[str, str]) -> Document:
    return rewritten_report(NATIONAL, tmp_path, (OPENING, lead + OPENING), *pairs)


def _xicheng(tmp_path: Path, header: str, *pairs: tuple[str, str]) -> Document:
    return rewritten_report(XICHENG_2023, tmp_path, (XICHENG_HEADER, header), *pairs)


def test_national_session_named_in_short_dates_the_page(tmp_path: Path) -> None:
    # the session's year by the NPC term calendar; the day by that year
    doc = _national(tmp_path, "3月5日,十四届全国人大三次会议在北京人民大会堂开幕。\n",
                    ("2024年工作回顾", "过去一年工作回顾"), ("“十四五”规划收官之年", "关键之年"))
    assert (doc.region, doc.year, doc.date) == ("中华人民共和国", 2025, "2025-03-05")


def test_standing_committee_session_gives_no_year(tmp_path: Path) -> None:
    # the Standing Committee numbers its sessions through the term: 第十次会议 is no year
    silent = (("2024年工作回顾", "过去一年工作回顾"), ("“十四五”规划收官之年", "关键之年"),
              ("中华人民共和国成立75周年", "中华人民共和国成立周年"),
              ("三、2025年政府工作任务", "三、政府工作任务"),
              ("二、2025年经济社会发展总体要求", "二、经济社会发展总体要求"))
    for lead in ("3月5日,十四届全国人大常委会第二次会议在北京人民大会堂举行。\n",
                 "第十四届全国人民代表大会常务委员会第二次会议\n"):
        doc = _national(tmp_path, lead, *silent)
        assert doc.year is None and doc.date is None, lead


def test_five_year_plan_place_gives_the_year() -> None:
    # a sentence of the 2025 national report, and the same said of the past year
    assert infer_year("今年是“十四五”规划收官之年,也是进一步全面深化改革的重要一年。") == 2025
    assert infer_year("过去一年是“十四五”规划收官之年。") == 2026
    assert infer_year("今年是“十五五”开局之年。") == 2026


def test_year_in_chinese_numerals_with_a_typed_zero() -> None:
    # 二00四年: a zero typed as a digit among Chinese numerals
    assert infer_year("二0二五年发展主要预期目标是:国内生产总值增长5%左右。") == 2025
    assert infer_year("初步预计,2024年,北京市西城区地区生产总值增长5%左右。") == 2025


def test_dateline_day_of_a_news_agency(tmp_path: Path) -> None:
    # the day a news agency files its story is the meeting's only when it says so
    today = "新华社北京3月5日电 十四届全国人大三次会议今天上午在人民大会堂开幕。\n"
    assert _national(tmp_path, today).date == "2025-03-05"
    later = "新华社北京3月13日电 十四届全国人大三次会议审查的预算报告全文发布。\n"
    assert _national(tmp_path, later).date is None


def test_news_page_summarising_the_report_on_behalf_of_a_meeting(tmp_path: Path) -> None:
    # a session's page names the plan report it examines, yet carries the work report
    lead = ("十四届全国人大三次会议5日上午在人民大会堂开幕,听取国务院总理李强关于政府工作的报告,"
            "审查国务院关于2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划"
            "草案的报告。\n")
    doc = _national(tmp_path, lead)
    assert (doc.doc_type, doc.year) == ("work_report", 2025)


def test_speaker_in_a_news_sentence(tmp_path: Path) -> None:
    lead = "北京市西城区第十七届人民代表大会第三次会议开幕\n"
    for said in ("区长刘东伟做政府工作报告。", "刘东伟在作政府工作报告时说,要稳中求进。"):
        doc = _xicheng(tmp_path, lead + said + "\n")
        assert doc.speaker == "刘东伟", said
    # a name with a middle dot stops before 所作
    doc = _xicheng(tmp_path, lead + "大会听取了区长刘·东伟所作的《政府工作报告》。\n")
    assert doc.speaker == "刘·东伟"


def test_official_delivering_a_plan_report_in_a_news_sentence(tmp_path: Path) -> None:
    lead = ("1月5日,北京市西城区第十七届人民代表大会第四次会议开幕。受区人民政府委托,"
            "北京市西城区发展和改革委员会主任张三向大会作了关于西城区2023年国民经济和社会发展"
            "计划执行情况与2024年计划草案的报告。\n")
    doc = rewritten_report(XICHENG_PLAN_2024, tmp_path, ("各位代表：", lead + "各位代表："))
    assert (doc.speaker, doc.speaker_title) == ("张三", "发展和改革委员会主任")


def test_office_line_after_the_dateline_is_no_speaker(tmp_path: Path) -> None:
    header = ("关于北京市西城区2022年预算执行情况和2023年预算草案的报告\n"
              "——2023年1月4日在北京市西城区第十七届人民代表大会第三次会议上\n区财政局\n")
    assert _xicheng(tmp_path, header).speaker is None


def test_a_body_citing_resolutions_is_no_resolution(tmp_path: Path) -> None:
    header = ("北京市西城区2023年政府工作报告一、2022年工作回顾2022年,我们认真执行区十七届人大"
              "二次会议的各项决议。\n")
    text = _xicheng(tmp_path, header).text
    cut = tmp_path / "short.txt"  # a short excerpt: a resolution is short
    cut.write_text(text[:2500], "utf-8")
    assert build_document(read_file(cut, cut.name)[0]).doc_type == "work_report"


def test_national_only_words_name_the_nation(tmp_path: Path) -> None:
    # a page on the national report that prints no region of its own: the State Council's
    # plan for the country
    lead = ("李强说,2025年发展主要预期目标是国内生产总值增长5%左右。根据会议议程,大会印发了国务院"
            "关于2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告。\n")
    doc = _national(tmp_path, lead, ("我代表国务院", "我代表"))
    assert (doc.region, doc.level) == ("中华人民共和国", "national")


#: the 2023 Xicheng report's words naming its region (and its province) taken out
_UNNAMED = (("北京市西城区", "全州"), ("西城区", "全州"), ("西城", "本州"), ("北京冬奥", "冬奥"),
            ("北京2022年", "2022年"), ("北京首批", "首批"))


def test_congress_named_by_its_kind_and_a_short_name(tmp_path: Path) -> None:
    # a page naming no region in full: the government's kind (州) and the one prefecture of
    # that kind whose short name it prints
    header = ("——州十七届人民代表大会第三次会议开幕侧记\n1月4日,来自全州的代表共同描绘迪庆未来的"
              "发展蓝图。州长刘东伟向大会作《政府工作报告》。\n")
    ours = ("我代表西城区人民政府", "我代表州人民政府")
    doc = _xicheng(tmp_path, header, ours, *_UNNAMED)
    assert (doc.region, doc.level) == ("云南省迪庆藏族自治州", "city")
    # two prefectures' short names: none chosen
    two = header.replace("迪庆未来", "迪庆和大理未来")
    assert _xicheng(tmp_path, two, ours, *_UNNAMED).region is None
    # an autonomous region's government and the one region whose cities the page names
    header = ("1月4日,自治区两会在银川召开。会上,自治区主席刘东伟代表自治区政府向大会作了政府工作"
              "报告。\n")
    ours = ("我代表西城区人民政府", "我代表自治区人民政府")
    # the report names 雄安新区 (河北) and 广安体育馆 (广安: a city of 四川) in its first pages:
    # cities of several provinces name none
    assert _xicheng(tmp_path, header, ours, *_UNNAMED).region is None
    doc = _xicheng(tmp_path, header, ours, *_UNNAMED, ("雄安新区", "新区"),
                   ("广安体育馆", "体育馆"))
    assert (doc.region, doc.level) == ("宁夏回族自治区", "province")


def test_page_stamp_dates_no_meeting_and_yesterday_gives_the_year(tmp_path: Path) -> None:
    stamp = "2023年01月05日08:07 西城区融媒体中心\n"
    head = stamp + "区政府昨日向区十七届人大三次会议作的政府工作报告,显示出新亮点。\n"
    assert news_year(head) == 2023
    assert news_year(stamp + "区政府工作报告显示出新亮点。\n") is None
    doc = _xicheng(tmp_path, head)
    assert doc.date is None and doc.year == 2023


def test_notice_issuing_the_plan_is_dated_when_issued(tmp_path: Path) -> None:
    notice = ("北京市西城区人民政府关于印发北京市西城区2024年国民经济和社会发展计划的通知\n"
              "各街道办事处:\n《北京市西城区2024年国民经济和社会发展计划》已经区十七届人大四次会议"
              "审议通过,现印发给你们。\n北京市西城区人民政府\n2024年3月19日\n")
    doc = rewritten_report(XICHENG_PLAN_2024, tmp_path, ("各位代表：", notice + "各位代表："))
    assert doc.date is None


def test_page_opening_on_a_section_heading_has_no_title(tmp_path: Path) -> None:
    # a page of a report's middle: its heading names the year reviewed, not the report's
    doc = _xicheng(tmp_path, "（三）2022年预算收支情况。\n", ("一、2022年工作回顾", "一、工作回顾"),
                   ("刚刚过去的2022年", "刚刚过去的一年"))
    assert doc.title is None and doc.year != 2022


def test_national_session_sitting_names_the_nation(tmp_path: Path) -> None:
    # a page on the session that prints no State Council cue of its own
    lead = "十四届全国人大三次会议5日上午在人民大会堂开幕。\n"
    doc = _national(tmp_path, lead, ("我代表国务院", "我代表"))
    assert (doc.region, doc.level, doc.year) == ("中华人民共和国", "national", 2025)
    # a local page on the same day: its own words (我市代表) name no nation
    doc = _national(tmp_path, lead + "我市代表认真听取了报告。\n", ("我代表国务院", "我代表"))
    assert doc.region != "中华人民共和国"


def test_speaker_quoted_from_the_report(tmp_path: Path) -> None:
    said = "李强总理在政府工作报告中提出,今年发展主要预期目标是国内生产总值增长5%左右。\n"
    doc = _national(tmp_path, said)
    assert (doc.speaker, doc.speaker_title) == ("李强", "国务院总理")
    # a district's page quoting the premier: not its speaker
    doc = _xicheng(tmp_path, "北京市西城区第十七届人民代表大会第三次会议开幕\n" + said)
    assert doc.speaker is None
    doc = _xicheng(tmp_path, "北京市西城区第十七届人民代表大会第三次会议开幕\n"
                   "区长刘东伟在政府工作报告中指出,要稳中求进。\n")
    assert (doc.speaker, doc.speaker_title) == ("刘东伟", "区长")
