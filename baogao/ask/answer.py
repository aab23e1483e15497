"""Answer a question from the library, with citations.

    from baogao.ask.answer import ask
    result = ask(lib, "2025年哪些省份的地区生产总值增长目标高于5%？")
    result.answer      # "2025年地区生产总值增长目标高于5%的有6个：吉林省目标5.5%左右[1]、…"
    result.question    # how it was understood (intent and slots, ``baogao.ask.question``)
    result.citations   # [1] …: title, region, year, section, quoted words, offsets

Steps:

1. ``read_question`` turns the text into a typed ``Question`` (intent + slots) from the
   library's vocabularies; relative years (今年, 去年) count from the latest report year.
2. A region the library holds no report of is answered at once (库中没有…的报告).
3. The planner of the intent (``baogao.ask.planners``) answers from facts, track verdicts or
   the glossary first, and from the search index second; every claim carries a citation
   and an unsupported question says so plainly instead of guessing.
4. Optionally (``llm=``) a language model rephrases the planner's answer; it may only restate
   what the cited passages say (``baogao.ask.llm``). If it fails, times out, or no sentence
   survives the checks, the rule answer stands with a note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import httpx

from baogao.ask.index import pinned, sync_index
from baogao.ask.llm import LlmSettings, rephrase
from baogao.ask.planners import (
    Citation,
    Context,
    Plan,
    Table,
    plan_compare,
    plan_filter,
    plan_series,
    plan_superlative,
    plan_value,
    plan_verdict,
    unsupported,
)
from baogao.ask.question import Question, read_question
from baogao.ask.search import _store_of, check_query, parse_query, search_parsed
from baogao.ask.text_planners import plan_count, plan_definition, plan_mention, plan_passages
from baogao.models import Fact, Passage
from baogao.store import Store


@dataclass(frozen=True)
class AskResult:
    """The answer, how the question was understood, and everything the answer cites."""

    text: str
    question: Question
    answer: str
    method: str
    supported: bool
    citations: list[Citation] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    terms: list[dict[str, Any]] = field(default_factory=list)
    table: Table | None = None
    regions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``baogao ask --format json`` and ``GET /api/ask``."""
        return {
            "answer": self.answer,
            "question": {"text": self.text, **self.question.to_dict()},
            "method": self.method,
            "supported": self.supported,
            "citations": [{"n": i, **c.to_dict()} for i, c in enumerate(self.citations, 1)],
            "facts": [fact_dict(f) for f in self.facts],
            "passages": [_cited_passage(p) for p in self.passages],
            "terms": self.terms,
            "table": self.table.to_dict() if self.table else None,
            "regions": self.regions,
            "removed": self.removed,
            "note": self.note,
        }


def passage_dict(p: Passage) -> dict[str, Any]:
    """A passage as JSON: citation, text and score."""
    return {
        "source": p.source, "row": p.row, "start": p.start, "end": p.end,
        "section": p.section, "text": p.text, "score": p.score, "doc_id": p.doc_id,
        "title": p.title, "region": p.region, "year": p.year, "snippet": p.snippet,
    }


def _cited_passage(p: Passage) -> dict[str, Any]:
    data = passage_dict(p)
    del data["source"], data["row"]
    return data


def fact_dict(f: Fact) -> dict[str, Any]:
    """A fact as ask shows it: the values and the evidence with offsets (no file path)."""
    return {"doc_id": f.doc_id, "region": f.region, "year": f.year, "indicator": f.indicator,
            "name": f.name, "kind": f.kind, "estimated": f.estimated, "period": f.period,
            "value": f.value, "value_high": f.value_high, "unit": f.unit, "bound": f.bound,
            "text": f.text, "evidence": f.evidence, "start": f.start, "end": f.end}


def this_year(store: Store, region: str | None = None) -> int | None:
    """The latest year of the library's reports, or of one region's (今年 for relative
    years); both by index."""
    if region is None:
        row = store.conn.execute("SELECT MAX(year) FROM documents").fetchone()
    else:
        row = store.conn.execute("SELECT MAX(year) FROM documents WHERE region = ?",
                                 (region,)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def plan(store: Store, q: Question, *, limit: int = 5) -> Plan:
    """The planner's answer to an understood question."""
    ctx = Context(store)
    missing = [r for r in q.regions if not ctx.has_region(r)]
    if missing and len(missing) == len(q.regions):
        return unsupported(q, f"{'、'.join(missing)}（库中没有该地区的报告）")
    if missing:  # answer for the regions the library holds, and say which it does not
        p = plan(store, replace(q, regions=tuple(r for r in q.regions if r not in missing)),
                 limit=limit)
        return replace(p, answer=f"库中没有{'、'.join(missing)}的报告。{p.answer}")

    def search(text: str) -> list[Passage]:
        return search_parsed(store, parse_query(store, text), limit=limit)

    planners = {
        "value": plan_value, "filter": plan_filter, "superlative": plan_superlative,
        "compare": plan_compare, "series": plan_series, "verdict": plan_verdict,
        "count": plan_count, "mention": plan_mention,
    }
    if q.intent in planners:
        return planners[q.intent](ctx, q)
    if q.intent == "definition":
        return plan_definition(ctx, q, search)
    return plan_passages(ctx, q, limit)


def ask(
    where: Any,
    question: str,
    *,
    limit: int = 5,
    llm: LlmSettings | None = None,
    transport: httpx.BaseTransport | None = None,
) -> AskResult:
    """Answer ``question`` from the library (a ``Library`` or ``Store``).

    Raises ``QueryError`` for an empty, overlong or wordless question. With ``llm`` settings
    the answer is rephrased by the model when every rephrased sentence checks out against
    the cited passages; any failure of the model leaves the rule answer, with a note.
    """
    store = _store_of(where)
    text = check_query(question)
    sync_index(store)
    latest = this_year(store)
    q = read_question(text, this_year=latest)
    if len(q.regions) == 1:  # 今年, 去年 … count from the region's own latest report
        own = this_year(store, q.regions[0])
        if own is not None and own != latest:
            q = read_question(text, this_year=own)
    with pinned(store):  # one index state for the whole answer, checked once
        if q.intent == "passages" and not (q.topic or "").strip():
            parse_query(store, text)  # raises QueryError for a question without searchable words
        p = plan(store, q, limit=limit)
    result = AskResult(
        text=text, question=q, answer=p.answer, method=p.method, supported=p.supported,
        citations=list(p.citations), facts=list(p.facts), passages=list(p.passages),
        terms=list(p.terms), table=p.table, regions=[r for r in p.regions if r],
    )
    if llm is None or not p.supported or not p.citations:
        return result
    quotes = [f"《{c.title or ''}》{c.section}：{c.quote}" for c in p.citations]
    reply = rephrase(text, p.answer, quotes, llm, transport=transport)
    if reply.note or not reply.text:
        return replace(result, removed=list(reply.removed),
                       note=reply.note or "语言模型没有给出可核对的改写，以下为规则答案。")
    return replace(result, answer=reply.text, method=f"{p.method}+llm",
                   removed=list(reply.removed))


def passages_of(result: AskResult) -> Sequence[Passage]:
    """The passages an answer shows (for the CLI and the web page)."""
    return result.passages
