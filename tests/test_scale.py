"""Archive-scale plumbing: lazy start-up, paged CLI lists, plain tables for long listings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from baogao.cli.common import _width, fast_table
from baogao.library import Library

DATA = Path(__file__).parent / "data"
HEAVY = ("rjieba", "httpx", "tantivy", "pandas", "fastapi", "uvicorn", "pyarrow")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120,
                          check=False)


def test_help_loads_no_heavy_module() -> None:
    code = ("import sys, runpy; sys.argv = ['baogao', '--help']\n"
            "try:\n    runpy.run_module('baogao', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    done = _run("-c", code)
    assert "Commands" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_common_commands_read_their_options_without_pydantic(seeds_db: Path) -> None:
    code = ("import sys, runpy\n"
            f"sys.argv = ['baogao', 'ls', '--db', {str(seeds_db)!r}, '--limit', '2', "
            "'--type', 'work_report', '-f', 'csv']\n"
            "try:\n    runpy.run_module('baogao', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print('pydantic' in sys.modules, file=sys.stderr)")
    done = _run("-c", code)
    assert done.stdout.startswith("id,")
    assert done.stderr.strip().splitlines()[-1] == "False"


def test_plain_values_convert_as_typer_converts_them(tmp_path: Path) -> None:
    """Every parameter of every command: the plain converter gives what Typer's own gives,
    and hands over what it does not handle (refused values fail with Typer's message)."""
    import typer._click as click  # Typer 0.2x carries its own Click
    import typer._coercion

    from baogao.cli import command
    from baogao.cli.coerce import light

    group = command()
    ctx = click.Context(group)
    samples = ["5", "0", "-3", "007", "1.5", "abc", "", "table", "TABLE", "jsonl", "work_report",
               "北京", str(tmp_path), str(tmp_path / "missing"), "x" * 30]
    checked = 0
    for name in group.lazy_entries:
        built = light(group.get_command(ctx, name))
        for cmd in [built, *getattr(built, "commands", {}).values()]:
            for param in cmd.params:
                plain = param._runtime_param
                if plain is None or getattr(param, "is_flag", False):
                    continue
                multi = param.multiple or param.nargs == -1
                for raw in samples:
                    value = (raw,) if multi else raw
                    full = typer._coercion.build_runtime_param(param.type_descriptor)
                    try:
                        want: object = full.coerce(value, param=param, ctx=ctx)
                    except click.ClickException as exc:
                        want = ("error", exc.format_message())
                    param._runtime_param = plain
                    try:
                        got: object = plain.coerce(value, param=param, ctx=ctx)
                    except click.ClickException as exc:
                        got = ("error", exc.format_message())
                    param._runtime_param = plain  # a declined value swapped in Typer's
                    assert got == want, (name, param.name, raw)
                    checked += 1
    assert checked > 500


def test_library_loads_ingest_and_hooks_only_when_writing(tmp_path: Path) -> None:
    """Reading needs neither the ingest machinery nor the save hooks; the first write
    loads the hooks, and they run: the search index and the topic counts get the report."""
    hooks = ("baogao.analyze.attention", "baogao.analyze.track_load", "baogao.ask.index")
    code = (
        "import sys\nfrom baogao.library import Library\n"
        f"heavy = ('baogao.pipeline', 'baogao.read', *{hooks!r})\n"
        "print([m for m in heavy if m in sys.modules])\n"
        f"lib = Library({str(tmp_path / 'lib.db')!r})\n"
        f"assert lib.ingest([{str(DATA / 'seeds' / '002_80c15500c8255b14.txt')!r}]).ok\n"
        f"print(all(m in sys.modules for m in {hooks!r}))\n"
        "from baogao.ask.search import search\n"
        "print(len(search(lib, '就业', limit=3)) > 0, lib.store.conn.execute("
        "'SELECT COUNT(*) FROM topic_counts').fetchone()[0])\n")
    done = _run("-c", code)
    assert done.stdout.split("\n")[:3] == ["[]", "True", "True 1"], done.stderr


def test_import_baogao_is_lazy_but_complete() -> None:
    done = _run("-c", "import sys, baogao; before = 'rjieba' in sys.modules; "
                      "lib = baogao.Library; print(before, callable(baogao.search), "
                      "sorted(set(baogao.__all__) - set(dir(baogao))))")
    assert done.stdout.split() == ["False", "True", "[]"]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("scale") / "lib.db"
    with Library(db) as lib:
        assert lib.ingest([DATA / "seeds"]).ok
    return db


def test_ls_pages(seeds_db: Path) -> None:
    every = json.loads(_run("-m", "baogao", "ls", "--db", str(seeds_db), "-f", "json").stdout)
    page = _run("-m", "baogao", "ls", "--db", str(seeds_db), "-f", "json", "--limit", "2",
                "--offset", "1")
    assert [d["id"] for d in json.loads(page.stdout)] == [d["id"] for d in every[1:3]]
    assert f"documents 2–3 of {len(every)}" in page.stderr


def test_search_cli_reports_the_total(seeds_db: Path) -> None:
    done = _run("-m", "baogao", "search", "就业", "--db", str(seeds_db), "--limit", "3")
    assert done.returncode == 0
    assert "passages 1–3 of" in done.stderr


def test_fast_table_aligns_wide_characters(capsys: pytest.CaptureFixture[str]) -> None:
    fast_table([{"a": "北京市西城区", "b": 1}, {"a": "x", "b": "[bold]y[/bold]"}], ["a", "b"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("a ")
    # display columns: 北京市西城区 is 12 wide, then 2 spaces
    assert _width(lines[2][:lines[2].index("1")]) == _width(lines[3][:lines[3].index("[")]) == 14
    assert "[bold]y[/bold]" in lines[3]  # data is printed as is, never as markup


def test_cut_keeps_the_longest_start_that_fits() -> None:
    from baogao.cli.common import _cut

    texts = ["北京市西城区2025年政府工作报告", "corpus/provinces-2026/2026_上海市.csv", "ab",
             "“两区”建设…——１２３ＡＢ，。、☺😀é", "a\0北京"]
    for text in texts:
        for width in range(40):
            cut = _cut(text, width)
            if _width(text) <= width:
                assert cut == text
                continue
            kept = cut[:-1]
            assert cut.endswith("…") and text.startswith(kept)
            assert _width(kept) <= width - 1 or not kept
            longer = text[:len(kept) + 1]
            assert _width(longer) > width - 1


def test_width_counts_wide_characters_as_unicode_says() -> None:
    """``_width`` (measured in C with a translation table) against the East Asian Width
    property character by character, over real report text and a mix of symbols."""
    import unicodedata

    text = (DATA / "seeds" / "000_b5713cac4734963f.txt").read_text("utf-8")[:20000]
    lines = [*text.splitlines(), "“两区”建设…——１２３ＡＢ，。、☺😀é", "ab", ""]
    for line in lines:
        expected = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
        assert _width(line) == expected, line


@pytest.mark.slow
def test_serve_with_two_workers(seeds_db: Path) -> None:
    import os
    import signal
    import socket
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "baogao", "serve", "--db", str(seeds_db),
                             "--port", str(port), "--workers", "2", "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        deadline = time.time() + 120
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/search?q=就业&limit=2", timeout=5)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.time() < deadline
                time.sleep(0.5)
        assert r.status_code == 200 and len(r.json()) == 2
        assert int(r.headers["x-total-count"]) > 2
        if sys.platform == "linux":  # the parent only watches: the index engine is not loaded
            children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
            loaded = {pid: "tantivy" in Path(f"/proc/{pid}/maps").read_text()
                      for pid in [str(proc.pid), *children]}
            assert not loaded[str(proc.pid)] and sum(loaded.values()) == 2, loaded
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
