"""Indicator facts from report prose (and, through ``tables``, from indicator tables).

For every sentence: find catalog metric mentions, then the value that belongs to each —
the first value after the mention when the words between are a short verb phrase
(实现, 同比增长, 控制在…), values shared by a list (A、B分别增长5%、6%), and clauses
continuing the metric (…5700.1亿元, 同比增长4.1%). Anything ambiguous yields nothing:
a wrong number with a citation is worse than a missing one.

Whether a value is achieved or planned, and for which year, comes from explicit years and
cue words in the sentence and paragraph (预计, 今年, 预期目标) and, failing those, from the
role of the section (review → actual of year-1, plan → target of the report's year).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from baogao.extract.catalog import Family, Mention, convert, cues, find_mentions, load_catalog
from baogao.extract.numbers import Quantity, find_quantities
from baogao.extract.tables import table_facts
from baogao.models import Bound, Document, Fact, Kind, Role

_SKIP_ROLES: frozenset[Role] = frozenset({"glossary", "appendix", "self_building"})
_PERCENT_POINTS = frozenset({"个百分点", "百分点"})


@dataclass(frozen=True)
class Timing:
    """Whether a value is an actual or a target, estimated or not, and its year."""

    kind: Kind
    estimated: bool
    period: int | None


@dataclass(frozen=True)
class Value:
    """A quantity or a qualitative phrase (value None) with its span in the text."""

    start: int
    end: int
    value: Decimal | None
    unit: str
    bound: Bound | None = None
    value_high: Decimal | None = None

    @classmethod
    def of(cls, quantity: Quantity) -> Value:
        """The value of a numeric quantity."""
        return cls(
            quantity.start,
            quantity.end,
            quantity.value,
            quantity.unit,
            quantity.bound,
            quantity.value_high,
        )


@dataclass(frozen=True)
class Reading:
    """A value resolved to an indicator, in the catalog unit."""

    indicator: str
    name: str
    value: Decimal | None
    unit: str
    bound: Bound | None
    value_high: Decimal | None
    start: int
    end: int
    gap_bound: bool = False
    gap_target: bool = False


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


# Cue helpers -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _words(key: str) -> tuple[str, ...]:
    words: list[str] = cues()[key]
    return tuple(sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _continuation_re() -> re.Pattern[str]:
    return re.compile(str(cues()["continuation"]))


@functools.lru_cache(maxsize=1)
def _qualitative_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in _words("qualitative")))


@functools.lru_cache(maxsize=1)
def _target_gap_re() -> re.Pattern[str]:
    return re.compile(str(cues()["target_gap"]))


@functools.lru_cache(maxsize=1)
def _from_to_re() -> re.Pattern[str]:
    return re.compile(str(cues()["from_to"]))


@functools.lru_cache(maxsize=1)
def _year_re() -> re.Pattern[str]:
    return re.compile(r"(?<!\d)((?:19|20)\d{2})年")


def _has_any(text: str, key: str) -> bool:
    return any(w and w in text for w in _words(key))


def _ends_with_any(text: str, key: str) -> str | None:
    for word in _words(key):
        if word and text.endswith(word):
            return word
    return None


# Sentences ---------------------------------------------------------------------------------


def iter_sentences(text: str, start: int, end: int) -> Iterator[_Span]:
    """Sentences of ``text[start:end]`` (split on 。；！？ and line ends), whitespace-trimmed.

    The breaks are found by one regex scan, so the cost is linear in the span.
    """
    begin = start
    for match in _sentence_break_re().finditer(text, start, end):
        i = match.start()
        span = _trimmed(text, begin, i if text[i] == "\n" else i + 1)
        if span is not None:
            yield span
        begin = i + 1
    span = _trimmed(text, begin, end)
    if span is not None:
        yield span


@functools.lru_cache(maxsize=1)
def _sentence_break_re() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(str(cues()['sentence_breaks']))}]")


def _trimmed(text: str, left: int, right: int) -> _Span | None:
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return _Span(left, right) if right > left else None


def _paragraph_spans(doc: Document) -> Iterator[_Span]:
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


def _explicit_year(text: str, start: int, pos: int) -> int | None:
    """The last year written before ``pos`` in the sentence, unless it is a comparison base."""
    found: int | None = None
    for match in _year_re().finditer(text, start, pos):
        before = text[max(start, match.start() - 2) : match.start()]
        after = text[match.end() : match.end() + 2]
        if any(before.endswith(w) for w in _words("year_blockers_before")):
            continue
        if any(after.startswith(w) for w in _words("year_blockers_after")):
            continue
        found = int(match.group(1))
    return found


def _relative_year(text: str, start: int, pos: int) -> str | None:
    """``this`` or ``last`` when 今年 / 去年 (not 比去年) appears before ``pos``."""
    head = text[start:pos]
    for key, label in (("last_year", "last"), ("this_year", "this")):
        for word in _words(key):
            idx = head.rfind(word)
            if idx >= 0 and not (idx > 0 and head[idx - 1] in "比较同与"):
                return label
    return None


def timing_at(doc: Document, role: Role, para: _Span, sentence: _Span, pos: int) -> Timing | None:
    """Kind, estimate flag and period of a value at ``pos``; None when unclear."""
    text = doc.text
    year = doc.year
    estimated = _has_any(text[sentence.start : pos], "estimate_cues")
    explicit = _explicit_year(text, sentence.start, pos)
    if explicit is not None:
        if year is None:
            return None
        if explicit < year:
            return Timing("actual", estimated, explicit)
        if explicit == year:
            return Timing("target", False, explicit)
        return None
    relative = _relative_year(text, sentence.start, pos) or _relative_year(text, para.start, pos)
    if relative == "last":
        return Timing("actual", estimated, year - 1 if year else None)
    if relative == "this" and not estimated:
        return Timing("target", False, year)
    if _has_any(text[para.start : pos], "target_cues") and role != "review":
        return Timing("target", False, year)
    if role == "review":
        return Timing("actual", estimated, year - 1 if year else None)
    if role == "plan":
        if estimated:
            return Timing("actual", True, year - 1 if year else None)
        return Timing("target", False, year)
    if _has_any(text[sentence.start : pos], "target_cues"):
        return Timing("target", False, year)
    return None


# Resolving a value to an indicator ---------------------------------------------------------


def _gap_ok(gap: str, grouped: bool) -> bool:
    """True when the words between a metric and its value are a short verb phrase."""
    if len(gap) > int(cues()["gap_max"]) or re.search(r"\d", gap):
        return False
    if any(ch in gap for ch in str(cues()["clause_breaks"])):
        return False
    allowed = set(_words("gap_allowed_with_blocker")) if grouped else set()
    for word in _words("gap_blockers"):
        if word in gap and word not in allowed:
            return False
    return gap == "" or _ends_with_any(gap, "gap_endings") is not None


def _catalog_unit(indicator: str) -> str:
    return load_catalog()[indicator].unit


def _growth_reading(family: Family, gap: str, mention: Mention, value: Value) -> str | None:
    """The indicator a percentage belongs to, or None."""
    to_level = _ends_with_any(gap, "to_words") is not None
    change = _has_any(gap, "change_words") and not to_level
    growthy = mention.growth_word is not None or (_has_any(gap, "growth_words") and not to_level)
    if (growthy or change) and family.growth:
        return family.growth
    if family.level and _catalog_unit(family.level) == "%" and not change:
        return family.level
    if family.growth and to_level:
        return family.growth
    return None


def _signed(indicator: str, gap: str, mention: Mention, value: Decimal) -> Decimal | None:
    """Apply 下降/降低 wording: negative for growth, as printed for a reduction indicator."""
    ind = load_catalog()[indicator]
    if ind.kind_of_value != "growth" or _ends_with_any(gap, "to_words"):
        return value
    words = gap + (mention.growth_word or "")
    down = _has_any(words, "down_words")
    if ind.is_reduction:
        up = _has_any(gap, "growth_words")
        return None if up or value < 0 else value
    if down:
        return None if value < 0 else -value
    return value


def _convert_level(indicator: str, value: Value) -> tuple[Decimal, str] | None:
    target = _catalog_unit(indicator)
    assert value.value is not None
    converted = convert(value.value, value.unit, target)
    if converted is not None:
        return converted, target
    for alt in cues()["alternate_units"].get(target, []):
        converted = convert(value.value, value.unit, alt)
        if converted is not None:
            return converted, alt
    return None


def _mention_name(text: str, mention: Mention) -> str:
    name = mention.stem if len(mention.stem) >= int(cues()["min_stem_length"]) else mention.surface
    if name.startswith(("地区", "国内", "区级", "地方", "全")):
        return name
    before = text[max(0, mention.start - 4) : mention.start]
    for scope in _words("name_scopes"):
        if before.endswith(scope):
            return scope + name
    return name


def resolve(text: str, mention: Mention, gap: str, value: Value) -> Reading | None:
    """The indicator, value and unit that ``value`` gives for ``mention``; None if unclear."""
    family = mention.family
    name = _mention_name(text, mention)
    if value.unit in _PERCENT_POINTS:
        return None
    if value.value is None:
        growthy = mention.growth_word is not None or _has_any(gap, "growth_words")
        chosen = family.growth if growthy and family.growth else family.level or family.growth
        if chosen is None:
            return None
        return Reading(
            chosen, name, None, _catalog_unit(chosen), None, None, value.start, value.end
        )
    if value.unit in ("%", "‰"):
        indicator = _growth_reading(family, gap, mention, value)
        if indicator is None or value.unit == "‰":
            return None
        signed = _signed(indicator, gap, mention, value.value)
        high = value.value_high
        if signed is None or (high is not None and signed != value.value):
            return None
        bound, from_gap = _bound(value, gap)
        return Reading(indicator, name, signed, "%", bound, high, value.start, value.end, from_gap)
    return _level_reading(name, mention, gap, value)


def _level_reading(name: str, mention: Mention, gap: str, value: Value) -> Reading | None:
    level = mention.family.level
    if level is None or mention.growth_word is not None or not value.unit:
        return None
    if _has_any(gap, "change_words") and not _ends_with_any(gap, "to_words"):
        return None
    converted = _convert_level(level, value)
    if converted is None:
        return None
    amount, unit = converted
    high = None
    if value.value_high is not None:
        high_conv = convert(value.value_high, value.unit, unit)
        if high_conv is None:
            return None
        high = high_conv
    bound, from_gap = _bound(value, gap)
    return Reading(level, name, amount, unit, bound, high, value.start, value.end, from_gap)


def _bound(value: Value, gap: str) -> tuple[Bound | None, bool]:
    """The value's own bound, else ``max`` after 控制在; and whether it came from the gap."""
    if value.bound is not None:
        return value.bound, False
    if _ends_with_any(gap, "max_gap_words"):
        return "max", True
    return None, False


# Sentences to readings ---------------------------------------------------------------------


def _prefix_ok(text: str, mention: Mention, floor: int) -> bool:
    """True when the words before a mention leave it the subject of its clause."""
    if _has_any(text[floor : mention.start], "clause_blockers"):
        return False
    if mention.start <= floor:
        return True
    before = text[max(floor, mention.start - 4) : mention.start]
    return any(before.endswith(w) for w in _words("mention_prefix_ok"))


def _values_in(text: str, sentence: _Span) -> list[Value]:
    values = [Value.of(q) for q in find_quantities(text, sentence.start, sentence.end)]
    for match in _qualitative_re().finditer(text, sentence.start, sentence.end):
        if not any(v.start < match.end() and match.start() < v.end for v in values):
            values.append(Value(match.start(), match.end(), None, ""))
    values.sort(key=lambda v: v.start)
    return values


def _list_after(text: str, values: list[Value], first: int, stop: int) -> list[Value]:
    """``values[first]`` and the values joined to it by 、/和/，only."""
    chain = [values[first]]
    for nxt in values[first + 1 :]:
        if nxt.start >= stop:
            break
        between = text[chain[-1].end : nxt.start]
        if between not in ("、", "和", "，", ",", "及"):
            break
        chain.append(nxt)
    return chain


def _followed_by_target_word(text: str, value: Value) -> bool:
    after = text[value.end : value.end + 6]
    return any(after.startswith(w) for w in _words("value_followers_skip"))


@dataclass(frozen=True)
class _Hit:
    mention: Mention
    gap: str
    value: Value
    target: bool = False


def _group_mentions(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups and text[groups[-1][-1].end : mention.start] in ("、", "和", "及", "与", "以及"):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _hits_for_group(
    text: str, group: list[Mention], values: list[Value], stop: int
) -> Iterator[_Hit]:
    last = group[-1]
    index = next((i for i, v in enumerate(values) if v.start >= last.end), None)
    if index is None or values[index].start >= stop:
        return
    first = values[index]
    gap = text[last.end : first.start].replace(" ", "")
    grouped = len(group) > 1
    if last.growth_word is not None:
        noun = next((w for w in _words("growth_nouns") if gap.startswith(w)), "")
        gap = gap[len(noun) :]
    if not grouped and gap and _target_gap_re().fullmatch(gap):
        # 经济增长预期目标为7%: a target stated between the metric and its value
        yield _Hit(last, "", first, target=True)
        return
    if not grouped and gap in _words("from_words"):
        yield from _from_to(text, last, values, index, stop)
        return
    if not _gap_ok(gap, grouped):
        return
    chain = _list_after(text, values, index, stop)
    if grouped:
        if "分别" in gap and len(chain) == len(group):
            pairs = list(zip(group, chain, strict=True))
        elif "分别" not in gap and len(chain) == 1 and re.search("[均都]", gap):
            pairs = [(m, first) for m in group]
        else:
            return
        for mention, value in pairs:
            yield _Hit(mention, gap.replace("分别", ""), value)
        return
    if len(chain) > 1 or "分别" in gap:
        return
    yield _Hit(last, gap, first)
    yield from _continuations(text, last, values, index, stop)


def _from_to(
    text: str, mention: Mention, values: list[Value], index: int, stop: int
) -> Iterator[_Hit]:
    """从X提高到Y: the end value Y (the level reached), never the starting point X."""
    if index + 1 >= len(values) or values[index + 1].start >= stop:
        return
    end_value = values[index + 1]
    between = text[values[index].end : end_value.start]
    if _from_to_re().match(between) and end_value.value is not None:
        yield _Hit(mention, "达到", end_value)


def _continues(between: str) -> str | None:
    """The continuation clause (同比增长…) when ``between`` joins a value to the next one.

    ``between`` is the text from the end of one value to the start of the next: an optional
    short filler (大关), a comma, up to two short number-free clauses (达到历史最好水平), and
    a clause made only of a growth phrase.
    """
    table = cues()
    parts = re.split(r"[，,、]", between)
    if len(parts) < 2 or len(parts) > 4 or len(parts[0]) > int(table["continuation_filler_max"]):
        return None
    middle = parts[1:-1]
    for part in [parts[0], *middle]:
        if len(part) > int(table["continuation_clause_max"]) or re.search(r"\d", part):
            return None
        if any(w in part for w in table["continuation_blockers"]):
            return None
    last = parts[-1]
    match = _continuation_re().match(last)
    if match is None or match.end() != len(last):
        return None
    return last


def _continuations(
    text: str, mention: Mention, values: list[Value], index: int, stop: int
) -> Iterator[_Hit]:
    """Clauses continuing a metric after its value: …5700.1亿元,同比增长4.1%."""
    current = values[index]
    for nxt in values[index + 1 :]:
        if nxt.start >= stop or nxt.value is None:
            return
        clause = _continues(text[current.end : nxt.start])
        if clause is None:
            return
        yield _Hit(mention, clause, nxt)
        current = nxt


def sentence_readings(text: str, sentence: _Span) -> Iterator[Reading]:
    """Every (metric, value) reading of one sentence."""
    mentions = find_mentions(text, sentence.start, sentence.end)
    if not mentions:
        return
    values = _values_in(text, sentence)
    qualitative = [v for v in values if v.value is None]
    mentions = [m for m in mentions if not any(q.start <= m.start < q.end for q in qualitative)]
    usable = [m for m in mentions if _prefix_ok(text, m, sentence.start)]
    groups = _group_mentions(text, usable)
    starts = sorted(m.start for m in mentions)
    for group in groups:
        later = [s for s in starts if s >= group[-1].end]
        stop = later[0] if later else sentence.end
        for hit in _hits_for_group(text, group, values, stop):
            reading = resolve(text, hit.mention, hit.gap, hit.value)
            if reading is not None:
                yield replace(reading, gap_target=hit.target)


# Documents ---------------------------------------------------------------------------------


def _section_is_multi_year(doc: Document, pos: int) -> bool:
    titles = doc.section_path(doc.section_at(pos))
    for title in titles:
        if _has_any(title, "multi_year_paragraph") and not _year_re().search(title):
            return True
    return False


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


def prose_facts(doc: Document) -> Iterator[Fact]:
    """Facts stated in the running text of ``doc``."""
    text = doc.text
    old = doc.year is not None and doc.year < int(cues()["old_report_year"])
    for para in _paragraph_spans(doc):
        role = doc.role_at(para.start)
        if role in _SKIP_ROLES:
            continue
        multi = _has_any(text[para.start : para.end], "multi_year_paragraph") or (
            _section_is_multi_year(doc, para.start)
        )
        for sentence in iter_sentences(text, para.start, para.end):
            for reading in sentence_readings(text, sentence):
                if _has_any(text[sentence.start : _clause_end(text, sentence, reading)],
                            "multi_year_sentence"):
                    continue
                explicit = _explicit_year(text, sentence.start, reading.start)
                dated = explicit is not None or _relative_year(
                    text, sentence.start, reading.start
                ) == "last"
                if (old and explicit is None) or (
                    multi and not _multi_year_ok(doc, reading, role, dated)
                ):
                    continue
                timing = timing_at(doc, role, para, sentence, reading.start)
                if timing is not None and reading.gap_target:
                    timing = _target_timing(timing, dated)
                if timing is None:
                    continue
                after = text[reading.end : reading.end + 1]
                if after == "的" and not _followed_by_target_word(text, _as_value(reading)):
                    continue  # 超500亿元的县域: the value describes something else
                if timing.kind == "actual" and _followed_by_target_word(text, _as_value(reading)):
                    continue
                if timing.kind == "actual" and reading.gap_bound:
                    reading = replace(reading, bound=None, gap_bound=False)
                yield _fact(doc, reading, timing, sentence)


def _target_timing(timing: Timing, dated: bool) -> Timing | None:
    """A value the words call a target (预期目标为) is one: of the year the sentence names
    (去年经济增长预期目标为…) or of the section's year; never an actual."""
    if timing.kind == "target":
        return timing
    if dated and not timing.estimated:
        return Timing("target", False, timing.period)
    return None


def _clause_end(text: str, sentence: _Span, reading: Reading) -> int:
    """The end of the clause holding ``reading``: a multi-year cue after it is elsewhere."""
    match = re.compile("[，,]").search(text, reading.end, sentence.end)
    return match.start() if match else sentence.end


def _as_value(reading: Reading) -> Value:
    return Value(reading.start, reading.end, reading.value, reading.unit)


def _key(fact: Fact) -> tuple[Any, ...]:
    return (
        fact.indicator or fact.name,
        fact.kind,
        fact.estimated,
        fact.period,
        fact.value,
        fact.value_high,
        fact.unit,
        fact.bound,
    )


def extract_facts(doc: Document) -> list[Fact]:
    """Indicator values and targets stated in ``doc``, each with the sentence it came from.

    Prose facts come first, then table facts; a fact stated twice (same indicator, kind,
    period, value and bound) is kept once, at its first statement.
    """
    seen: set[tuple[Any, ...]] = set()
    facts: list[Fact] = []
    for fact in [*prose_facts(doc), *table_facts(doc)]:
        key = _key(fact)
        if key in seen:
            continue
        seen.add(key)
        facts.append(fact)
    return facts
