"""Track rows speak Chinese and keep the units of plan-table targets (西城区 seeds)."""

from __future__ import annotations

import re

import pytest

from baogao.analyze.track import track, with_unit
from baogao.library import Library
from baogao.models import TrackRow
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[TrackRow]:
    db = tmp_path_factory.mktemp("track") / "lib.db"
    with Library(db) as lib:
        report = lib.ingest([next(SEEDS.glob("000_*.txt")), next(SEEDS.glob("003_*.txt"))])
        assert report.ok, report.errors
        return track(lib, "西城区")


def test_reasons_are_chinese(rows: list[TrackRow]) -> None:
    assert rows
    for row in rows:
        assert re.search(r"[\u4e00-\u9fff]", row.reason), row.reason
        assert not re.search(r"\b(?:against|short by|approx|unverifiable)\b", row.reason)


def test_reason_names_both_numbers(rows: list[TrackRow]) -> None:
    gdp = next(r for r in rows if r.indicator == "gdp_growth" and r.period == 2023)
    assert gdp.verdict == "met"
    assert "实际5.8%" in gdp.reason and "目标4%左右" in gdp.reason


def test_plan_table_targets_keep_their_units(rows: list[TrackRow]) -> None:
    table = [r for r in rows if r.name == "人均公共文化服务设施建筑面积"]
    assert table and all(r.target_text.endswith("平方米") for r in table)


def test_with_unit() -> None:
    assert with_unit("2.1", "平方米") == "2.1平方米"
    assert with_unit("5左右", "%") == "5%左右"
    assert with_unit("5%左右", "%") == "5%左右"
    assert with_unit("达到市级要求", "%") == "达到市级要求"
