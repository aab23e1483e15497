"""``baogao search``, ``baogao ask`` and ``baogao reindex``: thin commands over the library."""

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
    Role,
    app,
    console,
    err_console,
    escape,
    open_library,
    render,
    value_of,
)
from baogao.labels import document_label

if TYPE_CHECKING:  # search and ask load when their command runs, not for --help
    from baogao.ask.answer import AskResult

SEARCH_COLUMNS = ["score", "title", "region", "year", "section", "snippet", "source", "row"]


class AskFormat(str, Enum):
    """Output formats of ``baogao ask``."""

    text = "text"
    json = "json"


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words or a question, e.g. 接诉即办 or 如何稳就业.")],
    db: DbOption = None,
    region: Annotated[str | None, typer.Option(help="Region: short or full name (西城区, "
                      "广东); a province or city includes the regions under it.")] = None,
    year: Annotated[int | None, typer.Option(help="Year the report was delivered.")] = None,
    doc_type: Annotated[DocType | None, typer.Option("--type", help="Document type.")] = None,
    role: Annotated[Role | None, typer.Option(help="Section role.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Passages to show.")
                     ] = 10,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many best passages first.")
                      ] = 0,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")
                   ] = Format.table,
) -> None:
    """Find the passages that best match QUERY; matches are marked 【】 in the snippet."""
    from baogao.ask.answer import passage_dict
    from baogao.ask.search import search_page
    with open_library(db) as lib:
        found = search_page(lib, query, region=region, year=year,
                            doc_type=value_of(doc_type), role=value_of(role), limit=limit,
                            offset=offset)
    rows = [passage_dict(p) for p in found.passages]
    if fmt is not Format.table:
        render(rows, fmt, SEARCH_COLUMNS)
        return
    for i, r in enumerate(rows, offset + 1):
        label = document_label(r["title"], r["region"], r["year"])
        console.print(f"[bold]{i}. {escape(label)}[/bold] [dim]› {escape(r['section'])}[/dim]",
                      highlight=False, overflow="ellipsis", no_wrap=True)
        console.print("   " + " ".join(str(r["snippet"]).split()), highlight=False,
                      markup=False)
        console.print(escape(f"   {r['source']}#{r['row']} [{r['start']}:{r['end']}] "
                             f"score {r['score']:.2f}"), style="dim", highlight=False)
    shown = f"{offset + 1}–{offset + len(rows)}" if rows else "none"
    err_console.print(f"passages {shown} of {found.total} matching", highlight=False)


@app.command("ask")
def ask_command(
    question: Annotated[str, typer.Argument(help="A question, e.g. 西城区2022年GDP是多少？")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Passages to cite.")] = 5,
    fmt: Annotated[AskFormat, typer.Option("--format", "-f", help="text or json.")
                   ] = AskFormat.text,
) -> None:
    """Answer QUESTION from stored facts, track verdicts, the glossary and grouped search,
    citing title, region, year, section and the quoted words; BAOGAO_LLM_URL (optional) lets
    a model rephrase the answer, checked against the citations."""
    from baogao.ask.answer import ask
    from baogao.ask.llm import LlmSettings

    with open_library(db) as lib:
        result = ask(lib, question, limit=limit, llm=LlmSettings.from_env())
    if fmt is AskFormat.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print_answer(result)


def print_answer(result: AskResult) -> None:
    """The answer, a note if the LLM was not used, then the numbered citations (all data
    printed as text, never as rich markup)."""
    console.print(escape(result.answer), highlight=False)
    if result.note:
        err_console.print(f"[yellow]{escape(result.note)}[/yellow]", highlight=False)
    for sentence in result.removed:
        err_console.print("[yellow]removed (not supported by its citation):[/yellow] "
                          + escape(sentence), highlight=False)
    for i, c in enumerate(result.citations, 1):
        label = document_label(c.title, c.region, c.year)
        console.print(escape(f"\n[{i}] {label} › {c.section} [{c.start}:{c.end}]\n"
                             f"    “{c.quote}”"), highlight=False)
    if not result.citations:
        for i, p in enumerate(result.passages, 1):
            label = document_label(p.title, p.region, p.year)
            console.print(escape(f"\n[P{i}] {label} › {p.section} [{p.start}:{p.end}]\n"
                                 f"    {p.snippet}"), highlight=False)


@app.command("reindex")
def reindex_command(db: DbOption = None) -> None:
    """Rebuild the search index from the stored documents."""
    from baogao.ask.index import rebuild_index

    with open_library(db) as lib:
        n = rebuild_index(lib.store)
    err_console.print(f"search index rebuilt: {n} documents", highlight=False)
