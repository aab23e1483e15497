"""Commitments of one year tracked against the next year's report, on real reports."""

from __future__ import annotations

import csv
import functools
import io
import json
import shutil
import sqlite3
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from baogao.analyze.commitments import (
    COMMITMENT_COLUMNS,
    YearPassages,
    in_unit,
    listed_key,
    similarity,
    split_unit,
    track_commitments,
    track_documents,
)
from baogao.extract.commitments import extract_commitments
from baogao.extract.facts import _Span, iter_sentences
from baogao.library import Library
from baogao.models import Commitment, CommitmentRow, Document
from baogao.pipeline import analyse, read
from baogao.web import create_app
from tests.conftest import PROVINCES, SEEDS

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

JILIN_2025 = Path(__file__).parent / "data" / "provinces-2025" / "2025年吉林省政府工作报告.docx"
JILIN_2026 = PROVINCES / "2026_吉林省_政府工作报告.csv"
REQUIRED = ["region", "period", "object", "action", "value", "unit", "bound", "target_text",
            "target_evidence", "target_source", "target_row", "actual_value", "actual_unit",
            "actual_text", "actual_evidence", "actual_source", "actual_row", "verdict", "reason"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds 000 (西城区 2023 report) and 003 (its 2023 execution report), 吉林 2025 and 2026."""
    path = tmp_path_factory.mktemp("commitments") / "lib.db"
    with Library(path) as lib:
        report = lib.ingest([next(SEEDS.glob("000_*.txt")), next(SEEDS.glob("003_*.txt")),
                             JILIN_2025, JILIN_2026])
    assert report.ok, report.errors
    return path


@pytest.fixture(scope="module")
def xicheng(db: Path) -> list[CommitmentRow]:
    with Library(db, readonly=True) as lib:
        return track_commitments(lib, "西城", period=2023)


@pytest.fixture(scope="module")
def jilin(db: Path) -> list[CommitmentRow]:
    with Library(db, readonly=True) as lib:
        return track_commitments(lib, "吉林省", period=2025)


def _row(rows: list[CommitmentRow], obj: str, text: str) -> CommitmentRow:
    [row] = [r for r in rows if r.object == obj and r.target_text == text]
    return row


def test_open_commitment_linked_to_the_execution_report(xicheng: list[CommitmentRow]) -> None:
    row = _row(xicheng, "家庭养老照护床位", "500张")
    assert row.verdict == "met" and row.actual_value == 500 and row.actual_unit == "张"
    assert "新增家庭养老照护床位500张" in (row.actual_evidence or "")
    assert row.reason.startswith("已完成")


def test_units_convert_between_hectares_and_square_metres(xicheng: list[CommitmentRow]) -> None:
    row = _row(xicheng, "城市绿地", "5000平方米")
    assert row.actual_text == "1.29公顷" and row.verdict == "met"


def test_catalog_target_keeps_indicator_and_closest_name(xicheng: list[CommitmentRow]) -> None:
    gdp = _row(xicheng, "地区生产总值", "4%左右")
    assert gdp.indicator == "gdp_growth" and gdp.actual_value == 5.8
    revenue = _row(xicheng, "一般公共预算收入", "4%")
    assert revenue.actual_value == 8.8  # 区级, not 地方级 (10.6%)


def test_unmatched_commitments_stay_unreported(xicheng: list[CommitmentRow]) -> None:
    row = _row(xicheng, "老旧小区管线更新改造", "21个")
    assert row.verdict == "unreported" and row.actual_text is None
    assert row.reason == "后一年报告未见同一事项的结果"


def test_list_items_without_a_number_are_done_by_the_list_sentence(
    jilin: list[CommitmentRow],
) -> None:
    items = [r for r in jilin if r.origin == "list_item"]
    assert {r.object for r in items} >= {"实施全部中小学校教室灯光照明改造",
                                         "为重点地区新生儿免费提供遗传代谢病筛查服务"}
    assert all(r.verdict == "done" and "民生实事全面完成" in (r.actual_evidence or "")
               for r in items)


def test_shortfall_is_missed_with_both_numbers(jilin: list[CommitmentRow]) -> None:
    row = _row(jilin, "粮食产量", "880亿斤以上")
    assert row.verdict == "missed" and row.actual_value == 871.6
    assert "871.6亿斤" in row.reason and "880亿斤以上" in row.reason


def test_compound_objects_are_not_linked_to_a_part(jilin: list[CommitmentRow]) -> None:
    row = _row(jilin, "合作助老餐厅和助餐点", "1000个")
    assert row.verdict == "unreported"


def test_commitments_of_a_plan_part() -> None:
    doc = next(read(JILIN_2025))
    found = extract_commitments(doc, analyse(doc)[1])
    texts = {(c.object, c.text) for c in found}
    assert ("群众滑冰场", "24个") in texts and ("高标准农田", "1000万亩") in texts
    assert not any(c.text in ("五对", "八个") for c in found)
    assert all(c.period == 2025 for c in found)


def test_units_and_keys() -> None:
    assert split_unit("万个") == (10000.0, "个")
    assert in_unit(1.2, "万个", "个") == pytest.approx(12000)
    assert in_unit(3, "处", "个") is None
    assert in_unit(1.29, "公顷", "平方米") == pytest.approx(12900)
    assert similarity("老旧小区", "老旧小区改造") == 0.9
    assert similarity("合作助老餐厅和助餐点", "助老餐厅") == 0.0


def test_commitments_are_stored_at_ingest(db: Path) -> None:
    with Library(db, readonly=True) as lib:
        [plan] = [d for d in lib.documents() if d.region == "吉林省" and d.year == 2025]
        assert lib.store.stale_commitments([plan.id]) == []
        stored = lib.commitments([plan.id])
        doc = lib.document(plan.id)
        fresh = extract_commitments(doc, analyse(doc)[1])
    assert len(stored) > 40 and stored == fresh


def test_library_of_schema_4_gets_commitments_on_read(db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(db, old)
    conn = sqlite3.connect(old)
    conn.executescript("DROP TABLE commitments; DROP TABLE commitment_docs; "
                       "DROP TABLE IF EXISTS commitment_rows; "
                       "DROP TABLE IF EXISTS commitment_states; PRAGMA user_version = 4;")
    conn.close()
    with Library(db, readonly=True) as lib:
        expected = lib.track_commitments("吉林", period=2025)
    with Library(old, readonly=True) as lib:  # not migrated: extracted in memory
        assert lib.track_commitments("吉林", period=2025) == expected
    with Library(old) as lib:  # migrated; extracted once on read, then stored
        assert lib.track_commitments("吉林", period=2025) == expected
        doc_id = next(d.id for d in lib.documents() if d.region == "吉林省" and d.year == 2025)
        assert lib.store.stale_commitments([doc_id]) == []
        lib.delete(doc_id)
        assert lib.store.commitments([doc_id]) == []
        assert lib.track_commitments("吉林", period=2025) == []


def test_export_commitments_to_csv_and_xlsx(db: Path, tmp_path: Path) -> None:
    for name in ("c.csv", "c.xlsx"):
        done = subprocess.run([sys.executable, "-m", "baogao", "export", "commitments", "吉林",
                               "--period", "2025", "-o", str(tmp_path / name), "--db",
                               str(db)], capture_output=True, text=True, timeout=300,
                              check=False)
        assert done.returncode == 0, done.stderr
        assert "commitments to" in done.stderr
    with (tmp_path / "c.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[: len(REQUIRED)] == REQUIRED
    assert {r["region"] for r in rows} == {"吉林省"} and len(rows) > 40
    assert (tmp_path / "c.xlsx").read_bytes()[:2] == b"PK"


def test_cli_prints_one_json_line_per_commitment(db: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "baogao", "track", "--commitments", "吉林",
                           "--db", str(db)], capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) > 40
    assert all(list(line)[: len(REQUIRED)] == REQUIRED for line in lines)


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def test_page_shows_counts_and_both_passages(client: TestClient) -> None:
    page = client.get("/commitments", params={"region": "吉林省", "period": "2025"})
    assert page.status_code == 200
    assert "承诺追踪" in page.text and "已办结（无数字）" in page.text
    assert "后一年报告称民生实事全部完成" in page.text
    filtered = client.get("/commitments", params={"region": "吉林省", "verdict": "missed"})
    assert "粮食产量" in filtered.text and "为重点地区新生儿" not in filtered.text


def test_api_json_csv_and_xlsx(client: TestClient) -> None:
    rows = client.get("/api/commitments", params={"region": "西城区"}).json()
    assert rows and list(rows[0]) == COMMITMENT_COLUMNS
    assert rows[0]["verdict"] != "unreported"  # rows with a result come first
    text = client.get("/api/commitments", params={"region": "西城区", "format": "csv"}).text
    assert next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[:3] == ["region", "period",
                                                                        "object"]
    xlsx = client.get("/api/commitments", params={"region": "西城区", "format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


FORMATS_2025 = Path(__file__).parent / "data" / "formats" / "provinces-2025"


@functools.lru_cache(maxsize=8)
def _pair(province: str) -> tuple[list[Commitment], list[CommitmentRow]]:
    """Commitments of a province's 2025 report and their rows against its 2026 report."""
    [plan] = read(FORMATS_2025 / f"2025年{province}政府工作报告.docx")
    [later] = read(next(PROVINCES.glob(f"2026_{province}*.csv")))
    facts = {d.id: analyse(d)[1] for d in (plan, later)}
    rows = track_documents({plan.id: plan, later.id: later}, facts)
    return extract_commitments(plan, facts[plan.id]), rows


@pytest.fixture(scope="module")
def hebei() -> tuple[list[Commitment], list[CommitmentRow]]:
    return _pair("河北省")


def test_only_quantified_promises_are_commitments(
        hebei: tuple[list[Commitment], list[CommitmentRow]]) -> None:
    commitments, _ = hebei
    texts = {c.text for c in commitments}
    assert "20项" not in texts  # 继续实施20项民生工程: the plan's structure
    assert "15分钟" not in texts  # 15分钟就业服务圈: a descriptor
    assert all(c.value is not None or c.origin == "list_item" for c in commitments)
    # 完成营造林600万亩: the open facts leave it unnamed, it is still a promise
    [forest] = [c for c in commitments if c.text == "600万亩"]
    assert "营造林" in forest.object and forest.period == 2025


def test_five_year_passages_do_not_answer_a_year(
        hebei: tuple[list[Commitment], list[CommitmentRow]]) -> None:
    _, rows = hebei
    grain = _row(rows, "粮食总产", "740亿斤以上")
    assert grain.verdict == "unreported"  # 粮食产量稳定在760亿斤以上 is about 十四五
    gdp = next(r for r in rows if r.indicator == "gdp_growth")
    assert gdp.verdict == "met" and gdp.actual_text == "5.6%"  # 刚刚过去的2025年…


def test_one_result_answers_one_promise() -> None:
    _, rows = _pair("青海省")  # 新增天然气储量200亿立方米 and 天然气产量60亿立方米以上
    claimed: dict[tuple[object, object], set[object]] = {}
    for r in rows:
        if r.actual_start is not None and r.actual_value is not None:
            claimed.setdefault((r.actual_start, r.actual_text), set()).add(r.value)
    assert claimed and all(len(values) == 1 for values in claimed.values())
    # 生产原油239万吨、天然气56.5亿立方米 is output (天然气产量), 新增石油地质储量3000万吨、
    # 天然气200亿立方米 reserves (天然气地质储量): the result answers the output promise only
    assert [r.target_text for r in rows if r.actual_text == "56.5亿立方米"] == ["60亿立方米以上"]
    assert listed_key("天然气", "勘探新增石油地质储量3000万吨、天然气200亿立方米，天然气产量稳定在"
                      "60亿立方米以上", "200亿立方米") == "天然气地质储量"


def test_a_bare_metric_is_not_an_object() -> None:
    _, rows = _pair("宁夏")
    water = [r for r in rows if "再生水利用率" in r.object]
    assert water and all(r.verdict == "unreported" for r in water)  # not 新能源利用率达94.5%


def test_tasks_after_a_list_name_are_not_its_items() -> None:
    commitments, _ = _pair("广西")  # 实施十大为民办实事工程。抓好“十五五”规划编制。…
    assert not [c for c in commitments if c.origin == "list_item"]


def test_rates_and_alternative_units_are_read_as_printed() -> None:
    anhui, _ = _pair("安徽省")
    [rate] = [c for c in anhui if c.object == "全员劳动生产率"]
    assert (rate.text, rate.unit, rate.bound, rate.value) == ("16.8万元/人左右", "万元/人",
                                                               "approx", 16.8)
    # 新认证绿色、有机、名特优新农产品1000个以上: the count of the noun, not of a list
    assert any(c.text == "1000个以上" and "农产品" in c.object for c in anhui)
    _, rows = _pair("上海市")
    [housing] = [r for r in rows if r.target_text == "7万套（间）"]
    assert housing.object == "保障性租赁住房"
    assert (housing.verdict, housing.actual_text) == ("met", "7.4万套（间）")


def test_counts_of_listed_places_and_named_lists() -> None:
    gansu, _ = _pair("甘肃省")
    assert not [c for c in gansu if "城市医疗集团" in c.object]  # 金昌、白银、庆阳3个…
    items = [c for c in gansu if c.list_name == "10件实事"]  # 办好…10件实事。一是…
    assert len({c.start for c in items}) >= 8
    assert any(c.origin == "list_item" and "白内障复明" in c.object for c in items)


def test_keys_compare_head_last() -> None:
    assert similarity("亿元以上重点", "亿元以上重点技改") < 0.75  # another head: 技改
    assert similarity("一键呼", "一键呼设备") == 0.9  # a generic head
    assert similarity("天然气", "天然气产量") == 0.9  # a measure of the same thing
    assert similarity("利用率", "再生水利用率") < 0.75  # a bare metric


def test_goals_over_several_years_are_not_this_years_promises() -> None:
    ningxia, _ = _pair("宁夏")  # 力争3年内全部启动五市市辖区城中村1.2万套改造任务
    assert not [c for c in ningxia if c.text == "1.2万套"]


def test_an_abbreviation_links_to_the_full_name(xicheng: list[CommitmentRow]) -> None:
    # 完成拆违任务5万平方米 (000) ↔ 拆除违法建设10万余平方米 (003): 拆违 is 违法建设
    [row] = [r for r in xicheng if r.object.startswith("拆违")]
    assert row.actual_text == "10万余平方米" and row.verdict == "met"
    assert similarity("拆违", "违法") == 1.0 and similarity("燃气管道", "燃气管网") == 1.0
    assert similarity("违法用地", "违法") < 0.75  # only the names of one object


def test_a_five_year_opening_carries_to_the_parts_after_it() -> None:
    # 一、“十四五”时期和2025年工作回顾: “十四五”时期是…五年 then (一)…(六) about the five
    # years, then 刚刚过去的2025年… about the year
    _, rows = _pair("江苏省")
    rnd = _row(rows, "全社会研发投入强度", "3.35%左右")
    assert rnd.verdict == "unreported"  # 研发投入强度达3.38%左右 is in (二), about 十四五
    gdp = next(r for r in rows if r.indicator == "gdp_growth")
    assert gdp.actual_text == "5.3%" and gdp.verdict == "met"
    hitech = _row(rows, "高新技术企业", "超6.1万家")
    assert hitech.actual_text == "超6.1万家"  # ——“向优”…, after 刚刚过去的2025年


def _about_years(doc: Document, words: str) -> bool:
    """Whether the tracker reads the sentence holding ``words`` as about several years."""
    at = doc.text.index(words)
    para = next(p for p in doc.paragraphs if p.start <= at < p.end)
    s = next(s for s in iter_sentences(doc.text, para.start, para.end) if s.start <= at < s.end)
    return YearPassages(doc).about_years(_Span(para.start, para.end), _Span(s.start, s.end))


def test_a_paragraph_turning_to_five_years_carries_them() -> None:
    # …标志着“十四五”胜利收官。…五年来，… / 经过五年接续奋斗…五年来，… then 这是…的五年。
    for province, five, one in (("广东省", "地区生产总值从11.37万亿元", "地区生产总值增长3.9%"),
                                ("青海省", "全省地区生产总值历史性迈上4000亿元", "过去一年")):
        [doc] = read(next(PROVINCES.glob(f"2026_{province}*.csv")))
        assert _about_years(doc, five), province
        assert not _about_years(doc, one), province


def test_a_year_paragraph_under_a_five_year_heading_answers_the_year() -> None:
    # “十四五”时期工作回顾 … 刚刚过去的2025年，… 实施“三化”改造项目304个
    _, rows = _pair("甘肃省")
    assert _row(rows, "“三化”改造项目", "300个").actual_text == "304个"
    assert _row(rows, "省级专精特新中小企业", "100户以上").actual_text == "322户"


def test_a_result_about_a_part_does_not_answer_the_whole() -> None:
    _, rows = _pair("广西")  # 力争工业投资增长5%以上 / 沿边临港产业园区工业投资增长11.7%
    assert _row(rows, "工业投资", "5%以上").verdict == "unreported"
    assert similarity("工业投资", "沿边临港产业园区工业投资") == 0.0
    assert similarity("老旧小区", "城镇老旧小区") == 0.9  # a qualifier, not a part


def test_computing_power_in_p_is_an_amount() -> None:
    gansu, _ = _pair("甘肃省")  # 力争算力规模突破10万P
    [power] = [c for c in gansu if c.text == "突破10万P"]
    assert (power.value, power.unit, power.bound) == (10.0, "万P", "min")
    assert split_unit("万P") == (10000.0, "P")


def test_an_abbreviated_lead_and_another_count_word_of_firms_link() -> None:
    # 全年新增规模以上工业企业80户 (2025) ↔ 培育规上工业企业85家 (2026): 规上 is 规模以上,
    # 户 and 家 count the same firms
    _, rows = _pair("青海省")
    firms = _row(rows, "规模以上工业企业", "80户")
    assert (firms.actual_text, firms.verdict) == ("85家", "met")
    assert similarity("规模以上工业企业", "规上工业企业") == 1.0
    assert similarity("限额以上批零住餐企业", "限上批零住餐企业") == 1.0


def test_names_sharing_one_value_answer_each_promise() -> None:
    # 受污染耕地安全利用率达到93%以上 (2025) ↔ 危险废物安全处置率、受污染耕地安全利用率均达100%
    _, rows = _pair("宁夏")
    soil = _row(rows, "受污染耕地安全利用率", "93%以上")
    assert (soil.actual_text, soil.verdict) == ("100%", "met")


def test_a_number_is_done_when_its_years_task_was_done() -> None:
    # 更新改造“四类管线”2000公里 (2025) ↔ 完成年度“四类管线”改造任务 (2026, no number)
    _, rows = _pair("宁夏")
    pipes = _row(rows, "“四类管线”", "2000公里")
    assert pipes.verdict == "done" and "完成年度“四类管线”改造任务" in (pipes.actual_text or "")
    # a clause naming the object with a completion word but no task is not enough
    done = [r for r in rows if r.verdict == "done" and r.value is not None and not r.list_name]
    assert done == [pipes]
