"""Shared CLI pieces: the Typer app, options, and renderers for table/jsonl/csv/json."""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:  # the library (and its segmenter) loads when a command opens it
    from baogao.library import Library

app = typer.Typer(
    name="baogao",
    help="报告 — turn Chinese government work reports into structured, verifiable data.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain click help: no markdown renderer to import at start-up
    pretty_exceptions_enable=False,
)
class _LazyConsole:
    """A rich ``Console`` made on first use: rich loads when a command prints, not for
    ``--help``."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return getattr(self._console, name)


console: Any = _LazyConsole()
err_console: Any = _LazyConsole(stderr=True, soft_wrap=True)


def escape(text: str) -> str:
    """``rich.markup.escape``, imported on first use."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Library file (default: $BAOGAO_DB, else ./baogao.db).",
                 show_default=False),
]


class Format(str, Enum):
    """Output formats of listing commands."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


@app.callback()
def _root(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True,
                                         help="More logging (-v info, -vv debug).")] = 0,
    limits: Annotated[list[str] | None, typer.Option(
        "--limit", metavar="NAME=VALUE",
        help="Raise or lower an input limit (see `baogao limits`), e.g. "
             "--limit max_file_bytes=1G.")] = None,
) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    from baogao.settings import override

    for assignment in limits or []:
        override(assignment)


def open_library(db: str | None, *, readonly: bool = False) -> Library:
    """The library at ``db`` or the default path."""
    from baogao.library import Library, default_db_path

    return Library(db or default_db_path(), readonly=readonly)


def render(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str],
           title: str | None = None) -> None:
    """Print rows as a rich table, JSON lines, CSV or a JSON array."""
    if fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is Format.json:
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.csv:
        all_cols = list(columns) + [k for k in (rows[0] if rows else {}) if k not in columns]
        writer = csv.DictWriter(sys.stdout, fieldnames=all_cols, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    elif len(rows) > FAST_TABLE_ROWS:
        fast_table(rows, columns, title)
    else:
        from rich.table import Table
        from rich.text import Text

        table = Table(title=title, show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*(Text("" if row.get(c) is None else str(row.get(c)))
                            for c in columns))  # Text: data is never read as markup
        console.print(table)


#: Above this many rows, tables print as aligned plain text (rich lays out every cell).
FAST_TABLE_ROWS = 200
_CELL_WIDTH = 40
_CONTROL = dict.fromkeys(range(32), " ")


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value).translate(_CONTROL)
    if len(text) > _CELL_WIDTH and _width(text) > _CELL_WIDTH:
        while _width(text) > _CELL_WIDTH - 1:
            text = text[:-1]
        text += "…"
    return text


def fast_table(rows: Sequence[dict[str, Any]], columns: Sequence[str],
               title: str | None = None) -> None:
    """Rows as an aligned plain-text table (wide characters count two columns); cells are
    cut at 40 columns. Data is written as is, never read as markup."""
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([_width(c), *(_width(r[i]) for r in cells)]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))

    out = [title] if title else []
    out += [line(list(columns)).rstrip(), "  ".join("-" * w for w in widths)]
    out += [line(r).rstrip() for r in cells]
    sys.stdout.write("\n".join(out) + "\n")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value
