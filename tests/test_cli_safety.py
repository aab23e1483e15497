"""`rm` removes exactly the document meant, after asking; data never becomes rich markup."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import hostile
import pytest

from baogao.errors import AmbiguousReference, NotFound
from baogao.library import Library

ROOT = Path(__file__).parent.parent


def baogao(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baogao", *args], capture_output=True, text=True, input=stdin,
        timeout=300, check=False, env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"})


@pytest.fixture
def library(tmp_path: Path) -> Path:
    seeds = ROOT / "tests" / "data" / "seeds"
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(
        json.dumps({"content": (seeds / name).read_text("utf-8")}, ensure_ascii=False) + "\n"
        for name in ("001_c37d6c11197b0023.txt", "003_cd0a21e123bf8728.txt")), encoding="utf-8")
    (tmp_path / "[bold]a[").mkdir()
    marked = tmp_path / "[bold]a[" / "b] [link=file:x]y.txt"  # the path reads [/b] [link=…]
    title = "[/x][link=http://evil.example]报告[/link]"
    text = hostile.seed_text().replace("政府工作报告", title, 1)
    marked.write_text(text, encoding="utf-8")
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        report = lib.ingest([rows, marked])
        assert report.ok and report.added == 3, report.errors
    return db


def _count(db: Path) -> int:
    with Library(db, readonly=True) as lib:
        return lib.store.count()


def test_rm_takes_no_wildcards(library: Path) -> None:
    for ref in ("%", "_", "%.jsonl#0", "rows%"):
        result = baogao("rm", ref, "--yes", "--db", str(library))
        assert result.returncode == 1
        assert "no document" in result.stderr
    assert _count(library) == 3


def test_rm_of_a_collection_without_row_is_ambiguous(library: Path) -> None:
    result = baogao("rm", "rows.jsonl", "--yes", "--db", str(library))
    assert result.returncode == 1
    assert "matches 2 documents" in result.stderr
    assert "rows.jsonl#0" in result.stderr and "rows.jsonl#1" in result.stderr
    assert "Traceback" not in result.stderr
    assert _count(library) == 3


def test_rm_asks_before_removing(library: Path) -> None:
    result = baogao("rm", "rows.jsonl#1", "--db", str(library), stdin="n\n")
    assert result.returncode == 1
    assert "nothing removed" in result.stderr
    assert _count(library) == 3
    result = baogao("rm", "rows.jsonl#1", "--db", str(library), stdin="y\n")
    assert result.returncode == 0, result.stderr
    assert _count(library) == 2
    with Library(library, readonly=True) as lib:
        assert lib.document("rows.jsonl").row == 0  # the other row is left, and now unique
        with pytest.raises(NotFound):
            lib.document("rows.jsonl#1")


def test_references_resolve_to_exactly_the_documents_meant(library: Path) -> None:
    with Library(library) as lib:
        ids = sorted(d.id for d in lib.documents())
        for doc_id in ids:
            assert doc_id in [c[0] for c in lib.store.resolve(doc_id[:4])]
            assert [c[0] for c in lib.store.resolve(doc_id)] == [doc_id]
        with pytest.raises(AmbiguousReference) as info:
            lib.document("rows.jsonl")
        assert len(info.value.candidates) == 2


def test_markup_in_data_is_printed_literally(library: Path) -> None:
    ls = baogao("ls", "--db", str(library))
    assert ls.returncode == 0, ls.stderr
    assert "[bold]a[/b]" in ls.stdout.replace("\n", "").replace(" ", "").replace("│", "")
    assert "\x1b]8;" not in ls.stdout  # no terminal hyperlink
    with Library(library, readonly=True) as lib:
        [doc] = [d for d in lib.documents() if d.source.endswith(".txt")]
    show = baogao("show", doc.id, "--db", str(library))
    assert show.returncode == 0, show.stderr
    assert "[bold]a[/b] [link=file:x]y.txt" in show.stdout
    search = baogao("search", "报告", "--db", str(library))
    assert search.returncode == 0, search.stderr
    missing = baogao("rm", "[/x]", "--yes", "--db", str(library))
    assert missing.returncode == 1
    assert "no document '[/x]'" in missing.stderr
    assert "Traceback" not in missing.stderr + search.stderr + show.stderr


def test_error_lines_print_markup_in_file_names_literally(tmp_path: Path) -> None:
    (tmp_path / "[bold]a[").mkdir()
    empty = tmp_path / "[bold]a[" / "b] [link=file:x]y.txt"  # the path reads [/b] [link=…]
    empty.write_bytes(b"")
    for args in (["facts", str(empty)], ["ingest", "-q", "--db", str(tmp_path / "l.db"),
                                          str(empty)]):
        result = baogao(*args)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        assert "[bold]a[/b] [link=file:x]y.txt: file is empty" in result.stderr
