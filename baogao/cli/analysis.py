"""``baogao track``, ``compare``, ``diff`` and ``attention``: thin commands over the library."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from baogao.cli.common import (
    EXPORT_FORMATS,
    DbOption,
    DocType,
    ExportFormat,
    Format,
    Kind,
    Verdict,
    app,
    console,
    err_console,
    escape,
    indicator_id,
    open_library,
    render,
    resolve_regions,
    value_of,
)
from baogao.cli.facts import export_app, export_format
from baogao.errors import QueryError

if TYPE_CHECKING:  # the analysis modules load when a command runs, not for --help
    from baogao.analyze.attention import Topic
    from baogao.analyze.diff import DocDiff

TRACK_TABLE = ["region", "period", "name", "target_text", "actual_text", "verdict"]
COMPARE_TABLE = ["region", "period", "text", "value", "year", "source"]
COMMITMENT_TABLE = ["region", "period", "object", "target_text", "actual_text", "verdict",
                    "reason"]


class DiffFormat(str, Enum):
    """Output formats of ``diff``."""

    table = "table"
    json = "json"


class PanelFormat(str, Enum):
    """Formats of ``attention``: on screen, or (with --output) a file."""

    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    parquet = "parquet"
    xlsx = "xlsx"
    dta = "dta"


@app.command("track")
def track_command(
    region: Annotated[str | None, typer.Argument(help="Region in any form (西城, 西城区, "
                      "北京市西城区); a province or city includes the regions under it; all "
                      "regions when left out.")] = None,
    indicator: Annotated[str | None, typer.Option(help="Only this indicator: id or Chinese "
                         "name.")] = None,
    period: Annotated[int | None, typer.Option(help="Only targets about this year.")] = None,
    verdict: Annotated[Verdict | None, typer.Option(help="Only rows with this verdict.")
                       ] = None,
    fmt: Annotated[Format | None, typer.Option("--format", "-f", help="Output format (default "
                                               "table; jsonl with --commitments).")] = None,
    commitments: Annotated[bool, typer.Option("--commitments", help="Track every commitment "
                                              "(plan targets, 民生实事 items) against the next "
                                              "year's report instead of catalog targets.")
                           ] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="With --commitments: at most this "
                     "many rows (default: all).")] = None,
    offset: Annotated[int, typer.Option(min=0, help="With --commitments: skip this many rows "
                      "first (with --limit, one page at a time).")] = 0,
    db: DbOption = None,
) -> None:
    """Check every target against the result reported later: met, missed, partly, unverifiable.

    Each row carries the target's and the result's sentences as evidence. With
    --commitments: one JSON line per commitment of year N with what the report of year N+1
    says (met, partly, missed, done or unreported) and a reason in Chinese; --limit and
    --offset take one page of them (the counts printed with --format table cover all).
    """
    if commitments:
        _track_commitments(region, period, value_of(verdict), fmt or Format.jsonl, db,
                           limit=limit, offset=offset)
        return
    fmt = fmt or Format.table
    from baogao.analyze.track import TRACK_COLUMNS, summarize, track, track_row_dict

    wanted = indicator_id(indicator)
    with open_library(db) as lib:
        regions = resolve_regions(lib, region)
        rows = [row for r in (regions if regions is not None else (None,))
                for row in track(lib, r, indicator=wanted, period=period,
                                 verdict=value_of(verdict))]  # type: ignore[arg-type]
    dicts = [track_row_dict(r) for r in rows]
    render(dicts, fmt, TRACK_TABLE if fmt is Format.table else TRACK_COLUMNS)
    if fmt is Format.table:
        counts = summarize(rows)
        err_console.print(", ".join(f"{k} {v}" for k, v in counts.items()), highlight=False)


def _track_commitments(region: str | None, period: int | None, verdict: str | None,
                       fmt: Format, db: str | None, *, limit: int | None = None,
                       offset: int = 0) -> None:
    from baogao.analyze.commitment_rows import (
        COMMITMENT_COLUMNS,
        VERDICT_LABELS,
        VERDICTS,
        commitment_row_dict,
    )

    if verdict not in (None, *VERDICTS):
        raise QueryError(f"unknown verdict {verdict!r}; use {', '.join(VERDICTS)}")
    with open_library(db) as lib:
        found = lib.commitment_page(region, period=period, verdict=verdict, limit=limit,
                                    offset=offset)
    dicts = [commitment_row_dict(r) for r in found.rows]
    render(dicts, fmt, COMMITMENT_TABLE if fmt is Format.table else COMMITMENT_COLUMNS)
    if fmt is Format.table:
        counts: dict[str, int] = dict(found.counts)
        if verdict is not None:  # the rows of that verdict
            counts = {**dict.fromkeys(VERDICTS, 0), verdict: found.total, "total": found.total}
        err_console.print(", ".join(f"{VERDICT_LABELS.get(k, '共')} {v}"
                                    for k, v in counts.items()), highlight=False)


@export_app.command("commitments")
def export_commitments(
    db: DbOption = None,
    fmt: Annotated[ExportFormat | None, typer.Option("--format", "-f", help="File format "
                   "(default: from the --output suffix, else csv).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Output file "
                      "(default commitments.<format>; - writes to stdout).")] = None,
    region: Annotated[str | None, typer.Argument(help="Region in any form (西城, 吉林省); "
                      "all regions when left out.")] = None,
    period: Annotated[int | None, typer.Option(help="Only commitments for this year.")
                      ] = None,
    verdict: Annotated[str | None, typer.Option(help="Only rows with this verdict (met, "
                       "partly, missed, done, unreported).")] = None,
) -> None:
    """Export every commitment with its result (the rows of ``track --commitments``) to
    CSV, XLSX, Parquet, Stata or JSON lines."""
    from baogao.analyze.commitment_rows import COMMITMENT_COLUMNS, VERDICTS, commitment_row_dict

    if verdict not in (None, *VERDICTS):
        raise QueryError(f"unknown verdict {verdict!r}; use {', '.join(VERDICTS)}")
    out_fmt = export_format(fmt, output)
    with open_library(db) as lib:
        rows = lib.track_commitments(region, period=period, verdict=verdict)
    from baogao.store.export import write_table

    out = write_table([commitment_row_dict(r) for r in rows], COMMITMENT_COLUMNS,
                      output or f"commitments.{out_fmt}", out_fmt)
    err_console.print(f"wrote {len(rows)} commitments to {escape(str(out))}", highlight=False)


@app.command("compare")
def compare_command(
    indicator: Annotated[str, typer.Option(help="Indicator: id or Chinese name (gdp_growth, "
                         "地区生产总值增长); `baogao indicators` lists them.")],
    kind: Annotated[Kind, typer.Option(help="Targets or actual values.")] = Kind.target,
    period: Annotated[int | None, typer.Option(help="Year the values are about: one row "
                                                    "per region.")] = None,
    region: Annotated[str | None, typer.Option(help="A region (short or full name): its "
                      "series over the years; with --period, it and the regions under it.")
                      ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")
                   ] = Format.table,
    chart: Annotated[str | None, typer.Option(help="Also draw a chart into this .svg file "
                     "(SVG only).", metavar="FILE.svg")] = None,
    db: DbOption = None,
) -> None:
    """Regions side by side for one year (--period), or one region over the years (--region)."""
    from baogao.analyze.charts import KIND_LABELS, compare_chart, write_svg
    from baogao.analyze.compare import COMPARE_COLUMNS, compare, indicator_label
    from baogao.extract import load_catalog

    if chart and Path(chart).suffix.lower() != ".svg":
        raise QueryError(f"--chart {chart}: charts are drawn as SVG; name the file *.svg "
                         "(a browser or `rsvg-convert -o out.png chart.svg` turns it into PNG)")
    indicator = indicator_id(indicator) or indicator
    with open_library(db) as lib:
        regions = resolve_regions(lib, region)
        if regions is None:
            rows = compare(lib, indicator, kind=kind.value, period=period)
        elif period is None:
            rows = compare(lib, indicator, kind=kind.value, region=regions[0]) if regions \
                else []
            if len(regions) > 1:
                err_console.print(f"series of {escape(regions[0])}; regions under it: pass "
                                  "--period to see them side by side", highlight=False)
        else:
            rows = [row for r in regions
                    for row in compare(lib, indicator, kind=kind.value, period=period,
                                       region=r)]
    render([r.as_dict() for r in rows], fmt,
           COMPARE_TABLE if fmt is Format.table else COMPARE_COLUMNS)
    if chart:
        unit = load_catalog()[indicator].unit
        place = rows[0].region if rows and region else ""
        title = " ".join(x for x in (str(period) if period else "", place,
                                     indicator_label(indicator), KIND_LABELS[kind.value]) if x)
        out = write_svg(compare_chart(rows, title=title, unit=unit),
                        chart)
        err_console.print(f"chart written to {escape(str(out))}", highlight=False)


@app.command("diff")
def diff_command(
    doc_a: Annotated[str, typer.Argument(help="The earlier report: id, id prefix or "
                                              "source[#row].")],
    doc_b: Annotated[str, typer.Argument(help="The later report.")],
    dictionary: Annotated[str | None, typer.Option("--dict", help="Topic dictionary file "
                                                   "(JSON or topic<TAB>words).")] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = DiffFormat.table,
    top: Annotated[int, typer.Option(min=0, help="Topics shown rising and falling.")] = 5,
    db: DbOption = None,
) -> None:
    """What changed between two reports: targets, glossary terms, topics."""
    from baogao.analyze.attention import load_topics
    from baogao.analyze.diff import diff_documents

    topics = load_topics(dictionary) if dictionary else None
    with open_library(db) as lib:
        result = diff_documents(lib, doc_a, doc_b, topics=topics)
    if fmt is DiffFormat.table:
        _print_diff(result, top)
    else:
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")


def _print_diff(result: DocDiff, top: int) -> None:
    def ref(doc: object) -> str:
        d = vars(doc)
        return f"{d['region']} {d['year']} {d['doc_type']} ({d['source']})"

    console.print(f"A: {ref(result.a)}\nB: {ref(result.b)}", highlight=False, markup=False)
    rows = [{"change": t.change, "indicator": t.indicator or t.name, "A": t.a_text,
             "B": t.b_text} for t in result.targets]
    render(rows, Format.table, ["change", "indicator", "A", "B"], title="targets")
    console.print(f"terms new ({len(result.terms_new)}): " + "、".join(result.terms_new),
                  highlight=False, markup=False)
    console.print(f"terms gone ({len(result.terms_gone)}): " + "、".join(result.terms_gone),
                  highlight=False, markup=False)
    shifts = [{"topic": f"{s.label} ({s.topic})", "A": s.a_rate, "B": s.b_rate,
               "change": s.delta} for s in [*result.rising[:top], *result.falling[:top]]]
    render(shifts, Format.table, ["topic", "A", "B", "change"],
           title="topics rising and falling (per 10,000 characters)")


@app.command("attention")
def attention_command(
    dictionary: Annotated[str | None, typer.Option("--dict", help="Your topic dictionary: "
                          "JSON {topic: [words]}, a topic<TAB>word1 word2 file, or a folder "
                          "of .txt files. Default: the shipped dictionaries.")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write the panel to "
                      "this file (.csv .parquet .xlsx .dta .jsonl).")] = None,
    fmt: Annotated[PanelFormat | None, typer.Option("--format", "-f", help="table, csv, json, "
                   "jsonl on screen; with --output: " + ", ".join(EXPORT_FORMATS)
                   + " (default: the file's suffix).")] = None,
    region: Annotated[str | None, typer.Option(help="Only this region (short or full name); "
                      "a province or city includes the regions under it.")] = None,
    doc_type: Annotated[list[DocType] | None, typer.Option("--doc-type", help="Document types "
                        "pooled (repeatable); default work_report.")] = None,
    per_document: Annotated[bool, typer.Option("--per-document", help="One row per "
                            "document instead of the region × year panel.")] = False,
    counts: Annotated[bool, typer.Option("--counts", help="Add n_<topic> hit counts.")
                      ] = False,
    db: DbOption = None,
) -> None:
    """Topic attention per 10,000 characters: a region × year panel (Aho–Corasick counts)."""
    from baogao.analyze.attention import (
        PANEL_DOC_TYPES,
        attention_documents,
        documents_table,
        load_topics,
        panel_table,
        pool_panel,
    )

    topics = load_topics(dictionary)
    types = [t.value for t in doc_type] if doc_type else list(PANEL_DOC_TYPES)
    with open_library(db) as lib:
        regions = resolve_regions(lib, region)
        items = [item for r in (regions if regions is not None else (None,))
                 for item in attention_documents(lib, topics, region=r, doc_types=types)]
    if per_document:
        rows, columns = documents_table(items, topics)
    else:
        rows, columns = panel_table(pool_panel(items), topics, with_counts=counts)
    if output:
        if fmt is PanelFormat.table:
            raise QueryError("--format table is for the screen; with --output use one of "
                             + ", ".join(EXPORT_FORMATS))
        out_fmt = fmt.value if fmt else (Path(output).suffix.lstrip(".").lower() or "csv")
        from baogao.store.export import write_table

        path = write_table(rows, columns, output, out_fmt)
        err_console.print(f"{len(rows)} rows written to {escape(str(path))}", highlight=False)
        return
    try:
        screen = Format(fmt.value if fmt else "table")
    except ValueError as exc:
        raise QueryError(f"--format {fmt.value if fmt else ''} needs --output FILE; on screen "
                         "use table, csv, json or jsonl") from exc
    if screen is Format.table:
        rows, columns = top_topics(rows, columns, topics)
    render(rows, screen, columns)


def top_topics(rows: list[dict[str, object]], columns: list[str],
               topics: tuple[Topic, ...]) -> tuple[list[dict[str, object]], list[str]]:
    """The on-screen panel: the fixed columns and each row's three strongest topics."""
    ids = {t.id: t.label for t in topics}
    fixed = [c for c in columns if c not in ids and not c.startswith("n_")]
    out = []
    for row in rows:
        rates = sorted(((float(v), k) for k, v in row.items()
                        if k in ids and isinstance(v, int | float)), reverse=True)
        out.append({**{c: row.get(c) for c in fixed},
                    "top topics (per 10,000 chars)": "  ".join(f"{ids[k]} {v:.1f}"
                                                               for v, k in rates[:3])})
    return out, [*fixed, "top topics (per 10,000 chars)"]
