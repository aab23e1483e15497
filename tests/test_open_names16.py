"""Names of open facts, round 16: grammar words are no part of a name (open.grammar). A
conjunction or discourse adverb opening the clause (则, 并且, 但是, 即), a verb of stating
before the number (拟定为, 却是), a name that is only a grammar word or the plan a value is
measured against (年度计划), one opening on a pronoun (它所属的…), and a bare class with
nothing that says which (单位, 省份). Tuning documents only (national reports of years not
ending in 3 or 7, tune provinces)."""

from __future__ import annotations

from tests.conftest import (
    facts_at,
    names_at,
    national_open_facts,
    province_2025_open_facts,
    province_open_facts,
    seed_open_facts,
)

_names = names_at


def test_a_conjunction_opening_the_clause_is_no_part_of_the_name() -> None:
    facts = national_open_facts((1956,))[1956]
    # …不可比的因素，则本年收入实际增长15.83%: the year's revenue, not 则本年收入
    assert _names(facts, "15.83%", "则本年收入") == ["本年收入"]
    # 并且减价40%供应新式农具: a price cut, no object is left once 并且 goes
    assert _names(facts, "40%", "并且减价") == []
    # 1953年只征收了351亿斤: 只 and a verb alone name nothing
    assert _names(facts, "351亿斤", "只征收") == []
    assert _names(facts, "380亿斤", "都只征收") == []


def test_a_verb_of_stating_before_the_number_is_no_part_of_the_name() -> None:
    facts = national_open_facts((1958, 1959))
    # 钢产量拟定为六百二十四万八千吨: the steel output
    assert _names(facts[1958], "六百二十四万八千吨", "钢产量拟定为") == ["钢产量"]
    # 增长的绝对数却是六百九十二万吨: a bare 绝对数 (of what?) is not kept
    assert _names(facts[1959], "六百九十二万吨", "绝对数却是") == []
    assert _names(facts[1959], "八百二十亿元", "绝对数却是") == []


def test_the_plan_a_value_is_measured_against_is_not_its_name() -> None:
    facts = national_open_facts((1958,))[1958]
    # (工业总产值…)超过年度计划百分之四点一: 4.1% is by how much the output beat the plan
    assert "年度计划" not in _names(facts, "百分之四点一", "超过年度计划")
    assert all(f.name not in ("年度计划", "原定的年度计划", "原定计划")
               for f in facts_at(facts, "百分之四点一", "计划"))


def test_a_value_after_ji_restating_the_one_before_is_not_kept_under_a_verb() -> None:
    facts = national_open_facts((1955,))[1955]
    # 粮食增长百分之十七点六，即增产五百七十八亿斤: not a fact named 即增产 (nor 增产)
    assert all(f.name not in ("即增产", "增产")
               for f in facts_at(facts, "五百七十八亿斤", "即增产"))


def test_a_name_opening_on_a_pronoun_is_not_kept() -> None:
    facts = national_open_facts((1954,))[1954]
    # 但是它所属的生产企业却有百分之二十五没有完成计划: some of its enterprises
    assert _names(facts, "百分之二十五", "它所属的生产企业") == []


def test_a_bare_class_of_places_or_bodies_is_not_a_name() -> None:
    # 宁东基地等4个单位荣获首届“中国节水奖”: 单位 alone names no object; with the award
    # that restricts it (round 18: 荣获 opens a predicate) it does
    assert _names(province_open_facts("宁夏"), "4个", "4个单位荣获") == [
        "荣获首届“中国节水奖”的单位"]
    # 陇原绿电通达大江南北，惠及26个省份: nor 省份 alone
    assert _names(province_open_facts("甘肃"), "26个", "惠及26个省份") == []
    # …but a place level counted stays (17个区、2个县（市）、124个镇获评…)
    assert _names(province_2025_open_facts("广东"), "124个", "124个镇") == ["镇"]


def test_an_adverb_before_the_verb_and_a_list_number_are_no_part_of_the_name() -> None:
    facts = national_open_facts((1956,))[1956]
    # 1955年地方财政共收入7，443，491，000元: the local revenue
    assert _names(facts, "7，443，491，000元", "地方财政共收入") == ["地方财政收入"]
    # （三）信贷保险收入共收到2，360，816，000元: the credit and insurance revenue
    assert _names(facts, "2，360，816，000元", "信贷保险收入共收到") == ["信贷保险收入"]
    # “引江济淮”全年共调水4.75亿立方米: the water the project moved
    assert _names(province_2025_open_facts("安徽"), "4.75亿立方米", "共调水") == [
        "“引江济淮”调水"]


def test_a_level_after_a_net_increase_is_of_the_object_itself() -> None:
    # 经营主体净增98万户、突破1900万户: 1900万 is how many there are, not the increase
    facts = province_2025_open_facts("广东")
    assert _names(facts, "98万户", "经营主体净增") == ["经营主体净增"]
    assert _names(facts, "突破1900万户", "经营主体净增") == ["经营主体"]


def test_a_verb_of_stating_takes_the_subject_printed_before_it() -> None:
    facts = national_open_facts((1958, 1959))
    # 一九五八年的工业总产值，拟定为六百四十三亿七千万元…，比…增加…，增长百分之十四点六
    assert _names(facts[1958], "六百四十三亿七千万元", "一九五八年的工业总产值") == ["工业总产值"]
    assert _names(facts[1958], "百分之十四点六", "一九五八年的工业总产值") == ["工业总产值增长"]
    # (一九五九年基本建设投资总额，)通过国家预算的部分，拟定为…: a part, not the subject
    assert _names(facts[1959], "二百七十亿元", "通过国家预算的部分") == []


def test_a_name_cut_from_its_clause_is_not_kept() -> None:
    facts = national_open_facts((1955, 1956, 1959, 1960))
    # 汽车：全部建成后的年产能力将为九万辆: never 后的年产能力
    assert _names(facts[1955], "九万辆", "全部建成后的年产能力") == []
    # 1955年国家决算在工业建设方面支出…: never 方面支出
    assert "方面支出" not in _names(facts[1956], "5，960，281，000元", "工业建设方面支出")
    # 机床（不包括简易机床，下同）增加了一万四千三百台: never 下同）增加
    assert _names(facts[1959], "一万四千三百台", "下同）增加") == []
    # 平均一个人民公社拥有六万四千亩耕地: the land is printed after the number
    assert _names(facts[1960], "六万四千亩", "平均一个人民公社拥有") == []


def test_a_trait_before_a_compound_and_a_verb_of_a_relative_clause_stay() -> None:
    facts = national_open_facts((1982, 2006))
    # 拟发行长期建设国债600亿元，比上年减少200亿元: the long-term construction bonds
    assert _names(facts[2006], "600亿元", "长期建设国债") == ["长期建设国债"]
    assert _names(facts[2006], "200亿元", "长期建设国债") == ["长期建设国债减少"]
    # 国家用于提高农副产品收购价格的支出四百四十二亿元: the spending on raising prices
    assert _names(facts[1982], "四百四十二亿元", "农副产品收购价格") == [
        "用于提高农副产品收购价格的支出"]


def test_the_people_reached_and_the_event_of_a_damage_are_named() -> None:
    facts = national_open_facts((1999, 2008, 2009))
    # 扶贫对象覆盖4007万人: the people the programme reaches
    assert _names(facts[2009], "4007万人", "扶贫对象覆盖") == ["扶贫对象"]
    # …发生历史罕见的洪涝灾害，直接经济损失2000多亿元: the floods' damage
    assert _names(facts[1999], "2000多亿元", "直接经济损失") == ["洪涝灾害直接经济损失"]
    # 中央建设投资总计为1521亿元: never 投资总计 (the owner cut off)
    assert "投资总计" not in _names(facts[2008], "1521亿元", "中央建设投资总计")


def test_a_later_measure_of_a_group_takes_the_owner_of_the_first() -> None:
    facts = national_open_facts((1956,))[1956]
    # 1956年全国高等学校新招生16.3万人，毕业学生6.4万人，在校学生将达到38万余人
    assert _names(facts, "6.4万人", "全国高等学校新招生") == ["全国高等学校毕业学生"]
    assert _names(facts, "38万余人", "全国高等学校新招生") == ["全国高等学校在校学生"]
    # 普通中学（包括高中和初中）新招生213.7万人，毕业学生97.6万人: the aside is read off
    assert _names(facts, "97.6万人", "普通中学") == ["普通中学毕业学生"]


def test_a_modal_or_an_adverb_closing_the_subject_is_read_off() -> None:
    facts = national_open_facts((1956, 1960))
    # 夏征和秋征的总额准备增加到约414亿斤，比1955年增加约34亿斤
    assert _names(facts[1956], "约34亿斤", "夏征和秋征") == ["夏征和秋征的总额增加"]
    # …农业税在农业产量中所占的比例仍将不超过12%
    assert _names(facts[1956], "不超过12%", "所占的比例仍将") == [
        "农民负担的全部农业税在农业产量中所占的比例"]
    # 还要在一九五九年粮食总产量的基础上，再增加一千八百亿斤以上
    assert "全国粮食总产量应该增加" not in _names(facts[1960], "一千八百亿斤以上", "再增加")


def test_a_time_clause_or_a_predicate_is_not_a_name() -> None:
    facts = national_open_facts((1981, 1984, 1985))
    # 基本建设投资总额，今年2月修订计划时减少为三百亿元: never 2月修订计划时
    assert _names(facts[1981], "三百亿元", "修订计划时") == []
    # 拥有占全世界95%以上核武器的…: never 拥有占全世界比重
    assert _names(facts[1984], "95%以上", "拥有占全世界") == []
    # 计划内签约成交的技术引进项目有一千多项: the verbs describing the projects stay
    assert _names(facts[1985], "一千多项", "签约成交的技术引进项目") == ["签约成交的技术引进项目"]


def test_an_owner_alone_and_a_second_verb_before_de() -> None:
    facts = national_open_facts((1988, 1998))
    # 城镇人均居住面积增加到8.7平方米，农村增加到22平方米: the rural floor space per head
    assert _names(facts[1998], "22平方米", "农村增加到") == ["农村人均居住面积"]
    # 国务院提请全国人大常委会审议通过的法律有30项: the laws passed after review
    assert _names(facts[1988], "30项", "审议通过的法律") == ["审议通过的法律"]


def test_a_predicate_of_progress_restricts_nothing() -> None:
    # 4个国家级区域医疗中心建设进展顺利: all four, not "建设进展顺利的" ones
    assert _names(province_open_facts("甘肃"), "4个", "国家级区域医疗中心建设进展顺利") == [
        "国家级区域医疗中心"]


def test_money_keeps_the_verb_saying_what_it_is_for() -> None:
    # 支持科技创新和制造业发展的主要政策减税降费及退税超过900亿元: the relief is for that
    assert _names(province_2025_open_facts("安徽"), "超过900亿元", "减税降费") == [
        "支持科技创新和制造业发展的主要政策减税降费及退税"]
    # …but a count after 支持 is of the things supported (支持“两重”项目136个)
    assert _names(province_2025_open_facts("安徽"), "136个", "“两重”项目") == ["“两重”项目"]


def test_a_locative_or_examples_after_you_are_not_the_object() -> None:
    facts = national_open_facts((1955, 1956, 1959))
    # 五年内除建设十三个大型水库外: never 大型水库外
    assert _names(facts[1955], "十三个", "大型水库外") == []
    # 1956年施工线路有包头——兰州线、内江——昆明线等25条: the lines under way
    assert _names(facts[1956], "25条", "施工线路有") == ["施工线路"]
    # …有生铁、钢、原油…糖等十七种: examples, no category named
    assert _names(facts[1959], "十七种", "制糖设备、糖等") == []


def test_a_basis_or_a_verb_closing_the_subject_is_read_off() -> None:
    facts = national_open_facts((1955, 1956))
    # 工人职员的平均工资以货币计算约增长百分之三十三: the wage, counted in money
    assert _names(facts[1955], "百分之三十三", "以货币计算") == ["工人职员的平均工资"]
    # 夏征和秋征的总额准备增加到约414亿斤: the total of the summer and autumn levies
    assert _names(facts[1956], "约414亿斤", "夏征和秋征") == ["夏征和秋征的总额"]


def test_a_net_increase_after_a_total_is_named_as_a_change() -> None:
    # 全省经营主体达59.3万户、净增2万多户: the net increase of the market entities
    assert _names(province_2025_open_facts("青海"), "2万多户", "净增2万多户") == ["经营主体净增"]


def test_a_listed_proposal_takes_its_owner_and_a_title_counts_no_people() -> None:
    facts = seed_open_facts("000")
    # 办理市区人大代表议案1件、建议56件和政协提案229件: the deputies' suggestions
    assert _names(facts, "56件", "办理市区人大代表议案") == ["市区人大代表建议"]
    # 14人获“北京市接诉即办工作先进个人”称号: the 14 are people, not titles
    assert _names(facts, "14人", "先进个人") == []
