"""Catalog facts found missing by a blind re-reading (session 19, tuning years only; see
benchmarks/data/reread19), and the bounds of numbers printed with spaces around them.

The 1981 report, given in December, plans 1982 from this year's estimate:
１９８２年的计划，要求工农业总产值的增长速度由今年预计的３％提高到４％.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from baogao.extract import extract_facts
from tests.conftest import PROVINCES, rewritten_national, rewritten_report

GROWTH = "industrial_agricultural_output_growth"
START = "增长速度由今年预计的３％提高到４％"


def _facts_with(tmp_path: Path, row: int, old: str, new: str
                ) -> set[tuple[str, str, bool, int | None, Decimal | None]]:
    doc = rewritten_national(tmp_path, row, old, new)
    return {(f.indicator or "", f.kind, f.estimated, f.period, f.value)
            for f in extract_facts(doc)}


def test_a_rise_from_this_years_estimate_gives_the_estimate(tmp_path: Path) -> None:
    """由今年预计的３％提高到４％: the start is this year's estimated actual, the end the plan."""
    facts = _facts_with(tmp_path, 49, START, START)
    assert (GROWTH, "actual", True, 1981, Decimal(3)) in facts
    assert (GROWTH, "target", False, 1982, Decimal(4)) in facts


def test_a_rise_from_last_year_dates_the_start_to_last_year(tmp_path: Path) -> None:
    facts = _facts_with(tmp_path, 49, START, "增长速度由去年的３％提高到４％")
    assert (GROWTH, "actual", False, 1980, Decimal(3)) in facts
    assert (GROWTH, "target", False, 1982, Decimal(4)) in facts


def test_a_rise_from_an_undated_start_keeps_only_the_end(tmp_path: Path) -> None:
    """由３％提高到４％: the start has no year, so it is not kept."""
    facts = _facts_with(tmp_path, 49, START, "增长速度由３％提高到４％")
    assert not {f for f in facts if f[0] == GROWTH and f[4] == Decimal(3) and f[2] is False
                and f[3] in (1980, 1981, 1982)}
    assert (GROWTH, "target", False, 1982, Decimal(4)) in facts


# Spaces around a number (web pages and PDF copies print them: 突破 1900 亿元, 5% 左右) ------

GUANGXI = PROVINCES / "2026_广西壮族自治区_政府工作报告.csv"


@pytest.mark.parametrize(("old", "new", "fact"), [
    ("总量首次突破1900亿元", "总量首次突破 1900 亿元",
     ("general_budget_revenue", "actual", 2025, Decimal(1900), "min")),
    ("经济增长5%左右", "经济增长 5% 左右", ("gdp_growth", "target", 2026, Decimal(5), "approx")),
    ("居民消费价格指数涨幅2%以内", "居民消费价格指数涨幅 2% 以内",
     ("cpi_growth", "target", 2026, Decimal(2), "max")),
    ("总额突破8000亿元", "总额突破 8000 亿元",
     ("foreign_trade", "actual", 2025, Decimal(8000), "min")),
])
def test_a_bound_word_set_off_by_a_space_still_bounds_the_value(
        tmp_path: Path, old: str, new: str, fact: tuple[str, str, int, Decimal, str]) -> None:
    """The bound word before or after a number keeps its meaning across a space: 突破 1900 亿元
    is more than 1900, not 1900; 5% 左右 is about 5."""
    doc = rewritten_report(GUANGXI, tmp_path, (old, new))
    facts = {(f.indicator, f.kind, f.period, f.value, f.bound) for f in extract_facts(doc)}
    assert fact in facts
    indicator, kind, period, value, _ = fact
    assert (indicator, kind, period, value, None) not in facts


@pytest.mark.parametrize("printed", ["25.9μg/m³", "25.9µg/m³", "25.9μg/m3", "25.9ug/m3"])
def test_a_concentration_in_latin_letters_is_in_the_catalog_unit(
        tmp_path: Path, printed: str) -> None:
    """PM2.5 printed in μg/m³ (a page's table, a PDF copy) is the catalog's 微克/立方米."""
    doc = rewritten_report(GUANGXI, tmp_path, ("25.9微克/立方米", printed))
    facts = {(f.indicator, f.kind, f.period, f.value, f.unit) for f in extract_facts(doc)}
    assert ("pm25", "actual", 2025, 25.9, "微克/立方米") in facts
