"""The README documents every command and setting; the public API is what __all__ says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import baogao
from baogao.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text("utf-8")


def _command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_readme_opens_with_two_commands() -> None:
    block = re.search(r"```\n(.*?)```", README, re.S)
    assert block is not None
    lines = [ln for ln in block.group(1).splitlines() if ln.strip()]
    assert [ln.split()[:2] for ln in lines] == [["make", "demo"], ["make", "test"]]
    assert README.index(block.group(0)) < README.index("## ")


def test_every_command_is_documented() -> None:
    for name in _command_names():
        assert f"baogao {name}" in README, f"`baogao {name}` is not in the README"


def test_every_setting_is_documented() -> None:
    for setting in ("BAOGAO_DB", "--db", "--jobs", "BAOGAO_WRITE_TOKEN", "BAOGAO_LLM_URL"):
        assert setting in README


def test_public_api_is_exported() -> None:
    for name in baogao.__all__:
        assert hasattr(baogao, name), name
    public = {n for n in dir(baogao) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(baogao.__all__)


def _using_it_commands() -> list[list[str]]:
    """The command block of "## Using it", split like a shell would (comments dropped)."""
    import shlex

    section = README[README.index("## Using it"):]
    block = re.search(r"```\n(.*?)```", section, re.S)
    assert block is not None
    # as in a shell, "#" starts a comment only at the start of a word (a.jsonl#1 is a word)
    return [shlex.split(re.sub(r"(^|\s)#.*$", "", ln)) for ln in block.group(1).splitlines()
            if ln.strip()]


@pytest.mark.slow
def test_readme_commands_work_in_order(tmp_path: Path) -> None:
    """Every command of the README, as written, in order, in a folder holding examples/."""
    import os
    import subprocess
    import sys
    import time

    import httpx

    root = Path(__file__).parent.parent
    (tmp_path / "examples").symlink_to(root / "examples")
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("BAOGAO_DB", None)
    commands = _using_it_commands()
    assert commands[0][0] == "source" and commands[1][0] == "export"
    for words in commands:
        if words[0] == "source":
            assert words[1] == ".venv/bin/activate"
            continue
        if words[0] == "export" and "=" in words[1]:
            name, value = words[1].split("=", 1)
            env[name] = value.replace("$PWD", str(tmp_path))
            continue
        assert words[0] == "baogao", words
        cmd = [sys.executable, "-m", "baogao", *words[1:]]
        if words[1] == "serve":
            port = words[words.index("--port") + 1]
            proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE)
            try:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                        break
                    except httpx.HTTPError:
                        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                        assert time.monotonic() < deadline, "serve did not answer"
                        time.sleep(0.3)
                assert page.status_code == 200
            finally:
                proc.terminate()
                proc.wait(20)
            continue
        result = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True,
                                timeout=600, check=False)
        assert result.returncode == 0, f"{' '.join(words)}: {result.stderr}"
        if words[1] != "rm":
            assert result.stdout.strip() or result.stderr.strip(), words
        if words[1] in ("ls", "track", "search"):
            assert len(result.stdout.strip().splitlines()) >= 2, (words, result.stdout)
    assert (tmp_path / "demo.db").exists()
    assert not (tmp_path / "baogao.db").exists()
    for made in ("facts.dta", "gdp.svg", "panel.dta"):
        assert (tmp_path / made).stat().st_size > 0, made
