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
from collections import Counter
from dataclasses import dataclass
from typing import Any

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
    #: a change from one year's level to a later year's (从2011年的1520亿元增加到2016年的…)
    from_to: re.Pattern[str]
    #: how many sentences must tell the one year done when nothing else dates the text
    done_support: int
    #: the tasks a past session set for a year said completed (完成了…确定的1994年的工作任务)
    done_tasks: re.Pattern[str]


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
        not_before=re.compile("|".join(done["not_before"])),
        from_to=re.compile(done["from_to"]), done_tasks=re.compile(done["done_tasks"]),
        done_support=int(raw["done_support"]))


@dataclass(frozen=True)
class TopicYears:
    """Report years the sentences of a text allow: ``at_least`` from years told as done (each
    the year after; ``done_sentences`` counts the sentences telling each, a sentence opening on
    the year and naming no other year counting as enough alone), ``planned`` from years told as
    planned."""

    at_least: frozenset[int]
    planned: frozenset[int]
    done_sentences: tuple[tuple[int, int], ...] = ()


def topic_years(text: str) -> TopicYears:
    """The clues of the sentences of ``text`` that open on a year or tell a level reached in
    one (see ``TopicYears``)."""
    cues = _topic_cues()
    done: Counter[int] = Counter()
    opening: set[int] = set()
    planned: set[int] = set()
    for sentence in _SENTENCE.split(arabic_years(text)):
        if "年" not in sentence:
            continue
        sentence = _QUOTED.sub("", sentence.strip())
        told = _reached_years(sentence, cues)
        m = cues.opening.search(sentence, 0, cues.lead_within + 12)
        if m is not None and m.start() <= cues.lead_within:
            rest = sentence[m.end():].lstrip()
            past, plan = cues.past.search(rest), cues.plan.search(rest)
            if past and not plan:
                told.add(int(m.group(1)) + 1)
                if not _EARLIER_YEAR.search(rest):
                    opening.add(int(m.group(1)) + 1)
            elif plan and not past and cues.plan_strong.search(rest):
                planned.add(int(m.group(1)))
        done.update(told)
    for year in opening:
        done[year] = max(done[year], _topic_cues().done_support)  # a review's own opening
    return TopicYears(frozenset(done), frozenset(planned), tuple(sorted(done.items())))


#: an earlier year a sentence compares with (比2002年增长, 是2007年的1.7倍): a multi-year review
_EARLIER_YEAR = re.compile(r"(?:19|20)\d\d年")


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


def _reached_years(sentence: str, cues: _TopicCues) -> set[int]:
    """The year after each year ``sentence``, with no plan word, tells a level reached in
    (财政总收入年均增长15.2%、2016年达到105.67亿元 -> 2017; 从2011年的1520亿元增加到2016年的
    2243.1亿元 -> 2017; 完成了…确定的1994年的工作任务 -> 1995): not a year bounding a span or
    a comparison otherwise (到2020年, 比2010年, 2016年以来, 2016年3月)."""
    found: set[int] = set()
    if cues.plan.search(sentence):
        return found
    for form in (cues.from_to, cues.done_tasks):
        found.update(int(m.group(1)) + 1 for m in form.finditer(sentence))
    for m in _YEAR.finditer(sentence):
        if (cues.not_after.search(sentence, 0, m.start())
                or cues.not_before.match(sentence, m.end())
                or not cues.reached.match(sentence, m.end())):
            continue
        found.add(int(m.group(1)) + 1)
    return found


_HEADING_YEAR = re.compile(
    r"^(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])?\s*((?:19|20)\d\d)年")


_CLAUSE_MARK = re.compile(r"[，,。；;：:]")


@functools.lru_cache(maxsize=1)
def _heading_cue() -> dict[str, Any]:
    cue: dict[str, Any] = load_json("meta_cues.json")["year_references"]["year_headings"]
    return cue


def heading_years(text: str) -> set[int]:
    """The report's years the headings opening on a year tell: a review's the next year
    (一、2024年工作回顾, 2023年工作总结和“十四五”发展成就 -> 2025, 2024), work to do its own year
    (二、2012年工作总体部署, 三、2011年的工作); see ``year_headings`` in meta_cues.json."""
    cue = _heading_cue()
    found: set[int] = set()
    for line in arabic_years(text).split("\n"):
        line = line.strip()
        m = _HEADING_YEAR.match(line)
        if m is None or len(line) > cue["max_length"] or _CLAUSE_MARK.search(line):
            continue  # a sentence's first line (1981年发展国民经济的主要任务，是…) is no heading
        rest = line[m.end():]
        if any(w in rest for w in cue["review"]) and not any(
                w in rest for w in cue["review_not"]):
            found.add(int(m.group(1)) + 1)
        elif any(w in rest for w in cue["plan"]) and not any(w in rest for w in cue["neither"]):
            found.add(int(m.group(1)))
    return found


_FIGURE_SENTENCE = re.compile(r"[。！？!?\n]")


@functools.lru_cache(maxsize=1)
def _figure_re() -> re.Pattern[str]:
    """A figure distinctive enough to name one fact: a decimal or a number of three digits or
    more, with a unit of a level (8.5万元, 4.72万亿元, 2221亿元), never a bare rate."""
    units = "|".join(map(re.escape, _same_figure_cue()["figure_units"]))
    return re.compile(rf"(?<![\d.])(?:\d+\.\d+|\d{{3,}})(?:{units})")


@functools.lru_cache(maxsize=1)
def _same_figure_cue() -> dict[str, Any]:
    cue: dict[str, Any] = load_json("meta_cues.json")["year_references"]["same_figure"]
    return cue


def same_figure_years(text: str) -> set[int]:
    """The report's year a figure printed twice tells: once in a sentence naming one year, once
    in a sentence of 去年 (or after one in its paragraph) naming none (a headline 2023年上海居民
    人均可支配收入达8.5万元, then 去年…。居民人均可支配收入达到8.5万元: 去年 is 2023, the report
    2024)."""
    cue = _same_figure_cue()
    by_year: dict[str, set[int]] = {}
    relative: dict[str, set[int]] = {}
    for para in arabic_years(text).split("\n"):
        offset: int | None = None  # 去年…稳步改善。居民人均可支配收入达到8.5万元: 去年 goes on
        for sentence in _FIGURE_SENTENCE.split(para):
            years = {int(y) for y in _YEAR.findall(sentence)}
            offsets = {o for w, o in cue["relative"].items() if w in sentence}
            if years or len(offsets) > 1:
                offset = None
            elif offsets:
                offset = next(iter(offsets))
            figures = set(_figure_re().findall(sentence))
            if len(years) == 1 and not offsets:
                for f in figures:
                    by_year.setdefault(f, set()).update(years)
            elif not years and offset is not None:
                for f in figures:
                    relative.setdefault(f, set()).add(offset)
    found: set[int] = set()
    for figure, offsets in relative.items():
        for year in by_year.get(figure, ()):
            found.update(year + o for o in offsets)
    return found


@functools.lru_cache(maxsize=4)  # asked again for the same text while dating its meeting day
def text_year(text: str) -> int | None:
    """The report's year from its text alone: the one year the exact clues (``year_clues``)
    and the planned years give, when no year told as done is as late; with neither, the one
    year after the years told as done, when they all agree and at least two sentences tell it
    (one sentence of a five-year review, 2006年…比2002年增长60.98%, tells a year done, not the
    last). None when the clues disagree or there are none."""
    topic = topic_years(text)
    exact = year_clues(text) | topic.planned | heading_years(text) | same_figure_years(text)
    if len(exact) > 1:
        return None
    if exact:
        year = next(iter(exact))
        return year if all(y <= year for y in topic.at_least) else None
    if len(topic.done_sentences) != 1:
        return None
    year, sentences = topic.done_sentences[0]
    return year if sentences >= _topic_cues().done_support else None
