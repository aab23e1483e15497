"""Commitment mechanisms read on tune reports (2025 plans against their 2026 reports)."""

from __future__ import annotations

import functools

from baogao.analyze.commitments import _as_indicator, track_documents
from baogao.extract.commitments import _promise, extract_commitments
from baogao.models import Commitment, CommitmentRow
from baogao.pipeline import analyse, read
from tests.conftest import PROVINCES
from tests.test_commitments import _pair, _row


@functools.lru_cache(maxsize=2)
def _plan_2026(province: str) -> list[Commitment]:
    """The commitments of a province's 2026 report (its plan part and annex)."""
    [doc] = read(next(PROVINCES.glob(f"2026_{province}*.csv")))
    return extract_commitments(doc, analyse(doc)[1])


def test_work_on_things_that_exist_is_not_a_promise() -> None:
    # 优化3家国家大学科技园，建强30家高校产业研究院 / 提升发展12个自治区级集群
    gansu, _ = _pair("甘肃省")
    assert not [c for c in gansu if c.text in ("3家", "30家")]
    guangxi, _ = _pair("广西")
    assert not [c for c in guangxi if "自治区级集群" in c.object]
    shanghai, _ = _pair("上海市")  # 设置优化3000处公共空间休憩座椅: 设置 leads, a promise
    assert [c for c in shanghai if c.text == "3000处"]


def test_a_sum_spent_is_a_promise_named_by_what_it_pays_for() -> None:
    # 投入125亿元办好40件群众急难愁盼民生实事 (2025) ↔ 40件民生实事全面完成 (2026)
    ningxia, rows = _pair("宁夏")
    [spent] = [c for c in ningxia if c.text == "125亿元"]
    assert (spent.object, spent.action, spent.unit) == ("群众急难愁盼民生实事", "投入", "亿元")
    assert spent.list_name == "民生实事"
    assert _row(rows, "群众急难愁盼民生实事", "125亿元").verdict == "done"
    # 投资250亿元建设…等4个绿电园区: a spending verb governs the sum, another count after it
    [park] = [c for c in ningxia if c.text == "250亿元"]
    assert park.action == "投资" and "绿电园区" in park.object


def test_a_count_beyond_the_names_listed_is_a_promise() -> None:
    sentence = ("加快建设亚马逊、腾讯、中国电信、中国移动、航天云等25个数据中心和智算项目，"
                "积极争取一批重大项目和灾备中心落地。")
    assert _promise("数据中心和智算项目", 25.0, "个", "25个", sentence)
    listed = "投资250亿元建设现代煤化工、硅基、铝锰基、大数据算力等4个绿电园区。"
    assert not _promise("绿电园区", 4.0, "个", "4个", listed)  # the four just named


def test_an_indicator_is_answered_by_an_open_fact_naming_it() -> None:
    # 城镇调查失业率5.5%左右 (2025) ↔ 年末城镇调查失业率从上半年5.5%降到5.3% (2026)
    _, rows = _pair("广西")
    jobless = next(r for r in rows if r.indicator == "surveyed_unemployment_rate"
                   and r.target_text == "5.5%左右")
    assert (jobless.actual_text, jobless.verdict) == ("5.3%", "met")
    assert _as_indicator("城镇调查失业率", "年末城镇调查失业率") == 0.9
    assert _as_indicator("城镇调查失业率", "南宁市城镇调查失业率") == 0.0  # a part
    assert _as_indicator("投资", "重大工程投资") == 0.0


def test_a_bare_head_links_by_the_qualifier_its_sentence_names() -> None:
    _, rows = _pair("上海市")
    # 推进重大工程建设，全年完成投资2400亿元 ↔ 重大工程投资完成2510.1亿元
    invest = _row(rows, "投资", "2400亿元")
    assert (invest.actual_text, invest.verdict) == ("2510.1亿元", "met")
    # 启动25个城中村改造项目 ↔ 城中村改造跑出“加速度”，启动26个改造项目
    village = _row(rows, "城中村改造项目", "25个")
    assert (village.actual_text, village.verdict) == ("26个", "met")


def test_what_there_is_and_sums_over_years_are_not_promises() -> None:
    guangdong, _ = _pair("广东省")
    texts = {c.text for c in guangdong}
    assert "8个" not in texts  # 拥有8个万亿元级产业集群: what there is
    # 省级财政五年统筹投入100亿元: a sum over five years
    assert not [c for c in guangdong if c.text == "100亿元" and "五年" in c.evidence]
    assert "2250家" not in texts  # 升级拓展2250家智能化驿站的特色服务功能
    # 推进100项在建重大项目、100项重点招商项目: counts of things to do stay
    assert len([c for c in guangdong if c.text == "100项"]) == 2


def test_a_count_is_named_by_the_noun_after_a_measure_describing_it() -> None:
    # 为超2.5万名65岁及以上失能老年人免费提供健康管理…
    guangdong, _ = _pair("广东省")
    [elderly] = [c for c in guangdong if c.text == "超2.5万名"]
    assert elderly.object.startswith("失能老年人") and elderly.list_name


def test_a_count_of_things_doing_something_needs_a_result_saying_it() -> None:
    # 推动超1万家工业企业开展技术改造和数字化转型 (2025) ↔ 推动1万家工业企业技术改造和
    # 数字化转型 (2026), not 规模以上工业企业达7.6万家 (every firm of that size)
    _, rows = _pair("广东省")
    firms = _row(rows, "开展技术改造和数字化转型的工业企业", "超1万家")
    assert (firms.actual_text, firms.verdict) == ("1万家", "met")
    # every annex item of 2025年省十件民生实事 is done by 十件民生实事全面完成
    annex = [r for r in rows if r.list_name and r.period == 2025]
    assert len(annex) >= 50 and all(r.verdict == "done" for r in annex)


def test_an_annex_opening_paragraph_is_not_an_item() -> None:
    # 附件1 2026年省十件民生实事: 坚持民生为大，…办好十件民生实事… then 一、… and its text
    annex = [c for c in _plan_2026("广东省") if c.list_name == "十件民生实事"]
    assert annex and not [c for c in annex if c.object.startswith("坚持民生为大")]
    assert any(c.text == "超8000个" and c.object == "公益性岗位" for c in annex)


def test_where_a_change_starts_is_not_a_promise() -> None:
    # 推动县中托管帮扶从15个县（市）扩大到57个县（市）
    plan = _plan_2026("广东省")
    assert not [c for c in plan if c.text == "15个" and "从15个" in c.evidence]
    assert [c for c in plan if c.text == "57个" and "扩大到57个" in c.evidence]


def test_a_count_after_a_verb_is_named_by_the_noun_after_it() -> None:
    plan = _plan_2026("广东省")
    # 重点建设40个绿美点和6条绿美带: not 重点建设, and not the next amount's noun
    assert [c.object for c in plan if c.text == "40个" and "绿美点" in c.evidence] == ["绿美点"]
    # 超5个县（市、区）开展全域幸福河湖建设: brackets do not end the noun
    [counties] = [c for c in plan if c.text == "超5个" and "幸福河湖" in c.evidence]
    assert counties.object.endswith("县（市、区）")


NATIONAL = PROVINCES.parent / "national" / "government_work_reports.jsonl"


@functools.lru_cache(maxsize=3)
def _national(year: int) -> tuple[list[Commitment], list[CommitmentRow]]:
    """A national report's commitments and their rows against the next year's report."""
    docs = {d.title: d for d in read(NATIONAL)}
    plan = docs[f"{year}年中华人民共和国国务院政府工作报告"]
    later = docs[f"{year + 1}年中华人民共和国国务院政府工作报告"]
    facts = {d.id: analyse(d)[1] for d in (plan, later)}
    rows = track_documents({plan.id: plan, later.id: later}, facts)
    return extract_commitments(plan, facts[plan.id]), rows


def _national_2024() -> tuple[list[Commitment], list[CommitmentRow]]:
    return _national(2024)


def test_a_difference_from_last_year_after_a_level_is_not_a_promise() -> None:
    # 赤字规模4.06万亿元，比上年年初预算增加1800亿元; 拟安排地方政府专项债券3.9万亿元、
    # 比上年增加1000亿元: the levels are promises, the differences are derived
    commitments, _ = _national_2024()
    texts = {c.text for c in commitments}
    assert {"4.06万亿元", "28.5万亿元", "3.9万亿元"} <= texts
    assert not texts & {"1800亿元", "1.1万亿元", "1000亿元"}
    # 经济增长预期目标为5%左右 restates 国内生产总值增长5%左右: one promise
    assert [c.object for c in commitments if c.text == "5%左右"] == ["国内生产总值"]


def test_national_targets_link_to_the_next_reports_review() -> None:
    _, rows = _national_2024()
    gdp = next(r for r in rows if r.indicator == "gdp_growth")
    assert (gdp.actual_text, gdp.verdict) == ("5%", "met")
    grain = next(r for r in rows if r.target_text == "1.3万亿斤以上")
    assert grain.actual_text == "跃上1.4万亿斤" and grain.verdict == "met"


def test_a_promise_is_restated_only_when_its_amount_was_promised() -> None:
    commitments, rows = _national(2011)
    # 广义货币增长目标为16%: no other promise of 16%, so it is one
    assert [c.text for c in commitments if c.object.startswith("广义货币")] == ["16%"]
    # …继续代地方发债2000亿元并纳入地方预算，赤字规模比上年预算减少 1500亿元: derived
    assert "1500亿元" not in {c.text for c in commitments}
    # 中央财政用于“三农”的投入拟安排9884.5亿元 ↔ 中央财政“三农”支出超过1万亿元，比上年增加
    # 1839亿元: 用于 and 的 are fillers, 支出 is 投入, and the change is not the level
    farm = next(r for r in rows if r.target_text == "9884.5亿元")
    assert (farm.actual_text, farm.verdict) == ("超过1万亿元", "met")


def test_a_count_before_a_predicate_is_not_a_promise() -> None:
    # 重点打造智能电网、工程机械等10条具有国际优势，生物药、集成电路等10条具有全国优势，…
    # 具有发展潜力的重点产业链: what is counted is named only at the end
    jiangsu, _ = _pair("江苏省")
    assert not [c for c in jiangsu if c.object.startswith("具有")]
    lead = "打造智能电网、工程机械等10条具有国际优势"
    assert not _promise("具有国际优势", 10.0, "条", "10条", lead)


def test_estimates_several_years_and_restated_targets_are_not_promises() -> None:
    commitments, rows = _national(2009)
    texts = {c.text for c in commitments}
    assert "约5000亿元" not in texts  # 初步测算，…可减轻企业和居民负担约5000亿元
    assert not texts & {"750万户", "240万户"}  # 争取用三年时间，解决750万户…和240万户…
    assert "4万亿元" not in texts  # 实施总额4万亿元的两年投资计划
    assert "8500亿元" not in texts  # 今后三年各级政府拟投入8500亿元
    # 国内生产总值增长8%左右 … 提出8%左右的国内生产总值增长目标: one promise
    assert [c.object for c in commitments if c.text == "8%左右"] == ["国内生产总值"]
    # 中央财政拟安排200亿元专项资金，主要用贴息方式支持企业技术改造: not answered by
    # 中央财政安排就业专项资金426亿元 (money for another purpose)
    fund = next(r for r in rows if r.target_text == "200亿元")
    assert fund.actual_text != "426亿元"
    assert {"2000亿元", "9500亿元", "3%以内", "9080亿元"} <= texts  # the year's levels stay


def test_a_topic_naming_no_count_announces_no_list() -> None:
    # 三是加强农业基础设施和农村民生工程建设。大规模开展土地整治，…: a topic, not a list
    commitments, _ = _national(2009)
    assert not [c for c in commitments if c.origin == "list_item"]
    # 办好…10件实事。一是…: a counted list keeps its items
    gansu, _ = _pair("甘肃省")
    assert [c for c in gansu if c.origin == "list_item"]


def test_a_sum_over_years_named_before_its_verb_is_not_this_years() -> None:
    # 深化拓展“人工智能+”，三年安排450亿元支持以AI为引领的新质生产力发展
    plan = _plan_2026("广西")
    assert not [c for c in plan if c.text == "450亿元"]
    assert [c for c in plan if c.text == "800个以上"]  # 推进自治区重大项目800个以上
