"""The ``baogao`` command line: thin commands over the library API.

Each submodule registers its commands on ``app``; ``main`` maps library errors to a one-line
message and exit status 1 (2 for usage errors, as Typer does).
"""

from __future__ import annotations

import logging
import sys
import traceback
from typing import Any

from rich.markup import escape

from baogao.cli import facts as _facts  # noqa: F401

# Submodules register their commands on import.
from baogao.cli import library as _library  # noqa: F401
from baogao.cli.common import app, err_console, tidy_help
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
    """The Click command behind ``baogao``, with plain-word metavars in its help."""
    import typer.main

    return tidy_help(typer.main.get_command(app))


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
