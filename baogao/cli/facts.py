"""``baogao facts`` (straight from files, the fixed contract) and ``baogao export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from baogao.cli.common import (
    DbOption,
    ExportFormat,
    Format,
    Kind,
    app,
    err_console,
    escape,
    indicator_id,
    open_library,
    render,
    resolve_regions,
    value_of,
)
from baogao.errors import QueryError

if TYPE_CHECKING:
    from baogao.models import Fact

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
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")
                   ] = Format.jsonl,
    indicator: Annotated[str | None, typer.Option(help="Only this indicator: id or Chinese "
                         "name (gdp_growth, 地区生产总值增长); `baogao indicators` lists them.")
                         ] = None,
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

    indicator = indicator_id(indicator)
    rows: list[dict[str, object]] = []
    failed = False
    for path, display in iter_files([Path(p) for p in paths]):
        parsed = parse_file(str(path), display)
        for error in parsed.errors:
            err_console.print(f"error: {escape(error)}", highlight=False)
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
    if fmt is Format.table:
        several = len({(r["source"], r["row"]) for r in rows}) > 1
        render([r | {"source": Path(str(r["source"])).name + (f"#{r['row']}" if r["row"] else "")}
                for r in rows], fmt,
               (["source"] if several else []) + ["region", "year", "name", "kind", "period",
                                                  "text"])
    elif fmt is not Format.jsonl:
        render(rows, fmt, ALL_FACT_COLUMNS if every else FACT_COLUMNS)
    if failed:
        raise typer.Exit(1)


def fact_rows(items: list[Fact]) -> list[dict[str, object]]:
    """Facts as contract dicts."""
    return [f.contract() for f in items]


@export_app.command("facts")
def export_facts(
    db: DbOption = None,
    fmt: Annotated[ExportFormat | None, typer.Option("--format", "-f", help="File format "
                   "(default: from the --output suffix, else csv).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Output file "
                      "(default facts.<format>; - writes to stdout).")] = None,
    region: Annotated[str | None, typer.Option(help="Only this region (short or full name); "
                      "a province or city includes the regions under it.")] = None,
    indicator: Annotated[str | None, typer.Option(help="Only this indicator: id or Chinese "
                         "name.")] = None,
    kind: Annotated[Kind | None, typer.Option(help="Only actual values or targets.")] = None,
    period: Annotated[int | None, typer.Option(help="Only values about this year.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Also every other number with a unit "
                                        "(open-vocabulary facts).")] = False,
) -> None:
    """Export the library's facts for Stata, pandas, Excel or R.

    Stata files carry variable labels, value labels for kind, bound and level, and the region
    code.
    """
    out_fmt = export_format(fmt, output)
    wanted = indicator_id(indicator)
    with open_library(db) as lib:
        regions = resolve_regions(lib, region)
        items = [f for r in (regions if regions is not None else (None,))
                 for f in lib.facts(region=r, indicator=wanted, kind=value_of(kind),
                                    period=period, include_open=every)]
    rows = [f.full() for f in items] if every else fact_rows(items)
    from baogao.store.export import write_table

    out = write_table(rows, ALL_FACT_COLUMNS if every else FACT_COLUMNS,
                      output or f"facts.{out_fmt}", out_fmt)
    err_console.print(f"wrote {len(items)} facts to {escape(str(out))}", highlight=False)


def export_format(fmt: ExportFormat | None, output: str | None) -> str:
    """The export format: --format, else the --output suffix, else csv."""
    if fmt is not None:
        return fmt.value
    suffix = Path(output).suffix.lstrip(".").lower() if output and output != "-" else ""
    if not suffix:
        return "csv"
    allowed = [f.value for f in ExportFormat]
    if suffix not in allowed:
        raise QueryError(f"cannot tell the format of {output!r}: use a file ending in "
                         f"{', '.join('.' + a for a in allowed)} or pass --format")
    return suffix


@app.command("indicators")
def indicators_command(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")
                   ] = Format.table,
) -> None:
    """List the indicator catalog: ids, Chinese names, units (any of them works in filters)."""
    from baogao.extract import load_catalog

    rows = [{"id": i.id, "name": i.name, "unit": i.unit, "better": i.better,
             "aliases": "|".join(i.aliases)} for i in load_catalog().values()]
    render(rows, fmt, ["id", "name", "unit", "better", "aliases"])
