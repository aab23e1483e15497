"""The heading tree, paragraphs and section roles of a normalized report.

Numbering schemes, from outermost to innermost: 第一部分, 一、, （一）, 1., （1）. The levels
a document actually uses are ranked in that order, so a report without 第X部分 has 一、 at
level 1. 附件 and 名词解释 always open a top section. In web copies where headings carry no
number (older State Council reports), short unpunctuated lines set off by blank lines are
headings too. Each top section gets a ``role``; sub-sections inherit it.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from baogao.data import load_json
from baogao.models import Paragraph, Role, Section

_CN = "一二三四五六七八九十"
_SCHEMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"^(第[{_CN}]+部分)\s*")),
    ("cn", re.compile(rf"^([{_CN}]+)[、.]\s*")),
    ("paren_cn", re.compile(rf"^[（(]([{_CN}]+)[）)]\s*")),
    ("arabic", re.compile(r"^(\d{1,2})(?:[.、](?!\d)|\s)\s*")),
    ("paren_arabic", re.compile(r"^[（(](\d{1,2})[）)]\s*")),
)
_RANK = {name: i for i, (name, _) in enumerate(_SCHEMES)}
_SPECIAL = re.compile(r"^(附件\s*\d*|附表\s*\d*|名词解释)[:：.．、]?\s*(.*)$")
_TERMINAL = "。；！？!?;"
#: a longer unnumbered heading on the year reviewed, no other figure in it (2024年全市上下解放
#: 思想 奋发进取 交出了一份经济社会高质量发展的优异成绩单)
_YEAR_LINE = re.compile(r"(?:19|20)\d\d年[^\d]+")


@dataclass(frozen=True)
class _Heading:
    scheme: str
    marker: str
    title: str
    start: int
    heading_end: int
    line_end: int


@functools.lru_cache(maxsize=1)
def _role_cues() -> list[tuple[Role, tuple[str, ...]]]:
    raw = load_json("roles.json")
    return [(role, tuple(words)) for role, words in raw["cues"]]


def _heading_of(line: str, start: int, spaced: bool, after_salutation: bool) -> _Heading | None:
    end = start + len(line)
    special = _SPECIAL.match(line)
    if special and len(line) <= 40 and not special.group(2)[:1].isdigit():
        kind = "glossary" if special.group(1) == "名词解释" else "appendix"
        return _Heading(kind, special.group(1), special.group(2) or special.group(1),
                        start, end, end)
    for name, pattern in _SCHEMES:
        m = pattern.match(line)
        if not m:
            continue
        rest = line[m.end():]
        if not rest or rest[0] in "，,。":
            return None
        cut = _title_end(rest)
        if cut is None:
            return None
        return _Heading(name, m.group(1), rest[:cut].rstrip("。：:"), start,
                        start + m.end() + cut, end)
    run_in = _run_in_review(line) if after_salutation else None
    if run_in is not None:
        return _Heading("plain", "", line[:run_in], start, start + run_in, end)
    unpunctuated = not any(ch in line for ch in _TERMINAL + "，,：:")
    if after_salutation and unpunctuated and 2 <= len(line) <= 40 and (
        spaced or (len(line) <= 25 and role_of(line, None) in ("review", "plan", "self_building"))
        or (_YEAR_LINE.fullmatch(line) is not None and role_of(line, None) == "review")
    ):
        return _Heading("plain", "", line, start, end, end)
    return None


@functools.lru_cache(maxsize=1)
def _run_in_pattern() -> re.Pattern[str]:
    openings = "|".join(map(re.escape, load_json("roles.json")["run_in_review_openings"]))
    return re.compile(rf"(?:19|20)\d\d\s?年[^，,。：:；;！？\d]{{2,36}}?回顾(?={openings})")


def _run_in_review(line: str) -> int | None:
    """Length of a year-led review heading run into its first paragraph, else None.

    (2007年经济社会发展情况及本届政府工作回顾过去的一年，按照…: the copy lost the line break
    after 回顾; the paragraph goes on with the opening of a review.)
    """
    m = _run_in_pattern().match(line)
    return m.end() if m else None


def _title_end(rest: str) -> int | None:
    """Length of the heading title in ``rest``: the whole line, or up to its first 。/：.

    A long line with no early full stop is body text that happens to start with a number.
    """
    if len(rest) <= 60 and not any(ch in rest[:-1] for ch in "。；"):
        return len(rest)
    m = re.search(r"[。：:]", rest)
    if m and m.start() <= 60:
        return m.start() + 1
    return None


def _find_headings(text: str, spaced_lines: frozenset[int]) -> list[_Heading]:
    headings: list[_Heading] = []
    pos = 0
    after_salutation = False
    lines = text.split("\n")
    skip = False
    for k, line in enumerate(lines):
        h = None if skip else _heading_of(line, pos, pos in spaced_lines, after_salutation)
        skip = False
        if h and h.scheme == "appendix" and h.title == h.marker and k + 1 < len(lines):
            h, skip = _appendix_title(h, lines[k + 1], pos + len(line) + 1)
        if h:
            headings.append(h)
        if line.startswith("各位代表"):
            after_salutation = True
        pos += len(line) + 1
    return _drop_stray_arabic(headings)


_CONTENTS = re.compile(r"^\s*目\s*录\s*$")


def _without_contents(text: str, headings: list[_Heading]) -> list[_Heading]:
    """Headings without a table of contents: the run of heading lines, nothing between them,
    that opens the text after a line 目录, or that opens it and holds two sections of one rank
    with nothing in the first (第一部分 报告／第二部分 预算表格: a list of them; the body's own
    copies of these headings are lost as repeated lines). They list the sections; their last
    one (第四部分 附表) would otherwise take in the whole report after it."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    by_start = {h.start: i for i, h in enumerate(headings)}
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return headings
    after_label = _CONTENTS.match(lines[first]) is not None
    k = first + 1 if after_label else first
    run: list[int] = []
    while k < len(lines) and (starts[k] in by_start or not lines[k].strip()):
        if lines[k].strip():
            run.append(by_start[starts[k]])
        k += 1
    if len(run) < 3:
        return headings
    if not after_label and not any(headings[a].scheme == headings[b].scheme
                                   for a, b in itertools.pairwise(run)):
        return headings  # nested headings opening the text (第一部分…／一、…／（一）…): no list
    dropped = set(run)
    return [h for i, h in enumerate(headings) if i not in dropped]


def _appendix_title(h: _Heading, nxt: str, nxt_start: int) -> tuple[_Heading, bool]:
    """附件1 on its own line takes the next line as its title (名词解释 makes it a glossary)."""
    nxt = nxt.strip()
    if nxt == "名词解释":
        return _Heading("glossary", h.marker, nxt, h.start, nxt_start + len(nxt),
                        nxt_start + len(nxt)), True
    if 2 <= len(nxt) <= 40 and not any(ch in nxt for ch in _TERMINAL + "，,\t"):
        return _Heading(h.scheme, h.marker, nxt, h.start, nxt_start + len(nxt),
                        nxt_start + len(nxt)), True
    return h, False


def _drop_stray_arabic(headings: list[_Heading]) -> list[_Heading]:
    """Keep "1." headings only where a sequence of them exists (1., 2., ...)."""
    arabic = [h for h in headings if h.scheme in ("arabic", "paren_arabic")]
    if len({h.marker for h in arabic}) >= 2:
        return headings
    return [h for h in headings if h.scheme not in ("arabic", "paren_arabic")]


def _levels(headings: list[_Heading]) -> list[int]:
    used_set = {_RANK[h.scheme] for h in headings if h.scheme in _RANK}
    if any(h.scheme == "plain" for h in headings):
        used_set.add(_RANK["cn"])
    used = sorted(used_set)
    rank_to_level = {rank: i + 1 for i, rank in enumerate(used)}
    cn_level = rank_to_level.get(_RANK["cn"], 1)
    levels: list[int] = []
    in_special = False
    for h in headings:
        if h.scheme in ("glossary", "appendix"):
            in_special = True
            levels.append(1)
        elif h.scheme == "plain":
            levels.append(cn_level)
        else:
            level = rank_to_level[_RANK[h.scheme]]
            levels.append(level + 1 if in_special and level == 1 else level)
    return levels


@functools.lru_cache(maxsize=1)
def _plan_opening_words() -> tuple[str, ...]:
    raw = load_json("roles.json")
    return tuple(raw["plan_opening_words"])


def _plan_openings(title: str) -> list[int]:
    """The first year of a five-year plan whose opening a title speaks of: “十三五”实现良好开局
    (2016: in a 2017 report, a review), “十五五”开好局 (2026: in a 2026 report, the plan)."""
    if not any(w in title for w in _plan_opening_words()):
        return []
    digits = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    years = []
    named = r"(?:(十[一二三四五六七八九])五|(十|[三四五六七八九])五(?=”|\"|规划|计划|时期|期间))"
    for m in re.finditer(named, title):
        word = m.group(1) or m.group(2)
        number = (10 if word.startswith("十") else 0) + digits.get(word[-1], 0)
        if number >= 3:  # the third plan began in 1966, after three years of readjustment
            years.append(1966 + 5 * (number - 3))
    return years


def role_of(title: str, doc_year: int | None, is_plan_report: bool = False) -> Role | None:
    """The role a top-section title announces, or None when the title does not say."""
    # (a space before 年 in a copy whose digits stand apart: 二、2019 年经济和社会发展情况)
    years = [int(y) for y in re.findall(r"((?:19|20)\d\d)\s?年", title)]
    years += _plan_openings(title)
    if doc_year and years:
        if all(y < doc_year for y in years):
            return "review"
        if doc_year in years and not re.search(r"回顾|执行情况|总结", title):
            return "plan"
    for role, words in _role_cues():
        if any(w in title for w in words):
            return role
    return None


def _assign_roles(
    headings: list[_Heading], levels: list[int], doc_year: int | None
) -> list[Role]:
    roles: list[Role] = []
    current: Role = "other"
    seen_plan = False
    review_plain = False  # the current review opened with an unnumbered heading
    for h, level in zip(headings, levels, strict=True):
        if level == 1:
            if h.scheme == "glossary":
                current = "glossary"
            elif h.scheme == "appendix":
                current = "glossary" if role_of(h.title, None) == "glossary" else "appendix"
            else:
                found = role_of(h.title, doc_year)
                if found is None and current == "review" and h.scheme == "cn" and review_plain:
                    # 一、…力度加大 after an unnumbered review heading (工作回顾): the review's
                    # own numbered parts, not the plan
                    found = "review"
                if found is None:
                    found = "plan" if seen_plan else "other"
                review_plain = found == "review" and (h.scheme == "plain" or review_plain)
                current = found
            seen_plan = seen_plan or current in ("plan", "review")
        roles.append(current)
    return roles


def build_outline(
    text: str, doc_year: int | None, spaced_lines: frozenset[int] = frozenset()
) -> tuple[tuple[Section, ...], tuple[Paragraph, ...]]:
    """Sections (heading tree with roles) and paragraphs of a normalized text."""
    headings = _without_contents(text, _find_headings(text, spaced_lines))
    levels = _levels(headings)
    roles = _assign_roles(headings, levels, doc_year)
    sections: list[Section] = []
    stack: list[int] = []
    for i, (h, level, role) in enumerate(zip(headings, levels, roles, strict=True)):
        while stack and sections[stack[-1]].level >= level:
            stack.pop()
        end = len(text)
        for h2, level2 in zip(headings[i + 1:], levels[i + 1:], strict=True):
            if level2 <= level:
                end = h2.start
                break
        sections.append(Section(
            index=i, level=level, marker=h.marker, title=h.title, start=h.start, end=end,
            heading_end=h.heading_end, role=role, parent=stack[-1] if stack else None,
        ))
        stack.append(i)
    return tuple(sections), _paragraphs(text, sections, headings)


def _paragraphs(
    text: str, sections: list[Section], headings: list[_Heading]
) -> tuple[Paragraph, ...]:
    pure_headings = {h.start for h in headings if h.heading_end >= h.line_end}
    paragraphs: list[Paragraph] = []
    pos = 0
    current: int | None = None
    starts = {s.start: s.index for s in sections}
    for line in text.split("\n"):
        if pos in starts:
            current = starts[pos]
        if line and pos not in pure_headings:
            section = _innermost(sections, pos, current)
            paragraphs.append(Paragraph(
                index=len(paragraphs), start=pos, end=pos + len(line),
                section=section, is_table_row="\t" in line,
            ))
        pos += len(line) + 1
    return tuple(paragraphs)


def _innermost(sections: list[Section], pos: int, hint: int | None) -> int | None:
    if hint is None:
        return None
    idx: int | None = hint
    while idx is not None and not (sections[idx].start <= pos < sections[idx].end):
        idx = sections[idx].parent
    return idx
