"""Names of open facts, round 17: a verb opening a list is shared by its bare items in the
clauses after it (全年新增…，|高等级公路1900公里); a plan or budget setting a value and a year
opening a name are no part of it (国家预算规定|国防费支出, 一九五四年计划的|…); 在 and a place,
and verbs of aspect alone, name no object; a subject before 实现 keeps a name of verbs
(农牧区劳动力|实现|转移就业). Tuning documents only (national reports of years not ending
in 3 or 7, tune provinces)."""

from __future__ import annotations

from baogao.models import Fact
from tests.conftest import (
    facts_at,
    names_at,
    national_open_facts,
    province_2025_open_facts,
    province_open_facts,
    seed_open_facts,
)

_names = names_at


def _actions(facts: list[Fact], printed: str, words: str) -> list[str | None]:
    return [f.action for f in facts_at(facts, printed, words)]


def test_the_verb_opening_a_list_is_shared_by_its_bare_items() -> None:
    facts = national_open_facts((1995, 1982, 1955))
    # 全年新增大中型发电机组容量1500多万千瓦，铁路新线和复线3300多公里，高等级公路1900公里
    assert _actions(facts[1995], "1900公里", "全年新增大中型发电机组容量") == ["新增"]
    assert _actions(facts[1995], "3300多公里", "全年新增大中型发电机组容量") == ["新增"]
    # 五年内，新增原油开采能力三千五百万吨，天然气开采能力二十五亿立方米
    assert _actions(facts[1982], "二十五亿立方米", "天然气开采能力") == ["新增"]
    # 五年内将新建国营机械化农场九十一个，拖拉机站一百九十四个
    assert _actions(facts[1955], "一百九十四个", "拖拉机站") == ["新建"]


def test_a_list_verb_is_not_shared_by_a_level_money_or_an_item_with_its_own_verb() -> None:
    facts = national_open_facts((1992, 2004))
    # 全年新增外商投资企业1.2万多家，外商直接投资协议金额120亿美元: another kind of amount
    assert _actions(facts[1992], "120亿美元", "全年新增外商投资企业") == [None]
    # 新增城镇就业900万人，下岗失业人员再就业500万人: its own verb
    assert _actions(facts[2004], "500万人", "下岗失业人员再就业") == [None]
    # 城镇新增就业…: a verb after its subject opens no list
    assert _actions(province_open_facts("上海"), "37万辆", "新能源汽车新上牌") == [None]


def test_a_plan_or_budget_setting_a_value_is_no_part_of_its_name() -> None:
    facts = national_open_facts((1956, 1955))
    # 1956年国家预算规定国防费支出为6，141，391，000元
    assert _names(facts[1956], "6，141，391，000元", "国家预算规定") == ["国防费支出"]
    # 五年计划规定扩大耕地面积三千八百六十八万亩
    assert _names(facts[1955], "三千八百六十八万亩", "五年计划规定") == ["扩大耕地面积"]
    # …比计划规定的单位数多二百二十七个: not read as 的单位数多
    assert _names(national_open_facts((1959,))[1959], "二百二十七个", "计划规定的单位数") == []


def test_a_year_opening_a_name_is_read_off() -> None:
    facts = national_open_facts((1954, 1980))
    # 一九五四年计划的工业基本建设投资总额又比一九五三年增加百分之二十八
    assert _names(facts[1954], "百分之二十八", "一九五四年计划的") == ["工业基本建设投资总额"]
    # 轻工业…增长…，一九八○年上升百分之零点九: a year and a verb name nothing
    assert all(f.name != "一九八○年上升" for f in facts[1980])


def test_a_place_after_zai_or_verbs_of_aspect_alone_name_no_object() -> None:
    facts = national_open_facts((1980,))[1980]
    # 劳动就业，在城镇安排600万人
    assert _names(facts, "600万人", "在城镇安排") == []
    # 开始提升40%职工的工资级别
    assert _names(facts, "40%", "开始提升") == []


def test_a_subject_before_shixian_keeps_a_name_of_verbs() -> None:
    # 农牧区劳动力实现转移就业112万人次
    assert _names(province_open_facts("青海"), "112万人次", "转移就业") == [
        "农牧区劳动力转移就业"]


def test_a_purpose_and_its_verb_before_a_spending_stay_in_its_name() -> None:
    facts = national_open_facts((1982,))[1982]
    # 国家用于提高农副产品收购价格的支出…，用于提高职工工资和实行奖金制度的支出三百亿元
    assert _names(facts, "三百亿元", "用于提高职工工资") == ["用于提高职工工资和实行奖金制度的支出"]


def test_a_part_after_qizhong_shares_the_verb_of_the_whole() -> None:
    facts = national_open_facts((2011, 2008))
    # 新增发电装机容量4.45亿千瓦，其中水电9601万千瓦、核电384万千瓦
    assert _actions(facts[2011], "9601万千瓦", "其中水电") == ["新增"]
    assert _actions(facts[2011], "384万千瓦", "其中水电") == ["新增"]
    # 新增公路19.2万公里，其中高速公路2.8万公里
    assert _actions(facts[2008], "2.8万公里", "其中高速公路") == ["新增"]


def test_a_count_of_places_reached_is_of_the_subject_places() -> None:
    # 新型农村合作医疗制度试点已扩大到671个县
    assert _names(national_open_facts((2006,))[2006], "671个", "试点已扩大到") == [
        "新型农村合作医疗制度试点县"]
    # 推动县中托管帮扶从15个县（市）扩大到57个县（市）
    facts = province_open_facts("广东")
    assert _names(facts, "57个", "县中托管帮扶") == ["县中托管帮扶县（市）"]
    assert _names(facts, "15个", "县中托管帮扶") == ["县中托管帮扶县（市）"]


def test_a_qualifier_between_the_action_and_a_count_stays_with_the_noun_counted() -> None:
    # 推出长江经济带高质量发展84项政策措施
    assert _names(province_2025_open_facts("江苏"), "84项", "长江经济带") == [
        "长江经济带高质量发展政策措施"]
    # 实现西单商圈11个停车场、2000余个车位信息实时查询
    assert _names(seed_open_facts("003"), "11个", "西单商圈") == ["西单商圈停车场"]
    # 开发储备公益性岗位超8000个: 储备 is a second verb, not a qualifier
    assert _names(province_open_facts("广东"), "超8000个", "公益性岗位") == ["公益性岗位"]


def test_a_verb_of_addition_after_a_level_of_money_makes_the_value_its_change() -> None:
    facts = national_open_facts((2009, 1995))
    # 企业退休人员养老金人均每月新增110元: the rise, not the pension
    assert _names(facts[2009], "110元", "人均每月新增") == ["企业退休人员养老金新增"]
    # 居民储蓄存款新增6300多亿元
    assert _names(facts[1995], "6300多亿元", "居民储蓄存款新增") == ["居民储蓄存款新增"]


def test_a_share_of_the_words_after_it_is_not_kept_under_the_words_before() -> None:
    facts = province_2025_open_facts("江西")
    # 力争城市建成区50%以上面积达到海绵城市建设标准: not a share of 城市建成区
    assert _names(facts, "50%以上", "城市建成区50%以上面积") == []
    # 衔接资金的62%用于产业发展 (甘肃)
    assert _names(province_2025_open_facts("甘肃"), "62%", "衔接资金的62%用于") == []
    # …but a rate run into the next sentence stays (…达标率达到100%家庭…, in the seeds)
    assert _names(seed_open_facts("001"), "100%", "规范化建设达标率达到100%家庭") != []


def test_a_count_of_provinces_reached_by_a_flow_is_named_with_it() -> None:
    # 绿电外送拓展至22个省区市
    assert _names(province_open_facts("青海"), "22个", "绿电外送拓展至") == ["绿电外送省区市"]


def test_a_source_after_cong_stays_in_the_name_and_the_change_is_kept() -> None:
    # 农民每人平均从集体分得的收入总共只增加了10.5元: 从集体 is no start of a change
    facts = national_open_facts((1980,))[1980]
    assert _names(facts, "10.5元", "从集体分得") == ["农民每人平均从集体分得的收入增加"]
    # …但 标准从202元提高到…: a start still cuts the name (城镇化率从47.5%提高到51.5%)
    assert _names(national_open_facts((2011,))[2011], "51.5%", "城镇化率从47.5%") == ["城镇化率"]


def test_a_growth_said_of_each_listed_measure_is_in_each_name() -> None:
    # 全年接待游客人次、旅游总花费均增长10%以上
    assert _names(province_2025_open_facts("河北"), "10%以上", "均增长10%以上") == [
        "旅游总花费增长", "游客人次增长"]


def test_a_flow_verb_after_fenbie_is_the_action_of_each_value() -> None:
    # “上海标准”、“上海品牌”分别新增11个和27项
    facts = province_2025_open_facts("上海")
    assert _actions(facts, "11个", "分别新增11个和27项") == ["新增"]
    assert _actions(facts, "27项", "分别新增11个和27项") == ["新增"]


def test_a_word_opening_on_he_after_a_count_is_not_cut_at_he() -> None:
    # 打造5个“五好两宜”和美乡村片区: 和美乡村 is one word
    assert _names(province_2025_open_facts("上海"), "5个", "“五好两宜”和美乡村片区") == [
        "“五好两宜”和美乡村片区"]


def test_a_count_restricted_by_an_idiom_and_a_verb_keeps_its_predicate() -> None:
    # 49个机关、企事业单位附属空间对外开放共享
    assert _names(province_open_facts("上海"), "49个", "附属空间对外开放共享") == [
        "对外开放共享的机关、企事业单位附属空间"]


def test_one_of_a_pair_of_owners_before_the_action_stays_in_the_name() -> None:
    facts = national_open_facts((1988, 1982))
    # 城市新建职工住宅8.5亿平方米，农村新建住房39亿平方米
    assert _names(facts[1988], "8.5亿平方米", "城市新建职工住宅") == ["城市职工住宅"]
    # 五年内预计农民新建住宅…，在农村新建公共福利设施三亿平方米
    assert _names(facts[1982], "三亿平方米", "在农村新建公共福利设施") == ["农村公共福利设施"]


def test_a_measure_of_money_after_a_count_of_entities_is_theirs() -> None:
    # 累计引进重点企业177家、注册资本1100亿元
    facts = seed_open_facts("003")
    assert _names(facts, "1100亿元", "重点企业177家、注册资本") == ["引进重点企业注册资本"]


def test_a_quoted_title_with_a_numeral_does_not_stop_a_restricting_predicate() -> None:
    # 4部作品获“五个一工程”奖 (宁夏)
    assert _names(province_2025_open_facts("宁夏"), "4部", "五个一工程") == [
        "获“五个一工程”奖的作品"]


def test_a_count_after_a_modifier_sharing_the_noun_shares_the_verb() -> None:
    # 新增2家国家级和16家市级专精特新“小巨人”企业、74家市级专精特新中小企业
    facts = seed_open_facts("000")
    assert _actions(facts, "16家", "新增2家国家级和16家") == ["新增"]
    assert _actions(facts, "74家", "新增2家国家级和16家") == ["新增"]


def test_a_verb_of_addition_heading_a_list_is_shared_but_not_one_without_an_object() -> None:
    facts = national_open_facts((2000, 1980))
    # 增加铁路新线1423公里、复线643公里
    assert _actions(facts[2000], "643公里", "增加铁路新线1423公里") == ["增加"]
    # 自行车1，484万辆，增加224万辆，缝纫机860万架: 增加 has no object of its own there
    assert _actions(facts[1980], "860万架", "缝纫机860万架") == [None]
