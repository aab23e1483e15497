"""Open-vocabulary facts: every number with a unit, read from the seed reports."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from baogao.extract import extract_facts
from baogao.extract.open.facts import find_amounts, key_of, open_facts, statement_count
from baogao.models import Document
from baogao.pipeline import read
from baogao.store import Store
from baogao.store.schema import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def xicheng_2023() -> Document:
    return next(read(next(SEEDS.glob("000_*.txt"))))


def _find(doc: Document, printed: str, kind: str) -> list[object]:
    facts = open_facts(doc, extract_facts(doc))
    return [f for f in facts if f.text == printed and f.kind == kind]


def test_plan_target_with_action_and_object(xicheng_2023: Document) -> None:
    [fact] = _find(xicheng_2023, "500张", "target")
    assert fact.name == "家庭养老照护床位"  # type: ignore[attr-defined]
    assert fact.period == 2023 and fact.unit == "张"  # type: ignore[attr-defined]
    assert fact.indicator is None and fact.open_vocabulary  # type: ignore[attr-defined]


def test_object_after_the_number(xicheng_2023: Document) -> None:
    [fact] = _find(xicheng_2023, "10座", "actual")
    assert fact.name == "小型消防站" and fact.period == 2022  # type: ignore[attr-defined]


def test_bound_words_and_approximate_counts(xicheng_2023: Document) -> None:
    [fact] = _find(xicheng_2023, "不少于100个", "target")
    assert fact.bound == "min" and fact.value == 100  # type: ignore[attr-defined]
    [more] = _find(xicheng_2023, "3200余人", "actual")
    assert more.bound == "min" and more.unit == "人"  # type: ignore[attr-defined]


def test_catalog_values_are_not_repeated(xicheng_2023: Document) -> None:
    catalog = extract_facts(xicheng_2023)
    extra = open_facts(xicheng_2023, catalog)
    catalog_spans = {(f.start, f.text) for f in catalog}
    assert not any((f.start, f.text) in catalog_spans for f in extra)


def test_most_statements_become_facts(xicheng_2023: Document) -> None:
    catalog = extract_facts(xicheng_2023)
    total = statement_count(xicheng_2023)
    assert total > 100
    assert len(open_facts(xicheng_2023, catalog)) + len(catalog) >= 0.85 * total


def test_ordinals_and_slogans_are_not_amounts() -> None:
    text = "第3个年头，坚持“两个确立”，建成一批项目，新建学校12所。"
    assert [a.unit for a in find_amounts(text, 0, len(text))] == ["所"]


def test_keys_ignore_wording() -> None:
    assert key_of("老旧小区综合整治") == key_of("老旧小区改造") == "老旧小区"
    assert key_of("“一键呼”") == "一键呼"


def test_migration_adds_open_columns(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    conn.close()
    with Store(db) as store:
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
        columns = {r[1] for r in store.conn.execute("PRAGMA table_info(facts)")}
    assert version == SCHEMA_VERSION
    assert {"key", "action", "scope", "open_vocabulary"} <= columns


def test_store_keeps_open_facts_apart(tmp_path: Path, xicheng_2023: Document) -> None:
    catalog = extract_facts(xicheng_2023)
    extra = open_facts(xicheng_2023, catalog)
    with Store(tmp_path / "lib.db") as store:
        store.save(xicheng_2023, [*catalog, *extra], [])
        assert len(store.facts()) == len(catalog)
        every = store.facts(include_open=True)
    assert len(every) == len(catalog) + len(extra)
    stored = next(f for f in every
                  if f.open_vocabulary and f.text == "500张" and f.kind == "target")
    assert stored.key == "家庭养老照护床位" and stored.action == "增加"


# Names read on word boundaries (real sentences of the seeds and the 2026 provincial reports)

PROVINCES = Path(__file__).parent / "data" / "corpus" / "provinces-2026"


@pytest.fixture(scope="module")
def xicheng_2024() -> Document:
    return next(read(next(SEEDS.glob("003_*.txt"))))


def _province(name: str) -> Document:
    return next(read(next(PROVINCES.glob(f"2026_{name}*.csv"))))


def _named(doc: Document, evidence_part: str) -> dict[str, str]:
    """The names of the open facts of the sentence holding ``evidence_part``, by value."""
    facts = open_facts(doc, extract_facts(doc))
    return {f.text: f.name for f in facts if evidence_part in f.evidence}


def test_action_words_inside_a_compound_noun_stay(xicheng_2024: Document) -> None:
    # 服务 is an action word, but not inside 社区卫生服务中心
    assert _named(xicheng_2024, "社区卫生服务中心装修改造")["3个"] == "社区卫生服务中心"


def test_the_noun_after_an_amount_ends_at_its_predicate(xicheng_2024: Document) -> None:
    assert _named(xicheng_2024, "与3家银行签订战略协议")["3家"] == "银行"
    # 5个地级市和5个县级城市新获评…: 新 and the verb are not part of the object
    assert "县级城市" in _named(_province("广东"), "5个县级城市新获评").values()


def test_an_action_before_the_amount_puts_its_object_after_it(xicheng_2024: Document) -> None:
    assert _named(xicheng_2024, "集中力量完成5万平方米拆违任务")["5万平方米"] == "拆违任务"


def test_a_list_without_respectively_pairs_names_and_values() -> None:
    names = _named(_province("陕西"), "“新三样”、集成电路出口增长30.4%、30.1%")
    assert names["30.4%"] == "“新三样”出口增长" and names["30.1%"] == "集成电路出口增长"


def test_a_comparison_names_the_object_compared() -> None:
    names = _named(_province("青海"), "规上工业增加值增长7.6%、高于全国1.7个百分点")
    assert names["1.7个百分点"] == "规上工业增加值高于全国"
    # 增量 alone measures something printed elsewhere (粮食总产): neither value is named
    names = _named(_province("黑龙江"), "占全国23.6%")
    assert "23.6%" not in names and "39.7亿斤" not in names


def test_a_measure_inside_a_prepositional_phrase_keeps_it() -> None:
    # 对经济增长: the action 增长 is inside the 对 phrase, not the action of 贡献率
    assert _named(_province("江苏"), "消费对经济增长贡献率")["55%左右"] == "消费对经济增长贡献率"


def test_a_name_without_its_object_is_not_kept() -> None:
    names = _named(_province("广东"), "城镇累计新增就业超700万人")
    assert "超700万人" not in names  # 就业 alone: a verb
    assert "12户" not in _named(_province("安徽"), "整合至12户")  # 整合 names the change


def test_a_leading_verb_and_a_rank_are_not_the_object() -> None:
    assert _named(_province("安徽"), "统筹安排省级财政资金")["350亿元以上"] == "省级财政资金"
    names = _named(_province("广西"), "高速公路通车里程全国第四")
    assert names["突破1万公里"] == "高速公路通车里程"


def test_a_value_so_far_this_year_is_a_result() -> None:
    doc = next(read(SEEDS / "004_ad073e54fd368939.txt"))
    facts = [f for f in open_facts(doc, extract_facts(doc)) if "今年以来" in f.evidence
             and f.text == "15个"]
    assert facts and all(f.kind == "actual" for f in facts)


def test_a_lead_character_that_begins_a_word_is_kept() -> None:
    # 对 is lead noise (对东盟出口), but 对口支援 is one word
    assert _named(_province("江苏"), "实施对口支援协作项目")["8000多个"] == "对口支援协作项目"


def test_a_leading_verb_is_the_action_not_the_object() -> None:
    # 推广 is in the lead-verb table: the object is what was promoted
    assert _named(_province("吉林"), "推广高产优质品种3874万亩")["3874万亩"] == "高产优质品种"


def test_a_rate_per_period_keeps_its_unit() -> None:
    # 城乡低保平均标准分别从2020年的645元/月、4318元/年…: the unit is 元/月, not 元
    doc = _province("贵州")
    units = {f.text: f.unit for f in open_facts(doc, extract_facts(doc))
             if "城乡低保平均标准" in f.evidence}
    assert units["645元/月"] == "元/月" and units["7226元/年"] == "元/年"


def test_a_date_is_not_a_name() -> None:
    # 从2020年的51%提升到2025年的70%: 2025年 is when, the object is the rate
    names = _named(_province("贵州"), "农产品加工转化率从2020年的51%")
    assert names["70%"] == "农产品加工转化率"


def test_a_generic_head_after_an_action_closes_the_noun() -> None:
    # 198项高频政务服务事项实现跨境通办: 服务 before 事项 is inside the noun
    # (the predicate after the count says which of them: open.owners.restricted)
    assert _named(_province("广东"), "198项高频政务服务事项")["198项"] == (
        "实现跨境通办的高频政务服务事项")


def test_a_comparison_term_and_a_trailing_preposition_are_not_the_object() -> None:
    names = _named(_province("江苏"), "PM2.5年均浓度较“十三五”末改善")
    assert names["16.5%"] == "PM2.5年均浓度改善"  # the change named, not the level
    doc = _province("河北")
    [start] = [f for f in open_facts(doc, extract_facts(doc))
               if "可再生能源占电力装机比重由" in f.evidence and f.text == "47.6%"]
    assert start.name == "可再生能源占电力装机比重" and start.scope == "起点"


def test_a_name_that_is_no_noun_is_not_given() -> None:
    # 每天24小时提供…服务: 每天 says how often, it names nothing; the number stays unnamed
    names = _named(_province("广东"), "每天24小时提供免费心理疏导")
    assert "每天" not in names.values() and "24小时" not in names


def test_a_short_subject_before_the_action_stays_in_the_name() -> None:
    # 城镇新增就业超690万人: 城镇 is part of the object, not a word to drop
    assert _named(_province("江苏"), "城镇新增就业超690万人")["超690万人"] == "城镇新增就业"
    names = _named(_province("安徽"), "高速公路通车总里程突破7000公里")
    assert names["突破7000公里"] == "高速公路通车总里程"


def test_a_list_part_may_hold_its_own_and() -> None:
    # 金融业、软件和信息服务业增加值分别增长9.7%、15.3%: two parts, the second with 和
    names = _named(_province("上海"), "金融业、软件和信息服务业增加值分别增长")
    assert names["9.7%"] == "金融业增加值增长"
    assert names["15.3%"] == "软件和信息服务业增加值增长"


def test_a_numbered_set_of_sectors_is_read_one_by_one() -> None:
    names = _named(_province("贵州"), "其中一二三产增加值分别增长")
    assert [names[v] for v in ("3.5%左右", "6%左右")] == ["一产增加值增长", "二产增加值增长"]


def test_the_second_of_two_joined_actions_is_not_the_object() -> None:
    # 修订或废止妨碍…的政策文件72份: 或 joins two actions; the object is the clause after them
    names = _named(_province("广西"), "修订或废止妨碍统一大市场")
    assert names["72份"] == "妨碍统一大市场和公平竞争的政策文件"


def test_what_was_done_to_the_object_is_not_its_name() -> None:
    # 更新改造 is two action words in one; 全面完成 a predicate closing the name
    assert _named(_province("安徽"), "更新改造城市地下管网")["3600公里"] == "城市地下管网"
    assert _named(_province("宁夏"), "40件民生实事全面完成")["40件"] == "民生实事"


def test_a_comparison_word_inside_a_name_goes() -> None:
    doc = next(read(SEEDS / "001_c37d6c11197b0023.txt"))
    assert _named(doc, "开展行政执法49.5件")["63.3%"] == "行政执法增长"


def test_a_count_before_a_measure_is_not_named_by_the_measure() -> None:
    # 14个|市州空气质量(全面达标): the count is of 市州, not of a 空气质量
    assert "14个" not in _named(_province("甘肃"), "14个市州空气质量")


def test_a_predicate_after_the_amount_keeps_the_object_before_it() -> None:
    doc = next(read(SEEDS / "001_c37d6c11197b0023.txt"))
    # 惠及 stays: the enterprises reached, not all of them (open.owners.reached)
    assert _named(doc, "惠及企业3万余家")["3万余家"] == "惠及企业"


def test_a_value_describing_what_follows_is_not_a_fact() -> None:
    # 超过20%的(有23种), 贡献了全国24.1%的(增量): the value describes what follows
    names = _named(_province("广东"), "超过20%的有23种")
    assert "超过20%" not in names and "24.1%" not in _named(_province("广东"), "24.1%的增量")


def test_who_acted_before_a_verb_is_not_the_object() -> None:
    # 消费品以旧换新|拉动|商品销售额: the object is what the verb governs
    names = _named(_province("广西"), "拉动商品销售额")
    assert names["529亿元"] == "商品销售额"


def test_a_measure_names_its_owner() -> None:
    guangdong = _province("广东")
    # 总规模1000亿元的(基金): the size of the fund that follows
    fund = _named(guangdong, "组建总规模1000亿元")["1000亿元"]
    assert fund == "省战略性新兴产业投资引导基金总规模"
    # 五年 is when, not what
    assert _named(guangdong, "居民人均可支配收入五年增长")["30.8%"] == "居民人均可支配收入"
    # 省级重点项目640个、完成投资…: the investment of the projects just counted
    assert _named(_province("陕西"), "实施省级重点项目640个")["3500亿元以上"] == "省级重点项目投资"


def test_listed_starting_values_are_starts() -> None:
    # 分别从每人每月209元、280元提高到217元、290元: 209元 and 280元 are where it started
    doc = _province("广东")
    starts = {f.text: f for f in open_facts(doc, extract_facts(doc))
              if "提高到217元" in f.evidence}
    assert starts["209元"].scope == "起点" and starts["209元"].period is None
    assert starts["217元"].scope != "起点" and starts["217元"].period == 2026


def test_a_bare_investment_takes_the_projects_before_it() -> None:
    # “十百千万”工程项目完成投资1.22万亿元: the investment of those projects
    doc = _province("江西")
    assert _named(doc, "完成投资1.22万亿元")["1.22万亿元"] == "“十百千万”工程项目投资"
    assert "投资" not in {f.name for f in open_facts(doc, extract_facts(doc))}


def test_a_count_before_a_list_of_nouns_counts_them_all() -> None:
    # 4个|地区和园区(入选…): the count is of both nouns, not of 地区 alone
    # (and the predicate says which: 入选国家碳达峰试点的, open.owners.restricted)
    assert _named(_province("江苏"), "个地区和园区入选")["4个"] == "入选国家碳达峰试点的地区和园区"
    assert _named(_province("宁夏"), "省区市和港澳台地区")["31个"] == "省区市和港澳台地区"

def test_a_list_running_on_is_not_cut_after_its_second_noun(xicheng_2024: Document) -> None:
    # 16项|国家、行业和团体标准: a list of three is not read as its first two, nor as 国家
    # (an actor alone names nothing: the fact is dropped rather than misnamed)
    names = _named(xicheng_2024, "16项国家、行业和团体标准")
    assert names.get("16项") not in ("国家、行业", "国家")


def test_a_count_opening_a_clause_with_an_unmarked_predicate_is_not_named() -> None:
    # 20多项|全球首发技术装车应用, 11个|设区市受命名…: nothing governs the count and the
    # noun after it runs to the clause end with its predicate inside
    assert "20多项" not in _named(_province("安徽"), "20多项全球首发技术装车应用")
    assert "11个" not in _named(_province("江西"), "11个设区市受命名全国双拥模范城")
    # a known predicate closes the noun: the count keeps its object
    assert _named(_province("安徽"), "600个新型公共文化空间投入使用")["600个"] == "新型公共文化空间"


def test_the_base_of_a_share_is_not_its_object() -> None:
    # 达到|耕地总面积|的64%: 64% is the share of farmland the 高标准农田 reach
    ningxia = _province("宁夏")
    assert "64%" not in _named(ningxia, "高标准农田达到耕地总面积的64%")
    assert "70%" not in _named(ningxia, "完成基础教育优化布局总任务的70%")


def test_a_yearly_capacity_describes_the_project_after_it() -> None:
    # 中粮油脂年产60万吨|油料(等项目): the scale of a plant, not an amount of 中粮油脂
    names = _named(_province("吉林"), "中粮油脂年产60万吨油料")
    assert all("年产" not in n for n in names.values())


def test_a_review_of_past_years_in_a_plan_part_states_results() -> None:
    # the 说明 of the next five-year plan opens with 这五年: its values are results (the
    # level reached at the end of the five years: 2025's, round 14)
    doc = _province("上海")
    facts = [f for f in open_facts(doc, extract_facts(doc))
             if "从4.16万亿元增加到5.67万亿元" in f.evidence and f.text == "5.67万亿元"]
    assert facts and all(f.kind == "actual" and f.period == 2025 for f in facts)


def test_a_name_holding_an_amount_of_its_own_is_not_kept() -> None:
    # 屋顶绿化1.2万平方米|公园绿地…覆盖率: two measures run together (broken text)
    doc = next(read(SEEDS / "001_c37d6c11197b0023.txt"))
    assert "93%" not in _named(doc, "屋顶绿化1.2万平方米公园绿地")
    # …青海辉源20万吨…铝板带箔、青海广泰|10万吨: a list of projects with their sizes
    names = _named(_province("青海"), "青海广泰10万吨再生铝")
    assert all("20万吨" not in n for n in names.values())
    # a class of what follows stays in the name (10亿元以上重大产业项目)
    assert any(n.startswith("10亿元以上") for n in _named(_province("上海"), "10亿元以上").values())


def test_who_pushed_a_rate_up_is_not_named_with_it() -> None:
    # “企呼我办”等新机制|推动|企业反映问题解决率: the rate is the object of 推动
    names = _named(_province("广西"), "新机制推动企业反映问题解决率")
    assert names["93%"] == "企业反映问题解决率"


def test_a_pair_word_names_two_joined_values_without_respectively() -> None:
    # 城乡居民人均收入年均增长5.3%、7.7%: 城乡 reads as 城镇 and 农村, in that order
    names = _named(_province("陕西"), "城乡居民人均收入年均增长5.3%、7.7%")
    assert names["5.3%"].startswith("城镇居民人均收入")
    assert names["7.7%"].startswith("农村居民人均收入")


def test_new_before_a_noun_is_part_of_the_name() -> None:
    # 新时代文明实践中心: 新 is the noun's own, not the lead 新 of an action (新布局…)
    names = _named(_province("广东"), "建成新时代文明实践中心")
    assert names["2.8万个"].startswith("新时代文明实践中心")


def test_respectively_after_a_clause_of_values_pairs_them_in_order() -> None:
    # 接待国内游客4.16亿人次、入境游客936万人次，分别增长6.7%、39.6%
    names = _named(_province("上海"), "入境游客936万人次，分别增长")
    assert names["6.7%"].startswith("国内游客") and names["39.6%"].startswith("入境游客")


def test_a_modifier_alone_names_nothing(xicheng_2023: Document,
                                       xicheng_2024: Document) -> None:
    # 新增2家|国家级|和16家市级专精特新“小巨人”企业: the modifier shares the next noun
    names = _named(xicheng_2023, "新增2家国家级和16家市级")
    assert names["2家"] == "国家级专精特新“小巨人”企业"
    # 打造|更多|100%(绿电大楼): 更多 alone names nothing
    assert "100%" not in _named(xicheng_2024, "打造更多100%绿电大楼")


FORMATS_2025 = Path(__file__).parent / "data" / "formats" / "provinces-2025"


def _province_2025(name: str) -> Document:
    return next(read(next(FORMATS_2025.glob(f"2025年{name}*.docx"))))


def test_a_total_after_a_listed_count_is_the_total_of_its_object() -> None:
    # 新增22家国家级5G工厂、总数达36家: the total of 国家级5G工厂, without the 、
    names = _named(_province_2025("江西"), "新增22家国家级5G工厂、总数达36家")
    assert names["36家"] == "国家级5G工厂总数"
    # 新优质学校: 新 before a noun is the noun's own
    assert _named(_province_2025("安徽"), "重点建设新优质学校")["112所"] == "新优质学校"


def test_a_clause_run_into_a_listed_name_is_not_kept() -> None:
    # “青海三文鱼”公共品牌正式发布、|出口增长12倍: the first part is a clause of its own
    assert "12倍" not in _named(_province_2025("青海"), "公共品牌正式发布、出口增长12倍")


def test_the_level_a_change_reached_is_named_by_its_object() -> None:
    # 常住人口城镇化率提高至|64.7%; (从174.09万户)增加到|235.31万户: the level reached
    assert _named(_province("青海"), "常住人口城镇化率提高至64.7%")["64.7%"] == "常住人口城镇化率"
    names = _named(_province("甘肃"), "民营经济主体数量从174.09万户增加到235.31万户")
    assert names["235.31万户"] == names["174.09万户"] == "民营经济主体数量"


def test_a_second_value_after_its_action_keeps_the_object(xicheng_2024: Document) -> None:
    # 老楼加装电梯新开工35部、完工|26部; 新入选国家5G工厂113家、累计|210家
    assert _named(xicheng_2024, "新开工35部、完工26部")["26部"] == "电梯"
    names = _named(_province_2025("江苏"), "新入选国家5G工厂113家、累计210家")
    assert names["210家"] == "国家5G工厂"
    # 救助补助资金127.8亿元、惠及|461万人次: the people reached are another object
    assert "461万人次" not in _named(_province("广西"), "惠及461万人次")


def test_a_predicate_word_ends_the_noun_after_a_count() -> None:
    # 为超53万名适龄妇女|免费提供乳腺癌和宫颈癌筛查: 免费 is what is done for them, not
    # part of the object (the women served; a list of services is not kept: test_open_names15)
    assert _named(_province("广东"), "为超53万名适龄妇女免费")["超53万名"] == (
        "免费提供乳腺癌和宫颈癌筛查的适龄妇女")


def test_a_noun_listed_parts_share_is_printed_once() -> None:
    # 刑事治安、涉诈、涉毒警情分别下降…: each part's 警情
    names = _named(_province("广东"), "涉诈、涉毒警情分别下降")
    assert names["17.7%"].startswith("刑事治安警情") and names["17.4%"].startswith("涉诈警情")


def test_an_action_word_inside_a_known_compound_stays(xicheng_2024: Document) -> None:
    # 累计疏解|腾退空间166.2万平方米: 腾退空间 is one noun (noun_compounds)
    assert _named(xicheng_2024, "累计疏解腾退空间")["166.2万平方米"] == "腾退空间"


def test_a_generic_noun_after_a_count_is_what_is_counted(xicheng_2024: Document) -> None:
    # 1项|指标(细颗粒物（PM2.5）年均浓度未完成): the count is of 指标, the 计划指标 the
    # sentence named before (2023年20项计划指标中)
    assert _named(xicheng_2024, "1项指标细颗粒物")["1项"] == "计划指标"


def test_values_after_respectively_that_cannot_be_paired_are_not_named() -> None:
    # 签约金额1.15万亿元、到位资金7969.9亿元，分别增长13.1%、33.7%: not both 到位资金
    names = _named(_province_2025("甘肃"), "到位资金7969.9亿元，分别增长")
    assert "13.1%" not in names and "33.7%" not in names
    # a pair word names each value: 牛羊出栏 reads as 牛出栏 and 羊出栏
    names = _named(_province("青海"), "牛羊出栏分别增长")
    assert names["5.2%"].startswith("牛出栏") and names["1.9%"].startswith("羊出栏")


def test_a_verb_led_by_an_adverb_is_not_part_of_the_name() -> None:
    # 稳定开行|铁水联运线路44条: 稳定 and the verb 开行 lead the object
    assert _named(_province_2025("江苏"), "稳定开行铁水联运线路")["44条"] == "铁水联运线路"


def test_a_listed_noun_with_a_modifier_joins_the_list() -> None:
    # (推动)20个|机关、企事业单位附属空间|对社会开放共享: 附属 is a modifier of the noun, and
    # the count after the pivot verb is of the ones its predicate says
    names = _named(_province("上海"), "20个机关、企事业单位附属空间")
    assert names["20个"] == "对社会开放共享的机关、企事业单位附属空间"


def test_a_count_is_of_the_noun_before_the_verb_that_governs_the_next_amount() -> None:
    # 21万名干部|包抓联企业46万户, 47家…中心卫生院|聘任100名, 124个镇|获评…: the count's object
    # is the noun before the verb (not the verb, nor its own object)
    assert _named(_province_2025("甘肃"), "包抓联企业46万户")["21万名"] == "干部"
    assert _named(_province_2025("广东"), "中心卫生院聘任100名")["47家"] == "升级建设的中心卫生院"
    assert _named(_province_2025("广东"), "124个镇获评")["124个"] == "镇"
    # …but a phrase of two verbs is not cut at the first (承接产业|转移主平台…)
    assert _named(_province("广东"), "15个承接产业转移主平台落地项目")[
        "15个"].startswith("承接产业转移主平台")
    # a count before a capacity (40所普通高中办学能力) counts no capacity: not kept
    assert "40所" not in _named(_province("甘肃"), "40所普通高中办学能力")


def test_a_bare_measure_takes_the_owner_its_sentence_opens_on() -> None:
    # 省属企业工业总产值、利润总额分别增长17.1%、4.2%: 利润总额 is the enterprises' too
    assert _named(_province_2025("甘肃"), "省属企业工业总产值、利润总额")[
        "4.2%"] == "省属企业利润总额增长"
    names = _named(_province("甘肃"), "省属企业完成产业类投资553.1亿元")
    assert names["553.1亿元"] == "省属企业产业类投资"
    assert names["10.3%"] == "省属企业研发投入增长"
    # …not when another owner is printed since (国有企业…，省属企业资产总额…，工业总产值)
    named = _named(_province("甘肃"), "省属企业资产总额达到2.7万亿元")
    assert "国有企业工业总产值" not in named.values()


def test_a_count_of_a_list_of_nouns_is_not_named_after_the_first(
        xicheng_2023: Document) -> None:
    # 7所学校、医院周边交通疏堵治理: the list is named; 7700多项食品、药品和其他…: not kept
    assert _named(xicheng_2023, "实验二小等7所学校、医院")["7所"] == "学校、医院"
    assert "超5000场次" not in _named(_province_2025("广东"), "超5000场次专题教育、家长课堂")
    # …but a noun followed by a clause of its own keeps its count (境外采购商、创历史新高)
    assert _named(_province_2025("广东"), "约50万名境外采购商")["约50万名"] == "境外采购商"


def test_a_change_printed_after_its_level_with_a_comparison_names_the_change() -> None:
    # 船舶平均待泊时间同比减少8.9小时: the fall, not the waiting time
    names = _named(_province("广西"), "船舶平均待泊时间同比减少")
    assert names["8.9小时"] == "船舶平均待泊时间减少"
