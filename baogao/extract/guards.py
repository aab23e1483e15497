"""General guards on catalog facts, learned from baogao's first look at unseen pages.

Run on pages nobody had fixed anything for (``benchmarks/first_look.py``), baogao's wrong
catalog facts were mostly right numbers tied to no year: the page's year could not be read, so
the fact's period stayed null, and a value with a citation but no year is a wrong fact for the
contract (``benchmarks/data/fresh16/GUARDS.md``). The guards here apply to any page, whatever
its wording: a catalog fact that cannot be tied to a year is not emitted (the number is still
read as an open fact, where a null period is allowed), nor one read in a paragraph about a part
of a year, nor a target its own sentence states as done (``results_not_targets``).
"""

from __future__ import annotations

import functools
import re

from baogao.extract.catalog import cues, find_mentions, page_shapes
from baogao.extract.periods import has_cue, paragraph_spans
from baogao.models import Document, Fact
from baogao.read.regions import gazetteer, region_of, stem_of


def dated(facts: list[Fact]) -> list[Fact]:
    """``facts`` without those whose period could not be told (abstain rather than guess)."""
    return [f for f in facts if f.period is not None]


@functools.cache
def _part_of_year_re() -> re.Pattern[str]:
    return re.compile(str(page_shapes()["part_of_year"]))


@functools.cache
def _whole_year_re() -> re.Pattern[str]:
    return re.compile(str(page_shapes()["whole_year"]))


def _quarter_start(text: str, start: int, end: int) -> int | None:
    """Where a paragraph opening on a part of a year (2022年一季度，…; 1—11月，…) stops
    naming it: the end of its first clause; None when the paragraph opens otherwise."""
    body = text[start:end]
    lead = len(body) - len(body.lstrip())
    first = re.split(r"[，,。；;：:！？!?]", body[lead:], maxsplit=1)[0]
    if not first or _part_of_year_re().search(first) is None:
        return None
    return start + lead + len(first)


def whole_year(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without those read in a paragraph that opens on a part of a year, with no
    whole year (全年, 年末, 今年, 2022年) named between that opening and the value: 2022年一季度，
    …逆势上扬。初步预计，地区生产总值增长7%以上 gives the quarter's growth, not the year's."""
    text = doc.text
    quarters = [
        (para.start, para.end, stop) for para in paragraph_spans(doc)
        if (stop := _quarter_start(text, para.start, para.end)) is not None
    ]
    if not quarters:
        return facts
    kept: list[Fact] = []
    for fact in facts:
        inside = next((q for q in quarters if q[0] <= fact.start < q[1]), None)
        if inside is not None and fact.start >= inside[2] and _whole_year_re().search(
                text, inside[2], fact.start) is None:
            continue
        kept.append(fact)
    return kept


@functools.cache
def _result_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    shapes = page_shapes()
    return re.compile(str(shapes["result_estimate"])), re.compile(str(shapes["result_outcome"]))


def _stated_as_done(text: str, fact: Fact) -> bool:
    """Whether the sentence of ``fact`` gives its value as an outcome: an estimate word before
    it (预计地区生产总值超过2100亿元), or a rank, record or share of a plan met (居全省第4位,
    创历史新高, 完成年计划710亿元的89.4%), and no word calling it a target (预期目标, 力争); or
    its full sentence, back to the full stop, opens on an estimate (预计地区生产总值…；规模以上工业
    增加值…增长10%以上；…) or says the year's tasks done (…；地方一般公共预算收入增长9.11%，较好
    地完成了年度目标任务)."""
    sentence = fact.evidence
    at = sentence.find(fact.text) if fact.text else -1
    if at < 0:
        return False
    reach = int(page_shapes()["result_reach"])  # a run-on line is not one statement
    near = sentence[max(0, at - reach) : at + len(fact.text) + reach]
    if has_cue(near, "target_cues"):
        return False
    estimate, outcome = _result_res()
    old = fact.year is not None and fact.year < int(cues()["old_report_year"])
    if (not old and estimate.search(sentence, max(0, at - reach), at)) or outcome.search(near):
        return True
    return not old and _full_sentence_done(text, fact)


@functools.cache
def _sentence_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    shapes = page_shapes()
    return (re.compile(str(shapes["result_sentence_opening"])),
            re.compile(str(shapes["result_sentence_done"])))


def _full_sentence_done(text: str, fact: Fact) -> bool:
    """Whether the full sentence of ``fact`` (its clauses between two full stops) opens on an
    estimate or says the year's tasks done."""
    stop = max(text.rfind(mark, 0, fact.start) for mark in "。！？!?\n") + 1
    ends = [i for mark in "。！？!?\n" if (i := text.find(mark, fact.start)) >= 0]
    end = min(ends) if ends else len(text)
    opening, done = _sentence_res()
    return opening.match(text, stop) is not None or done.search(text, stop, end) is not None


def results_not_targets(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without the targets whose own sentence states the value as done.

    First looks at unseen pages, and the same pages with their headings or line breaks lost,
    read review sentences as the plan (a page whose outline did not survive the copy): the
    results of the year came out as targets of the report's year. A target is never 预计d, ranked
    or counted as a share of a plan met; such a value is withheld rather than re-dated."""
    return [f for f in facts if f.kind != "target" or not _stated_as_done(doc.text, f)]


def _other_wholes(doc: Document) -> tuple[str, ...]:
    """The words naming the whole of a region other than ``doc``'s (全省 on a county's page, 全国
    on a province's): none when the page's level is not known."""
    rule = page_shapes()["other_region_wholes"]
    level: str | None = doc.level
    region = doc.region or ""
    if level is None:  # a page naming no region: the whole it speaks of most (全市 …, 全市 …)
        level, own = _self_whole(doc.text, rule["self_words"])
        if own == "全县":
            region = "县"
    if level is None or level not in rule["by_level"]:
        return ()
    words = list(rule["by_level"][level])
    if level == "district" and region and not region.endswith("市"):
        words += rule["district_not_city"]  # 全市 on a 区 or 县 page is the prefecture
    return tuple(words)


def _self_whole(text: str, self_words: dict[str, str]) -> tuple[str | None, str | None]:
    """(level, word) of the whole a page names itself by when it names no region: the 全X word
    it prints at least twice and twice as often as any other; (None, None) when none does."""
    counts = sorted(((text.count(w), w) for w in self_words), reverse=True)
    top, word = counts[0]
    if top < 2 or (len(counts) > 1 and counts[1][0] * 2 > top):
        return None, None
    return self_words[word], word


def own_region(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without those whose name is led by the whole of another region: a county's
    page comparing itself with its province (全县…增长8.1%，全省地区生产总值增长6%) gives the
    county's growth, not the province's as the county's."""
    others = _other_wholes(doc)
    if not others:
        return facts
    joiners = tuple(page_shapes()["other_region_wholes"]["joiners"])
    lead = re.compile("(?:" + "|".join(map(re.escape, others)) + ")(?:"
                      + "|".join(map(re.escape, joiners)) + ")?$")
    kept: list[Fact] = []
    for fact in facts:
        sentence = fact.evidence
        at = sentence.find(fact.text) if fact.text else -1
        name_at = sentence.rfind(fact.name, 0, at) if at > 0 and fact.name else -1
        if name_at >= 0 and (lead.search(sentence, max(0, name_at - 6), name_at)
                             or fact.name.startswith(others)):
            continue
        kept.append(fact)
    return kept


@functools.cache
def _division_name_re() -> re.Pattern[str]:
    """A division named in full (宜宾市, 社旗县, 河北省), three characters or more, then the
    words a metric's subject may run into (的, 全年, 实现) right before the metric."""
    names = sorted({r.name for r in gazetteer().regions.values()
                    if r.level != "national" and len(r.name) >= 3}, key=len, reverse=True)
    joiners = "|".join(map(re.escape, page_shapes()["other_region_chain"]["joiners"]))
    return re.compile("(" + "|".join(map(re.escape, names)) + f")(?:{joiners})?$")


def other_region_chain(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without those of a clause chain another division leads: a page quoting a
    neighbour (同期，相邻的宜宾市地区生产总值增长7.7%、一般公共预算收入增长9.2%) gives the
    neighbour's revenue too, though only its first metric names the neighbour; the chain runs
    from the last full stop or semicolon to the value, and a word naming the page's own region
    or whole (全市, 我市, the region's name) after the neighbour ends it."""
    own = region_of(doc.region)
    if own is None:
        return facts
    rule = page_shapes()["other_region_chain"]
    own_words = (own.name, *((stem,) if (stem := stem_of(own.name)) else ()), *rule["own_words"])
    text = doc.text
    kept: list[Fact] = []
    for fact in facts:
        at = text.find(fact.text, fact.start) if fact.text else -1
        if at < 0:
            kept.append(fact)
            continue
        stop = max(text.rfind(mark, 0, at) for mark in rule["chain_ends"]) + 1
        first = next(iter(find_mentions(text, stop, at)), None)
        if first is not None:
            lead = text[max(stop, first.start - 12) : first.start]
            m = _division_name_re().search(lead)
            named = region_of(m.group(1)) if m else None
            if (named is not None and named.code != own.code
                    and not any(w in text[first.start : at] for w in own_words)):
                continue
        kept.append(fact)
    return kept


@functools.cache
def _so_far_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rule = page_shapes()["this_year_so_far"]
    return (re.compile(str(rule["opening"])),
            re.compile("|".join(map(re.escape, rule["plan_words"])) + r"|(?:19|20)\d\d年|明年"))


def results_so_far(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without the targets of the report's year dated so only by a 今年 that opens a
    part of the year already past (今年一季度，全市地区生产总值增长6.4%。规上工业增加值…增长9%:
    results so far, not the year's plan), with no plan word or other year between that 今年 and
    the value; such a value is withheld rather than re-dated."""
    so_far, turn = _so_far_res()
    text = doc.text
    kept: list[Fact] = []
    spans = [(p.start, p.end) for p in paragraph_spans(doc)] if any(
        f.kind == "target" for f in facts) else []
    for fact in facts:
        at = text.find(fact.text, fact.start) if fact.text else -1
        if fact.kind == "target" and at >= 0:
            para = next((a for a, b in spans if a <= at < b), fact.start)
            word = text.rfind("今年", para, at)
            if (word >= 0 and so_far.match(text, word)
                    and turn.search(text, word + 2, at) is None):
                continue
        kept.append(fact)
    return kept


@functools.cache
def _time_word_re() -> re.Pattern[str]:
    rule = page_shapes()["review_word_targets"]
    review = "|".join(map(re.escape, rule["review_words"]))
    bases = "".join(rule["comparison_marks"])
    return re.compile(rf"(?P<review>(?<![{bases}])(?:{review}))"
                      rf"|(?<![{bases}])(?P<year>(?:19|20)\d\d)年|今年|明年|本年")


def review_word_targets(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without the targets of the report's year whose paragraph, before the value,
    last names the year past, by a review word or an earlier year not compared with (这一年，
    我们…全市完成地区生产总值3839.93亿元; 2019年是…的一年。…地区生产总值增长8.4%: a page
    whose lines ran together reads the review after a sentence naming the coming year as its
    plan); such a value is withheld rather than re-dated."""
    if doc.year is None or not any(f.kind == "target" for f in facts):
        return facts
    text = doc.text
    spans = [(p.start, p.end) for p in paragraph_spans(doc)]
    kept: list[Fact] = []
    for fact in facts:
        at = text.find(fact.text, fact.start) if fact.text else -1
        if fact.kind == "target" and fact.period == doc.year and at >= 0:
            para = next((a for a, b in spans if a <= at < b), fact.start)
            last = next(reversed(list(_time_word_re().finditer(text, para, at))), None)
            if last is not None and (last.group("review") or (
                    last.group("year") and int(last.group("year")) < doc.year)):
                continue
        kept.append(fact)
    return kept


@functools.cache
def _plan_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, page_shapes()["actual_plan_words"])))


@functools.cache
def _done_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, page_shapes()["actual_done_words"])))


def _stated_as_planned(text: str, fact: Fact) -> bool:
    """Whether the words before the value of an actual, back to its full stop, call it a
    target (果洛州划定发展预期目标，地区生产总值增长3%；全社会固定资产投资增长7%) with no word
    telling it done (完成了年初确定的预期目标，…增长8%; 同比增长)."""
    at = text.find(fact.text, fact.start) if fact.text else -1
    if at < 0:
        return False
    stop = max(text.rfind(mark, 0, fact.start) for mark in "。！？!?\n") + 1
    reach = int(page_shapes()["result_reach"])
    lead = text[max(stop, at - 2 * reach) : at]
    return _plan_re().search(lead) is not None and _done_re().search(
        text, max(stop, at - 2 * reach), at + len(fact.text) + reach) is None


def guarded(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` of ``doc`` that pass every guard: read in a whole year's paragraph, of the
    page's own region, dated, a target or an actual as its own sentence says, and no estimate
    of a year not yet over."""
    return past_estimates(doc, targets_not_results(doc, results_not_targets(doc, dated(
        review_word_targets(doc, results_so_far(doc, other_region_chain(doc, own_region(
            doc, whole_year(doc, facts)))))))))


def past_estimates(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without the estimated results (预计…) of the report's own year or a later
    one: a local report heard in the first months of its year estimates the year just past (a
    report heard in December is dated the next year), so such a value was dated wrong (a copy
    whose lines ran together: 2012年，是…关键之年。…预计完成地区生产总值690亿元 is 2011's),
    unless its own sentence names that year."""
    late = doc.date is not None and doc.date[5:7] in ("11", "12")
    if (doc.year is None or doc.doc_type not in ("work_report", "plan_report")
            or doc.level == "national" or late):
        return facts  # the State Council's reports were heard in any month until 1983
    return [f for f in facts if not (f.kind == "actual" and f.estimated and f.period is not None
                                     and f.period >= doc.year and not _names_year(doc.text, f))]


def _names_year(text: str, fact: Fact) -> bool:
    """Whether the full sentence of ``fact``, back to its full stop, prints its period before
    the value (预计2023年，GDP完成226.85亿元，增长6.5%): then the page's year, not the value's,
    is the one in doubt."""
    at = text.find(fact.text, fact.start) if fact.text else -1
    if at < 0:
        return False
    stop = max(text.rfind(mark, 0, fact.start) for mark in "。！？!?\n") + 1
    return f"{fact.period}年" in text[stop:at]


def targets_not_results(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without the actuals whose own sentence calls them targets: a page whose
    paragraphs ran together (a copy on one line) read the plan's targets as last year's
    results; such a value is withheld rather than re-dated (see ``results_not_targets``)."""
    return [f for f in facts
            if f.kind != "actual" or f.estimated or not _stated_as_planned(doc.text, f)]
