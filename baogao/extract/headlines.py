"""Headlines of pages without headings: a short line that dates or frames what follows.

A news page retelling a report often breaks its text with bare lines the outline cannot take
for numbered headings: a year (``2003年：`` before last year's results, ``2004年：`` before this
year's plan) or a frame (``主要目标`` before the list of targets). Such a line is a headline: it
holds no value and no sentence, only a year or a target cue. A year headline dates the
paragraphs after it until the next headline; a target headline frames the paragraph right
after it (a list of targets is one paragraph; what comes later may be anything).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baogao.extract.catalog import page_shapes
from baogao.extract.periods import (
    Timing,
    _Span,
    future_target,
    has_cue,
    opening_year_timing,
    relative_year,
    year_of,
    year_re,
)
from baogao.models import Document


@dataclass(frozen=True)
class Headline:
    """A headline line and the timing it gives the paragraphs it governs."""

    span: _Span
    timing: Timing
    frames_next_only: bool


def _headline_words(text: str, para: _Span) -> str | None:
    """The words of a bare line (no sentence mark, no number besides a year), else None; a
    paragraph ending on a colon may end on one too (…新的亮点。2003年：). A line naming targets
    may be longer (今年经济社会发展主要预期目标)."""
    body = text[para.start : para.end].strip()
    if body.endswith(("：", ":")):
        body = re.split(r"[。！？!?]", body)[-1]
    words = body.rstrip("：:").strip()
    shapes = page_shapes()
    longest = int(shapes["headline_target_max" if has_cue(words, "target_cues")
                         else "headline_max"])
    if not words or len(words) > longest:
        return None
    if re.search(r"[。；;，,！？!?、]", words):
        return None
    if re.search(r"\d", year_re().sub("", words)):
        return None
    return words


def headline_at(doc: Document, para: _Span) -> Headline | None:
    """The headline ``para`` is, with the timing it gives, or None."""
    words = _headline_words(doc.text, para)
    if words is None or doc.year is None:
        return None
    years = [year_of(m) for m in year_re().finditer(words)]
    if len(years) > 1:
        return None
    year = years[0] if years else None
    if has_cue(words, "target_cues") and not any(
            w in words for w in page_shapes()["headline_result_words"]):
        timing = (Timing("target", False, doc.year) if year in (None, doc.year)
                  else future_target(doc.year, year))
        return None if timing is None else Headline(para, timing, frames_next_only=True)
    if year is None:
        return None
    if year_re().fullmatch(words) is None:
        return _worded_year(words, year, doc.year, para)
    if year < doc.year:
        return Headline(para, Timing("actual", False, year), frames_next_only=False)
    if year == doc.year:
        return Headline(para, Timing("target", False, year), frames_next_only=False)
    return None


def _worded_year(words: str, year: int, doc_year: int, para: _Span) -> Headline | None:
    """A year headline with one word saying which way it looks: 回顾2017年 / 2017年成绩单
    (a past year's results, dated to it), 展望2018年 (the report's year, its targets); any
    other word (2003年的成就), or a word looking the other way, leaves the line to its words."""
    rest = year_re().sub("", words, count=1).strip()
    shapes = page_shapes()
    if rest in shapes["headline_review_words"] and year < doc_year:
        return Headline(para, Timing("actual", False, year), frames_next_only=False)
    if rest in shapes["headline_outlook_words"] and year == doc_year:
        return Headline(para, Timing("target", False, year), frames_next_only=False)
    return None


def governing_headline(
    doc: Document, para: _Span, current: Headline | None, previous: _Span | None
) -> Headline | None:
    """The headline governing ``para``: ``current`` while it lasts (a target headline only
    for the paragraph right after it, ``previous``), None under a heading."""
    if current is None or doc.section_at(para.start) is not None:
        return None
    if current.frames_next_only and previous != current.span and not _items_since(
            doc.text, current.span, para):
        return None
    return current


def _items_since(text: str, headline: _Span, para: _Span) -> bool:
    """True when ``para`` and every line between ``headline`` and it are items of one list,
    one a line (生产总值增长15%；, 居民收入增长与经济增长基本同步): short lines, none ending a
    sentence."""
    shape = page_shapes()["headline_items"]
    lines = [line.strip() for line in text[headline.end : para.end].splitlines()]
    lines = [line for line in lines if line]
    return bool(lines) and all(
        len(line) <= int(shape["line_max"]) and not line.endswith(tuple(shape["not_endings"]))
        for line in lines)


def estimate_lead(text: str, para: _Span, pos: int) -> bool:
    """True when the paragraph's first sentence, before ``pos``, holds an estimate clause of
    its own (报告透露，初步预计，2019年，…。财政总收入…): it frames the whole paragraph."""
    stop = text.find("。", para.start, pos)
    head = text[para.start : pos if stop < 0 else stop]
    return re.search(str(page_shapes()["estimate_lead"]), head) is not None


def opened_year(doc: Document, para: _Span, current: Headline | None) -> Headline | None:
    """On a page without headings, the past year a paragraph opens on (2018年，在市委…领导下，
    …) dates the bare lines after it that name no year, no 今年/去年 and no target (an
    infographic's 预计地区生产总值…。 / 全社会固定资产投资172亿元、增长13%…): the paragraph's
    year while it lasts, for the paragraphs after ``para``; None once one names a time."""
    text = doc.text
    if doc.section_at(para.start) is not None:
        return None
    opening = opening_year_timing(doc, para)
    if opening is not None:
        return Headline(para, opening, frames_next_only=False)
    body = text[para.start : para.end].strip()
    lead = re.split(r"\d", body, maxsplit=1)[0]  # a word turning to the plan before the values
    shape = page_shapes()["opened_year"]
    if current is None or len(body) > int(shape["line_max"]) or year_re().search(body) or any(
            w in lead for w in shape["turn_words"]) or has_cue(lead, "target_cues") or (
            relative_year(text, para.start, para.end) is not None):
        return None
    return current
