"""Clauses of one sentence: which value belongs to a metric mention.

The first value after the mention when the words between are a short verb phrase (实现,
同比增长, 控制在…); values shared by a list (A、B分别增长5%、6%); the end and start of
从X提高到Y; a comparison base written with its value (比一九五二年的X增长Y%); and clauses
continuing the metric after its value (…5700.1亿元, 同比增长4.1%). ``facts`` turns the hits
into readings and dated facts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from baogao.extract.catalog import Mention, convert, cues, load_catalog
from baogao.extract.numbers import Quantity
from baogao.extract.periods import cue_words, ends_with_cue, year_of
from baogao.extract.subjects import is_threshold, strip_thresholds
from baogao.models import Bound


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


@functools.lru_cache(maxsize=1)
def _note_re() -> re.Pattern[str]:
    """A short note right after a metric (（GDP）, （不含农户）) that changes nothing."""
    return re.compile(str(cues()["mention_note"]))


@functools.lru_cache(maxsize=1)
def _continuation_re() -> re.Pattern[str]:
    return re.compile(str(cues()["continuation"]))


@functools.lru_cache(maxsize=1)
def _comma_verb_re() -> re.Pattern[str]:
    return re.compile(str(cues()["comma_verb_gap"]))


@functools.lru_cache(maxsize=1)
def _from_gap_re() -> re.Pattern[str]:
    return re.compile(str(cues()["from_gap"]))


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


@functools.lru_cache(maxsize=1)
def _contrast_gap_re() -> re.Pattern[str]:
    """A clause opening the gap that only frames the value after it: 不仅没有下降，而且 (it
    denies the opposite change) or a record (完成额实现…以来最好成绩，同比增长12.2%)."""
    return re.compile(str(cues()["contrast_gap"]))


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


def _list_after(text: str, values: list[Value], first: int, stop: int) -> list[Value]:
    """``values[first]`` and the values joined to it by 、/和/，only (a number and a phrase
    such as 快于经济增速 are no list: 实际增长7.4%，快于经济增速; nor, after a comma, two
    numbers of different dimensions)."""
    chain = [values[first]]
    for nxt in values[first + 1 :]:
        if nxt.start >= stop or (nxt.value is None) != (chain[-1].value is None):
            break
        between = text[chain[-1].end : nxt.start]
        if between not in ("、", "和", "，", ",", "及"):
            break
        if between in ("，", ",") and nxt.value is not None and not same_dimension(
                chain[-1].unit, nxt.unit):
            break  # 增长11.5%，两项指标稳居全市第一: a count after a rate is no item of its list
        chain.append(nxt)
    return chain


@dataclass(frozen=True)
class _Hit:
    mention: Mention
    gap: str
    value: Value
    target: bool = False
    base_year: int | None = None
    span: str = ""


def group_mentions(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups and text[groups[-1][-1].end : mention.start] in ("、", "和", "及", "与", "以及"):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def hits_for_group(
    text: str, group: list[Mention], values: list[Value], stop: int
) -> Iterator[_Hit]:
    last = group[-1]
    index = next((i for i, v in enumerate(values) if v.start >= last.end), None)
    if index is None or values[index].start >= stop:
        return
    milestone = values[index]
    index = _past_threshold(text, values, index, stop)
    first = values[index]
    # 生产总值突破3万亿元、达到3.35万亿元: the words before the milestone link the metric
    raw_gap = _note_re().sub("", text[last.end : milestone.start].replace(" ", ""), count=1)
    if index > values.index(milestone):
        # 生产总值先后跨越两百亿元、三百亿元台阶，…达到316亿元: the adverb belongs to the milestones
        raw_gap = re.sub(f"(?:{'|'.join(cue_words('milestone_adverbs'))})$", "", raw_gap)
    opens = last.start == 0 or text[last.start - 1] in "。；;\n" or text[last.start - 1].isspace()
    if raw_gap[:1] in ("：", ":") and opens and len(group) == 1:
        raw_gap = raw_gap[1:]  # 粮食：达到三千八百五十六亿斤 (a list of plan items)
    elif raw_gap[:1] in ("，", ",") and len(group) == 1 and _comma_verb_re().fullmatch(
            raw_gap, 1):
        raw_gap = raw_gap[1:]  # 一九五八年的工农业总产值，拟定为…: the metric, then its figure
    grouped = len(group) > 1
    framed = _contrast_gap_re().sub("", raw_gap, count=1)
    if not grouped and _from_gap_re().fullmatch(_without_growth_noun(framed, last)):
        yield from _from_to(text, last, values, index, stop)
        return
    base = _base_year(raw_gap)
    if not grouped and base is not None and raw_gap[:1] not in "，,":
        # 一九五九年的工农业总产值将比一九五八年的二千零五十亿元增长百分之四十，达到…
        yield from _compared(text, last, values, index, stop, base)
        return
    gap = _contrast_gap_re().sub("", raw_gap, count=1)  # 不仅没有下降，而且 / …最好成绩，
    gap = strip_thresholds(_comparison_gap_re().sub("", gap, count=1))
    gap = _without_growth_noun(gap, last)
    if not grouped and gap and _target_gap_re().fullmatch(gap):
        # 经济增长预期目标为7%: a target stated between the metric and its value
        yield _Hit(last, "", first, target=True)
        return
    plan_verb = _plan_verb(gap) if not grouped and last.list_size <= 1 else None
    if plan_verb is not None:
        # 粮食产量计划达到3.6亿吨, 国民生产总值计划增长8%: the plan's figure, a target; so
        # are the clauses continuing it (工农业总产值计划为1241亿元，比上年增长4.5%)
        yield _Hit(last, plan_verb, first, target=True)
        for hit in _continuations(text, last, values, index, stop):
            yield replace(hit, target=True)
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
        elif "分别" not in gap and len(chain) == 1 and (
                re.search("[均都]", gap) or _shared_rate(group, gap)):
            pairs = [(m, first) for m in group]
        else:
            return
        for mention, value in pairs:
            yield _Hit(mention, gap.replace("分别", ""), value)
        if "分别" in gap:
            yield from _grouped_continuation(text, group, values, index + len(chain), stop)
        return
    if len(chain) > 1:
        return
    yield _Hit(last, gap, first)
    yield from _continuations(text, last, values, index, stop)


def _shared_rate(group: list[Mention], gap: str) -> bool:
    """城镇调查失业率和登记失业率稳定在4.3%左右: rates held at one figure each hold it."""
    catalog = load_catalog()
    rates = all(m.family.level is not None and catalog[m.family.level].kind_of_value == "rate"
                for m in group)
    return rates and gap in cue_words("shared_rate_verbs")


def _without_growth_noun(gap: str, mention: Mention) -> str:
    """The gap after a growth word without the noun it takes (增长速度, 增长幅度 → 增长)."""
    if mention.growth_word is None:
        return gap
    noun = next((w for w in cue_words("growth_nouns") if gap.startswith(w)), "")
    return gap[len(noun) :]


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
    last = _milestone_run(text, values, index, stop)
    if last + 1 >= len(values) or values[last + 1].start >= stop:
        return index
    between = text[values[last].end : values[last + 1].start].replace(" ", "")
    if re.fullmatch(str(cues()["threshold_then_exact"]), between) is None:
        return index
    exact = values[last + 1]
    if exact.value is None or not same_dimension(first.unit, exact.unit):
        return index
    return last + 1


def _milestone_run(text: str, values: list[Value], index: int, stop: int) -> int:
    """The last milestone of a list of them (跨越两百亿元、三百亿元台阶, 接连突破8万亿元、9万亿元):
    the values joined by a bare 、 after the first, which the milestone verb governs too."""
    last = index
    while (last + 1 < len(values) and values[last + 1].start < stop
           and text[values[last].end : values[last + 1].start] == "、"
           and values[last + 1].value is not None
           and same_dimension(values[index].unit, values[last + 1].unit)):
        last += 1
    return last


def same_dimension(unit: str, other: str) -> bool:
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
    """从X提高到Y: the end value Y (the level reached) and the starting point X, which is
    kept only where its year is known (see ``start_timing``). Starting points may be a list
    of dated values (从1979年的X1、1980年的X2，预计降低到今年的Y)."""
    last = index
    item_re = re.compile(str(cues()["from_list_item"]))
    while last + 1 < len(values) and values[last + 1].start < stop:
        if not item_re.match(text[values[last].end : values[last + 1].start]):
            break
        last += 1
    if last + 1 >= len(values) or values[last + 1].start >= stop:
        return
    end_value = values[last + 1]
    between = text[values[last].end : end_value.start]
    starts = values[index : last + 1]
    if _from_to_re().match(between) and end_value.value is not None:
        for start in starts:
            if start.value is not None:
                yield _Hit(mention, "", start, span="start")
        yield _Hit(mention, "达到", end_value, span="end")


def _level_after_growth(between: str, current: Value, nxt: Value, mention: Mention) -> str | None:
    """The verb joining a growth rate straight to the level it reached, no comma between
    (地区生产总值同比增长12.6%达92.9亿元), else None."""
    verb = between.replace(" ", "")
    if (mention.family.level is not None and current.unit in ("%", "‰")
            and nxt.unit not in ("%", "‰") and verb in cue_words("level_after_growth")):
        return verb
    return None


def _continues(between: str) -> str | None:
    """The continuation clause (同比增长…) when ``between`` joins a value to the next one.

    ``between`` is the text from the end of one value to the start of the next: an optional
    short filler (大关), a comma, up to two short number-free clauses (达到历史最好水平), and
    a clause made only of a growth phrase.
    """
    table = cues()
    between = _note_re().sub("", between.replace(" ", ""))  # 同 比增长: a copy's stray space
    parts = re.split(r"[，,、]", between)  # …比2017年同口径(下同)增长: the note changes nothing
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


def _grouped_continuation(
    text: str, group: list[Mention], values: list[Value], index: int, stop: int
) -> Iterator[_Hit]:
    """A、B分别达到x、y，(分别)增长p、q: the growth clause after a list of levels continues
    each metric of the list in turn, when it gives exactly one rate per metric."""
    if index >= len(values) or values[index].start >= stop or index == 0:
        return
    between = text[values[index - 1].end : values[index].start]
    parts = re.split(r"[，,]", between)
    if len(parts) == 2 and parts[1].startswith("分别"):
        between = f"{parts[0]}，{parts[1].removeprefix('分别')}"
    clause = _continues(between)
    chain = _list_after(text, values, index, stop)
    if clause is None or clause in ("达到", "达") or len(chain) != len(group):
        return
    if any(v.value is None or v.unit not in ("%", "‰") for v in chain):
        return
    for mention, value in zip(group, chain, strict=True):
        yield _Hit(mention, clause, value)


def respective_tail(
    text: str, groups: list[list[Mention]], values: list[Value], end: int, strict: bool = True
) -> Iterator[_Hit]:
    """X实现a亿元，Y突破b亿元，Z达c亿元，分别增长p%、q%、r%: a clause of rates taken 分别
    gives each metric of the sentence before it its rate in turn, when every one of them is
    named alone and followed by a value of its own, and the rates are as many as they are.
    Otherwise (``strict`` off when some metric of the sentence is not usable) the rates go to
    the clauses of one amount each right before them, whatever they name (_tail_by_clauses)."""
    pattern = re.compile(str(cues()["respective_tail"]))
    tail = next((i for i in range(1, len(values)) if pattern.fullmatch(
        text[values[i - 1].end : values[i].start].replace(" ", ""))), None)
    if tail is None:
        return
    chain = _list_after(text, values, tail, end)
    after = text[chain[-1].end : chain[-1].end + 1]
    if len(chain) < 2 or (after and after not in "，,；;。…"):  # …: the quote elides the rest
        return
    if any(v.value is None or v.unit != "%" for v in chain):
        return
    before = [g for g in groups if g[-1].end <= values[tail].start]
    mentions = [g[0] for g in before]
    if (not strict or len(before) < 2 or any(len(g) != 1 for g in before)
            or len(chain) != len(mentions)):
        yield from _tail_by_clauses(text, before, values, tail, chain)
        return
    bounds = [m.start for m in mentions[1:]] + [values[tail].start]
    for mention, stop in zip(mentions, bounds, strict=True):
        own = [v for v in values[:tail] if mention.end <= v.start < stop]
        if not own or any(v.unit in ("%", "‰") for v in own):
            # a metric with no level of its own, or a rate already: not this shape
            yield from _tail_by_clauses(text, before, values, tail, chain)
            return
    verb = str(cues()["respective_tail_verb"])
    for mention, value in zip(mentions, chain, strict=True):
        yield _Hit(mention, verb, value)


def _tail_by_clauses(
    text: str, groups: list[list[Mention]], values: list[Value], tail: int, chain: list[Value]
) -> Iterator[_Hit]:
    """一般预算收入完成7309万元，累计支出64338万元，同比分别增长43.6%和32.4%: as many
    clauses of one amount each as there are rates, right before them, take the rates in turn;
    a clause naming a metric of the catalog gives it its rate, one naming none only holds its
    place. Nothing when the clause before them holds an amount with no rate too."""
    marks = "，,；;。\n"
    right = max(text.rfind(c, 0, values[tail].start) for c in marks)
    clauses: list[tuple[int, int, Value]] = []
    for _ in chain:
        if right < 0:
            return
        left = max(text.rfind(c, 0, right) for c in marks)
        own = [v for v in values[:tail] if left < v.start < right]
        if len(own) != 1 or own[0].value is None or own[0].unit in ("%", "‰"):
            return
        if clauses and not same_dimension(own[0].unit, clauses[0][2].unit):
            return
        clauses.append((left, right, own[0]))
        right = left
    if right >= 0 and text[right] not in "。\n":
        previous = max(text.rfind(c, 0, right) for c in marks)
        prior = [v for v in values[:tail] if previous < v.start < right]
        if prior and prior[-1].unit not in ("%", "‰"):
            return  # more amounts than rates: which ones take them is not clear
    verb = str(cues()["respective_tail_verb"])
    for (left, _right, amount), rate in zip(reversed(clauses), chain, strict=True):
        named = [g for g in groups if left < g[0].start and g[-1].end <= amount.start]
        if len(named) == 1 and len(named[0]) == 1 and named[0][0].family.level is not None:
            yield _Hit(named[0][0], verb, rate)


def _base_year(gap: str) -> int | None:
    """The year of a comparison base written with its value (比一九五二年的…), else None."""
    match = _base_gap_re().fullmatch(gap)
    return None if match is None else year_of(match)


@functools.lru_cache(maxsize=1)
def _base_gap_re() -> re.Pattern[str]:
    return re.compile(str(cues()["base_value_gap"]))


def _compared(
    text: str, mention: Mention, values: list[Value], index: int, stop: int, base: int
) -> Iterator[_Hit]:
    """比YEAR年的X增长Y%: X is the level of that year (an actual), Y the change since; the
    clauses after it (，达到Z) continue the metric."""
    first = values[index]
    if first.value is None or first.unit in ("%", "‰") or mention.family.level is None:
        return
    yield _Hit(mention, "", first, base_year=base)
    if index + 1 >= len(values) or values[index + 1].start >= stop:
        return
    change = values[index + 1]
    verb = text[first.end : change.start]
    if re.fullmatch(str(cues()["base_value_change"]), verb) is None:
        return
    yield _Hit(mention, verb, change)
    yield from _continuations(text, mention, values, index + 1, stop)


def _continuations(
    text: str, mention: Mention, values: list[Value], index: int, stop: int
) -> Iterator[_Hit]:
    """Clauses continuing a metric after its value: …5700.1亿元,同比增长4.1%."""
    current = values[index]
    background = [m.span() for m in _background_re().finditer(text, current.end, stop)]
    skip = -1
    for offset, nxt in enumerate(values[index + 1 :], start=index + 1):
        if offset <= skip:
            continue
        if nxt.start >= stop or nxt.value is None:
            return
        share = _plan_share(text, current, values, offset, stop)
        if share is not None:
            current, skip = values[share], share  # 完成年计划710亿元的89.4%: an aside
            continue
        if any(a <= nxt.start < b for a, b in background):
            continue  # 在1979到1983年平均每年递增7.9%的基础上: background, not the metric
        between = re.sub(str(cues()["value_aside"]), "", text[current.end : nxt.start])
        between = re.sub(str(cues()["doubling_aside"]), "", between, count=1)
        base = _base_year(between.lstrip("，,")) if between[:1] in "，," else None
        if base is not None and current.unit not in ("%", "‰"):
            # …达到了X，比一九五二年的Y增长Z%: Y is the base year's level, Z the change
            yield from _compared(text, mention, values, offset, stop, base)
            return
        if re.fullmatch(str(cues()["year_part"]), between) and same_dimension(
            current.unit, nxt.unit
        ):
            # 五年合计…为X，其中一九八五年为Y: Y is the same metric in the year named
            yield _Hit(mention, "为", nxt)
            current = nxt
            continue
        for a, b in background:
            if current.end <= a and b <= nxt.start:
                between = between.replace(text[a:b], "", 1)
        if (current.unit not in ("%", "‰") and nxt.unit not in ("%", "‰")
                and same_dimension(current.unit, nxt.unit)
                and re.fullmatch(str(cues()["change_amount_gap"]), between.replace(" ", ""))):
            current = nxt  # …5700.1亿元，比上年增加300亿元，增长4.1%: the amount of the change
            continue
        clause = _continues(between) or _level_after_growth(between, current, nxt, mention)
        if clause is None:
            return
        subject = mention
        level = nxt.unit not in ("%", "‰") and clause in ("达到", "达")
        if mention.growth_word is not None and level:
            # 社会消费品零售总额增长5.1%、达到4.8万亿元: the level of the same metric
            subject = replace(mention, growth_word=None)
        yield _Hit(subject, clause, nxt)
        current = nxt


def _plan_share(
    text: str, current: Value, values: list[Value], offset: int, stop: int
) -> int | None:
    """The index of the share done when the value at ``offset`` is the plan figure a level is
    measured against (635亿元，完成年计划710亿元的89.4%): both are an aside, not the metric's."""
    nxt = values[offset]
    share = offset + 1
    if (current.unit in ("%", "‰") or share >= len(values) or values[share].start >= stop
            or values[share].unit != "%" or not same_dimension(current.unit, nxt.unit)):
        return None
    gap = text[current.end : nxt.start].replace(" ", "")
    if re.search(str(cues()["plan_share_gap"]), gap) is None:
        return None
    return share if text[nxt.end : values[share].start].strip() == "的" else None


@functools.lru_cache(maxsize=1)
def _background_re() -> re.Pattern[str]:
    """A background clause (在上年大幅增长的基础上) between a value and its continuation."""
    return re.compile(str(cues()["background_clause"]))
