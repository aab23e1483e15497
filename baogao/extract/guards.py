"""General guards on catalog facts, learned from baogao's first look at unseen pages.

Run on pages nobody had fixed anything for (``benchmarks/first_look.py``), baogao's wrong
catalog facts were mostly right numbers tied to no year: the page's year could not be read, so
the fact's period stayed null, and a value with a citation but no year is a wrong fact for the
contract (``benchmarks/data/fresh16/GUARDS.md``). The guards here apply to any page, whatever
its wording: a catalog fact that cannot be tied to a year is not emitted (the number is still
read as an open fact, where a null period is allowed), nor one read in a paragraph about a part
of a year.
"""

from __future__ import annotations

import functools
import re

from baogao.extract.catalog import page_shapes
from baogao.extract.periods import paragraph_spans
from baogao.models import Document, Fact


def dated(facts: list[Fact]) -> list[Fact]:
    """``facts`` without those whose period could not be told (abstain rather than guess)."""
    return [f for f in facts if f.period is not None]


@functools.cache
def _part_of_year_re() -> re.Pattern[str]:
    return re.compile(str(page_shapes()["part_of_year"]))


@functools.cache
def _whole_year_re() -> re.Pattern[str]:
    return re.compile(str(page_shapes()["whole_year"]))


def _quarter_start(text: str, start: int, end: int) -> int | None:
    """Where a paragraph opening on a part of a year (2022年一季度，…; 1—11月，…) stops
    naming it: the end of its first clause; None when the paragraph opens otherwise."""
    body = text[start:end]
    lead = len(body) - len(body.lstrip())
    first = re.split(r"[，,。；;：:！？!?]", body[lead:], maxsplit=1)[0]
    if not first or _part_of_year_re().search(first) is None:
        return None
    return start + lead + len(first)


def whole_year(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without those read in a paragraph that opens on a part of a year, with no
    whole year (全年, 年末, 今年, 2022年) named between that opening and the value: 2022年一季度，
    …逆势上扬。初步预计，地区生产总值增长7%以上 gives the quarter's growth, not the year's."""
    text = doc.text
    quarters = [
        (para.start, para.end, stop) for para in paragraph_spans(doc)
        if (stop := _quarter_start(text, para.start, para.end)) is not None
    ]
    if not quarters:
        return facts
    kept: list[Fact] = []
    for fact in facts:
        inside = next((q for q in quarters if q[0] <= fact.start < q[1]), None)
        if inside is not None and fact.start >= inside[2] and _whole_year_re().search(
                text, inside[2], fact.start) is None:
            continue
        kept.append(fact)
    return kept
