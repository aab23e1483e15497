"""End to end: every province's 2025 GDP-growth target, from its 2025 .docx report, judged
by ``baogao track`` against the result its 2026 report (CSV) gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent / "data"
EXPECTED = json.loads((DATA / "expected" / "track_provinces_gdp_2025.json").read_text("utf-8"))


def _baogao(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "baogao", *args, "--db", str(db)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    db = tmp_path_factory.mktemp("provinces") / "lib.db"
    ingest = _baogao(
        "ingest",
        str(DATA / "formats" / "provinces-2025"),
        str(DATA / "corpus" / "provinces-2026"),
        "--quiet",
        db=db,
    )
    assert ingest.returncode == 0, ingest.stderr
    result = _baogao(
        "track",
        "--indicator",
        EXPECTED["indicator"],
        "--period",
        str(EXPECTED["period"]),
        "--format",
        "jsonl",
        db=db,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    by_region: dict[str, dict[str, Any]] = {}
    for row in rows:
        assert row["region"] not in by_region, f"two {EXPECTED['indicator']} rows: {row}"
        by_region[row["region"]] = row
    return by_region


@pytest.mark.slow
@pytest.mark.parametrize("want", EXPECTED["rows"], ids=[r["region"] for r in EXPECTED["rows"]])
def test_gdp_growth_target_2025_against_2026_result(
    tracked: dict[str, dict[str, Any]], want: dict[str, Any]
) -> None:
    row = tracked.get(want["region"])
    assert row is not None, f"no track row for {want['region']}: {sorted(tracked)}"
    assert (row["target_value"], row["target_bound"]) == (
        want["target_value"],
        want["target_bound"],
    )
    assert row["target_text"] == want["target_text"]
    assert row["target_source"].endswith(".docx")
    assert row["actual_value"] == want["actual_value"], row["reason"]
    assert row["actual_source"].endswith(".csv")
    assert row["verdict"] == want["verdict"], row["reason"]
