"""Years a from-to pair lends to the pairs after it.

A review often dates its first from-to pair and lets the next ones borrow the years:
地区生产总值从2005年的28.02亿元增加到2011年的95.2亿元，…，人均生产总值从7738元增加到24715元;
地方财政一般预算收入从1.39亿元增加到8.6亿元. The undated pairs after a dated one, in the same
paragraph, are about the same two years: the start value of the first year, the end value of
the second.
"""

from __future__ import annotations

import functools
import re

from baogao.extract.catalog import page_shapes
from baogao.extract.open.words import vocabulary
from baogao.extract.periods import Timing, _Span, year_re
from baogao.models import Document

_YEAR = r"((?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})年"
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}


def _year_int(digits: str) -> int:
    """1986 or 一九八六 as an int."""
    return int("".join(_CN_DIGITS.get(c, c) for c in digits))


@functools.lru_cache(maxsize=1)
def _dated_pair_re() -> re.Pattern[str]:
    """从2005年的X增加到2011年的Y: a from-to pair with both years written."""
    verbs = "|".join(map(re.escape, page_shapes()["span_verbs"]))
    # (从一九八○年至一九八五年: the two years may stand side by side)
    return re.compile(rf"[从由]{_YEAR}的?[^，,；;。从由]{{0,20}}?(?:{verbs})?[到至]{_YEAR}的?")


def carried_years(doc: Document, para: _Span, pos: int) -> tuple[int, int] | None:
    """The (from, to) years of the last dated from-to pair of the paragraph before ``pos``,
    when both are past years of the report; else None."""
    own = max(doc.text.rfind(w, para.start, pos) for w in "从由")  # the value's own pair
    found = None
    for match in _dated_pair_re().finditer(doc.text, para.start, pos):
        if match.start() < own:
            found = (_year_int(match.group(1)), _year_int(match.group(2)))
            if _names_plan_span(doc.text, match):
                found = (found[0] - 1, found[1])
    if found is None and re.search(_YEAR, doc.text[para.start : pos]) is None:
        found = _earlier_pair(doc, para.start)
    if found is None and own >= 0:
        found = _past_years_pair(doc, para, pos)
    if found is None and own >= 0 and doc.year is not None:
        compared = _compared_years(doc, para, own)
        if compared is not None and compared[0] < doc.year:
            return compared  # (a plan's later year may lie ahead)
    if found is None or doc.year is None or not found[0] < found[1] < doc.year:
        return None
    return found


def _names_plan_span(text: str, match: re.Match[str]) -> bool:
    """True when the pair's two years stand side by side and name the span of a plan or period
    (从2001年到2005年的第十个五年计划时期): the values of that span run from the year before
    its first year (the start value is 2000's). 从一九八○年至一九八五年，钢产量由…增加到…
    (the years alone, then a comma) dates the start value by its first year."""
    if re.fullmatch(rf"[从由]{_YEAR}的?[到至]{_YEAR}的?", match.group(0)) is None:
        return False
    after = text[match.end() : match.end() + _SPAN_REACH]
    after = re.split(r"[，,；;。：:]", after, maxsplit=1)[0]
    return any(word in after for word in page_shapes()["plan_span_words"])


#: how far after a pair of years its span word may stand (的第十个五年计划时期)
_SPAN_REACH = 12


#: A lead comparing two years (一九五七年的计划产量比一九五二年的产量增长的情况如下列：).
_COMPARED_YEARS = re.compile(rf"{_YEAR}的?[^，,；;。：:]{{0,12}}?比{_YEAR}")


def _compared_years(doc: Document, para: _Span, own: int) -> tuple[int, int] | None:
    """(earlier, later) when the text before the value's own pair in ``para`` (a list under
    its lead) compares a later year with an earlier one and names no other year: 钢：从一百
    三十五万吨增加到四百十二万吨 under …一九五七年的计划产量比一九五二年的产量…如下列："""
    head = doc.text[para.start : own]
    found = list(_COMPARED_YEARS.finditer(head))
    if len(found) != 1 or len(re.findall(_YEAR, head)) != 2:
        return None
    later, earlier = _year_int(found[0].group(1)), _year_int(found[0].group(2))
    return (earlier, later) if earlier < later else None


#: Past years opening a sentence (这两年中，…; 五年来，…; 过去三年里，…): a from-to pair after
#: them runs from the year before them to the last one, the year before the report's.
_PAST_YEARS = re.compile(r"^(?:这|过去的?)?([两二三四五六七八九十])年(?:中|里|间|来)[，,]")
_SMALL = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}


def _past_years_pair(doc: Document, para: _Span, pos: int) -> tuple[int, int] | None:
    """(the year before the past years, the last of them) when the full-stop sentence of
    ``pos`` opens on past years (这两年中，钢产量由…增加到…, in a report of 1979: 1976 and 1978),
    outside a plan (这五年中 of a plan is ahead) and naming no year itself."""
    start = max(para.start, doc.text.rfind("。", para.start, pos) + 1)
    head = doc.text[start:pos].lstrip()
    match = _PAST_YEARS.match(head)
    if (match is None or doc.year is None or doc.role_at(pos) == "plan"
            or re.search(_YEAR, head)):
        return None
    if head[0] not in "这过" and not match.group(0).endswith(("来，", "来,")):
        return None  # 两年中 alone may be any two years
    last = doc.year - 1
    return last - _SMALL[match.group(1)], last


#: how far back a paragraph naming no year looks for the dated pair of the passage it goes on
_PASSAGE_REACH = 1500


def _earlier_pair(doc: Document, start: int) -> tuple[int, int] | None:
    """The years of the last dated pair in the same section before a paragraph that names no
    year, when no year is written between that pair and the paragraph (地区生产总值由2010年的…
    增加到2015年的…。…\n…粮食产量由431.6亿斤增加到565.4亿斤: the same five years)."""
    section = doc.section_at(start)
    floor = max(section.start if section is not None else 0, start - _PASSAGE_REACH)
    last = None
    for match in _dated_pair_re().finditer(doc.text, floor, start):
        last = match
    if last is None or re.search(_YEAR, doc.text[last.end() : start]):
        return None
    return _year_int(last.group(1)), _year_int(last.group(2))


def carried_timing(doc: Document, para: _Span, pos: int, span: str) -> Timing | None:
    """The timing of an undated start (``span`` "start") or end ("end") value of a from-to
    pair, from the last dated pair before it in the paragraph."""
    years = carried_years(doc, para, pos)
    if years is None:
        return None
    year = years[0] if span == "start" else years[1]
    if doc.year is not None and year >= doc.year:
        return Timing("target", False, year)
    return Timing("actual", False, year)


@functools.lru_cache(maxsize=1)
def _level_verbs() -> tuple[str, ...]:
    """Verbs of a level reached (达到, 提高到, 增长到), longest first."""
    words = vocabulary()
    return tuple(sorted({*words["end_level_verbs"], *words["from_follow"]}, key=len,
                        reverse=True))


@functools.lru_cache(maxsize=1)
def _end_level_re() -> re.Pattern[str]:
    """A verb of a level reached, right before a value: 达到, 提高到, (由…)增加到 (a space
    between, as converted documents print it: 比重达 3.37%)."""
    return re.compile("(?:" + "|".join(map(re.escape, _level_verbs())) + r")了?\s*$")


#: The values of a list printed between a verb of a level reached and a later value of the
#: list (分别达|24.1%和|50.2%, 分别增至|37座、|14座).
_LISTED_BEFORE = re.compile(r"(?:[\d.]+[^\d，,；;。：:、和及]{0,6}[、和及])+$")


#: The start of a from-to pair (从771家…增加到…, 由45.9%提高到…).
_PAIR_START = re.compile(r"[从由][^，,；;。]*?\d")


#: The longest opening clause of a sentence read as its lead-in (“六五”期间，; 五年来，).
_LEAD_IN = 8


def summed(head: str) -> bool:
    """True when ``head`` holds a word of a sum or a flow over years (新增, 建成, 累计, 年均:
    ``span_sum_words``) that is not part of a noun (城市建成区: ``span_sum_not``)."""
    words = vocabulary()
    for noun in words["span_sum_not"]:
        head = head.replace(noun, "")
    return any(w in head for w in words["span_sum_words"])


def level_at_end(text: str, sentence: int, clause: int, pos: int, printed: str,
                 action: str | None) -> bool:
    """True when the value ``printed`` at ``pos``, in a review of several past years, is the
    level they ended at: a verb of a level reached right before it or opening it (青壮年文盲率
    下降到6%; 规模达到1144万人; the 到 side of 由1655亿美元增加到3251亿美元; 余额突破6万亿元),
    its action (if any) being such a verb, with no word of a sum or a flow over the years in
    its clause or in a short lead-in opening its sentence (新增, 建成, 累计, 合计, “六五”期间,
    年均: ``span_sum_words``) and no year written before it in its sentence (the years' own
    dating holds)."""
    words = vocabulary()
    verbs = _level_verbs()
    prefixes = tuple(words["end_level_prefixes"])
    listed = _LISTED_BEFORE.search(text, clause, pos)  # 分别达24.1%和|50.2%: the list's verb
    at = listed.start() if listed else pos
    if _end_level_re().search(text, sentence, at) is None and not printed.startswith(
            prefixes) and not (listed and text.endswith(prefixes, sentence, at)):
        return False
    paired = _PAIR_START.search(text, clause, at) is not None and text.endswith(
        tuple(words["from_follow"]), clause, at)  # (认定…)从771家增加到|1076家: the 到 side
    if action is not None and action not in verbs and not paired:
        return False  # 引进…超800家, 完成水利投资超1000亿元: done over the years
    lead = min((i for i in (text.find(c, sentence, pos) for c in "，,：:") if i >= 0),
               default=pos)
    # the value's own part of its clause: after the last 、 before it (新增上市公司48家、|总量达
    # 122家: the flow before is another value's), not inside a list it closes
    own = max(clause, text.rfind("、", clause, at) + 1)
    heads = [text[own:pos], text[sentence:lead] if lead - sentence <= _LEAD_IN else ""]
    return not any(summed(h) for h in heads) and (
        year_re().search(text, sentence, pos) is None)


def reached_level(text: str, clause: int, pos: int) -> bool:
    """True when a verb of a level reached (达到, 增加到, 提高到) stands right before the value
    at ``pos`` in its clause (from ``clause``): the value is a level, not a flow."""
    return _end_level_re().search(text, clause, pos) is not None
