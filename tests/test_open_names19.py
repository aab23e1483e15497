"""Names of open facts, round 19: a count after a pivot verb is of the ones its predicate says
(推动|超1万家|企业|开展…); an activity closing a name after a verb taking an activity stays in
it (完成|城镇棚户区改造|73.5万套); a group reached by a verb of benefit is named with what
benefits it (落实国家育儿补贴政策，|惠及|154万户家庭). Tuning documents only (national reports
of years not ending in 3 or 7, tune provinces, seeds other than 002)."""

from __future__ import annotations

from baogao.extract.facts import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.models import Fact
from tests.conftest import (
    DATA,
    names_at,
    national_open_facts,
    page_doc,
    province_2025_open_facts,
    province_open_facts,
    seed_open_facts,
)

_names = names_at


def test_a_count_after_a_pivot_verb_is_of_the_ones_its_predicate_says() -> None:
    # 推动1万家工业企业技术改造和数字化转型: not all of the province's industrial firms
    assert _names(province_open_facts("广东"), "1万家", "推动1万家工业企业") == [
        "技术改造和数字化转型的工业企业"]
    # 帮助8万户以上群众实现安居梦
    assert _names(province_open_facts("广西"), "8万户以上", "帮助8万户以上群众") == [
        "实现安居梦的群众"]
    # 培育扶持6家企业上市 (the tagger reads 上市 as a place: the predicate all the same)
    assert _names(seed_open_facts("001"), "6家", "培育扶持6家企业上市") == ["上市的企业"]
    # 组织2000多位专家对若干战略问题进行研究论证
    facts = national_open_facts((2005,))[2005]
    assert _names(facts, "2000多位", "专家对若干战略问题") == ["对若干战略问题进行研究论证的专家"]
    # 推动6项重点实事落地
    assert _names(seed_open_facts("003"), "6项", "重点实事落地") == ["落地的重点实事"]


def test_a_pivot_verb_keeps_the_noun_when_the_noun_goes_on_or_a_run_shares_it() -> None:
    # 引导超2万名高校毕业生等青年到…: the noun phrase is not cut at 等
    assert _names(province_open_facts("广东"), "超2万名", "高校毕业生等青年") == ["高校毕业生"]
    # 推动2处立体停车设施建设: the work done on them closes the name
    assert _names(seed_open_facts("000"), "2处", "立体停车设施建设") == ["立体停车设施建设"]
    # 推动21个老旧小区管线更新改造
    assert _names(seed_open_facts("000"), "21个", "老旧小区管线更新改造") == [
        "老旧小区管线更新改造"]


def test_an_activity_closing_the_name_after_a_verb_taking_one_stays() -> None:
    facts = province_open_facts("江苏")
    # 完成城镇棚户区改造73.5万套: not 城镇棚户区 alone
    assert _names(facts, "73.5万套", "完成城镇棚户区改造") == ["城镇棚户区改造"]
    # 开工城中村改造6100套
    assert _names(province_open_facts("宁夏"), "6100套", "开工城中村改造") == ["城中村改造"]
    # 完成困难重度残疾人家庭无障碍改造40301户: the households' work, not the households
    assert _names(province_open_facts("甘肃"), "40301户", "无障碍改造") == [
        "困难重度残疾人家庭无障碍改造"]


def test_a_group_reached_by_a_benefit_is_named_with_what_benefits_it() -> None:
    # 落实国家育儿补贴政策，惠及154万户家庭
    assert _names(province_open_facts("广西"), "154万户", "国家育儿补贴政策") == [
        "国家育儿补贴政策惠及家庭"]
    # 育儿补贴惠及124万名婴幼儿: the subject of the verb's own clause
    assert _names(province_open_facts("江苏"), "124万名", "育儿补贴惠及") == [
        "育儿补贴惠及婴幼儿"]
    # 配置教学仪器、体育器材、照明灯具等基本设备，惠及超3万名学生: not the last item of a list
    assert _names(province_open_facts("广东"), "超3万名", "照明灯具等基本设备") == ["惠及学生"]
    # 消费品以旧换新带动相关商品销售超800亿元、惠及消费者…: a clause, not what benefits them
    assert _names(province_open_facts("江西"), "750余万人次", "带动相关商品销售") == [
        "惠及消费者"]


def _page_facts(folder: str, name: str) -> list[Fact]:
    doc = page_doc((DATA / folder / name).read_text("utf-8"))
    return open_facts(doc, extract_facts(doc))


def test_the_body_before_a_verb_of_achieving_owns_the_measure() -> None:
    # 其中区本级实现生产总值280亿元 (the district as a whole: 437亿元)
    longwan = _page_facts("names19", "c08_longwan2013.txt")
    assert _names(longwan, "280亿元", "区本级实现生产总值") == ["区本级生产总值"]
    # 两大工业园区实现工业产值11.2亿元
    dongtou = _page_facts("names19", "b02_dongtou_plan2016.txt")
    assert _names(dongtou, "11.2亿元", "两大工业园区") == ["两大工业园区工业产值"]
    # 齐车轨道实现铁路车辆出口2000辆; 规模以上工业实现总产值218亿元
    lvshunkou = _page_facts("pages18", "41_lvshunkou2013.txt")
    assert _names(lvshunkou, "2000辆", "齐车轨道") == ["齐车轨道铁路车辆出口"]
    assert _names(lvshunkou, "218亿元", "规模以上工业实现总产值") == ["规模以上工业总产值"]
    # 黄河“几字弯”攻坚战完成规划任务85%以上
    assert _names(province_open_facts("宁夏"), "85%以上", "攻坚战完成规划任务") == [
        "黄河“几字弯”攻坚战规划任务"]


def test_a_time_a_plan_word_or_the_whole_region_before_the_verb_is_no_body() -> None:
    # 全年实现服务业增加值35.47亿元
    dongtou = _page_facts("names19", "b02_dongtou_plan2016.txt")
    assert _names(dongtou, "35.47亿元", "全年实现服务业增加值") == ["服务业增加值"]
    # 预计完成全社会固定资产投资632亿元: an estimate, not a body
    wuzhou = _page_facts("pages18", "23_wuzhou2012.txt")
    assert _names(wuzhou, "632亿元", "预计完成全社会固定资产投资") == ["全社会固定资产投资"]


def test_a_level_opening_the_first_of_listed_counts_is_the_next_ones_too() -> None:
    # 新创建国家级零碳园区3家、自治区级绿色工厂54家、绿色园区2家
    guangxi = province_open_facts("广西")
    assert _names(guangxi, "2家", "自治区级绿色工厂54家、绿色园区") == ["自治区级绿色园区"]
    # 新增省级创新平台30个、专精特新中小企业100户、高新技术企业150家: only the item right
    # after the one printed with its level
    gansu = province_open_facts("甘肃")
    assert _names(gansu, "100户", "新增省级创新平台30个") == ["省级专精特新中小企业"]
    assert _names(gansu, "150家", "新增省级创新平台30个") == ["高新技术企业"]
    # 新增国家级中小企业特色产业集群3个、国家重点支持“小巨人”企业23家: a level of its own
    jiangxi = province_open_facts("江西")
    assert _names(jiangxi, "23家", "国家重点支持“小巨人”企业") == ["国家重点支持“小巨人”企业"]


def test_marks_of_a_page_copy_are_read_off_the_name() -> None:
    # 全力抓好60件民生实事......报告中，…: the page cut the text at the ellipsis
    longhua = _page_facts("names19", "04_longhua2018.txt")
    assert _names(longhua, "60件", "民生实事......") == ["民生实事"]
    # ——全社会固定资产投资预计完成828亿元: a bullet dash opening the line
    hannan = _page_facts("names19", "34_hannan_plan2022.txt")
    assert _names(hannan, "828亿元", "——全社会固定资产投资") == ["全社会固定资产投资"]
    # 20xx年生产总值预计增长8.4%: the site masked the year
    jiangmen = _page_facts("names19", "28_jiangmen2016_masked.txt")
    assert _names(jiangmen, "8.4%", "20xx年生产总值") == ["生产总值"]


def test_a_torn_or_scrambled_name_is_dropped() -> None:
    # 其中服务业增加—值1增—长8%
    shangcheng = _page_facts("names19", "b02_shangcheng_plan2020.txt")
    assert _names(shangcheng, "8%", "增加—值1增—长") == []
    # 实现生产总值6835. 27亿元: a number torn by a space (not 27亿元 of 生产总值6835.)
    gansu = _page_facts("names19", "24_gansu2015.txt")
    assert _names(gansu, "27亿元", "生产总值6835.") == []


def test_a_sibling_group_takes_the_measure_printed_after_the_first() -> None:
    # 集中供养孤儿基本生活保障省定最低标准从…提高到2423元，散居孤儿（含…）从…提高到1567元
    guangdong = province_open_facts("广东")
    assert _names(guangdong, "1567元", "散居孤儿") == ["散居孤儿基本生活保障省定最低标准"]


def test_a_sentence_opening_on_a_size_class_owns_its_bare_measures() -> None:
    # 规模以上工业实现销售收入、利税、利润同比分别增长14.5%、14.7%和19.5%，销售收入利税率、
    # 利润率分别达到20%和14.4%: the industry's, not the county's
    yiyuan = _page_facts("names19", "03_yiyuan2013.txt")
    assert _names(yiyuan, "14.5%", "规模以上工业实现销售收入") == ["规模以上工业销售收入增长"]
    assert _names(yiyuan, "14.7%", "规模以上工业实现销售收入") == ["规模以上工业利税增长"]
    assert _names(yiyuan, "14.4%", "规模以上工业实现销售收入") == ["规模以上工业利润率"]
    # 规模以上工业企业达7.6万家、增加值增长3%: read, and the firms' (it was dropped)
    guangdong = province_open_facts("广东")
    assert _names(guangdong, "3%", "规模以上工业企业达7.6万家") == ["规模以上工业企业增加值"]


def test_a_change_after_a_verb_of_achieving_is_the_action() -> None:
    # 实现业务表单数量压减62.44%: a fall, not an achievement of 62.44%
    jiangxi = province_2025_open_facts("江西")
    assert [f.action for f in jiangxi if f.text == "62.44%"] == ["压减"]
    # 2006年，全国国有企业…，实现利润增长2.23倍
    facts = national_open_facts((2008,))[2008]
    assert [f.action for f in facts if f.text == "2.23倍" and "实现利润增长" in f.evidence] == [
        "增长"]


def test_a_semicolon_goes_on_with_the_owner_its_sentence_opened_on() -> None:
    # 规模以上工业增加值3580.7亿元，增长25.4%；净利润646.9亿元，增长51.4%
    sichuan = _page_facts("names19", "07_sichuan2008.txt")
    assert _names(sichuan, "646.9亿元", "净利润646.9亿元") == ["规模以上工业净利润"]
    assert _names(sichuan, "51.4%", "净利润646.9亿元") == ["规模以上工业净利润增长"]


def test_points_after_a_growth_are_the_change_of_its_rate() -> None:
    # 全社会固定资产投资完成1202亿元，增长68%，比上年提高24个百分点
    neimenggu = _page_facts("names19", "25_neimenggu2004.txt")
    assert _names(neimenggu, "24个百分点", "增长68%") == ["全社会固定资产投资增速提高"]
    # 进出口总额 541.7亿美元，增长 18.6%，比上一年大幅提高了 30.2个百分点
    zhuhai = _page_facts("names19", "c10_zhuhai2014.txt")
    assert _names(zhuhai, "30.2个百分点", "进出口总额") == ["进出口总额增速提高"]


def test_a_measure_after_a_count_of_a_flow_is_the_flow_entities() -> None:
    # 新谋划重点项目630个、总投资1280亿元: not the investment of every key project
    hanbin = _page_facts("names19", "52_hanbin2025.txt")
    assert _names(hanbin, "1280亿元", "新谋划重点项目630个") == ["新谋划重点项目总投资"]
    # 新建应急避难场所6处、总面积6.61万平方米
    assert _names(seed_open_facts("003"), "6.61万平方米", "新建应急避难场所6处") == [
        "新建应急避难场所总面积"]
    # 新增全国重点实验室15家、总数达23家: the stock of all of them, no flow
    anhui = province_2025_open_facts("安徽")
    assert _names(anhui, "23家", "新增全国重点实验室15家") == ["全国重点实验室总数"]
