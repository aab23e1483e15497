"""The indicator catalog: ids, names, aliases, units, and matching metric mentions in text.

The catalog lives in package data (``baogao/data/indicators.csv``). Each indicator has a
canonical ``name`` and ``aliases``; a *growth* indicator (``gdp_growth``) usually has aliases
that are its *stem* plus a growth word (地区生产总值 + 增长). Mentions are found by stem, so one
mention (地区生产总值) can yield a level fact (5700.1亿元 → ``gdp``) and a growth fact
(增长4.1% → ``gdp_growth``); which one depends on the words and unit that follow.

Matching uses an Aho–Corasick automaton over every surface form; overlapping hits are
resolved leftmost-longest.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import ahocorasick

from baogao.data import data_text, load_json


@dataclass(frozen=True)
class Indicator:
    """One row of ``indicators.csv``."""

    id: str
    name: str
    aliases: tuple[str, ...]
    unit: str
    kind_of_value: str
    better: str
    note: str

    @property
    def is_reduction(self) -> bool:
        """True for an indicator stored as a positive reduction (能耗降低2.5% → 2.5)."""
        return self.id.endswith("_reduction")


@dataclass(frozen=True)
class Family:
    """Indicators sharing one metric stem: its level indicator and its growth indicator."""

    level: str | None
    growth: str | None


@dataclass(frozen=True)
class Mention:
    """A metric name found in text.

    ``surface`` is the matched text; ``stem`` is it without a trailing growth word;
    ``growth_word`` is that word (增长, 增速, 降低…) when the surface carried one.
    """

    start: int
    end: int
    surface: str
    stem: str
    family: Family
    growth_word: str | None
    list_size: int = 1  # 粮食、油料、蔬菜产量: the first of a list of this many sharing a noun


@dataclass(frozen=True)
class _Form:
    surface: str
    stem: str
    family: Family
    growth_word: str | None



@functools.lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """The cue-word tables in ``baogao/data/cues.json``."""
    data: dict[str, Any] = load_json("cues.json")
    return data


@functools.cache
def cue_pattern(key: str) -> re.Pattern[str]:
    """The regular expression stored under ``key`` in ``cues.json``, compiled once."""
    return re.compile(str(cues()[key]))


@functools.lru_cache(maxsize=1)
def page_shapes() -> dict[str, Any]:
    """The tables of ``baogao/data/page_shapes.json``: shapes of report pages (headlines,
    shared bounds, scopes of names)."""
    data: dict[str, Any] = load_json("page_shapes.json")
    return data


@functools.lru_cache(maxsize=1)
def load_catalog() -> dict[str, Indicator]:
    """All indicators of the catalog, by id, in file order."""
    reader = csv.DictReader(io.StringIO(data_text("indicators.csv")))
    catalog: dict[str, Indicator] = {}
    for row in reader:
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        catalog[row["id"]] = Indicator(
            id=row["id"],
            name=row["name"].strip(),
            aliases=aliases,
            unit=row["unit"].strip(),
            kind_of_value=row["kind_of_value"].strip(),
            better=row["better"].strip(),
            note=(row.get("note") or "").strip(),
        )
    return catalog


def _variants(surface: str, stem: str) -> set[tuple[str, str]]:
    """(surface, stem) with half- and full-width parentheses, both ways."""

    def half(s: str) -> str:
        return s.replace("（", "(").replace("）", ")")

    def full(s: str) -> str:
        return s.replace("(", "（").replace(")", "）")

    pairs = {(surface, stem), (half(surface), half(stem)), (full(surface), full(stem))}
    return pairs | {spaced for pair in pairs for spaced in _spaced(*pair)}


#: where Latin letters or digits meet Chinese characters inside a name (单位|GDP|能耗)
_SCRIPT_BOUNDARY = re.compile(
    r"(?<=[\u4e00-\u9fff])(?=[A-Za-z])|(?<=[A-Za-z0-9.])(?=[\u4e00-\u9fff])"
)


def _spaced(surface: str, stem: str) -> set[tuple[str, str]]:
    """The name as text converted from PDF or Word often prints it, with a space where Latin
    letters meet Chinese (单位 GDP 能耗, PM2.5 年均浓度): one variant per choice of boundaries
    (at most three), the stem spaced alike."""
    cuts = [m.start() for m in _SCRIPT_BOUNDARY.finditer(surface)]
    if not cuts or len(cuts) > 3:
        return set()
    out: set[tuple[str, str]] = set()
    for mask in range(1, 2 ** len(cuts)):
        chosen = [c for i, c in enumerate(cuts) if mask >> i & 1]

        def spaced(s: str, chosen: list[int] = chosen) -> str:
            for cut in reversed([c for c in chosen if c < len(s)]):
                s = s[:cut] + " " + s[cut:]
            return s

        out.add((spaced(surface), spaced(stem)))
    return out


def _split_growth(surface: str) -> tuple[str, str | None]:
    """Split a trailing growth word off ``surface``: 地区生产总值增速 → (地区生产总值, 增速)."""
    for word in sorted(cues()["growth_suffixes"], key=len, reverse=True):
        if surface.endswith(word) and len(surface) > len(word):
            return surface[: -len(word)], word
    return surface, None


def _forms() -> list[_Form]:
    """Every surface form of the catalog with its stem and family."""
    catalog = load_catalog()
    min_stem = int(cues()["min_stem_length"])
    stems: dict[str, dict[str, str]] = {}
    growth_surfaces: list[tuple[str, str, str]] = []
    for ind in catalog.values():
        for surface in (ind.name, *ind.aliases):
            if ind.kind_of_value == "growth":
                stem, word = _split_growth(surface)
                if word is not None:
                    growth_surfaces.append((surface, stem, word))
                    if len(stem) >= min_stem:
                        stems.setdefault(stem, {})["growth"] = ind.id
                    continue
                stems.setdefault(surface, {})["growth"] = ind.id
            else:
                stems.setdefault(surface, {})["level"] = ind.id
    forms: list[_Form] = []
    for stem, ids in stems.items():
        forms.append(_Form(stem, stem, _family(ids.get("level"), ids.get("growth")), None))
    for surface, stem, word in growth_surfaces:
        ids = stems.get(stem, {})
        growth_id = next(i.id for i in catalog.values() if surface in (i.name, *i.aliases))
        forms.append(_Form(surface, stem, _family(ids.get("level"), growth_id), word))
    return forms


def _family(level: str | None, growth: str | None) -> Family:
    """A family, completed by the catalog's naming rule (``x`` and ``x_growth``)."""
    catalog = load_catalog()
    if level is None and growth is not None and growth.endswith("_growth"):
        candidate = growth.removesuffix("_growth")
        level = candidate if candidate in catalog else None
    if growth is None and level is not None and f"{level}_growth" in catalog:
        growth = f"{level}_growth"
    return Family(level=level, growth=growth)


@functools.lru_cache(maxsize=1)
def _automaton() -> Any:
    automaton = ahocorasick.Automaton()
    for form in _forms():
        for surface, stem in _variants(form.surface, form.stem):
            automaton.add_word(surface, _Form(surface, stem, form.family, form.growth_word))
    automaton.make_automaton()
    return automaton


#: a single space a copy left between two Chinese characters (社 会消费品零售总额)
_CJK_GAP = re.compile(r" (?<=[\u4e00-\u9fff] )(?=[\u4e00-\u9fff])")  # sought from its space


def _hits(text: str, start: int, stop: int) -> list[tuple[int, int, _Form]]:
    """(first, after, form) of every surface form in ``text[start:stop]``; a name split by a
    single space between Chinese characters is found too, its span running over the space."""
    gaps = [m.start() for m in _CJK_GAP.finditer(text, start, stop)]
    if not gaps:
        # the span is sliced: iter(text, start, stop) copies the whole text on each call
        # (a sentence of a report run into one line would be quadratic)
        return [(start + last - len(form.surface) + 1, start + last + 1, form)
                for last, form in _automaton().iter(text[start:stop])]
    at: list[int] = []  # position in ``text`` of each character of the squeezed span
    pieces: list[str] = []
    prev = start
    for gap in [*gaps, stop]:
        pieces.append(text[prev:gap])
        at.extend(range(prev, gap))
        prev = gap + 1
    squeezed = "".join(pieces)
    return [(at[last - len(form.surface) + 1], at[last] + 1, form)
            for last, form in _automaton().iter(squeezed)]


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Catalog metric names in ``text[start:end]``, leftmost-longest, non-overlapping."""
    stop = len(text) if end is None else end
    hits = _hits(text, start, stop)
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    mentions: list[Mention] = []
    covered = start
    bare = _bare_alias_follow()
    for first, after, form in hits:
        if first < covered:
            continue
        if (form.surface in bare[0] and form.growth_word is None
                and not bare[1].match(text, after, stop)):
            continue  # 钢材产量, 钢铁, 原煤入洗量: a bare name opening a longer word
        if form.growth_word and form.family.level and text.startswith(("到", "至"), after):
            # 地区生产总值增长到132亿元: the level the metric grew to, named by its stem
            after -= len(form.growth_word)
            mentions.append(Mention(first, after, text[first:after], form.stem, form.family, None))
        else:
            mentions.append(
                Mention(first, after, form.surface, form.stem, form.family, form.growth_word)
            )
        covered = after
    return mentions


@functools.lru_cache(maxsize=1)
def _bare_alias_follow() -> tuple[frozenset[str], re.Pattern[str]]:
    """The names read only right before their value (钢, 原煤: a list item of an old report,
    钢三千九百万吨, 原煤：从…, 钢由…增加到…) and what may follow them (cues ``bare_aliases``,
    ``bare_alias_follow``)."""
    table = cues()
    return frozenset(table["bare_aliases"]), re.compile(str(table["bare_alias_follow"]))


def match_name(name: str) -> Mention | None:
    """The catalog mention that is the whole of ``name`` (a table's 指标名称), if any.

    Scope words the cues list (全区…) may precede it and a growth word (增速) follow it.
    """
    name = name.strip()
    for prefix in ("", *cues()["scope_prefixes"]):
        if prefix and not name.startswith(prefix):
            continue
        rest = name[len(prefix) :]
        found = find_mentions(rest)
        if len(found) != 1 or found[0].start != 0:
            continue
        mention = found[0]
        tail = rest[mention.end :]
        if not tail:
            return mention
        if mention.growth_word is None and tail in cues()["growth_suffixes"]:
            return Mention(0, len(rest), rest, mention.stem, mention.family, tail)
    return None


# Units -------------------------------------------------------------------------------------

_SCALE = {"": Decimal(1), "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12}


def _unit_base(unit: str) -> tuple[Decimal, str]:
    """Split a unit into a multiplier and a base unit: 万亿元 → (10^12, 元)."""
    for prefix in ("万亿", "亿", "万"):
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return _SCALE[prefix], unit[len(prefix) :]
    return Decimal(1), unit


def convert(value: Decimal, unit: str, target: str) -> Decimal | None:
    """``value`` in ``unit`` expressed in ``target``, or None when they do not convert.

    Handles 万/亿/万亿 multipliers over one base (元, 美元, 人, 斤, 吨, 户…) and the weight
    bridge of the catalog (1 万吨 = 0.2 亿斤).
    """
    if unit == target:
        return value
    factor, base = _unit_base(unit)
    tfactor, tbase = _unit_base(target)
    if base == tbase:
        return value * factor / tfactor
    bridges: dict[str, dict[str, str]] = cues()["unit_bridges"]
    per = bridges.get(base, {}).get(tbase)
    if per is None:
        return None
    return value * factor * Decimal(per) / tfactor
