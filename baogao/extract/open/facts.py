"""Every number with a unit as a fact: open-vocabulary facts beside the catalog ones.

    facts = extract_facts(doc)                 # catalog facts (the fixed contract)
    extra = open_facts(doc, facts)             # every other number with a unit

A report is mostly quantified promises and results outside any catalog (新增家庭养老床位300张,
改造燃气管网650公里). For each number with a unit in the running text the object is read as
printed: the noun phrase before the number after its action word (新增|家庭养老床位|300张),
or after the number when the action leads (实施|500个|老旧小区综合整治), or an action
trailing the object (老旧小区改造完工|1225个). ``key`` normalizes the object for matching
across reports (quotes, action words and generic suffixes such as 改造/建设/项目 removed);
``scope`` marks a value about a part (a city, 累计, 年均, 其中). Kind and period come from the
catalog extractor's timing rules (review → actual of year-1, plan → target of the year).

Names are cut only at word boundaries (``open.words``: 对口支援 keeps its 对, 社区卫生服务中心
its 服务); the noun after an amount ends at its predicate (3家|银行|签订…); a comparison is
named with the object compared (集成电路产量…占全国); lists pair their i-th subject and value
with or without 分别 (``open.lists``).

Numbers counted but not read: ordinals (第3个), ranks (前10), numbers inside slogans in
quotation marks (“两个确立”, “31条”), and the single 一 (一批, 一个). All word lists live in
``baogao/data/commitments.json``.

This module walks the documents (paragraphs, sentences, clauses) and dates each value;
``open.reading`` names the object of one amount, with the naming helpers of ``open_names``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from baogao.extract.catalog import cues
from baogao.extract.facts import _Span, iter_sentences, timing_at
from baogao.extract.open.actors import achieved_part, actor_owned
from baogao.extract.open.amounts import Amount, _unit_gate, find_amounts
from baogao.extract.open.artifacts import page_marks_off
from baogao.extract.open.checks import (
    base_estimated,
    later_year,
    own_period,
    proposed,
    reviewed,
    run_before,
    stock_at_end,
    summed_over_years,
    vague_fund,
    years_spanned,
)
from baogao.extract.open.frames import (
    final_name,
    fraction_subject,
    joined_list,
    listed_descriptor,
    located,
)
from baogao.extract.open.grammar import (
    event_owned,
    grammar_checked,
    parallel_owned,
    purpose_kept,
    respective_verb,
    sibling_head_owned,
    sibling_owned,
    stated_subject,
    titled,
    whole_carried,
)
from baogao.extract.open.lists import (
    _list_parts,
    _parts_named,
    _strip_growth,
    bare_run,
    each_named,
    respectively,
)
from baogao.extract.open.multiyear import (
    _YEAR_TITLE,
    _multi_year_paragraph,
    _multi_year_sentence,
    goal_level,
)
from baogao.extract.open.names import (
    Reading,
    _listed_start,
    _unsure,
    category_flow,
    listed_category,
)
from baogao.extract.open.owners import (
    clause_owned,
    counted_first,
    fiscal_owned,
    listed_examples,
    owned,
    per_unit,
    place_owned,
    reached,
    restricted,
    served_owned,
    served_unsaid,
)
from baogao.extract.open.period_compare import (
    base_value_year,
    continued_year,
    deadline_after,
    listed_after_done,
    pair_year,
    past_point_year,
    share_at_end,
)
from baogao.extract.open.period_spans import past_plan_span, summed_span
from baogao.extract.open.reading import is_descriptor, read_object
from baogao.extract.open.words import (
    _alternation,
    _mid_verb,
    _skip_words,
    _strip_lead,
    _tail_predicate,
    _tidy,
    _words,
    key_of,
    trim_name,
    vocabulary,
)
from baogao.extract.periods import (
    Timing,
    explicit_year,
    has_cue,
    has_cue_in,
    opens_single_year,
    relative_year,
    start_timing,
)
from baogao.extract.periods_plan import (
    ahead_target,
    done_in_clause,
    future_period,
    future_result,
    last_year_before,
    lived_span,
    named_year_or_none,
    plan_goal_year,
    plan_start_year,
    plan_years_target,
    span_to_report_year,
    stated_now,
    this_year_estimate,
)
from baogao.extract.spans import level_at_end
from baogao.models import Document, Fact, Role

__all__ = [
    "BASELINE", "MULTI_YEAR", "Amount", "Reading", "body_spans", "clauses", "enrich",
    "find_amounts", "is_descriptor", "key_of", "open_facts", "plan_like_role", "read_object",
    "respectively", "statement_count", "vocabulary",
]

_SKIP_ROLES: frozenset[Role] = frozenset({"glossary", "self_building"})
#: The scope of a value stated in a passage about several years (过去五年, “十四五”时期).
MULTI_YEAR = "多年"
#: The scope of a starting value (从202元提高到270元: 202元 is the baseline).
BASELINE = "起点"


# Documents ---------------------------------------------------------------------------------


#: Words turning to another subject at a clause's start (而能源消耗总量…).
_TURN_WORDS = ("而", "但")
#: A clause end: ，：；。 but not a comma grouping the thousands of a number (7，000大卡).
#: (Every branch opens on its character and looks behind after it: the engine skips ahead to
#: those characters; a branch opening on a lookbehind was tried at every character.)
_CLAUSE_END = re.compile(r"[：:；;。！？]|[，,](?<!\d[，,])|[，,](?!\d{3}(?!\d))")


def clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Clauses of a sentence, split on ，：； (not inside 7，000: one number)."""
    begin = start
    for match in _CLAUSE_END.finditer(text, start, end):
        if match.start() > begin:
            yield begin, match.start()
        begin = match.start() + 1
    if end > begin:
        yield begin, end


def body_spans(doc: Document) -> Iterator[tuple[Role, _Span]]:
    """Running-text paragraphs outside headings and tables, with their role (worked out
    once per document: the open facts and the commitments walk them in turn)."""
    seen = _BODY_SPANS[0]  # read once: another thread may replace it
    if seen[0] is not doc:
        seen = _BODY_SPANS[0] = (doc, tuple(_body_spans(doc)))
    return iter(seen[1])


#: The body spans of the document last read (by identity: a ``Document`` is frozen).
_BODY_SPANS: list[tuple[Document | None, tuple[tuple[Role, _Span], ...]]] = [(None, ())]


def _body_spans(doc: Document) -> Iterator[tuple[Role, _Span]]:
    headings = [(s.start, s.heading_end) for s in doc.sections]
    # Headings in order and apart (as outlines are): the one holding a paragraph's start is
    # found by bisection, then the ones right after it, instead of a loop over all of them.
    spans = [(h0, h1) for h0, h1 in headings if h0 < h1]
    apart = all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    lefts = [h0 for h0, _ in spans]
    for para in doc.paragraphs:
        if para.is_table_row:
            continue
        start = para.start
        if apart:
            i = bisect.bisect_right(lefts, start) - 1
            while 0 <= i < len(spans) and spans[i][0] <= start < spans[i][1]:
                start = spans[i][1]  # a heading run into its paragraph: (一)标题。正文…
                i += 1
        else:
            for h0, h1 in headings:
                if h0 <= start < h1:
                    start = h1
        while start < para.end and doc.text[start] in "。：: 　":
            start += 1
        if start >= para.end:
            continue
        role = plan_like_role(doc, start)
        if role in _SKIP_ROLES:
            continue
        yield role, _Span(start, para.end)


def plan_like_role(doc: Document, pos: int) -> Role:
    """The section role, with an appendix of this year's 民生实事 read as plan."""
    role = doc.role_at(pos)
    if role == "appendix":
        path = "".join(doc.section_path(doc.section_at(pos)))
        if any(w in path for w in vocabulary()["list_cues"]) and (
            doc.year is None or str(doc.year) in path or "年" not in path
        ):
            return "plan"
    return role


def statement_count(doc: Document) -> int:
    """How many numbers with a unit the running text states (the coverage denominator)."""
    total = 0
    for _, para in body_spans(doc):
        total += len(find_amounts(doc.text, para.start, para.end))
    return total


#: A verb in the perfective (试办了, 进行了) after the value in its clause: done, not planned
#: (not 为了, 除了, 了解, 了结).
_DONE_ASPECT = re.compile(r"(?<=[\u4e00-\u9fff])(?<![为除])了(?![解结])")


@functools.lru_cache(maxsize=1)
def _done_after() -> re.Pattern[str]:
    """已 soon after the value in its clause, then a verb of a thing done (17个项目已经完工
    投入生产; not 超5000个已建成自然村的…: 已建成 describes what follows): done, not planned."""
    verbs = _alternation(cues()["done_after_verbs"])
    return re.compile(rf"[^，,；;。将要的]{{1,8}}已经?[^，,；;。将要]{{0,3}}?(?:{verbs})")


@functools.lru_cache(maxsize=1)
def _done_before() -> re.Pattern[str]:
    """Words of a clause stating what exists already (已建成, 已有): a result in a plan."""
    return re.compile(_alternation(vocabulary()["done_before"]))


@functools.lru_cache(maxsize=1)
def _so_far() -> re.Pattern[str]:
    """Words dating a value to this year so far (今年以来, 截至目前, 一月到九月): a result,
    not a plan."""
    month = r"[一二三四五六七八九十\d]{1,2}"
    months = (rf"{month}月?份?(?:到|至|－|-|——|—){month}月"
              rf"|(?:到|至|截至){month}月份?(?:底|末)?为止")
    return re.compile(_alternation(vocabulary()["so_far_words"]) + "|" + months)


def _plan_year_section(doc: Document, role: Role, pos: int) -> bool:
    """True in a plan section whose heading names the report's year (2024年政府工作任务): what
    it expects of that year is planned, not done (a report read late in its year, 1982年…
    预计, estimates the year's results instead)."""
    return role == "plan" and doc.year is not None and any(
        f"{doc.year}年" in title for title in doc.section_path(doc.section_at(pos)))


#: A span of years ahead (五年内): an estimate over it (五年内预计…) is a plan's figure.
_SPAN_AHEAD = re.compile(r"[二三四五六七八九十]年内预计")
#: A part of a year (上半年, 前三季度, 1—11月): a value for it is not the year's.
_PART_OF_YEAR = re.compile(r"上半年|下半年|前三季度|[一二三四]季度"
                           r"|前[一二三四五六七八九十\d]{1,2}个月"
                           r"|(?<!\d)(?<![\d〇○零一二三四五六七八九]年)[1１一][—–－-]{1,2}"
                           r"(?:1[01]|[2-9]|十一|十|[二三四五六七八九])月"
                           r"|(?:到|至|截至)[一二三四五六七八九十\d]{1,2}月份?(?:底|末)?为止"
                           r"|[一二三四五六七八九十]、[一二三四五六七八九十]两个?月份?")
#: A count its sentence reports (据统计, 据国家统计局初步统计, 据今年三月初的统计).
_COUNTED = re.compile(r"据[^，,；;。]{0,16}统计")


@functools.lru_cache(maxsize=1)
def _ahead_words() -> re.Pattern[str]:
    """Words of a plan or of the future before a value (``ahead_words`` of cues.json)."""
    return re.compile(_alternation(cues()["ahead_words"]))


def _reported_so_far(text: str, sentence: int, pos: int) -> bool:
    """True when the value's sentence reports a count (据…统计) or dates it to a part of the
    year (第一季度, 一、二两月份), with no word of a plan before it: a result so far (据今年三月
    初的统计，全国有一千七百多万头怀孕的大家畜; 辽宁省纺织系统的13种主要产品，在第一季度就有7种没有
    完成质量计划), not a target."""
    return (_COUNTED.search(text, sentence, pos) is not None or _PART_OF_YEAR.search(
        text, sentence, pos) is not None) and _ahead_words().search(text, sentence, pos) is None


def _part_of_year(text: str, start: int, pos: int) -> bool:
    """True when the sentence dates the value at ``pos`` to a part of a year (今年上半年，…
    增长23.6%), unless a whole year is named after it (去年下半年…，全年进出口总额…)."""
    last = None
    for found in _PART_OF_YEAR.finditer(text, start, pos):
        if text[found.start() - 1] not in "从由":  # (年末…)从上半年5.5%降到5.3%: a base
            last = found
    return last is not None and _WHOLE_YEAR.search(text, last.end(), pos) is None


def _own_plan_words(text: str, sentence: int, pos: int) -> bool:
    """True when the value's own sentence up to ``pos`` plans or names a year (a target cue,
    今年, 明年, a year written out); 预期的 (在预期的合理区间) describes, it plans nothing."""
    head = text[sentence:pos].replace("预期的", "")
    return has_cue(head, "target_cues") or relative_year(head, 0, len(head)) is not None or (
        explicit_year(head, 0, len(head)) is not None)


#: A clause of a change alone (增长, 比上年增长): the change of the level just before it.
_BARE_GROWTH = re.compile(r"\s*(?:比上年|较上年|同比)?(?:增长|下降|增加|提高|降低|减少)了?\s*")


#: A base year compared with (比2012年(下同), 是2007年的): changes after it may be over the
#: years since.
_SEVERAL_YEARS_BASE = re.compile(r"(?:比|较|是)(?:19|20)\d{2}年")


def _same_period(text: str, para: int, clause: int, pos: int) -> bool:
    """True when the value at ``pos`` is compared with the same part of last year (比去年同期)
    after its paragraph dated its figures to a part of this one (到5月份为止，…。…，其中建筑
    安装工程比去年同期增长80%, in the 1956 report): a result so far, not the year's."""
    return "同期" in text[clause:pos] and _part_of_year(text, para, pos)


_WHOLE_YEAR = re.compile(r"全年|年末|年底|(?:19|20)\d{2}年(?![一二三四1-9上下前])")


#: A plan's figure before the value in its clause (计划比上年增长, 计划增长): a target.
_PLANNED = re.compile(r"计划(?:比(?:上年|去年)|较(?:上年|去年))?"
                      r"(?:增长|增加|提高|下降|减少|达到|为)$")


def _this_year_paragraph(text: str, para: int, pos: int) -> bool:
    """True when the paragraph opens with 今年 and names no year before ``pos`` (今年国民
    经济计划的执行情况…: a report read late in its year, about that year)."""
    return text.startswith("今年", para) and _YEAR_TITLE.search(text, para, pos) is None


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value.normalize())


def open_facts(doc: Document, catalog: list[Fact] | None = None) -> list[Fact]:
    """Facts for every number with a unit that the catalog facts do not already state.

    A catalog fact covers an amount when it comes from the same sentence with the same
    printed value; those amounts keep their catalog fact (indicator set) and are skipped here.
    """
    covered = {(f.start, f.text) for f in catalog or []}
    found: list[Fact] = []
    text = doc.text
    gate = _unit_gate()
    for role, para in body_spans(doc):
        if gate.search(text, para.start, para.end) is None:
            continue  # no number with a unit in the paragraph
        para_multi: bool | None = None
        last_done: Timing | None = None  # the last value of the sentence before, if done
        for sentence in iter_sentences(text, para.start, para.end):
            # 上海市…已降低到三百八十六点一斤…。其中国营棉纺织厂…为…: the parts of a result
            carried, last_done = last_done if text.startswith(
                "其中", sentence.start) else None, None
            prev: Reading | None = None
            level_before: Timing | None = None  # the value just before in the sentence
            done_run: Timing | None = None  # the timing of a value read as done just before
            category = ""  # 主要生产能力有|煤炭…，石油…: the head of a list's items
            category_action: str | None = None  # (当年)新增加(的主要生产能力有…)
            listed: list[str] = []
            singles: list[str] = []  # names of the clauses just before, one value each
            last_head = ""  # the words before the first amount of the clause before
            amounts = find_amounts(text, sentence.start, sentence.end)
            if not amounts:
                continue
            if para_multi is None:
                para_multi = _multi_year_paragraph(doc, para)
            multi = para_multi or _multi_year_sentence(text, sentence)
            for clause in clauses(text, sentence.start, sentence.end):
                inside = [a for a in amounts if clause[0] <= a.start < clause[1]]
                if not inside:
                    if text.startswith(_TURN_WORDS, clause[0]):
                        prev = None  # (钢产量增加270万吨，)而能源消耗总量…，|比上年降低了…
                    elif prev is not None and prev.led is not None:
                        prev = replace(prev, led=None)  # (新增…，)…建成投运，|…: the list ended
                    continue
                prev_end = clause[0]
                respective = respectively(text, clause, inside, listed)
                # A和B分别增长5%、6% that could not be paired: the values are not read
                # under one name (签约金额…、到位资金…，分别增长13.1%、33.7%)
                apart = text.find("分别", clause[0], clause[1])
                unpaired = ({i for i, a in enumerate(inside) if a.start > apart}
                            if apart >= 0 and not respective else set())
                if (apart >= 0 and len(unpaired) < 2
                        and len(_list_parts(text[clause[0] : apart])) < 2):
                    unpaired = set()  # (货物贸易、服务贸易分别增长15.3%,29.6%: one value)
                if not respective and (paired := bare_run(text, clause, inside, singles)):
                    respective = {i: n for i, n in paired.items() if n}  # …，实际增长9.8%和8.5%
                    unpaired = {i for i, n in paired.items() if not n}
                named = _parts_named(respective)
                listed = named or listed
                read: list[str] = []  # the objects of this clause's amounts, in order
                for i, amount in enumerate(inside):
                    nxt = inside[i + 1].start if i + 1 < len(inside) else clause[1]
                    if is_descriptor(text, amount, nxt, i + 1 < len(inside)):
                        continue  # 500米服务半径覆盖率, 50万吨甲醇项目: a modifier
                    if amount is amounts[-1] and (
                            sentence.start, text[amount.start : amount.end]) in covered:
                        continue  # a catalog fact states it, and no later amount reads prev
                    reading = read_object(text, clause, amount, prev_end, nxt, prev)
                    if i in unpaired or (reading and vague_fund(text, sentence, amount,
                                                                reading.name)):
                        reading = None
                    elif i in respective:
                        # 死亡人数较“十三五”同期(分别下降): the comparison is not the object
                        listed_name = _mid_verb(_tail_predicate(achieved_part(trim_name(
                            respective[i])[0]))[0])[0]
                        reading = None if _unsure(listed_name) else Reading(
                            listed_name, (reading.action if reading else None) or (
                                respective_verb(text, apart, amount.start)),
                            reading.scope if reading else None)
                    head_start = prev_end
                    prev_end = amount.end
                    if reading is None:
                        # 实现营收615.5亿元(营收: whose?),同比增长8.2%: a value whose own
                        # object was printed but left unnamed stops the object named before
                        # from running on to the next change (超过1万美元 names none: it does)
                        if _strip_lead(_tidy(text[head_start : amount.start]))[0]:
                            prev = None
                        continue
                    if (opened := listed_category(reading.name)) is not None:
                        category = opened[1]  # (当年新增加的主要生产能力有)煤炭|2714万吨
                        category_action = category_flow(reading.name, opened[0])
                        reading = replace(reading, name=opened[0] + category,
                                          action=reading.action or category_action)
                    elif category and text.startswith(reading.name, clause[0]):
                        # ，石油…, ，发电机组容量…: the category's items, new as it says
                        reading = replace(reading, name=reading.name + category if len(
                            _words(reading.name)) == 1 else reading.name,
                            action=reading.action or category_action)
                    if reading.name.startswith("占") and (subject := share_subject(
                            last_head) if prev is None else None if prev.name.startswith(
                            "占") else _strip_growth(prev.name)):
                        # (重灾区已完成投资6545亿元，)占规划总投资的65.5%: the share is of the
                        # object the clause before names, and so is a change after it
                        reading = replace(reading, name=subject + reading.name, carry=subject)
                    prev = reading
                    read.append(_strip_growth(reading.name))
                    printed = text[amount.start : amount.end]
                    if (sentence.start, printed) in covered:
                        continue
                    timing = timing_at(doc, role, para, sentence, amount.start)
                    first = timing
                    after = text[amount.end : amount.end + 3]
                    baseline = reading.baseline or after.startswith(_skip_words(
                        "from_follow")) or _listed_start(text, amount.end, clause[1]) or (
                        text.endswith(("从", "由"), clause[0], amount.start) and any(
                            w in text[amount.end : clause[1]]  # 从15个县（市）|扩大到
                            for w in _skip_words("from_follow")))
                    if timing is None:  # 到2030年，…: a year after the report's
                        timing = ahead_target(text, doc.year, para.start, sentence.start,
                                              amount.start)
                    if timing is None:
                        continue
                    if timing.kind == "target" and role == "other" and doc.year is not None and (
                            opens_single_year(doc, para) or text.startswith(
                                "预计", sentence.start)) and not _own_plan_words(
                            text, sentence.start, amount.start):
                        # a page with no headings: 刚刚过去的2015年，…。城镇新增就业…; 预计地区
                        # 生产总值…，经济运行在预期的合理区间，工业增加值…: the year reviewed
                        timing = Timing("actual", timing.estimated or text.startswith(
                            "预计", sentence.start), doc.year - 1)
                    # 从2020年的645元/月(提高到…): a start dated in its clause keeps its year
                    dated = baseline and _YEAR_TITLE.search(text, clause[0], amount.start)
                    if timing.kind == "target" and (ran := run_before(
                            text, para.start, sentence.start, amount.start, doc.year)):
                        timing = replace(timing, kind="actual", period=ran)  # 1984年，…。全年
                    elif timing.kind == "actual" and timing.period is not None and ((
                            ran := run_before(text, para.start, sentence.start, amount.start,
                                              doc.year) or continued_year(
                                text, para.start, sentence.start, amount.start))
                            and ran < timing.period):
                        # 一九五七年…达到十七万五千人，…；职工达到一千零一十九万人 (1959): the
                        # year opening its full-stop sentence, not the report's last one
                        timing = replace(timing, period=ran)
                    if timing.kind == "target" and carried is not None and not has_cue_in(
                            text, sentence.start, amount.start, "target_cues"):
                        timing = carried  # (…已降低到…。)其中国营棉纺织厂…为…: done too
                    if timing.kind == "target" and (point := past_point_year(
                            text, sentence.start, amount.start, doc.year)) is not None:
                        # 到一九五四年十一月底为止，共积压器材…: built up by a past date
                        timing = replace(timing, kind="actual", period=point)
                    if timing.kind == "target" and (_so_far().search(
                            text, sentence.start, amount.start) or baseline or _same_period(
                            text, para.start, clause[0], amount.start) or _reported_so_far(
                            text, sentence.start, amount.start)):
                        # 今年以来…已拆除, 截至目前: done so far this year, not planned;
                        # 从29.6件(增加到65件): where a change started was, not is planned
                        timing = replace(timing, kind="actual")
                    head = text[clause[0] : amount.start]
                    if timing.kind == "actual" and _PLANNED.search(head):
                        # 全年工业总产值计划比上年增长6%: the plan's figure, not the result
                        timing = replace(timing, kind="target", estimated=False, period=(
                            doc.year if _this_year_paragraph(text, para.start, amount.start)
                            else timing.period))
                    if timing.kind == "target" and reviewed(text, para.start, amount.start):
                        # (说明 of the next plan:) “十四五”时期…这五年，…从…增加到5.67万亿元
                        timing = replace(timing, kind="actual")
                    if timing.kind == "target" and (_done_before().search(head) or (
                            _DONE_ASPECT.search(text, amount.end, clause[1]))
                            or _done_after().match(text, amount.end, clause[1])):
                        # (优化)已建成超1.6万个…; 在一百多个国营农场和一些县试办了…: done;
                        # in a plan part, of no one year unless its sentence names one
                        # (两年…，产品成本已降低百分之九点六, in the 1955 report)
                        timing = replace(timing, kind="actual", period=timing.period if (
                            role != "plan") else named_year_or_none(
                            text, sentence.start, amount.start, timing.period))
                    if timing.kind == "actual" and (proposed(head) or (  # (去年超收…)拟增加…
                            timing.estimated and base_estimated(  # 比1980年预计增加…
                                text, sentence.start, amount.start))):
                        timing = replace(timing, kind="target", estimated=False, period=doc.year)
                    if (timing.kind == "actual" and timing.estimated
                            and _SPAN_AHEAD.search(text, sentence.start, amount.start)):
                        # 五年内预计农民新建住宅…: an estimate over the plan's years, a target
                        timing = replace(timing, kind="target", estimated=False)
                    if timing.kind == "target" and done_in_clause(
                            text, sentence.start, clause[0], amount.start):
                        # …内成立了二十九个自治州: done, of the year its sentence names if any
                        timing = replace(timing, kind="actual", period=named_year_or_none(
                            text, sentence.start, amount.start, timing.period))
                    if timing.kind == "target" and lived_span(text, sentence.start, amount.start):
                        # 大庆…在十七年间平均每年增长: years lived, a result of no one year
                        timing = replace(timing, kind="actual", period=None)
                    if timing.kind == "target" and stated_now(
                            text, sentence.start, clause[0], amount.start):
                        timing = replace(timing, kind="actual")  # 我国是一个共有五十多个民族的…
                    if timing.kind == "target" and this_year_estimate(
                            doc, role, sentence.start, amount.start, timing.period):
                        # (1981 report, 今年１至９月…:) 糖料产量将比去年增长10%以上: the
                        # year's estimate, not a target
                        timing = replace(timing, kind="actual", estimated=True)
                    if first is not None and first.kind == "target" and timing.kind == "actual":
                        # (从29.6件 is where a change started, not a value done)
                        done_run = None if baseline else timing
                    elif timing == first and timing.kind == "target" and role != "plan" and (
                            listed_done := done_run) is not None and listed_after_done(
                            text, clause[0], amount.start):
                        # 成立了二十九个自治州，五十四个自治县; 已由15.3%降到12%，涉及5300多个
                        # 税目: an item going on with a value read as done is done too
                        timing = listed_done
                    spans, past = years_spanned(text, max(text.rfind(
                        "。", para.start, sentence.start) + 1, para.start), clause[0],
                        amount.start, doc.year, para.start)
                    if timing.kind == "target" and (past or span_to_report_year(
                            text, sentence.start, amount.start, doc.year, role)):
                        timing = replace(timing, kind="actual")  # 近三年…新建房屋达
                    if timing.kind == "actual" and (not timing.estimated or "明年" in text[
                            sentence.start : amount.start]) and future_result(head):
                        # (这五年里…)国民生产总值将比1980年增长1.7倍: a goal; 国营机械化农场
                        # 将增加到152个 (1956 report): the report's year, not the one reviewed
                        timing = replace(timing, kind="target", estimated=False, period=(
                            future_period(text, doc.year, sentence.start, amount.start,
                                          timing.period)))
                    period = own_period(text, doc.year, (para.start, para.end), (
                        sentence.start, clause[0]), amount.start, None if multi or spans or (
                        baseline and not dated) else timing.period, multi and not baseline
                        and not _multi_year_sentence(text, sentence), spans,
                        amount.unit in ("%", "倍"), timing.kind == "target")
                    if period is None and multi and not (spans or baseline) and (
                            timing.kind == "actual"):
                        # (这五年…)粮食产量…，去年达到…；农民人均纯收入达到5919元: 去年's
                        period = last_year_before(text, doc.year, max(text.rfind(
                            "。", para.start, sentence.start) + 1, para.start), clause[0],
                            amount.start)
                    period = later_year(doc, sentence.start, amount.start, period, timing.kind)
                    if period is None and level_before is not None and (
                            level_before.kind == timing.kind == "actual") and (
                            _BARE_GROWTH.fullmatch(text, clause[0], amount.start)) and not (
                            _SEVERAL_YEARS_BASE.search(text, para.start, amount.start)):
                        # 预计2011年全市…，人均生产总值4.4万元，|增长10.4%(，年均增长…): the
                        # change of the level just before, of its year
                        period = level_before.period
                    if period == doc.year and timing.kind == "target" and plan_years_target(
                            doc, role, sentence.start, amount.start):
                        # (第六个五年计划的报告:) …十五个港口建设一百三十二个深水泊位: the
                        # plan's years, not the year the report is delivered in
                        period, spans = None, True
                    stock = (period is None and (multi or spans) and timing.kind == "actual"
                             and doc.year is not None and not baseline
                             and (stock_at_end(text, amount.end, doc.year) or level_at_end(
                                 text, sentence.start, clause[0], amount.start, printed,
                                 reading.action) or share_at_end(
                                 text, sentence.start, clause[0], amount.start, amount.unit)))
                    if stock and doc.year is not None:
                        # (五年来) 积累7810亿元，比五年前增加…; 青壮年文盲率下降到6%: the level
                        # at the end of the years reviewed, the last one's
                        period = doc.year - 1
                    if period is None and multi and not (spans or baseline) and (
                            timing.kind == "target") and goal_level(
                            text, sentence.start, clause[0], amount.start, printed,
                            reading.action, amount.unit):
                        # (“十五五”时期的主要目标任务:) 常住人口城镇化率提升至67%左右: where
                        # the plan's years end, its last year's
                        period = plan_goal_year(doc, amount.start, sentence.start)
                    if period is None and baseline and not dated and (multi or spans) and (
                            timing.kind == "actual"):
                        # (五年来) 城镇化率由45.9%|提高到…: the level the five years started
                        # from, the year before them (as the catalog's starts); outside the
                        # review, those of the plan named (“十四五”时期…从771家|增加到…)
                        started = start_timing(doc, role, para, amount.start, "level")
                        period = started.period if started else plan_start_year(
                            doc, para.start, amount.start)
                    if period is not None and summed_over_years(
                            doc, para, sentence.start, amount.start, clause[0]):
                        period = None  # (过去四年…)累计新建…21家: over the years
                    if period is not None and (summed_span(text, sentence.start, clause[0],
                                                           amount.start, amount.unit)
                                               or past_plan_span(text, sentence.start,
                                                                 amount.start, doc.year)):
                        period = None  # 五年国家共安排…; 第一个五年计划期间…: over the years
                    if period is not None and (_part_of_year(
                            text, sentence.start, amount.start) or _same_period(
                            text, para.start, clause[0], amount.start)):
                        period = None  # 今年上半年…增长23.6%, 1—11月…: not the year's value
                    if period == doc.year and timing.kind == "target" and (
                            ahead := deadline_after(text, sentence.start, amount.start,
                                                    clause[1], doc.year, 10)) is not None:
                        period = ahead  # 粮食增长…，即增产…，到一九五七年达到…: of 1957
                    if (based := base_value_year(text, clause[0], amount.start)) is not None:
                        period = based  # 比一九五二年的六百一十五万人: the base's own year
                    if (side := pair_year(text, sentence.start, clause[0], amount.start,
                                          doc.year, baseline)) is not None:
                        # 2003年至2007年，…由382万人(2003)增加到567万人(2007)
                        period, stock = side, stock or not baseline
                    if period is not None and doc.year is not None and period != doc.year:
                        # 到一九八五年，…；原煤七亿吨 (target); 1979年比上年…增长 (actual)
                        timing = replace(timing, kind="target" if period > doc.year else "actual")
                    elif (period is not None and period == doc.year and timing.kind == "actual"
                          and timing.estimated and _plan_year_section(doc, role, sentence.start)):
                        # (2024年政府工作任务:) 预计今年高校毕业生超过1170万人: a forecast of
                        # the plan's year, not a result
                        timing = replace(timing, kind="target", estimated=False)
                    # 省属企业|…; 我区|外送电能力, (等)5项|指标, 迈上4个|万亿元台阶: framing words
                    # dropped, a generic head qualified, a name that says nothing not kept
                    # 中央财政安排|科技投入 (the budget's), 惠及|消费者 (those reached)
                    # A、B等|人大代表建议 (the class), 58个|酒庄|的旅游环线 (the noun counted),
                    # 获评A级以上的|三级公立综合医院 (the ones the predicate says), 每个街道|…
                    owner_named = listed_examples(text, amount.start, reading.name)
                    owner_named = counted_first(text, amount.end, owner_named, amount.unit)
                    owner_named = reached(text, amount.start, amount.end, owner_named)
                    owner_named = owned(text, sentence.start, amount.start, owner_named)
                    owner_named = fiscal_owned(text, sentence.start, amount.start, owner_named)
                    owner_named = restricted(text, clause, amount.start, amount.end,
                                             owner_named, amount.unit)
                    owner_named = per_unit(text, head_start, amount.start, owner_named)
                    owner_named = place_owned(text, clause[0], amount.start, amount.end,
                                              owner_named, amount.unit)
                    owner_named = clause_owned(text, clause[0], amount.start, owner_named)
                    owner_named = actor_owned(text, clause[0], amount.start, owner_named)
                    owner_named = served_owned(text, clause[0], amount.start, owner_named,
                                               amount.unit)  # 为6107名|…新生|发放|资助金
                    name = final_name(owner_named,
                                      text[head_start : amount.start],
                                      text[amount.end : clause[1]],
                                      text[sentence.start : head_start], amount.unit)
                    if name is None or listed_descriptor(
                            text, amount.start, amount.end, amount.unit, name) or located(
                            text, amount.start, amount.end, amount.unit, name
                    ) or fraction_subject(text, sentence.start, amount.start) or joined_list(
                            text, amount.start, amount.end, amount.unit) or served_unsaid(
                            text, clause, amount.start, amount.end, reading.name, amount.unit):
                        continue
                    # 游客人次、旅游花费|均增长10%以上: the value is each measure's (results
                    # only: a promise of the list stays one commitment, tracked as printed)
                    last_done = Timing("actual", timing.estimated, period) if (
                        timing.kind == "actual") else None
                    level_before = Timing(timing.kind, timing.estimated, period) if (
                        amount.unit != "%") else None
                    found.extend(Fact(
                        source=doc.source, row=doc.row, region=doc.region, year=doc.year,
                        indicator=None, name=name, kind=timing.kind,
                        estimated=timing.estimated, period=period,
                        value=_number(amount.value), unit=amount.unit, bound=amount.bound,
                        text=printed, evidence=text[sentence.start : sentence.end],
                        start=sentence.start, end=sentence.end, doc_id=doc.id,
                        value_high=_number(amount.value_high), key=key_of(name),
                        action=reading.action,
                        scope=BASELINE if baseline else (
                            reading.scope or (MULTI_YEAR if (multi or spans) and not stock
                                              else None)),
                        open_vocabulary=True,
                    ) for name in _checked(each_named(text[head_start : amount.start], name)
                                           if timing.kind == "actual" else [name],
                                           text[sentence.start : amount.start], amount.unit))
                singles = [*singles, *read] if len(read) == len(inside) == 1 else []
                last_head = text[clause[0] : inside[0].start]
                if not named and len(read) == len(inside) > 1:
                    # 完成产业类投资553.1亿元、研发投入133.5亿元，|分别增长10.6%、10.3%
                    listed = read
    return found


def _checked(names: list[str], before: str, unit: str) -> list[str]:
    """``names`` read by grammar (``open.grammar``), in turn; ``before`` is the sentence up
    to the number."""
    checked: list[str] = []
    for name in names:
        # grammar words off (则|本年收入); a name left as a verb of stating alone takes the
        # subject printed before it (一九五八年的工业总产值，|拟定为…); none: not kept
        marked = page_marks_off(name)  # ——…, 20xx年…, …......报告: a page's marks off
        if marked is None:
            continue
        read = grammar_checked(marked) or stated_subject(marked, before)
        if read is None or titled(read, unit):
            continue  # nor a count of people named by their title (14人获…|称号)
        read = event_owned(read, before)  # 洪涝灾害，|直接经济损失: the event's damage
        read = sibling_owned(read, before)  # 全国高等学校新招生…，|毕业学生: the group's
        read = parallel_owned(read, before)  # 城镇人均居住面积…，|农村: the measure's owner
        read = sibling_head_owned(read, before)  # 集中供养孤儿…标准…，|散居孤儿: its measure
        read = whole_carried(read, before)  # (…在工农业总产值中所占的比重…，)|农业…所占的比重
        read = purpose_kept(read, before, unit)  # 支持|…的减税降费: what money is for
        checked.append(read)
    return checked


#: A year opening a clause's head (1956年国营企业收入为…): not part of the object.
_HEAD_YEAR = re.compile(r"^(?:(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})年")


def share_subject(head: str) -> str | None:
    """The object a clause names before its amount (1956年国营企业收入为|14,328,144,000元;
    重灾区已完成投资|6545亿元), as the owner of a share printed alone in the clause after it
    (占本年预算收入的48.19%); None when the head is not one plain noun phrase (a comma, a
    comparison, a 的是 frame, a share itself)."""
    head = _HEAD_YEAR.sub("", head.strip())
    name = _tidy(_strip_lead(_tidy(head))[0])
    for verb in ("共为", "为", "是", "达到", "达"):
        if name.endswith(verb) and len(name) > len(verb) + 1:
            name = _tidy(name[: -len(verb)])
            break
    if len(name) < 2 or re.search(r"[，,、：:；;（(）)“”\d]|占|比|的是|中$", name):
        return None
    return None if _unsure(name) else name


def enrich(facts: list[Fact]) -> list[Fact]:
    """Catalog facts with their matching key set (their name normalized)."""
    return [replace(f, key=f.key or key_of(f.name)) for f in facts]
