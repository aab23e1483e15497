"""Bad, hostile and huge input: every file gets a one-line answer, good files are all stored,
memory stays bounded (measured in a fresh process), and nothing is lost silently."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import hostile
import pytest

from baogao.errors import LimitExceeded, UnreadableFile
from baogao.library import Library, parse_file
from baogao.read import read_file

ROOT = Path(__file__).parent.parent

#: Runs the CLI in a fresh interpreter and reports its exit code and peak memory (with the
#: pool workers it started) as JSON on the last line of stdout.
_MEASURE = """
import json, resource, sys
from baogao.cli import main
sys.argv = ["baogao", *sys.argv[1:]]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else 1
# VmHWM, not RUSAGE_SELF: Linux keeps ru_maxrss across exec, so it would report the
# (large) pytest process this one was forked from.
with open("/proc/self/status") as fh:
    hwm = next(int(ln.split()[1]) for ln in fh if ln.startswith("VmHWM:"))
peak = max(hwm, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"code": code, "peak_mb": peak / 1024}))
"""


def run_cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, float, str]:
    """(exit status, peak resident MB, stderr) of ``baogao args`` in a fresh process."""
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", **(env or {})},
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return result["code"], result["peak_mb"], proc.stderr


@pytest.mark.slow
def test_one_batch_of_every_bad_kind_mixed_with_good_files(tmp_path: Path) -> None:
    expect = hostile.write_batch(tmp_path / "in" / "bad")
    good = hostile.write_good(tmp_path / "in" / "good")
    db = tmp_path / "lib.db"
    code, peak_mb, stderr = run_cli("ingest", "-q", "--jobs", "2", "--db", str(db),
                                    str(tmp_path / "in"))
    assert "Traceback" not in stderr
    assert "internal error" not in stderr
    assert code == 1
    assert peak_mb < 1024, f"peak memory {peak_mb:.0f} MB"
    lines = stderr.strip().splitlines()
    for name, (outcome, words) in expect.items():
        mine = [ln for ln in lines if f"bad/{name}" in ln]
        if outcome == "stored":
            assert not [ln for ln in mine if ln.startswith("error:")], mine
            continue
        prefix = "error:" if outcome == "error" else "warning:"
        hits = [ln for ln in mine if ln.startswith(prefix)]
        assert hits, f"{name}: no {prefix} line in {stderr}"
        text = " ".join(hits)
        for word in words:
            assert word in text, (name, word, hits)
    errors = [ln for ln in lines if ln.startswith("error:")]
    assert len(errors) == sum(1 for o, _ in expect.values() if o == "error")
    summary = lines[-1]
    assert f"{len(errors)} errors" in summary
    with Library(db, readonly=True) as lib:
        sources = {d.source for d in lib.documents()}
    for path in good:
        assert f"in/good/{path.name}" in sources
    for name, (outcome, _) in expect.items():
        assert (f"in/bad/{name}" in sources) == (outcome != "error"), name


@pytest.mark.slow
def test_zip_bomb_is_refused_in_little_memory(tmp_path: Path) -> None:
    bomb = hostile.write_zip_bomb(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 4_000_000
    code, peak_mb, stderr = run_cli("ingest", "-q", "--db", str(tmp_path / "lib.db"), str(bomb))
    assert code == 1, stderr
    assert peak_mb < 300, f"peak memory {peak_mb:.0f} MB"
    [line] = [ln for ln in stderr.splitlines() if ln.startswith("error:")] or [stderr]
    assert "bomb.docx" in line
    assert "max_unpacked_bytes" in line or "max_office_xml_bytes" in line


def test_limits_are_user_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.txt"
    path.write_text(hostile.seed_text(), encoding="utf-8")
    monkeypatch.setenv("BAOGAO_MAX_DOCUMENT_CHARS", "1K")
    with pytest.raises(LimitExceeded) as info:
        read_file(path)
    assert "max_document_chars=1024" in str(info.value)
    assert "BAOGAO_MAX_DOCUMENT_CHARS" in str(info.value)
    monkeypatch.setenv("BAOGAO_MAX_DOCUMENT_CHARS", "1M")
    monkeypatch.setenv("BAOGAO_MAX_FILE_BYTES", "1000")
    with pytest.raises(LimitExceeded, match="max_file_bytes"):
        read_file(path)


def test_cli_limit_option_reaches_the_readers(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([{"content": hostile.seed_text(), "x": [[[[1]]]]}]))
    code, _, stderr = run_cli("--limit", "max_json_depth=5", "ingest", "-q", "--db",
                              str(tmp_path / "lib.db"), str(path))
    assert code == 1
    assert "max_json_depth=5" in stderr
    code, _, stderr = run_cli("--limit", "max_json_depth=6", "ingest", "-q", "--db",
                              str(tmp_path / "lib.db"), str(path))
    assert code == 0, stderr


def test_thirty_megabyte_single_line_is_refused_clearly(tmp_path: Path) -> None:
    line = hostile.seed_text().replace("\n", "")
    path = tmp_path / "one-line.txt"
    with path.open("w", encoding="utf-8") as fh:
        size = 0
        while size < 30_000_000:
            fh.write(line)
            size += len(line.encode())
    parsed = parse_file(str(path), "one-line.txt")
    [error] = parsed.errors
    assert error.startswith("one-line.txt: text of ")
    assert "max_document_chars" in error


def test_long_text_without_results_is_warned(tmp_path: Path) -> None:
    path = tmp_path / "flat.txt"
    path.write_text("这是一段没有任何数字的文字，" * 3000, encoding="utf-8")
    parsed = parse_file(str(path), "flat.txt")
    assert not parsed.errors
    [(_doc, facts, terms)] = parsed.items
    assert not facts and not terms
    [warning] = parsed.warnings
    assert warning.startswith("flat.txt: no facts or glossary terms found")
    assert "line breaks lost" in warning


def test_utf16_without_bom_is_text_not_binary(tmp_path: Path) -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(hostile.seed_text().encode(encoding))
        [raw] = read_file(path)
        assert raw.text == hostile.seed_text()


def test_real_binary_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UnreadableFile, match="binary"):
        read_file(path)


def test_csv_row_with_extra_fields_is_refused(tmp_path: Path) -> None:
    text = hostile.seed_text().split("\n")
    path = tmp_path / "rows.csv"
    path.write_text(f"title,content\n报告,{text[0]}\n报告,{text[1]},多余\n", encoding="utf-8")
    with pytest.raises(Exception, match="line 3 has more fields"):
        read_file(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_unreadable_folder_is_listed(tmp_path: Path) -> None:
    from baogao.read import iter_files

    locked = tmp_path / "top" / "locked"
    locked.mkdir(parents=True)
    (locked / "x.txt").write_text("x")
    locked.chmod(0)
    try:
        found = list(iter_files([tmp_path / "top"]))
        assert [d for _, d in found] == ["top/locked"]
        with pytest.raises(UnreadableFile, match="could not be read"):
            read_file(found[0][0], found[0][1])
    finally:
        locked.chmod(0o755)


def test_odd_file_names_stay_on_one_line(tmp_path: Path) -> None:
    from baogao.read import iter_files

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "new\nline.txt").write_text("短", encoding="utf-8")
    os.close(os.open(bytes(folder) + b"/bad-\xff.txt", os.O_CREAT | os.O_WRONLY))
    found = list(iter_files([folder]))
    assert sorted(d for _, d in found) == ["in/bad-\\udcff.txt", "in/new\\nline.txt"]
    for path, display in found:
        parsed = parse_file(str(path), display)
        [error] = parsed.errors
        assert "\n" not in error and error.isprintable()
        error.encode("utf-8")


def test_folder_tree_deeper_than_the_stack(tmp_path: Path) -> None:
    from baogao.read import iter_files

    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        for _ in range(1100):
            os.mkdir("d")
            os.chdir("d")
        Path("deep.txt").write_text(hostile.seed_text(), encoding="utf-8")
    finally:
        os.chdir(here)
    try:
        [(path, display)] = list(iter_files([tmp_path / "d"]))
        assert display.endswith("/d/deep.txt") and display.count("/") == 1100
        assert read_file(path, display)
    finally:
        _remove_deep(tmp_path / "d")


def _remove_deep(top: Path) -> None:
    """Remove a chain of nested folders without recursion (shutil.rmtree recurses)."""
    here = os.getcwd()
    try:
        os.chdir(top)
        depth = 0
        while Path("d").is_dir():
            os.chdir("d")
            depth += 1
        for name in os.listdir("."):
            os.remove(name)
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)
    top.rmdir()


def test_json_number_too_long_to_convert(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    path.write_text('[{"content": "报告", "year": ' + "9" * 5000 + "}]", encoding="utf-8")
    with pytest.raises(Exception, match="JSON number is too long") as info:
        read_file(path)
    assert "internal error" not in str(info.value)
