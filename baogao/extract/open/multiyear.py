"""Passages about several years: a paragraph under or opening with words that name several
years (这五年, “十四五”时期, a short line 这是…的五年。), and a sentence holding such a word.

A section titled after one year and several (“十四五”时期和2025年工作回顾, 过去一年和五年的工作
回顾) holds two parts: a paragraph belongs to the part the last paragraph opening a part
before it in that section opens — on the five years (“十四五”时期是…的五年, 过去五年, 这是…的
五年。) or on the one year (刚刚过去的2025年, 过去一年) — whatever its own words or its
subsection's heading ((四)在发展中增进民生福祉…) say.

The open facts, the commitments and the review all ask these; answers are kept per document
and per span. The words live in ``baogao/data/cues.json`` and ``commitments.json``.
"""

from __future__ import annotations

import bisect
import functools
import re

from baogao.extract.alternation import words_pattern
from baogao.extract.catalog import cue_pattern, cues
from baogao.extract.facts import _Span
from baogao.extract.open.words import _skip_words, vocabulary
from baogao.extract.periods import has_cue_in, opens_single_year, paragraph_spans
from baogao.extract.span_memo import SpanMemo, per_document
from baogao.extract.spans import level_at_end, summed
from baogao.models import Document

_YEAR_TITLE = re.compile(r"(?:19|20)\d{2}年")


@functools.lru_cache(maxsize=1)
def _multi_year_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Any paragraph-level multi-year word; any multi-year word (``in`` tests, as one search;
    an empty word, found in any text, is an empty alternative, found too)."""
    table = cues()
    para = words_pattern(table["multi_year_paragraph"])
    every = words_pattern([*table["multi_year_paragraph"], *table["multi_year_sentence"]])
    return re.compile(para or "(?!)"), re.compile(every or "(?!)")


@per_document  # the open facts, the commitments and the review ask it in turn
def _multi_year_paragraph(doc: Document, para: _Span) -> bool:
    """A paragraph about several years: under a heading naming them (“十四五”时期) or opening
    with them (这五年, 过去五年)."""
    words = _multi_year_res()[0]
    if words.search(doc.text, para.start, min(para.end, para.start + 12)) is not None:
        return True  # its lead (searched in place: the words are plain, no lookaround)
    if opens_single_year(doc, para):
        return False  # 刚刚过去的2025年… under a “十四五”时期工作回顾 heading: that year
    if _under_multi_year_line(doc, para):
        return True
    part = _part_at(doc, para.start)
    if part is not None:
        return part  # (“十四五”时期和2025年工作回顾:) “十四五”时期是…的五年。…（四）…
    # a title naming several years (2025年和“十四五”时期工作 names one year: not it)
    return any(words.search(t) and not _YEAR_TITLE.search(t)
               for t in doc.section_path(doc.section_at(para.start)))


@functools.lru_cache(maxsize=1)
def _several_years_title() -> re.Pattern[str]:
    return re.compile(str(cues()["several_years_title"]))


def _part_at(doc: Document, pos: int) -> bool | None:
    """Whether the paragraph at ``pos`` is in the part about several years of the outermost
    section around it whose title names several years (see the module notes): the kind of
    the last part opener before it in that section; None when there is no such section or
    no opener before it."""
    section = doc.section_at(pos)
    outer = None
    while section is not None:
        if _several_years_title().search(section.title):
            outer = section
        section = doc.sections[section.parent] if section.parent is not None else None
    if outer is None:
        return None
    starts, kinds = _part_openers(doc, None)
    i = bisect.bisect_left(starts, pos) - 1
    return kinds[i] if i >= 0 and starts[i] >= outer.start else None


@per_document
def _part_openers(doc: Document, _: None = None) -> tuple[list[int], list[bool]]:
    """Where each paragraph opening a part starts, and whether the part is about several
    years (True: 过去五年，…, “十四五”时期是…, 经过五年…, a short line 这是…的五年。) or one
    (False: 刚刚过去的2025年，…)."""
    found: list[tuple[int, bool]] = []
    span = int(cues()["single_year_opener_span"])
    for para in paragraph_spans(doc):
        if opens_single_year(doc, para):
            found.append((para.start, False))
        elif any(has_cue_in(doc.text, para.start, min(para.end, para.start + span), key)
                 for key in ("five_year_review", "multi_year_part_openers")) or (
                _multi_year_line(doc.text[para.start : para.end])):
            found.append((para.start, True))
    return [f[0] for f in found], [f[1] for f in found]


def _multi_year_line(line: str) -> bool:
    """A short line naming several years, read as the heading of what follows (这是经济实力
    持续提升的五年。)."""
    line = line.strip()
    return len(line) <= _HEADING_LINE and len(_HANS.findall(line)) >= 4 and any(
        w in line for w in _skip_words("multi_year_lines"))


#: The longest line read as a heading of the paragraphs after it (这是经济实力持续提升的五年。).
_HEADING_LINE = 30
_HANS = re.compile(r"[\u4e00-\u9fff]")


def _under_multi_year_line(doc: Document, para: _Span) -> bool:
    """True when the nearest short line before the paragraph in its section, a heading the
    outline does not know, names several years (这是绿美广东生态建设绘就新画卷的五年。)."""
    global _WALKS
    section = doc.section_at(para.start)
    floor = section.heading_end if section is not None else 0
    end = para.start - 1
    walks = _WALKS
    if walks[0] is not doc.text or walks[1] != doc.year:
        walks = _WALKS = (doc.text, doc.year, {})
    known = walks[2]  # the later paragraphs of a section walk back over the same lines
    passed: list[int] = []
    found = False
    while end > floor:
        if (floor, end) in known:
            found = known[(floor, end)]
            break
        passed.append(end)
        start = doc.text.rfind("\n", floor, end) + 1
        line = doc.text[start:end].strip()
        if len(line) <= _HEADING_LINE and len(_HANS.findall(line)) >= 4:  # not PM|2.5 cut
            found = any(w in line for w in _skip_words("multi_year_lines"))
            break
        if opens_single_year(doc, _Span(start, end)):
            break  # (五年来主要做了以下工作。…)刚刚过去的2025年，…: that year's
        end = start - 1
    for at in passed:
        known[(floor, at)] = found
    return found


#: The walks of ``_under_multi_year_line`` made in the text (and year) last read, by (section
#: floor, line end): what a walk from a line finds, so each line is passed once per section.
_WALKS: tuple[str, int | None, dict[tuple[int, int], bool]] = ("", None, {})


def _multi_year_sentence(text: str, sentence: _Span) -> bool:
    """A sentence about several years (到2030年): a word naming several years in it, unless
    it is part of one year's word (今年合计新增…: ``single_year_words``) or names a plan
    being drawn up (制定…实施意见和规划纲要: ``document_verbs`` shortly before it). Kept
    by span: the open facts (once per value), the commitments and the review ask it."""
    return bool(_multi_year_sentences(text, sentence.start, sentence.end))


def _several_years_in(text: str, start: int, end: int) -> tuple[bool, ...]:
    """``(True,)`` when ``text[start:end]`` is a sentence about several years, else ``()``."""
    ones, drawn = _skip_words("single_year_words"), _skip_words("document_verbs")
    record = cue_pattern("record_after_span")
    return (True,) if any(
        not any(text.startswith(w, m.end() - len(w)) for w in ones) and not any(
            w in text[max(start, m.start() - 16) : m.start()] for w in drawn)
        and record.match(text, m.end()) is None  # 创造了近五年来的最高水平: a record
        for m in _multi_year_res()[1].finditer(text, start, end)) else ()


#: ``_multi_year_sentence`` of the text last read, by span (see ``SpanMemo``).
_multi_year_sentences: SpanMemo[bool] = SpanMemo(_several_years_in)


def goal_level(text: str, sentence: int, clause: int, pos: int, printed: str,
               action: str | None, unit: str) -> bool:
    """True when a goal of several years at ``pos`` states where they end (a level reached:
    常住人口城镇化率提升至67%左右, 比重分别超过2%、5%; or a count of what an action builds
    by then: 打造4个国家先进制造业集群), not a change or a flow over them (降低16%, 年均增长5%,
    新增, 每年: ``span_sum_words``) nor a count of what is under way or named (已开工建设的
    …项目有九十三个, 提出了28个主要指标; only ``goal_count_actions`` build): a value of the
    plan's last year."""
    if level_at_end(text, sentence, clause, pos, printed, action):
        return True
    words = vocabulary()
    return action in cues()["goal_count_actions"] and unit.lstrip("万亿") in words[
        "count_units"] and not summed(text[clause:pos])
