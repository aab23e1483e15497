"""Names of open facts, round 14: a rate of newly built things, the quoted group a count
follows, a rank in a predicate, counts listed before one predicate, and a subject after a
span of years (open.reading, open.owners, open_names). Tuning documents only."""

from __future__ import annotations

from pathlib import Path

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.pipeline import read
from tests.conftest import (
    facts_at,
    names_at,
    national_open_facts,
    province_2025_open_facts,
    province_open_facts,
)

SEEDS = Path(__file__).parent / "data" / "seeds"

_province = province_open_facts
_province_2025 = province_2025_open_facts
_names = names_at


def test_a_rate_keeps_the_action_that_describes_its_noun() -> None:
    # 新建居住区养老设施配建率均达100%: the rate of newly built residential areas; nothing
    # was built by it (not 居住区养老设施配建率 with the action 新建)
    facts = facts_at(_province("宁夏"), "100%", "新建居住区养老设施配建率")
    assert [(f.name, f.action) for f in facts] == [("新建居住区养老设施配建率", None)]


def test_a_measure_after_a_quoted_group_and_its_count_keeps_the_group() -> None:
    # “牛羊菜果薯药粮种”8个产业集群全产业链产值突破6100亿元: the eight clusters' output
    assert _names(_province_2025("甘肃"), "突破6100亿元", "牛羊菜果薯药粮种") == [
        "“牛羊菜果薯药粮种”产业集群全产业链产值"]


def test_a_rank_in_the_predicate_does_not_stop_it_restricting_the_count() -> None:
    # 9家国家级经开区跻身全国30强: the nine that entered the top 30, not all of them
    assert _names(_province_2025("江苏"), "9家", "跻身全国30强") == ["跻身全国30强的国家级经开区"]
    # 7家企业上榜全球国际承包商250强 (江西)
    assert _names(_province_2025("江西"), "7家", "国际承包商250强") == [
        "上榜全球国际承包商250强的企业"]


def test_counts_listed_before_one_predicate_each_keep_it() -> None:
    national = national_open_facts((2006,))[2006]
    # 28个省（区、市）、2300个县（市）已初步建立社会救助体系的基本框架: both counts are of
    # those that built it
    words = "2300个县（市）已初步建立"
    assert _names(national, "28个", words) == ["已初步建立社会救助体系的基本框架的省（区、市）"]
    assert _names(national, "2300个", words) == ["已初步建立社会救助体系的基本框架的县（市）"]


def test_counts_before_a_predicate_that_lists_what_each_did_stay_bare() -> None:
    # 17个区、2个县（市）、124个镇获评全国百强区、百强县、千强镇: each its own title; not
    # read as all of them winning the first
    facts = _province_2025("广东")
    assert _names(facts, "2个", "获评全国百强区、百强县、千强镇") == ["县（市）"]


def test_a_subject_after_a_span_of_years_keeps_its_action_object() -> None:
    # 五年内预计农民新建住宅二十五亿平方米: the houses farmers build, not all houses
    assert _names(national_open_facts((1982,))[1982], "二十五亿平方米", "农民新建住宅") == [
        "农民新建住宅"]


def test_spending_in_a_sentence_opening_on_its_areas_is_spending_on_them() -> None:
    national = national_open_facts((2005, 2012))
    # 各级政府加大对科技、教育、文化、卫生、体育事业的投入，全国财政支出2.82万亿元: not all of
    # the national spending of 2011
    assert _names(national[2012], "2.82万亿元", "加大对科技") == [
        "全国财政用于科技、教育、文化、卫生、体育事业的支出"]
    # …的支持，中央财政用于这些方面的支出987亿元，投入国债资金147亿元
    assert _names(national[2005], "147亿元", "加大对科技") == [
        "用于科技、教育、文化、卫生、体育事业的国债资金"]


def test_a_count_of_people_before_a_de_phrase_is_of_the_people() -> None:
    # 解决了500多万名集体企业退休人员养老保障的历史遗留问题: the retirees are counted
    assert _names(national_open_facts((2012,))[2012], "500多万名", "历史遗留问题") == [
        "集体企业退休人员"]


def test_a_count_after_another_counts_noun_and_de_is_owned_by_it() -> None:
    national = national_open_facts((1982, 1984))
    # 三十八个科技项目的一百个课题: the projects' topics, not any 课题
    assert _names(national[1982], "一百个", "一百个课题") == ["科技项目的课题"]
    # 三十多种主要产品产量，提前两年达到…: the count is of products, not an output: not kept
    assert facts_at(national[1984], "三十多种", "主要产品产量") == []


def test_listed_sectors_share_their_chain_measure() -> None:
    # 冶金有色、新材料、装备制造产业链产值均增长20%以上: each sector's chain output, its
    # growth (names17: 均增长 is in each name, as 分别增长 is)
    assert _names(_province_2025("甘肃"), "20%以上", "产业链产值均增长") == [
        "冶金有色产业链产值增长", "新材料产业链产值增长", "装备制造产业链产值增长"]


def test_a_trait_before_a_count_and_a_measure_is_not_the_name() -> None:
    # 全球单机规模最大、技术领先的2座35万千瓦塔式槽式光热发电项目: the words before the count
    # describe the projects printed after the measure; not the name of the 2座
    assert facts_at(_province("青海"), "2座", "技术领先的2座") == []


def test_a_group_reached_keeps_the_verb_when_its_noun_ends_in_a_reached_one() -> None:
    # 育儿补贴惠及124万名婴幼儿: those the subsidy reached, not all infants (named with it)
    assert _names(_province("江苏"), "124万名", "育儿补贴惠及") == ["育儿补贴惠及婴幼儿"]
    # 惠及残疾学生超7.6万名: 残疾学生 ends in 学生, a group reached
    assert _names(_province_2025("广东"), "超7.6万名", "惠及残疾学生") == ["惠及残疾学生"]


def test_an_action_alone_is_not_a_name() -> None:
    # …阻击战完成综合治理2413.62万亩: 综合治理 says what was done, not to what
    assert facts_at(_province("甘肃"), "2413.62万亩", "完成综合治理") == []


def test_a_short_listed_item_shares_the_owner_of_the_item_before() -> None:
    # 增加铁路新线1423公里、复线643公里: the railway's double track, not any 复线
    assert _names(national_open_facts((2000,))[2000], "643公里", "复线643公里") == ["铁路复线"]


def test_a_verbal_noun_before_another_and_the_action_keeps_both() -> None:
    # 完成10.7万平方米违法建设拆除 (seed 000): 违法建设 was torn down, not 违法; the activity
    # 完成 takes closes the name (round 18: 违法建设拆除, as 小梁薄板房屋等不成套旧住房改造)
    doc = next(read(SEEDS / "000_b5713cac4734963f.txt"))
    assert _names(open_facts(doc, extract_facts(doc)), "10.7万平方米", "违法建设拆除") == [
        "违法建设拆除"]


def test_a_multiple_against_a_base_is_not_named_by_the_base() -> None:
    # …平均每年六千二百万平方米，等于一九五三年到一九八○年…平均每年建成住宅面积的二点六倍:
    # the multiple is of the years before, not of 住宅面积; not kept
    assert facts_at(national_open_facts((1982,))[1982], "二点六倍", "平均每年建成住宅面积") == []


def test_a_place_alone_is_not_a_name() -> None:
    # 化隆县谢家滩乡拉扎村3.73亿立方米山体滑坡: the village is where, not what
    assert facts_at(_province("青海"), "3.73亿立方米", "拉扎村") == []


def test_a_quality_made_keeps_its_action() -> None:
    # 实施居家适老化改造4.4万户: 适老化 alone names no work done
    assert _names(_province_2025("江西"), "4.4万户", "居家适老化改造") == ["居家适老化改造"]


def test_a_share_named_by_what_it_is_of_is_a_share() -> None:
    # 民营企业、外资企业出口分别占全省的50.6%、41.9%
    assert _names(_province_2025("江苏"), "41.9%", "分别占全省") == ["外资企业出口占全省比重"]


def test_a_bare_noun_listed_after_a_noun_and_its_measure_shares_the_measure() -> None:
    # 勘探新增石油地质储量3000万吨、天然气200亿立方米
    assert _names(_province_2025("青海"), "200亿立方米", "石油地质储量") == ["天然气地质储量"]


def test_a_noun_opening_a_clause_owns_the_generic_count_after_it() -> None:
    # 生态环境9项约束性指标全部完成: the environment's binding targets
    assert _names(_province("宁夏"), "9项", "约束性指标全部完成") == ["生态环境约束性指标"]


def test_a_predicate_of_progress_restricts_nothing() -> None:
    # 19所“小而精”“小而美”学校创建全面展开 (seed 000): all 19 under way
    doc = next(read(SEEDS / "000_b5713cac4734963f.txt"))
    assert _names(open_facts(doc, extract_facts(doc)), "19所", "创建全面展开") == [
        "“小而精”“小而美”学校"]
    # 16家高水平医院建设加速推进
    assert _names(_province_2025("江苏"), "16家", "建设加速推进") == ["高水平医院"]


def test_a_change_compared_with_last_year_after_a_flow_is_of_the_flow() -> None:
    # 新开工10亿元以上制造业项目248个、比上年增加36个: more started, not more projects
    assert _names(_province_2025("安徽"), "36个", "比上年增加36个") == [
        "新开工10亿元以上制造业项目增加"]


def test_a_share_in_a_sentence_opening_on_an_enterprise_is_its_share() -> None:
    # 酒钢集团“三化”改造实现产业重塑，高端产品占比从30%提高到70%
    assert _names(_province("甘肃"), "70%", "高端产品占比") == ["酒钢集团高端产品占比"]


def test_a_count_before_a_de_phrase_opening_on_a_place_word_is_of_that_noun() -> None:
    # 优化已建成超1.6万个户外劳动者“爱心驿站”的公益服务: the stations, not 公益
    assert _names(_province_2025("广东"), "超1.6万个", "爱心驿站") == ["户外劳动者“爱心驿站”"]


def test_a_fall_keeps_its_sign_in_the_name() -> None:
    # 重工业总产值一九八一年比一九八○年下降百分之四点七: a fall, not a level or a rise
    assert _names(national_open_facts((1982,))[1982], "百分之四点七", "重工业总产值") == [
        "重工业总产值下降"]
    # 累计单位国内生产总值能耗下降14.38% (2010)
    assert _names(national_open_facts((2010,))[2010], "14.38%", "前四年累计") == [
        "单位国内生产总值能耗下降"]


def test_a_plan_mark_after_a_measure_is_not_the_name() -> None:
    # 用于发展教育、科学、文化、卫生事业的经费计划为九百六十七亿元 (1982)
    assert _names(national_open_facts((1982,))[1982], "九百六十七亿元", "经费计划为") == [
        "用于发展教育、科学、文化、卫生事业的经费"]
