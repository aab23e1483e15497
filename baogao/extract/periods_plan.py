"""Values of several years that a report's words date to one year: a plan of several years,
a span of past years that ends in the report's own year, a result still to come.

* A report on a five-year plan (现在，我代表国务院，作关于我国国民经济和社会发展第六个五年
  计划的报告) speaks in its plan part of the plan's years, not of the year it is delivered in:
  a target there that names no year of its own (…十五个港口建设一百三十二个深水泊位; 第六个
  五年计划规定，在全国推广…四十项重大科技成果) is of no one year.
* A span of years ending in the report's own year (从1979至1981年…共计减少财政收入五百二十亿
  元, in the 1981 report) is reviewed outside the plan part: a result, not a target.
* A value its clause puts in the future (我国国民生产总值将比1980年增长1.7倍) is a target
  even where the paragraph last named past years.
* A year opening a full-stop sentence dates its levels even in a passage about several years
  (过去五年…。1987年来华旅游入境总人数达到2690万人次，创汇18.4亿美元; after the words
  framing it: 苏树林说，初步统计，2012年…), as long as nothing after it names another year or
  several (年均, 累计, 五年).

The words are data (``cues.json``: ``plan_report_opening``, ``future_result``).
"""

from __future__ import annotations

import functools
import re

from baogao.extract.catalog import cue_pattern, cues
from baogao.extract.periods import (
    RUN_REACH,
    Timing,
    explicit_year,
    future_target,
    has_cue,
    plan_end_named,
    plan_end_of,
    plan_end_opener,
    plan_horizon,
    year_of,
    year_re,
)
from baogao.extract.span_memo import per_document
from baogao.models import Document, Role

#: How far into a report its opening is read for the plan it reports on.
_OPENING = 300
#: Any year word a sentence may date its value with (a year, 今年, 明年, 本年, 去年, 上年).
_YEAR_WORDS = re.compile(year_re().pattern + r"|今年|明年|本年|去年|上年")


@per_document
def plan_report(doc: Document, _: None = None) -> bool:
    """True when the report's opening, before its first heading, says it reports on a plan
    of several years (作关于…第六个五年计划的报告)."""
    first = min((s.start for s in doc.sections if s.start > 0), default=len(doc.text))
    head = doc.text[: min(first, _OPENING)]
    return cue_pattern("plan_report_opening").search(head) is not None


def plan_years_target(doc: Document, role: Role, sentence: int, pos: int) -> bool:
    """True when a target at ``pos`` in the plan part of a report on a plan of several years
    names no year of its own: no year word in its full-stop sentence before it and none in
    its section's titles (…十五个港口建设一百三十二个深水泊位 in the 1982 report)."""
    if role != "plan" or not plan_report(doc, None):
        return False
    text = doc.text
    start = max(text.rfind("。", 0, sentence), text.rfind("\n", 0, sentence)) + 1
    if _YEAR_WORDS.search(text, start, pos) is not None:
        return False
    titles = doc.section_path(doc.section_at(pos))
    return not any(_YEAR_WORDS.search(t) for t in titles)


@functools.lru_cache(maxsize=1)
def _range_re() -> re.Pattern[str]:
    """Two years joined as a range (从1979至1981年, 从一九七九年到一九八一年)."""
    one = year_re().pattern
    bare = r"(?<!\d)(?:19|20)\d{2}"
    return re.compile(rf"(?:{one}|{bare})\s*(?:到|至|—|－|-)\s*(?:{one})")


def span_to_report_year(text: str, sentence: int, pos: int, year: int | None,
                        role: Role) -> bool:
    """True when the sentence before ``pos`` names a range of years that starts before the
    report's ``year`` and ends in it, outside the plan part (从1979至1981年…共计减少…, in the
    1981 report's review): what it sums was done."""
    if year is None or role == "plan":
        return False
    for match in _range_re().finditer(text, sentence, pos):
        span = match.group(0)
        years = [year_of(m) for m in year_re().finditer(span)]
        bare = _BARE_FIRST.match(span)  # 从1979至1981年: no 年 after the first year
        if bare is not None:
            years.insert(0, int(bare.group(1)))
        if len(years) >= 2 and years[0] < year == years[-1]:
            return True
    return False


#: A range's first year written without 年 (1979至1981年).
_BARE_FIRST = re.compile(r"\s*((?:19|20)\d{2})(?!\s*年)")


def future_result(head: str) -> bool:
    """True when the words before a value put it in the future (将比1980年增长, 将达到)."""
    return cue_pattern("future_result").search(head) is not None


#: What may follow a year that does not date what comes after it (2020年以来, 2025年底前,
#: 1987年比, 到2025年): a start, an end, a base.
_NOT_OPENING = re.compile(r"\s*(?:以来|来(?!华)|起|以前|以后|前|后|底|末|到|至|比|同|与|较|相比"
                          r"|[—－\-~～])")
#: Words naming several years, or a year, between the opening year and the value.
_SEVERAL = re.compile(r"年均|平均每年|每年平均|累计|合计|[两三四五六七八九十]年|以来"
                      r"|今年|去年|明年|上年|本年")


def opening_year(text: str, full: int, pos: int, year: int | None) -> int | None:
    """The year a full-stop sentence opens on (at ``full``: 1987年来华旅游入境总人数达到…，
    创汇18.4亿美元; 2000年进出口总额达4743亿美元，其中出口…) when it dates the level at
    ``pos``: no other year printed since but as a base, and no word naming several years or
    another year (年均, 累计, 五年, 今年) before it; None otherwise, or when it is after the
    report's ``year``. Words framing the sentence may come first (苏树林说，初步统计，2012年
    全省生产总值…；公共财政总收入…: ``sentence_framing``)."""
    framed = cue_pattern("sentence_framing").match(text, full)
    at = framed.end() if framed is not None else full
    match = year_re().match(text, at)
    if match is None and year is not None:
        return plan_end_opening(text, at, pos, year)
    if match is None or year is None or _NOT_OPENING.match(text, match.end()):
        return None
    found = year_of(match)
    if found > year or _SEVERAL.search(text, match.end(), pos):
        return None
    for other in year_re().finditer(text, match.end(), pos):
        if text[other.start() - 1] not in "比较同与由从" and not text.startswith("的", other.end()):
            return None
    return found


def plan_end_opening(text: str, at: int, pos: int, year: int) -> int | None:
    """The last year of a five-year plan whose end opens the sentence at ``at`` (预计十三五末，
    全县地区生产总值突破400亿元，年均增长6.2%；人均生产总值7.9万元: 2020), when it is before
    the report's ``year`` and nothing but growth over the plan's years (年均增长) names years
    before the value at ``pos``."""
    opener = plan_end_opener(text, at)
    if opener is None or opener[1] >= year:
        return None
    spans = [m for m in _SEVERAL.finditer(text, opener[0], pos)
             if not text.startswith("年均增长", m.start())]
    return None if spans or year_re().search(text, opener[0], pos) else opener[1]


#: Words naming several years, or a part of one, in the value's own clause (年均, 累计, 五年,
#: 以来, 上半年): the clause is not dated by a year named before it.
_OWN_SPAN = re.compile(r"年均|平均每年|每年|累计|合计|共计|[\d两二三四五六七八九十]年|以来"
                       r"|上半年|下半年|季度|[一二三四五六七八九十\d]+月")
#: 去年 (or 上年) as the year a clause is of, not as a base or a start (比去年, 由去年).
_LAST_YEAR_WORD = re.compile(r"(?<![比较同与从由])(?:去年|上年)(?!同期|水平|的水平)")
#: Any year word.
_ANY_YEAR = re.compile(year_re().pattern + r"|今年|明年|本年|去年|上年|前年")


def last_year_before(text: str, year: int | None, full: int, clause: int,
                     pos: int) -> int | None:
    """The year before the report's ``year`` when 去年 dates a clause earlier in the value's
    full-stop sentence (from ``full``) and nothing names another year or several since:
    粮食产量屡创历史新高，去年达到1.09万亿斤，连续7年增产；农民人均纯收入达到5919元 (2011
    report: 2010); 中央财政此项支出从2006年…增加到去年的98亿元，高校资助面超过20% (2008
    report: 2007). None otherwise."""
    if year is None:
        return None
    words = list(_ANY_YEAR.finditer(text, full, pos))
    if not words or words[-1].end() > clause:
        return None  # no year word before the value's clause, or one inside it
    last = words[-1]
    if _LAST_YEAR_WORD.match(text, last.start()) is None or (
            last.start() > full and text[last.start() - 1] in "比较同与从由"):
        return None
    if _OWN_SPAN.search(text, clause, pos):
        return None
    return year - 1


@per_document
def late_in_year(doc: Document, _: None = None) -> bool:
    """True when the report names months of its own year already past (今年１至９月安排了…,
    今年一到九月, 今年上半年), or, an old report (before ``old_report_year``), sets the tasks
    of the year after its own (一九六五年的主要任务就是, 一九六五年要…, in the 1964 report): it
    is read late in that year (the 1980-82 reports, the 1964 one), so what it says of that year
    outside its plan part is an estimate of the year's result."""
    if cue_pattern("late_in_year").search(doc.text) is not None:
        return True
    if doc.year is None or doc.year >= int(cues()["old_report_year"]):
        return False
    words = tuple(cues()["next_year_tasks"])
    return any(year_of(m) == doc.year + 1 and doc.text.startswith(words, m.end())
               for m in year_re().finditer(doc.text))


def this_year_estimate(doc: Document, role: Role, sentence: int, pos: int,
                       period: int | None) -> bool:
    """True when a target of the report's own year at ``pos`` is an estimate of that year's
    result: the report is read late in its year, the value is outside its plan part, and no
    target word (计划, 力争, 拟安排…) comes before it in its sentence (糖料产量将比去年增长10%
    以上; 全国各城镇职工住宅的竣工面积可达到八千万平方米, in the 1981 report)."""
    if role == "plan" or period is None or period != doc.year or not late_in_year(doc, None):
        return False
    head = doc.text[sentence:pos]
    return not has_cue(head, "target_cues") and _PLAN_WORD.search(head) is None


#: A plan's or a budget's word before the value: its figure, not the year's estimate.
_PLAN_WORD = re.compile(r"计划|预算|安排|要求|规定|拟|争取|目标")


@functools.lru_cache(maxsize=1)
def _clause_deadline_re() -> re.Pattern[str]:
    """到 + a year opening a clause, the clause running on (，到一九八五年全日制高等学校
    招生数将…): the deadline of what the clause and the ones after it in its sentence plan."""
    return re.compile(rf"(?:^|(?<=[，,：:；;。\s]))(?:到|至)(?:{year_re().pattern})(?:底|末)?")


def clause_deadline(text: str, start: int, pos: int) -> int | None:
    """The year of the last deadline opening a clause between ``start`` and ``pos`` (第六个
    五年计划规定，到一九八五年全日制高等学校招生数将从…增加到四十万人…；在校学生达到一百三十
    万人: 1985), whether or not a comma follows it; None when there is none."""
    last = max(_clause_deadline_re().finditer(text, start, pos), key=lambda m: m.start(),
               default=None)
    if last is None:
        return None
    years = list(year_re().finditer(last.group(0)))
    return year_of(years[-1]) if years else None


@functools.lru_cache(maxsize=1)
def _state_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = cues()
    now = "|".join(re.escape(w) for w in table["state_now"])
    blockers = "|".join(re.escape(w) for w in table["state_now_blockers"])
    return re.compile(now), re.compile(blockers)


def stated_now(text: str, sentence: int, clause: int, pos: int) -> bool:
    """True when the value at ``pos`` is stated as what is: a state word (目前全国有, 共有,
    拥有) in its own clause before it, and no word of a plan, a change or a time to come in
    its full-stop sentence before it (我国是一个共有五十多个民族的统一国家; 拥有占全世界95%
    以上核武器的美苏两国): a fact of the moment, not a target."""
    now, blockers = _state_words()
    found = now.search(text, clause, pos)
    if found is None:
        return False
    return blockers.search(text, sentence, pos) is None


@functools.lru_cache(maxsize=1)
def _lived_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = cues()
    return re.compile(str(table["lived_span"])), re.compile(str(table["lived_span_blockers"]))


def lived_span(text: str, sentence: int, pos: int) -> bool:
    """True when a span of years stands before the value at ``pos`` in its sentence and no
    word of a plan or of the future does (大庆原油产量在十七年间平均每年增长百分之二十八, in
    the 1978 report; 两年中新建铁路铺轨一千四百多公里, in the 1955 report on the first five-
    year plan): years already lived, so a result, not a target."""
    span, blockers = _lived_res()
    return span.search(text, sentence, pos) is not None and (
        blockers.search(text, sentence, pos) is None)


def future_period(text: str, year: int | None, sentence: int, pos: int,
                  period: int | None) -> int | None:
    """The period of a value its clause puts in the future (将增加到, 将要新建): the year of
    the report when it was given the year before it only because it stands in a review part
    and no year is written before it in its sentence (国营机械化农场将增加到152个, in the 1956
    report's account of the 1956 plan); else ``period``."""
    if year is None or period != year - 1:
        return period
    words = _ANY_YEAR.search(text, sentence, pos)
    return year if words is None else period


#: 了 after a verb (成立了, 增加了), not 为了, 除了, 了解, 了结.
_PERFECTIVE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![为除])了(?![解结])")


def done_in_clause(text: str, sentence: int, clause: int, pos: int) -> bool:
    """True when a verb with 了 comes before the value at ``pos`` in its clause and no word
    of a plan or of the future before it in its sentence (…自治区内成立了二十九个自治州;
    同解放前比较，…中等学校学生增加了七十九倍, in the 1959 report): done, a result."""
    return _PERFECTIVE.search(text, clause, pos) is not None and (
        cue_pattern("done_before_plan").search(text, sentence, pos) is None)


def fulfilled_share(text: str, sentence: int, clause: int, pos: int, end: int,
                    unit: str) -> bool:
    """True when the value at ``pos`` (ending at ``end``) is the share of a plan fulfilled
    (钢完成96.4%, 计划完成105%, 完成年计划的98.5%) with no word of an intent before it in its
    sentence (力争, 确保, 要, 将: ``fulfilled_blockers``) nor a bound after it (以上, 以内): a
    result, not a target (…没有完成计划：钢完成96.4%，…原油完成99.6%, in the 1956 report)."""
    if unit != "%" or cue_pattern("fulfilled_share").search(
            text, clause, pos) is None or text.startswith(
            ("以上", "以内"), end):
        return False
    return cue_pattern("fulfilled_blockers").search(text, sentence, pos) is None


def original_target(text: str, clause: int, pos: int) -> Timing | None:
    """The timing of a value its clause gives as what was first planned (原定一九五七年十月到一九
    五八年九月底增加灌溉面积九千二百多万亩, in the 1958 report; 国民经济增长速度由原定平均每年
    百分之六…): a target, of the one year its clause names before it if any (not a span of
    them), else of none; None when the clause does not open on such words, or compares with
    or fulfils the plan (比原定, 超过原定, 完成原定计划的: ``original_plan``)."""
    if cue_pattern("original_plan").match(text, clause, pos) is None:
        return None
    years = {year_of(m) for m in year_re().finditer(text, clause, pos)}
    ranged = _RANGE_MARK.search(text, clause, pos) is not None
    return Timing("target", False, years.pop() if len(years) == 1 and not ranged else None)


#: A span between two times (一九五七年十月到一九五八年九月底, 去冬今春).
_RANGE_MARK = re.compile(r"年[^，,；;。]{0,6}(?:到|至|—|－|-)|去冬今春|今冬明春")


def named_year_or_none(text: str, sentence: int, pos: int, period: int | None) -> int | None:
    """``period`` when a year word (a year, 今年, 去年) stands before ``pos`` in its sentence,
    else None: a result read out of a plan part names no year by itself (成立了二十九个自治州)."""
    return period if _ANY_YEAR.search(text, sentence, pos) is not None else None



#: What stands before a year printed as a base (比1980年, 同一九四九年, 等于一九四九年的).
_BASE_MARK = "比较同与由从于是为"


def _dating_years(text: str, start: int, end: int) -> list[int]:
    """The years printed in ``text[start:end]`` that are not bases of a comparison."""
    return [year_of(m) for m in year_re().finditer(text, start, end)
            if not (m.start() > start and text[m.start() - 1] in _BASE_MARK)
            and not text.startswith("的", m.end())]


def colon_lead_year(text: str, full: int, pos: int, year: int | None) -> int | None:
    """The one year a lead ending on a colon names, when the value at ``pos`` is an item of
    the list after it in the same full-stop sentence (from ``full``) and the items up to it
    name no year (but bases), no 今年/去年 and no span of their own: 拿几项最重要的工业产品的
    一九五四年预计产量来同一九四九年产量比较一下，我们可以看到以下的动人的数字：电力…；原煤八千
    一百九十九万吨，等于一九四九年的二点六倍 (1954: 1954's). None when the lead names no year,
    several, or one after the report's ``year``."""
    colon = max(text.rfind("：", full, pos), text.rfind(":", full, pos))
    if colon < 0 or year is None or _OWN_SPAN.search(year_re().sub("", text[colon:pos])):
        return None
    if _dating_years(text, colon, pos) or _RELATIVE_YEAR.search(text, colon, pos):
        return None
    named = set(_dating_years(text, full, colon))
    if len(named) != 1:
        return None
    found = named.pop()
    return found if found <= year else None


_RELATIVE_YEAR = re.compile(r"今年|明年|本年|去年|上年|前年")


def ahead_target(text: str, year: int | None, para: int, sentence: int,
                 pos: int) -> Timing | None:
    """A target of the year its sentence names before ``pos`` when that year is after the
    report's (力争到2027年，新建改造城市燃气管道10万公里; 到2030年，…达到12亿亩), within the
    horizon of a plan; None otherwise, or when that year is compared with another (一九五七年
    比一九五二年，…将增长…: a change over the years between, of no one year)."""
    named = explicit_year(text, sentence, pos)
    if named is None or any(year_of(m) == named and _COMPARED_NEXT.match(text, m.end())
                            for m in year_re().finditer(text, sentence, pos)):
        return None
    return future_target(year, named, plan_horizon(text, para, pos))


#: A comparison right after a year (一九五七年比一九五二年, 一九五七年同一九五二年比较).
_COMPARED_NEXT = re.compile(r"\s*(?:比|同|与|较)")


def plan_goal_year(doc: Document, pos: int, sentence: int | None = None) -> int | None:
    """The last year of the plan of several years whose goals the section around ``pos``
    sets: the five-year plan its title names (二、“十五五”时期的主要目标任务 in the 2026
    report → 2030; “十二五”时期的主要目标和任务 in the 2011 report → 2015), else the report's
    year and the four after it when a title says 今后五年 (``plan_ahead_five``); None when
    that year is not after the report's own (a review of the plan just ended). A plan only
    named in the text (结合“十五五”规划编制，…) sets no goals of its own there."""
    if doc.year is None:
        return None
    end = plan_end_of(doc, pos)
    if end is None and sentence is not None:
        end = plan_end_named(doc.text, sentence, pos)  # “十五五”时期，…提高到70%左右
    if end is None and any(w in t for t in doc.section_path(doc.section_at(pos))
                           for w in cues()["plan_ahead_five"]):
        end = doc.year + 4
    return end if future_target(doc.year, end) is not None else None


def plan_start_year(doc: Document, para: int, pos: int) -> int | None:
    """The year before the five years of the plan a starting value at ``pos`` outside a
    review part is about (从771家增加到1076家 after “十四五”时期 in the 说明 of the next plan:
    2020; 城镇化率从47.5%提高到51.5% under “十二五”时期的主要目标和任务 in the 2011 report:
    2010): the last plan its paragraph names before it, else the one its section is titled
    after; None when neither names one or that year is not before the report's."""
    if doc.year is None:
        return None
    end = plan_end_named(doc.text, max(para, pos - RUN_REACH), pos) or plan_end_of(doc, pos)
    return end - 5 if end is not None and end - 5 < doc.year else None
