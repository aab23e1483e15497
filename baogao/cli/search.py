"""``baogao search``, ``baogao ask`` and ``baogao reindex``: thin commands over the library."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from baogao.cli.common import (
    DbOption,
    Format,
    app,
    console,
    err_console,
    escape,
    open_library,
    render,
)

if TYPE_CHECKING:  # search and ask load when their command runs, not for --help
    from baogao.ask.answer import AskResult

SEARCH_COLUMNS = ["score", "source", "row", "section", "snippet"]


class AskFormat(str, Enum):
    """Output formats of ``baogao ask``."""

    text = "text"
    json = "json"


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words or a question, e.g. 接诉即办 or 如何稳就业.")],
    db: DbOption = None,
    region: Annotated[str | None, typer.Option(help="Region (西城区, 广东 …).")] = None,
    year: Annotated[int | None, typer.Option(help="Year the report was delivered.")] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="work_report, plan_report, "
                        "budget_report, public_report, npc_resolution, other.")] = None,
    role: Annotated[str | None, typer.Option(help="Section role: review, plan, glossary, "
                    "self_building, appendix, other.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Passages to show.")] = 10,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many best passages first.")
                      ] = 0,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, json, jsonl or csv.")
                   ] = Format.table,
) -> None:
    """Find the passages that best match QUERY; matches are marked 【】 in the snippet."""
    from baogao.ask.answer import passage_dict
    from baogao.ask.search import search_page
    with open_library(db) as lib:
        found = search_page(lib, query, region=region, year=year, doc_type=doc_type,
                            role=role, limit=limit, offset=offset)
    render([passage_dict(p) for p in found.passages], fmt, SEARCH_COLUMNS)
    if fmt is Format.table:
        shown = f"{offset + 1}–{offset + len(found.passages)}" if found.passages else "none"
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
        where = " ".join(str(x) for x in (c.region, c.year) if x)
        console.print(escape(f"\n[{i}] {c.title or ''} ({where}) {c.section} "
                             f"[{c.start}:{c.end}]\n    “{c.quote}”"), highlight=False)
    if not result.citations:
        for i, p in enumerate(result.passages, 1):
            console.print(escape(f"\n[P{i}] {p.title or ''} {p.section} "
                                 f"[{p.start}:{p.end}]\n    {p.snippet}"), highlight=False)


@app.command("reindex")
def reindex_command(db: DbOption = None) -> None:
    """Rebuild the search index from the stored documents."""
    from baogao.ask.index import rebuild_index

    with open_library(db) as lib:
        n = rebuild_index(lib.store)
    err_console.print(f"search index rebuilt: {n} documents", highlight=False)
