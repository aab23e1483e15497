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
from baogao.extract.budget import budget_result_timing, own_part_mentions
from baogao.extract.catalog import Family, Mention, convert, cues, find_mentions, load_catalog
from baogao.extract.clauses import (
    Value,
    group_mentions,
    hits_for_group,
    respective_tail,
    same_dimension,
)
from baogao.extract.guards import guarded
from baogao.extract.headlines import (
    Headline,
    estimate_lead,
    governing_headline,
    headline_at,
    opened_year,
)
from baogao.extract.numbers import Quantity, find_quantities, may_hold_quantity, opening_chars, scan
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
    plan_end_timing,
    plan_horizon,
    relative_year,
    section_is_multi_year,
    section_year_timing,
    start_timing,
    target_timing,
    timing_or_part,
)
from baogao.extract.periods import estimated_at as estimated_at
from baogao.extract.periods import iter_sentences as iter_sentences
from baogao.extract.periods import timing_at as timing_at
from baogao.extract.scopes import scoped_facts, uncut_facts
from baogao.extract.span_memo import last_match_end
from baogao.extract.spans import carried_timing
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


def _kind_of(indicator: str) -> str:
    return load_catalog()[indicator].kind_of_value


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


def _prefix_ok(text: str, mention: Mention, floor: int, own: tuple[str, ...] = ()) -> bool:
    """True when the words before a mention (and before the report's own region name, when
    it precedes the mention) leave it the subject of its clause."""
    if governed_by_blocker(text, floor, mention.start, mention.end):
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


def _followed_by_target_word(text: str, value: Value) -> bool:
    after = text[value.end : value.end + 6]
    return any(after.startswith(w) for w in cue_words("value_followers_skip"))


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
    usable = [
        m
        for m in mentions
        if (m.end == m.start or _prefix_ok(text, m, sentence.start, own))
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
                fact = _reading_fact(doc, role, para, sentence, reading, multi, old, dating,
                                     governing.timing if governing else None)
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
            carried_timing(doc, para, reading.start, "start"))
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
        or relative_year(text, sentence.start, reading.start) == "last"
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
    this_year = multi and relative_year(text, sentence.start, reading.start) == "this"
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
          and relative_year(text, sentence.start, reading.start) is None
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
    return guarded(doc, facts)
