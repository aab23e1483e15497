"""Reading reports nobody here had seen (issue 9, session 15; measured by
benchmarks/fresh_pages.py on the annotated pages of benchmarks/data/fresh15, tune split only):
a review heading and a byline run into the text, the year a news page gives in its speaker's
review or in the record of a plan's year, asides between a level and its growth, a list's
estimate, and the bare lines after a past year opening a page. Each test holds a short
quotation of a real tune page."""

from __future__ import annotations

from tests.conftest import catalog_rows as _catalog
from tests.conftest import page_doc as _doc

#: zxedu.cn's copy of the 四川省 2008 report (fresh15 07): the review heading lost its line
#: break, the numbered parts of the review follow
SICHUAN = (
    "2008年四川省政府工作报告\n四川省省长蒋巨峰\n2008年1月24日在四川省十一届人大一次会议上\n"
    "各位代表,我代表省人民政府,向大会报告工作,请予审查,并请省政协委员提出意见。\n"
    "2007年经济社会发展情况及本届政府工作回顾过去的一年,按照党中央、国务院的部署和要求,"
    "在省委的领导下,较好地完成了省十届人大五次会议确定的主要目标任务。初步统计,全省生产总值"
    "突破一万亿元,达到10505.3亿元,增长14.2%。\n"
    "一、产业培育力度加大\n"
    "现代农业发展初见成效。农业增加值2092.1亿元,增长4.4%;粮食总产量3448.4万吨,增长6.1%。\n"
    "工业强省战略强力推进。规模以上工业增加值3580.7亿元,增长25.4%;净利润646.9亿元,"
    "增长51.4%。\n"
)


def test_a_review_heading_run_into_its_paragraph_opens_the_review() -> None:
    facts = _catalog(_doc(SICHUAN))
    assert ("grain_output", "actual", False, 2007, 689.68, None) in facts
    assert ("industrial_value_added_growth", "actual", False, 2007, 25.4, None) in facts
    # the milestone of the clause that gives the exact level is no fact of its own
    assert [f for f in facts if f[0] == "gdp"] == [("gdp", "actual", False, 2007, 10505.3, None)]


#: jinchutou.com's copy of the 沂源县 2013 summary (fresh15 03): title, byline, first headings
#: and the list run into one line
YIYUAN = (
    "4页政府工作报告(摘要)政府工作报告(摘要)—— 2013 年 1 月 16 日在沂源县第十七届人民代表"
    "大会第二次会议上 县长 谭秀中 一、2012 年工作回顾(一)积极应对复杂严峻形势,稳增长促发展"
    "取得新成效预计全年实现生 产总值 212.8 亿元,同比增长 10.5 %;全社会固定资产投资 117.2 "
    "亿元,增长 23.2%;地方财政收入 14.1 亿元, 增长 16.6%;社会消费品零售总额 94.2 亿元,"
    "增长 16%;进出口总额同比增长 12.6 %;金融机构各项存贷款余额分别达到 134 亿元和 96.6 亿元。\n"
)


def test_a_byline_run_into_the_first_heading_gives_the_speaker() -> None:
    doc = _doc(YIYUAN)
    assert (doc.speaker, doc.speaker_title, doc.date) == ("谭秀中", "县长", "2013-01-16")


def test_a_lists_estimate_after_a_run_in_section_marker_covers_its_items() -> None:
    facts = _catalog(_doc(YIYUAN))
    assert ("fixed_asset_investment_growth", "actual", True, 2012, 23.2, None) in facts
    assert ("fiscal_revenue", "actual", True, 2012, 14.1, None) in facts
    assert ("foreign_trade_growth", "actual", True, 2012, 12.6, None) in facts


#: the 盐田区 2012 report (fresh15 12): items dated with the year the estimate names
YANTIAN = (
    "政府工作报告——2012年1月3日在盐田区第四届人民代表大会第一次会议上盐田区人民政府区长杜玲\n"
    "各位代表:\n一、过去五年工作回顾\n"
    "(一)五年来,经济实力实现跨越性提升。本区生产总值先后跨越两百亿元、三百亿元台阶,预计2011年"
    "达到316亿元,比2006年增长85.7%;财政一般预算收入实现翻倍增长,从2006年的8.8亿元增至2011年"
    "的20.2亿元;2011年社会消费品零售总额达41.6亿元,全社会固定资产投资五年累计完成406.5亿元。\n"
)


def test_an_item_dated_with_the_estimates_own_year_shares_the_estimate() -> None:
    facts = _catalog(_doc(YANTIAN))
    assert ("gdp", "actual", True, 2011, 316.0, None) in facts
    assert ("retail_sales", "actual", True, 2011, 41.6, None) in facts
    assert ("general_budget_revenue", "actual", True, 2011, 20.2, None) in facts
    # the milestones crossed on the way are no facts
    assert not [f for f in facts if f[0] == "gdp" and f[4] in (200.0, 300.0)]


#: fznews.com.cn's page on the 台江区 congress (fresh15 40): no year printed but the review's
TAIJIANG = (
    "台江区十八届人大一次会议开幕\n12月21日上午,台江区第十八届人民代表大会第一次会议在台江区"
    "文化活动中心开幕。\n刘广辉代区长代表区政府向大会作政府工作报告。\n"
    "刘广辉说,2021年,在市委、市政府和区委的坚强领导下,在区人大、区政协的监督支持下,区政府"
    "坚持以习近平新时代中国特色社会主义思想为指导,统筹疫情防控和经济社会发展,产业转型加速"
    "推进,各项工作都取得了新的进展。\n"
)


def test_a_news_page_takes_its_year_from_the_speakers_review_opening() -> None:
    doc = _doc(TAIJIANG)
    assert (doc.region, doc.year, doc.speaker, doc.speaker_title) == (
        "福建省福州市台江区", 2022, "刘广辉", "代区长")


#: gxwzrd.gov.cn's reading of the 梧州市 2012 report (fresh15 23)
WUZHOU = (
    "2月2日,梧州市十三届人大二次会议开幕,市长王凯代表市人民政府,向大会作《政府工作报告》。"
    "《报告》客观总结我市在“十二五”开局之年所取得的成绩,并以一系列切实可行的措施,描绘出"
    "新一年的发展蓝图。\n"
    "财政收入实现三年翻番。预计完成财政收入76.1亿元,比2008年翻1.7番,同比增长35.6%,增速排"
    "全区第2位。其中一般预算收入52亿元,比2009年翻1.1番,同比增长36%。岑溪市和藤县财政收入均"
    "突破10亿元大关。\n"
    "固定资产投资实现三年翻番。预计完成全社会固定资产投资632亿元,比2008年翻1.7番,同比增长"
    "34.9%,投资完成进度连续三年排全区第1位。\n"
)


def test_the_record_of_a_plans_year_dates_a_news_page() -> None:
    assert _doc(WUZHOU).year == 2012


def test_a_doubling_is_an_aside_and_the_growth_after_it_is_annual() -> None:
    facts = _catalog(_doc(WUZHOU))
    assert ("fiscal_revenue_growth", "actual", True, 2011, 35.6, None) in facts
    assert ("fixed_asset_investment_growth", "actual", True, 2011, 34.9, None) in facts


#: the 武汉市 2005 report (fresh15 20)
WUHAN = (
    "武汉市2005年政府工作报告一、2004年工作回顾2004年,是武汉全面贯彻科学发展观的一年。"
    "预计全年实现生产总值1956亿元,增长14.5%;全口径财政收入288.6亿元,增长25%,其中地方一般"
    "预算收入104亿元,增长29.3%。\n"
)


def test_a_part_opening_on_qizhong_is_of_the_totals_year() -> None:
    facts = _catalog(_doc(WUZHOU))
    assert ("general_budget_revenue", "actual", False, 2011, 52.0, None) in facts
    assert ("general_budget_revenue_growth", "actual", False, 2011, 36.0, None) in facts
    # two counties' revenue passing a milestone is not the city's
    assert not [f for f in facts if f[0] == "fiscal_revenue" and f[4] == 10.0]


def test_total_caliber_fiscal_revenue_is_fiscal_revenue() -> None:
    facts = _catalog(_doc(WUHAN))
    assert ("fiscal_revenue", "actual", True, 2004, 288.6, None) in facts
    assert ("fiscal_revenue_growth", "actual", True, 2004, 25.0, None) in facts
    assert ("general_budget_revenue", "actual", True, 2004, 104.0, None) in facts


#: ptlc.gov.cn's 荔城区 plan report of 2023 (fresh15 15)
LICHENG = (
    "关于莆田市荔城区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案"
    "的报告\n一、2022年国民经济和社会发展计划执行情况\n"
    "初步预计,荔城地区生产总值635亿元,完成年计划710亿元的89.4%(主要是二产、三产未达预期"
    "目标),增长2.0%。固定资产投资300亿元,完成年计划385亿元的77.9%(主要是纳统项目剩余投资"
    "不足),下降18.4%。\n"
)


def test_a_plan_figure_and_its_share_are_an_aside_before_the_growth() -> None:
    facts = _catalog(_doc(LICHENG))
    assert ("gdp_growth", "actual", True, 2022, 2.0, None) in facts
    assert ("fixed_asset_investment_growth", "actual", False, 2022, -18.4, None) in facts
    assert not [f for f in facts if f[4] in (710.0, 89.4, 385.0, 77.9)]


#: a district's 一图读懂 page (fresh13b d02, tune): a past year opens the page, bare lines follow
TONGLIANG = (
    "第A3版:要闻总第393期 >2019-01-17编印\n\n"
    "一 图 读 懂 政 府 工 作 报 告\n刊发日期:2019-01-17 阅读次数: 作者:  语音阅读:\n"
    "  2018年,在市委、市政府和区委坚强领导下,在区人大、区政协监督支持下,我们坚持稳中求进"
    "工作总基调,打好“三大攻坚战”,保持了经济持续健康发展和社会大局稳定。\n"
    "  预计地区生产总值360亿元、增长8.5%,经济运行在预期的合理区间,工业增加值105亿元、增长8%。\n"
    "  全社会固定资产投资172亿元、增长13%,社会消费品零售总额76亿元、增长10%。\n"
)


def test_a_past_year_opening_a_page_dates_the_bare_lines_after_it() -> None:
    facts = _catalog(_doc(TONGLIANG))
    assert ("fixed_asset_investment_growth", "actual", False, 2018, 13.0, None) in facts
    assert ("retail_sales", "actual", False, 2018, 76.0, None) in facts
    assert ("gdp", "actual", True, 2018, 360.0, None) in facts


#: rdcwh.dongtou.gov.cn's plan report of 洞头区 (fresh15b b02): its title line cut before 计划草案
DONGTOU = (
    "2015年国民经济和社会发展计划执行情况与2016年国民经济\n"
    "发布日期:2016-06-02浏览次数:字号:[ ]\n"
    "    2015年是“十二五”的收官之年,也是科学谋划“十三五”发展蓝图的规划之年。一年来,全区坚持"
    "以科学发展观为指导,实现了经济社会平稳健康发展。全年实现地区生产总值61.48亿元,同比增长"
    "8.6%,增速排名居全市第二;一般公共预算收入实现5.42亿元,同比增长11.1%。\n"
    "    一、2015年国民经济和社会发展计划执行情况\n"
    "工业转型加快。节能降耗持续推进,预计单位地区生产总值综合能耗同比下降1.5%。\n"
    "出台了《洞头区五大产业培育提升扶持政策》。\n"
)


def test_a_plan_title_cut_before_its_draft_still_gives_the_year() -> None:
    doc = _doc(DONGTOU)
    assert (doc.doc_type, doc.year) == ("plan_report", 2016)
    facts = _catalog(doc)
    assert ("gdp", "actual", False, 2015, 61.48, None) in facts
    assert ("energy_intensity_reduction", "actual", True, 2015, 1.5, None) in facts


#: chinagate.cn's page of the 山西 2017 report (fresh15b b04): the plan part alone
SHANXI = (
    "|\n二、2017年工作安排\n"
    "2017年是全面贯彻省第十一次党代会精神的起步之年,也是山西走出经济困难局面的攻坚之年。\n"
    "主要预期指标是:地区生产总值增长5.5%左右,全社会固定资产投资增长目标根据新的统计口径设置,"
    "社会消费品零售总额增长7%左右,一般公共预算收入增速由负转平,城乡居民人均可支配收入分别增长"
    "6%左右和6%以上,居民消费价格涨幅控制在3%左右,城镇新增就业45万人,城镇登记失业率控制在"
    "4.2%以内。\n"
)


def test_a_numbered_heading_on_a_years_work_plan_gives_the_year() -> None:
    doc = _doc(SHANXI)
    assert doc.year == 2017
    facts = _catalog(doc)
    assert ("gdp_growth", "target", False, 2017, 5.5, "approx") in facts
    assert ("registered_unemployment_rate", "target", False, 2017, 4.2, "max") in facts
    assert ("urban_new_jobs", "target", False, 2017, 45.0, None) in facts


#: qdhnews.com.cn's page on the 淳安县 congress (fresh15b b05)
CHUNAN = (
    "您当前的位置: 淳安新闻 > 时政要闻\n"
    "县十六届人大二次会议隆重开幕 余永青主持 董毓民作政府工作报告 郑荣胜黄海峰刘小松董文吉等出席\n"
    "发布时间:2018-01-17 08:23:59\n\n"
    "  群贤毕至谋发展,凝心聚力著华章。昨日下午,县第十六届人民代表大会第二次会议在千岛湖水之灵"
    "剧场隆重开幕。来自全县各条战线的人大代表,汇聚一堂,依法履职,共商淳安发展大计。\n\n"
    "  杭州市人大常委会副主任郑荣胜,新安江电厂副厂长杨斌应邀出席会议并在主席台就座。\n\n"
    "  县委副书记、县长董毓民代表县人民政府作《政府工作报告》。《报告》共分四个部分:一、2017年"
    "工作回顾;二、2018年工作指导思想和总体要求;三、2018年工作预期目标和主要任务。\n\n"
    "  董毓民说,2017年是实施“坚定秀水富民路、建设康美千岛湖”战略的开局之年,县政府在杭州市委、"
    "市政府和县委的正确领导下,在县人大、县政协的监督支持下,较好地完成了各项目标任务。\n"
)


def test_a_countys_page_naming_its_city_is_the_countys() -> None:
    doc = _doc(CHUNAN)
    assert (doc.region, doc.level, doc.year) == ("浙江省杭州市淳安县", "district", 2018)


#: a 台州 news page (fresh15b b06): a photo caption before the news
TAIZHOU = (
    "台州市五届人大一次会议今日上午9时在台州学院椒江校区礼堂开幕。\n"
    "图为张兵市长作政府工作报告\n薛少仙主持大会\n"
    "3月28日讯 今天上午,备受瞩目的台州市第五届人民代表大会第一次会议在市区隆重开幕。\n"
    "市长张兵代表市政府向大会作政府工作报告。报告共分三个部分:一、2016年和过去六年工作回顾;"
    "二、今后五年发展目标;三、2017年重点工作。\n"
    "张兵说,2016年,是“十三五”开局之年。全市生产总值达到3843亿元,增长7.7%。\n"
)


def test_a_photo_captions_words_are_no_part_of_the_speakers_name() -> None:
    doc = _doc(TAIZHOU)
    assert (doc.speaker, doc.speaker_title) == ("张兵", "市长")


def test_a_past_years_lines_stop_at_the_words_that_turn_to_the_plan() -> None:
    # the tune page's opening and results, and after them a line added here in the words a news
    # page gives the plan in: the past year does not reach it
    added = "  报告提出,地区生产总值增长7%左右,一般公共预算收入增长6%。\n"
    facts = _catalog(_doc(TONGLIANG + added))
    assert ("fixed_asset_investment_growth", "actual", False, 2018, 13.0, None) in facts
    assert not [f for f in facts if f[4] in (7.0, 6.0)]
