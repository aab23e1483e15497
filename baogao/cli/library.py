"""Commands over the library: ingest, ls, show, rm, reanalyse, upgrade."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from baogao.cli.common import (
    DbOption,
    DocType,
    Format,
    Level,
    app,
    console,
    err_console,
    escape,
    note,
    open_library,
    real_console,
    render,
    resolve_regions,
    short_id,
    value_of,
)

if TYPE_CHECKING:  # the library loads when a command runs, not for --help
    from baogao.library import Parsed
    from baogao.models import Document

LS_COLUMNS = ["id", "source", "row", "title", "region", "level", "year", "date", "speaker",
              "doc_type"]
#: The columns of the on-screen table (every field is in -f jsonl/csv/json).
LS_TABLE = ["id", "region", "year", "title", "source"]


class ShowFormat(str, Enum):
    """Output formats of ``show``."""

    table = "table"
    json = "json"


def document_summary(doc: Document) -> dict[str, object]:
    """The listing fields of a document (the ``baogao ls`` line)."""
    return doc.summary()


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (searched recursively).")],
    db: DbOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Parallel parsing processes.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read reports into the library (one transaction per document; re-ingesting is a no-op)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from baogao.read import iter_files

    with open_library(db, create=True) as lib:
        total = sum(1 for _ in iter_files([__import__("pathlib").Path(p) for p in paths]))
        progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=real_console(err_console),
                            disable=quiet,
                            transient=True)
        with progress:
            task = progress.add_task("ingesting", total=total)

            def on_file(parsed: Parsed) -> None:
                for error in parsed.errors:
                    progress.console.print(f"[red]error:[/red] {escape(error)}", highlight=False)
                for warning in parsed.warnings:
                    progress.console.print(f"[yellow]warning:[/yellow] {escape(warning)}",
                                           highlight=False)
                progress.advance(task)

            report = lib.ingest(paths, jobs=jobs, on_file=on_file)
        err_console.print(
            f"{report.files} files, {report.documents} documents: {report.added} added, "
            f"{report.unchanged} unchanged, {len(report.errors)} errors, "
            f"{len(report.warnings)} warnings; "
            f"{report.facts} facts, {report.terms} glossary terms; "
            f"library now holds {lib.store.count()} documents ({escape(lib.store.path)})",
            highlight=False,
        )
    if not report.ok:
        raise typer.Exit(1)


@app.command("ls")
def list_documents(
    db: DbOption = None,
    region: Annotated[str | None, typer.Option(help="Region: short or full name (北京, 北京市, "
                      "西城区); a province or city includes the regions under it.")] = None,
    year: Annotated[int | None, typer.Option(help="Year delivered.")] = None,
    doc_type: Annotated[DocType | None, typer.Option("--type", help="Document type.")] = None,
    level: Annotated[Level | None, typer.Option(help="Administrative level.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")
                   ] = Format.table,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1,
                                              help="At most this many documents.")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many first.")] = 0,
) -> None:
    """List the documents in the library, newest first (--limit/--offset page through)."""
    from baogao.store import DocumentFilter

    with open_library(db) as lib:
        regions = resolve_regions(lib, region)
        if regions is None:
            flt = DocumentFilter(year=year, doc_type=value_of(doc_type), level=value_of(level),
                                 limit=limit, offset=offset, sections=False)
            docs = lib.documents(flt)
            total = lib.store.count_documents(flt) if limit or offset else len(docs)
        else:  # regions: the one asked for and those under it, paged here
            every = [d for d in lib.documents(DocumentFilter(
                year=year, doc_type=value_of(doc_type), level=value_of(level), sections=False))
                if d.region in regions]
            total = len(every)
            docs = every[offset:offset + limit if limit else None]
    rows = [document_summary(d) for d in docs]
    if fmt is Format.table:
        rows = [r | {"id": short_id(r["id"])} for r in rows]
    render(rows, fmt, LS_TABLE if fmt is Format.table else LS_COLUMNS)
    if len(docs) < total:
        note(f"documents {offset + 1}–{offset + len(docs)} of {total}"
             if docs else f"no documents past {offset} of {total}")


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="Document id (or prefix), or source[#row].")],
    db: DbOption = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = ShowFormat.table,
    text: Annotated[bool, typer.Option("--text", help="Also print the normalized text.")] = False,
) -> None:
    """Show a document's metadata and outline.

    DOC is a document id or a prefix of at least 4 characters, a stored source (with #row
    for a row of a collection file), or the path of an ingested file.
    """
    with open_library(db) as lib:
        d = lib.document(doc)
    outline = [
        {"index": s.index, "level": s.level, "marker": s.marker, "title": s.title,
         "role": s.role, "start": s.start, "end": s.end, "parent": s.parent}
        for s in d.sections
    ]
    if fmt is ShowFormat.json:
        data = document_summary(d) | {"chars": len(d.text), "paragraphs": len(d.paragraphs),
                                      "outline": outline}
        if text:
            data["text"] = d.text
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for key, value in document_summary(d).items():
        console.print(f"[bold]{key}[/bold]: {escape(str(value))}", highlight=False)
    console.print(f"[bold]paragraphs[/bold]: {len(d.paragraphs)}  [bold]chars[/bold]: "
                  f"{len(d.text)}")
    for s in d.sections:
        console.print(f"{'  ' * (s.level - 1)}{escape(s.marker)} {escape(s.title)}  "
                      f"[dim]({s.role})[/dim]", highlight=False)
    if text:
        console.print(d.text, highlight=False, markup=False)


@app.command("rm")
def remove(
    doc: Annotated[str, typer.Argument(help="Document id (or prefix), or source[#row].")],
    db: DbOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove one document and its facts, terms and index entries from the library.

    The reference must name exactly one document; an ambiguous one lists the candidates and
    removes nothing.
    """
    with open_library(db) as lib:
        [(doc_id, source, row)] = _one(lib.store.resolve(doc), doc)
        meta = lib.store.get_document(doc_id)
        what = (f"{doc_id}  {source}#{row}  {meta.region or '?'} {meta.year or '?'} "
                f"{meta.title or ''}").strip()
        if not yes and not typer.confirm(f"remove {what}?", default=False, err=True):
            err_console.print("nothing removed", highlight=False)
            raise typer.Exit(1)
        lib.store.delete(doc_id)
    err_console.print(f"removed {escape(what)}", highlight=False)


def _one(candidates: list[tuple[str, str, int]], ref: str) -> list[tuple[str, str, int]]:
    from baogao.errors import AmbiguousReference, NotFound

    if not candidates:
        raise NotFound(f"no document {ref!r} in the library; `baogao ls` lists them")
    if len(candidates) > 1:
        raise AmbiguousReference(ref, [f"{i}  {src}#{row}" for i, src, row in candidates])
    return candidates


@app.command("limits")
def show_limits(
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """The input limits, their values and how to change them (--limit NAME=VALUE or $ENV)."""
    from baogao.settings import describe

    render(describe(), fmt, ["name", "value", "default", "env", "help"])


@app.command()
def reanalyse(db: DbOption = None) -> None:
    """Re-extract facts and glossary terms of every stored document."""
    with open_library(db) as lib:
        n = lib.reanalyse()
    err_console.print(f"re-analysed {n} documents")


@app.command()
def upgrade(
    db: DbOption = None,
    check: Annotated[bool, typer.Option("--check", help="Only count the documents in an "
                                        "older layout; change nothing.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Rewrite a library written by an older baogao into the current layout, in place.

    Document text stored whole (as older versions did) is rewritten in compressed blocks of
    1,024 characters, so a search reads only the block holding each hit (3–4× faster
    on such a library); an older search index is rebuilt. Each batch of documents is one
    transaction: an interrupted upgrade leaves a readable library, and running it again goes
    on where it stopped (with nothing left, it changes nothing).
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from baogao.store.upgrade import old_layout_documents

    with open_library(db) as lib:
        if check:
            old = len(old_layout_documents(lib.store))
            err_console.print(f"{old} of {lib.store.count()} documents in an older layout"
                              + ("; `baogao upgrade` rewrites them" if old else ""),
                              highlight=False)
            return
        progress = Progress(TextColumn("{task.description}"), BarColumn(),
                            MofNCompleteColumn(), console=real_console(err_console),
                            disable=quiet, transient=True)
        with progress:
            task = progress.add_task("upgrading", total=None)

            def step(done: int, total: int, failure: str | None) -> None:
                if failure:
                    progress.console.print(f"[red]error:[/red] {escape(failure)}",
                                           highlight=False)
                progress.update(task, completed=done, total=total)

            report = lib.upgrade(progress=step)
        mb = 1024 * 1024
        size = (f" ({report.bytes_before / mb:.1f} MB -> {report.bytes_after / mb:.1f} MB of "
                "text, original and offsets)" if report.rewritten else "")
        err_console.print(
            f"{report.rewritten} of {report.documents} documents rewritten in the current "
            f"layout{size}, {len(report.failures)} failed; search index "
            f"{'rebuilt' if report.index_rebuilt else 'up to date'} ({escape(lib.store.path)})",
            highlight=False)
    if not report.ok:
        raise typer.Exit(1)
