"""Metric subjects the catalog alone does not find: names that need their context.

A report often names its metric once and then goes on without it:

- a *contextual name* is a word that names a metric only inside its context: 产量 / 总产 /
  总产量 mean grain output in a clause about 粮食 (粮食播种面积1.1亿亩、产量825亿斤以上);
- a *carried name* (总量, 总额) is the level of the metric named earlier in the same sentence
  (外贸进出口增长8.4%，总额突破8000亿元);
- a *lead-in subject* is set by the opening words of a paragraph (——经济发展贡献新担当。…
  全年增长4.8%、总量达5.3万亿元): a clause that opens with 全年增长 and names nothing is
  about the economy the lead-in names.

Each becomes a ``Mention`` like a catalog hit, so the rest of the reading (values, timing,
bounds, scope guards) treats it the same way. All the words are data (``cues.json``).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from baogao.extract.alternation import words_pattern
from baogao.extract.catalog import (
    Family,
    Mention,
    cues,
    find_mentions,
    load_catalog,
    match_name,
    page_shapes,
)
from baogao.extract.numbers import Quantity, find_quantities, first_quantity
from baogao.extract.periods import _Span, cue_words, has_cue
from baogao.extract.span_memo import last_match_end
from baogao.models import Document
from baogao.read.regions import stem_of


def _family_of(indicator: str) -> Family:
    catalog = load_catalog()
    growth = f"{indicator}_growth"
    return Family(level=indicator, growth=growth if growth in catalog else None)


@functools.lru_cache(maxsize=1)
def _contextual() -> list[tuple[re.Pattern[str], tuple[str, ...], str]]:
    rules: list[tuple[re.Pattern[str], tuple[str, ...], str]] = []
    for rule in cues()["contextual_names"]:
        names = sorted(rule["names"], key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(n) for n in names))
        rules.append((pattern, tuple(rule["context"]), rule["indicator"]))
    return rules


def _covered(mentions: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def contextual_mentions(
    text: str, start: int, end: int, mentions: list[Mention], context_start: int
) -> list[Mention]:
    """Contextual names in ``text[start:end]`` whose context word comes before them.

    The context is searched from ``context_start`` (the paragraph start, so a heading-like
    lead-in such as 粮食生产再创新高 counts) to the name. The name must open a clause (after
    a clause break or at the sentence start) or follow its context word directly.
    """
    found: list[Mention] = []
    opener = set(cues()["contextual_openers"])
    for pattern, context, indicator in _contextual():
        for match in pattern.finditer(text, start, end):
            if _covered(mentions, match.start(), match.end()):
                continue
            head = text[context_start : match.start()]
            word = next((w for w in context if w in head), None)
            if word is None:
                continue
            before = text[match.start() - 1] if match.start() > start else ""
            right_after_context = head.endswith(word)
            listed = _shared_noun_list(text, start, match.start(), word)
            if listed is not None:
                found.append(
                    Mention(
                        listed[0],
                        match.end(),
                        text[listed[0] : match.end()],
                        match.group(0),
                        _family_of(indicator),
                        None,
                        list_size=listed[1],
                    )
                )
                continue
            if not (
                match.start() == start
                or before in opener
                or right_after_context
                or _after_time_prefix(text, start, match.start(), opener)
            ):
                continue
            surface = match.group(0)
            found.append(
                Mention(
                    match.start(), match.end(), surface, surface, _family_of(indicator), None
                )
            )
    return found


@functools.lru_cache(maxsize=1)
def _time_prefix_re() -> re.Pattern[str]:
    return re.compile(str(cues()["contextual_time_prefix"]))


def _after_time_prefix(text: str, start: int, pos: int, opener: set[str]) -> bool:
    """True when only a time (2007年, 全年) stands between a clause opening and ``pos``:
    粮食连续四年增产，2007年产量达到…"""
    head = text[start:pos]
    cut = max((head.rfind(o) + len(o) for o in opener if head.rfind(o) >= 0), default=0)
    prefix = head[cut:]
    return bool(prefix) and _time_prefix_re().fullmatch(prefix) is not None


def _shared_noun_list(text: str, start: int, pos: int, word: str) -> tuple[int, int] | None:
    """粮食、油料、蔬菜|产量: (start of the list, its length) when the list before ``pos``
    opens on the context word and its items share the noun at ``pos``."""
    clause_start = max(text.rfind(c, start, pos) for c in "，,；;：:") + 1
    clause_start = max(clause_start, start)
    items = re.split("[、和及]", text[clause_start:pos])
    if len(items) < 2 or items[0] != word:
        return None
    if not all(0 < len(i) <= 4 and not re.search(r"\d", i) for i in items):
        return None
    return clause_start, len(items)


@functools.lru_cache(maxsize=1)
def _carried_re() -> re.Pattern[str]:
    words = sorted([*cues()["carried_names"], *_head_nouns()], key=len, reverse=True)
    # (?<=[，,、；;])(?:全年)?(?:w1|w2…) tries 全年w1, 全年w2, …, then w1, w2, …
    return re.compile(words_pattern([*(f"全年{w}" for w in words), *words], after="[，,、；;]"))


@functools.lru_cache(maxsize=1)
def _head_nouns() -> dict[str, str]:
    """Carried names that repeat the head noun of the metric they carry (总收入 → 收入)."""
    heads: dict[str, str] = cues()["carried_names_with_head"]
    return heads


def _level_mention(match: re.Match[str], indicator: str) -> Mention:
    """A mention of ``indicator``'s level by the words ``match`` covers."""
    surface = match.group(0)
    return Mention(match.start(), match.end(), surface, surface,
                   Family(level=indicator, growth=None), None)


def carried_mentions(
    text: str, start: int, end: int, mentions: list[Mention]
) -> list[Mention]:
    """总量 / 总额 opening a clause: the level of the last metric named before it."""
    found: list[Mention] = []
    for match in _carried_re().finditer(text, start, end):
        if _covered(mentions, match.start(), match.end()):
            continue
        before = [m for m in [*mentions, *found] if m.end <= match.start()]
        if not before:
            continue
        family = before[-1].family
        if family.level is None:
            continue
        surface = match.group(0)
        head = _head_nouns().get(surface.removeprefix("全年"))
        if head is not None and not before[-1].surface.endswith(head):
            continue  # 总收入 carries 财政收入, never 人均纯收入 of another clause
        found.append(_level_mention(match, family.level))
    return found


@functools.lru_cache(maxsize=1)
def _carried_growth_re() -> re.Pattern[str]:
    words = sorted(cue_words("carried_growth_names"), key=len, reverse=True)
    return re.compile(words_pattern(words, after="[，,]"))


def carried_growth_mentions(
    text: str, start: int, end: int, mentions: list[Mention]
) -> list[Mention]:
    """增速 / 增幅 / 全年增长 opening a clause (外贸进出口实现恢复性增长，增速达到3.8%; 地区生产
    总值增速保持在合理区间，初步预计全年增长6.3%): the growth of the metric named in the clause
    just before, when that clause gives no value of its own."""
    found: list[Mention] = []
    for match in _carried_growth_re().finditer(text, start, end):
        if _covered(mentions, match.start(), match.end()):
            continue
        before = [m for m in mentions if m.end <= match.start()]
        if not before or before[-1].family.growth is None:
            continue
        between = text[before[-1].end : match.start() - 1]
        if re.search(r"[\d，,；;：:、]", between):
            continue  # a value of its own, or another clause in between
        surface = match.group(0)
        found.append(Mention(match.start(), match.end(), surface, surface,
                             Family(level=None, growth=before[-1].family.growth), surface))
    return found


@functools.lru_cache(maxsize=1)
def _lead_in_re() -> re.Pattern[str]:
    openers = sorted(cues()["lead_in_openers"], key=len, reverse=True)
    # a clause start: after a mark, or a sentence start (^ only matches at the text's start)
    return re.compile(
        rf"(?:^|(?<=[。！？\n，,；;：:]))(?:{words_pattern(openers)})")


def lead_in_mentions(
    text: str, start: int, end: int, mentions: list[Mention], lead: str
) -> list[Mention]:
    """全年增长… opening a clause that names nothing, in a paragraph whose lead-in sets the
    subject (经济发展, 经济运行…): a mention of that subject at the clause start."""
    subjects: dict[str, str] = cues()["lead_in_subjects"]
    indicator = next((ind for word, ind in subjects.items() if word in lead), None)
    if indicator is None:
        return []
    found: list[Mention] = []
    for match in _lead_in_re().finditer(text, start, end):
        if any(m.start < match.start() for m in mentions):
            continue  # a metric named earlier in the sentence is the subject
        name = load_catalog()[indicator].name
        found.append(Mention(match.start(), match.start(), "", name, _family_of(indicator), None))
    return found


@functools.lru_cache(maxsize=1)
def _threshold_phrase_re() -> re.Pattern[str]:
    return re.compile(str(cues()["threshold_phrase"]))


def strip_thresholds(gap: str) -> str:
    """The words between a metric and its value without milestone phrases and a year:
    连续迈上4个万亿元台阶、达 → 达; 突破5万关口、达到 → 达到; ，2024年达到 → 达到."""
    return _threshold_phrase_re().sub("", gap)


def is_threshold(text: str, start: int, end: int) -> bool:
    """True when the value at ``text[start:end]`` is a milestone (突破…, 迈上…台阶)."""
    head = text[start:end]
    if any(head.startswith(w) for w in cues()["threshold_verbs"]):
        return True
    after = text[end : end + 4]
    return any(after.startswith(w) for w in cues()["threshold_suffixes"])


@functools.lru_cache(maxsize=1)
def _share_rules() -> tuple[re.Pattern[str], list[tuple[tuple[str, ...], str]]]:
    table = cues()["share_of_gdp"]
    rules = [(tuple(rule["subjects"]), rule["indicator"]) for rule in table["rules"]]
    return re.compile(str(table["clause"])), rules


def share_mentions(text: str, start: int, end: int) -> list[Mention]:
    """占国内生产总值比重 opening a clause about a subject named earlier in the sentence
    (全国财政赤字合计9500亿元，占国内生产总值比重在3%以内; 研究与实验发展经费，…，占国内
    生产总值比重从1.07%提高到1.49%): a mention of the ratio indicator of that subject."""
    pattern, rules = _share_rules()
    found: list[Mention] = []
    for match in pattern.finditer(text, start, end):
        head = text[start : match.start()]
        indicator = next(
            (ind for subjects, ind in rules if any(s in head for s in subjects)), None
        )
        if indicator is None:
            continue
        found.append(_level_mention(match, indicator))
    return found


def governed_by_blocker(text: str, floor: int, pos: int, end: int | None = None) -> bool:
    """True when a multi-year word (累计, 近三年, 年均增长) before ``pos`` governs it.

    A blocker followed by a value in its own clause (…、年均增长5.7%，人均…) belongs to
    that clause; one that opens the sentence without a value (近三年累计，…) governs the rest.
    """
    # 在抗御60多年来最严重干旱的情况下，…: a background clause governs nothing after it
    head = re.sub(str(cues()["background_lead"]), "，", text[floor:pos])
    clause_start = max(head.rfind(c) for c in "，,；;") + 1
    if has_cue(head[clause_start:], "clause_blockers"):
        return True
    if end is not None and _shares_cumulative_lead(text, head, clause_start, floor, end):
        return True
    for word in cue_words("clause_blockers"):
        at = head.find(word)
        while word and at >= 0:
            ends = [i for i in (head.find(c, at) for c in "，,；;") if i >= 0]
            stop = min(ends, default=len(head))
            if not re.search(r"\d", head[at:stop]):
                return True
            at = head.find(word, at + 1)
    return False


def _shares_cumulative_lead(text: str, head: str, clause_start: int, floor: int, end: int
                            ) -> bool:
    """True when the metric (ending at ``end``) opens a bare clause, its value right after its
    name with no verb, after a comma that closes a cumulative clause with its own value:
    累计完成固定资产投资2543亿元，实际利用外资19亿美元 — the second total is over the same years."""
    if head[clause_start:].strip() or clause_start < 1 or head[clause_start - 1] not in "，,":
        return False
    name = text[floor + clause_start : end]
    if re.match(r"\s*\d", text[end : end + 4]) is None or re.search(
            str(cues()["change_in_name"]), name) is not None:
        return False  # a verb after the name (…，地区生产总值增长7%) makes a clause of its own
    if not any(word in name for word in cue_words("cumulative_shared")):
        return False  # a year's level (…，地区生产总值1200亿元) is no total over the years
    previous = head[max(head.rfind(c, 0, clause_start - 1) for c in "，,；;。：:") + 1 :
                    clause_start - 1]
    return re.search(str(cues()["cumulative_lead"]), previous.strip()) is not None


def own_region_names(doc: Document) -> tuple[str, ...]:
    """The names a report may put before a metric of its own region (西藏自治区, 西藏):
    the region's full name and its short form, longest first."""
    if not doc.region_path:
        return ()
    name = doc.region_path[-1]
    stem = stem_of(name)
    return tuple(sorted({name, stem} if stem else {name}, key=len, reverse=True))


def subject_start(text: str, pos: int, floor: int, own: tuple[str, ...]) -> int:
    """Where the subject of a metric named at ``pos`` starts: before the report's own region
    name written right before it (西藏地区生产总值, 河南省生产总值), else ``pos``."""
    for name in own:
        start = pos - len(name)
        if start >= floor and text.startswith(name, start):
            return start
    return pos


#: a paragraph's run-in topic naming a sector (优化发展金融服务业。 做强文创产业。): the metric a
#: later sentence gives without a subject of its own (完成一般公共预算收入18.08亿元) is the sector's
_SECTOR_TOPIC = re.compile(r"(?:^|(?<=[。！？\n]))\s*([^。！？，,；;\n\d]{2,14}?业)\s*[。！]")
_SUBJECTLESS = re.compile(r"\s*(?:全年)?(?:累计)?(?:完成|实现)?\s*$")


def sector_scoped(text: str, mention: Mention, sentence: _Span, floor: int) -> bool:
    """True when a metric opens its sentence with no subject (完成一般公共预算收入…) after a
    sentence of its paragraph that names a sector as the topic (优化发展金融服务业。), with no
    region-wide word (全区, 我市) in between: the value is the sector's, not the region's."""
    if floor >= sentence.start or not _SUBJECTLESS.fullmatch(text, sentence.start, mention.start):
        return False
    totals = cue_words("sector_scoped_indicators")
    if not any(i in totals for i in (mention.family.level, mention.family.growth) if i):
        return False  # 规上工业增加值 after 做强先进制造业。 is the region's industry
    topic_end = last_match_end(_SECTOR_TOPIC, text, floor, sentence.start, group=1)
    if topic_end < 0:
        return False
    between = text[topic_end : sentence.start]
    return re.search(r"全[省市县区旗州盟]|[我本][省市县区旗州盟]", between) is None


def scope_ok(text: str, mention: Mention, sentence: _Span) -> bool:
    """False when the clause puts the metric in a narrower scope: a city average
    (设区城市, 地级及以上城市), a zone or a cluster of the region."""
    clause_start = sentence.start
    for match in re.finditer("[，,；;：:]", text[sentence.start : mention.start]):
        clause_start = sentence.start + match.end()
    clause = text[clause_start : mention.start]
    if re.search(str(cues()["scope_lead"]), text[sentence.start : mention.start]):
        return False  # 扣除房地产开发投资后，固定资产投资…: a narrower measure
    if re.search(str(cues()["sub_region_subject"]), clause):
        return False  # 城关镇实现地区生产总值…: a town or zone of the region, not the region
    if _part_of_year(text[sentence.start : mention.start]):
        return False  # 一季度受疫情影响，全国财政收入下降14.3%: a quarter, not the year
    opening = max(text.rfind("。", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
    if text.startswith(cue_words("part_scope_openers"), opening):
        return False  # 其中区本级实现生产总值280亿元…；财政总收入30.32亿元: a part of the whole
    return not has_cue(clause, "scope_blockers")


@functools.lru_cache(maxsize=1)
def _part_of_year_re() -> re.Pattern[str]:
    return re.compile(str(page_shapes()["part_of_year"]))


def _part_of_year(before: str) -> bool:
    """True when a part of a year (一季度, 上半年, 1—11月) governs the metric named after
    ``before``: in the metric's own clause, or opening the sentence with no 全年 since."""
    clauses = re.split(r"[，,；;：:]", before)
    pattern = _part_of_year_re()
    if pattern.search(clauses[-1]):
        return True
    later = "".join(clauses[1:])
    return len(clauses) > 1 and pattern.search(clauses[0]) is not None and "全年" not in later


def elided_mentions(
    text: str, start: int, end: int, mentions: list[Mention]
) -> list[Mention]:
    """The second name of a pair that shares the first one's head (一般公共预算收入和支出分别…):
    the word after the joiner, as long as the first name's last characters it replaces, is a
    metric when the first name with it in their place is a catalog name of another metric."""
    joiners = cue_words("elided_name_joiners")
    most = int(cues()["elided_name_max"])
    found: list[Mention] = []
    for mention in mentions:
        if mention.end <= mention.start or mention.growth_word is not None:
            continue
        joiner = next((j for j in joiners if text.startswith(j, mention.end)), None)
        if joiner is None:
            continue
        at = mention.end + len(joiner)
        for size in range(most, 1, -1):
            word = text[at : at + size]
            if len(word) < size or at + size > end or len(mention.stem) <= size:
                continue
            after = text[at + size : at + size + 1]
            if re.fullmatch(r"[\u4e00-\u9fff]", word[-1]) is None or _covered(
                mentions, at, at + size
            ):
                continue
            whole = match_name(mention.stem[:-size] + word)
            if whole is None or whole.family == mention.family or whole.growth_word:
                continue
            if after and re.match(r"[\u4e00-\u9fff]", after) and not after.startswith("分"):
                continue  # 收入和支出结构…: the word goes on, so it is not the name's end
            found.append(Mention(at, at + size, word, word, whole.family, None))
            break
    return found


def standalone_mentions(
    text: str, start: int, end: int, mentions: list[Mention]
) -> list[Mention]:
    """A bare noun that names a metric when it opens a clause (粮食达到三千七百亿斤 in older
    reports): ``standalone_subjects`` maps it to the level indicator."""
    subjects: dict[str, str] = cues()["standalone_subjects"]
    openers = set(cues()["contextual_openers"])
    found: list[Mention] = []
    for word, indicator in subjects.items():
        at = text.find(word, start, end)
        while at >= 0:
            opens = at == start or text[at - 1] in openers
            if opens and not _covered(mentions, at, at + len(word)):
                found.append(
                    Mention(at, at + len(word), word, word, Family(indicator, None), None)
                )
            at = text.find(word, at + 1, end)
    return found


@functools.lru_cache(maxsize=1)
def _speed_noun_re() -> re.Pattern[str]:
    return re.compile(str(cues()["speed_noun"]))


def with_speed_noun(text: str, mention: Mention) -> Mention:
    """工农业总产值的增长速度: a metric followed by a speed noun names its growth."""
    if mention.growth_word is not None or mention.family.growth is None:
        return mention
    match = _speed_noun_re().match(text, mention.end)
    if match is None:
        return mention
    end = match.end()
    return Mention(mention.start, end, text[mention.start : end], mention.stem, mention.family,
                   match.group(0).removeprefix("的"), mention.list_size)


@functools.lru_cache(maxsize=1)
def _topic_clause_re() -> re.Pattern[str]:
    return re.compile(str(cues()["topic_clause"]))


@functools.lru_cache(maxsize=1)
def _topic_gate_re() -> re.Pattern[str]:
    """Where ``_topic_clause_re`` finds a match at all: what its closing lookahead looks for,
    when all before the lookahead may be empty (then a match stands wherever the lookahead
    holds, and only there). That search skips ahead to the lookahead's first characters; the
    clause pattern, which opens on optional words, is tried at every character. The clause
    pattern itself when it has no such shape."""
    from re import _parser  # type: ignore[attr-defined]

    pattern = _topic_clause_re()
    head, sep, body = pattern.pattern.rpartition("(?=")
    items = _parser.parse(pattern.pattern).data
    if not sep or not body.endswith(")") or not items:
        return pattern
    op, av = items[-1]
    lead = _parser.parse(head).getwidth()[0] if head else 0
    gate = body[:-1]
    try:
        same = (str(op) == "ASSERT" and av[0] == 1
                and repr(_parser.parse(gate).data) == repr(av[1].data))
    except re.error:
        same = False
    return re.compile(gate) if same and lead == 0 else pattern


def topic_mentions(
    text: str, start: int, end: int, floor: int, mentions: list[Mention]
) -> list[Mention]:
    """工农业总产值的增长速度，一九八一年计划为3.7%，实际达到4.6%；一九八二年计划为4%…: a
    metric standing alone before a comma is the topic of the clauses of its full-stop
    sentence that open on a year and a plan or result word and name no metric of their own."""
    if _topic_gate_re().search(text, start, end) is None:
        return []  # no clause to carry a topic: the metrics need not be looked for
    full = max(floor, text.rfind("。", floor, start) + 1)
    named = [with_speed_noun(text, m) for m in find_mentions(text, full, end)]
    topics = [m for m in named if text[m.end : m.end + 1] in ("，", ",")]
    if not topics:
        return []
    found: list[Mention] = []
    for match in _topic_clause_re().finditer(text, start, end):
        pos = match.end()
        if match.start() > start and text[match.start() - 1] not in "，,；;":
            continue
        before = [t for t in topics if t.end < match.start()]
        if not before or _covered(mentions, match.start(), pos):
            continue
        topic = before[-1]
        if any(topic.end <= m.start < match.start() for m in named if m is not topic):
            continue  # another metric named since the topic: it is no longer the subject
        found.append(Mention(pos, pos, "", topic.stem, topic.family, topic.growth_word))
    return found


@functools.lru_cache(maxsize=1)
def _carried_sentence_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = cues()["carried_sentence"]
    return (
        re.compile(str(table["value_clause"])),
        re.compile(str(table["year_clause"])),
        re.compile(str(table["lead_clause"])),
    )


def _required_chars(items: Any) -> set[str]:
    """Characters every match of a parsed regex sequence holds (``re._parser`` items)."""
    found: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            found.add(chr(av))
        elif name == "SUBPATTERN":
            found |= _required_chars(av[-1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            found |= _required_chars(av[2])
        elif name == "BRANCH":
            found |= set.intersection(*(_required_chars(alt) for alt in av[1]))
    return found


def _group_items(items: Any, group: int) -> Any:
    """The parsed items of capturing group ``group``, or None."""
    for op, av in items:
        name = str(op)
        if name == "SUBPATTERN" and av[0] == group:
            return av[-1]
        nested = ([av[-1]] if name == "SUBPATTERN" else [av[2]] if name.endswith("REPEAT")
                  else av[1] if name == "BRANCH" else [])
        for sub in nested:
            found = _group_items(sub, group)
            if found is not None:
                return found
    return None


@functools.lru_cache(maxsize=1)
def _dating_char() -> str | None:
    """A character every dated carried value's sentence holds (年: in the value clause's
    ``year`` group and in every year clause), read from the patterns themselves; None when
    there is none. A sentence without it is never a carried value (a cheap test first)."""
    from re import _parser  # type: ignore[attr-defined]

    value_re, year_re, _ = _carried_sentence_res()
    year_group = _group_items(_parser.parse(value_re.pattern).data, value_re.groupindex["year"])
    if year_group is None:
        return None
    chars = _required_chars(year_group) & _required_chars(_parser.parse(year_re.pattern).data)
    return min(chars) if chars else None


def _carried_value(text: str, start: int, end: int) -> Quantity | None:
    """The value of a sentence that only dates and states one (在…的一九五二年，也还只有X;
    一九八一年实际执行结果为X): its first measured quantity, when the clauses before it are
    a year, a verb and adverbials only; else None."""
    dating = _dating_char()
    if dating is not None and text.find(dating, start, end) < 0:
        return None  # undated: never a carried value
    value_re, year_re, lead_re = _carried_sentence_res()
    value = first_quantity(text, start, end, ("个", ""))
    if value is None or value.unit in ("%", "‰"):
        return None
    clauses = re.split("[，,]", text[start : value.start])
    match = value_re.fullmatch(clauses[-1])
    if match is None:
        return None
    leads = clauses[:-1]
    dated = match.group("year") is not None
    if not dated and leads and year_re.fullmatch(leads[-1]):
        leads, dated = leads[:-1], True
    if not dated or not all(lead_re.fullmatch(c) for c in leads):
        return None
    return value


def carried_sentence_mentions(
    text: str, start: int, end: int, floor: int, mentions: list[Mention]
) -> list[Mention]:
    """我国的粮食总产量，…一九三六年，只有二千七百七十四亿斤。在…的一九五二年，也还只有三千零
    八十八亿斤。: a sentence naming no metric, that only dates a value of the unit of the metric
    of the sentence before it, continues that metric (across up to ``max_sentences``)."""
    if mentions or start <= floor:
        return []
    at = start - 1  # the full stop ending the sentence before (spaces skipped)
    while at >= 0 and text[at].isspace():
        at -= 1
    if at < 0 or text[at] != "。":
        return []
    value = _carried_value(text, start, end)
    if value is None:
        return []
    for _ in range(int(cues()["carried_sentence"]["max_sentences"])):
        if at <= floor:
            return []
        begin = max(floor, text.rfind("。", floor, at) + 1)
        named = [m for m in find_mentions(text, begin, at) if m.family.level is not None]
        if named:
            topic = named[-1]
            after = find_quantities(text, topic.end, at)
            if topic.growth_word is not None or not after or after[0].unit != value.unit:
                return []
            family = Family(level=topic.family.level, growth=None)
            return [Mention(value.start, value.start, "", topic.stem, family, None)]
        earlier = _carried_value(text, begin, at)
        if earlier is None or earlier.unit != value.unit:
            return []
        at = begin - 1
    return []
