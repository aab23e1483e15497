"""The ``baogao`` command line: thin commands over the library API.

Each submodule registers its commands on ``app``; ``main`` maps library errors to a one-line
message and exit status 1 (2 for usage errors, as Typer does).
"""

from __future__ import annotations

import logging
import sys
import traceback
from typing import Any

from baogao.cli import facts as _facts  # noqa: F401

# Submodules register their commands on import.
from baogao.cli import library as _library  # noqa: F401
from baogao.cli.coerce import light
from baogao.cli.common import app, err_console, escape, tidy_help
from baogao.errors import BaogaoError

__all__ = ["app", "command", "main"]


def _register_optional() -> None:
    """Commands of later stages (search, track, web) register when their modules exist."""
    import importlib

    for name in ("analysis", "search", "web", "batch"):
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise


_register_optional()


def command() -> Any:
    """The Click command behind ``baogao``, with plain-word metavars in its help.

    Typer turns every command's signature into Click parameters (string annotations
    evaluated one by one); for 18 commands that was a third of ``baogao --help``. The group
    is built with its own options only, and each command when it is run or its help is
    asked for; the command list of ``--help`` reads names and help texts, which need no
    parameters (``_LazyGroup``).
    """
    import typer
    import typer.main

    shell = typer.Typer()
    shell.info = app.info
    shell.registered_callback = app.registered_callback
    shell.pretty_exceptions_short = app.pretty_exceptions_short
    shell.rich_markup_mode = app.rich_markup_mode
    shell._add_completion = app._add_completion
    group = typer.main.get_command(shell)
    group.__class__ = _lazy_group_class()
    group.lazy_entries = _entries()  # type: ignore[attr-defined]
    return tidy_help(light(group))


def _entries() -> dict[str, tuple[Any, Any]]:
    """Each command of ``app`` by name: a builder of the real command and a stand-in that
    carries only what the command list shows (help, short help, hidden, deprecated)."""
    import inspect

    import typer.main
    from typer.core import TyperCommand

    short, markup = app.pretty_exceptions_short, app.rich_markup_mode
    entries: dict[str, tuple[Any, Any]] = {}
    for info in app.registered_commands:
        assert info.callback is not None
        name = info.name or typer.main.get_command_name(info.callback.__name__)
        text = inspect.cleandoc(info.help) if info.help is not None else \
            inspect.getdoc(info.callback)
        stub = TyperCommand(name, help=text, short_help=info.short_help, hidden=info.hidden,
                             deprecated=info.deprecated)
        entries[name] = (lambda i=info: typer.main.get_command_from_info(
            i, pretty_exceptions_short=short, rich_markup_mode=markup), stub)
    for group_info in app.registered_groups:
        solved = typer.main.solve_typer_info_defaults(group_info)
        assert solved.name
        stub = TyperCommand(solved.name, help=solved.help, short_help=solved.short_help,
                             hidden=bool(solved.hidden), deprecated=bool(solved.deprecated))
        entries[solved.name] = (
            lambda g=group_info: typer.main.get_group_from_info(
                g, suggest_commands=app.suggest_commands, pretty_exceptions_short=short,
                rich_markup_mode=markup), stub)
    return entries


def _lazy_group_class() -> type:
    from typer.core import TyperGroup

    class _LazyGroup(TyperGroup):
        """A Typer group whose commands are built on first use (see ``command``)."""

        lazy_entries: dict[str, tuple[Any, Any]]
        listing = False

        def list_commands(self, ctx: Any) -> list[str]:
            return list(self.lazy_entries)

        def get_command(self, ctx: Any, cmd_name: str) -> Any:
            entry = self.lazy_entries.get(cmd_name)
            if entry is None:
                return None
            if self.listing:
                return entry[1]
            if cmd_name not in self.commands:
                self.commands[cmd_name] = tidy_help(light(entry[0]()))
            return self.commands[cmd_name]

        def resolve_command(self, ctx: Any, args: list[str]) -> Any:
            # Typer suggests names from the commands built so far: offer every name
            built = self.commands
            self.commands = {name: built.get(name) or entry[1]
                             for name, entry in self.lazy_entries.items()}
            self.listing = True
            try:
                super().resolve_command(ctx, args)  # an unknown name fails here, with hints
            finally:
                self.commands, self.listing = built, False
            return super().resolve_command(ctx, args)

        def format_commands(self, ctx: Any, formatter: Any) -> None:
            self.listing = True
            try:
                super().format_commands(ctx, formatter)
            finally:
                self.listing = False

    return _LazyGroup


def main() -> None:
    """Entry point of the ``baogao`` script."""
    try:
        command()(prog_name="baogao")
    except BaogaoError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        logging.getLogger(__name__).info("interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug: one line, the traceback only with -vv
        if logging.getLogger().isEnabledFor(logging.DEBUG):
            traceback.print_exc()
        err_console.print(f"[red]error:[/red] internal error ({type(exc).__name__}); please "
                          "report it; `baogao -vv …` shows the traceback", highlight=False)
        sys.exit(1)
