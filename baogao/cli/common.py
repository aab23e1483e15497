"""Shared CLI pieces: the Typer app, options, value choices, and the output renderers.

Every option with a fixed set of values is an ``Enum`` (Click checks it and lists the values
in the error and in ``--help``); help text is printed without rich markup so that words in
brackets (``source[#row]``, ``{topic: [words]}``) survive.
"""

from __future__ import annotations

import csv
import difflib
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from baogao.errors import QueryError, StoreError
from baogao.labels import indicator_by_name, plain_number

if TYPE_CHECKING:  # the library (and its segmenter) loads when a command opens it
    from rich.console import Console

    from baogao.library import Library

log = logging.getLogger("baogao.cli")

app = typer.Typer(
    name="baogao",
    help="报告 — turn Chinese government work reports into structured, verifiable data.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain click help: no markdown renderer to import at start-up
    pretty_exceptions_enable=False,
)


class _LazyConsole:
    """A ``rich.console.Console`` made on first use: rich costs a tenth of a second to import,
    and ``baogao --help`` (or a command that prints JSON) never needs it."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    def real(self) -> Console:
        """The console itself, for rich objects that use it as a context manager."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)


def real_console(lazy: Console) -> Console:
    """The rich console behind ``console`` or ``err_console`` (made now if not yet)."""
    return lazy.real() if isinstance(lazy, _LazyConsole) else lazy


console = cast("Console", _LazyConsole())
err_console = cast("Console", _LazyConsole(stderr=True, soft_wrap=True))


def escape(text: str) -> str:
    """Text with its rich markup escaped (``rich.markup.escape``, imported when used)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Library file (default: $BAOGAO_DB, else ./baogao.db).",
                 show_default=False, metavar="PATH"),
]


class Format(str, Enum):
    """Output formats of listing commands."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


class DocType(str, Enum):
    """Document types."""

    work_report = "work_report"
    plan_report = "plan_report"
    budget_report = "budget_report"
    public_report = "public_report"
    npc_resolution = "npc_resolution"
    other = "other"


class Level(str, Enum):
    """Administrative levels."""

    national = "national"
    province = "province"
    city = "city"
    district = "district"


class Kind(str, Enum):
    """Target or actual values."""

    target = "target"
    actual = "actual"


class Role(str, Enum):
    """Section roles of the outline."""

    review = "review"
    plan = "plan"
    self_building = "self_building"
    glossary = "glossary"
    appendix = "appendix"
    other = "other"


class Verdict(str, Enum):
    """Verdicts of target tracking."""

    met = "met"
    missed = "missed"
    partly = "partly"
    unverifiable = "unverifiable"


class ExportFormat(str, Enum):
    """File formats of exports."""

    csv = "csv"
    parquet = "parquet"
    xlsx = "xlsx"
    dta = "dta"
    jsonl = "jsonl"


#: The file formats of ``store.export.FORMATS``, named here so that help text needs no store.
EXPORT_FORMATS = tuple(f.value for f in ExportFormat)


def value_of(choice: Enum | None) -> str | None:
    """The string value of an optional Enum option."""
    return None if choice is None else str(choice.value)


def _version(value: bool) -> None:
    if value:
        from baogao import __version__

        typer.echo(f"baogao {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True,
                                         help="More logging on stderr: -v shows the library "
                                         "opened, counts and timings; -vv adds debug detail "
                                         "(regions matched, files read, tracebacks).")] = 0,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    limits: Annotated[list[str] | None, typer.Option(
        "--limit", metavar="NAME=VALUE",
        help="Raise or lower an input limit (see `baogao limits`), e.g. "
             "--limit max_file_bytes=1G.")] = None,
) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        datefmt="%H:%M:%S")
    if verbose:
        started = time.perf_counter()
        ctx.call_on_close(lambda: log.info("%s done in %.2f s", ctx.invoked_subcommand or "",
                                           time.perf_counter() - started))
    from baogao.settings import override

    for assignment in limits or []:
        override(assignment)


def library_path(db: str | None) -> tuple[Path, str]:
    """The library file to open and where its name came from (--db, $BAOGAO_DB, default)."""
    if db:
        return Path(db), "--db"
    env = os.environ.get("BAOGAO_DB")
    if env:
        return Path(env), "$BAOGAO_DB"
    from baogao.library import DEFAULT_DB

    return Path(DEFAULT_DB), "default"


def open_library(db: str | None, *, readonly: bool = False, create: bool = False) -> Library:
    """The library at ``db`` (or $BAOGAO_DB, or ./baogao.db).

    Only ``ingest`` creates a missing library (``create=True``); every other command refuses
    one with a message naming the full path, so a mistyped ``--db`` cannot silently open an
    empty library. A relative ``$BAOGAO_DB`` is reported with the file it resolved to.
    """
    path, origin = library_path(db)
    full = path.resolve()
    if origin == "$BAOGAO_DB" and not path.is_absolute():
        err_console.print("[dim]" + escape(f"library {full} ($BAOGAO_DB={path} in {Path.cwd()})")
                          + "[/dim]",
                          highlight=False)
    if not create and not path.exists():
        hint = {"--db": "check the --db path",
                "$BAOGAO_DB": f"$BAOGAO_DB is {os.environ.get('BAOGAO_DB')!r}",
                "default": "pass --db PATH or set $BAOGAO_DB"}[origin]
        raise StoreError(f"no library at {full} ({hint}); `baogao ingest REPORTS --db "
                         f"{path}` creates one")
    from baogao.library import Library

    lib = Library(str(path), readonly=readonly)
    log.info("library %s (%s): %d documents", full, origin, lib.store.count())
    return lib


def resolve_regions(lib: Library, name: str | None) -> tuple[str, ...] | None:
    """The stored regions ``name`` denotes (None: no region filter).

    Prints a note on stderr when the library holds nothing of that region.
    """
    if not name:
        return None
    regions = lib.regions(name)
    log.debug("region %r matches %s", name, ", ".join(regions) or "nothing")
    if not regions:
        err_console.print(f"[yellow]note:[/yellow] the library has no documents of region "
                          f"{escape(repr(name))}", highlight=False)
    return regions


def indicator_id(value: str | None) -> str | None:
    """An indicator given by id (gdp_growth) or Chinese name/alias (地区生产总值增长).

    An unknown name is a ``QueryError`` that lists the closest ids.
    """
    if not value:
        return None
    from baogao.extract import load_catalog

    found = indicator_by_name(value)
    if found:
        return found
    catalog = load_catalog()
    names = {**{i: i for i in catalog}, **{ind.name: i for i, ind in catalog.items()}}
    close = difflib.get_close_matches(value, list(names), n=5, cutoff=0.4)
    hint = ", ".join(dict.fromkeys(f"{names[c]} ({catalog[names[c]].name})" for c in close))
    raise QueryError(f"unknown indicator {value!r}; " + (f"did you mean {hint}? " if hint else "")
                     + "`baogao indicators` lists them all")


def short_id(value: Any) -> str:
    """The first 8 digits of a document id: enough for ``show`` and readable in a table."""
    return str(value)[:8] if value else ""


#: Columns at most this wide (in terminal cells) are never shortened in tables.
SHORT_COLUMN = 14


def fit_widths(lines: Sequence[Sequence[str]], total: int,
               natural: Sequence[int] | None = None) -> list[int]:
    """Column widths that fit ``total`` cells: short columns keep their width, the widest
    shrink first (to no less than ``SHORT_COLUMN``), and if that is not enough every column
    shrinks evenly. ``natural``: the widest cell of each column, when already measured."""
    if natural is None:
        natural = [max(_width(line[i]) for line in lines) for i in range(len(lines[0]))]
    widths = list(natural)
    room = total - 2 * (len(widths) - 1) - 1
    while sum(widths) > room:
        i = max(range(len(widths)), key=lambda k: widths[k])
        if widths[i] <= SHORT_COLUMN:
            break
        widths[i] -= 1
    while sum(widths) > room and max(widths) > 3:
        i = max(range(len(widths)), key=lambda k: widths[k])
        widths[i] -= 1
    return widths


def render(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str],
           title: str | None = None) -> None:
    """Print rows as a table (one line per row), JSON lines, CSV or a JSON array.

    Table cells never wrap: long text ends in "…" so that every row stays on one line at 80
    columns; the other formats carry every field in full.
    """
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
    else:
        fast_table(rows, columns, title)
        if len(rows) > 1:
            note(f"{len(rows)} rows; -f csv or -f jsonl gives every field in full")


def note(text: str) -> None:
    """A line on stderr, dim on a terminal (written directly: rich is not loaded for it)."""
    sys.stderr.write((f"\x1b[2m{text}\x1b[0m" if _styled(sys.stderr) else text) + "\n")


def _styled(stream: Any) -> bool:
    """Whether ``stream`` is a terminal that shows styles (as rich decides: NO_COLOR and a
    dumb terminal turn them off)."""
    try:
        tty = bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
    return tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def screen_width() -> int:
    """The terminal's width in columns ($COLUMNS, else the terminal's, else 80)."""
    import shutil

    return shutil.get_terminal_size().columns


def _screen_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return plain_number(value)
    return str(value).translate(_CONTROL)


#: Above this many rows, cells are first cut at ``_CELL_WIDTH`` columns (their widths are
#: then measured on the cut text); shorter tables share the screen by content, as rich did.
LONG_TABLE_ROWS = 200
_CELL_WIDTH = 40
_CONTROL = dict.fromkeys(range(32), " ")


class _Columns(dict[int, str]):
    """Code point → the character (one column), or the character and a NUL (a wide or
    full-width character: two columns), filled on first sight: ``str.translate`` then
    measures and cuts a string in C (a loop over characters in Python took most of
    ``baogao ls``)."""

    def __missing__(self, code: int) -> str:
        import unicodedata

        ch = chr(code)
        value = ch + "\0" if unicodedata.east_asian_width(ch) in "WF" else ch
        self[code] = value
        return value


_COLUMNS = _Columns()


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text.translate(_COLUMNS))


def _cut(text: str, width: int) -> str:
    """``text`` if it fits ``width`` columns, else its longest start that fits with "…"."""
    if text.isascii() or "\0" in text:
        if _width(text) <= width:
            return text
        if text.isascii():
            return text[:max(width - 1, 0)] + "…"
        kept = ""  # NUL in the text itself (never in a table cell): character by character
        for ch in text:
            if _width(kept + ch) > width - 1:
                break
            kept += ch
        return kept + "…"
    spread = text.translate(_COLUMNS)  # each wide character followed by a NUL
    if len(spread) <= width:
        return text
    head = spread[:max(width - 1, 0)]
    if spread[len(head):len(head) + 1] == "\0":  # a wide character cut in half: drop it
        head = head[:-1]
    return head.replace("\0", "") + "…"


def _fitted(text: str, width: int) -> tuple[str, int]:
    """``_cut(text, width)`` and its width in columns."""
    n = _width(text)
    if n <= width:
        return text, n
    cut = _cut(text, width)
    return cut, _width(cut)


def fast_table(rows: Sequence[dict[str, Any]], columns: Sequence[str],
               title: str | None = None) -> None:
    """Rows as an aligned plain-text table (wide characters count two columns; the header
    bold and underlined on a terminal); in a long table cells are first cut at 40 columns;
    columns then share the terminal's width. Data is written as is, never read as markup.
    Written directly: laying out every cell with rich took most of ``baogao ls``."""
    cap = _CELL_WIDTH if len(rows) > LONG_TABLE_ROWS else 10_000
    cells = [[_fitted(_screen_cell(row.get(c)), cap) for c in columns] for row in rows]
    natural = [max([_width(str(c)), *(r[i][1] for r in cells)]) for i, c in enumerate(columns)]
    widths = fit_widths([], screen_width(), natural)
    cells = [[cell if cell[1] <= w else _fitted(cell[0], w)
              for cell, w in zip(r, widths, strict=True)] for r in cells]

    def line(values: Sequence[tuple[str, int]]) -> str:
        return "  ".join(v + " " * (w - n) for (v, n), w in zip(values, widths, strict=True))

    header = line([_fitted(c, w) for c, w in zip(columns, widths, strict=True)]).rstrip()
    out = [title] if title else []
    out += [f"\x1b[1m{header}\x1b[0m" if _styled(sys.stdout) else header,
            "  ".join("-" * w for w in widths)]
    out += [line(r).rstrip() for r in cells]
    sys.stdout.write("\n".join(out) + "\n")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value


def tidy_help(group: Any) -> Any:
    """Replace Typer's Python-type metavars (``<str>``, ``<list[str]>``) with plain words."""
    for param in group.params:
        if getattr(param, "is_flag", False) or getattr(param, "count", False):
            continue
        if param.metavar is None:
            desc = getattr(param, "type_descriptor", None)
            choices = getattr(desc, "choices", None) if desc is not None else None
            name = (param.name or "value").upper()
            if choices:
                param.metavar = "[" + "|".join(str(c.value if isinstance(c, Enum) else c)
                                               for c in choices) + "]"
            elif param.param_type_name == "argument":
                param.metavar = name
            else:
                param.metavar = name
        if param.param_type_name == "argument":
            param.display_type_rich = lambda ctx: ""  # the name says it; no "<str>"
    for command in getattr(group, "commands", {}).values():
        tidy_help(command)
    return group
