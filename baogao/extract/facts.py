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
from baogao.extract.periods import Timing as Timing
from baogao.extract.periods import _Span as _Span
from baogao.extract.periods import (
    compared_over_years,
    cue_words,
    deadline_year,
    ends_with_cue,
    explicit_year,
    first_cue,
    future_target,
    has_cue,
    lead_in,
    opening_year_timing,
    opens_single_year,
    paragraph_spans,
    paragraph_year_timing,
    relative_year,
    section_is_multi_year,
    section_year_timing,
    target_timing,
)
from baogao.extract.periods import iter_sentences as iter_sentences
from baogao.extract.periods import timing_at as timing_at
from baogao.extract.subjects import (
    carried_mentions,
    contextual_mentions,
    governed_by_blocker,
    is_threshold,
    lead_in_mentions,
    scope_ok,
    share_mentions,
    standalone_mentions,
    strip_thresholds,
)
from baogao.extract.tables import table_facts
from baogao.models import Bound, Document, Fact, Role

_SKIP_ROLES: frozenset[Role] = frozenset({"glossary", "appendix", "self_building"})
_PERCENT_POINTS = frozenset({"个百分点", "百分点"})


@dataclass(frozen=True)
class Value:
    """A quantity or a qualitative phrase (value None) with its span in the text."""

    start: int
    end: int
    value: Decimal | None
    unit: str
    bound: Bound | None = None
    value_high: Decimal | None = None
    target_only: bool = False

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
    target_only: bool = False


@functools.lru_cache(maxsize=1)
def _continuation_re() -> re.Pattern[str]:
    return re.compile(str(cues()["continuation"]))


@functools.lru_cache(maxsize=1)
def _qualitative_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in cue_words("qualitative")))


@functools.lru_cache(maxsize=1)
def _qualitative_target_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in cues()["qualitative_targets"]))


@functools.lru_cache(maxsize=1)
def _from_gap_re() -> re.Pattern[str]:
    return re.compile(str(cues()["from_gap"]))


@functools.lru_cache(maxsize=1)
def _maybe_value_re() -> re.Pattern[str]:
    """Anything that can start a value: a digit, a Chinese numeral, a qualitative phrase."""
    words = [*cue_words("qualitative_value_hints")]
    return re.compile("[0-9零〇一二两三四五六七八九十百千万亿]|" + "|".join(map(re.escape, words)))


@functools.lru_cache(maxsize=1)
def _target_gap_re() -> re.Pattern[str]:
    return re.compile(str(cues()["target_gap"]))


@functools.lru_cache(maxsize=1)
def _from_to_re() -> re.Pattern[str]:
    return re.compile(str(cues()["from_to"]))


@functools.lru_cache(maxsize=1)
def _comparison_gap_re() -> re.Pattern[str]:
    """，比1980年预计 / 比上年 opening the gap: the base of a change, not a break."""
    return re.compile(str(cues()["comparison_gap"]))


def _gap_ok(gap: str, grouped: bool) -> bool:
    """True when the words between a metric and its value are a short verb phrase."""
    if len(gap) > int(cues()["gap_max"]) or re.search(r"\d", gap):
        return False
    if any(ch in gap for ch in str(cues()["clause_breaks"])):
        return False
    allowed = set(cue_words("gap_allowed_with_blocker")) if grouped else set()
    for word in cue_words("gap_blockers"):
        if word in gap and word not in allowed:
            return False
    return gap == "" or ends_with_cue(gap, "gap_endings") is not None


def _catalog_unit(indicator: str) -> str:
    return load_catalog()[indicator].unit


def _growth_reading(family: Family, gap: str, mention: Mention, value: Value) -> str | None:
    """The indicator a percentage belongs to, or None."""
    to_level = ends_with_cue(gap, "to_words") is not None
    change = has_cue(gap, "change_words") and not to_level
    growthy = mention.growth_word is not None or (has_cue(gap, "growth_words") and not to_level)
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
    if ind.kind_of_value != "growth" or ends_with_cue(gap, "to_words"):
        return value
    words = gap + (mention.growth_word or "")
    down = has_cue(words, "down_words")
    if ind.is_reduction:
        up = has_cue(gap, "growth_words")
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
    for scope in cue_words("name_scopes"):
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
        phrase = text[value.start : value.end]
        growthy = (
            mention.growth_word is not None
            or has_cue(gap, "growth_words")
            or has_cue(phrase, "qualitative_growth_words")
        )
        chosen = family.growth if growthy and family.growth else family.level or family.growth
        if chosen is None:
            return None
        return Reading(
            chosen,
            name,
            None,
            _catalog_unit(chosen),
            None,
            None,
            value.start,
            value.end,
            target_only=value.target_only,
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
    if has_cue(gap, "change_words") and not ends_with_cue(gap, "to_words"):
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
    if ends_with_cue(gap, "max_gap_words"):
        return "max", True
    return None, False


# Sentences to readings ---------------------------------------------------------------------


def _prefix_ok(text: str, mention: Mention, floor: int) -> bool:
    """True when the words before a mention leave it the subject of its clause."""
    if governed_by_blocker(text, floor, mention.start):
        return False
    if mention.start <= floor:
        return True
    before = text[max(floor, mention.start - 4) : mention.start]
    return any(before.endswith(w) for w in cue_words("mention_prefix_ok"))


def _values_in(text: str, sentence: _Span) -> list[Value]:
    values = [
        Value.of(q)
        for q in find_quantities(text, sentence.start, sentence.end)
        if not _is_milestone_count(text, q)
    ]
    for pattern, target_only in ((_qualitative_re(), False), (_qualitative_target_re(), True)):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if not any(v.start < match.end() and match.start() < v.end for v in values):
                values.append(Value(match.start(), match.end(), None, "", target_only=target_only))
    values.sort(key=lambda v: v.start)
    return _without_restated_thresholds(text, values)


def _without_restated_thresholds(text: str, values: list[Value]) -> list[Value]:
    """1012.9亿元，突破千亿元大关: the milestone after an exact figure adds nothing."""
    kept: list[Value] = []
    for value in values:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.value is not None
            and value.value is not None
            and value.bound == "min"
            and is_threshold(text, value.start, value.end)
            and text[previous.end : value.start] in ("，", ",", "、")
            and _same_dimension(previous.unit, value.unit)
        ):
            continue
        kept.append(value)
    return kept


def _is_milestone_count(text: str, quantity: Quantity) -> bool:
    """连跨4个千亿台阶: the number of milestones passed, not a value of the metric."""
    if quantity.unit != "个":
        return False
    after = text[quantity.end : quantity.end + 8]
    return re.match(r"[十百千万]*亿?元?(?:台阶|大关|关口)", after) is not None


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
    return any(after.startswith(w) for w in cue_words("value_followers_skip"))


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
    index = _past_threshold(text, values, index, stop)
    first = values[index]
    raw_gap = text[last.end : first.start].replace(" ", "")
    grouped = len(group) > 1
    if not grouped and _from_gap_re().fullmatch(raw_gap):
        yield from _from_to(text, last, values, index, stop)
        return
    gap = strip_thresholds(_comparison_gap_re().sub("", raw_gap, count=1))
    if last.growth_word is not None:
        noun = next((w for w in cue_words("growth_nouns") if gap.startswith(w)), "")
        gap = gap[len(noun) :]
    if not grouped and gap and _target_gap_re().fullmatch(gap):
        # 经济增长预期目标为7%: a target stated between the metric and its value
        yield _Hit(last, "", first, target=True)
        return
    plan_verb = _plan_verb(gap) if not grouped and last.list_size <= 1 else None
    if plan_verb is not None:
        # 粮食产量计划达到3.6亿吨, 国民生产总值计划增长8%: the plan's figure, a target
        yield _Hit(last, plan_verb, first, target=True)
        return
    if not grouped and last.list_size > 1:
        chain = _list_after(text, values, index, stop)
        verb = gap.removeprefix("分别")
        if gap.startswith("分别") and len(chain) == last.list_size and _gap_ok(verb, False):
            yield _Hit(last, verb, chain[0])
        return
    if not grouped and "分别" in gap:
        yield from _positional(text, last, gap, values, index, stop)
        return
    if not _gap_ok(gap, grouped):
        if not grouped and last.family.level is not None and last.growth_word is None:
            yield from _level_reached(text, last, values, index, stop)
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
    if len(chain) > 1:
        return
    yield _Hit(last, gap, first)
    yield from _continuations(text, last, values, index, stop)


def _level_reached(
    text: str, mention: Mention, values: list[Value], index: int, stop: int
) -> Iterator[_Hit]:
    """粮食总产量在上年大幅度增长的基础上，又增产291亿斤，达到9680亿斤: when the words after
    a metric are no verb phrase, a later clause of the sentence opening on 达到 (or a value
    after 增加到了一九五九年的), naming no other metric, still gives the level reached."""
    for value in values[index:]:
        if value.start >= stop:
            return
        head = text[max(0, value.start - 16) : value.start]
        head = _year_tail_re().sub("", head)
        if value.value is not None and re.search(str(cues()["level_reached"]), head):
            yield _Hit(mention, "达到", value)
            return


@functools.lru_cache(maxsize=1)
def _year_tail_re() -> re.Pattern[str]:
    """A year ending the words before a value (增加到了一九五九年的): dropped before the verb
    check, since the year dates the value."""
    return re.compile(r"(?:(?:19|20)[0-9]{2}|[一二][〇○零一二三四五六七八九]{3})年的?$")


def _plan_verb(gap: str) -> str | None:
    """The verb after a plan word opening the gap (计划达到 → 达到), when the rest is a
    short verb phrase; None otherwise."""
    word = next((w for w in cue_words("plan_gap_words") if gap.startswith(w)), None)
    if word is None:
        return None
    rest = gap[len(word) :]
    return rest if _gap_ok(rest, False) else None


def _past_threshold(text: str, values: list[Value], index: int, stop: int) -> int:
    """The exact figure after a milestone of the same clause (突破3万亿元、达3.6万亿元):
    the milestone is only a min bound when the clause gives no exact figure."""
    first = values[index]
    if first.value is None or not is_threshold(text, first.start, first.end):
        return index
    if index + 1 >= len(values) or values[index + 1].start >= stop:
        return index
    between = text[first.end : values[index + 1].start].replace(" ", "")
    if re.fullmatch(str(cues()["threshold_then_exact"]), between) is None:
        return index
    exact = values[index + 1]
    if exact.value is None or not _same_dimension(first.unit, exact.unit):
        return index
    return index + 1


def _same_dimension(unit: str, other: str) -> bool:
    if unit == other:
        return True
    return convert(Decimal(1), unit, other) is not None


def _positional(
    text: str, mention: Mention, gap: str, values: list[Value], index: int, stop: int
) -> Iterator[_Hit]:
    """A、B分别增长x、y with B not in the catalog: the value at the mention's place."""
    head, _, verb = gap.partition("分别")
    if not head or head[0] not in "、和及与" or re.search(r"\d", head):
        return
    items = re.split(r"[、和及与]", head[1:])
    if not all(0 < len(i) <= int(cues()["gap_max"]) for i in items):
        return
    if not (verb == "" or ends_with_cue(verb, "gap_endings") is not None):
        return
    chain = _list_after(text, values, index, stop)
    if len(chain) != len(items) + 1:
        return
    yield _Hit(mention, verb, chain[0])


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
    background = [m.span() for m in _background_re().finditer(text, current.end, stop)]
    for nxt in values[index + 1 :]:
        if nxt.start >= stop or nxt.value is None:
            return
        if any(a <= nxt.start < b for a, b in background):
            continue  # 在1979到1983年平均每年递增7.9%的基础上: background, not the metric
        between = text[current.end : nxt.start]
        for a, b in background:
            if current.end <= a and b <= nxt.start:
                between = between.replace(text[a:b], "", 1)
        clause = _continues(between)
        if clause is None:
            return
        yield _Hit(mention, clause, nxt)
        current = nxt


@functools.lru_cache(maxsize=1)
def _background_re() -> re.Pattern[str]:
    """A background clause (在上年大幅增长的基础上) between a value and its continuation."""
    return re.compile(str(cues()["background_clause"]))


def sentence_readings(
    text: str, sentence: _Span, context_start: int | None = None, lead: str = ""
) -> Iterator[Reading]:
    """Every (metric, value) reading of one sentence.

    ``context_start`` (the paragraph start) widens the context in which contextual names
    (产量 after 粮食) are read; ``lead`` is the paragraph's opening sentence, which may set the
    subject of clauses that name none (全年增长4.8%).
    """
    if _maybe_value_re().search(text, sentence.start, sentence.end) is None:
        return
    mentions = find_mentions(text, sentence.start, sentence.end)
    floor = sentence.start if context_start is None else context_start
    mentions += contextual_mentions(text, sentence.start, sentence.end, mentions, floor)
    if lead:
        mentions += lead_in_mentions(text, sentence.start, sentence.end, mentions, lead)
    mentions.sort(key=lambda m: m.start)
    mentions += carried_mentions(text, sentence.start, sentence.end, mentions)
    mentions += standalone_mentions(text, sentence.start, sentence.end, mentions)
    shares = share_mentions(text, sentence.start, sentence.end)
    mentions = [m for m in mentions if not any(_overlaps(m, x) for x in shares)] + shares
    mentions.sort(key=lambda m: m.start)
    if not mentions:
        return
    values = _values_in(text, sentence)
    qualitative = [v for v in values if v.value is None]
    mentions = [m for m in mentions if not any(q.start <= m.start < q.end for q in qualitative)]
    usable = [
        m
        for m in mentions
        if (m.end == m.start or _prefix_ok(text, m, sentence.start))
        and scope_ok(text, m, sentence)
    ]
    groups = _group_mentions(text, usable)
    starts = sorted(m.start for m in mentions if m.end > m.start)
    for group in groups:
        later = [x for x in starts if x >= group[-1].end and x > group[-1].start]
        stop = later[0] if later else sentence.end
        planned = _after_plan_word(text, group[0])
        for hit in _hits_for_group(text, group, values, stop):
            reading = resolve(text, hit.mention, hit.gap, hit.value)
            if reading is not None:
                yield replace(reading, gap_target=hit.target or planned)


def _overlaps(mention: Mention, other: Mention) -> bool:
    return mention.start < other.end and other.start < mention.end


def _after_plan_word(text: str, mention: Mention) -> bool:
    """今年计划国内生产总值增长9%: a metric right after a plan word is planned (a target)."""
    before = text[max(0, mention.start - 4) : mention.start]
    return any(before.endswith(w) for w in cue_words("plan_prefix_words"))


# Documents ---------------------------------------------------------------------------------


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
    for para in paragraph_spans(doc):
        role = doc.role_at(para.start)
        if role in _SKIP_ROLES:
            continue
        section_multi = section_is_multi_year(doc, para.start) and not opens_single_year(
            doc, para
        )
        cue_at = first_cue(text, para, "multi_year_paragraph")
        lead = lead_in(text, para)
        for sentence in iter_sentences(text, para.start, para.end):
            multi = section_multi or cue_at < sentence.end
            for reading in sentence_readings(text, sentence, para.start, lead):
                fact = _reading_fact(doc, role, para, sentence, reading, multi, old)
                if fact is not None:
                    yield fact


def _reading_fact(
    doc: Document,
    role: Role,
    para: _Span,
    sentence: _Span,
    reading: Reading,
    multi: bool,
    old: bool,
) -> Fact | None:
    """The fact a reading gives, once its period and kind are settled; None to drop it."""
    text = doc.text
    explicit = explicit_year(text, sentence.start, reading.start)
    if _multi_year_clause(text, sentence, reading) and explicit is None:
        return None
    deadline = deadline_year(text, sentence.start, reading.start)
    dated = (
        explicit is not None
        or relative_year(text, sentence.start, reading.start) == "last"
        or future_target(doc.year, deadline) is not None
    )
    opening = None if dated else opening_year_timing(doc, para)
    if multi and not dated and opening is None:
        # a year opening the full-stop sentence dates its clauses after a semicolon too
        full = _Span(_full_sentence_start(text, para, sentence), sentence.end)
        opening = paragraph_year_timing(doc, full, reading.start)
    if multi and not _multi_year_ok(doc, reading, role, dated or opening is not None):
        return None
    timing = opening or timing_at(doc, role, para, sentence, reading.start)
    if old and not dated:
        # an old report has no review/plan sections to lean on: the paragraph's year decides
        timing = paragraph_year_timing(doc, para, reading.start)
    if timing is None or explicit is None:
        # a later year named (一九九○年…达到, 到1985年，…) makes the value a target of that year
        named = explicit if explicit is not None else deadline
        timing = future_target(doc.year, named) or timing
    if timing is None and not dated:
        timing = section_year_timing(doc, reading.start)
    if timing is not None and reading.gap_target:
        timing = target_timing(timing, dated)
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
    if after == "的" and not _followed_by_target_word(text, _as_value(reading)):
        return None  # 超500亿元的县域: the value describes something else
    if after and any(text.startswith(w, reading.end) for w in cue_words("value_scope_followers")):
        return None  # 生产总值超200亿元县（区）达26个: a count of sub-regions
    if timing.kind == "actual" and _followed_by_target_word(text, _as_value(reading)):
        return None
    if timing.kind == "actual" and reading.gap_bound:
        reading = replace(reading, bound=None, gap_bound=False)
    return _fact(doc, reading, timing, sentence)


def _full_sentence_start(text: str, para: _Span, sentence: _Span) -> int:
    return max(para.start, text.rfind("。", para.start, sentence.start) + 1)


def _multi_year_clause(text: str, sentence: _Span, reading: Reading) -> bool:
    return has_cue(text[sentence.start : _clause_end(text, sentence, reading)],
                    "multi_year_sentence")


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
