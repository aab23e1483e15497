"""Catalog facts of national reports found missing by a blind re-reading (session 19, tuning
years only; see benchmarks/data/reread19).

The 1981 report, given in December, plans 1982 from this year's estimate:
１９８２年的计划，要求工农业总产值的增长速度由今年预计的３％提高到４％.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from baogao.extract import extract_facts
from baogao.pipeline import read
from tests.conftest import NATIONAL

GROWTH = "industrial_agricultural_output_growth"
START = "增长速度由今年预计的３％提高到４％"


def _facts_with(tmp_path: Path, row: int, old: str, new: str
                ) -> set[tuple[str, str, bool, int | None, Decimal | None]]:
    record = json.loads(NATIONAL.read_text("utf-8").splitlines()[row])
    assert old in record["content"]
    record["content"] = record["content"].replace(old, new, 1)
    path = tmp_path / "government_work_reports.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    [doc] = list(read(path))
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
