"""Names of open facts, round 15: a verb that is part of the noun (启动区, 帮扶单位, 消费帮扶,
爱国卫生组织, 有组织), a class word after a verb (建设类项目), a quality made (建筑节能改造),
a value each of several has (各增加1块), a comparison with the year's plan (超年度计划), a
fall printed as 再降 and trailing 共有 (open.words, open.reading). Tuning documents only."""

from __future__ import annotations

from tests.conftest import (
    facts_at,
    names_at,
    national_open_facts,
    province_2025_open_facts,
    province_open_facts,
    seed_open_facts,
)

_province = province_open_facts
_province_2025 = province_2025_open_facts
_seed = seed_open_facts
_names = names_at


def test_an_action_and_one_noun_character_closing_the_clause_make_one_noun() -> None:
    facts = _province_2025("广东")
    # 加快建设3个先行启动区: the count is of 先行启动区 (not 先行, 启动 read as a verb)
    assert _names(facts, "3个", "先行启动区") == ["先行启动区"]
    # 新增9个国家县域商业建设行动县、21个…: of 行动县, as the next count is of 试点县
    assert _names(facts, "9个", "国家县域商业建设行动县") == ["国家县域商业建设行动县"]


def test_a_helping_verb_before_its_agent_or_after_its_field_is_part_of_the_noun() -> None:
    facts = _province("甘肃")
    # 37家中央定点帮扶单位援助资金31.08亿元: the units that help, and their aid
    assert _names(facts, "37家", "中央定点帮扶单位") == ["中央定点帮扶单位"]
    assert _names(facts, "31.08亿元", "中央定点帮扶单位") == ["中央定点帮扶单位援助资金"]
    facts = _province_2025("甘肃")
    # …援助资金38.8亿元、消费帮扶94.9亿元: 消费帮扶 is one program, not 消费 helped
    assert _names(facts, "94.9亿元", "消费帮扶") == ["消费帮扶"]
    assert _names(facts, "38.8亿元", "中央定点帮扶单位") == [
        "东部协作省份和中央定点帮扶单位援助资金"]


def test_kept_verbs_at_the_end_of_a_noun_and_after_you_stay() -> None:
    # 累计建成爱国卫生组织1.1万余个: the organisations (组织 is no action here)
    assert _names(_seed("000"), "1.1万余个", "爱国卫生组织") == ["爱国卫生组织"]
    # 力争有组织有规模外出就业25万人次以上: 有组织 is a trait of the migration
    assert _names(_province("青海"), "25万人次以上", "有组织有规模外出就业") == [
        "有组织有规模外出就业"]


def test_a_class_word_after_a_verb_keeps_the_verb() -> None:
    # 其中26个建设类项目以“交钥匙”方式全部完工: 建设类项目, never 类项目
    names = _names(_seed("003"), "26个", "建设类项目")
    assert names and all("建设类项目" in n for n in names)


def test_a_quality_made_keeps_its_action() -> None:
    # 落实公共建筑节能改造600万平方米: the area renovated to save energy
    assert _names(_province("上海"), "600万平方米", "公共建筑节能改造") == ["公共建筑节能改造"]


def test_a_value_each_of_several_has_is_not_kept() -> None:
    # 15个街道各增加1块体育场地: one ground for each street, not one in all
    assert facts_at(_seed("000"), "1块", "各增加1块体育场地") == []
    assert _names(_seed("000"), "15个", "各增加1块体育场地") == ["街道"]
    # 职业技术大学、高等职业学校各2所: two of each
    assert facts_at(_province_2025("广西"), "2所", "高等职业学校各2所") == []


def test_a_share_over_the_year_plan_is_of_the_amount_before() -> None:
    # 省重大项目投资7300亿元、超年度计划目标13.9%
    assert _names(_province_2025("江苏"), "13.9%", "超年度计划目标") == [
        "省重大项目投资超年度计划目标"]
    # 304个省列重大项目完成投资2929亿元、超年度计划28%
    assert _names(_province("甘肃"), "28%", "超年度计划28%") == ["省列重大项目投资超年度计划"]


def test_a_fall_printed_as_zai_jiang_keeps_its_sign() -> None:
    # 电信网络诈骗发案数、损失数分别再降16.86%、9.27%: a fall, not a level
    names = _names(_province_2025("江西"), "16.86%", "分别再降")
    assert names == ["电信网络诈骗发案数再降"]


def test_a_running_total_before_a_measure_is_no_noun_of_it() -> None:
    national = national_open_facts((2010,))[2010]
    # “十一五”前四年累计单位国内生产总值能耗下降14.38%: 累计 is no action of 单位
    assert _names(national, "14.38%", "累计单位国内生产总值") == ["单位国内生产总值能耗下降"]


def test_gongyou_after_a_name_is_not_part_of_it() -> None:
    # 全国基本建设的投资共有140亿元 (1956): 共有 says how many, not what
    national = national_open_facts((1956,))[1956]
    names = {f.name for f in national if "共有" in (f.evidence or "")}
    assert names and not any(n.endswith("共有") for n in names)


def test_a_share_of_a_named_whole_is_named_a_share() -> None:
    # 11类民生支出占一般公共预算支出80.2%: the share, not the spending
    assert _names(_province_2025("甘肃"), "80.2%", "11类民生支出占") == [
        "11类民生支出占一般公共预算支出比重"]
    # 民营企业、外资企业出口分别占全省的50.6%、41.9%: each owner its own share
    facts = _province_2025("江苏")
    assert _names(facts, "50.6%", "外资企业出口分别占全省") == ["民营企业出口占全省比重"]
    assert _names(facts, "41.9%", "外资企业出口分别占全省") == ["外资企业出口占全省比重"]


def test_a_threshold_class_and_a_ratio_are_no_amounts() -> None:
    # 临夏州经济总量跻身500亿元行列: a class passed, not the county's output
    assert facts_at(_province_2025("甘肃"), "500亿元", "跻身500亿元行列") == []
    # 全国每出口4辆汽车就有1辆安徽造: a ratio; neither 4 nor 1 is a count of cars
    facts = _province_2025("安徽")
    assert facts_at(facts, "4辆", "每出口4辆汽车") == []
    assert facts_at(facts, "1辆", "每出口4辆汽车") == []


def test_a_growth_printed_after_its_value_names_it() -> None:
    # 汽车产量继续保持40%以上增长: the growth of car output (not 汽车产量继续)
    assert _names(_province_2025("安徽"), "40%以上", "汽车产量继续保持") == ["汽车产量增长"]
    # PM2.5年均浓度较“十三五”末改善16.5%: the improvement, not the level
    assert _names(_province("江苏"), "16.5%", "改善16.5%") == ["PM2.5年均浓度改善"]


def test_people_served_with_a_list_of_services_are_not_named_alone() -> None:
    # 为超61万名孕妇免费提供地中海贫血、唐氏综合征…的产前筛查: not all pregnant women
    assert facts_at(_province_2025("广东"), "超61万名", "孕妇免费提供") == []
    # 为超53万名适龄妇女免费提供乳腺癌和宫颈癌筛查: a short service goes into the name
    assert _names(_province("广东"), "超53万名", "适龄妇女免费提供") == [
        "免费提供乳腺癌和宫颈癌筛查的适龄妇女"]


def test_a_listed_sector_shares_only_what_follows_the_last_sector() -> None:
    # 制造业、战略性新兴产业贷款分别增长12.7%、27.2%: 制造业贷款 (not 制造业新兴产业贷款)
    assert _names(_province_2025("广西"), "12.7%", "战略性新兴产业贷款") == ["制造业贷款增长"]
    # 制造业、普惠小微贷款余额分别增长10.7%、13.3%: 贷款余额 still shared
    assert _names(_province("安徽"), "10.7%", "普惠小微贷款余额") == ["制造业贷款余额增长"]


def test_a_bare_measure_takes_the_owner_its_sentence_opens_on() -> None:
    # 区属企业资产总额达5692.6亿元,同比增长1.4%,实现营收615.5亿元,同比增长8.2%
    facts = _seed("000")
    assert _names(facts, "615.5亿元", "实现营收615.5亿元") == ["区属企业营收"]
    assert _names(facts, "8.2%", "实现营收615.5亿元") == ["区属企业营收增长"]


def test_joined_tax_cuts_are_one_object_with_their_purpose() -> None:
    # 支持科技创新和制造业发展减税降费退税超3000亿元: not 退税 alone
    names = _names(_province_2025("江苏"), "超3000亿元", "减税降费退税")
    assert names and all(n.endswith("减税降费退税") for n in names)


def test_a_verb_after_a_counted_noun_ends_the_noun() -> None:
    # 玉柴甲醇发动机、超高纯稀土粉体等20项科技创新成果填补国内空白: the count is of the
    # achievements (not of 国内空白, 填补 read as a verb inside the name)
    assert _names(_province("广西"), "20项", "填补国内空白") == ["科技创新成果"]
    # 197家二级以上医院开设体重管理门诊: the hospitals that opened one
    assert _names(_province("安徽"), "197家", "开设体重管理门诊") == [
        "开设体重管理门诊的二级以上医院"]


def test_a_count_after_a_place_and_you_is_the_subject_of_its_predicate() -> None:
    # 全国共有18万户私营商店转为公私合营商店和合作商店 (1956): those that turned, not all
    national = national_open_facts((1956,))[1956]
    assert _names(national, "18万户", "私营商店转为") == [
        "转为公私合营商店和合作商店的私营商店"]


def test_a_generic_measure_compared_with_a_year_is_the_one_before() -> None:
    # 地区生产总值年均增长4.8%，2025年总量比2020年增加超7400亿元: GDP's total, not 总量
    names = _names(_province("广西"), "超7400亿元", "总量比2020年增加")
    assert names == ["地区生产总值总量增加"]


def test_a_measure_before_a_project_running_past_an_action_describes_it() -> None:
    # …、135万吨聚烯烃升级改造项目开工: the project's capacity, not the CCUS project's
    assert facts_at(_province_2025("宁夏"), "135万吨", "聚烯烃升级改造项目") == []


def test_a_predicate_after_a_counted_noun_is_no_part_of_it() -> None:
    # 青海拉面、青绣…等49个特色劳务品牌发展壮大: the brands (not …品牌发展壮大)
    assert _names(_province_2025("青海"), "49个", "特色劳务品牌发展壮大") == ["特色劳务品牌"]
    # 全市16个区首次全部获评全国双拥模范城: 首次 is no part of the noun
    assert _names(_province("上海"), "16个", "16个区首次") == ["区"]


def test_a_place_level_listed_after_another_is_its_own() -> None:
    # 19个地级以上市和2个县被命名为…: the two are counties (not 地级以上市 again)
    assert _names(_province("广东"), "2个", "19个地级以上市和2个县") == ["县"]


def test_a_service_verb_before_a_noun_head_opens_the_noun() -> None:
    # 达到服务能力标准的乡镇卫生院、社区卫生服务中心占比: not 能力标准的…
    names = _names(_province("青海"), "90%以上", "达到服务能力标准")
    assert names == ["服务能力标准的乡镇卫生院、社区卫生服务中心占比"]


def test_money_for_a_purpose_is_not_the_value_of_its_object() -> None:
    # 投入567亿元办好民生实事: the money spent on them, not 民生实事 worth 567亿元: not kept
    assert facts_at(_province_2025("安徽"), "567亿元", "办好民生实事") == []
    # 国务院决定今年安排30亿元建设资金 (2005): the funds, 建设 part of their name
    national = national_open_facts((2005,))[2005]
    assert _names(national, "30亿元", "安排30亿元建设资金") == ["建设资金"]


def test_people_served_without_a_noun_are_not_named_by_the_service() -> None:
    # 为1万人提供互助保障服务: 互助保障 is what they got, not what was counted
    assert facts_at(_province_2025("甘肃"), "1万人", "提供互助保障服务") == []
