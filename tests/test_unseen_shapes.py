"""Real tune reports rewritten into the shapes of city, county and banner reports never seen
here (issue 9; measured by benchmarks/fresh_pages.py on annotated public excerpts kept outside
the repository): December sessions, page headers with other dates, bylines of five-character
names and acting titles, page watermarks after a name, no region named at all, and the word
order 完成地区生产总值X."""

from __future__ import annotations

from pathlib import Path

from conftest import PROVINCES, SEEDS
from conftest import rewritten_report as _rewritten

from baogao.extract import extract_facts
from baogao.models import Document
from baogao.pipeline import build_document
from baogao.read import read_file

XICHENG_2023 = SEEDS / "000_b5713cac4734963f.txt"
NINGXIA_2026 = PROVINCES / "2026_宁夏回族自治区_政府工作报告.csv"



def test_december_session_hears_next_years_report(tmp_path: Path) -> None:
    doc = _rewritten(XICHENG_2023, tmp_path, ("——2023年1月4日在", "——2022年12月28日在"))
    assert doc.date == "2022-12-28"
    assert doc.year == 2023  # the report for 2023, reviewing 2022
    gdp = [f for f in extract_facts(doc) if f.indicator == "gdp" and f.value == 5700.1]
    assert [(f.kind, f.period) for f in gdp] == [("actual", 2022)]


def test_dateline_date_wins_over_a_page_header_date(tmp_path: Path) -> None:
    doc = _rewritten(XICHENG_2023, tmp_path,
                     ("政府工作报告\n", "成文日期: | 2023年02月15日 |\n政府工作报告\n"))
    assert doc.date == "2023-01-04"


def test_level_from_the_government_reported_for_when_no_region_is_named(
    tmp_path: Path,
) -> None:
    raw = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    body = raw[raw.index("各位代表"):].replace("西城区", "").replace("西城", "")
    for said, level in (("区人民政府", "district"), ("州人民政府", "city"),
                        ("旗第十五届人民政府", "district"), ("县政府", "district")):
        text = body.replace("我代表人民政府", f"我代表{said}", 1)
        out = tmp_path / f"{level}.txt"
        out.write_text(text, "utf-8")
        doc = build_document(read_file(out, out.name)[0])
        assert doc.region is None
        assert doc.level == level, said


def test_region_from_a_copys_title_led_by_its_province(tmp_path: Path) -> None:
    raw = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    body = raw[raw.index("各位代表"):].replace("西城区", "").replace("西城", "")
    out = tmp_path / "copy.txt"
    out.write_text("(北京市)2023年西城区人民政府工作报告(全文)\n" + body, "utf-8")
    doc = build_document(read_file(out, out.name)[0])
    assert (doc.region, doc.region_code, doc.level) == ("北京市西城区", "110102", "district")


def test_five_character_name_and_acting_chairman(tmp_path: Path) -> None:
    doc = _rewritten(NINGXIA_2026, tmp_path,
                     ("自治区人民政府主席 张雨浦\n", "自治区代主席 巴特尔朝鲁\n"))
    assert (doc.speaker, doc.speaker_title) == ("巴特尔朝鲁", "自治区代主席")


def test_acting_banner_head_and_a_watermark_after_the_name(tmp_path: Path) -> None:
    doc = _rewritten(XICHENG_2023, tmp_path,
                     ("北京市西城区人民政府区长 刘东伟\n",
                      "北京市西城区人民政府代旗长 刘东伟jMF\n"))
    assert (doc.speaker, doc.speaker_title) == ("刘东伟", "代旗长")


def test_completed_before_the_indicator_name(tmp_path: Path) -> None:
    doc = _rewritten(XICHENG_2023, tmp_path,
                     ("全区地区生产总值实现5700.1亿元", "全区完成地区生产总值5700.1亿元"))
    found = {(f.indicator, f.period, f.value) for f in extract_facts(doc)}
    assert ("gdp", 2022, 5700.1) in found
    assert ("gdp_growth", 2022, 4.1) in found


HEBEI_2026 = PROVINCES / "2026_河北省_政府工作报告.csv"


def test_plan_progress_clause_between_a_value_and_its_growth(tmp_path: Path) -> None:
    doc = _rewritten(XICHENG_2023, tmp_path,
                     ("5700.1亿元,同比增长4.1%", "5700.1亿元,占计划的100%,同比增长4.1%"))
    found = {(f.indicator, f.period, f.value) for f in extract_facts(doc)}
    assert {("gdp", 2022, 5700.1), ("gdp_growth", 2022, 4.1)} <= found
    assert not any(f.value == 100 for f in extract_facts(doc))


def test_year_of_a_multiples_base_is_not_the_values_year(tmp_path: Path) -> None:
    doc = _rewritten(XICHENG_2023, tmp_path, (
        "全区地区生产总值实现5700.1亿元",
        "到2022年底,全区金融业增加值是2012年的1.6倍,年均增长4.1%;"
        "全区地区生产总值实现5700.1亿元"))
    gdp = [f for f in extract_facts(doc) if f.indicator == "gdp"]
    assert [(f.period, f.value) for f in gdp] == [(2022, 5700.1)]


def test_an_opening_estimate_covers_the_items_of_its_list(tmp_path: Path) -> None:
    listed = ("全区地区生产总值实现5700.1亿元,同比增长4.1%,一般公共预算收入扣除留抵退税后、"
              "同口径增长5.6%,居民人均可支配收入同比增长2.4%。")
    doc = _rewritten(XICHENG_2023, tmp_path, (listed, (
        "全区地区生产总值预计实现5700.1亿元,同比增长4.1%;一般公共预算收入扣除留抵退税后、"
        "同口径增长5.6%;居民人均可支配收入同比增长2.4%。")))
    estimated = _estimates(doc)
    assert estimated[("general_budget_revenue_growth", 5.6)] is True
    assert estimated[("disposable_income_per_capita_growth", 2.4)] is True
    # an item that marks its own estimate shows the others are not estimates
    doc = _rewritten(XICHENG_2023, tmp_path, (listed, (
        "全区地区生产总值预计实现5700.1亿元,同比增长4.1%;一般公共预算收入扣除留抵退税后、"
        "同口径增长5.6%;居民人均可支配收入预计同比增长2.4%。")))
    estimated = _estimates(doc)
    assert estimated[("general_budget_revenue_growth", 5.6)] is False


def test_from_the_end_of_a_five_year_plan(tmp_path: Path) -> None:
    doc = _rewritten(HEBEI_2026, tmp_path,
                     ("全省生产总值从2020年的3.68万亿元", "全省生产总值由“十三五”期末的3.68万亿元"))
    found = {(f.indicator, f.period, f.value) for f in extract_facts(doc)}
    assert ("gdp", 2025, 49300) in found


JIANGSU_2026 = PROVINCES / "2026_江苏省_政府工作报告.csv"


def test_a_heading_on_a_five_year_plans_opening_is_dated_by_its_first_year(
    tmp_path: Path,
) -> None:
    # in a 2023 report, the opening of the 14th plan (2021) is a review …
    doc = _rewritten(XICHENG_2023, tmp_path, ("一、2022年工作回顾", "一、“十四五”开局起步扎实"))
    assert doc.sections[0].role == "review"
    gdp = [f for f in extract_facts(doc) if f.indicator == "gdp" and f.value == 5700.1]
    assert [(f.kind, f.period) for f in gdp] == [("actual", 2022)]
    # … and in a 2026 report, opening the 15th plan (2026) is the plan
    doc = _rewritten(JIANGSU_2026, tmp_path,
                     ("“十五五”时期工作总体要求和目标任务", "“十五五”开好局的总体要求"))
    assert [s.role for s in doc.sections if s.title.startswith("“十五五”")] == ["plan"]


DONGCHENG_2021 = SEEDS / "001_c37d6c11197b0023.txt"


def test_older_names_of_budget_revenue_and_retail_sales(tmp_path: Path) -> None:
    doc = _rewritten(DONGCHENG_2021, tmp_path,
                     ("区级一般公共预算收入实现181.4亿元", "区级一般公共财政预算收入实现181.4亿元"),
                     ("社会消费品零售总额1213.5亿元", "全社会消费品零售总额1213.5亿元"))
    found = {(f.indicator, f.period, f.value) for f in extract_facts(doc)}
    assert {("general_budget_revenue", 2020, 181.4), ("general_budget_revenue_growth", 2020, -4.4),
            ("retail_sales", 2020, 1213.5), ("retail_sales_growth", 2020, -8.0)} <= found


def test_a_county_since_made_a_city_or_district_reads_as_its_successor(tmp_path: Path) -> None:
    doc = _rewritten(XICHENG_2023, tmp_path,
                     ("在北京市西城区第十七届", "在湖北省监利县第十七届"),
                     ("北京市西城区人民政府区长", "监利县人民政府县长"))
    assert (doc.region, doc.region_code, doc.level) == ("湖北省荆州市监利市", "421088", "district")
    assert doc.region_path == ("湖北省", "荆州市", "监利市")


def test_derived_former_county_names_never_guess() -> None:
    from baogao.read.regions import resolve

    assert [r.code for r in resolve("长安县")] == ["610116"]  # 西安市长安区
    assert len(resolve("鼓楼县")) == 4  # four 鼓楼区: ambiguous, never guessed
    assert [r.full for r in resolve("朝阳县")] == ["辽宁省朝阳市朝阳县"]  # a county still so named


JIANGXI_2026 = PROVINCES / "2026_江西省_政府工作报告.csv"


def test_spaces_where_latin_meets_chinese_keep_the_name_whole(tmp_path: Path) -> None:
    # PDF or Word text prints 占 GDP 比重, 单位 GDP 能耗: the names stay whole (单位 GDP 能耗
    # 下降 5% is energy intensity, never GDP falling 5%)
    plain = _clean_facts(JIANGXI_2026)
    spaced = _rewritten(JIANGXI_2026, tmp_path,
                        ("增加值占GDP比重达9.5%左右", "增加值占 GDP 比重达 9.5%左右"),
                        ("单位GDP能耗累计下降16%左右", "单位 GDP 能耗累计下降 16%左右"))
    got = {(f.indicator, f.period, f.value) for f in extract_facts(spaced)}
    assert got == plain
    assert ("digital_economy_share", 2026, 9.5) in got
    assert not any(i == "gdp_growth" and v == -16.0 for i, _, v in got)


def _estimates(doc: Document) -> dict[tuple[str | None, float | None], bool]:
    """Whether each catalog fact of ``doc`` (by indicator and value) is marked an estimate."""
    return {(f.indicator, f.value): f.estimated for f in extract_facts(doc)}


def _clean_facts(path: Path) -> set[tuple[str | None, int | None, float | None]]:
    doc = build_document(read_file(path, path.name)[0])
    return {(f.indicator, f.period, f.value) for f in extract_facts(doc)}


def test_an_estimate_before_a_line_cut_inside_its_sentence(tmp_path: Path) -> None:
    # a copy's hard-wrapped lines (…初步修订结果，预计 / 全市地区生产总值…) that were not
    # rejoined: the estimate still covers its sentence
    doc = _rewritten(XICHENG_2023, tmp_path, (
        "全区地区生产总值实现5700.1亿元,同比增长4.1%,一般公共预算收入",
        "经初步核算,预计\n全区地区生产总值实现5700.1亿元,同比增长4.1%;一般公共预算收入"))
    estimated = _estimates(doc)
    assert estimated[("gdp", 5700.1)] is True
    assert estimated[("gdp_growth", 4.1)] is True
    assert estimated[("general_budget_revenue_growth", 5.6)] is True
    # a list that an estimate opens goes on across a cut line
    doc = _rewritten(XICHENG_2023, tmp_path, (
        "全区地区生产总值实现5700.1亿元,同比增长4.1%,一般公共预算收入扣除留抵退税后、",
        "全区地区生产总值预计实现5700.1亿元,同比增长4.1%;一般公共预算收入扣除\n留抵退税后、"),
        ("同口径增长5.6%,居民人均可支配收入同比增长2.4%",
         "同口径增长5.6%;居民人均可支配收入同比增长2.4%"))
    estimated = _estimates(doc)
    assert estimated[("disposable_income_per_capita_growth", 2.4)] is True
    # a line that ends its sentence ends the estimate's reach
    doc = _rewritten(XICHENG_2023, tmp_path, (
        "全区地区生产总值实现5700.1亿元,同比增长4.1%,一般公共预算收入",
        "全区预计完成年度任务。\n全区地区生产总值实现5700.1亿元,同比增长4.1%;一般公共预算收入"))
    estimated = _estimates(doc)
    assert estimated[("gdp", 5700.1)] is False


def test_a_byline_block_of_a_bare_name_and_a_bare_date(tmp_path: Path) -> None:
    doc = _rewritten(XICHENG_2023, tmp_path, (
        "政府工作报告\n——2023年1月4日在北京市西城区第十七届\n人民代表大会第三次会议上\n"
        "北京市西城区人民政府区长 刘东伟\n",
        "北京市西城区第十七届人民代表大会第三次会议政府工作报告\n刘东伟\n(2023年1月4日)\n"))
    assert (doc.speaker, doc.date, doc.region) == ("刘东伟", "2023-01-04", "北京市西城区")


def test_a_transcripts_speaker_label(tmp_path: Path) -> None:
    doc = _rewritten(XICHENG_2023, tmp_path, (
        "北京市西城区人民政府区长 刘东伟\n各位代表:\n现在,我代表",
        "以下为文字实录:\n刘东伟:\n现在,我代表"))
    assert doc.speaker == "刘东伟"


def test_a_dateline_printed_after_the_opening(tmp_path: Path) -> None:
    # a journal's abstract page: the salutation and opening first, then the title line
    raw = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    start = raw.index("各位代表")
    opening_end = raw.index("\n", raw.index("现在,我代表", start))
    text = ("简介:" + raw[start:opening_end] + "\n政府工作报告——2023年1月4日在北京市西城区"
            "第十七届人民代表大会第三次会议上\n" + raw[opening_end + 1 :])
    out = tmp_path / "abstract.txt"
    out.write_text(text, "utf-8")
    doc = build_document(read_file(out, out.name)[0])
    assert (doc.date, doc.year) == ("2023-01-04", 2023)


_LISTED = ("全区地区生产总值实现5700.1亿元,同比增长4.1%,一般公共预算收入扣除留抵退税后、"
           "同口径增长5.6%,居民人均可支配收入同比增长2.4%。")


def test_a_note_after_a_value_calls_it_an_estimate(tmp_path: Path) -> None:
    # 地区生产总值285亿元（预计，下同）: the note marks its value, and with 下同 the values
    # after it in the paragraph, across its full stops
    doc = _rewritten(XICHENG_2023, tmp_path, (_LISTED, (
        "全区地区生产总值实现5700.1亿元(预计数,下同),同比增长4.1%;一般公共预算收入扣除留抵退税后、"
        "同口径增长5.6%。居民人均可支配收入同比增长2.4%。")))
    estimated = _estimates(doc)
    assert estimated[("gdp", 5700.1)] is True
    assert estimated[("gdp_growth", 4.1)] is True
    assert estimated[("general_budget_revenue_growth", 5.6)] is True
    assert estimated[("disposable_income_per_capita_growth", 2.4)] is True
    # without 下同 the note marks only the value it follows
    doc = _rewritten(XICHENG_2023, tmp_path, (_LISTED, (
        "全区地区生产总值实现5700.1亿元（初步预计）,同比增长4.1%;一般公共预算收入扣除留抵退税后、"
        "同口径增长5.6%。居民人均可支配收入同比增长2.4%。")))
    estimated = _estimates(doc)
    assert estimated[("gdp", 5700.1)] is True
    assert estimated[("general_budget_revenue_growth", 5.6)] is False
    assert estimated[("disposable_income_per_capita_growth", 2.4)] is False


def test_an_estimate_in_a_paragraph_that_opens_on_its_year(tmp_path: Path) -> None:
    # 2018年，是…。预计：全县GDP…达109亿元、增长9.2%；一般公共预算收入…: the opening year
    # dates the values, the 预计 still marks them
    doc = _rewritten(XICHENG_2023, tmp_path, ("刚刚过去的2022年,是", "2022年,是"), (_LISTED, (
        "预计:全区地区生产总值实现5700.1亿元,同比增长4.1%;一般公共预算收入扣除留抵退税后、"
        "同口径增长5.6%;居民人均可支配收入同比增长2.4%。")))
    facts = {(f.indicator, f.value): f for f in extract_facts(doc)}
    assert (facts[("gdp", 5700.1)].estimated, facts[("gdp", 5700.1)].period) == (True, 2022)
    assert facts[("disposable_income_per_capita_growth", 2.4)].estimated is True


def test_an_opening_estimate_covers_its_list_where_no_review_heading_is_seen(
    tmp_path: Path,
) -> None:
    # a page whose review heading was lost (…提出意见。 过去一年，…): no review section is
    # known, and the list an estimate opens is still all estimates
    doc = _rewritten(XICHENG_2023, tmp_path, ("一、2022年工作回顾\n刚刚过去的2022年", "过去一年"),
                     (_LISTED, (
                         "全区预计地区生产总值实现5700.1亿元,同比增长4.1%;一般公共预算收入扣除留抵退税后、"
                         "同口径增长5.6%;居民人均可支配收入同比增长2.4%。")))
    estimated = _estimates(doc)
    assert estimated[("general_budget_revenue_growth", 5.6)] is True
    assert estimated[("disposable_income_per_capita_growth", 2.4)] is True


def test_the_start_year_of_a_change_does_not_date_the_values_after_it(tmp_path: Path) -> None:
    # 三次产业结构由2007年的22:37:41调整为19.9:36.9:43.2；地方财政收入6.02亿元: the year
    # belongs to the start of the change, not to the values that follow
    doc = _rewritten(XICHENG_2023, tmp_path, ("全区地区生产总值实现5700.1亿元", (
        "三次产业结构由2021年的0.1:8.9:91调整为0.1:8.5:91.4,全区地区生产总值实现5700.1亿元")))
    gdp = [f for f in extract_facts(doc) if f.indicator == "gdp" and f.value == 5700.1]
    assert [(f.kind, f.period) for f in gdp] == [("actual", 2022)]


def test_year_of_a_news_page_copy_from_its_quoted_title_or_its_review_heading(
    tmp_path: Path,
) -> None:
    # a news page: site lines spaced by blank lines, then 2012年苍山县两会《政府工作报告》
    undated = (("政府工作报告\n——2023年1月4日在北京市西城区第十七届\n人民代表大会第三次会议上\n"
                "北京市西城区人民政府区长 刘东伟\n", ""), ("刚刚过去的2022年", "2022年"),
               ("二、2023年主要任务", "二、主要任务"))
    doc = _rewritten(XICHENG_2023, tmp_path, *undated, ("一、2022年工作回顾", "一、工作回顾"))
    assert doc.year is None
    doc = _rewritten(XICHENG_2023, tmp_path, *undated, ("一、2022年工作回顾", "一、工作回顾"),
                     ("各位代表", "新闻热线:0000000\n\n主办单位\n\n当前位置:主页 > 专题 > 两会 >"
                      "\n\n2023年西城区两会《政府工作报告》\n\n各位代表"))
    assert (doc.year, doc.title) == (2023, "2023年西城区政府工作报告")
    # a report heard late, after the new year began: 2022年和今年以来工作回顾
    doc = _rewritten(XICHENG_2023, tmp_path, *undated,
                     ("一、2022年工作回顾", "一、2022年和今年以来工作回顾"))
    assert doc.year == 2023


def test_an_autonomous_prefecture_or_a_banner_by_its_short_name(tmp_path: Path) -> None:
    # (贵州省)2021年黔西南州人民政府工作报告, 科左后旗人民政府旗长: the stem and the bare
    # suffix of an autonomous area, and the short forms of banners in common use
    from baogao.read.regions import resolve

    assert [r.full for r in resolve("长阳县")] == ["湖北省宜昌市长阳土家族自治县"]
    assert [r.code for r in resolve("科左后旗")] == ["150522"]
    raw = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    for short, code in (("黔西南州", "522300"), ("科左后旗", "150522")):
        out = tmp_path / f"{code}.txt"
        out.write_text(raw.replace("北京市西城区", short).replace("西城区", short), "utf-8")
        doc = build_document(read_file(out, out.name)[0])
        assert doc.region_code == code, short


def test_speakers_of_copies_with_odd_bylines(tmp_path: Path) -> None:
    byline = "北京市西城区人民政府区长 刘东伟\n"
    for new, title in (
        ("北京市西城区人民政府区长 <**r />刘东伟\n", "区长"),  # a masked <br /> left in the text
        ("刘东伟在区十七届人大三次会议上作的政府工作报告\n", None),  # a name before its meeting
        ("区政府 刘东伟\n", None),  # a government and a name, no title
        ("制定机关:西城区人民政府(主讲人为西城区区长刘东伟) 2023年1月4日 |\n", "区长"),
    ):
        doc = _rewritten(XICHENG_2023, tmp_path, (byline, new))
        assert (doc.speaker, doc.speaker_title) == ("刘东伟", title), new
    # nor is a government's office a name
    for office in ("办公室", "办公室文件"):
        doc = _rewritten(XICHENG_2023, tmp_path, (byline, f"区人民政府 {office}\n"))
        assert doc.speaker != office


def test_a_header_broken_into_a_line_per_run(tmp_path: Path) -> None:
    # a PDF text layer: 2020 / 年吉林省 / 政府工作报告 / —— / 2020 / 年 / 1 / 月 / 12 / 日在…
    # / 省长 / 景俊海
    doc = _rewritten(XICHENG_2023, tmp_path, (
        "政府工作报告\n——2023年1月4日在北京市西城区第十七届\n人民代表大会第三次会议上\n"
        "北京市西城区人民政府区长 刘东伟\n",
        "2023\n年西城区\n政府工作报告\n——\n2023\n年\n1\n月\n4\n日在北京市西城区第十七届人民代表大会"
        "第三次会议上\n区长\n刘东伟\n"))
    assert (doc.date, doc.speaker, doc.speaker_title) == ("2023-01-04", "刘东伟", "区长")


def test_a_note_marker_and_a_space_where_a_line_broke(tmp_path: Path) -> None:
    # 一般公共预算收入[1]17.7亿元, 同 比增长3%: a copy's note marker after a name and a space
    # left where its line broke, inside a paragraph
    doc = _rewritten(XICHENG_2023, tmp_path, (
        "全区地区生产总值实现5700.1亿元,同比增长4.1%,一般公共预算收入扣除留抵退税后、",
        "全区地区生产总值[1]实现5700.1亿元,同 比增长4.1%,一般公共预算收入扣除留抵退税后、"))
    facts = {(f.indicator, f.value) for f in extract_facts(doc)}
    assert {("gdp", 5700.1), ("gdp_growth", 4.1)} <= facts
    assert "同比增长4.1%" in doc.text and "[1]" not in doc.text
    # a byline's space stays: it is no paragraph
    assert "区长 刘东伟" in _rewritten(XICHENG_2023, tmp_path).text


def test_a_live_transcript_with_a_label_and_a_time_on_each_line(tmp_path: Path) -> None:
    # [溫家寶]:一、2009年工作回顧 [09:05]: the labels and stamps are dropped, so the headings
    # open their sections again
    raw = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    head, body = raw.split("各位代表", 1)
    lines = ("各位代表" + body).split("\n")
    text = head + "\n".join(f"[刘东伟]:{ln} [09:{i % 60:02d}]" if ln.strip() else ln
                            for i, ln in enumerate(lines))
    out = tmp_path / "transcript.txt"
    out.write_text(text, "utf-8")
    doc = build_document(read_file(out, out.name)[0])
    assert "[09:" not in doc.text and doc.text.count("[刘东伟]") <= 1
    gdp = [f for f in extract_facts(doc) if f.indicator == "gdp" and f.value == 5700.1]
    assert [(f.kind, f.period) for f in gdp] == [("actual", 2022)]


def test_an_excerpt_of_a_few_hard_wrapped_lines(tmp_path: Path) -> None:
    # an aggregator's excerpt: a heading and part of a paragraph cut at a print width into six
    # lines (…同比增长 / 4.1%，…): fewer than ten long lines, and still rejoined
    from baogao.read.normalize import visual_width

    raw = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    head = raw[: raw.index("刚刚过去的2022年")]
    para = raw[raw.index("我们全面贯彻") : raw.index("2.4%。") + 5]
    lines, line = [], ""
    for ch in para:
        line += ch
        if visual_width(line) >= 68:
            lines.append(line)
            line = ""
    out = tmp_path / "excerpt.txt"
    out.write_text(head + "\n".join([*lines, line]) + "\n", "utf-8")
    doc = build_document(read_file(out, out.name)[0])
    assert len(lines) == 6
    facts = {(f.indicator, f.value, f.period) for f in extract_facts(doc)}
    assert {("gdp_growth", 4.1, 2022), ("disposable_income_per_capita_growth", 2.4, 2022)} <= facts


def test_an_excerpt_cut_at_no_one_width(tmp_path: Path) -> None:
    # an aggregator's copy whose lines were cut at varying lengths, most of them inside a
    # sentence (…一般公共 / 预算支出完成14.34亿元): after the salutation, a long line that
    # ends inside its sentence goes on with the next one; a heading stays a heading
    raw = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    head = raw[: raw.index("刚刚过去的2022年")]
    para = raw[raw.index("我们全面贯彻") : raw.index("2.4%。") + 5]
    lines, pos = [], 0
    for k in range(len(para)):
        size = (38, 46, 41, 49, 43, 52)[len(lines) % 6]
        if k - pos >= size:
            lines.append(para[pos:k])
            pos = k
    out = tmp_path / "excerpt.txt"
    out.write_text(head + "\n".join([*lines, para[pos:]]) + "\n", "utf-8")
    doc = build_document(read_file(out, out.name)[0])
    facts = {(f.indicator, f.value, f.period) for f in extract_facts(doc)}
    assert {("gdp_growth", 4.1, 2022), ("disposable_income_per_capita_growth", 2.4, 2022)} <= facts
    assert "一、2022年工作回顾\n" in doc.text


ANHUI_2026 = PROVINCES / "2026_安徽省_政府工作报告.csv"
SHANGHAI_2026 = PROVINCES / "2026_上海市_政府工作报告.csv"


def _headless(path: Path, folder: Path, *pairs: tuple[str, str]) -> tuple[str | None, str | None]:
    """(region, level) of the report at ``path`` from its salutation on, its full region name
    left out and each (old, new) replaced: a copy that prints no title, dateline or byline."""
    raw = read_file(path, path.name)[0].text
    body = raw[raw.index("各位代表"):]
    for old, new in pairs:
        assert old in body, old
        body = body.replace(old, new)
    out = folder / "copy.txt"
    out.write_text(body, "utf-8")
    doc = build_document(read_file(out, out.name)[0])
    return doc.region, doc.level


def test_provincial_report_naming_one_of_its_cities_first(tmp_path: Path) -> None:
    city = ("强化重点市重点行业联系包保服务", "强化合肥市重点行业联系包保服务")
    assert _headless(ANHUI_2026, tmp_path, ("安徽省", ""), city) == ("安徽省", "province")
    # the city is another province's and the province is not named: no region, not the city
    other = ("强化重点市重点行业联系包保服务", "强化南京市重点行业联系包保服务")
    assert _headless(ANHUI_2026, tmp_path, ("安徽省", ""), ("安徽", "本省"), other) == (
        None, "province")


def test_municipalitys_report_naming_only_itself_by_its_short_name(tmp_path: Path) -> None:
    plan = ("现在，我代表人民政府，向大会报告工作", "受市人民政府委托，现将计划草案提请大会审查")
    assert _headless(SHANGHAI_2026, tmp_path, ("上海市", ""), plan) == ("上海市", "province")
    # a prefecture's short name printed too: it may be that city's report, so no region
    other = ("集成电路、生物医药", "苏州集成电路、生物医药")
    assert _headless(SHANGHAI_2026, tmp_path, ("上海市", ""), plan, other)[0] is None


def test_byline_of_a_date_and_a_name(tmp_path: Path) -> None:
    doc = _rewritten(ANHUI_2026, tmp_path, ("省人民政府省长 王清宪\n", "(2026年2月5日 王清宪)\n"))
    assert doc.speaker == "王清宪"
    # a date run into a verb is no byline
    doc = _rewritten(ANHUI_2026, tmp_path, ("省人民政府省长 王清宪\n", "(2026年2月5日发布)\n"))
    assert doc.speaker is None


def test_numbered_parts_under_an_unnumbered_review_heading_are_the_review(
    tmp_path: Path,
) -> None:
    """A copy that lost the review heading's number (工作回顾) and numbers its parts 一、二、…:
    those parts are the review, not the plan."""
    raw = read_file(XICHENG_2023, XICHENG_2023.name)[0].text
    review = raw[raw.index("一、2022年工作回顾") : raw.index("二、2023年主要任务")]
    parts = [(f"({n})", f"{n}、") for n in "一二三四五六"]
    for old, _ in parts:
        assert review.count(old) == 1, old
    new_review = review.replace("一、2022年工作回顾", "过去一年工作回顾", 1)
    for old, new in parts:
        new_review = new_review.replace(old, new, 1)
    doc = _rewritten(XICHENG_2023, tmp_path, (review, new_review),
                     ("二、2023年主要任务", "今年主要任务"))
    found = {(f.indicator, f.kind, f.period) for f in extract_facts(doc)
             if f.indicator in ("pm25", "registered_unemployment_rate") and f.value in (32, 2.24)}
    assert found == {("pm25", "actual", 2022), ("registered_unemployment_rate", "actual", 2022)}
