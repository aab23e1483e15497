"""Reading reports nobody here had seen (issue 9, session 13; measured by
benchmarks/fresh_pages.py on the annotated pages of benchmarks/data/fresh13, tune split only):
a reposting site's title notes and timestamps, breadcrumbs, a two-character county name inside a
phrase, the year a news page gives in its own words, a day printed without its month, a headline
that is no title, lines cut at a semicolon, and a few catalog name variants. Each test holds a
short quotation of a real tune page."""

from __future__ import annotations

from tests.conftest import catalog_rows as _catalog
from tests.conftest import page_doc as _doc

#: gongwensou.com's copy of the 松溪县 report (fresh13 03): a province in brackets before the
#: title, (全文) after it, a timestamp line, a line-break token, lines cut at a fixed width
SONGXI = (
    "(福建省)2019年松溪县人民政府工作报告(全文)\n"
    "公文搜 2021-07-27 17:14:09 政府报告\n"
    "(福建省)2019年松溪县人民政府工作报告(全文)\n"
    "政 府 工 作 报 告2Iu\n"
    "松溪县人民政府县长苏建旗2Iu\n"
    "各位代表:2Iu\n"
    "现在,我代表松溪县人民政府向大会作报告,请予审议,并请县政协各位委员和其\n"
    "他列席的同志提出意见。2Iu\n"
    "过去一年工作回顾2Iu\n"
    "一年来,在市委、市政府和县委的正确领导下,县政府以新时代中国特色社\n"
    "会主义思想为指引,深入学习贯彻党的十九大和十九届二中、三中全会精神,全面落实\n"
    "省委十届六次全会、市委五届六次全会和县委十三届六次全会的决策部署,牢记使命,\n"
    "脚踏实地,团结依靠全县人民,坚持稳中求进工作总基调,紧紧围绕加快绿色发展推动\n"
    "高质量发展落实赶超的战略目标,深化四比六促项目突破年活动,全县经济社会保持平\n"
    "稳健康发展。预计全县生产总值57.55亿元、增长8.1%;农业总产值19.1亿元、下降0.5%\n"
    ";规模以上工业总产值80.6亿元、增长9.5%;一般公共预算总收入3.8亿元、增长15.78%;\n"
    "地方一般公共预算收入2.68亿元、增长10.52%;固定资产投资77.2亿元、增长17%;社会消\n"
    "费品零售总额29.4亿元、增长10%;外贸出口3.1亿元、增长14.8%;实际利用外资7000万元\n"
    "、增长324.2%;城镇居民人均可支配收入28576元、增长8.1%;农村居民人均可支配收入1\n"
    "2248元、增长9.3%。2Iu\n"
)


def test_a_reposted_title_without_its_notes_gives_the_year() -> None:
    doc = _doc(SONGXI)
    assert doc.title == "2019年松溪县人民政府工作报告"
    assert (doc.region, doc.year, doc.speaker) == ("福建省南平市松溪县", 2019, "苏建旗")


def test_a_line_cut_at_a_semicolon_keeps_the_lists_estimate() -> None:
    # 预计 opens the list; the copy's line cut after 增长15.78%; does not end it
    facts = _catalog(_doc(SONGXI))
    assert ("general_budget_revenue", "actual", True, 2018, 2.68, None) in facts
    assert ("fixed_asset_investment_growth", "actual", True, 2018, 17.0, None) in facts
    assert ("retail_sales", "actual", True, 2018, 29.4, None) in facts


#: jxyf.gov.cn's page of the 宜丰县 2009 report (fresh13 20)
YIFENG = (
    "您当前所在位置: 首页>政府信息公开>法定主动公开内容>决策公开>政府工作报告\n\n"
    "2009年政府工作报告\n\n访问量:\n\n关联稿件:\n\n县长  邓伟\n\n各位代表:\n\n"
    "现在,我代表县人民政府,向大会作政府工作报告,请予审议,并请县政协委员和列席会议的同志"
    "提出宝贵意见。\n\n〇〇八年工作回顾\n\n"
    "过去的一年,在县委的正确领导下,在县人大、县政协的监督和支持下,县人民政府团结和带领全县"
    "人民,继续解放思想,推动科学发展,统筹实施工业强县、生态立县、和谐兴县“三大战略”,较好地"
    "完成了县人大十四届二次会议确定的各项任务。全县实现生产总值36.8亿元,同比增长15.9%。\n\n"
    "——项目建设成效显著,工业经济增势强劲。全县规模以上工业实现增加值8.38亿元,增长24%;"
    "引进大项目资金13.3亿元,增长33%。\n"
)


def test_a_breadcrumb_is_no_title_and_a_phrase_no_county() -> None:
    doc = _doc(YIFENG)
    assert (doc.title, doc.year, doc.speaker) == ("2009年政府工作报告", 2009, "邓伟")
    # 和谐兴县 (make the county prosper) names no county 兴县 of 山西
    assert doc.region is None


def test_industry_value_added_with_a_verb_inside_its_name() -> None:
    assert ("industrial_value_added_growth", "actual", False, 2008, 24.0, None) in _catalog(
        _doc(YIFENG))


def test_a_news_pages_year_from_this_years_words() -> None:
    # hkcd.com (fresh13 24), in traditional characters: 2015年是…收官之年，做好…意义重大
    gansu = _doc(
        "省長劉偉平作政府工作報告\n【香港商報網訊】記者陳文智 陳宏巖報道:1月28日上午9時,"
        "甘肅省第十二屆人民代表大會第三次會議在蘭州開幕。甘肅省省長劉偉平作政府工作報告。"
        "工作報告明確了今年甘肅經濟社會發展的主要預期目標:生產總值增長8%左右,"
        "固定資產投資增長20%左右,社會消費品零售總額增長12%左右。\n"
        "劉偉平表示,2015年是全面深化改革的關鍵之年,是全面推進依法治國的開局之年,也是全面完成"
        "“十二五”規劃的收官之年,做好經濟社會發展工作意義重大。\n")
    assert (gansu.region, gansu.year, gansu.date) == ("甘肃省", 2015, "2015-01-28")
    assert ("gdp_growth", "target", False, 2015, 8.0, "approx") in _catalog(gansu)
    # mip.lcpkj.cn (fresh13 58): 会议提出,2020年重庆地区生产总值增长6%
    chongqing = _doc(
        "1月11日,重庆召开第五届人民代表大会第三次会议,重庆市人民政府市长唐良智作政府工作报告。"
        "会议提到,2019年,重庆工业经济逐步回暖,规上工业增加值增长6.1%以上。\n"
        "对于今年政府工作要求,会议提出,2020年重庆地区生产总值增长6%,城镇调查失业率5.5%左右。\n")
    assert (chongqing.year, chongqing.date, chongqing.speaker) == (2020, "2020-01-11", "唐良智")


def test_a_day_without_its_month_is_dated_by_the_page() -> None:
    # news.cntv.cn (fresh13 49): …第一次会议7日在会议中心开幕, published 2012年01月12日
    doc = _doc(
        "发布时间:2012年01月12日 10:12 | 进入复兴论坛 | 来源:南方日报 | 手机看视频\n"
        "南方日报讯 (记者/罗锐 通讯员/罗会江 马学青)惠州市第十一届人民代表大会第一次会议7日在"
        "会议中心开幕,大会由惠州市委书记、市人大常委会主任黄业斌主持。惠州市委副书记、代市长"
        "陈奕威代表市政府向大会作《政府工作报告》(以下简称“报告”)。\n"
        "报告提出,预计2011年全市生产总值为2060亿元,比上年(下同)增长14.6%,五年(下同)年均"
        "增长15%,实现经济总量再造一个惠州的目标。报告提出今年的预期目标是生产总值增长11%,"
        "实现此目标需要做到稳中求进、好中求快。\n")
    assert (doc.region, doc.year, doc.date, doc.speaker) == (
        "广东省惠州市", 2012, "2012-01-07", "陈奕威")
    # 今年 dates the target in a paragraph of five-year averages
    assert ("gdp_growth", "target", False, 2012, 11.0, None) in _catalog(doc)


def test_a_headline_is_no_title_and_the_plan_report_another_officials() -> None:
    # news.sohu.com (fresh13 36): the headline names a five-year goal's year; the plan report
    # is delivered by the development commission's head, the work report by the mayor
    doc = _doc(
        "2010年广州人均生产总值1万美元\n广州市十二届人大四次会议开幕,市长张广宁作政府工作报告\n"
        "本报讯(记者王海军 实习生陈淑仪 通讯员穗仁宣)昨天上午广州市十二届人大四次会议隆重开幕。 "
        "市长张广宁代表市政府向大会作了《政府工作报告》,并将《广州市国民经济和社会发展第十一个"
        "五年规划纲要(草案)》向大会提交审议。下午,市财政局局长郭锡龄作了2005年预算执行情况和"
        "2006年预算草案报告,市发改委主任潘建国作了2005年国民经济和社会发展计划执行情况与2006年"
        "计划草案报告。\n张广宁在报告中首先回顾了广州去年和“十五”期间的主要成绩。2005年,全市"
        "实现生产总值5115.75亿元,比上年增长13%,比2000年增长91.2%。\n"
        "关于2006年的工作意见,张广宁提出了今年经济社会发展主要预期目标,地区生产总值增长12%。\n")
    assert (doc.doc_type, doc.year, doc.speaker) == ("work_report", 2006, "张广宁")


def test_a_papers_date_gives_the_year_of_this_years_targets() -> None:
    # dzb.whb.cn (fresh13 54): 文汇报 of 2019年01月28日 星期一, 今年预期目标
    doc = _doc(
        "| | | 2019年01月28日 星期一\n1\n要闻\n\n全面用好我国发展的重要战略机遇期\n\n"
        "应勇作政府工作报告提出今年上海主要预期目标\n\n\n应勇市长作政府工作报告。 张春海摄\n\n"
        "    今年预期目标\n\n    ■全市生产总值增长6%-6.5%,地方一般公共预算收入增长5%,"
        "全社会研发经费支出相当于全市生产总值的比例保持在4%左右,城镇调查失业率和登记失业率"
        "稳定在4.3%左右,居民人均可支配收入增长与经济增长基本同步\n")
    assert (doc.region, doc.year, doc.speaker) == ("上海市", 2019, "应勇")
    facts = _catalog(doc)
    assert ("general_budget_revenue_growth", "target", False, 2019, 5.0, None) in facts
    assert ("surveyed_unemployment_rate", "target", False, 2019, 4.3, "approx") in facts


def test_a_qualitative_growth_target_is_of_the_growth() -> None:
    # m.yybnet.net (fresh13 05): 进出口保持稳定增长 is no target for the level of trade
    doc = _doc(
        "在热烈的掌声中,张惠向大会作《政府工作报告》。\n张惠在报告中说,2016年,威海市全市生产"
        "总值3212.2亿元,增长8%。2017年全市经济社会发展主要预期目标为:生产总值增长8%左右,"
        "一般公共预算收入增长9%左右,进出口保持稳定增长,城镇和农村居民人均可支配收入分别增长"
        "8%和8.5%左右。\n")
    trade = [f for f in _catalog(doc) if str(f[0]).startswith("foreign_trade")]
    assert trade == [("foreign_trade_growth", "target", False, 2017, None, None)]


def test_targets_completed_are_no_plan_of_the_year_reviewed() -> None:
    # big5.china.com.cn (fresh13 59): 2019年，…较好完成了…计划主要目标任务…预计增长7.5%以上
    doc = _doc(
        "1月12日,省發展和改革委員會受省政府委託,以書面形式向省第十三屆人民代表大會第三次會議作"
        "《關於安徽省2019年國民經濟和社會發展計劃執行情況與2020年計劃草案的報告》。\n"
        "報告指出,2019年,全省統籌推進穩增長、促改革、調結構、惠民生、防風險、保穩定各項工作,"
        "較好完成了省十三屆人大二次會議確定的國民經濟和社會發展計劃主要目標任務。高品質發展平穩"
        "推進,全年全省生産總值預計增長7.5%以上,“十三五”規劃經濟總量目標提前一年實現。\n"
        "報告提出2020年國民經濟和社會發展計劃主要預期目標:地區生産總值增長7.5%;"
        "社會消費品零售總額增長9.5%左右。\n")
    gdp = [f for f in _catalog(doc) if f[0] == "gdp_growth"]
    assert gdp == [("gdp_growth", "actual", True, 2019, 7.5, "min"),
                   ("gdp_growth", "target", False, 2020, 7.5, None)]


def test_a_year_end_rate_and_a_budget_revenue_named_with_finance() -> None:
    # abcjf.cn (fresh13 19): 年末城鎮登記失業率控制在3.05%
    taixing = _doc(
        "2009年,我市實現地區生產總值333億元,同比增長13%。新建農村公路150.7公里。"
        "年末城鎮登記失業率控制在3.05%。城鎮居民人均可支配收入達17840元。\n")
    assert ("registered_unemployment_rate", "actual", False, 2009, 3.05, None) in _catalog(
        taixing)
    # huoqiu.gov.cn (fresh13 27): 财政一般公共预算收入 is the general budget revenue
    huoqiu = _doc(
        "关于霍邱县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n"
        "预计,全年实现地区生产总值300亿元、增长7%;规模工业增加值增长7%;财政一般公共预算收入"
        "达到26.17亿元、增长4.6%;固定资产投资增长3%。\n")
    facts = _catalog(huoqiu)
    assert ("general_budget_revenue", "actual", True, 2023, 26.17, None) in facts
    assert ("general_budget_revenue_growth", "actual", True, 2023, 4.6, None) in facts


def test_the_years_growth_carried_from_the_metric_named_before() -> None:
    # mip.lcpkj.cn (fresh13 58): 地区生产总值增速保持在合理区间，初步预计全年增长6.3%
    doc = _doc(
        "根据“重庆发布”消息,2019年,重庆地区生产总值增速保持在合理区间,初步预计全年增长6.3%,"
        "人均地区生产总值突破1万美元。\n(图侵删)\n1月11日,重庆召开第五届人民代表大会第三次"
        "会议,重庆市人民政府市长唐良智作政府工作报告。\n对于今年政府工作要求,会议提出,2020年"
        "重庆地区生产总值增长6%,固定资产投资增长6%左右。\n")
    gdp = [f for f in _catalog(doc) if f[0] == "gdp_growth"]
    assert gdp == [("gdp_growth", "actual", True, 2019, 6.3, None),
                   ("gdp_growth", "target", False, 2020, 6.0, None)]


def test_a_plan_report_whose_digits_stand_apart() -> None:
    # hzsc.gov.cn (fresh13b b02): 2019 年…执行情况及 2020 年…计划草案; 二、2019 年…情况
    doc = _doc(
        "各位代表:\n\n受区政府委托,向大会报告我区 2019 年国民经济和社会发展计划执行情况及 2020 年"
        "国民经济和社会发展计划草案,请予审议,并请区政协委员和列席人员提出意见。\n\n"
        "一、2019 年国民经济和社会发展计划执行情况\n\n2019 年是新中国成立 70 周年。全年预计地区"
        "生产总值增长 6%;社会消费品零售总额 401亿元,增长 8. 5%。 完成财政总收入 166 亿元,其中"
        "一般公共预算收入 85 亿元,增长 5. 6%;新增城镇就业 12700 人。\n\n"
        "二、2019 年经济和社会发展情况\n\n(一)坚持产业升级促动,竞争优势不断强化\n\n"
        "主导产业多点开花。 优化发展文创产业。 引进省文投集团等重大项目,央视短视频基地落户。\n")
    assert (doc.doc_type, doc.year) == ("plan_report", 2020)
    assert [s.role for s in doc.sections if s.level == 1] == ["review", "review"]
    facts = _catalog(doc)
    assert ("general_budget_revenue", "actual", False, 2019, 85.0, None) in facts
    assert ("retail_sales_growth", "actual", True, 2019, 8.5, None) in facts


def test_a_sectors_budget_revenue_is_not_the_districts() -> None:
    # hzsc.gov.cn (fresh13b b02): 优化发展金融服务业。…完成一般公共预算收入 18. 08 亿元。
    doc = _doc(
        "各位代表:\n\n受区政府委托,向大会报告我区 2019 年国民经济和社会发展计划执行情况及 2020 年"
        "国民经济和社会发展计划草案。\n\n一、2019 年国民经济和社会发展计划执行情况\n\n"
        "完成财政总收入 166 亿元,其中一般公共预算收入 85 亿元,增长 5. 6%。\n\n"
        "二、2019 年经济和社会发展情况\n\n(一)坚持产业升级促动,竞争优势不断强化\n\n"
        "主导产业多点开花。 优化发展金融服务业。 深入推进“凤凰行动”计划,深交所杭州基地正式落地。"
        " 评定杰出金融人才 4 名,突出贡献金融人才 12名。 完成一般公共预算收入 18. 08 亿元。 "
        "优化发展文创产业。 着力打造凤凰山南影视基地。 完成一般公共预算收入 4. 97 亿元。\n")
    revenue = [f for f in _catalog(doc) if f[0] == "general_budget_revenue"]
    assert revenue == [("general_budget_revenue", "actual", False, 2019, 85.0, None)]


def test_list_items_under_a_targets_lead_are_targets() -> None:
    # chinahuzhouhr.com (fresh13b c02): each target on its own line after 主要预期目标：
    doc = _doc(
        "2017年4月22日,湖州市第八届人民代表大会第一次会议开幕。\n代市长钱三雄作政府工作报告,"
        "极简版,只有600字。\n2017年主要工作\n全市经济社会发展主要预期目标:\n"
        "地区生产总值增长7.5%以上;\n固定资产投资增长11%;\n社会消费品零售总额增长10%以上;\n"
        "财政总收入、地方财政收入均增长7%;\n")
    facts = _catalog(doc)
    assert ("gdp_growth", "target", False, 2017, 7.5, "min") in facts
    assert ("fixed_asset_investment_growth", "target", False, 2017, 11.0, None) in facts


def test_a_news_pages_year_from_what_the_mayor_said_the_year_will_do() -> None:
    # tp.hkcd.com (fresh13b c03), traditional: …在作《政府工作報告》時稱,2017年將全面做好…
    doc = _doc(
        "湖南日報1月6日訊(記者 徐亞平 徐典波)今天上午,岳陽市第八屆人民代表大會第一次會議開幕。"
        "岳陽市市長劉和生在作《政府工作報告》時稱,2017年將全面做好穩增長、促改革、調結構、"
        "惠民生、防風險等工作。主要預期目標是:GDP增長9%左右;規模工業增加值增長8%,"
        "公共財政預算收入增長10%左右。\n")
    assert (doc.region, doc.year, doc.date, doc.speaker) == (
        "湖南省岳阳市", 2017, "2017-01-06", "刘和生")
    assert ("gdp_growth", "target", False, 2017, 9.0, "approx") in _catalog(doc)


def test_a_level_grown_to_and_a_part_of_the_district() -> None:
    # gongwensou.com (fresh13b c06): 四年来，…地区生产总值增长到132亿元
    jinshi = _doc(
        "2017年2月7日在津市市第十七届人民代表大会第二次会议上\n市长 陈章杰\n各位代表:\n"
        "过去四年及2016年工作回顾\n四年来,我们全力以赴兴产业,综合实力大为增强。地区生产总值"
        "增长到132亿元,财政总收入增长到6.43亿元,金融机构各项存贷款余额达到110.9亿元。\n")
    assert _catalog(jinshi) == [("fiscal_revenue", "actual", False, 2016, 6.43, None),
                                ("gdp", "actual", False, 2016, 132.0, None)]
    # longwan.gov.cn (fresh13b c08): 其中区本级… is a part of the district, not the district
    longwan = _doc(
        "2013年1月8日在温州市龙湾区\n第七届人民代表大会第二次会议上\n区人民政府区长王军\n"
        "各位代表:\n一、2012年工作回顾\n预计全区实现生产总值437亿元,同比增长7%;社会消费品零售"
        "总额257.5亿元,增长5.7%。其中区本级实现生产总值280亿元,同比增长4.5%;财政总收入30.32"
        "亿元,增长0.7%;社会消费品零售总额79亿元,增长4.8%。单位生产总值综合能耗下降7%。\n")
    facts = _catalog(longwan)
    assert [f for f in facts if f[0] in ("gdp", "fiscal_revenue", "retail_sales")] == [
        ("gdp", "actual", True, 2012, 437.0, None),
        ("retail_sales", "actual", True, 2012, 257.5, None)]
    assert ("energy_intensity_reduction", "actual", False, 2012, 7.0, None) in facts


def test_an_item_that_marks_no_estimate_among_items_that_do() -> None:
    # m.ilynn.cn (fresh13b c12), traditional: …生產總值預計達到739億元…；社會消費品零售總額預計
    # 達到437億元…；實現一般公共預算收入92.28億元 (the revenue, closed at year end, is no estimate)
    doc = _doc(
        "政 府 工 作 報 告\n——2016年1月12日在濟南市市中區第十七屆人民代表大會第五次會議上\n"
        "區 長 王勤光\n各位代表:\n一、“十二五”期間全區經濟社會發展回顧\n經濟實力顯著增強。"
        "2015年,全區生產總值預計達到739億元,是“十一五”末的1.6倍,年均增長10%;社會消費品"
        "零售總額預計達到437億元,年均增長14%;實現一般公共預算收入92.28億元,是“十一五”末的"
        "近2倍,年均增長14.3%。\n")
    assert _catalog(doc) == [("gdp", "actual", True, 2015, 739.0, None),
                             ("general_budget_revenue", "actual", False, 2015, 92.28, None),
                             ("retail_sales", "actual", True, 2015, 437.0, None)]


def test_a_district_paper_page_dated_by_its_review_opening() -> None:
    # tnb.cqtn.com (fresh13b d02): 2018年，在市委、市政府和区委坚强领导下，在区人大、区政协监督
    # 支持下，…保持了经济持续健康发展: the 2019 report of a district
    doc = _doc(
        "第A3版:要闻总第393期 >2019-01-17编印\n\n一 图 读 懂 政 府 工 作 报 告\n\n"
        "  2018年,在市委、市政府和区委坚强领导下,在区人大、区政协监督支持下,我们坚持以习近平"
        "新时代中国特色社会主义思想为指导,坚持稳中求进工作总基调,保持了经济持续健康发展和社会"
        "大局稳定。\n  预计地区生产总值360亿元、增长8.5%,经济运行在预期的合理区间。\n")
    assert (doc.level, doc.year) == ("district", 2019)
    assert ("gdp", "actual", True, 2018, 360.0, None) in _catalog(doc)


def test_a_later_paragraph_of_a_five_year_passage_borrows_its_years() -> None:
    # handmsg.com (fresh13b e01), traditional: 地區生產總值由2010年的…增加到2015年的…。/
    # …糧食產量由431.6億斤增加到565.4億斤 (a paragraph that names no year of its own)
    doc = _doc(
        "1月22日至29日,自治區兩會在呼和浩特召開。會上,自治區主席巴特爾代表自治區政府向大會作了"
        "政府工作報告。回顧了“十二五”時期和2015年經濟社會發展,提出了“十三五”時期經濟社會發展的"
        "主要任務和2016年重點工作。\n綜合經濟實力顯著增強。地區生產總值由2010年的1.17萬億元增加到"
        "2015年的1.8萬億元,年均增長10%。\n轉型升級步伐明顯加快。農牧業提質增效,糧食產量由431.6"
        "億斤增加到565.4億斤,牲畜存欄由1.08億頭只增加到1.36億頭只。\n")
    assert doc.year == 2016
    grain = [f for f in _catalog(doc) if f[0] == "grain_output"]
    assert grain == [("grain_output", "actual", False, 2010, 431.6, None),
                     ("grain_output", "actual", False, 2015, 565.4, None)]
