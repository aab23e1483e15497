"""Regions side by side, one region over the years, and the charts of both."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from baogao.analyze.charts import Bar, bar_chart, compare_chart, line_chart, nice_ticks
from baogao.analyze.compare import COMPARE_COLUMNS, CompareRow, compare
from baogao.cli import app
from baogao.errors import QueryError
from baogao.library import Library

# 2026 GDP growth targets, read in corpus/provinces-2026/*.csv:
#   广东 地区生产总值增长4.5%—5%；甘肃 增长5.5%左右；河北 增长5%以上；江苏 按增长5%安排；
#   上海 全市生产总值增长5%左右；安徽 增长5%—5.5%；黑龙江 增长4.5-5%；江西 增长5%-5.5%.
TARGETS_2026 = {
    "广东省": (4.5, 5.0, None),
    "甘肃省": (5.5, None, "approx"),
    "河北省": (5.0, None, "min"),
    "江苏省": (5.0, None, None),
    "上海市": (5.0, None, "approx"),
    "安徽省": (5.0, 5.5, None),
    "黑龙江省": (4.5, 5.0, None),
    "江西省": (5.0, 5.5, None),
}
PENDING: dict[str, str] = {}


@pytest.fixture(scope="module")
def provinces_2026(corpus_library: Library) -> list[CompareRow]:
    return compare(corpus_library, "gdp_growth", kind="target", period=2026)


@pytest.mark.parametrize(
    "region",
    [pytest.param(r, marks=[pytest.mark.xfail(reason=PENDING[r], strict=True)]
                  if r in PENDING else []) for r in TARGETS_2026],
)
def test_2026_targets_by_region(provinces_2026: list[CompareRow], region: str) -> None:
    rows = [r for r in provinces_2026 if r.region == region]
    assert len(rows) == 1
    value, high, bound = TARGETS_2026[region]
    assert (rows[0].value, rows[0].value_high, rows[0].bound) == (value, high, bound)
    assert rows[0].evidence and rows[0].text in rows[0].evidence


def test_regions_are_one_row_each_sorted_by_value(provinces_2026: list[CompareRow]) -> None:
    regions = [r.region for r in provinces_2026]
    assert len(regions) == len(set(regions)) >= 12
    values = [r.value or 0 for r in provinces_2026]
    assert values == sorted(values, reverse=True)
    assert {r.level for r in provinces_2026} == {"province"}


def test_series_of_one_region_over_the_years(corpus_library: Library) -> None:
    # seeds 002 (2014: 7.5%左右), 000 (2023: 4%左右), 003 (2024: 5%左右)
    rows = compare(corpus_library, "gdp_growth", kind="target", region="西城")
    assert [(r.period, r.value, r.bound) for r in rows] == [
        (2014, 7.5, "approx"), (2023, 4.0, "approx"), (2024, 5.0, "approx")]
    assert {r.region for r in rows} == {"北京市西城区"}


def test_national_actual_series(corpus_library: Library) -> None:
    rows = {r.period: r for r in compare(corpus_library, "gdp_growth", kind="actual",
                                         region="中华人民共和国")}
    assert rows[2024].value == 5.0 and rows[2024].year == 2025  # 增长5% in the 2025 report
    assert rows[2005].value == 9.9 and rows[2005].year == 2006
    assert rows[1998].value == 7.8  # 1999 report: 增长7.8％，虽然略低于8％的预定目标
    assert all(list(r.as_dict()) == COMPARE_COLUMNS for r in rows.values())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"indicator": "no_such"}, "unknown indicator"),
     ({"indicator": "gdp_growth"}, "--period"),
     ({"indicator": "gdp_growth", "period": 2026, "kind": "plan"}, "kind")],
)
def test_compare_errors(corpus_library: Library, kwargs: dict[str, object],
                        message: str) -> None:
    with pytest.raises(QueryError, match=message):
        compare(corpus_library, **kwargs)  # type: ignore[arg-type]


# -- charts ------------------------------------------------------------------------------------


def _svg(text: str) -> ET.Element:
    return ET.fromstring(text.split("\n", 1)[1])  # drop the XML declaration


def test_bar_chart_across_regions(provinces_2026: list[CompareRow]) -> None:
    root = _svg(compare_chart(provinces_2026, title="2026年地区生产总值增长目标", unit="%"))
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "广东省" in texts and "4.5%—5%" in texts and "2026年地区生产总值增长目标" in texts
    rects = list(root.iter("{http://www.w3.org/2000/svg}rect"))
    assert len(rects) >= len(provinces_2026) + 1  # background + one bar each (+ range parts)


def test_line_chart_over_years_breaks_at_gaps() -> None:
    svg = line_chart({"目标": [(2003, 7.0), (2004, 7.0), (2008, 8.0)]}, title="目标", unit="%")
    root = _svg(svg)
    lines = list(root.iter("{http://www.w3.org/2000/svg}polyline"))
    circles = list(root.iter("{http://www.w3.org/2000/svg}circle"))
    assert len(lines) == 1 and len(circles) == 3


def test_chart_helpers() -> None:
    assert nice_ticks(0, 5.5) == [0, 2, 4, 6]
    assert nice_ticks(0, 10.7) == [0, 5, 10, 15]
    assert "&lt;" in bar_chart([Bar("<x>", 1.0)], title="t")


# -- CLI ---------------------------------------------------------------------------------------


def test_cli_compare_writes_chart_and_csv(corpus_library: Library, tmp_path: Path) -> None:
    out = tmp_path / "gdp.svg"
    result = CliRunner().invoke(app, ["compare", "--indicator", "gdp_growth", "--kind", "target",
                                      "--period", "2026", "--format", "csv", "--chart", str(out),
                                      "--db", corpus_library.store.path])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("region,level,period")
    assert out.read_text("utf-8").count("<rect") > 10


def test_cli_compare_json(corpus_library: Library) -> None:
    result = CliRunner().invoke(app, ["compare", "--indicator", "gdp_growth", "--region", "西城区",
                                      "--format", "json", "--db", corpus_library.store.path])
    assert result.exit_code == 0, result.output
    assert [r["period"] for r in json.loads(result.stdout)] == [2014, 2023, 2024]
