"""The command line, run as a user runs it (python -m baogao) on real documents."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROVINCES, SEEDS

CONTRACT = ["source", "row", "region", "year", "indicator", "name", "kind", "estimated",
            "period", "value", "unit", "bound", "text", "evidence", "start", "end"]


def baogao(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "baogao", *args]
    if db is not None:
        cmd += ["--db", str(db)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "lib.db"
    result = baogao("ingest", str(SEEDS), str(PROVINCES / "2026_上海市_政府工作报告.csv"),
                    "--quiet", db=path)
    assert result.returncode == 0, result.stderr
    assert "6 documents: 6 added" in result.stderr
    return path


def test_ls_jsonl_lines_carry_the_listing_fields(db: Path) -> None:
    result = baogao("ls", "--format", "jsonl", db=db)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 6
    for key in ("source", "row", "title", "region", "level", "year", "date", "speaker",
                "doc_type"):
        assert all(key in r for r in rows)
    shanghai = next(r for r in rows if r["region"] == "上海市")
    assert (shanghai["date"], shanghai["speaker"], shanghai["row"]) == ("2026-02-03", "龚正", 0)


def test_ls_filters_and_csv(db: Path) -> None:
    result = baogao("ls", "--region", "西城", "--year", "2023", "--format", "csv", db=db)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["source"] for r in rows] == ["seeds/000_b5713cac4734963f.txt"]


def test_show_outline_json(db: Path) -> None:
    result = baogao("show", "seeds/000_b5713cac4734963f.txt", "--format", "json", db=db)
    data = json.loads(result.stdout)
    assert data["speaker"] == "刘东伟"
    assert [s["role"] for s in data["outline"] if s["level"] == 1] == [
        "review", "plan", "self_building", "glossary"]


def test_missing_document_is_one_line_error(db: Path) -> None:
    result = baogao("show", "nothing-here", db=db)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "no document" in result.stderr


def test_facts_follow_the_contract() -> None:
    result = baogao("facts", str(SEEDS / "000_b5713cac4734963f.txt"), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert facts
    text = None
    for fact in facts:
        assert list(fact)[: len(CONTRACT)] == CONTRACT
        assert fact["kind"] in ("actual", "target")
        assert fact["bound"] in (None, "approx", "min", "max")
    from baogao.pipeline import read

    text = next(read(SEEDS / "000_b5713cac4734963f.txt")).text
    for fact in facts:
        assert text[fact["start"]:fact["end"]] == fact["evidence"]
        assert fact["text"] in fact["evidence"]


def test_facts_batch_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = baogao("facts", str(tmp_path / "empty.txt"), str(SEEDS / "000_b5713cac4734963f.txt"))
    assert result.returncode == 1
    assert "empty.txt: file is empty" in result.stderr
    assert result.stdout.strip()


def test_ingest_error_exit_status(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = baogao("ingest", str(tmp_path), "--quiet", db=tmp_path / "lib.db")
    assert result.returncode == 1
    assert "binary" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx", "dta"])
def test_export_facts(db: Path, tmp_path: Path, fmt: str) -> None:
    import pandas as pd

    out = tmp_path / f"facts.{fmt}"
    result = baogao("export", "facts", "--format", fmt, "--output", str(out), db=db)
    assert result.returncode == 0, result.stderr
    reader = {"csv": pd.read_csv, "parquet": pd.read_parquet, "xlsx": pd.read_excel,
              "dta": pd.read_stata}[fmt]
    frame = reader(out)
    assert len(frame) > 10
    assert "北京市西城区" in set(frame["region"])
