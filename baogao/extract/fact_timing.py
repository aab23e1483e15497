"""The fact one catalog reading gives: its period and kind, or None to drop it.

    fact = reading_fact(doc, role, para, sentence, reading, multi, old, dating, headline)

``facts.prose_facts`` walks paragraphs and sentences and finds the readings; this module
settles what year each value is about and whether it is a result or a target: the year the
sentence names, 去年/今年, the paragraph's or section's year, a deadline ahead, a multi-year
passage, an old report read by its paragraphs' years, a value a plan lead frames.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from baogao.extract.budget import budget_result_timing
from baogao.extract.catalog import cues, load_catalog
from baogao.extract.clauses import Value
from baogao.extract.headlines import estimate_lead
from baogao.extract.periods import (
    Timing,
    _Span,
    compared_over_years,
    cue_words,
    deadline_year,
    estimated_at,
    explicit_year,
    future_target,
    has_cue,
    opening_year_timing,
    paragraph_year_timing,
    plan_end_timing,
    plan_horizon,
    relative_year,
    section_year_timing,
    start_timing,
    target_timing,
    timing_or_part,
)
from baogao.extract.span_memo import last_match_end
from baogao.extract.spans import carried_timing
from baogao.models import Document, Fact, Role

if TYPE_CHECKING:
    from baogao.extract.facts import Reading

__all__ = ["reading_fact"]


def _kind_of(indicator: str) -> str:
    return load_catalog()[indicator].kind_of_value


def _followed_by_target_word(text: str, value: Value) -> bool:
    after = text[value.end : value.end + 6]
    return any(after.startswith(w) for w in cue_words("value_followers_skip"))


def _fact(doc: Document, reading: Reading, timing: Timing, sentence: _Span) -> Fact:
    return Fact(
        source=doc.source,
        row=doc.row,
        region=doc.region,
        year=doc.year,
        indicator=reading.indicator,
        name=reading.name,
        kind=timing.kind,
        estimated=timing.estimated,
        period=timing.period,
        value=_number(reading.value),
        unit=reading.unit,
        bound=reading.bound,
        text=doc.text[reading.start : reading.end],
        evidence=doc.text[sentence.start : sentence.end],
        start=sentence.start,
        end=sentence.end,
        doc_id=doc.id,
        value_high=_number(reading.value_high),
    )


def _plan_since(text: str, start: int, pos: int, year: int | None) -> bool:
    """True when words of a plan (提出, 今年, 力争, 将) come between the last mention of
    ``year`` in text[start:pos] and ``pos``."""
    at = text.rfind(f"{year}年", start, pos) if year is not None else -1
    # the targets that year completed are no plan (2019年，…较好完成了…计划主要目标任务)
    return at >= 0 and has_cue(_COMPLETED.sub("", text[at:pos]), "plan_stretch_words")


_COMPLETED = re.compile(r"完成了?[^。；;，,]{0,40}?目标(?:任务)?")


def _own_estimates_only(text: str, start: int, pos: int) -> bool:
    """True when the items before ``pos`` mark their own 预计 (全区生产总值预计达到739亿元…；
    社会消费品零售总额预计达到437亿元…；实现一般公共预算收入92.28亿元): the item at ``pos``,
    which marks none, is no estimate."""
    clauses = re.split(r"[；;]", text[start:pos])
    marked = [has_cue(c, "estimate_cues") for c in clauses]
    return len(clauses) >= 3 and not marked[-1] and all(marked[:-1])


def _number(value: Decimal | None) -> float | None:
    if value is None:
        return None
    normal = value.normalize()
    return float(normal)


def _multi_year_ok(doc: Document, reading: Reading, role: Role, dated: bool) -> bool:
    """In a multi-year passage keep only dated values (a year, 去年) and levels reached."""
    if dated:
        return True
    return (
        role == "review"
        and reading.indicator in cues()["multi_year_level_ok"]
        and (reading.unit != "%")
    )


def reading_fact(
    doc: Document,
    role: Role,
    para: _Span,
    sentence: _Span,
    reading: Reading,
    multi: bool,
    old: bool,
    dating: _Span | None = None,
    headline: Timing | None = None,
) -> Fact | None:
    """The fact a reading gives, once its period and kind are settled; None to drop it."""
    text = doc.text
    if reading.base_year is not None:
        # the base of a comparison (比一九五二年的八百二十七亿元): that year's level
        if doc.year is None or reading.base_year >= doc.year:
            return None
        return _fact(doc, reading, Timing("actual", False, reading.base_year), sentence)
    if reading.span == "start":
        timing = start_timing(doc, role, para, reading.start, _kind_of(reading.indicator)) or (
            carried_timing(doc, dating or para, reading.start, "start"))
        return None if timing is None else _fact(doc, reading, timing, sentence)
    explicit = explicit_year(text, _year_floor(text, sentence, reading), reading.start)
    if reading.span == "end" and explicit is None:
        carried = carried_timing(doc, para, reading.start, "end")  # …增加到24715元 after a
        if carried is not None:  # pair dated 从2005年的…增加到2011年的: 2011's level
            return _fact(doc, reading, carried, sentence)
    if _multi_year_clause(text, sentence, reading) and explicit is None:
        return None
    deadline = deadline_year(text, sentence.start, reading.start)
    horizon = plan_horizon(text, para.start, reading.start)
    dated = (
        explicit is not None
        or _relative(text, sentence, reading) == "last"
        or future_target(doc.year, deadline, horizon) is not None
    )
    opening = None if dated else opening_year_timing(doc, para)
    if multi and not dated and opening is None:
        # a year opening the full-stop sentence dates its clauses after a semicolon too
        full = _Span(_full_sentence_start(text, para, sentence), sentence.end)
        opening = paragraph_year_timing(doc, full, reading.start)
        if opening is not None and opening.estimated and _own_estimates_only(
                text, full.start, reading.start):
            opening = Timing(opening.kind, False, opening.period)
    end = reading.span == "end" and role == "review" and reading.unit != "%"
    # 今年 dates a value in a five-year passage too (过去五年…年均增长15%。报告提出今年的预期
    # 目标是生产总值增长11%)
    this_year = multi and _relative(text, sentence, reading) == "this"
    if multi and not end and not _multi_year_ok(
            doc, reading, role, dated or opening is not None or this_year):
        # …but a rate a five-year plan's section says is reached is a target of its last year
        opening = plan_end_timing(doc, reading.start, _kind_of(reading.indicator))
        if opening is None or role == "review":
            return None
    floor = _year_floor(text, sentence, reading)
    # a list item under a lead that names targets (主要预期目标：) is framed by it
    framed = dating if dating is not None and has_cue(
        text[dating.start : para.start], "target_cues") else para
    timing = opening or timing_or_part(
        doc, role, framed, sentence, reading.start, floor if floor > sentence.start else None)
    if opening is not None and opening.kind == "actual" and not opening.estimated and (
            estimated_at(text, role, para, sentence, reading.start)):
        timing = Timing("actual", True, opening.period)  # 2018年，…。预计：全县GDP…
    own_year = reading.span == "end" and relative_year(
        text, floor, reading.start
    ) is not None  # 降低到今年的X: the end value names its own year
    if old and not dated and not own_year:
        # an old report has no review/plan sections to lean on: the paragraph's year decides
        # …the list items after a lead ending on a colon read their year from the lead too
        timing = paragraph_year_timing(doc, dating or para, reading.start)
    elif (doc.section_at(reading.start) is None and not dated and not own_year
          and _relative(text, sentence, reading) is None
          and not has_cue(text[sentence.start : reading.start], "target_cues")):
        # a page without headings (a news page retelling the report: 报告指出：2010年，…。
        # 初步核算，全县生产总值…), or the text before the first heading seen (a copy that lost
        # the blank lines around 首先报告2001年的工作): the year the paragraph names decides, as
        # in an old report (预计 counts for its own sentence only), else a headline above it
        by_paragraph = paragraph_year_timing(doc, dating or para, reading.start) or headline
        if by_paragraph is not None and by_paragraph.kind == "actual" and _plan_since(
                text, (dating or para).start, reading.start, by_paragraph.period):
            by_paragraph = None  # 2022年…。报告提出，全区将…增长4%: the plan, not that year
        if (by_paragraph is not None and by_paragraph.kind == "target" and doc.year is not None
                and _past_year_since(text, (dating or para).start, reading.start)):
            # 报告分为2014年工作回顾、2015年重点工作…。…过去的一年，…全年完成生产总值…: the
            # year reviewed, not the year the report's parts name last
            by_paragraph = Timing("actual", False, doc.year - 1)
        if by_paragraph is not None and by_paragraph.kind == "actual":
            estimated = estimated_at(text, role, para, sentence, reading.start) or (
                estimate_lead(text, para, reading.start))  # …透露，初步预计，2019年，…。
            timing = Timing("actual", estimated, by_paragraph.period)
        elif by_paragraph is not None:
            timing = by_paragraph
    if timing is None or explicit is None:
        # a later year named (一九九○年…达到, 到1985年，…) makes the value a target of that year
        named = explicit if explicit is not None else deadline
        timing = future_target(doc.year, named, horizon) or timing
    if timing is None and not dated:
        timing = section_year_timing(doc, reading.start)
    if (timing is None or timing.kind == "target") and not dated:
        # 一般公共预算收入完成16.75亿元 in a budget report: last year's result, whatever the
        # outline made of the section
        timing = budget_result_timing(doc, sentence, reading.start, estimated_at(
            text, role, para, sentence, reading.start)) or timing
    if timing is not None and reading.gap_target:
        timing = target_timing(timing, dated)
    if (timing is not None and timing.kind == "actual" and not timing.estimated
            and _under_target_lead(text, para, sentence, reading)):
        timing = Timing("target", False, timing.period)
    if timing is None or (reading.target_only and timing.kind != "target"):
        return None
    if reading.target_only and not has_cue(text[para.start : reading.start], "target_cues"):
        return None  # 保持稳定 is a target only in a list of targets
    base_floor = para.start
    if reading.unit == "%" and compared_over_years(
        text, sentence, reading.start, timing.period, base_floor
    ):
        return None  # 2005年与2000年相比…增长57.3%: a growth over five years, not one
    after = text[reading.end : reading.end + 1]
    if (after == "的" and not _followed_by_target_word(text, _as_value(reading))
            and not re.compile(str(cues()["value_level_phrase"])).match(text, reading.end)):
        return None  # 超500亿元的县域: the value describes something else (but 5%左右的较低水平)
    if after and any(text.startswith(w, reading.end) for w in cue_words("value_scope_followers")):
        return None  # 生产总值超200亿元县（区）达26个: a count of sub-regions
    if timing.kind == "actual" and _followed_by_target_word(text, _as_value(reading)):
        return None
    if timing.kind == "actual" and reading.gap_bound:
        reading = replace(reading, bound=None, gap_bound=False)
    return _fact(doc, reading, timing, sentence)


_NAMED_YEAR = re.compile(r"(?:19|20)\d\d年")


def _past_year_since(text: str, start: int, pos: int) -> bool:
    """True when, after the last year named between ``start`` and ``pos``, the text turns to
    the year just past (过去的一年, 一年来) and not to this year (今年)."""
    named_end = last_match_end(_NAMED_YEAR, text, start, pos)
    if named_end < 0:
        return False
    after = text[named_end : pos]
    return any(w in after for w in cue_words("last_year")) and not any(
        w in after for w in cue_words("this_year"))


def _relative(text: str, sentence: _Span, reading: Reading) -> str | None:
    """``relative_year`` of the words before the reading in its sentence; for the end value of
    由去年的X提高到Y, not the words of the start (去年 is X's year, not Y's)."""
    if reading.span == "end":
        floor = _year_floor(text, sentence, reading)
        opener = max(text.rfind(w, sentence.start, floor) for w in ("由", "从"))
        if opener >= 0:
            return relative_year(text, floor, reading.start) or relative_year(
                text, sentence.start, opener)
    return relative_year(text, sentence.start, reading.start)


def _year_floor(text: str, sentence: _Span, reading: Reading) -> int:
    """Where the year of a reading may be written: the sentence, but for the end value of
    从X提高到Y only the words from 到 on (从1979年的X、1980年的Y，降低到今年的Z)."""
    if reading.span != "end":
        return sentence.start
    verb = max(text.rfind(w, sentence.start, reading.start) for w in ("到", "至"))
    return max(sentence.start, verb - 2) if verb >= 0 else sentence.start


def _under_target_lead(text: str, para: _Span, sentence: _Span, reading: Reading) -> bool:
    """A value in a list its full-stop sentence opens as targets or a budget (…预期目标为：
    一般公共预算总收入48.24亿元；地方一般公共预算收入32.3亿元): the year's target."""
    start = _full_sentence_start(text, para, sentence)
    lead = re.compile(str(cues()["target_list_lead"]))
    return lead.search(text, start, reading.start) is not None


def _full_sentence_start(text: str, para: _Span, sentence: _Span) -> int:
    return max(para.start, text.rfind("。", para.start, sentence.start) + 1)


def _multi_year_clause(text: str, sentence: _Span, reading: Reading) -> bool:
    return has_cue(
        text[sentence.start : _clause_end(text, sentence, reading)], "multi_year_sentence"
    )


def _clause_end(text: str, sentence: _Span, reading: Reading) -> int:
    """The end of the clause holding ``reading``: a multi-year cue after it is elsewhere."""
    match = re.compile("[，,]").search(text, reading.end, sentence.end)
    return match.start() if match else sentence.end


def _as_value(reading: Reading) -> Value:
    return Value(reading.start, reading.end, reading.value, reading.unit)
