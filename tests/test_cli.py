"""The command line, run as a user runs it (python -m baogao) on real documents."""

from __future__ import annotations

import contextlib
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
    """Run the ``baogao`` entry point in this process (as ``baogao ARGS --db DB`` would run)
    and return its exit status, stdout and stderr."""
    from baogao.cli import main

    argv = [*args, *(["--db", str(db)] if db is not None else [])]
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["baogao", *argv]
    code: object = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.argv = saved
    status = code if isinstance(code, int) else (0 if code is None else 1)
    return subprocess.CompletedProcess(["baogao", *argv], status, out.getvalue(),
                                       err.getvalue())


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


def test_ingest_with_its_progress_bar_completes(tmp_path: Path) -> None:
    """Without --quiet the progress bar runs (rich uses the console as a context manager)."""
    result = baogao("ingest", str(SEEDS / "000_b5713cac4734963f.txt"), "--jobs", "2",
                    db=tmp_path / "lib.db")
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stderr


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


# -- the first hour: what a newcomer runs ------------------------------------------------------


def test_version() -> None:
    import baogao as package

    result = baogao("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"baogao {package.__version__}"


@pytest.mark.parametrize("command", [["ls"], ["track"], ["search", "养老"],
                                     ["export", "facts", "-o", "-"], ["show", "abcd"]])
def test_missing_library_is_refused_by_name(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "typo.db"
    result = baogao(*command, db=missing)
    assert result.returncode == 1
    assert f"no library at {missing}" in result.stderr
    assert not missing.exists(), "a mistyped --db must not create an empty library"


def test_relative_baogao_db_names_the_file_opened(db: Path, tmp_path: Path) -> None:
    import os

    env = {**os.environ, "BAOGAO_DB": db.name}
    result = subprocess.run([sys.executable, "-m", "baogao", "ls", "-f", "jsonl"],
                            capture_output=True, text=True, cwd=db.parent, env=env,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert str(db.resolve()) in result.stderr
    env["BAOGAO_DB"] = "elsewhere.db"
    result = subprocess.run([sys.executable, "-m", "baogao", "ls"], capture_output=True,
                            text=True, cwd=tmp_path, env=env, timeout=120, check=False)
    assert result.returncode == 1
    assert str(tmp_path / "elsewhere.db") in result.stderr
    assert "$BAOGAO_DB" in result.stderr


@pytest.mark.parametrize(("args", "allowed"), [
    (["ls", "--type", "foo"], "work_report"),
    (["ls", "--level", "foo"], "district"),
    (["export", "facts", "--kind", "foo"], "target"),
    (["show", "x", "-f", "csv"], "json"),
    (["attention", "-f", "xml"], "dta"),
    (["track", "--verdict", "fine"], "unverifiable"),
    (["search", "养老", "--role", "intro"], "glossary"),
])
def test_unknown_option_values_list_the_allowed_ones(db: Path, args: list[str],
                                                     allowed: str) -> None:
    result = baogao(*args, db=db)
    assert result.returncode == 2
    assert "foo" in result.stderr or "csv" in result.stderr or "xml" in result.stderr or \
        "fine" in result.stderr or "intro" in result.stderr
    assert allowed in result.stderr


def test_unknown_indicator_suggests_ids(db: Path) -> None:
    result = baogao("track", "--indicator", "gdp_grwth", db=db)
    assert result.returncode == 1
    assert "gdp_growth" in result.stderr


def test_help_keeps_brackets_and_hides_python_types() -> None:
    for command in (["attention", "--help"], ["show", "--help"], ["ls", "--help"]):
        result = baogao(*command)
        assert result.returncode == 0
        assert "<str>" not in result.stdout and "list[str]" not in result.stdout
        assert "<int>" not in result.stdout
    assert "{topic: [words]}" in " ".join(baogao("attention", "--help").stdout.split())
    assert "source[#row]" in baogao("show", "--help").stdout
    ls_help = baogao("ls", "--help").stdout
    assert "work_report|plan_report" in ls_help and "national|province" in ls_help


def test_region_short_name_includes_districts_in_every_command(db: Path,
                                                               tmp_path: Path) -> None:
    listed = [json.loads(x) for x in baogao("ls", "--region", "北京", "-f", "jsonl",
                                            db=db).stdout.splitlines()]
    regions = {r["region"] for r in listed}
    assert {"北京市西城区", "北京市东城区"} <= regions
    assert "上海市" not in regions
    tracked = [json.loads(x) for x in baogao("track", "北京", "-f", "jsonl",
                                             db=db).stdout.splitlines()]
    assert tracked and {r["region"] for r in tracked} <= regions
    assert {r["region"] for r in tracked} == {r["region"] for r in [
        json.loads(x) for x in baogao("track", "-f", "jsonl", db=db).stdout.splitlines()]
        if r["region"].startswith("北京")}
    result = baogao("export", "facts", "--region", "北京", "-o", "-", "-f", "jsonl", db=db)
    exported = [json.loads(x) for x in result.stdout.splitlines()]
    assert exported and {r["region"] for r in exported} <= regions
    assert len({r["region"] for r in exported}) >= 2
    panel = [json.loads(x) for x in baogao("attention", "--region", "北京", "-f", "jsonl",
                                           db=db).stdout.splitlines()]
    assert panel and {r["region"] for r in panel} <= regions
    series = baogao("compare", "--indicator", "gdp_growth", "--kind", "actual",
                    "--region", "西城", "-f", "jsonl", db=db)
    assert {json.loads(x)["region"] for x in series.stdout.splitlines()} == {"北京市西城区"}


def test_unknown_region_says_so(db: Path) -> None:
    result = baogao("track", "火星", db=db)
    assert result.returncode == 0
    assert "no documents of region '火星'" in result.stderr


def test_short_id_prefix_gives_a_reason(db: Path) -> None:
    first = json.loads(baogao("ls", "-f", "jsonl", db=db).stdout.splitlines()[0])
    result = baogao("show", first["id"][:3], db=db)
    assert result.returncode == 1
    assert "at least 4 characters" in result.stderr
    assert baogao("show", first["id"][:4], db=db).returncode == 0


def test_show_accepts_the_path_of_an_ingested_file(db: Path) -> None:
    path = (SEEDS / "000_b5713cac4734963f.txt").resolve()
    result = baogao("show", str(path), "-f", "json", db=db)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"] == "seeds/000_b5713cac4734963f.txt"


def test_tables_fit_80_columns(db: Path) -> None:
    for args in (["ls"], ["track", "西城区"], ["attention"],
                 ["facts", str(SEEDS / "000_b5713cac4734963f.txt"), "-f", "table"]):
        result = baogao(*args, db=None if args[0] == "facts" else db)
        assert result.returncode == 0, result.stderr
        lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
        assert len(lines) >= 2
        from rich.cells import cell_len

        assert max(cell_len(ln) for ln in lines) <= 80, args


def test_facts_table_over_several_files_has_a_source_column() -> None:
    result = baogao("facts", str(SEEDS / "000_b5713cac4734963f.txt"),
                    str(SEEDS / "003_cd0a21e123bf8728.txt"), "-f", "table")
    header = result.stdout.splitlines()[0].split()
    assert header[0] == "source"
    assert "000_b5713" in result.stdout and "003_cd0a2" in result.stdout


def test_search_shows_titles_and_regions(db: Path) -> None:
    result = baogao("search", "接诉即办", "-n", "3", db=db)
    assert result.returncode == 0, result.stderr
    firsts = [ln for ln in result.stdout.splitlines() if ln[:2] in ("1.", "2.", "3.")]
    assert len(firsts) == 3
    for line in firsts:
        assert "北京市" in line and "年" in line, line
        assert "seeds/" not in line and ".txt" not in line, line


def test_export_to_stdout(db: Path, tmp_path: Path) -> None:
    result = baogao("export", "facts", "-o", "-", "-f", "csv", db=db)
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) > 10
    assert not Path("-").exists()


def test_dta_has_labels_and_region_code_without_warnings(db: Path, tmp_path: Path) -> None:
    import warnings

    import pandas as pd

    out = tmp_path / "facts.dta"
    result = baogao("export", "facts", "-o", str(out), db=db)
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reader = pd.io.stata.StataReader(out)
        with reader:
            frame = reader.read()
            labels = reader.variable_labels()
            values = reader.value_labels()
    assert "region_code" in frame.columns
    assert {"start_char", "end_char"} <= set(frame.columns)
    assert labels["region"].startswith("地区")
    assert set(values["kind"].values()) == {"actual", "target"}
    assert set(frame["kind"]) <= {"actual", "target"}


def test_compare_chart_refuses_png(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    result = baogao("compare", "--indicator", "gdp_growth", "--period", "2026",
                    "--chart", str(out), db=db)
    assert result.returncode == 1
    assert "SVG" in result.stderr
    assert not out.exists()
    svg = tmp_path / "out.svg"
    result = baogao("compare", "--indicator", "地区生产总值增长", "--period", "2026",
                    "--chart", str(svg), db=db)
    assert result.returncode == 0, result.stderr
    assert svg.read_text("utf-8").startswith("<?xml")


def test_serve_on_a_busy_port_fails_before_announcing(db: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = baogao("serve", "--port", str(port), db=db)
    assert result.returncode == 1
    assert "serving" not in result.stderr
    assert f"127.0.0.1:{port}" in result.stderr and "--port" in result.stderr


def test_verbose_logs_library_and_timing(db: Path) -> None:
    quiet = baogao("ls", "-f", "jsonl", db=db)
    loud = subprocess.run([sys.executable, "-m", "baogao", "-v", "ls", "-f", "jsonl", "--db",
                           str(db)], capture_output=True, text=True, timeout=120, check=False)
    assert loud.stdout == quiet.stdout
    assert str(db.resolve()) in loud.stderr and "documents" in loud.stderr
    assert "done in" in loud.stderr


def test_help_loads_neither_rich_nor_the_library() -> None:
    """``baogao --help`` (and the command list) imports no rich, no store, no SQLite and no
    command's parameters beyond the ones asked for: start-up is typer and our own modules."""
    probe = (
        "import sys\n"
        "sys.argv = ['baogao', '--help']\n"
        "from baogao.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('rich', 'sqlite3', 'httpx', 'rjieba', 'tantivy', 'fastapi', 'pandas')"
        " or m.startswith(('baogao.store', 'baogao.library', 'baogao.models')))\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert "Commands:" in out and "search" in out
    assert out.strip().endswith("HEAVY []"), out[-300:]


def test_a_mistyped_command_is_suggested_and_export_formats_match() -> None:
    from baogao.cli.common import EXPORT_FORMATS
    from baogao.store.export import FORMATS

    assert EXPORT_FORMATS == FORMATS
    done = subprocess.run([sys.executable, "-m", "baogao", "ingset"], capture_output=True,
                          text=True)
    assert done.returncode == 2
    assert "Did you mean 'ingest'?" in done.stderr
