"""Answer a question from the library, with citations.

    from baogao.ask.answer import ask
    result = ask(lib, "西城区2022年地区生产总值是多少？")
    result.answer      # "北京市西城区2022年地区生产总值：5700.1亿元（seeds/000_….txt#0）"
    result.passages    # best passages first, each a cited span of the normalized text

Steps:

1. Read the question: region (gazetteer names, short or full), year (2022年), catalog
   indicator mentions, and whether it asks for a definition (什么是, 是什么, 含义 …).
2. A numeric question (an indicator is named) is answered from the stored facts of that
   region, indicator and period, each with its evidence sentence.
3. A definition question is answered from the glossary (名词解释) entry of the term.
4. Otherwise, when an LLM is configured (``baogao.ask.llm``), it writes a short answer from the
   passages; sentences without a valid [Pn] citation are removed and listed.
5. Passages come from ``search`` over the question, limited to the region when the library
   holds documents of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from baogao.ask.index import sync_index
from baogao.ask.llm import LlmSettings, llm_answer
from baogao.ask.search import _store_of, _term_keys, check_query, parse_query, search_parsed
from baogao.extract.catalog import find_mentions
from baogao.models import Fact, Passage, Term
from baogao.read.regions import NATIONAL, canonical_region, gazetteer
from baogao.store import Store

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_GROWTH_WORDS = ("增长", "增速", "增幅", "增长率", "下降", "降低")
_NUMERIC_CUES = ("多少", "几", "是否", "达到", "实现", "目标", "预期", "增长", "增速", "规模")
_DEFINE = re.compile(r"什么是|是什么|何为|何谓|含义|指什么|是指|什么意思|解释")
_QUOTES = "“”\"「」『』‘’'"
_NATIONAL_WORDS = ("全国", "国务院", "我国", "中国")


@dataclass(frozen=True)
class Question:
    """What a question asks about."""

    text: str
    region: str | None
    year: int | None
    indicators: tuple[str, ...]
    is_numeric: bool
    is_definition: bool


@dataclass(frozen=True)
class AskResult:
    """An answer (or None), its passages, facts and glossary terms, and removed sentences."""

    question: str
    answer: str | None
    method: str | None
    passages: list[Passage]
    facts: list[Fact] = field(default_factory=list)
    terms: list[dict[str, Any]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``baogao ask --format json``."""
        return {
            "question": self.question,
            "answer": self.answer,
            "method": self.method,
            "passages": [passage_dict(p) for p in self.passages],
            "facts": [f.contract() for f in self.facts],
            "terms": self.terms,
            "removed": self.removed,
        }


def passage_dict(p: Passage) -> dict[str, Any]:
    """A passage as JSON: citation, text and score."""
    return {
        "source": p.source, "row": p.row, "start": p.start, "end": p.end,
        "section": p.section, "text": p.text, "score": p.score, "doc_id": p.doc_id,
        "title": p.title, "region": p.region, "year": p.year, "snippet": p.snippet,
    }


# -- reading the question ---------------------------------------------------------------------


def find_region(text: str) -> str | None:
    """The first region the question names (西城区, 北京市西城区, 广东, 全国 …), in full."""
    gaz = gazetteer()
    names = set(gaz.short_to_full) | set(gaz.provinces) | set(gaz.districts)
    best: tuple[int, int, str] | None = None
    for name in names:
        i = text.find(name)
        if i >= 0 and len(name) >= 2 and (best is None or (i, -len(name)) < best[:2]):
            best = (i, -len(name), name)
    if best is not None:
        return canonical_region(best[2])
    if any(w in text for w in _NATIONAL_WORDS):
        return NATIONAL
    return None


def read_question(text: str) -> Question:
    """Region, year, indicators and kind of a question."""
    year_match = _YEAR.search(text)
    indicators: list[str] = []
    growth = any(w in text for w in _GROWTH_WORDS)
    for m in find_mentions(text):
        family = m.family
        wanted = (family.growth if (growth or m.growth_word) else family.level) or (
            family.level or family.growth)
        if wanted:
            indicators.append(wanted)
    return Question(
        text=text,
        region=find_region(text),
        year=int(year_match.group(1)) if year_match else None,
        indicators=tuple(dict.fromkeys(indicators)),
        is_numeric=bool(indicators) and any(c in text for c in _NUMERIC_CUES),
        is_definition=_DEFINE.search(text) is not None,
    )


# -- answers from facts and glossary ----------------------------------------------------------


def matching_facts(store: Store, q: Question) -> list[Fact]:
    """Stored facts of the question's region, indicators and year (actual values first)."""
    found: list[Fact] = []
    for indicator in q.indicators:
        facts = store.facts(indicator=indicator, region=q.region) if q.region else \
            store.facts(indicator=indicator)
        if q.year is not None:
            facts = [f for f in facts if f.period == q.year]
        elif facts:
            latest = max((f.period or 0) for f in facts)
            facts = [f for f in facts if (f.period or 0) == latest]
        found += facts
    return sorted(found, key=lambda f: (f.kind != "actual", f.estimated, f.source, f.start))


def _doc_ref(store: Store, doc_id: str) -> tuple[str, int]:
    row = store.conn.execute("SELECT source, row FROM documents WHERE id = ?",
                             (doc_id,)).fetchone()
    return (row[0], row[1]) if row else ("", 0)


def fact_answer(store: Store, facts: Sequence[Fact]) -> str | None:
    """One line per distinct value: region, period, name, value, and where it was read."""
    lines: list[str] = []
    for f in facts:
        period = f"{f.period}年" if f.period else ""
        label = "目标" if f.kind == "target" else ("预计" if f.estimated else "")
        line = f"{f.region or ''}{period}{f.name}{label}：{f.text}（{f.source}#{f.row}）"
        if line not in lines:
            lines.append(line)
    return "\n".join(lines[:5]) or None


def _bare(text: str) -> str:
    return "".join(ch for ch in text if ch not in _QUOTES)


def matching_terms(store: Store, q: Question) -> list[Term]:
    """Glossary terms the question names, longest name first."""
    bare = _bare(q.text)
    hits: list[tuple[int, Term]] = []
    for term in store.terms():
        keys = _term_keys(term.term)
        length = max((len(k) for k in keys if k in bare), default=0)
        if length:
            hits.append((length, term))
    if not hits:
        return []
    best = max(length for length, _ in hits)
    return [t for length, t in hits if length == best]


def term_dict(store: Store, term: Term) -> dict[str, Any]:
    """A glossary term as JSON with its citation."""
    source, row = _doc_ref(store, term.doc_id)
    return {"term": term.term, "definition": term.definition, "source": source, "row": row,
            "start": term.start, "end": term.end, "doc_id": term.doc_id}


def term_answer(store: Store, terms: Sequence[Term]) -> str | None:
    """The definition of the first term, with where it was read."""
    if not terms:
        return None
    t = terms[0]
    source, row = _doc_ref(store, t.doc_id)
    return f"{t.term}：{t.definition}（{source}#{row}）"


# -- ask --------------------------------------------------------------------------------------


def _has_region(store: Store, region: str | None) -> bool:
    if not region:
        return False
    row = store.conn.execute("SELECT 1 FROM documents WHERE region = ? LIMIT 1",
                             (region,)).fetchone()
    return row is not None


def ask(
    where: Any,
    question: str,
    *,
    limit: int = 5,
    llm: LlmSettings | None = None,
    transport: httpx.BaseTransport | None = None,
) -> AskResult:
    """Answer ``question`` from the library (a ``Library`` or ``Store``).

    Numeric questions are answered from stored facts, definition questions from the
    glossary; otherwise, when ``llm`` settings are given (``LlmSettings.from_env()``), the
    model answers from the passages, citing them. Raises ``QueryError`` for an unusable
    question or a failing LLM.
    """
    store = _store_of(where)
    text = check_query(question)
    sync_index(store)
    q = read_question(text)
    region = q.region if _has_region(store, q.region) else None
    passages = search_parsed(store, parse_query(store, text), region=region, limit=limit)
    facts = matching_facts(store, q) if q.is_numeric else []
    terms = matching_terms(store, q) if q.is_definition or not facts else []
    result = AskResult(question=text, answer=None, method=None, passages=passages,
                       facts=facts, terms=[term_dict(store, t) for t in terms])
    if facts:
        return _with(result, fact_answer(store, facts), "facts")
    if q.is_definition and terms:
        return _with(result, term_answer(store, terms), "glossary")
    if llm is not None and passages:
        reply = llm_answer(text, passages, llm, transport=transport)
        return _with(result, reply.text or None, "llm", list(reply.removed))
    return result


def _with(result: AskResult, answer: str | None, method: str,
          removed: list[str] | None = None) -> AskResult:
    return AskResult(question=result.question, answer=answer, method=method,
                     passages=result.passages, facts=result.facts, terms=result.terms,
                     removed=removed or [])
