"""``baogao facts`` (straight from files, the fixed contract) and ``baogao export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from baogao.cli.common import DbOption, Format, app, err_console, open_library, render

if TYPE_CHECKING:
    from baogao.models import Fact
from baogao.store.export import FORMATS, write_table

#: Column order of the facts contract (shared/spec/facts.md) followed by the extras.
FACT_COLUMNS = ["source", "row", "region", "year", "indicator", "name", "kind", "estimated",
                "period", "value", "unit", "bound", "text", "evidence", "start", "end",
                "value_high", "attribute", "doc_id"]
#: With ``--all``: the open-vocabulary fields after the contract ones.
ALL_FACT_COLUMNS = [*FACT_COLUMNS, "key", "action", "scope", "open_vocabulary"]

export_app = typer.Typer(help="Export library tables (CSV, Parquet, XLSX, Stata).",
                         no_args_is_help=True)
app.add_typer(export_app, name="export")


@app.command()
def facts(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of reports.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl, csv, json or table")
                   ] = Format.jsonl,
    indicator: Annotated[str | None, typer.Option(help="Only this indicator id.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Also every other number with a unit "
                                        "(open-vocabulary facts with key, action, scope).")
                     ] = False,
) -> None:
    """Print every indicator value and target found in the reports under PATHS.

    Output follows the facts contract: one JSON object per fact with source, row, region,
    year, indicator, name, kind, estimated, period, value, unit, bound, text, evidence,
    start, end. Bad files are reported on stderr and the exit status is 1.
    """
    from baogao.library import parse_file
    from baogao.read import iter_files

    rows: list[dict[str, object]] = []
    failed = False
    for path, display in iter_files([Path(p) for p in paths]):
        parsed = parse_file(str(path), display)
        for error in parsed.errors:
            err_console.print(f"error: {error}", highlight=False)
            failed = True
        for _, doc_facts, _ in parsed.items:
            batch = [f.full() if every else f.contract() for f in doc_facts
                     if (not indicator or f.indicator == indicator)
                     and (every or not f.open_vocabulary)]
            if fmt is Format.jsonl:
                render(batch, fmt, ALL_FACT_COLUMNS if every else FACT_COLUMNS)
                sys.stdout.flush()
            else:
                rows.extend(batch)
    if fmt is not Format.jsonl:
        columns = ALL_FACT_COLUMNS if every else FACT_COLUMNS
        render(rows, fmt, columns if fmt is not Format.table else
               ["region", "year", "indicator", "name", "kind", "period", "value", "unit",
                "bound", "text"])
    if failed:
        raise typer.Exit(1)


def fact_rows(items: list[Fact]) -> list[dict[str, object]]:
    """Facts as contract dicts."""
    return [f.contract() for f in items]


@export_app.command("facts")
def export_facts(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=", ".join(FORMATS))] = "csv",
    output: Annotated[str | None, typer.Option("--output", "-o", help="Output file "
                      "(default facts.<format>).")] = None,
    region: Annotated[str | None, typer.Option(help="Only this region.")] = None,
    indicator: Annotated[str | None, typer.Option(help="Only this indicator id.")] = None,
    kind: Annotated[str | None, typer.Option(help="actual or target.")] = None,
    period: Annotated[int | None, typer.Option(help="Only values about this year.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Also every other number with a unit "
                                        "(open-vocabulary facts).")] = False,
) -> None:
    """Export the library's facts for Stata, pandas, Excel or R."""
    with open_library(db) as lib:
        items = lib.facts(region=region, indicator=indicator, kind=kind, period=period,
                          include_open=every)
    rows = [f.full() for f in items] if every else fact_rows(items)
    out = write_table(rows, ALL_FACT_COLUMNS if every else FACT_COLUMNS,
                      output or f"facts.{fmt}", fmt)
    err_console.print(f"wrote {len(items)} facts to {out}", highlight=False)
