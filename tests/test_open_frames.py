"""Open facts, round 10 (tuning reports only): names without the framing region or months,
generic heads qualified or dropped, thresholds passed not read as amounts, and lists whose
later parts share the first part's subject or the whole share measure."""

from __future__ import annotations

from pathlib import Path

import pytest

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.extract.open.frames import final_name, strip_framing
from baogao.models import Fact
from baogao.pipeline import read
from tests.conftest import PROVINCES, national_open_facts
from tests.conftest import facts_at as _at

FORMATS_2025 = Path(__file__).parent / "data" / "formats" / "provinces-2025"


def _facts(path: Path) -> list[Fact]:
    [doc] = read(path)
    return open_facts(doc, extract_facts(doc))


@pytest.fixture(scope="module")
def ningxia_2026() -> list[Fact]:
    return _facts(PROVINCES / "2026_宁夏回族自治区_政府工作报告.csv")


@pytest.fixture(scope="module")
def jiangsu_2026() -> list[Fact]:
    return _facts(PROVINCES / "2026_江苏省_政府工作报告.csv")


@pytest.fixture(scope="module")
def guangdong_2026() -> list[Fact]:
    return _facts(PROVINCES / "2026_广东省_政府工作报告.csv")


@pytest.fixture(scope="module")
def gansu_2026() -> list[Fact]:
    return _facts(PROVINCES / "2026_甘肃省_政府工作报告.csv")


@pytest.fixture(scope="module")
def shanghai_2026() -> list[Fact]:
    return _facts(PROVINCES / "2026_上海市_政府工作报告.csv")


@pytest.fixture(scope="module")
def guangxi_2025() -> list[Fact]:
    return _facts(FORMATS_2025 / "2025年广西政府工作报告.docx")


def test_the_reporting_region_does_not_open_a_name(ningxia_2026: list[Fact]) -> None:
    [fact] = _at(ningxia_2026, "突破2000万千瓦", "我区外送电能力突破2000万千瓦")
    assert fact.name == "外送电能力"


def test_months_do_not_open_a_name(guangxi_2025: list[Fact]) -> None:
    [fact] = _at(guangxi_2025, "8.9%", "1—11月规模以上工业能耗强度下降8.9%")
    assert fact.name == "规模以上工业能耗强度下降"  # a fall keeps its sign


@pytest.mark.parametrize(("name", "stripped"), [
    ("我区外送电能力", "外送电能力"),
    ("全市地区生产总值", "地区生产总值"),
    ("1—11月规模以上工业能耗强度", "规模以上工业能耗强度"),
    ("10月份居民消费价格", "居民消费价格"),
    ("前三季度进出口总额", "进出口总额"),
    ("全国重点实验室", "全国重点实验室"),  # 全国 names the rank, not the region
    ("全市", "全市"),  # nothing would be left
])
def test_framing_words(name: str, stripped: str) -> None:
    assert strip_framing(name) == stripped


def test_a_count_of_examples_under_a_generic_head_is_not_kept(ningxia_2026: list[Fact],
                                                              gansu_2026: list[Fact]) -> None:
    # 全区5G用户渗透率、电信业务收入增幅等|5项|指标: the examples, not a named object
    assert _at(ningxia_2026, "5项", "电信业务收入增幅等5项指标") == []
    # 引进|项目|1002个: an action and a generic head, no qualifier
    assert _at(gansu_2026, "1002个", "引进项目1002个") == []


def test_a_threshold_passed_is_not_an_amount(jiangsu_2026: list[Fact]) -> None:
    assert _at(jiangsu_2026, "迈上4个", "连续迈上4个万亿元台阶") == []


def test_a_generic_head_takes_the_qualifier_printed_before_it(
        guangdong_2026: list[Fact], shanghai_2026: list[Fact]) -> None:
    # 深圳中国特色社会主义先行示范区47项经验、深圳综合改革试点48项经验
    named = {f.text: f.name for f in guangdong_2026 if "深圳综合改革试点48项经验" in f.evidence}
    assert named["47项"] == "深圳中国特色社会主义先行示范区经验"
    assert named["48项"] == "深圳综合改革试点经验"
    # 城中村改造跑出“加速度”，启动26个|改造|项目: the phrase the sentence printed before
    [fact] = _at(shanghai_2026, "26个", "启动26个改造项目")
    assert fact.name == "城中村改造项目"


@pytest.mark.parametrize(("name", "head", "after", "expected"), [
    ("经验", "先行区建设6个方面", "被国家发展改革委集中推广", "先行区建设经验"),
    ("项目", "实施", "", None),
    ("指标", "残疾人康复服务率等", "居全国前列", None),
    ("项目", "年度南北合作实施", "帮扶项目", "帮扶项目"),
    ("案例", "新能源示范区建设、林草碳汇计量监测体系", "入选全国干部学习培训教材", None),
    ("万亿元台阶", "人民币存款、贷款余额连跨4个", "", None),
    ("企业", "吴忠仪表等", "入选全国首批卓越级智能工厂", "企业"),  # a concrete head stays
])
def test_final_name(name: str, head: str, after: str, expected: str | None) -> None:
    assert final_name(name, head, after) == expected


def test_later_list_parts_that_are_only_a_measure_share_the_subject(
        jiangsu_2026: list[Fact], gansu_2026: list[Fact]) -> None:
    # 生产安全事故起数、死亡人数比2020年分别下降65.3%、58.3%: the deaths of 生产安全事故
    [deaths] = _at(jiangsu_2026, "58.3%", "死亡人数比2020年分别下降")
    assert deaths.name == "生产安全事故死亡人数下降"
    # …起数、死亡人数、受伤人数、直接经济损失分别下降36.7%、38.8%、50.7%、39.1%
    named = {f.text: f.name for f in gansu_2026 if "受伤人数、直接经济损失分别下降" in f.evidence}
    assert named["36.7%"] == "生产安全事故起数下降"
    assert named["50.7%"] == "生产安全事故受伤人数下降"
    assert named["39.1%"] == "生产安全事故直接经济损失下降"


def test_a_share_measure_is_shared_whole_by_the_listed_parts(
        jiangsu_2026: list[Fact]) -> None:
    # 工业战略性新兴产业、高新技术产业产值占规上工业比重分别达42.1%、52.1%
    [first] = _at(jiangsu_2026, "42.1%", "产值占规上工业比重分别达42.1%")
    assert first.name == "工业战略性新兴产业产值占规上工业比重"
    [second] = _at(jiangsu_2026, "52.1%", "产值占规上工业比重分别达42.1%")
    assert second.name == "高新技术产业产值占规上工业比重"


def test_a_noun_opening_on_latin_capitals_is_counted() -> None:
    # 新增5家|A股上市公司: the noun after the count begins with Latin letters
    [doc] = read(Path(__file__).parent / "data" / "seeds" / "000_b5713cac4734963f.txt")
    [fact] = _at(open_facts(doc, extract_facts(doc)), "5家", "新增5家A股上市公司")
    assert fact.name == "A股上市公司" and fact.kind == "actual"


@pytest.fixture(scope="module")
def anhui_2026() -> list[Fact]:
    return _facts(PROVINCES / "2026_安徽省_政府工作报告.csv")


def test_a_stop_word_inside_a_word_does_not_end_the_noun() -> None:
    # 新增4所普通高等学校: the 等 of 高等 does not end the noun as the 等 of a list does
    facts = _facts(FORMATS_2025 / "2025年江苏省政府工作报告.docx")
    [fact] = _at(facts, "4所", "新增4所普通高等学校")
    assert fact.name == "普通高等学校"


def test_a_capacity_of_the_last_listed_project_is_not_the_lists_amount(
        gansu_2026: list[Fact]) -> None:
    # 加快金川四矿区贫矿资源综合开发利用、白银集团|7万吨|锌基合金等项目建设
    assert _at(gansu_2026, "7万吨", "白银集团7万吨锌基合金") == []


def test_the_body_a_clause_opens_on_owns_what_it_counts(anhui_2026: list[Fact]) -> None:
    # 中国（安徽）自贸试验区累计推出259项制度创新成果: not the province's
    [fact] = _at(anhui_2026, "259项", "自贸试验区累计推出259项")
    assert fact.name == "中国（安徽）自贸试验区制度创新成果"
    facts = _facts(FORMATS_2025 / "2025年江苏省政府工作报告.docx")
    [shown] = _at(facts, "154项", "一体化发展示范区累计形成154项")
    assert shown.name == "一体化发展示范区制度创新成果"


def test_a_verb_opening_the_clause_is_no_owner() -> None:
    # 复制推广自贸区|改革试点经验267项: 复制推广 is what was done, 自贸区 no owner
    facts = _facts(PROVINCES / "2026_江西省_政府工作报告.csv")
    [fact] = _at(facts, "267项", "复制推广自贸区改革试点经验267项")
    assert fact.name == "自贸区改革试点经验"


def test_a_compared_growth_is_named_with_the_object_before() -> None:
    # 社会消费品零售总额增长4.1%，|增速高于全国|0.6个百分点: the growth of the same object
    facts = _facts(FORMATS_2025 / "2025年甘肃省政府工作报告.docx")
    [fact] = _at(facts, "0.6个百分点", "社会消费品零售总额增长4.1%，增速高于全国")
    assert fact.name == "社会消费品零售总额增速高于全国"


def test_a_level_after_a_compared_growth_is_the_objects() -> None:
    # 全体居民人均可支配收入增速高于经济增速、突破3万元: 3万元 is the income
    facts = _facts(PROVINCES / "2026_青海省_政府工作报告.csv")
    [fact] = _at(facts, "突破3万元", "增速高于经济增速、突破3万元")
    assert fact.name == "全体居民人均可支配收入"


def test_vague_numbers_and_times_alone_are_not_facts() -> None:
    reports = national_open_facts((1981, 1982))
    # 把几十万个现有企业的技术改造做好: 几十万 states no number
    assert [f for f in reports[1982] if "几十万个现有企业" in f.evidence] == []
    # …，10月份增长了10.6%: a month, no object
    assert _at(reports[1981], "10.6%", "10月份增长了10.6%") == []


def test_a_multiple_put_against_a_base_is_the_subjects() -> None:
    # 保教人员工资待遇提高到当地最低工资标准2倍以上: 当地最低工资标准 is the base
    facts = _facts(FORMATS_2025 / "2025年宁夏政府工作报告.docx")
    [fact] = _at(facts, "2倍以上", "提高到当地最低工资标准2倍以上")
    assert fact.name == "公办幼儿园保教人员工资待遇"
    # 特困人员基本生活保障标准不低于当地最低生活保障标准的1.6倍
    [kept] = _at(_facts(PROVINCES / "2026_广东省_政府工作报告.csv"), "1.6倍",
                 "不低于当地最低生活保障标准的1.6倍")
    assert kept.name == "特困人员基本生活保障标准"


def test_households_counted_are_named_with_the_work_done() -> None:
    # 实施特殊困难老年人家庭适老化改造4.5万户: 4.5万户 counts the households whose homes were
    # adapted; the households alone (特殊困难老年人家庭) would read as all of them, and the
    # quality alone (…家庭适老化) names no work
    facts = _facts(FORMATS_2025 / "2025年安徽省政府工作报告.docx")
    [fact] = _at(facts, "4.5万户", "特殊困难老年人家庭适老化改造4.5万户")
    assert fact.name == "特殊困难老年人家庭适老化改造"


def test_year_end_and_whole_year_words_do_not_open_or_sit_in_a_name() -> None:
    reports = national_open_facts((2002, 2005))
    # 年末国家外汇储备达到2122亿美元: 年末 dates the stock
    [stock] = _at(reports[2002], "2122亿美元", "年末国家外汇储备达到2122亿美元")
    assert stock.name == "国家外汇储备" and stock.period == 2001
    # 中央财政全年用于社会保障的资金达1465亿元
    [spent] = _at(reports[2005], "1465亿元", "中央财政全年用于社会保障的资金")
    assert spent.name == "中央财政用于社会保障的资金"


def test_enact_amend_repeal_and_shut_down_are_actions() -> None:
    # 立改废省政府规章12件: 立改废 is what was done to the 省政府规章
    facts = _facts(FORMATS_2025 / "2025年青海省政府工作报告.docx")
    [fact] = _at(facts, "12件", "立改废省政府规章12件")
    assert fact.name == "省政府规章" and fact.action == "立改废"
    # 全年关停小火电1669万千瓦
    [shut] = _at(national_open_facts((2009,))[2009], "1669万千瓦", "关停小火电1669万千瓦")
    assert shut.name == "小火电"


def test_a_value_run_into_the_end_of_a_name_is_cut_off() -> None:
    # 开行中欧班列2286列、增长7.7%: the growth is of 中欧班列, not of "中欧班列2286列"
    facts = _facts(FORMATS_2025 / "2025年江苏省政府工作报告.docx")
    [fact] = _at(facts, "7.7%", "开行中欧班列2286列、增长7.7%")
    assert fact.name == "中欧班列"
    # 每50公斤 is a rate's base, not a value run in
    [price] = _at(national_open_facts((2012,))[2012], "16元", "稻谷最低收购价平均每50公斤")
    assert "每50公斤" in price.name
