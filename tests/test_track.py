"""Targets against results, checked against what the reports themselves say."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import load_expected

from baogao.analyze.track import (
    TRACK_COLUMNS,
    Decision,
    decide,
    judge_value,
    summarize,
    track,
    track_row_dict,
)
from baogao.library import Library
from baogao.models import Fact, TrackRow

XICHENG = load_expected("track_xicheng_2023.json")
NATIONAL = load_expected("track_national_gdp.json")


def _pending(row: dict[str, Any]) -> Any:
    """A strict xfail naming the fact the extractor does not yet give (transient)."""
    marks = [pytest.mark.xfail(reason=row["pending"], strict=True)] if "pending" in row else []
    return pytest.param(row, marks=marks, id=str(row.get("indicator") or row.get("period")))


def _find(rows: list[TrackRow], **fields: object) -> TrackRow:
    found = [r for r in rows if all(getattr(r, k) == v for k, v in fields.items())]
    assert len(found) == 1, f"{len(found)} track rows for {fields}"
    return found[0]


def _check(row: TrackRow, want: dict[str, Any]) -> None:
    assert row.target_value == want["target_value"]
    assert row.target_bound == want["target_bound"]
    assert want["target_evidence_contains"] in row.target_evidence
    assert row.actual_value == want["actual_value"], row.reason
    if want["actual_evidence_contains"]:
        assert row.actual_evidence is not None
        assert want["actual_evidence_contains"] in row.actual_evidence
    assert row.verdict == want["verdict"], row.reason


# -- 西城区 2023: seed 000's targets against seed 003's results ------------------------------


@pytest.fixture(scope="module")
def xicheng(corpus_library: Library) -> list[TrackRow]:
    return track(corpus_library, "西城", period=XICHENG["period"])


@pytest.mark.parametrize("want", [_pending(r) for r in XICHENG["rows"]])
def test_xicheng_2023_row(xicheng: list[TrackRow], want: dict[str, Any]) -> None:
    row = _find(xicheng, indicator=want["indicator"])
    assert row.region == XICHENG["region"]
    assert row.target_source == want["target_source"]
    if want["actual_source"]:
        assert row.actual_source == want["actual_source"]
    _check(row, want)


def test_xicheng_2023_agrees_with_the_plan_execution_report(xicheng: list[TrackRow]) -> None:
    """Seed 003: 19 of 20 indicators reached; only PM2.5 missed. Nothing else may fail."""
    failing = {r.indicator for r in xicheng if r.verdict in ("missed", "partly")}
    assert failing <= set(XICHENG["report_verdict"]["missed_only"])


@pytest.mark.parametrize("name", ["西城", "西城区", "北京市西城区"])
def test_region_forms_match(corpus_library: Library, name: str,
                            xicheng: list[TrackRow]) -> None:
    assert track(corpus_library, name, period=2023) == xicheng


# -- the national GDP growth series ------------------------------------------------------------


@pytest.fixture(scope="module")
def national(corpus_library: Library) -> list[TrackRow]:
    return track(corpus_library, "中华人民共和国", indicator="gdp_growth")


@pytest.mark.parametrize("want", [_pending(r) for r in NATIONAL["rows"]])
def test_national_gdp_growth(national: list[TrackRow], want: dict[str, Any]) -> None:
    row = _find(national, period=want["period"])
    assert row.target_source == NATIONAL["source"]
    assert row.target_row == want["target_row"]
    if want["actual_row"] is not None:
        assert row.actual_row == want["actual_row"]
    _check(row, want)


# -- the rules on their own ------------------------------------------------------------------


def _fact(kind: str, value: float | None, text: str, *, indicator: str = "gdp_growth",
          bound: str | None = None, value_high: float | None = None,
          unit: str = "%") -> Fact:
    return Fact(source="x", row=0, region="中华人民共和国", year=2023, indicator=indicator,
                name="国内生产总值", kind=kind, estimated=False, period=2022, value=value,  # type: ignore[arg-type]
                unit=unit, bound=bound, text=text, evidence=text, start=0, end=0,  # type: ignore[arg-type]
                value_high=value_high)


@pytest.mark.parametrize(
    ("target", "actual", "verdict"),
    [
        (_fact("target", 5.5, "5.5%左右", bound="approx"), 3.0, "missed"),  # national 2022
        (_fact("target", 7.5, "7.5%左右", bound="approx"), 7.4, "met"),
        (_fact("target", 7.5, "7.5%左右", bound="approx"), 6.8, "partly"),
        (_fact("target", 7.5, "7.5%左右", bound="approx"), 9.0, "met"),
        (_fact("target", 8.0, "8%"), 7.8, "missed"),  # 1998: 略低于8％的预定目标
        (_fact("target", 8.0, "8%"), 8.0, "met"),
        (_fact("target", 3.0, "3%左右", indicator="cpi_growth", bound="approx"), 3.4, "met"),
        (_fact("target", 3.0, "3%左右", indicator="cpi_growth", bound="approx"), 3.9, "partly"),
        (_fact("target", 3.5, "3.5%以内", indicator="registered_unemployment_rate",
               bound="max"), 3.6, "missed"),
        (_fact("target", 1100, "1100万人以上", indicator="urban_new_jobs", bound="min",
               unit="万人"), 1244, "met"),
        (_fact("target", 5.0, "5%-5.5%", value_high=5.5), 5.2, "met"),
        (_fact("target", 5.0, "5%-5.5%", value_high=5.5), 6.0, "met"),
        (_fact("target", 5.0, "5%-5.5%", value_high=5.5), 4.9, "missed"),
    ],
)
def test_rules(target: Fact, actual: float, verdict: str) -> None:
    assert judge_value(target, actual, target.unit).verdict == verdict


def test_sync_target_compares_the_two_growths() -> None:
    from baogao.analyze.track import Sync

    target = _fact("target", None, "与经济增长同步",
                   indicator="disposable_income_per_capita_growth")
    income = _fact("actual", 4.8, "4.8%", indicator="disposable_income_per_capita_growth")
    gdp = _fact("actual", 5.2, "5.2%")
    assert decide(target, income, Sync("gdp_growth", gdp)).verdict == "met"
    slow = _fact("actual", 4.5, "4.5%", indicator="disposable_income_per_capita_growth")
    assert decide(target, slow, Sync("gdp_growth", gdp)).verdict == "partly"
    assert decide(target, income, Sync("gdp_growth", None)).verdict == "unverifiable"


def test_qualitative_target_is_unverifiable() -> None:
    target = _fact("target", None, "达到市级要求", indicator="pm25", unit="微克/立方米")
    assert decide(target, None, None) == Decision("unverifiable", "定性目标，无数字可核验")


# -- whole library -----------------------------------------------------------------------------


def test_track_runs_over_the_whole_library(corpus_library: Library) -> None:
    rows = track(corpus_library)
    counts = summarize(rows)
    assert counts["total"] == len(rows) > 50
    assert counts["met"] > 0
    line = track_row_dict(rows[0])
    assert list(line) == TRACK_COLUMNS
    for column in ("target_evidence", "actual_evidence", "verdict", "target_source"):
        assert column in line


def test_cli_track_jsonl(corpus_library: Library) -> None:
    import json

    from typer.testing import CliRunner

    from baogao.cli import app

    result = CliRunner().invoke(app, ["track", "北京市西城区", "--period", "2023", "--format",
                                      "jsonl", "--db", corpus_library.store.path])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(list(r) == TRACK_COLUMNS for r in rows)
    assert {r["region"] for r in rows} == {"北京市西城区"}


def test_cli_track_rejects_unknown_verdict(corpus_library: Library) -> None:
    from typer.testing import CliRunner

    from baogao.cli import app

    result = CliRunner().invoke(app, ["track", "--verdict", "great", "--db",
                                      corpus_library.store.path])
    assert result.exit_code != 0


# -- the speed path and the rows kept between calls -------------------------------------------


def _tracked_from_objects(lib: Library, region: str | None) -> list[TrackRow]:
    """What ``track`` computed before its speed path: every fact and outline as objects."""
    from baogao.analyze.track import document_index, region_facts, track_facts

    facts = region_facts(lib, region)
    return track_facts(facts, document_index(lib, {f.doc_id for f in facts}))


def test_section_role_read_in_sql_is_the_documents_role(corpus_library: Library) -> None:
    """The speed path reads a statement's section role in SQL; for every stored fact it is
    the role ``Document.role_at`` gives."""
    from baogao.analyze.track_load import _ROLE

    rows = corpus_library.store.conn.execute(
        f"SELECT doc_id, start, {_ROLE} AS role FROM facts").fetchall()
    assert len(rows) > 1000
    docs: dict[str, Any] = {}
    roles = set()
    for doc_id, start, role in rows:
        doc = docs.get(doc_id) or docs.setdefault(doc_id, corpus_library.document(doc_id))
        assert doc.role_at(start) == (role or "other"), (doc_id, start)
        roles.add(role or "other")
    assert {"plan", "review"} <= roles


def test_speed_path_gives_the_rows_of_the_full_objects(corpus_library: Library) -> None:
    from baogao.analyze.track_load import track_library

    everything = _tracked_from_objects(corpus_library, None)
    assert len(everything) > 100
    assert track_library(corpus_library) == everything
    assert track(corpus_library) == everything  # the kept rows, read back
    names = {r[0] for r in corpus_library.store.conn.execute(
        "SELECT DISTINCT region FROM facts WHERE region IS NOT NULL")}
    for name in [*sorted(names), "西城", "北京", "广东", "不存在的地方"]:
        assert track(corpus_library, name) == _tracked_from_objects(corpus_library, name), name


def test_kept_rows_follow_deletes_and_ingests(tmp_path: Any) -> None:
    from conftest import SEEDS

    def kept(lib: Library) -> set[str]:
        return {r[0] for r in lib.store.conn.execute("SELECT region FROM track_cache")}

    with Library(tmp_path / "t.db") as lib:
        lib.ingest([SEEDS / "000_b5713cac4734963f.txt", SEEDS / "001_c37d6c11197b0023.txt"])
        first = track(lib)
        assert first == _tracked_from_objects(lib, None)
        regions = kept(lib)
        assert len(regions) >= 2 and regions == {r.region for r in first}
        # a new report drops the kept rows of its own regions only
        lib.ingest([SEEDS / "003_cd0a21e123bf8728.txt"])
        new = {r.region for r in track(lib, "西城")}
        assert kept(lib) >= regions - new
        assert track(lib) == _tracked_from_objects(lib, None)
        doc_id = next(r.target_doc_id for r in first if r.region and "西城" in r.region)
        lib.delete(doc_id)  # facts ids may be reused: every kept row goes
        assert kept(lib) == set()
        after = track(lib)
        assert after == _tracked_from_objects(lib, None) and after != first
    with Library(tmp_path / "t.db", readonly=True) as reader:
        assert track(reader) == after
