"""The README documents every command and setting; the public API is what __all__ says."""

from __future__ import annotations

import re
from pathlib import Path

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
