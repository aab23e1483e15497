"""``baogao search``, ``baogao ask`` and ``baogao reindex``: thin commands over the library."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer
from rich.markup import escape

from baogao.ask.answer import AskResult, ask, passage_dict
from baogao.ask.index import rebuild_index
from baogao.ask.llm import LlmSettings
from baogao.ask.search import search
from baogao.cli.common import DbOption, Format, app, console, err_console, open_library, render

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
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, json, jsonl or csv.")
                   ] = Format.table,
) -> None:
    """Find the passages that best match QUERY; matches are marked 【】 in the snippet."""
    with open_library(db) as lib:
        passages = search(lib, query, region=region, year=year, doc_type=doc_type, role=role,
                          limit=limit)
    render([passage_dict(p) for p in passages], fmt, SEARCH_COLUMNS)


@app.command("ask")
def ask_command(
    question: Annotated[str, typer.Argument(help="A question, e.g. 西城区2022年GDP是多少？")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Passages to cite.")] = 5,
    fmt: Annotated[AskFormat, typer.Option("--format", "-f", help="text or json.")
                   ] = AskFormat.text,
) -> None:
    """Answer QUESTION from stored facts, the glossary, or (if BAOGAO_LLM_URL is set) an LLM,
    with the passages that support it, grouped by document."""
    with open_library(db) as lib:
        result = ask(lib, question, limit=limit, llm=LlmSettings.from_env())
    if fmt is AskFormat.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print_answer(result)


def print_answer(result: AskResult) -> None:
    """The answer, then the passages grouped by document (best document first)."""
    console.print(escape(result.answer or "") or "[dim]没有直接答案；以下段落最相关。[/dim]",
                  highlight=False)
    for sentence in result.removed:
        err_console.print(f"[yellow]removed (no valid citation):[/yellow] {escape(sentence)}",
                          highlight=False)
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(result.passages, 1):
        groups.setdefault(p.doc_id, []).append(i)
    for numbers in groups.values():
        first = result.passages[numbers[0] - 1]
        console.print(f"\n[bold]{escape(first.title or first.source)}[/bold] "
                      + escape(f"({first.source}#{first.row}, {first.region or ''} "
                               f"{first.year or ''})"), highlight=False)
        for n in numbers:
            p = result.passages[n - 1]
            console.print(escape(f"  [P{n}] {p.section} [{p.start}:{p.end}]\n      {p.snippet}"),
                          highlight=False)


@app.command("reindex")
def reindex_command(db: DbOption = None) -> None:
    """Rebuild the search index from the stored documents."""
    with open_library(db) as lib:
        n = rebuild_index(lib.store)
    err_console.print(f"search index rebuilt: {n} documents", highlight=False)
