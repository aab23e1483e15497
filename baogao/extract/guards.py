"""General guards on catalog facts, learned from baogao's first look at unseen pages.

Run on pages nobody had fixed anything for (``benchmarks/first_look.py``), baogao's wrong
catalog facts were mostly right numbers tied to no year: the page's year could not be read, so
the fact's period stayed null, and a value with a citation but no year is a wrong fact for the
contract (``benchmarks/data/fresh16/GUARDS.md``). The guards here apply to any page, whatever
its wording: a catalog fact that cannot be tied to a year is not emitted (the number is still
read as an open fact, where a null period is allowed), nor one read in a paragraph about a part
of a year, nor a target its own sentence states as done (``results_not_targets``).
"""

from __future__ import annotations

import functools
import re

from baogao.extract.catalog import cues, page_shapes
from baogao.extract.periods import has_cue, paragraph_spans
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


@functools.cache
def _result_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    shapes = page_shapes()
    return re.compile(str(shapes["result_estimate"])), re.compile(str(shapes["result_outcome"]))


def _stated_as_done(fact: Fact) -> bool:
    """Whether the sentence of ``fact`` gives its value as an outcome: an estimate word before
    it (预计地区生产总值超过2100亿元), or a rank, record or share of a plan met (居全省第4位,
    创历史新高, 完成年计划710亿元的89.4%), and no word calling it a target (预期目标, 力争)."""
    sentence = fact.evidence
    at = sentence.find(fact.text) if fact.text else -1
    if at < 0:
        return False
    reach = int(page_shapes()["result_reach"])  # a run-on line is not one statement
    near = sentence[max(0, at - reach) : at + len(fact.text) + reach]
    estimate, outcome = _result_res()
    old = fact.year is not None and fact.year < int(cues()["old_report_year"])
    if (old or estimate.search(sentence, max(0, at - reach), at) is None) and (
            outcome.search(near) is None):
        return False
    return not has_cue(near, "target_cues")


def results_not_targets(facts: list[Fact]) -> list[Fact]:
    """``facts`` without the targets whose own sentence states the value as done.

    First looks at unseen pages, and the same pages with their headings or line breaks lost,
    read review sentences as the plan (a page whose outline did not survive the copy): the
    results of the year came out as targets of the report's year. A target is never 预计d, ranked
    or counted as a share of a plan met; such a value is withheld rather than re-dated."""
    return [f for f in facts if f.kind != "target" or not _stated_as_done(f)]
