"""The year of a report that prints none, from every clue its text gives, taken together.

Two kinds of clue: a year the report must be (2013年工作回顾 -> 2014, 今年是2019年, the place
of a five-year plan; ``baogao.read.dating.year_clues``) and a year the text tells as done or
as planned in a sentence that opens on it (2018年，在市委…领导下，…实现了… says 2018 is done;
2019年，…主要预期目标是… says 2019 is planned). A year told as done is before the report's:
a lower bound. Precision first: the answer is the one year every clue allows, or none.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from baogao.data import load_json
from baogao.read.dating import arabic_years, year_clues

_SENTENCE = re.compile(r"[。；;！？!?\n]")
_QUOTED = re.compile(r"“[^”\n]{0,40}”|\"[^\"\n]{0,40}\"")


@dataclass(frozen=True)
class _TopicCues:
    opening: re.Pattern[str]
    lead_within: int
    past: re.Pattern[str]
    plan: re.Pattern[str]
    plan_strong: re.Pattern[str]
    #: a year followed by a level reached (2016年达到1156.49亿元), in ``done_years``
    reached: re.Pattern[str]
    not_after: re.Pattern[str]
    not_before: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def _topic_cues() -> _TopicCues:
    raw = load_json("meta_cues.json")["year_references"]["topic_year"]
    yao = raw["yao"]

    def alternation(words: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(w.replace("{yao}", yao) for w in words))

    leads = "|".join(map(re.escape, raw["leads"]))
    done = raw["done_mention"]
    verbs = "|".join(map(re.escape, done["verbs"]))
    units = "|".join(map(re.escape, done["units"]))
    return _TopicCues(
        opening=re.compile(rf"(?:^|(?:{leads})[，,：:]\s*)((?:19|20)\d\d)年(?:[，,]|是)"),
        lead_within=int(raw["lead_within"]), past=alternation(raw["past"]),
        plan=alternation(raw["plan"]), plan_strong=alternation(raw["plan_strong"]),
        reached=re.compile(rf"[^，,；;]{{0,12}}?(?:{verbs})[^，,；;\d]{{0,8}}?\d+(?:\.\d+)?"
                           rf"(?:{units})"),
        not_after=re.compile("(?:" + "|".join(map(re.escape, done["not_after"])) + ")$"),
        not_before=re.compile("|".join(done["not_before"])))


@dataclass(frozen=True)
class TopicYears:
    """Report years the sentences opening on a year allow: ``at_least`` from years told as
    done (each the year after), ``planned`` from years told as planned."""

    at_least: frozenset[int]
    planned: frozenset[int]


def topic_years(text: str) -> TopicYears:
    """The clues of the sentences of ``text`` that open on a year (see ``TopicYears``)."""
    cues = _topic_cues()
    done: set[int] = set()
    planned: set[int] = set()
    for sentence in _SENTENCE.split(arabic_years(text)):
        sentence = _QUOTED.sub("", sentence.strip())
        m = cues.opening.search(sentence, 0, cues.lead_within + 12)
        if m is None or m.start() > cues.lead_within:
            continue
        rest = sentence[m.end():].lstrip()
        past, plan = cues.past.search(rest), cues.plan.search(rest)
        if past and not plan:
            done.add(int(m.group(1)) + 1)
        elif plan and not past and cues.plan_strong.search(rest):
            planned.add(int(m.group(1)))
    return TopicYears(frozenset(done | _reached_years(text, cues)), frozenset(planned))


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


def _reached_years(text: str, cues: _TopicCues) -> set[int]:
    """The year after each year a sentence with no plan word tells a level reached in
    (财政总收入年均增长15.2%、2016年达到105.67亿元 -> 2017): not a year bounding a span or a
    comparison (到2020年, 比2010年, 2016年以来, 2016年3月)."""
    found: set[int] = set()
    for sentence in _SENTENCE.split(arabic_years(text)):
        if "年" not in sentence:
            continue
        sentence = _QUOTED.sub("", sentence)
        if cues.plan.search(sentence):
            continue
        for m in _YEAR.finditer(sentence):
            if (cues.not_after.search(sentence, 0, m.start())
                    or cues.not_before.match(sentence, m.end())
                    or not cues.reached.match(sentence, m.end())):
                continue
            found.add(int(m.group(1)) + 1)
    return found


def text_year(text: str) -> int | None:
    """The report's year from its text alone: the one year the exact clues (``year_clues``)
    and the planned years give, when no year told as done is as late; with neither, the one
    year after the years told as done. None when the clues disagree or there are none."""
    topic = topic_years(text)
    exact = year_clues(text) | topic.planned
    if len(exact) > 1:
        return None
    if exact:
        year = next(iter(exact))
        return year if all(y <= year for y in topic.at_least) else None
    return next(iter(topic.at_least)) if len(topic.at_least) == 1 else None
