"""Reading reports nobody here had seen (issue 9, session 16; measured by
benchmarks/fresh_pages.py on the annotated pages of benchmarks/data/fresh16, fresh16b and the
tune splits of the earlier sets): the year of a page that prints none, told by a year said to be
done (2004年是…之年。一年来), a plan heading alone on its line, a numbered heading on a year done,
a sentence of this year naming its year's tasks, the plan's guiding thought, or a news page's
对2019年工作进行了回顾; a growth rate after its scope (自然口径, 自然增幅); a list opened by 即; a
wire story's speaker; a byline's name not run on into a later delivery (刘革安作); a value stated
once as an estimate; the level a county's head gives a page naming no region; 会上 that is no
speaker; 和县 that is a
conjunction. Each test holds a short quotation of a real tune page."""

from __future__ import annotations

from tests.conftest import catalog_rows as _catalog
from tests.conftest import page_doc as _doc

#: an abstract of a county's 2004 review (fresh16 16): no title, no byline, no county's name
COUNTY_2004 = (
    "摘要\n2004年是我县实现率先发展阶段性目标的决战之年。一年来,全县上下坚持以邓小平理论和"
    "\"三个代表\"重要思想为指导,在市委、市政府和县委的正确领导下,在县人大和县政协的监督支持下,"
    "围绕年初确定的各项目标任务,理清发展思路,凝聚发展力量,取得明显成效。各项经济指标圆满完成。"
    "全年地区生产总值达到110114万元,增长15.46%;\n"
)


def test_a_year_said_to_be_done_dates_the_review() -> None:
    doc = _doc(COUNTY_2004)
    assert doc.year == 2005
    facts = _catalog(doc)
    assert ("gdp", "actual", False, 2004, 11.0114, None) in facts
    assert ("gdp_growth", "actual", False, 2004, 15.46, None) in facts


def test_he_xian_after_a_government_word_is_a_conjunction() -> None:
    # 市政府和县委: 和 (and) + 县委, not 和县 of 马鞍山
    assert _doc(COUNTY_2004).region is None


#: dlnp.com.cn's wire story on the 广东省 2007 report (fresh16 38), in Traditional characters
#: and Chinese numerals, a year typed with ASCII zeros (二00六年)
GUANGDONG_2007 = (
    "廣東省省長黃華華2日在省十屆人大五次會議作政府工作報告時提到,廣東去年生產總值達二萬五千九百多"
    "億元,比上年增長百分之十四點一。\n"
    "黃華華說,二00六年是“十一五”開局之年,是廣東省全面落實科學發展觀、社會主義現代化建設取得新的"
    "重大成績的一年,實現了“十一五”的良好開局。初步核算,全省生產總值達到二萬五千九百六十八點五五"
    "億元,比上年增長百分之十四點一。\n"
    "黃華華在報告中說,去年經濟效益顯著提高。財稅收入與經濟快速增長相協調,地方一般預算收入二千一"
    "百七十五億元,增長百分之二十點五,增幅創近五年新高。\n"
)


def test_a_year_done_and_a_wire_storys_speaker() -> None:
    doc = _doc(GUANGDONG_2007)
    assert (doc.year, doc.speaker, doc.speaker_title) == (2007, "黄华华", "省长")
    facts = _catalog(doc)
    assert ("gdp", "actual", False, 2006, 25968.55, None) in facts
    assert ("gdp_growth", "actual", False, 2006, 14.1, None) in facts
    assert ("general_budget_revenue", "actual", False, 2006, 2175.0, None) in facts


#: dlnp.com.cn's copy of the plan part of the 西藏 2010 report (fresh16 22): its heading alone
#: on the first line gives the year
XIZANG_2010 = (
    "2010年主要任務\n"
    "今年是全面完成“十一五”規劃目標任務的決戰之年,也是承前啟后的關鍵之年。\n"
    "主要預期目標是:全區生產總值增長12%以上;地方財政一般預算收入增長20%以上;城鎮登記失業率"
    "控制在4.3%以內。\n"
    "為實現上述目標,我們將重點做好以下工作。\n"
)


def test_a_plan_heading_alone_on_its_line_gives_the_year() -> None:
    doc = _doc(XIZANG_2010)
    assert doc.year == 2010
    facts = _catalog(doc)
    assert ("gdp_growth", "target", False, 2010, 12.0, "min") in facts
    assert ("registered_unemployment_rate", "target", False, 2010, 4.3, "max") in facts


#: shandong-chorography.org's abstract of a city's 2002 report (fresh16 08): the first heading
#: tells 二○○一年 as done
CITY_2002 = (
    "市第十四届人民代表大会第五次会议上的政府工作报告(摘要)\n\n"
    "一、二○○一年全市经济社会继续保持旺盛活力,实现了\"十五\"计划的良好开局\n"
    "全市国内生产总值完成138.8亿元,比上年增长14%;社会消费品零售总额实现31.62亿元,增长14%;"
    "农民人均纯收入又有新的增长。\n"
)


def test_a_numbered_heading_on_a_year_done_gives_the_next_year() -> None:
    doc = _doc(CITY_2002)
    assert doc.year == 2002
    facts = _catalog(doc)
    assert ("gdp", "actual", False, 2001, 138.8, None) in facts
    assert ("retail_sales", "actual", False, 2001, 31.62, None) in facts


#: a news page on a province's 2008 results (fresh15 04): this year's sentence names its tasks
PROVINCE_2009 = (
    "快报讯(通讯员 苏振新 记者 郑春平)2月2日,省政府新闻发言人肖泉向媒体介绍,省政府去年50项重点"
    "工作完成情况良好,经济社会发展主要目标全面实现。\n"
    "2008年全省地区生产总值增长12.5%左右;地方一般预算收入增长22.1%;城镇登记失业率3.25%。\n"
    "今年,省政府将根据即将召开的省十一届人大二次会议批准的省政府工作报告,继续把全年经济社会发展"
    "目标任务分解成若干重点工作,为全面完成2009年各项目标任务奠定基础。\n"
)


def test_this_years_sentence_naming_its_tasks_gives_the_year() -> None:
    doc = _doc(PROVINCE_2009)
    assert doc.year == 2009
    facts = _catalog(doc)
    assert ("gdp_growth", "actual", False, 2008, 12.5, "approx") in facts
    assert ("registered_unemployment_rate", "actual", False, 2008, 3.25, None) in facts


#: dingqianjf.com's copy of a 连云区 news page (fresh16 29), Traditional characters
LIANYUN_2025 = (
    "1月8日上午,連云區第十六屆人民代表大會第四次會議在區行政中心隆重開幕。\n"
    "區委副書記、區長郭鵬代表區人民政府向大會作政府工作報告。\n"
    "報告明確了2025年政府工作的指導思想和經濟社會發展的主要預期目標。\n"
)


def test_the_guiding_thought_of_a_years_work_gives_the_year() -> None:
    assert _doc(LIANYUN_2025).year == 2025


#: the 察右后旗 2023 report (fresh16 04) and the 建宁县 2023 report (fresh16 35): a growth rate
#: after its scope
CHAYOUHOUQI = (
    "政府工作报告\n——2023年1月15日在察右后旗第十六届人民代表大会第二次会议上\n旗长 张建宾\n"
    "各位代表:\n一、2022年工作回顾\n"
    "全旗地区生产总值预计完成82.89亿元,增长9.5%;一般公共预算收入预计完成3.6亿元,自然口径同比"
    "增长26.2%;城乡居民人均可支配收入分别达到36848元和16538元。\n"
)
JIANNING = (
    "政府工作报告\n——在建宁县第十八届人民代表大会第二次会议上\n建宁县人民政府县长 伍小兰\n"
    "各位代表:\n2022年工作回顾\n"
    "预计全年完成地区生产总值164亿元,增长4.5%;地方一般公共预算收入3.5亿元,自然增幅2%,同口径"
    "完成3.67亿元,增幅6.1%;固定资产投资增长19%。\n"
)


def test_a_growth_rate_after_its_scope_is_the_growth_of_its_subject() -> None:
    assert ("general_budget_revenue_growth", "actual", True, 2022, 26.2, None) in _catalog(
        _doc(CHAYOUHOUQI))
    assert ("general_budget_revenue_growth", "actual", True, 2022, 2.0, None) in _catalog(
        _doc(JIANNING))


#: cnstock.com's news page on the 西藏 2018 report (fresh16 20): the targets opened by 即
XIZANG_2018 = (
    "西藏自治区将着力推进实施“十大工程”\n2018-01-24 16:28:39 来源:上海证券报·中国证券网\n"
    "中国证券网讯 1月24日上午10时,西藏自治区第十一届人民代表大会第一次会议在拉萨开幕。自治区"
    "人民政府主席齐扎拉作政府工作报告。\n"
    "齐扎拉在报告中同时提出了西藏自治区2018年的主要目标,即地区生产总值增长10%左右,全社会固定资产"
    "投资增长18%左右,地方财政收入增长7%左右。\n"
)


def test_a_list_opened_by_ji_reads_its_first_item() -> None:
    facts = _catalog(_doc(XIZANG_2018))
    assert ("gdp_growth", "target", False, 2018, 10.0, "approx") in facts
    assert ("fixed_asset_investment_growth", "target", False, 2018, 18.0, "approx") in facts


#: zjjnews.cn's news page on the 张家界市 2020 report (fresh16b 06): the speaker's name before a
#: delivery in a later line, and the year the review names before 进行了回顾
ZHANGJIAJIE_2020 = (
    "市七届人大四次会议隆重开幕\n虢正贵主持大会并宣布开幕\n刘革安作政府工作报告\n大会会议现场\n"
    "掌上张家界1月6日讯 1月6日上午,市第七届人民代表大会第四次会议在市人大会堂隆重开幕。\n"
    "在热烈的掌声中,市委副书记、市长刘革安代表市人民政府作《政府工作报告》。\n"
    "市委副书记、市长刘革安作《政府工作报告》报告对2019年工作进行了回顾。过去一年,全市经济发展迈出"
    "坚实步伐。地区生产总值增长7.7%(预计数,下同),固定资产投资增长11%,社会消费品零售总额增长"
    "10.5%,地方一般公共预算收入增长8.76%,均高于全省平均水平。\n"
)


def test_a_delivery_after_the_name_is_no_part_of_it_and_the_review_names_its_year() -> None:
    doc = _doc(ZHANGJIAJIE_2020)
    assert (doc.speaker, doc.speaker_title, doc.year) == ("刘革安", "市长", 2020)
    facts = _catalog(doc)
    assert ("gdp_growth", "actual", True, 2019, 7.7, None) in facts
    assert ("general_budget_revenue_growth", "actual", True, 2019, 8.76, None) in facts


#: fjsen.com's news page on the 福建省 2014 report (fresh16b 17): a subheading restates the
#: estimate the body gives
FUJIAN_2014 = (
    "福建省十二届人大二次会议开幕 提出今年生产总值增长10.5%\n"
    "东南网1月12日讯 今日上午,福建省十二届人大二次会议在福建会堂开幕。\n"
    "省长苏树林代表省政府向大会作政府工作报告\n2013年全省生产总值21910亿元\n"
    "报告首先总结了过去一年的主要工作。\n"
    "初步预计,2013年全省生产总值21910亿元,增长11%;居民消费价格总水平上涨2.5%。\n"
)


def test_a_value_stated_once_as_an_estimate_is_the_estimate() -> None:
    gdp = [f for f in _catalog(_doc(FUJIAN_2014)) if f[0] == "gdp"]
    assert gdp == [("gdp", "actual", True, 2013, 21910.0, None)]


#: srxzc.com's news page on the 上饶县 2019 report (fresh16b 23): the review names its year
#: before the government's work, and the county's head gives the level of a page naming no
#: county the gazetteer knows
SHANGRAOXIAN_2019 = (
    "3月6日,上饶县第十六届人民代表大会第四次会议第一次全体会议在县机关大礼堂隆重召开。\n"
    "在全场热烈的掌声中,县委副书记、县长何党生向大会作《政府工作报告》。\n"
    "何党生首先回顾了2018年县人民政府工作。他说,2018年,是全面贯彻党的十九大精神的开局之年,也是"
    "我县脱贫“摘帽”的决胜之年。全年完成生产总值237.2亿元,增长9.4%,总量和增幅均列全市第三。"
    "全社会固定资产投资增长10.6%。\n"
)


def test_the_review_of_a_years_government_work_and_the_heads_level() -> None:
    doc = _doc(SHANGRAOXIAN_2019)
    assert (doc.year, doc.level, doc.speaker) == (2019, "district", "何党生")
    facts = _catalog(doc)
    assert ("gdp", "actual", False, 2018, 237.2, None) in facts
    assert ("fixed_asset_investment_growth", "actual", False, 2018, 10.6, None) in facts


#: a news page on the 济南市 2025 report (fresh15 27): the delivery is told without its speaker
JINAN_2025 = (
    "1月13日,济南市第十八届人民代表大会第四次会议开幕,会上作政府工作报告。\n"
    "报告提出,2025年全市地区生产总值增长5.5%左右。\n"
)


def test_at_the_meeting_is_no_speaker() -> None:
    assert _doc(JINAN_2025).speaker is None
