"""Reading reports nobody here had seen (issue 9, session 12; measured by
benchmarks/fresh_pages.py on annotated public pages kept outside the repository): the year a
news page's list of the report's parts names, a November meeting, a name with a rare character,
a count after a rate, a budget revenue printed as a total and as the local part, the year just
past after the parts' years. Each test holds a short quotation of a real page."""

from __future__ import annotations

from baogao.read.dating import infer_year
from tests.conftest import catalog_rows as _catalog
from tests.conftest import page_doc as _doc


def test_year_from_the_parts_a_news_page_lists() -> None:
    # the part titled 2014年工作回顾、 is no "回顾 2015年工作" (a review of 2015)
    assert infer_year("报告分为2014年工作回顾、2015年工作总体部署、2015年重点工作、"
                      "加强法治政府建设四个部分。") == 2015
    assert infer_year("报告分三个部分:一是过去五年工作回顾;二是今后五年主要工作任务;"
                      "三是2012年重点工作。") == 2012
    # a year summed up as done (交出了…答卷) is the year reviewed
    assert infer_year("报告指出,2024年是硚口牢记嘱托、负重前行、突围奋进的一年,"
                      "交出了一份稳中有进、难中有为、干中有成的答卷。") == 2025


def test_a_december_meeting_day_dated_by_the_year_reviewed() -> None:
    doc = _doc("12月25日上午,武汉市硚口区第十六届人民代表大会第四次会议在区会议中心开幕。"
               "区人民政府代区长赵宏亮向大会作政府工作报告。报告指出,2024年是硚口牢记嘱托、"
               "负重前行、突围奋进的一年,交出了一份稳中有进、难中有为、干中有成的答卷。\n\n"
               "报告指出,一年来,产业转型提速加力,预计实现地区生产总值1100亿元、增长5.5%左右。\n")
    assert (doc.region, doc.year, doc.date, doc.speaker) == (
        "湖北省武汉市硚口区", 2025, "2024-12-25", "赵宏亮")
    assert _catalog(doc) == [("gdp", "actual", True, 2024, 1100.0, None),
                             ("gdp_growth", "actual", True, 2024, 5.5, "approx")]


def test_a_november_meeting_hears_the_next_years_report() -> None:
    doc = _doc("政府工作报告\n——2016年11月26日在芷江侗族自治县第八届人民代表大会第一次会议上\n"
               "县人民政府县长王海涛\n各位代表:\n现在,我代表县人民政府,向大会报告工作。\n")
    assert (doc.year, doc.date, doc.speaker) == (2017, "2016-11-26", "王海涛")


def test_a_name_with_a_character_of_extension_a() -> None:
    doc = _doc("长春市绿园区第十九届人民代表大会第四次会议开幕\n发布时间:2024年12月19日 11:56\n"
               "  12月18日上午,长春市绿园区第十九届人民代表大会第四次会议开幕。\n"
               "  该区区长高文䘵作政府工作报告,并提到,2024年,区政府在区委坚强领导下,"
               "较好完成全年经济社会发展目标任务。\n")
    assert (doc.speaker, doc.speaker_title) == ("高文䘵", "区长")


_HEAD = ("政府工作报告\n——2022年1月19日在遂宁市安居区第五届人民代表大会第二次会议上\n"
         "遂宁市安居区人民政府区长 杨文彬\n各位代表:\n2021年工作回顾\n")


def test_a_count_after_a_rate_is_no_item_of_its_list() -> None:
    doc = _doc(_HEAD + "固定资产投资增长11.6%,规上工业增加值增长11.5%,两项指标稳居全市第一;\n")
    assert _catalog(doc) == [("fixed_asset_investment_growth", "actual", False, 2021, 11.6, None),
                             ("industrial_value_added_growth", "actual", False, 2021, 11.5, None)]


def test_the_bare_budget_revenue_beside_its_local_part_is_the_total() -> None:
    doc = _doc(_HEAD + "全年预计实现地区生产总值170.98亿元,增长8%;公共财政收入14.5亿元,增长10%;"
               "地方公共财政收入8.06亿元,增长8%;\n")
    revenue = [f for f in _catalog(doc) if str(f[0]).startswith("general_budget_revenue")]
    assert revenue == [("general_budget_revenue", "actual", True, 2021, 8.06, None),
                       ("general_budget_revenue_growth", "actual", True, 2021, 8.0, None)]
    alone = _doc(_HEAD + "公共财政收入14.5亿元,增长10%。\n")  # alone, it is the indicator
    assert ("general_budget_revenue", "actual", False, 2021, 14.5, None) in _catalog(alone)


def test_the_year_just_past_after_the_parts_years() -> None:
    doc = _doc("省十二届人大三次会议开幕\n昨日上午,湖北省第十二届人民代表大会第三次会议"
               "在武昌洪山礼堂隆重开幕。\n在热烈的掌声中,省长王国生向大会作政府工作报告。报告分为2014年工作回顾、"
               "2015年工作总体部署、2015年重点工作、加强法治政府建设四个部分。王国生说,过去的一年,"
               "既是发展压力较大的一年,也是发展实效较好的一年。全年完成生产总值27367.04亿元,"
               "增长9.7%。\n")
    assert doc.year == 2015
    assert _catalog(doc) == [("gdp", "actual", False, 2014, 27367.04, None),
                             ("gdp_growth", "actual", False, 2014, 9.7, None)]


def test_income_in_step_with_the_regions_output_is_a_qualitative_target() -> None:
    doc = _doc("央广网果洛2月26日消息 2月26日,果洛藏族自治州第十五届人民代表大会第四次会议开幕。"
               "果洛州人民政府州长叶万彬代表果洛州人民政府作工作报告。\n"
               "报告指出,2022年,是果洛州发展进程中极具考验、极其艰难、极不平凡的一年。\n"
               "果洛州划定发展预期目标,地区生产总值增长3%;居民人均可支配收入增长与地区生产总值"
               "增长基本同步;社会消费品零售总额增长7%。\n")
    assert ("disposable_income_per_capita_growth", "target", False, 2023, None, None) in (
        _catalog(doc))


def test_an_unnumbered_heading_on_the_year_reviewed() -> None:
    # the review's heading names its year and its record (交出了…成绩单): its parts are the review
    doc = _doc("各位代表:\n现在,我代表市人民政府向大会报告工作,请予审议。\n"
               "2024年全市上下解放思想 奋发进取 交出了一份经济社会高质量发展的优异成绩单\n"
               "过去的一年,奋斗充满艰辛,成绩殊为不易。\n"
               "(一)经济实力实现新跃升。地区生产总值完成4704.3亿元、增长6.1%。\n")
    assert doc.year == 2025
    assert _catalog(doc) == [("gdp", "actual", False, 2024, 4704.3, None),
                             ("gdp_growth", "actual", False, 2024, 6.1, None)]
    # a longer line opening on a year with a figure in it is no heading
    row = _doc("各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、2024年工作回顾\n"
               "2024年全市上下奋发进取交出了一份地区生产总值增长6%的成绩单\n")
    assert [s.title for s in row.sections] == ["2024年工作回顾"]


def test_a_reposting_sites_line_break_token_is_a_line_break() -> None:
    doc = _doc("政 府 工 作 报 告hd9\n2020年6月4日在县十七届人大五次会议上hd9\n陆志前hd9\n"
               "各位代表:hd9\n"
               "现在,我代表县人民政府向大会报告工作,请予审查。hd9庚子开年极不寻常。"
               "hd92019年及今年以来工作回顾hd92019年是我县攻坚克难的一年。hd9经济发展提质增效。"
               "地区生产总值增长8.4%;固定资产投资增长11.5%。较好地完成了年度目标任务。hd9脱贫摘帽提前实现。\n")
    assert (doc.year, doc.speaker) == (2020, "陆志前")
    assert [(s.title, s.role) for s in doc.sections] == [("2019年及今年以来工作回顾", "review")]
    assert _catalog(doc) == [("fixed_asset_investment_growth", "actual", False, 2019, 11.5, None),
                             ("gdp_growth", "actual", False, 2019, 8.4, None)]
    # 人均GDP inside sentences is no break
    gdp = _doc(_HEAD + "人均GDP达到8万元。全县GDP增长6%,GDP总量居全市第一。\n")
    assert "人均GDP达到" in gdp.text
