"""Question understanding: what a question asks, read offline from the library's vocabularies.

    q = read_question("2025年哪些省份的经济增长目标高于5%？", this_year=2026)
    q.intent       # "filter"
    q.indicator    # "gdp_growth"  (catalog names and aliases: 经济增长 = GDP增速 …)
    q.comparator   # Comparator(op=">", value=5.0, unit="%", bound=None, text="高于5%")

Everything is read from data, never from lists in code:

* regions: the gazetteer (北京 / 北京市 / 西城 / 西城区 …), the national words and the region-set
  words (各省, 哪些省份, 哪些地方) of ``data/ask.json``;
* indicators: the catalog (``data/indicators.csv``) through ``extract.catalog.find_mentions``;
* years: 2025年, ranges (2014年到2023年), relative years (今年, 去年) against ``this_year`` (the
  latest year of the library's reports), recent spans (近两年) and 历年;
* what is asked: target or result words, comparators with a number (不低于5.5%, 60万人以上),
  superlatives (最高, 前三), counts (几个), verdict words (完成了吗, 未完成), definitions (什么是),
  mentions (提到, 涉及), sameness (一样吗) — all cue lists in ``data/ask.json``;
* the topic of a mention or passage question: what is left once every word above is taken
  out, with the topic dictionary (``data/topics``) naming its group.

The intent is the first that fits, in this order: verdict (a verdict word and a target),
definition (no indicator), filter (an indicator and a comparator), superlative, compare (two
or more regions), series (several years, a range, 历年, 近N年), value (an indicator), mention
(a region set or a mention word, and a topic), passages. A count question (几个) counts the
rows of a verdict, filter or mention question: its intent is ``count`` and ``counted`` says of
what.
"""

from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass
from importlib import resources
from typing import Any, Literal

import ahocorasick

from baogao.data import load_json
from baogao.extract.catalog import find_mentions, load_catalog
from baogao.models import Bound, Verdict
from baogao.read.regions import NATIONAL, canonical_region, gazetteer

Intent = Literal["value", "mention", "filter", "superlative", "count", "verdict", "series",
                 "compare", "definition", "passages"]
Scope = Literal["province", "any"]
Op = Literal[">", ">=", "<", "<=", "="]

_GROWTH_WORDS = ("增长", "增速", "增幅", "涨幅", "增长率", "下降", "降低", "降幅")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(%|％|个百分点|万亿元|亿元|万元|元|万人|人|亿斤|万吨|"
                     r"亿美元|微克/立方米)?\s*(?:及|或)?(左右|以上|以下|以内)?")
_QUOTES = "“”\"「」『』‘’'《》"
_CN_DIGITS = "〇一二两三四五六七八九十"


@dataclass(frozen=True)
class Comparator:
    """A threshold the question sets: ``value op threshold`` (高于5% → op ">", 5.0, "%")."""

    op: Op
    value: float
    unit: str | None
    bound: Bound | None
    text: str


@dataclass(frozen=True)
class Question:
    """How a question was understood: its intent and the slots the planners use."""

    text: str
    intent: Intent
    regions: tuple[str, ...] = ()
    scope: Scope | None = None
    years: tuple[int, ...] = ()
    year_span: bool = False
    indicator: str | None = None
    indicator_name: str | None = None
    kind: Literal["target", "actual"] | None = None
    comparator: Comparator | None = None
    superlative: Literal["max", "min"] | None = None
    top: int = 1
    counted: Intent | None = None
    verdict: Verdict | None = None
    same: bool = False
    negate: bool = False
    topic: str | None = None
    topic_group: str | None = None
    term: str | None = None
    unknown_regions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The slots as JSON (``baogao ask --format json`` shows them as ``question``)."""
        data = asdict(self)
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in data.items()}


# -- vocabulary -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The cue words of ``baogao/data/ask.json``."""
    data: dict[str, Any] = load_json("ask.json")
    return data


@functools.lru_cache(maxsize=1)
def topic_groups() -> dict[str, str]:
    """Topic word → its group title, from ``baogao/data/topics/*.txt``."""
    groups: dict[str, str] = {}
    for entry in sorted(resources.files("baogao.data").joinpath("topics").iterdir(),
                        key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        title = entry.name[:-4]
        for line in entry.read_text("utf-8").splitlines():
            line = line.strip()
            if line.startswith("#"):
                title = line.lstrip("# ").strip() or title
            elif line:
                for word in line.split():
                    groups.setdefault(word, title)
    return groups


@functools.lru_cache(maxsize=1)
def _region_automaton() -> Any:
    """An Aho–Corasick automaton over the gazetteer names a question may use: official names,
    province short names, and the short forms of provinces, cities and municipal districts
    (杭州, 西城). Short forms of counties (合作, 和平, 东方) read as ordinary words and are left
    out; their full names (合作市) are kept."""
    gaz = gazetteer()
    municipal = set(gaz.districts.values())
    automaton = ahocorasick.Automaton()
    for name, full in gaz.short_to_full.items():
        if len(name) < 2:
            continue
        codes = [code for _tier, code in gaz.names.get(name, ())]
        regions = [gaz.regions[c] for c in codes if c in gaz.regions]
        region = next((r for r in regions if r.full == full), None)
        if region is not None and not (
            region.name == name or full == name or region.level in ("province", "city")
            or region.path[0] in municipal
        ):
            continue
        automaton.add_word(name, (name, full))
    for full, shorts in gaz.provinces.items():
        for name in (full, *shorts):
            if name not in automaton:
                automaton.add_word(name, (name, full))
    automaton.make_automaton()
    return automaton


def _region_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, full name) of the region names in ``text``, leftmost-longest."""
    hits = sorted(((end - len(name) + 1, end + 1, full)
                   for end, (name, full) in _region_automaton().iter(text)),
                  key=lambda h: (h[0], -(h[1] - h[0])))
    spans: list[tuple[int, int, str]] = []
    for start, end, full in hits:
        if not spans or start >= spans[-1][1]:
            spans.append((start, end, full))
    return spans


def _longest(text: str, words: Any) -> str | None:
    found = [w for w in words if w and w in text]
    return max(found, key=len) if found else None


def _cn_number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    top = vocabulary()["top_n"]
    if word in top:
        return int(top[word])
    if len(word) == 2 and word[0] == "十" and word[1] in top:
        return 10 + int(top[word[1]])
    return None


# -- slots ------------------------------------------------------------------------------------


@dataclass
class _Reading:
    """The question text with the spans already claimed by a slot blanked out."""

    text: str

    def claim(self, start: int, end: int) -> None:
        self.text = self.text[:start] + " " * (end - start) + self.text[end:]

    def claim_word(self, word: str) -> None:
        i = self.text.find(word)
        while i >= 0:
            self.claim(i, i + len(word))
            i = self.text.find(word, i + len(word))


def find_regions(text: str) -> tuple[list[str], list[str]]:
    """Regions the question names, in order of appearance (full names), and the names that
    look like a place but are not in the gazetteer (none today; kept for the resolver)."""
    found = [canonical_region(full) or full for _, _, full in _region_spans(text)]
    return list(dict.fromkeys(found)), []


def _years(reading: _Reading, this_year: int | None) -> tuple[list[int], bool]:
    """Years named or implied, and whether a span of years (series) was asked for."""
    vocab = vocabulary()
    text = reading.text
    joiners = "|".join(re.escape(j) for j in vocab["year_range_joiners"])
    span = re.search(rf"((?:19|20)\d{{2}})\s*年?\s*(?:{joiners})\s*((?:19|20)\d{{2}})\s*年?", text)
    if span:
        a, b = sorted((int(span.group(1)), int(span.group(2))))
        reading.claim(*span.span())
        return list(range(a, b + 1)), True
    years: list[int] = []
    for m in _YEAR.finditer(text):
        years.append(int(m.group(1)))
        reading.claim(*m.span())
    if this_year is not None:
        recent = _longest(reading.text, vocab["recent_years"])
        if recent:
            n = int(vocab["recent_years"][recent])
            reading.claim_word(recent)
            return list(range(this_year - n + 1, this_year + 1)), True
        for word, delta in sorted(vocab["relative_years"].items(), key=lambda kv: -len(kv[0])):
            if word in reading.text:
                years.append(this_year + int(delta))
                reading.claim_word(word)
    return list(dict.fromkeys(years)), len(set(years)) > 1


def _indicator(reading: _Reading) -> tuple[str | None, str | None]:
    """The catalog indicator the question names (growth when a growth word follows)."""
    text = reading.text
    growth = any(w in text for w in _GROWTH_WORDS)
    catalog = load_catalog()
    for m in find_mentions(text):
        family = m.family
        wanted = (family.growth if (growth or m.growth_word) else family.level) or (
            family.level or family.growth)
        if wanted:
            reading.claim(m.start, m.end)
            for w in _GROWTH_WORDS:
                reading.claim_word(w)
            return wanted, catalog[wanted].name if wanted in catalog else m.surface
    return None, None


def _comparator(reading: _Reading) -> Comparator | None:
    """A threshold: a comparator word next to a number (不低于5.5%, 60万人以上, 为5%左右)."""
    comparators: dict[str, str] = vocabulary()["comparators"]
    text = reading.text
    for m in _NUMBER.finditer(text):
        if not (m.group(2) or m.group(3)):
            continue
        value = float(m.group(1))
        unit = "%" if m.group(2) in ("%", "％") else m.group(2)
        after = m.group(3)
        before = text[max(0, m.start() - 6):m.start()].rstrip("在 ")
        word = next((w for w in sorted(comparators, key=len, reverse=True)
                     if before.endswith(w) and comparators[w]), None)
        op: str | None = comparators[word] if word else None
        bound: Bound | None = None
        if after == "左右":
            bound = "approx"
        elif after in ("以上", "以下", "以内"):
            op = op or comparators[after]
            bound = None
        if op is None:
            continue
        start = m.start() - (len(word) if word and text[:m.start()].rstrip("在 ").endswith(word)
                             else 0)
        reading.claim(max(0, start), m.end())
        if word:
            reading.claim_word(word)
        return Comparator(op=op, value=value, unit=unit, bound=bound,  # type: ignore[arg-type]
                          text=(word or "") + m.group(0).strip())
    return None


def _superlative(reading: _Reading) -> tuple[str | None, int]:
    vocab = vocabulary()
    text = reading.text
    digits = rf"([{_CN_DIGITS}]{{1,2}}|\d{{1,2}})"
    for direction, prefixes in vocab["top"].items():
        for prefix in sorted(prefixes, key=len, reverse=True):
            m = re.search(rf"{re.escape(prefix)}{digits}(?:名|位|个|强)?", text)
            if m and (n := _cn_number(m.group(1))):
                reading.claim(*m.span())
                return direction, n
    word = _longest(text, vocab["superlatives"])
    if word:
        reading.claim_word(word)
        return vocab["superlatives"][word], 1
    word = _longest(text, vocab["comparatives"])
    if word:
        reading.claim_word(word)
        return vocab["comparatives"][word], 1
    return None, 1


def _kind(text: str) -> Literal["target", "actual"] | None:
    vocab = vocabulary()
    if any(w in text for w in vocab["actual"]):
        return "actual"
    if any(w in text for w in vocab["target"]):
        return "target"
    return None


def _verdict(text: str) -> tuple[bool, Verdict | None]:
    """Whether the question asks about a verdict, and which verdict it lists or counts."""
    vocab = vocabulary()
    if not _verdict_word(text):
        return False, None
    rest = text
    for word in sorted(vocab["count"], key=len, reverse=True):
        rest = rest.replace(word, " ")
    if any(w in rest for w in vocab["value_ask"]):  # 达到多少: a value, not a verdict
        return False, None
    if any(w in text for w in vocab["verdict_negative"]):
        return True, "missed"
    if any(w in text for w in vocab["verdict_partly"]):
        return True, "partly"
    asks = any(w in text for w in vocab["verdict_ask"])
    return True, None if asks else "met"


def _topic(reading: _Reading) -> str | None:
    """What is left of the question once every cue word is taken out."""
    vocab = vocabulary()
    text = "".join(ch if ch not in _QUOTES else " " for ch in reading.text)
    words = [*vocab["mention"], *vocab["filler"], *vocab["definition"], *vocab["count"],
             *vocab["national"], *vocab["series"]]
    for sets in vocab["region_sets"].values():
        words += sets
    for word in sorted(set(words), key=len, reverse=True):
        if len(word) >= 2:
            text = text.replace(word, " ")
    pieces = [p for p in re.split(r"[\s，,。？?！!：:；;、（）()]+", text) if p]
    single = {w for w in vocab["filler"] if len(w) == 1}
    pieces = [p.strip("".join(single)) for p in pieces]
    pieces = [p for p in pieces if len(p) >= 2 or (p and p.isascii() and p.isalnum())]
    return max(pieces, key=len) if pieces else None


def _term(text: str) -> str | None:
    """The quoted phrase of a definition question, or the words around the cue."""
    quoted = re.findall(rf"[{_QUOTES}]([^{_QUOTES}]+)[{_QUOTES}]", text)
    if quoted:
        return "".join(f"“{q}”" for q in quoted) if len(quoted) > 1 else quoted[0]
    return None


def _asks_headline_target(text: str, regions: list[str], scope: Scope | None) -> bool:
    """A question about "the target" without naming an indicator (北京和上海的目标一样吗,
    哪个省份目标最高, 完成目标了吗) asks about the headline one (``headline_indicator``)."""
    vocab = vocabulary()
    if _verdict_word(text) and (scope is not None or regions) and not any(
            w in text for w in vocab["mention"]):
        return True
    if "目标" not in text:
        return False
    asks = [*vocab["superlatives"], *vocab["verdict"], *vocab["same"], *vocab["comparators"]]
    return len(regions) >= 2 or scope is not None or any(w in text for w in asks if len(w) >= 2)


def _verdict_word(text: str) -> bool:
    return any(w in text for w in vocabulary()["verdict"])


# -- the reader -------------------------------------------------------------------------------


def read_question(text: str, *, this_year: int | None = None) -> Question:
    """Read ``text`` into a ``Question`` (``this_year`` resolves 今年, 去年, 近两年 …)."""
    vocab = vocabulary()
    text = text.strip()
    reading = _Reading(text)
    regions, unknown = find_regions(text)
    for start, end, _full in _region_spans(text):
        reading.claim(start, end)
    scope: Scope | None = None
    for level, words in vocab["region_sets"].items():
        word = _longest(text, words)
        if word:
            scope = level
            reading.claim_word(word)
            break
    if not regions and scope is None and any(w in text for w in vocab["national"]):
        word = _longest(text, vocab["national"])
        if word and (word != "国家" or re.search(r"国家(?:\d|[^\u4e00-\u9fff])|^国家", text)):
            regions = [NATIONAL]
    counts = _longest(reading.text, vocab["count"]) is not None
    years, span = _years(reading, this_year)
    is_definition = _longest(text, vocab["definition"]) is not None
    indicator, indicator_name = _indicator(reading)
    if (is_definition and indicator is None) or (is_definition and _term(text)):
        indicator = indicator_name = None
    elif indicator is None and _asks_headline_target(text, regions, scope):
        indicator = str(vocab["headline_indicator"])
        indicator_name = load_catalog()[indicator].name
    comparator = _comparator(reading) if indicator else None
    superlative, top = _superlative(reading) if indicator else (None, 1)
    asks_verdict, verdict = _verdict(text) if indicator else (False, None)
    kind = _kind(text)
    same = _longest(text, vocab["same"]) is not None
    series = span or any(w in text for w in vocab["series"] if w not in ("分别", "各是")) or (
        len(years) > 1)
    base = {"text": text, "regions": tuple(regions), "scope": scope, "years": tuple(years),
                "year_span": bool(series and len(years) != 1), "indicator": indicator,
                "indicator_name": indicator_name, "kind": kind, "unknown_regions": tuple(unknown),
                "same": same}

    def made(intent: Intent, **slots: Any) -> Question:
        fields = {**base, **slots}
        if intent in ("filter", "superlative") and not regions and scope is None:
            fields["scope"] = "any"  # compared across regions: every region but the nation
        if counts and intent in ("verdict", "filter", "mention"):
            fields["counted"] = intent
            intent = "count"
        return Question(intent=intent, **fields)

    if asks_verdict:
        return made("verdict", verdict=verdict, kind="target")
    if is_definition and indicator is None:
        return Question(intent="definition", text=text, regions=tuple(regions),
                        years=tuple(years), term=_term(text) or _topic(reading))
    if indicator:
        if comparator is not None:
            return made("filter", comparator=comparator)
        if superlative is not None:
            return made("superlative", superlative=superlative, top=top)
        if len(regions) >= 2:
            return made("compare")
        if series and (len(years) != 1 or "历年" in text):
            return made("series", year_span=True)
        if scope is not None and not regions:
            return made("filter")
        return made("value")
    topic = _topic(reading)
    group = topic_groups().get(topic or "") or next(
        (g for w, g in topic_groups().items() if topic and len(w) >= 2 and w in topic), None)
    mentions = _longest(text, vocab["mention"]) is not None
    if topic and (scope is not None or mentions or counts):
        negate = _longest(text, vocab["mention_negative"]) is not None
        return made("mention", topic=topic, topic_group=group, negate=negate)
    return Question(intent="passages", text=text, regions=tuple(regions), scope=scope,
                    years=tuple(years), kind=kind, topic=topic, topic_group=group)
