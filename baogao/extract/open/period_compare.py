"""Years of open facts that a comparison or an earlier sentence dates.

* ``base_value_year``: a base value printed after 比…年的;
* ``continued_year``: a sentence opening with 其中 that goes on with the one before;
* ``past_point_year``: a value counted up to a past date (到一九五四年十一月底为止);
* ``share_at_end``: a share, or a rate printed right after its name, stated in a review of
  several years: the level they ended at;
* ``stock_at_end``: a level compared right after with the start of the years reviewed
  (积累7810亿元，比五年前增加…): the level they ended at;
* ``deadline_after``: a target whose item reaches a deadline right after it (…，到一九五七年达到);
* ``listed_after_done``: a clause with no timing of its own after a value read as done;
* ``pair_year``: a side of a change from one level to another (由X增加到Y) that the years
  of the span (从2003年到2007年，…; 从2002年的…增加到2007年的…) or its own year (从1997年的)
  date: the start the first year's, the end the last one's.

A change compared with a base several years before (1992年同1987年相比…增长) is over those
years, no one year's, and stays undated (``open.checks.own_period``).
"""

from __future__ import annotations

import functools
import re

from baogao.extract.catalog import cues
from baogao.extract.open.words import vocabulary
from baogao.extract.periods import explicit_year, year_of, year_re
from baogao.extract.spans import summed


@functools.lru_cache(maxsize=1)
def _base_value_re() -> re.Pattern[str]:
    return re.compile(rf"(?:比|较|同|与)\s*(?:{year_re().pattern})(?:底|末)?的$")


def base_value_year(text: str, clause: int, pos: int) -> int | None:
    """The year of a base value printed after 比…年的 right before ``pos`` in its clause
    (比一九五二年的六百一十五万人增长百分之六十六): that year's level, not the one compared."""
    found = _base_value_re().search(text, max(clause, pos - 16), pos)
    return year_of(found) if found is not None else None


def continued_year(text: str, para: int, sentence: int, pos: int) -> int | None:
    """The year of the full-stop sentence before, for a value in one opening with 其中 that
    goes on with it (我国的工农业总产值在一九五七年达到了…。其中，工业总产值达到了…, 1959): the
    last year that sentence names not as a base, when the value's own full-stop sentence names
    none up to ``pos`` but as a base (比一九五二年的…)."""
    full = max(text.rfind("。", para, sentence) + 1, para)
    if not text.startswith("其中", full) or full <= para:
        return None
    if explicit_year(text, full, pos) is not None or any(
            text[m.start() - 1] not in "比较同与" for m in year_re().finditer(text, full, pos)):
        return None
    before = max(text.rfind("。", para, full - 1) + 1, para)
    return explicit_year(text, before, full - 1)


@functools.lru_cache(maxsize=1)
def _past_point_re() -> re.Pattern[str]:
    months = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?:底|末)?"
    return re.compile(rf"(?:到|至|截至|截止到?)\s*(?:{year_re().pattern})"
                      rf"(?:{months}|底|末)(?:为止|止)")


def past_point_year(text: str, sentence: int, pos: int, year: int | None) -> int | None:
    """The year of a past point its sentence counts a value up to (第一汽车制造厂的建设到
    一九五四年十一月底为止，共积压器材…, in the 1955 report), when it is before the report's
    ``year``: what had built up by then, a result of that year, not a target."""
    found = max(_past_point_re().finditer(text, sentence, pos), key=lambda m: m.start(),
                default=None)
    if found is None or year is None:
        return None
    named = year_of(found)
    return named if named < year else None


#: A share printed as its own clause's value: 占…的56%以上 (not 占全国人口65%的地区: a
#: qualifier, which is not a value of its own).
_SHARE_HEAD = re.compile(r"占[^，,；;。、]{1,40}的$")


@functools.lru_cache(maxsize=1)
def _bare_level_res() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """A rate's name right before its value; a per-head ratio's opening; the words that make
    either a change or a span (``bare_level`` of cues.json)."""
    table = cues()["bare_level"]
    ends = "|".join(map(re.escape, table["ends"]))
    heads = "|".join(map(re.escape, table["heads"]))
    return (re.compile(rf"(?:{ends})\s*$"), re.compile(rf"\s*(?:{heads})"),
            tuple(table["not"]))


def _bare_level(text: str, clause: int, pos: int, unit: str) -> bool:
    """True when the value at ``pos`` follows its name with no verb between: a rate (风险消除率
    78.8%) or a per-head ratio (每千人拥有3岁以下婴幼儿托位数4.59个), a level."""
    rate, head, changes = _bare_level_res()
    own = max(clause, text.rfind("、", clause, pos) + 1)
    part = text[own:pos]
    if any(w in part for w in changes):
        return False
    return (unit in ("%", "‰") and rate.search(part) is not None) or head.match(part) is not None


def share_at_end(text: str, sentence: int, clause: int, pos: int, unit: str) -> bool:
    """True when the value at ``pos`` is a share its clause states (中等职业学校的在校生占高中
    阶段教育总人数的56%以上) or a rate or per-head ratio printed right after its name (风险
    消除率78.8%): a level, in a review of several years the one they ended at, as long as no
    word of a sum or a flow over the years stands before it in its sentence and no year is
    written there (the years' own dating holds)."""
    if not (unit == "%" and _SHARE_HEAD.search(text, clause, pos) is not None) and not (
            _bare_level(text, clause, pos, unit)):
        return False
    head = text[sentence:pos]  # (五年累计…，)占…的20%: a share of a sum, not a level
    return not summed(head) and (
        year_re().search(text, sentence, pos) is None)


@functools.lru_cache(maxsize=1)
def _deadline_after_re() -> re.Pattern[str]:
    return re.compile(rf"[，,](?:即[^，,；;。]*[，,])?(?:到|至)(?:{year_re().pattern})"
                      r"(?:底|末)?(?:将)?(?:达到|达|增加到|提高到|为)")


@functools.lru_cache(maxsize=1)
def _year_words_re() -> re.Pattern[str]:
    """Any year word before the value (今年, 明年, 去年, 本年, 上年): its own dating holds."""
    return re.compile(str(cues()["year_words"]))


def deadline_after(text: str, sentence: int, pos: int, end: int, year: int | None,
                   horizon: int) -> int | None:
    """The year of a deadline right after the value's clause that the same item reaches
    (粮食增长百分之十七点六，即增产五百七十八亿斤，到一九五七年达到三千八百五十六亿斤, in the
    1955 report): a target of that year, not of the report's, when nothing before the value in
    its sentence names a year but as another item's deadline (from ``sentence``; ``end`` is
    where its clause ends)."""
    if year is None or _year_words_re().search(text, sentence, pos) or any(
            text[max(sentence, m.start() - 1) : m.start()] not in ("到", "至")
            for m in year_re().finditer(text, sentence, pos)):
        return None  # (…，到一九五七年达到…，)棉花增长…: another item's deadline does not
    found = _deadline_after_re().match(text, end)
    if found is None:
        return None
    named = year_of(found)
    return named if year < named <= year + horizon else None


@functools.lru_cache(maxsize=1)
def _own_timing_re() -> re.Pattern[str]:
    """Words that give a clause a timing of its own: a plan's or the future's, a year's."""
    return re.compile(str(cues()["own_timing"]))


def listed_after_done(text: str, clause: int, pos: int) -> bool:
    """True when the value at ``pos`` stands in a clause with no timing of its own (五十四个自治
    县; 涉及5300多个税目): after a value its sentence read as done (成立了二十九个自治州, 已由15.3%
    降到12%), it goes on with it and is done too."""
    return _own_timing_re().search(text, clause, pos) is None


@functools.lru_cache(maxsize=1)
def _pair_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Years of a span (2003年至2007年, 从1979至1981年, 从2002年的…增加到2007年的…); a start
    dated right before a value (从1997年的, 由2002年末); the 到 side of a pair before a value
    (由1600万人增加到)."""
    one = year_re().pattern
    bare = r"(?<!\d)(?:19|20)\d{2}"
    ends = "|".join(map(re.escape, sorted(vocabulary()["from_follow"], key=len, reverse=True)))
    span = re.compile(rf"(?:{one}|{bare})(?:底|末)?\s*(?:到|至|—|－|-)\s*{one}(?!以来|来)"
                      rf"|[从由]\s*{one}(?:底|末)?的?[^，,；;。]*?(?:{ends})\s*{one}")
    start = re.compile(rf"[从由]\s*(?:{one})(?:底|末)?的?\s*$")
    end = re.compile(rf"[从由][^，,；;。]*?\d[^，,；;。]*?(?:{ends})\s*$")
    return span, start, end


def pair_year(text: str, sentence: int, clause: int, pos: int, year: int | None,
              start: bool) -> int | None:
    """The year of the value at ``pos`` as a side of a change from one level to another: the
    start (``start``: 由382万人|增加到…) the first year of the span its sentence names before
    it (2003年至2007年，全国普通高校招生人数由|382万人…: 2003) or its own (从1997年的|8671万人),
    the end (…增加到|567万人) the last year of that span (2007); None when the value is
    neither side, no span is named, or another year is written between the span and the
    value (its own dating holds). A start is a level known when the report speaks: of a year
    before the report's."""
    if year is None:
        return None
    span_re, start_re, end_re = _pair_res()
    if start:
        own = start_re.search(text, max(clause, pos - 16), pos)
        if own is not None:
            named = year_of(own)
            return named if named < year else None
    elif end_re.search(text, clause, pos) is None:
        return None
    last = max(span_re.finditer(text, sentence, pos), key=lambda m: m.start(), default=None)
    if last is None or year_re().search(text, last.end(), pos) is not None:
        return None
    years = [year_of(m) for m in year_re().finditer(last.group(0))]
    if len(years) == 1:  # 从1979至1981年: the first year written without 年
        years.insert(0, int(re.search(r"(?:19|20)\d{2}", last.group(0)).group(0)))  # type: ignore[union-attr]
    first, final = years[0], years[-1]
    if first >= final:
        return None
    if start:
        return first if first < year else None
    return final


#: A comparison right after a level with the start of several years (，比五年前增加…,
#: ，比2005年末增长…): the level is the one reached at their end.
_SINCE_START = re.compile(r"[，,]\s*(?:比|较)(?:(?P<span>[两二三四五六七八九十\d]{1,2})年前"
                          r"|(?P<year>" + year_re().pattern + r")(?:末|底)?)"
                          r"(?:增加|增长|提高|下降|减少|翻)")


def stock_at_end(text: str, end: int, year: int) -> bool:
    """True when the value ending at ``end`` is compared right after with the start of a span
    of years that ends with the report's last year (全国社会保障基金积累7810亿元，比五年前增加
    5800多亿元): a level at the end of a review of several years, not a sum over them."""
    found = _SINCE_START.match(text, end)
    if found is None:
        return False
    if found.group("span"):
        return True
    base = year_re().search(found.group(0))
    return base is not None and year_of(base) < year - 2
