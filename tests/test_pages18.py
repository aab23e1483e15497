"""Page metadata and page shapes of session 18 (issue 9; measured by benchmarks/fresh_pages.py on
the tune splits of benchmarks/data/fresh13 … fresh18): a county that names itself only by its
short name in a phrase of its own (关心、支持绩溪发展, 落户宜丰, 幸福武清); the district's congress
over the city a headline names; a target line (今年经济社会发展主要预期目标) framing a list one item
a line; a figure printed under one year and again after 去年; a news lede asking about a year's
plan and answering of 今年; a title's year (the year reviewed) giving way to the body's review
heading; a bullet opening a line; a date broken over lines. Each test reads a real tune page
(copied to tests/data/pages18) or a variant of one."""

from __future__ import annotations

import re

from baogao.read.meta_years import text_year
from tests.conftest import DATA
from tests.conftest import catalog_rows as _catalog
from tests.conftest import page_doc as _doc

PAGES = DATA / "pages18"


def _page(name: str) -> str:
    """A tune page as the search tool stored it (copied from benchmarks/data)."""
    return (PAGES / name).read_text("utf-8")


#: the plan part of the 绩溪县 2019 report (fresh18 16): the county is named only in the thanks
#: (向所有关心、支持绩溪发展的各界友人) and in 驻绩部队
JIXI_2019 = _page("16_jixi2019_p3.txt")


def test_a_county_named_only_in_its_own_thanks_is_the_report_region() -> None:
    doc = _doc(JIXI_2019)
    assert (doc.region, doc.level, doc.year) == ("安徽省宣城市绩溪县", "district", 2019)


def test_a_county_short_name_counts_only_in_a_phrase_of_its_own() -> None:
    # the same short name in a passing mention (绩溪的客商) names no region
    assert _doc(JIXI_2019.replace("支持绩溪发展", "支持本县发展").replace(
        "驻绩部队", "驻绩溪的客商")).region is None
    # nor on a page whose government is no county's (我代表市人民政府)
    assert _doc(JIXI_2019.replace("县人民政府", "市人民政府")).region != "安徽省宣城市绩溪县"


def test_a_county_project_settling_in_it_and_a_slogan_name_the_county() -> None:
    yifeng = _doc(_page("20_yifeng2009.txt"))  # …大项目成功落户宜丰
    assert yifeng.region == "江西省宜春市宜丰县"
    wuqing = _doc(_page("40_wuqing_plan2021.txt"))  # 为建设京津明珠、幸福武清奠定了坚实基础
    assert wuqing.region == "天津市武清区"


def test_a_short_name_that_is_a_word_or_runs_into_a_province_names_no_county() -> None:
    # 落户安居等服务 (安居区), 美丽新宁夏 (新宁县): words and a province's name, not counties
    text = ("各位代表：现在，我代表县人民政府向大会报告工作。一年来，我们优化创业融资、落户安居等"
            "服务，助力美丽新宁夏建设。")
    assert _doc(text).region is None


#: 深圳商报 on the 坪山区 2022 report: the headline names 深圳, the story 坪山區's congress
PINGSHAN_2022 = (DATA / "fresh17" / "35_pingshan2022_news.txt").read_text("utf-8")


def test_the_district_congress_over_the_city_a_headline_names() -> None:
    doc = _doc(PINGSHAN_2022)
    assert (doc.region, doc.level) == ("广东省深圳市坪山区", "district")


#: the 江门市 2011 report (fresh18 26, Traditional): 今年經濟社會發展主要預期目標 on its own line,
#: then one target a line ending on ；
JIANGMEN_2011 = _page("26_jiangmen2011.txt")


def test_a_target_line_frames_a_list_one_item_a_line() -> None:
    facts = _catalog(_doc(JIANGMEN_2011))
    for row in (("gdp_growth", "target", False, 2011, 15.0, None),
                ("fixed_asset_investment_growth", "target", False, 2011, 25.0, None),
                ("retail_sales_growth", "target", False, 2011, 18.0, None),
                ("foreign_trade_growth", "target", False, 2011, 10.0, None),
                ("general_budget_revenue_growth", "target", False, 2011, 13.0, None),
                ("cpi_growth", "target", False, 2011, 4.0, "approx"),
                ("registered_unemployment_rate", "target", False, 2011, 3.2, "max")):
        assert row in facts, row


def test_a_target_line_naming_results_frames_nothing() -> None:
    # 主要预期目标完成情况: the results of last year's targets, not this year's targets (the
    # variants are made on the page as read: simplified, its pinyin glosses gone)
    text = _doc(JIANGMEN_2011).text.replace(
        "今年经济社会发展主要预期目标", "去年经济社会发展主要预期目标完成情况")
    facts = _catalog(_doc(text))
    assert ("fixed_asset_investment_growth", "target", False, 2011, 25.0, None) not in facts


def test_a_dated_item_under_a_target_line_keeps_its_own_year() -> None:
    text = _doc(JIANGMEN_2011).text.replace(
        "全社会固定资产投资增长25%", "2010年全社会固定资产投资增长25%")
    facts = _catalog(_doc(text))
    assert ("fixed_asset_investment_growth", "actual", False, 2010, 25.0, None) in facts
    assert ("fixed_asset_investment_growth", "target", False, 2011, 25.0, None) not in facts


#: two wire stories on the 上海 2024 report (fresh17b b07): the headline 2023年上海居民人均可支配
#: 收入达8.5万元, the story 去年上海民生福祉稳步改善。居民人均可支配收入达到8.5万元
SHANGHAI_2024 = _page("b07_shanghai2024_news.txt")


def test_a_figure_under_a_year_and_again_after_last_year_dates_the_report() -> None:
    doc = _doc(SHANGHAI_2024)
    assert doc.year == 2024
    facts = _catalog(doc)
    assert ("gdp_growth", "actual", False, 2023, 5.0, None) in facts
    assert ("disposable_income_per_capita", "actual", False, 2023, 85000.0, None) in facts


def test_a_figure_repeated_after_this_year_dates_nothing() -> None:
    # a target may keep last year's level (今年…粮食总产量稳定在…): 今年 is not the year named
    assert _doc(SHANGHAI_2024.replace("去年上海", "今年上海")).year is None


def test_a_news_lede_asking_about_the_years_plan_dates_the_report() -> None:
    # 2026年宜宾经济社会发展的重点是什么?又有哪些发展目标?记者从会上了解到,今年宜宾将…
    doc = _doc(_page("06_yibin2026_news.txt"))
    assert (doc.region, doc.year) == ("四川省宜宾市", 2026)


#: a reposting site's copy titled 旅顺口区2012年政府工作报告 (the year reviewed); the body's
#: own heading: 2012年及过去五年政府工作回顾
LVSHUNKOU = _page("41_lvshunkou2013.txt")


def test_a_title_naming_the_year_reviewed_gives_way_to_the_review_heading() -> None:
    doc = _doc(LVSHUNKOU)
    assert doc.year == 2013
    facts = _catalog(doc)
    assert ("gdp", "actual", True, 2012, 267.0, None) in facts
    assert ("general_budget_revenue_growth", "actual", True, 2012, 25.2, None) in facts


def test_a_title_contradicted_by_a_sentence_alone_gives_no_year() -> None:
    # 刚刚过去的2012年 (2013) against the title's 2012, and no review heading: none, as before
    text = LVSHUNKOU.replace("2012年及过去五年政府工作回顾", "过去五年政府工作").replace(
        "2012年是本届政府任期的最后一年", "刚刚过去的2012年是本届政府任期的最后一年")
    assert _doc(text).year is None


#: an infographic on a province's 2023 report (fresh17b b06): 2023年预期目标, then ● items
PROVINCE_2023 = _page("b06_province2023_news.txt")


def test_bulleted_target_items_under_a_year_line_are_the_years_targets() -> None:
    facts = _catalog(_doc(PROVINCE_2023))
    for row in (("gdp_growth", "target", False, 2023, 6.5, "approx"),
                ("urban_new_jobs", "target", False, 2023, 70.0, "min"),
                ("surveyed_unemployment_rate", "target", False, 2023, 5.5, "approx"),
                ("cpi_growth", "target", False, 2023, 3.0, "approx"),
                ("grain_output", "target", False, 2023, 500.0, "min")):
        assert row in facts, row
    # an item with no figure keeps the list going: nothing after it falls back to 2022
    assert not [f for f in facts if f[3] == 2022 and f[0] == "grain_output"]


def test_a_date_broken_over_lines_is_read_whole() -> None:
    # the 石门县 2020 page prints its dateline 2020年4月22日 three times: broken at each
    for broken in ("2020年4月22\n日", "2020年\n4月22日", "2020年4月\n22日"):
        doc = _doc(_page("02_shimen2020.txt").replace("2020年4月22日", broken))
        assert doc.date == "2020-04-22", broken
    # a page stamp's digits do not run into the next line's month
    body = "各位代表:\n现在,我代表县人民政府,向大会报告政府工作。\n一、2019年工作回顾\n"
    doc = _doc("发布时间:2024-04-14\n1月4日,石门县第十七届人民代表大会第五次会议开幕。\n" + body)
    assert doc.date != "2024-04-14"


#: the 石门县 2020 report (fresh18 02): 全年完成地区生产总值295.7亿元,增长8.9%,排名全市第3
SHIMEN_2020 = _page("02_shimen2020.txt")


def test_a_higher_regions_figure_beside_the_pages_own_is_not_the_pages() -> None:
    text = SHIMEN_2020.replace(
        "增长8.9%,排名全市第3", "增长8.9%,全省地区生产总值增长6.2%,排名全市第3")
    facts = _catalog(_doc(text))
    assert ("gdp_growth", "actual", False, 2019, 8.9, None) in facts
    assert not [f for f in facts if f[4] == 6.2]
    # on a county page 全市 is the prefecture's whole too (not on a county-level city's)
    text = SHIMEN_2020.replace("增长8.9%,排名全市第3", "增长8.9%,全市实现地区生产总值1400.12亿元")
    assert not [f for f in _catalog(_doc(text)) if f[4] == 1400.12]


def test_a_province_page_keeps_its_own_whole() -> None:
    text = ("政府工作报告\n——2019年1月20日在福建省第十三届人民代表大会第二次会议上\n各位代表:\n"
            "一、2018年工作回顾\n全省地区生产总值增长8.3%,全国国内生产总值增长6.6%。\n")
    facts = _catalog(_doc(text))
    assert ("gdp_growth", "actual", False, 2018, 8.3, None) in facts
    assert not [f for f in facts if f[4] == 6.6]


def test_an_actual_its_sentence_calls_a_target_is_withheld() -> None:
    # a news page on the 果洛州 2023 report (fresh16 48) as a copy on one line: the plan's
    # targets (果洛州划定发展预期目标，地区生产总值增长3%；全社会固定资产投资增长7%；…) no
    # longer come out as 2022's results
    one = re.sub(r"\s*\n\s*", "", _page("48_guoluo2023_news.txt"))
    actual = [f for f in _catalog(_doc(one)) if f[1] == "actual"]
    assert ("gdp_growth", "actual", False, 2022, 2.7, None) in actual
    assert not [f for f in actual if f[0] == "gdp_growth" and f[4] == 3.0]
    assert not [f for f in actual if f[0] == "fixed_asset_investment_growth" and f[4] == 7.0]
    # a review of targets met keeps its actuals (完成了…预期目标，…；全社会固定资产投资增长7%)
    text = ("政府工作报告\n——2023年2月1日在果洛州第十五届人民代表大会第二次会议上\n各位代表:\n"
            "2022年全州地区生产总值增长2.5%。完成了年初确定的预期目标，地区生产总值增长3%；"
            "全社会固定资产投资增长7%。")
    assert ("fixed_asset_investment_growth", "actual", False, 2022, 7.0, None) in _catalog(
        _doc(text))


def test_a_spaced_year_heading_and_a_one_year_review_heading_date_the_body() -> None:
    # a PDF's text layer: 一、2019 年政府工作回顾 (2020)
    assert text_year("各位代表:\n一、2019 年政府工作回顾\n一年来,在区委领导下,…。\n") == 2020
    # 一、过去一年工作回顾, then the year its first sentence opens on (2024)
    assert text_year("各位代表:\n一、过去一年工作回顾\n2023年,是内蒙古发展史上具有里程碑意义的"
                     "一年。习近平总书记再次亲临我区考察。\n") == 2024
    # the year opening a later paragraph of the review dates nothing by itself
    assert text_year("各位代表:\n一、过去一年工作回顾\n一年来,…。\n2023年,是…的一年。\n") is None


def test_targets_of_a_sentence_opening_on_an_estimate_or_saying_the_years_tasks_done() -> None:
    # a copy on one line: the plan's 今年 earlier in the paragraph, then the year's estimate
    head = "政府工作报告\n——2018年1月24日在龙华区第一届人民代表大会第二次会议上\n各位代表:\n"
    text = head + ("今年要重点抓好八个方面的工作。预计地区生产总值超过2100亿元,增长8.8%左右;"
                   "规模以上工业增加值突破1100亿元,增长10%以上;社会消费品零售总额285亿元,增长9.3%。")
    facts = _catalog(_doc(text))
    assert not [f for f in facts if f[1] == "target" and f[4] in (10.0, 285.0, 9.3)]
    text = head + ("2017年及今年以来工作回顾。经济发展提质增效。地区生产总值增长8.4%;固定资产投资"
                   "增长11.5%,较好地完成了年度目标任务。")
    assert not [f for f in _catalog(_doc(text)) if f[1] == "target"]
    # a sentence of targets keeps them (今年的主要预期目标是：…), one promising the year's tasks
    # done too (确保全面完成年度目标任务: a plan, not a past completion)
    text = head + "今年的主要预期目标是:地区生产总值增长8%左右;固定资产投资增长10%。"
    assert ("gdp_growth", "target", False, 2018, 8.0, "approx") in _catalog(_doc(text))
    text = head + ("今年的主要预期目标是:地区生产总值增长8%左右,规模以上工业增加值增长9%,固定资产"
                   "投资增长10%,社会消费品零售总额增长10%,一般公共预算收入增长6%,居民消费价格涨幅"
                   "控制在3%左右,全面完成市下达的节能减排目标任务。")
    assert ("cpi_growth", "target", False, 2018, 3.0, "approx") in _catalog(_doc(text))


def test_no_estimate_of_the_reports_own_year() -> None:
    # a 解读 of the 梧州 2012 report (fresh15 23) as a copy on one line: its lede (2012年，是…
    # 关键之年) no longer dates the estimates after it (预计完成地区生产总值690亿元: 2011's)
    one = re.sub(r"\s*\n\s*", "", _page("23_wuzhou2012.txt"))
    doc = _doc(one)
    assert doc.year == 2012
    assert not [f for f in _catalog(doc) if f[1] == "actual" and f[2] and f[3] == 2012]
    # an estimate of the year just past stays (预计，全县财政总收入12.34亿元: 2011's)
    text = ("政府工作报告\n——2012年1月5日在松溪县第十六届人民代表大会第二次会议上\n各位代表:\n"
            "预计,全县财政总收入12.34亿元。\n")
    assert ("fiscal_revenue", "actual", True, 2011, 12.34, None) in _catalog(_doc(text))
