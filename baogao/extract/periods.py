"""When a stated value holds, and for which period: sentences, years, timing.

Splits paragraphs into sentences (one regular-expression pass, linear), finds the year a value
is about (an explicit year, 去年 / 今年, the end year of 从…增长到2025年的…, never a comparison
base), whether it is an actual or a target (cue words, the section's role), and whether a
paragraph speaks of one year or of several (五年来, a “十四五” section, unless the paragraph
opens on one year: 刚刚过去的2025年).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from baogao.extract.alternation import words_pattern
from baogao.extract.catalog import cue_pattern, cues
from baogao.extract.span_memo import SpanMemo, last_of
from baogao.models import Document, Kind, Role


@dataclass(frozen=True)
class Timing:
    """Whether a value is an actual or a target, estimated or not, and its year."""

    kind: Kind
    estimated: bool
    period: int | None


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


# Cue helpers -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=128)
def cue_words(key: str) -> tuple[str, ...]:
    words: list[str] = cues()[key]
    return tuple(sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _sentence_re() -> re.Pattern[str]:
    breaks = str(cues()["sentence_breaks"])
    inner = re.escape(breaks.replace("\n", ""))
    return re.compile(rf"[^{re.escape(breaks)}]+[{inner}]?|[{inner}]")


@functools.lru_cache(maxsize=1)
def _comparison_base_re() -> re.Pattern[str]:
    return re.compile(str(cues()["comparison_base"]))


@functools.lru_cache(maxsize=1)
def _year_re() -> re.Pattern[str]:
    """A year: 2025年, or in Chinese numerals as older reports write it (一九八三年, 二00四年
    with a zero typed as a digit)."""
    digits = "〇○零一二三四五六七八九"
    # a copy may space out its digits (1 9 9 7 年); not after a digit, tested after the
    # first digit (a pattern opening on a lookbehind is tried at every character)
    return re.compile(rf"((?:1(?<![\d{digits}]1) ?9|2(?<![\d{digits}]2) ?0) ?\d ?\d"
                      rf"|[一二](?<![\d{digits}][一二])[{digits}0]{{3}}) ?年")


_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _year_of(match: re.Match[str]) -> int:
    return int(match.group(1).replace(" ", "").translate(_CN_YEAR_DIGITS))


def year_re() -> re.Pattern[str]:
    """A year in Arabic or Chinese digits (group 1 its digits, see ``year_of``)."""
    return _year_re()


def year_of(match: re.Match[str]) -> int:
    """The year that group 1 of ``match`` writes, in Arabic or Chinese digits."""
    return _year_of(match)


@functools.lru_cache(maxsize=64)
def _cue_re(key: str) -> re.Pattern[str] | None:
    words = [w for w in cue_words(key) if w]
    return re.compile(words_pattern(words)) if words else None


def has_cue(text: str, key: str) -> bool:
    pattern = _cue_re(key)
    return pattern is not None and pattern.search(text) is not None


def has_cue_in(text: str, start: int, end: int, key: str) -> bool:
    """``has_cue(text[start:end], key)`` without copying the span (cue patterns are plain
    words: no anchor or lookaround sees past the span)."""
    pattern = _cue_re(key)
    return pattern is not None and pattern.search(text, start, end) is not None


def ends_with_cue(text: str, key: str) -> str | None:
    for word in cue_words(key):
        if word and text.endswith(word):
            return word
    return None


# Sentences ---------------------------------------------------------------------------------


def iter_sentences(text: str, start: int, end: int) -> Iterator[_Span]:
    """Sentences of ``text[start:end]`` (split on 。；！？ and line ends), whitespace-trimmed.

    One regular-expression pass: linear in the length of the span (once per span of the
    text last split).
    """
    return iter(_sentences(text, start, end))


def _split_sentences(text: str, start: int, end: int) -> Iterator[_Span]:
    for match in _sentence_re().finditer(text, start, end):
        left, right = match.span()
        if text[left].isspace() or text[right - 1].isspace():  # rare: trim it
            piece = match.group(0)
            left += len(piece) - len(piece.lstrip())
            right -= len(piece) - len(piece.rstrip())
            if right <= left:
                continue
        yield _Span(left, right)


#: The sentences of the text last split, by span (see ``SpanMemo``).
_sentences: SpanMemo[_Span] = SpanMemo(_split_sentences)


def paragraph_spans(doc: Document) -> Iterator[_Span]:
    if doc.paragraphs:
        for para in doc.paragraphs:
            if not para.is_table_row:
                yield _Span(para.start, para.end)
        return
    pos = 0
    for line in doc.text.split("\n"):
        if "\t" not in line:
            yield _Span(pos, pos + len(line))
        pos += len(line) + 1


# Timing ------------------------------------------------------------------------------------


def explicit_year(text: str, start: int, pos: int) -> int | None:
    """The last year written before ``pos`` in the sentence, unless it is a comparison base."""
    found: int | None = None
    for match in _year_re().finditer(text, start, pos):
        before = text[max(start, match.start() - 2) : match.start()]
        after = text[match.end() : match.end() + 2]
        end_year = before.endswith(("到", "至")) and (
            text.startswith("的", match.end())
            or (text.startswith(("，", ","), match.end()) and not before.startswith("年"))
            or _POINT_AFTER.match(text, match.end()) is not None
        )  # 增加到2025年的…, 到一九四九年，…, 到1995年底全国…: the year the value belongs to
        if any(before.endswith(w) for w in cue_words("year_blockers_before")) and not (
                end_year or _from_date(text, before, match.end())):
            continue
        if re.match(str(cues()["year_multiple_base"]), text[match.end() : match.end() + 8]):
            continue  # 达到44亿元，是2012年的1.6倍: the base of a multiple, not the value's year
        compared = after.startswith("比") and _year_re().match(text, match.end() + 1)
        if any(after.startswith(w) for w in cue_words("year_blockers_after")) and not compared:
            continue  # …but 一九五七年比一九五六年: the value is about the first year
        found = _year_of(match)
    return found


#: The end of a year right after it, not a deadline before it (到1995年底|全国发电装机容量
#: 达到…; not 到2025年底前).
_POINT_AFTER = re.compile(r"[底末](?!前|以前|之前)")


#: A date a level holds from (从2002年1月1日起, 自2004年7月1日起): the month and day after
#: the year, then 起.
_SINCE_DATE = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})月"
                         r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?起")


def _from_date(text: str, before: str, end: int) -> bool:
    """True when the year ending at ``end`` opens a date a level holds from (从2002年1月1日
    起，我国关税总水平已由15.3%降到12%): the level is that year's, the year no start of a
    span."""
    return before.endswith(("从", "自", "由")) and _SINCE_DATE.match(text, end) is not None


@functools.lru_cache(maxsize=1)
def _deadline_re() -> re.Pattern[str]:
    digits = "〇○零一二三四五六七八九"
    return re.compile(rf"(?:到|至)((?:19|20)\d{{2}}|[一二][{digits}]{{3}})年(?:底|末)?[，,]")


def deadline_year(text: str, start: int, pos: int) -> int | None:
    """The year of a deadline (到1985年，…) opening a clause before ``pos``, if any."""
    found: int | None = None
    for match in _deadline_re().finditer(text, start, pos):
        found = _year_of(match)
    return found


def future_target(year: int | None, named: int | None, horizon: int | None = None) -> Timing | None:
    """A value about a year after the report's own (一九九○年…达到, 到1985年，…) can only be
    planned: a target of that year, within the horizon of a plan (``future_target_horizon``,
    or ``horizon`` when the sentence names a longer plan, see ``plan_horizon``)."""
    if year is None or named is None or named <= year:
        return None
    if named - year > (horizon or int(cues()["future_target_horizon"])):
        return None
    return Timing("target", False, named)


def plan_horizon(text: str, floor: int, pos: int) -> int | None:
    """The span in years of a long-range plan the full-stop sentence before ``pos`` names
    (按照十年规划，到一九八五年，…: ten years), else None."""
    start = max(floor, text.rfind("。", floor, pos) + 1)
    head = text[start:pos]
    spans: dict[str, int] = cues()["long_plan_horizons"]
    return max((n for word, n in spans.items() if word in head), default=None)


def section_year(doc: Document, pos: int) -> int | None:
    """The one year the innermost titled section around ``pos`` names (二、1981年国民经济计划
    的任务和主要指标 → 1981), or None when its title names none or several."""
    titles = doc.section_path(doc.section_at(pos))
    for title in reversed(titles):
        years = {_year_of(m) for m in _year_re().finditer(title)}
        if len(years) == 1:
            return years.pop()
        if years:
            return None
    return None


@functools.lru_cache(maxsize=1)
def _relative_words_re() -> re.Pattern[str]:
    """Any word of ``last_year`` or ``this_year``: where none is, ``relative_year`` finds
    none (one scan instead of one per word)."""
    words = sorted(cue_words("last_year") + cue_words("this_year"), key=len, reverse=True)
    if not words or not all(words):
        return re.compile("")  # no gate (an empty word is found anywhere)
    return re.compile(words_pattern(words))


#: What follows 去年 when it names a level held, not the year spoken of (今年…保持了去年的
#: 水平): a base, like 比去年.
_LEVEL_OF = ("的水平",)


def relative_year(text: str, start: int, pos: int) -> str | None:
    """``this`` or ``last`` when 今年 / 去年 (not 比去年, not 去年的水平) appears before
    ``pos``; the one nearest ``pos`` when both do (在去年农业丰收和今年…的基础上，…。国营机械化
    农场将增加到152个，耕地面积达到758万亩, in the 1956 report: this year's)."""
    far = pos - start > _FAR and all(_relative_words())
    if not far and _relative_words_re().search(text, start, pos) is None:
        return None
    found: tuple[int, str] | None = None
    for key, label in (("last_year", "last"), ("this_year", "this")):
        for word in cue_words(key):
            # a long head (a paragraph, a report run into one line): the word's last start
            # looked up in the text's index, not sought back over the head for each value
            idx = _last_start(text, word, start, pos) if far else text.rfind(word, start, pos)
            if idx >= 0 and not (idx > start and text[idx - 1] in "比较同与") and not (
                    text.startswith(_LEVEL_OF, idx + len(word))) and (
                    found is None or idx > found[0]):
                found = (idx, label)
    return found[1] if found else None


#: A head longer than this is read through the text's index of relative words.
_FAR = 512


@functools.lru_cache(maxsize=1)
def _relative_words() -> tuple[str, ...]:
    return cue_words("last_year") + cue_words("this_year")


#: Where each relative word starts in the text last read (overlapping starts too).
_word_starts: list[tuple[str, dict[str, list[int]]]] = [("", {})]


def _last_start(text: str, word: str, start: int, pos: int) -> int:
    """``text.rfind(word, start, pos)`` by bisection in the text's index of ``word``."""
    seen = _word_starts[0]  # read once: another thread may replace it
    if seen[0] is not text:
        seen = _word_starts[0] = (text, {})
    starts = seen[1].get(word)
    if starts is None:
        starts = []
        at = text.find(word)
        while at >= 0:
            starts.append(at)
            at = text.find(word, at + 1)
        seen[1][word] = starts
    i = bisect.bisect_right(starts, pos - len(word)) - 1
    return starts[i] if i >= 0 and starts[i] >= start else -1


#: what a line ends on when its sentence ends with it
_LINE_END_TERMINAL = "。！？；;!?：:）)”\""


def _cut_inside(text: str, newline: int) -> bool:
    """True when the line break at ``newline`` cuts a sentence (its line ends on no end)."""
    return newline >= 1 and text[newline - 1] not in _LINE_END_TERMINAL and not text[
        newline - 1].isspace()


def _wrapped_start(text: str, start: int, ends: str = "。；;！？!?") -> int:
    """Where the sentence at ``start`` begins when lines were cut inside sentences (a copy's
    hard-wrapped text: …初步修订结果，预计 / 全市地区生产总值突破9200亿元): back over each line
    break whose line ends on no sentence end, to the sentence start (one of ``ends``) on
    that line."""
    while start >= 2 and text[start - 1] == "\n" and _cut_inside(text, start - 1):
        line_start = text.rfind("\n", 0, start - 1) + 1
        cut = max(text.rfind(c, line_start, start - 1) for c in ends)
        if cut >= 0:
            return cut + 1
        start = line_start
    return start


def _full_stop_after(text: str, pos: int) -> int:
    """The end of the full-stop sentence holding ``pos``: its 。, or a line break that is no
    cut inside a sentence."""
    stop = text.find("。", pos)
    stop = len(text) if stop < 0 else stop
    newline = text.find("\n", pos, stop)
    while newline >= 0 and _cut_inside(text, newline):
        newline = text.find("\n", newline + 1, stop)
    return stop if newline < 0 else newline


#: a section marker inside a line: （一）, (二), or 三、 after a space or a mark (not 统一、)
_RUN_IN_MARK = re.compile(r"[（(][一二三四五六七八九十]{1,2}[)）]"
                          r"|(?:^|(?<=[\s，,。：:；;)）]))[一二三四五六七八九十]{1,2}、")


def _list_estimated(text: str, sentence: _Span, pos: int) -> bool:
    """True when the value sits in a later item of a list that an estimate opens (in a review
    of the past year; the estimate before the list's first value): 2022年预计实现
    地区生产总值564亿元…；固定资产投资280亿元…；社会消费品零售总额206亿元… — the items
    after a semicolon, up to the full stop, share the opening clause's 预计 unless they carry a
    year, 今年/去年 or a target word of their own, or some item marks its own 预计."""
    start = _wrapped_start(text, last_of(text, "。\n", 0, sentence.start) + 1, ends="。！？!?")
    if start >= sentence.start:
        return False
    clauses = re.split(r"[；;]", text[start : _full_stop_after(text, pos)])
    marked = [has_cue(clause, "estimate_cues") for clause in clauses]
    if len(clauses) < 2 or not marked[0] or any(marked[1:]):
        return False  # no opening estimate, or each item marks its own (…；…预计完成180亿元)
    cue = _cue_re("estimate_cues")
    found = cue.search(clauses[0]) if cue is not None else None
    if found is None:
        return False
    before = clauses[0][: found.start()]
    # a heading run into the line starts the list afresh (…会议上 县长 谭秀中 一、2012 年工作
    # 回顾(一)…取得新成效预计全年实现…: the byline's day is no value before the estimate)
    marks = list(_RUN_IN_MARK.finditer(before))
    before = before[marks[-1].end() :] if marks else before
    if re.search(r"\d", _year_re().sub("", before)):
        return False  # the estimate comes after a value (棉纱286.5万吨，比1980年预计增加…)
    own = text[sentence.start : pos]
    # a year of its own, not a comparison base (…358亿元，比2009年翻1.2番，同比增长26%), nor
    # the year the estimate names (预计2011年达到316亿元；…增至2011年的20.2亿元)
    year = explicit_year(text, sentence.start, pos)
    estimate_years = {_year_of(m) for m in _year_re().finditer(clauses[0], found.end())}
    return ((year is None or year in estimate_years)
            and relative_year(text, sentence.start, pos) is None
            and not has_cue(own, "target_cues"))


#: How far back (characters) a value's paragraph is read for what frames it (a 下同 note, a
#: year or a span opening a run): about three times the longest paragraph of the reports read
#: here (1,386 characters), so only a text run into one line is cut short, and a value late
#: in it is not searched back to the text's start every time (quadratic time).
RUN_REACH = 4096


@functools.cache
def _note_re(cues: str) -> re.Pattern[str] | None:
    """A bracketed note holding one of the ``cues`` words: for ``estimate_cues`` a note calling
    values estimates (（预计）, (预计数,下同), （初步预计数，下同）); for
    ``estimate_note_carries_on`` one saying it holds for what follows (（下同）, (同比,下同))."""
    cue = _cue_re(cues)
    if cue is None:
        return None
    inner = r"[^（()）。；;\n\d]{0,8}?"
    return re.compile(rf"[（(]{inner}(?:{cue.pattern}){inner}[)）]")


def _carried_estimate(text: str, para: _Span, pos: int) -> bool:
    """True when an earlier sentence of the paragraph opens with an estimate and marks itself
    (下同) before its end: 预计全省生产总值完成7000亿元，比上年增长10%(下同)。全社会固定资产投资
    …: the values after it are that estimate's too."""
    carry = _note_re("estimate_note_carries_on")
    if carry is None:
        return False
    floor = max(para.start, pos - RUN_REACH)
    for note in carry.finditer(text, floor, pos):
        start = max(text.rfind(c, floor, note.start()) for c in "。！？!?") + 1
        if has_cue_in(text, max(start, floor), note.start(), "estimate_cues"):
            return True
    return False


def noted_estimate(text: str, para: _Span, sentence: _Span, pos: int) -> bool:
    """True when a bracketed note calls the value at ``pos`` an estimate: a note right after
    it (地区生产总值4500亿元（初步预计数，下同）), one that says 下同 earlier in its
    paragraph (…285亿元（预计，下同），增长5.5%；一般公共预算收入38亿元…), or a 下同 note in
    an earlier sentence of the paragraph that opens with 预计."""
    pattern = _note_re("estimate_cues")
    if pattern is None:
        return False
    for earlier in pattern.finditer(text, max(para.start, pos - RUN_REACH), pos):
        if has_cue(earlier.group(0), "estimate_note_carries_on"):
            return True
    if _carried_estimate(text, para, pos):
        return True
    note = pattern.search(text, pos, min(sentence.end, pos + 30))
    # only the value's own digits and unit before the note (增长5%左右（预计数，下同）)
    return note is not None and re.fullmatch(
        r"[\d.,，]*[^\d，,、；;。（(]{0,8}", text[pos : note.start()]) is not None


def estimated_at(
    text: str, role: Role, para: _Span, sentence: _Span, pos: int
) -> bool:
    """Whether the value at ``pos`` is an estimate: 预计 earlier in its sentence, an
    estimate opening the list it is an item of (outside the plan), or a note calling it one."""
    return (
        has_cue_in(text, _wrapped_start(text, sentence.start), pos, "estimate_cues")
        or (role != "plan" and _list_estimated(text, sentence, pos))
        or noted_estimate(text, para, sentence, pos)
    )


def timing_at(
    doc: Document, role: Role, para: _Span, sentence: _Span, pos: int, floor: int | None = None
) -> Timing | None:
    """Kind, estimate flag and period of a value at ``pos``; None when unclear. ``floor`` is
    where its own year may be written (the end of 从X降低到Y: from 到 on)."""
    text = doc.text
    year = doc.year
    estimated = estimated_at(text, role, para, sentence, pos)
    explicit = explicit_year(text, sentence.start if floor is None else floor, pos)
    if explicit is not None:
        if year is None:
            return None
        if explicit < year:
            return Timing("actual", estimated, explicit)
        if explicit == year:
            if estimated and role == "review":
                return Timing("actual", True, explicit)  # reviewed late in the year: 预计
            return Timing("target", False, explicit)
        return None
    relative = relative_year(text, sentence.start, pos) or relative_year(text, para.start, pos)
    if relative == "this" and estimated and role != "plan" and floor is not None:
        return Timing("actual", True, year)  # 预计降低到今年的X, reviewed late in the year
    if relative == "last":
        return Timing("actual", estimated, year - 1 if year else None)
    if relative == "this" and not estimated:
        return Timing("target", False, year)
    if has_cue_in(text, para.start, pos, "target_cues") and role != "review":
        return Timing("target", False, year)
    if role == "review":
        return Timing("actual", estimated, year - 1 if year else None)
    if role == "plan":
        if estimated:
            return Timing("actual", True, year - 1 if year else None)
        return Timing("target", False, year)
    if has_cue_in(text, sentence.start, pos, "target_cues"):
        return Timing("target", False, year)
    if estimated and role == "other":
        # a page without headings (据统计预测，全县地区生产总值增长12.6%): an estimate
        # naming no year is of the year the report reviews
        return Timing("actual", True, year - 1 if year else None)
    if role == "other" and has_cue_in(text, para.start, pos, "preliminary_cues"):
        # 据初步统计，全县完成地区生产总值…: the preliminary count of the year just ended
        return Timing("actual", False, year - 1 if year else None)
    return None


def timing_or_part(
    doc: Document, role: Role, para: _Span, sentence: _Span, pos: int, floor: int | None = None
) -> Timing | None:
    """``timing_at``, else, for a sentence opening on 其中 (a part of the total the sentence
    before gives: 预计完成财政收入76.1亿元…。其中一般预算收入52亿元…), the year of that total
    as an actual; its 预计 stays with its own sentence."""
    timing = timing_at(doc, role, para, sentence, pos, floor)
    if timing is not None:
        return timing
    text = doc.text
    start = max(para.start, text.rfind("。", para.start, sentence.start) + 1)
    if start <= para.start or not text[start : sentence.end].lstrip().startswith("其中"):
        return None
    before = max(para.start, text.rfind("。", para.start, start - 1) + 1)
    digit = re.search(r"\d", text[before : start - 1])
    if digit is None:
        return None
    total = timing_at(doc, role, para, _Span(before, start - 1), before + digit.start())
    if total is None or total.kind != "actual":
        return None
    return Timing("actual", False, total.period)


# Paragraphs of one year or of several ----------------------------------------------------


def section_is_multi_year(doc: Document, pos: int) -> bool:
    return _titles_multi_year(tuple(doc.section_path(doc.section_at(pos))))


@functools.lru_cache(maxsize=1024)
def _titles_multi_year(titles: tuple[str, ...]) -> bool:
    for title in titles:
        if has_cue(title, "multi_year_paragraph") and not _year_re().search(title):
            return True
    return False


def first_cue(text: str, para: _Span, key: str) -> int:
    """Where the first cue word of ``key`` appears in the paragraph (its end if none)."""
    pattern = _cue_re(key)
    if pattern is None:
        return para.end
    record = cue_pattern("record_after_span")
    for match in pattern.finditer(text, para.start, para.end):
        if record.match(text, match.end()) is None:  # 近五年来的最高水平: a record, no span
            return match.start()
    return para.end


def opens_single_year(doc: Document, para: _Span) -> bool:
    """True when a paragraph opens on one year (刚刚过去的2025年, 过去一年) even inside a
    multi-year section (“十四五”时期工作回顾 … 刚刚过去的2025年，…)."""
    head = doc.text[para.start : para.start + int(cues()["single_year_opener_span"])]
    if has_cue(head, "single_year_openers"):
        return True
    if doc.year is None:
        return False
    return _last_year_opener(doc.year).match(head) is not None


@functools.lru_cache(maxsize=256)
def _last_year_opener(year: int) -> re.Pattern[str]:
    """(刚刚过去的)2025年，…: a paragraph opening on the year before a report of ``year``."""
    return re.compile(rf"\s*(?:刚刚过去的)?{year - 1}年[，,是]")


def lead_in(text: str, para: _Span) -> str:
    """The opening sentence of a paragraph (its lead-in), when it is short."""
    stop = text.find("。", para.start, para.end)
    if stop < 0 or stop - para.start > int(cues()["lead_in_max"]):
        return ""
    return text[para.start : stop]


def compared_over_years(
    text: str, sentence: _Span, pos: int, period: int | None, floor: int = 0
) -> bool:
    """True when a comparison base year before the previous one governs the value.

    The base (与2000年相比, 同1978年相比) governs its whole full-stop sentence, including
    the clauses after a semicolon: 1986年同1978年相比，…增长102%；国民收入…增长94.9%; not a
    value compared with the year before after it (比2008年翻1.7番，同比增长35.6%).
    """
    if period is None:
        return False
    start = max(text.rfind("。", floor, sentence.start), text.rfind("\n", floor, sentence.start))
    start = max(start + 1, floor)
    for match in _comparison_base_re().finditer(text, start, pos):
        if _ANNUAL_COMPARISON.search(text, match.end(), pos):
            continue  # 比2008年翻1.7番，同比增长35.6%: the value's own comparison is annual
        if int(match.group("base").translate(_CN_YEAR_DIGITS)) < period - 1:
            return True
    return False


#: a comparison with the year before, nearer the value than an older base
_ANNUAL_COMPARISON = re.compile(r"同比|比上年|较上年|比去年")


def target_timing(timing: Timing, dated: bool) -> Timing | None:
    """A value the words call a target (预期目标为) is one: of the year the sentence names
    (去年经济增长预期目标为…) or of the section's year; never an actual."""
    if timing.kind == "target":
        return timing
    if dated and not timing.estimated:
        return Timing("target", False, timing.period)
    return None


@functools.lru_cache(maxsize=1)
def _estimated_base_re() -> re.Pattern[str]:
    """An estimate that is the base of a comparison (比一九五六年预计数, 比1980年预计, 比上年
    预计): the value compared with it is no estimate."""
    base = r"(?:比|较|同)(?:" + _year_re().pattern + r"|上年|去年|今年)"
    return re.compile(base + r"的?预计(?:数字|数)?")


def paragraph_year_timing(doc: Document, para: _Span, pos: int) -> Timing | None:
    """Actual of a past year, or target of the report's year, named earlier in the paragraph."""
    floor = max(para.start, pos - RUN_REACH)
    year = explicit_year(doc.text, floor, pos)
    if year is None or doc.year is None:
        return None
    if year > doc.year:
        return future_target(doc.year, year)
    # (not the estimate of a compared base: 比一九五六年预计数增长, 比1980年预计增加)
    estimated = has_cue(_estimated_base_re().sub("", doc.text[floor:pos]), "estimate_cues")
    if year == doc.year:
        # …预计可以胜利完成。…将比上年增长3%以上: this year's estimated result, late in the year
        return Timing("actual", True, year) if estimated else Timing("target", False, year)
    return Timing("actual", estimated, year)


def section_year_timing(doc: Document, pos: int) -> Timing | None:
    """The timing a section's title sets when nothing nearer does (二、1981年国民经济计划的
    任务和主要指标 in a 1980 report: targets of 1981)."""
    year = section_year(doc, pos)
    if year is None or doc.year is None:
        return None
    if year < doc.year:
        return Timing("actual", False, year)
    if year == doc.year:
        return Timing("target", False, year)
    return future_target(doc.year, year)


def opening_year_timing(doc: Document, para: _Span) -> Timing | None:
    """The actual of a past year a paragraph opens on, after a short lead-in (——经济跨上新台阶。
    2007年，国内生产总值…；全国财政收入…): every sentence of the paragraph is about that year."""
    head = doc.text[para.start : para.start + 40]
    match = re.match(r"\s*(?:——[^。；;，,]{1,20}[。：:]\s*)?((?:19|20)\d{2})年[，,]", head)
    if match is None or doc.year is None:
        return None
    year = int(match.group(1))
    if not doc.year - int(cues()["opening_year_span"]) <= year < doc.year:
        return None
    return Timing("actual", False, year)


def start_timing(doc: Document, role: Role, para: _Span, pos: int, kind: str) -> Timing | None:
    """The timing of the starting point X of 从X提高到Y: the year written with it (从2006年的),
    else, in a five-year review, the year before the five years; None when unknown."""
    text = doc.text
    head = text[max(para.start, pos - 8) : pos]
    match = re.search(r"[从由、]((?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})年的?$", head)
    year = _year_of(match) if match else None
    if year is None and role == "review" and doc.year is not None and re.search(
        r"[从由]上年的?$", head
    ):
        year = doc.year - 2  # 由上年的X回落到Y in a review of last year: the year before it
    if year is None and doc.year is not None and re.search(r"[从由]去年的?$", head):
        year = doc.year - 1
    if year is None and doc.year is not None and re.search(r"[从由]今年预计的?$", head):
        # 增长速度由今年预计的3%提高到4% (a report given late in the year): this year's estimate
        return Timing("actual", True, doc.year)
    if year is None and kind != "growth" and role == "review" and doc.year is not None:
        titles = tuple(doc.section_path(doc.section_at(pos)))
        if any(has_cue(t, "five_year_review") for t in titles) or has_cue(
            text[para.start : pos], "five_year_review"
        ):
            year = doc.year - 6
    if year is None or doc.year is None or year >= doc.year:
        return None
    return Timing("actual", False, year)


_CN_SMALL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _small_number(word: str) -> int | None:
    """一 … 十九 as an int (十二 → 12), else None."""
    if word in _CN_SMALL:
        return _CN_SMALL[word]
    if word.startswith("十") and len(word) <= 2:
        rest = _CN_SMALL.get(word[1:]) if word[1:] else 0
        return None if rest is None else 10 + rest
    return None


@functools.lru_cache(maxsize=1)
def _plan_name_re() -> re.Pattern[str]:
    return re.compile(str(cues()["five_year_plan"]["name"]))


def _plan_end(match: re.Match[str]) -> int | None:
    """The last year of the five-year plan a match of the plan's name names (“十五五” → 2030,
    第六个五年计划 → 1985)."""
    table = cues()["five_year_plan"]
    ordinal = _small_number(match.group("short") or match.group("long") or "")
    if ordinal is None:
        return None
    fixed: dict[str, int] = table["end_years"]
    return fixed.get(str(ordinal), int(table["end_year_base"]) + 5 * ordinal)


@functools.lru_cache(maxsize=1024)
def _plan_end_of_titles(titles: tuple[str, ...]) -> int | None:
    for title in reversed(titles):
        match = _plan_name_re().search(title)
        if match is not None:
            return _plan_end(match)
    return None


def plan_end_of(doc: Document, pos: int) -> int | None:
    """The last year of the five-year plan the sections around ``pos`` are titled after
    (二、“十五五”时期的主要目标任务 → 2030), or None."""
    return _plan_end_of_titles(tuple(doc.section_path(doc.section_at(pos))))


def plan_end_named(text: str, start: int, end: int) -> int | None:
    """The last year of the last five-year plan ``text[start:end]`` names, or None."""
    last = max(_plan_name_re().finditer(text, start, end), key=lambda m: m.start(), default=None)
    return None if last is None else _plan_end(last)


def plan_names(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """Each five-year plan ``text[start:end]`` names: where its name ends and its last year
    (第一个五年计划|期间 → 1957)."""
    return [(m.end(), _plan_end(m)) for m in _plan_name_re().finditer(text, start, end)]


def plan_end_timing(doc: Document, pos: int, kind_of_value: str) -> Timing | None:
    """A target of the last year of the five-year plan the section around ``pos`` is titled
    after (二、“十二五”时期的主要目标和任务 in a 2011 report: 2015), for a rate the plan says
    is reached (研究与试验发展经费支出占国内生产总值比重达到2.2%); None elsewhere, for a
    ceiling held through the period (控制在…), or when that year is not ahead of the report."""
    table = cues()["five_year_plan"]
    if kind_of_value not in table["kinds"] or doc.year is None:
        return None
    if not doc.text[max(0, pos - 4) : pos].endswith(tuple(table["verbs"])):
        return None
    end = _plan_end_of_titles(tuple(doc.section_path(doc.section_at(pos))))
    return future_target(doc.year, end)
