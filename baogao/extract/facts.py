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

from baogao.extract.alternation import words_pattern
from baogao.extract.budget import own_part_mentions
from baogao.extract.catalog import Family, Mention, convert, cues, find_mentions, load_catalog
from baogao.extract.clauses import (
    Value,
    group_mentions,
    hits_for_group,
    respective_tail,
    same_dimension,
)
from baogao.extract.fact_timing import reading_fact
from baogao.extract.guards import dated, results_not_targets, whole_year
from baogao.extract.headlines import (
    Headline,
    governing_headline,
    headline_at,
    opened_year,
)
from baogao.extract.numbers import Quantity, find_quantities, may_hold_quantity, opening_chars, scan
from baogao.extract.periods import Timing as Timing
from baogao.extract.periods import _Span as _Span
from baogao.extract.periods import (
    cue_words,
    ends_with_cue,
    first_cue,
    has_cue,
    lead_in,
    opens_single_year,
    paragraph_spans,
    section_is_multi_year,
)
from baogao.extract.periods import estimated_at as estimated_at
from baogao.extract.periods import iter_sentences as iter_sentences
from baogao.extract.periods import timing_at as timing_at
from baogao.extract.scopes import scoped_facts, uncut_facts
from baogao.extract.subjects import (
    carried_growth_mentions,
    carried_mentions,
    carried_sentence_mentions,
    contextual_mentions,
    elided_mentions,
    governed_by_blocker,
    is_threshold,
    lead_in_mentions,
    own_region_names,
    scope_ok,
    sector_scoped,
    share_mentions,
    standalone_mentions,
    subject_start,
    topic_mentions,
    with_speed_noun,
)
from baogao.extract.tables import table_facts
from baogao.models import Bound, Document, Fact, Role

_SKIP_ROLES: frozenset[Role] = frozenset({"glossary", "appendix", "self_building"})
_PERCENT_POINTS = frozenset({"个百分点", "百分点"})


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
    base_year: int | None = None
    span: str = ""


@functools.lru_cache(maxsize=1)
def _qualitative_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in cue_words("qualitative")))


@functools.lru_cache(maxsize=1)
def _qualitative_target_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in cues()["qualitative_targets"]))


@functools.lru_cache(maxsize=1)
def _maybe_value_re() -> re.Pattern[str]:
    """Anything that can start a value: a digit, a Chinese numeral, a qualitative phrase."""
    words = [*cue_words("qualitative_value_hints")]
    return re.compile("[0-9零〇一二两三四五六七八九十百千万亿]|" + words_pattern(words))


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


def _capped_index(text: str, mention: Mention, gap: str, value: Value) -> str | None:
    """居民消费价格指数控制在3.5%以内: a price index capped at a percentage caps its rise."""
    name = text[mention.start : mention.end]
    if mention.family.growth is None or not name.endswith(tuple(cue_words("index_suffixes"))):
        return None
    return mention.family.growth if _bound(value, gap)[0] == "max" else None


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
            or text.startswith(("增长", "增速"), value.end)  # 进出口保持稳定增长: of the growth
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
        indicator = _growth_reading(family, gap, mention, value) or _capped_index(
            text, mention, gap, value)
        if indicator is None or value.unit == "‰":
            return None
        signed = _signed(indicator, gap, mention, value.value)
        high = value.value_high
        if signed is None or (high is not None and signed != value.value):
            return None
        bound, from_gap = _bound(value, gap)
        return Reading(indicator, name, signed, "%", bound, high, value.start, value.end, from_gap)
    if re.match(str(cues()["per_unit_after"]), text[value.end : value.end + 2]):
        return None  # 493.5公斤/亩, 3.2万元/人: a rate per unit of something, never a level
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


def _prefix_ok(text: str, mention: Mention, floor: int, own: tuple[str, ...] = (),
               blockers: bool = True) -> bool:
    """True when the words before a mention (and before the report's own region name, when
    it precedes the mention) leave it the subject of its clause (``blockers``: nor does a
    multi-year word govern it)."""
    if blockers and governed_by_blocker(text, floor, mention.start, mention.end):
        return False
    start = subject_start(text, mention.start, floor, own)
    if start <= floor:
        return True
    before = text[max(floor, start - 4) : start]
    return any(before.endswith(w) for w in cue_words("mention_prefix_ok"))


def _may_hold_values(text: str, sentence: _Span) -> bool:
    """False when ``_values_in`` surely finds nothing (a cheap test of the same patterns)."""
    start, end = sentence.start, sentence.end
    return (may_hold_quantity(text, start, end)
            or next(_phrases(_any_qualitative_re(), text, start, end), None) is not None)


@functools.lru_cache(maxsize=1)
def _any_qualitative_re() -> re.Pattern[str]:
    """Matches where ``_qualitative_re`` or ``_qualitative_target_re`` does."""
    return re.compile(f"(?:{_qualitative_re().pattern})|(?:{_qualitative_target_re().pattern})")


@functools.lru_cache(maxsize=8)
def _opening(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    return opening_chars(pattern)


def _phrases(pattern: re.Pattern[str], text: str, start: int, end: int
             ) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)`` for a qualitative phrase pattern, tried only
    where a phrase can open (``numbers.scan``: the phrase list is tried at every character
    otherwise)."""
    opening = _opening(pattern)
    if opening is None:
        return pattern.finditer(text, start, end)
    return scan(pattern, opening, text, start, end)


def _values_in(text: str, sentence: _Span) -> list[Value]:
    values = [
        Value.of(q)
        for q in find_quantities(text, sentence.start, sentence.end)
        if not _is_milestone_count(text, q)
    ]
    for pattern, target_only in ((_qualitative_re(), False), (_qualitative_target_re(), True)):
        for match in _phrases(pattern, text, sentence.start, sentence.end):
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
            and same_dimension(previous.unit, value.unit)
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


def sentence_readings(
    text: str, sentence: _Span, context_start: int | None = None, lead: str = "",
    own: tuple[str, ...] = (),
) -> Iterator[Reading]:
    """Every (metric, value) reading of one sentence.

    ``context_start`` (the paragraph start) widens the context in which contextual names
    (产量 after 粮食) are read; ``lead`` is the paragraph's opening sentence, which may set the
    subject of clauses that name none (全年增长4.8%); ``own`` are the names of the report's
    region, which may precede a metric (西藏地区生产总值).
    """
    if _maybe_value_re().search(text, sentence.start, sentence.end) is None:
        return
    if not _may_hold_values(text, sentence):
        return  # no value, so no reading: the mentions need not be looked for
    mentions = find_mentions(text, sentence.start, sentence.end)
    mentions += own_part_mentions(text, sentence.start, sentence.end)  # 其中：当年收入
    floor = sentence.start if context_start is None else context_start
    mentions += contextual_mentions(text, sentence.start, sentence.end, mentions, floor)
    if lead:
        mentions += lead_in_mentions(text, sentence.start, sentence.end, mentions, lead)
    mentions = [with_speed_noun(text, m) for m in mentions]
    mentions += topic_mentions(text, sentence.start, sentence.end, floor, mentions)
    mentions.sort(key=lambda m: m.start)
    mentions += carried_mentions(text, sentence.start, sentence.end, mentions)
    mentions += carried_growth_mentions(text, sentence.start, sentence.end, mentions)
    mentions += standalone_mentions(text, sentence.start, sentence.end, mentions)
    mentions += elided_mentions(text, sentence.start, sentence.end, mentions)
    mentions += carried_sentence_mentions(text, sentence.start, sentence.end, floor, mentions)
    shares = share_mentions(text, sentence.start, sentence.end)
    mentions = [m for m in mentions if not any(_overlaps(m, x) for x in shares)] + shares
    mentions.sort(key=lambda m: m.start)
    mentions = _without_glosses(text, mentions)
    if not mentions:
        return
    values = _values_in(text, sentence)
    qualitative = [v for v in values if v.value is None]
    mentions = [m for m in mentions if not any(q.start <= m.start < q.end for q in qualitative)]
    # 这两年中，钢产量由…增加到…: under years that govern the clause, the two ends of a
    # from-to pair are still levels (dated by those years); nothing else of it is read
    pairs_only = [m for m in mentions if m.end > m.start and text.startswith(("由", "从"), m.end)
                  and not _prefix_ok(text, m, sentence.start, own)
                  and _prefix_ok(text, m, sentence.start, own, blockers=False)]
    usable = [
        m
        for m in mentions
        if (m.end == m.start or m in pairs_only or _prefix_ok(text, m, sentence.start, own))
        and scope_ok(text, m, sentence)
        and not sector_scoped(text, m, sentence, floor)
        and not _modifies_next_noun(text, m)
    ]
    groups = group_mentions(text, usable)
    starts = sorted(m.start for m in mentions if m.end > m.start)
    for group in groups:
        later = [x for x in starts if x >= group[-1].end and x > group[-1].start]
        stop = later[0] if later else sentence.end
        planned = _after_plan_word(text, group[0])
        for hit in hits_for_group(text, group, values, stop):
            if hit.mention in pairs_only and hit.span not in ("start", "end"):
                continue
            reading = resolve(text, hit.mention, hit.gap, hit.value)
            if reading is not None:
                yield replace(
                    reading,
                    gap_target=hit.target or planned,
                    base_year=hit.base_year,
                    span=hit.span,
                )
    strict = len(usable) == len(mentions)
    for hit in respective_tail(text, groups, values, sentence.end, strict):
        reading = resolve(text, hit.mention, hit.gap, hit.value)
        if reading is not None:
            yield reading


def _modifies_next_noun(text: str, mention: Mention) -> bool:
    """万元GDP能耗, 单位生产总值二氧化碳排放: the metric only qualifies the noun after it."""
    return mention.end > mention.start and any(
        text.startswith(w, mention.end) for w in cue_words("mention_followers_block")
    )


def _without_glosses(text: str, mentions: list[Mention]) -> list[Mention]:
    """地区生产总值（GDP）实现…: a name in brackets right after a name of the same metric
    glosses it; the bracket is a note, not a second subject."""
    kept: list[Mention] = []
    for mention in mentions:
        prev = kept[-1] if kept else None
        if (prev is not None and prev.end > prev.start and prev.family == mention.family
                and mention.start == prev.end + 1 and text[prev.end] in "（("
                and text[mention.end : mention.end + 1] in ("）", ")")):
            continue
        kept.append(mention)
    return kept


def _overlaps(mention: Mention, other: Mention) -> bool:
    return mention.start < other.end and other.start < mention.end


def _after_plan_word(text: str, mention: Mention) -> bool:
    """今年计划国内生产总值增长9%: a metric right after a plan word is planned (a target)."""
    before = text[max(0, mention.start - 4) : mention.start]
    return any(before.endswith(w) for w in cue_words("plan_prefix_words"))


# Documents ---------------------------------------------------------------------------------


def prose_facts(doc: Document) -> Iterator[Fact]:
    """Facts stated in the running text of ``doc``."""
    text = doc.text
    old = doc.year is not None and doc.year < int(cues()["old_report_year"])
    list_lead: _Span | None = None  # a paragraph ending on a colon (…情况如下列：)
    own = own_region_names(doc)
    headline: Headline | None = None  # 2003年： / 主要目标 on a page without headings
    previous: _Span | None = None
    opened: Headline | None = None  # 2018年，在…领导下，… opening a page without headings
    for para in paragraph_spans(doc):
        opened = None if opened is None else opened_year(doc, para, opened)
        governing = governing_headline(doc, para, headline, previous) or opened
        headline = headline_at(doc, para) or headline
        opened = opened_year(doc, para, None) or opened
        previous = para if text[para.start : para.end].strip() else previous
        role = doc.role_at(para.start)
        if role in _SKIP_ROLES:
            continue
        item = list_lead is not None and para.end - para.start <= int(cues()["list_item_max"])
        list_lead = para if text[para.start : para.end].rstrip().endswith(("：", ":")) else (
            list_lead if item else None
        )
        dating = _Span(list_lead.start, para.end) if item and list_lead is not None else para
        section_multi = section_is_multi_year(doc, para.start) and not opens_single_year(doc, para)
        cue_at = first_cue(text, para, "multi_year_paragraph")
        lead = lead_in(text, para)
        for sentence in iter_sentences(text, para.start, para.end):
            multi = section_multi or cue_at < sentence.end
            for reading in sentence_readings(text, sentence, para.start, lead, own):
                fact = reading_fact(doc, role, para, sentence, reading, multi, old, dating,
                                     governing.timing if governing else None)
                if fact is not None:
                    yield fact


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


def _part_of_nation(doc: Document, fact: Fact) -> bool:
    """地方一般公共预算收入 in a national report: the local governments' part, not the nation's."""
    return doc.level == "national" and fact.name.startswith(cue_words("national_part_prefixes"))


def _wider_than_local(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without a budget revenue under its bare name when the report gives the same
    name with a local prefix too, for the same kind and year (公共财政收入14.5亿元…；地方公共财政
    收入8.06亿元: the bare one is the total collected, upper levels' shares included)."""
    if doc.level == "national":
        return facts
    rule = cues()["local_part"]
    indicators, prefixes = set(rule["indicators"]), tuple(rule["prefixes"])
    local = {(f.indicator, f.kind, f.period, f.name[len(p):]) for f in facts
             for p in prefixes if f.indicator in indicators and f.name.startswith(p)}
    return [f for f in facts if (f.indicator, f.kind, f.period, f.name) not in local]


def extract_facts(doc: Document) -> list[Fact]:
    """Indicator values and targets stated in ``doc``, each with the sentence it came from.

    Prose facts come first, then table facts; a fact stated twice (same indicator, kind,
    period, value and bound) is kept once, at its first statement; stated once as an estimate
    (初步预计，2013年全省生产总值21910亿元) and once without the word (a news page's subheading
    2013年全省生产总值21910亿元), it is the estimate. A fact whose period could not be told is
    not kept (``guards.dated``).
    """
    seen: set[tuple[Any, ...]] = set()
    facts: list[Fact] = []
    found = scoped_facts([*uncut_facts(doc, list(prose_facts(doc))), *table_facts(doc)])
    estimates = {_key(f) for f in found if f.estimated}
    for fact in _wider_than_local(doc, found):
        key = _key(fact)
        if key in seen or _part_of_nation(doc, fact) or (
                not fact.estimated and _key(replace(fact, estimated=True)) in estimates):
            continue
        seen.add(key)
        facts.append(fact)
    return results_not_targets(dated(whole_year(doc, facts)))
