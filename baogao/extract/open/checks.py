"""Checks that a reading of an open fact can be trusted, and review passages in plan parts.

A fact is not kept when its name cannot be read reliably (precision first: a number shown
under a wrong name is worse than a number left unnamed, which stays in its sentence):

* the name is the base of a share (达到|耕地总面积|的64%);
* the name holds an amount of its own (屋顶绿化1.2万平方米|公园绿地…覆盖率);
* a verb of the ``run_on_verbs`` table stands inside it (中小学食堂|实现|全流程检查);
* a count opens its clause with nothing governing it and the noun after it runs to the
  clause end, its predicate inside and unmarked (12个|观景点串珠成线);
* the name is not a noun phrase (``unreadable``): it holds a word of a clause (而, 又, 将,
  就, 是: 现有企业而引进的…), a word pointing back (这些方面, 此项), a comparison or
  starting point (比去年同期, 由上年), a time span or time that belongs to the period (五年内,
  两年平均每年递增, …年底, “五五”时期), or it ends with a verb whose object is missing
  (中央财政拿出, …占); a comparison ending a name is dropped from it first (油料产量比上年增加
  → 油料产量增加).

Values in a plan part whose paragraph last named past years (这五年, 一年来) are results.
All word lists live in ``baogao/data/commitments.json``.
"""

from __future__ import annotations

import functools
import re

from baogao.extract.catalog import cues
from baogao.extract.facts import _Span
from baogao.extract.open.amounts import Amount, _find_amounts, _unit_gate, has_amount
from baogao.extract.open.multiyear import _multi_year_res
from baogao.extract.open.words import (
    _alternation,
    _growth_word,
    _skip_longest,
    _skip_words,
    _tidy,
    _verb_words,
    _words,
    vocabulary,
)
from baogao.extract.periods import (
    RUN_REACH,
    cue_words,
    deadline_year,
    explicit_year,
    future_target,
    has_cue_in,
    opens_single_year,
    plan_horizon,
    relative_year,
    section_year,
    year_of,
    year_re,
)
from baogao.extract.periods_plan import clause_deadline, colon_lead_year, opening_year
from baogao.extract.span_memo import last_of, last_opening
from baogao.extract.spans import reached_level
from baogao.models import Document
from baogao.read.regions import resolve_one


def _after_amount(text: str, at: int) -> bool:
    """True when the clause starting at ``at`` follows one stating an amount (新建应急避难
    场所6处、|总面积6.61万平方米; 38家优质股权基金，|规模累计达1000亿元)."""
    if at < 2 or text[at - 1] not in "，,、；;":
        return False
    begin = max(0, at - 40)
    stop = max(text.rfind(c, begin, at - 1) for c in "，,；;。：:")
    return has_amount(text, max(begin, stop + 1), at - 1)


#: A copula right before a count (是中国|56个…的一员, 是一个共有|五十多个民族的…国家).
_COPULA_BEFORE = re.compile(r"是[^，,；;、\d]{0,6}$")
#: Tags of particles, adverbs, prepositions and conjunctions.
_FUNCTION_TAGS = frozenset({"u", "uj", "ul", "uz", "ug", "uv", "d", "p", "c"})


def unreliable(text: str, clause: tuple[int, int], amount: Amount, name: str,
               action: str | None, runs_on: bool) -> bool:
    """True when the name read for ``amount`` cannot be trusted (see the module notes);
    ``runs_on``: the name is the noun after the amount, read up to the clause end."""
    if amount.unit == "%" and text.endswith(name + "的", 0, amount.start) and text.endswith(
            _skip_words("share_verbs"), clause[0], amount.start - 1 - len(name)):
        return True  # 达到|耕地总面积|的64%: the name is the base of the share
    if _amount_inside(name) or _clause_inside(name) or unreadable(name):
        return True
    if _COPULA_BEFORE.search(text, clause[0], amount.start) and text.startswith(
            name[:2], amount.end) and "的" in text[amount.end : amount.end + len(name) + 1]:
        return True  # (藏族)是中国|56个民族大家庭的一员: a count said in passing, describing
    words = _words(name)
    if text[amount.end : amount.end + 1] and amount.unit[-1] + text[amount.end] in _skip_words(
            "unit_words"):
        return True  # (有)13亿人|口的发展中国家(是…成就): whatever name was read after it
    if text.startswith(name, amount.end) and (amount.unit[-1] + name[:1] in _skip_words(
            "unit_words") or (len(words) > 1 and len(words[0][0]) == 1
                              and words[1][1] in _FUNCTION_TAGS
                              and len(_words(amount.unit[-1] + name)[0][0]) > 1)):
        return True  # 13亿人|口的…, 十亿人|民将…: the unit began a word, the name is its rest
    if any(w in _skip_words("run_on_verbs") for w, _ in _words(name)[1:]) or any(
            w in name[:-len(w)] for w in _skip_words("inner_predicates")):
        return True  # …实现|全流程检查, …保洁全覆盖|降尘量: a clause run into the name
    return (runs_on and not action and text.endswith(name, 0, clause[1])
            and not _verb_before(text, clause, amount))


def _amount_inside(name: str) -> bool:
    """True when a name holds an amount of its own that neither sets a class of what
    follows (超10亿元重大项目, 10亿元以上项目, 500米服务半径, 300万吨级) nor ends a
    share (…的): another measure run into the name (开行中欧班列2286列|增长7.7%,
    屋顶绿化1.2万平方米|公园绿地…覆盖率)."""
    if _unit_gate().search(name) is None:
        return False
    for inner in _find_amounts(name, 0, len(name)):
        if inner.end < len(name) and (
                inner.bound is not None or inner.unit.lstrip("万亿") in _skip_words("trait_units")
                or name.startswith(_skip_words("class_marks"), inner.end)):
            continue
        return True
    return False


def _clause_inside(name: str) -> bool:
    """True when a part of a listed name before its last 、 ends with a verb of the tables:
    a clause of its own run into the name (污水处理设施全覆盖、|生活垃圾无害化处理率,
    “青海三文鱼”公共品牌正式发布、|出口)."""
    if "、" not in name:
        return False
    verbs = _verb_words()
    for part in name.split("、")[:-1]:
        words = _words(part)
        if len(words) > 1 and (words[-1][0] in verbs or part.endswith(_skip_words(
                "tail_predicates"))):
            return True
    return False


#: A span of years inside a name (五年内, 近三年, 今后五年, 两年): it belongs to the period
#: (三年行动, 五年规划, 十年一遇 name things and stay).
_YEAR_SPAN = re.compile(r"(?<![\d.A-Za-z第])(?:今后|近|过去|前)?[两二三四五六七八九十\d]{1,2}年"
                        r"(?:内|中|间|来|里)?(?![行规计攻期级制一度])")


@functools.lru_cache(maxsize=1)
def _compared_re() -> re.Pattern[str]:
    return re.compile(_alternation(sorted(_skip_words("compared_times"), key=len, reverse=True)))


def drop_compared(name: str) -> str:
    """A name without the comparison it ends with, before its change word (油料产量比上年|增加
    → 油料产量增加, 工业总产值比去年同期 → 工业总产值); other comparisons stay (and make the
    name ``unreadable``)."""
    found = _compared_re().search(name)
    if found is None or found.start() == 0:
        return name
    rest = name[found.end() :]
    if rest and rest not in _skip_words("growth_words"):
        return name
    return name[: found.start()] + rest


def drop_year_end(name: str) -> str:
    """A name without the year it ends with (农业总产值一九八一年|比一九八○年增长…: the year
    dates the value, it is not part of its object)."""
    last = max(year_re().finditer(name), key=lambda m: m.start(), default=None)
    rest = _tidy(name[: last.start()]) if last is not None and last.end() == len(name) else ""
    # 普通高等学校在校学生由|一九八○年的…: a start whose object is read with its change
    return rest if len(rest) >= 2 and not rest.endswith(("由", "从")) else name


_CHINESE_NUMERAL_END = re.compile("[零〇○一二两三四五六七八九十百千]{2}$")
_UNIT_END = re.compile("[万亿](?:美)?元$")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


@functools.lru_cache(maxsize=32768)
def unreadable(name: str) -> bool:
    """True when a name cannot be read as a noun phrase naming an object (see the module
    notes; the words are the ``compared_times``, ``time_leads``, ``clause_words``,
    ``anaphora_words``, ``compare_preps``, ``time_tails`` and ``object_taking_verbs``
    tables)."""
    tagged = _words(name)
    words = [w for w, _ in tagged]
    if _compared_re().search(name) or name.startswith(_skip_words("time_leads")):
        return True  # 比上年产值, 上半年产值: a comparison or a part of the year in the name
    if any(w in _skip_words("clause_words") or w in _skip_words("anaphora_words")
           for w in words):
        return True  # 现有企业而引进的…, 中央财政将投入, 用于这些方面的经费
    if any(tag == "uz" for _, tag in tagged):
        return True  # (你们)代表|着|全国: a verb phrase, not a noun
    if _BRACKETED.fullmatch(name):
        return True  # (61万套)（间）: an alternative unit in brackets, not an object
    if _UNIT_END.search(name):
        return True  # (产值突)破千亿元: a measure cut off by a line break, not a noun
    if _CHINESE_NUMERAL_END.search(name):
        return True  # 一九八○比一九: a number (a year) cut off, not a noun
    for i, (word, _) in enumerate(tagged[:-1]):
        if (word in _skip_words("compare_preps") and not (i and words[i - 1].endswith("占"))
                and (tagged[i + 1][1] in ("t", "m") or tagged[i + 1][0] in _skip_words(
                    "time_tails"))):
            return True  # 比上年产值, …比去年同期, …由上年 (占比 stays)
        if (i and word == "比" and not words[i - 1].endswith("占")
                and tagged[-1][1] == "v"):
            return True  # 增幅比一季度回落, 全国财政比年度预算超收: a comparison and its verb
    if _YEAR_SPAN.search(name):
        return True  # 五年内…, 两年平均每年递增, 居民人均可支配收入五年
    if words[0] in _skip_words("verb_leads") or any(
            w in _skip_words("inner_times") for w in words[1:]):
        return True  # 领取养老金, 代发地方债, 可使…: a predicate; 大寨去年平均每人…: a time
    if any(w in _skip_words("degree_adverbs") and tagged[i + 1][1] == "a"
           for i, w in enumerate(words[:-1])):
        return True  # 实力比较雄厚: an adjective phrase (not 比较优势产业)
    if len(words) > 1 and _place_listed(name):
        return True  # 中央部门和北京: a place listed as a part of the object
    if len(words) > 1 and (words[-1] in _skip_words("time_tails")
                           or words[-1] in _skip_words("object_taking_verbs")):
        return True  # 国家外汇储备年底, “五五”时期, 中央财政拿出, 上升到今年
    if len(words) > 2 and words[-2] == "在" and words[-1] in _skip_words("compared_wholes"):
        return True  # 区政府机关办公区在全市(率先实现100%绿电使用): where, not what
    if len(words) > 1 and words[-1] in _skip_words("source_tails"):
        return True  # (据…)84个地方企业的统计: the source of the figures, not an object
    return len(words) > 1 and words[-1] == "占"  # 灾后恢复重建占: the share lost its base


def _place_listed(name: str) -> bool:
    """True when the last part of a listed name (A和B, A、B) is a place below the country
    (中央部门和北京; not 喀喇沁旗、鄂伦春自治旗项目, 国家和地区)."""
    parts = re.split(r"[、和及与]", name)
    place = resolve_one(parts[-1]) if len(parts) > 1 and len(parts[-1]) > 1 else None
    return place is not None and place.level != "national"


def owned_rate(text: str, clause: int, name: str, before: str | None) -> str:
    """A lone rate (``owned_rates``) right after a count names the rate of what was
    counted: 受理市民热线诉求28.05万件，|平均解决率96.1%、满意率96.6% → 市民热线诉求平均
    解决率, 市民热线诉求满意率. Other names are returned as they are."""
    rates = _skip_words("owned_rates")
    if name not in rates or not before:
        return name
    owner = next((before[: -len(r)] for r in rates if before.endswith(r) and before != r),
                 None)  # the rate before it in the same list (…平均解决率、|满意率)
    if owner is None and _after_amount(text, clause) and not before.endswith("率") and (
            len(_find_amounts(text, last_of(text, "。，,；;", 0, clause - 1) + 1,
                              clause)) == 1):
        owner = before  # …but not after 建议321件、提案526件，|办复率均达100%: of both
    return owner + name if owner else name


_BASE_ESTIMATE = re.compile(r"(?:比|较|同)(?:" + year_re().pattern + "|上年|去年)预计")


def base_estimated(text: str, start: int, pos: int) -> bool:
    """True when every 预计 before ``pos`` in the sentence estimates a compared base (棉纱
    产量286.5万吨，比1980年预计增加9万吨; 拟投入…2930亿元，比上年预计数增加439亿元: the plan's
    change over this year's estimate)."""
    count = text.count("预计", start, pos)
    return count > 0 and len(_BASE_ESTIMATE.findall(text, start, pos)) == count


def proposed(head: str) -> bool:
    """True when the words before a value in its clause propose it (拟增加, 拟安排: 拟 as a
    word of its own, not in 虚拟, 模拟): a plan of the report's year."""
    return "拟" in head and any(w == "拟" for w, _ in _words(head))


def _verb_before(text: str, clause: tuple[int, int], amount: Amount) -> bool:
    """True when words before the amount in its clause may govern it: anything but a
    place or a preposition (京津冀|1053个…, 为|200多家…), or, for a clause opening with
    the amount, a clause stating an amount right before (建设24个滑冰场，|26个健身中心)."""
    words = [(w, t) for w, t in _words(_tidy(text[clause[0] : amount.start])) if t != "p"]
    head = "".join(w for w, _ in words)
    if not head:
        return _after_amount(text, clause[0])
    return resolve_one(head) is None


@functools.lru_cache(maxsize=1)
def _period_words() -> tuple[re.Pattern[str], frozenset[str]]:
    """Words naming the years a passage is about: past ones (这五年, 一年来) and future ones
    (今后五年, 到2030年), and the set of the past ones."""
    vocab = vocabulary()
    words = [*vocab["review_words"], *vocab["future_words"]]
    return re.compile(_alternation(sorted(words, key=len, reverse=True))), frozenset(
        vocab["review_words"])


def reviewed(text: str, begin: int, at: int) -> bool:
    """True when the last words naming years before ``at`` in its paragraph name past
    ones: a review inside a plan part (这五年，…增加到5.67万亿元)."""
    pattern, past = _period_words()
    found = [m.group(0) for m in pattern.finditer(text, begin, at)]
    return bool(found) and found[-1] in past


# The period a value's own words give ------------------------------------------------------

_YEAR_WORD = re.compile(r"今年|明年|去年|本年|上年")
#: A year compared with the one before (1979年比上年): what follows is of that year.
_LAST_COMPARED = re.compile(year_re().pattern + r"(?:比|较|同)(?:上年|去年|上一年)")


@functools.lru_cache(maxsize=1)
def _plan_span() -> re.Pattern[str]:
    """Words naming the years of a five-year plan (第六个五年计划期间, 这个期间)."""
    return re.compile(_alternation(vocabulary()["plan_span_words"]))


def _compared_base(text: str, start: int, pos: int) -> tuple[int, int] | None:
    """The last comparison base year before ``pos`` (同1952年相比, 与一九八○年比较, 比2002年):
    where it is written and the year."""
    found: tuple[int, int] | None = None
    for match in year_re().finditer(text, start, pos):
        before = text[max(start, match.start() - 1) : match.start()]
        if before in ("比", "较", "同", "与") or text.startswith(("相比", "比较"), match.end()) or (
                before == "是" and _MULTIPLE_OF.match(text, match.end())):
            found = (match.start(), year_of(match))  # (分别)是2007年的1.8倍: a base too
    return found


def own_period(text: str, year: int | None, para: tuple[int, int], clause: tuple[int, int],
               pos: int, period: int | None, free: bool, spans: bool, growth: bool,
               planned: bool) -> int | None:
    """The period of an open fact at ``pos`` once its own words are read (precision first:
    None rather than a wrong year). ``clause`` is (its sentence's start, its clause's start);
    ``period`` the one found so far; ``free`` when only its paragraph being about several
    years cleared it; ``spans`` when its clause names a span (五年共); ``growth`` when it is
    a change (%, 倍); ``planned`` when it is a target.

    * a change from a base more than a year before (1980年同1952年相比…增长八点一倍,
      比一九八○年增长…；原煤…增长百分之十二点九): over several years, none;
    * a year its own clause names (2007年中、高等职业教育在校生…), or a clause of the year
      alone just before it (2007年，国内生产总值达到…): that year;
    * a deadline opening its full-stop sentence (到一九八五年，…；原煤七亿吨): that year;
    * 今年 in its sentence (预计今年…超过1170万人): the report's year;
    * a target under a five-year plan's years named in its paragraph, no year since (这个期间
      …计划为三千六百亿元): none.
    """
    if year is None:
        return period
    if growth and _SUMMED_CHANGE.search(text, clause[1], pos):
        return None  # 能耗强度累计下降17.3%, 居民人均可支配收入五年增长30.8%: over years
    full = max(text.rfind("。", para[0], clause[0]) + 1, para[0])
    changed = growth or _CHANGED_SINCE.search(text, clause[1], pos) is not None
    base = _compared_base(text, full, pos) if changed else None
    if base is not None:
        # (到一九八五年…将从一九八○年的…增加到…；)在校学生…比一九八○年: the value's year
        # is the last one named before the base that is not a base or a start itself
        earlier = [year_of(m) for m in year_re().finditer(text, full, base[0])
                   if _BASE_BEFORE.search(text, max(full, m.start() - 1), m.start()) is None
                   and not text.startswith(cue_words("not_dating_after_year"), m.end())]
        named = earlier[-1] if earlier else None
        if base[1] < (named or period or year) - 1:
            # 一九八二年预计同一九八○年比较，棉花增长…; 1992年同1987年相比…增长: a change
            # over several years is no one year's (a year's growth read from it would be wrong)
            return None
    last = max(_LAST_COMPARED.finditer(text, clause[0], pos), key=lambda m: m.start(),
               default=None)
    if last is not None and year_of(last) < year:
        return year_of(last)  # 1979年比上年…利润增长33% (in the 1980 report): of 1979
    own = explicit_year(text, clause[1], pos)
    if own is not None and _base_years_only(text, clause[1], pos, own):
        own = None  # …，是2010年的2.2倍: the base, not the value's year
    # …年均增长5.2%、2025年达到512亿元: a year in the value's own clause dates
    # it even in a passage about several years
    compared = _compared_base(text, clause[1], pos) if own is not None else None
    # (2025年总量比2020年增加超7400亿元: a change over five years stays undated)
    in_clause = own is not None and (compared is None or compared[1] >= own - 1)
    alone = year_re().match(text, clause[0])
    if own is None and alone is not None and text.startswith(("，", ","), alone.end()) and (
            alone.end() + 1 == clause[1]):
        own = year_of(alone)
        # 1997年，城镇居民人均可支配收入达到5160元，五年来年均实际增长6%: the lone year dates
        # the clause after it, whatever years the sentence names later
        in_clause = not (has_cue_in(text, clause[1], pos, "multi_year_paragraph")
                         or has_cue_in(text, clause[1], pos, "multi_year_sentence"))
    if own is None and (by := _DEADLINE_LEAD.search(text, clause[0], clause[1])):
        own, in_clause = year_of(by), True  # (…，)而到2010年，|全市人均生产总值预计达到…
    if own is not None and own > year and in_clause and planned and future_target(
            year, own, plan_horizon(text, para[0], pos)) is not None:
        return own  # (…未来五年…:)而到2010年，全市人均生产总值预计达到1万美元
    if own is not None:
        # (“八五”期间，…，)到1995年底全国发电装机容量达到…: a year of the value's own clause
        # holds over a span named in an earlier clause
        alone_own = in_clause and _YEARS_SPAN.search(text, clause[1], pos) is None and (
            _plan_span().search(text, clause[1], pos) is None) and (
            explicit_year(text, clause[1], pos) == own)
        return own if (free or in_clause) and (not spans or alone_own) and own <= year else (
            period)
    if relative_year(text, clause[1], pos) == "this" and not _YEARS_SPAN.search(
            text, clause[1], pos):
        return year  # (…今年和未来五年…:)今年广州的地区生产总值预期增长12%
    if spans:
        return period
    own_last = relative_year(text, clause[1], pos) == "last" and "以来" not in text[clause[1]:pos]
    if period is None and (own_last or (free and relative_year(
            text, clause[0], clause[0] + 2) == "last")):
        # (这五年，…。)去年对外贸易总额达到2.97万亿美元; 去年城镇居民可支配收入26500元，…，
        # 年均分别增长8.7%…: that year, whatever years the sentence names after it
        return year - 1
    opened = None if growth or planned else _run_year(text, full, clause[1], pos)
    if opened is None and not (growth or planned) and relative_year(text, full, pos) is None:
        opened = paragraph_run_year(text, para[0], full, pos)
    if opened is None and free and not (growth or planned):
        opened = opening_year(text, full, pos, year)  # (过去五年…)1987年来华…，创汇…
    if opened is None and not (growth or planned or spans):
        opened = colon_lead_year(text, full, pos, year)  # …一九五四年预计产量…：…；原煤…
    if opened is not None and opened <= year:
        return opened  # (这五年，)2025年，实现…；规模以上工业增加值1615亿元: the run's year
    if period is not None and period < year - 1 and _base_years_only(text, full, pos, period):
        # (资金…，是2010年的2.2倍，)全年…建成432万套: 2010 is a base, not its year; the
        # report's own dating holds (a review: the year before the report's)
        return year if planned else year - 1
    # 计划规定，到一九八五年，…。其中，出口总额将达到四百零二亿元: a sentence opening with 其中
    # goes on with the one before, and its deadline
    lead = max(text.rfind("。", para[0], full - 1) + 1, para[0]) if text.startswith(
        "其中", full) else full
    deadline = deadline_year(text, lead, pos)
    loose = clause_deadline(text, lead, pos) if planned and not growth and (
        _CHANGE_HEAD.search(text, clause[1], pos) is None) else None
    if loose is not None and explicit_year(text, lead, pos) is None and future_target(
            year, loose, plan_horizon(text, para[0], pos)) is not None:
        return loose  # 到一九八五年全日制高等学校招生数将从…；在校学生达到一百三十万人
    if deadline is not None and explicit_year(text, lead, pos) == deadline and future_target(
            year, deadline, plan_horizon(text, para[0], pos)) is not None:
        return deadline
    if planned and not growth and reached_level(text, clause[1], pos) and explicit_year(
            text, full, pos) is None and (run := paragraph_run_year(
            text, para[0], full, pos)) is not None and future_target(
            year, run, plan_horizon(text, para[0], pos)) is not None:
        # 到一九五七年，铁路货物周转量将达到…。内河轮驳船…将达到…: a level that year reaches
        # (not a flow over the plan's years: …港口建设一百三十二个深水泊位)
        return run
    if period is None:
        return None
    if relative_year(text, clause[0], pos) == "this":
        return year
    stop = text.find("。", pos, para[1])
    if planned and any(w in text[pos : para[1] if stop < 0 else stop]
                       for w in _skip_words("plan_span_after")):
        return None  # …一百个课题进行攻关，争取…在第六个五年计划期间取得成果
    last = max(_plan_span().finditer(text, max(para[0], pos - RUN_REACH), pos),
               key=lambda m: m.start(), default=None)
    if planned and last is not None and year_re().search(text, last.end(), pos) is None and (
            _YEAR_WORD.search(text, last.end(), pos) is None):
        return None
    return period


#: A deadline standing alone as the clause right before the value's (…，而到2010年，|…).
_DEADLINE_LEAD = re.compile(r"(?:^|(?<=[，,；;：:]))(?:而|并|并且|同时)?(?:到|至)(?:"
                            + year_re().pattern + r")(?:底|末)?[，,]\s*$")


#: A count changed since a base right before the value in its clause (比2007年净增|65家).
_CHANGED_SINCE = re.compile(r"(?:比|较)[^，,；;。]{1,12}(?:增加|净增|新增|增长|减少|下降|提高|降低"
                            r"|扩大|缩小|多|少)了?$")


#: A change before the value in its clause (即增产五百七十八亿斤): an amount added, not the
#: level a deadline dates.
_CHANGE_HEAD = re.compile(r"增产|减产|增加|增长|减少|下降|降低|提高|节约|新增")


#: A change summed over years right before the value (累计下降, 五年增长).
_SUMMED_CHANGE = re.compile(r"(?:累计|(?<![\d〇○零一二三四五六七八九])[两三四五六七八九十]年)"
                            r"(?:下降|降低|提高|增长|减少|上升|翻番|翻一番)了?$")


#: A year printed as the base of a comparison (是2010年的2.2倍, 比2010年, 较2010年).
_BASE_YEAR = re.compile(r"(?:是|为|比|较|同|与)$")
_MULTIPLE_OF = re.compile(r"的[\d.一二三四五六七八九十点]+倍")


def _base_years_only(text: str, start: int, pos: int, period: int) -> bool:
    """True when ``period`` is printed before ``pos`` in its sentence only as the base of a
    comparison (是2010年的2.2倍, in its clause or before it): the value is not dated by it."""
    found = [m for m in year_re().finditer(text, start, pos) if year_of(m) == period]
    return bool(found) and all(
        _MULTIPLE_OF.match(text, m.end()) is not None or (
            _BASE_YEAR.search(text, max(start, m.start() - 1), m.start()) is not None
            and text[m.start() - 1] not in "是为") for m in found)  # (最高年份)是一九四三年


#: A year standing alone as a clause (…，2021年，实现…): it opens a run of figures.
_RUN_OPENER = re.compile(r"(?:^|(?<=[，,；;：:。\s]))(?:(?:19|20)\d{2})年(?=[，,])")
#: A year printed as a base before it (由2020年的, 比2020年): not a year of its own.
_BASE_BEFORE = re.compile(r"(?:是|为|比|较|同|与|由|从)$")


def _run_year(text: str, full: int, clause: int, pos: int) -> int | None:
    """The year of a clause standing alone (2021年，) before the value's clause in its
    full-stop sentence: a run of levels opened by its year is of that year, as long as no
    other year is printed since except as a base (是2020年的1.3倍, 由2020年的…)."""
    last = max(_RUN_OPENER.finditer(text, full, clause), key=lambda m: m.start(), default=None)
    if last is None:
        return None
    if not _only_bases(text, full, last.end(), pos):
        return None
    return int(text[last.start() : last.start() + 4])


def _only_bases(text: str, floor: int, start: int, end: int, same: int | None = None) -> bool:
    """True when every year printed in ``text[start:end]`` stands as a base (是2020年的1.3倍,
    由2020年的…) or is the run's own year ``same`` again, so a run opened before ``start``
    goes on; ``floor`` bounds the look-back."""
    return all(_BASE_BEFORE.search(text, max(floor, m.start() - 1), m.start()) is not None
               or text.startswith("的", m.end()) or year_of(m) == same
               for m in year_re().finditer(text, start, end))


#: What a sentence opener comes right after (the look-behind of ``_sentence_opener``); what
#: it begins with is given where it is sought (到, 至, 截至, 预计 or a year's first digit).
_SENTENCE_STOPS = "。；;！？!?\n"


@functools.lru_cache(maxsize=1)
def _sentence_opener() -> re.Pattern[str]:
    """A year opening a sentence of a paragraph as the year of what follows: alone in its
    clause (2016年，到2017年底，) or estimated (预计2016年地区生产总值…)."""
    one = year_re().pattern
    return re.compile(rf"(?:^|(?<=[。；;！？!?\n]))(?:(?:到|至|截至|预计|在)?(?:{one})"
                      rf"(?:底|末)?(?=[，,])|预计(?:{one})(?!以来|来|起|以后|前|后|[到至—－-]))")


def paragraph_run_year(text: str, para: int, full: int, pos: int) -> int | None:
    """The year opening a sentence earlier in the paragraph (or the value's own, from
    ``full``), when no other year is printed since but as a base (是2011年的2.2倍): a run of
    levels after 预计2016年… or 到2017年底，… is of that year."""
    last = last_opening(_sentence_opener(), text, max(para, pos - RUN_REACH), pos,
                        _SENTENCE_STOPS, "到至截预在12一二")
    if last is None:
        return None
    found = year_re().search(text, last.start(), last.end())
    if found is None:
        return None
    if not _only_bases(text, para, last.end(), pos, year_of(found)):
        return None
    own = max(full, *(text.rfind(c, full, pos) for c in "；;"))  # the value's ；-sentence
    if _RUN_SPAN.search(text, last.end(), pos) or "累计" in text[own:pos] or (
            any(not m.group(0).startswith("年均")  # (年均增长9%;) a level after: runs on
                for m in _multi_year_res()[1].finditer(text, last.end(), pos))) or any(
            text[m.start() - 1] not in "比较同与" for m in _YEAR_WORD.finditer(
                text, last.end() if last.start() > para else full, pos)):
        return None  # 今年…, 两年来…: the run has ended (not 比上年)
    return year_of(found)


def run_before(text: str, para: int, sentence: int, pos: int, year: int | None) -> int | None:
    """The earlier year a value read as a target of the report's year belongs to, when a
    run of its paragraph opened by that year reaches it and its own sentence names no year,
    no target and no 今年 (1984年，…。全年施工的更新改造项目七万四千个, in the 1985 report)."""
    if year is None or explicit_year(text, sentence, pos) is not None or has_cue_in(
            text, sentence, pos, "target_cues") or proposed(text[sentence:pos]) or (
            _SPAN_BASE.search(text, sentence, pos)):
        return None
    opened = paragraph_run_year(text, para, sentence, pos)
    if opened is None:
        opened = _full_stop_year(text, para, sentence, pos)
    return opened if opened is not None and opened < year and relative_year(
        text, sentence, pos) is None else None


#: A comparison with a time several years before (同解放前比较，…增加了七十九倍): a change
#: over those years, of no one year.
_SPAN_BASE = re.compile(r"(?:同|与|和|跟)(?!上年|去年|上一年|(?:19|20)\d\d年"
                        r"|[一二][〇○零一二三四五六七八九]{3}年)[^，,；;。]{1,8}(?:相比|比较)")


def _full_stop_year(text: str, para: int, sentence: int, pos: int) -> int | None:
    """The year an earlier clause of the value's full-stop sentence is of, when the value
    stands in a later clause after a semicolon (一九五四年工业总产值比一九五二年增长了百分之五十三
    点七；重要产品的产量都有显著增长，如…水泥增长百分之六十一, in the 1955 report): no other
    year printed since but as a base, no span and no 今年 or 去年 since."""
    full = max(text.rfind("。", para, sentence) + 1, para)
    if full >= sentence:
        return None
    found = explicit_year(text, full, sentence)
    if found is None or has_cue_in(text, full, pos, "target_cues"):
        return None
    since = max(m.end() for m in year_re().finditer(text, full, sentence)
                if year_of(m) == found)
    if _RUN_SPAN.search(text, since, pos) or _YEARS_SPAN.search(text, since, pos) or any(
            text[m.start() - 1] not in "比较同与" for m in _YEAR_WORD.finditer(text, since, pos)):
        return None
    return found


def summed_over_years(doc: Document, para: _Span, sentence: int, pos: int,
                      clause: int | None = None) -> bool:
    """累计 before the value in its sentence, under a heading naming several years and no
    one year (过去四年工作回顾: 累计新建便民商业网点21家): a sum
    over those years, not the last one's."""
    if "累计" not in doc.text[sentence:pos] or opens_single_year(doc, para):
        return False  # (过去五年…)2025年，…累计完成: that year's running total
    if clause is not None and "累计" not in doc.text[clause:pos] and reached_level(
            doc.text, clause, pos):
        return False  # (…累计新增…，)到1995年底全国发电装机容量达到…: a level of its own
    words = cues()["multi_year_paragraph"]
    return any(_YEARS_SPAN.search(t) is not None or any(w in t for w in words)
               for t in doc.section_path(doc.section_at(para.start))
               if not _ONE_YEAR.search(t))


_ONE_YEAR = re.compile(r"(?:19|20)\d{2}年")


#: A clause about several years (力争3年内, 近5年来, 未来两年, 今后八年, 近三年, 前四年累计):
#: no one year's value (not the year 1987年|来华…).
_YEARS_SPAN = re.compile(r"(?:(?<!\d)(?:[2-9]|\d{2})|[两三四五六七八九十])年"
                         r"(?:内|间|中|共|来(?!华)|累计)"
                         r"|未来[两三四五]年"
                         r"|(?:今后|近|过去|用|这)[2-9两三四五六七八九十]年|前[2-9两三四五六七八九十]年累计"
                         r"|平均每年|每年平均|(?<![人生户亩])每年(?=[增新减提安建])")
#: Years already past (近三年, 过去五年): what they hold was done.
_PAST_SPAN = re.compile(r"(?:近|过去)[2-9两三四五六七八九十]年")
#: Years ahead or summed, anywhere before the value in its sentence (今后三年…，其中…;
#: “十一五”前四年累计…; 按照十年规划，在这十年里，…): no one year's value.
_AHEAD_SPAN = re.compile(r"(?:今后|未来)[2-9两三四五六七八九十]年|前[2-9两三四五六七八九十]年累计"
                         r"|这[2-9两三四五六七八九十]年[里内中间]")


@functools.lru_cache(maxsize=1)
def _year_range() -> re.Pattern[str]:
    """Two years joined as a range (从一九七九年到一九八一年, 2003年到 2007年) or as a pair
    (在一九五三年和一九五四年的…投资: the two years')."""
    one = year_re().pattern
    bare = r"(?<!\d)(?:19|20)\d{2}"  # 从1979至1981年: no 年 after the first year
    return re.compile(rf"(?:{one}|{bare})\s*(?:到|至|—|－|-)\s*{one}|{one}(?:和|、){one}")


def years_spanned(text: str, sentence: int, clause: int, pos: int,
                  year: int | None = None, para: int | None = None) -> tuple[bool, bool]:
    """(whether the value at ``pos`` is over several years, whether they are past ones).

    Its clause names a span (3年内, 近三年); or its sentence's opening clause does, with
    no other year word since (近三年累计，…，…分别减少6.61%和8.95%; 五年内预计…，在农村
    新建…; not 太湖…30年来首次达…，建成幸福河湖…); or its sentence names a range of
    years (从一九七九年到一九八一年，…, past ones when they end before the report's
    ``year``); or years ahead or summed stand anywhere before it in the sentence (今后三年
    …，其中…); or the clause just before it is a span alone (争取用三年时间，|解决750万户…);
    or past years (两年来) open a sentence earlier in its paragraph (from ``para``) with no
    year word since (两年来…。已建成的主要有：…；增加铁路新线1423公里). ``sentence`` is where its
    full-stop sentence starts (its clauses after a semicolon share its opening)."""
    head = text[clause:pos]
    spans = "年" in head and _YEARS_SPAN.search(head) is not None
    past = spans and _PAST_SPAN.search(head) is not None
    if not spans:  # a span opening the sentence (近三年累计，…), no year word since
        opening = min((i for i in (text.find("，", sentence, pos), text.find(",", sentence, pos),
                                   text.find("：", sentence, pos), text.find(":", sentence, pos))
                       if i >= 0), default=pos)
        last = _YEARS_SPAN.search(text, sentence, opening)
        spans = last is not None and "年" not in text[last.end() : pos] and not (
            text[last.end() : last.end() + 4].lstrip("来的").startswith(
                _skip_words("record_marks")))  # 30年来首次达…: a record
    span = _year_range().search(text, sentence, pos)
    ends = [year_of(m) for m in year_re().finditer(span.group(0))] if span else []
    if ends and year is not None and ends[-1] < year:
        past = True  # 从一九六六年到一九七六年的十一年中，…；(1978 report) done
    spans = spans or span is not None or _AHEAD_SPAN.search(text, sentence, pos) is not None
    before = max(text.rfind("，", sentence, clause - 1), text.rfind(",", sentence, clause - 1),
                 text.rfind("；", sentence, clause - 1), text.rfind(";", sentence, clause - 1)) + 1
    if not spans and before > 0 and (found := _YEARS_SPAN.search(text, before, clause)):
        # (the span looked for before the amounts: none, and no amount need be looked for)
        spans = not has_amount(text, before, clause) and _spanned(text, found, pos)  # 用三年时间，
    if not spans and para is not None:
        last = last_opening(_RUN_SPAN, text, max(para, pos - RUN_REACH), pos, "。；;：",
                            "23456789两三四五六七八九十近过", para)
        spans = past = last is not None and "年" not in _RUN_SPAN.sub(
            "", text[last.end() : pos]) and _spanned(text, last, last.end())  # 两年来，…
    return spans, past


#: Past years a paragraph may run on (两年来, 近三年, 过去五年).
_RUN_SPAN = re.compile(r"[2-9两三四五六七八九十]年来|(?:近|过去)[2-9两三四五六七八九十]年")


def _spanned(text: str, found: re.Match[str] | None, pos: int) -> bool:
    """True when a span ``found`` before ``pos`` reaches it: no year word since, and no
    record (30年来首次)."""
    return found is not None and "年" not in text[found.end() : pos] and not (
        text[found.end() : found.end() + 4].lstrip("来的").startswith(
            _skip_words("record_marks")))


def later_year(doc: Document, sentence: int, pos: int, period: int | None,
               kind: str) -> int | None:
    """The period of a target the report's own year was given, when its words or its
    section are about the next year: 明年 before it in its sentence (明年能源生产计划增长…),
    or the section's title naming the next year (二、1981年国民经济计划的任务和主要指标 in
    the 1980 report) with no year in its sentence."""
    year = doc.year
    if kind != "target" or year is None or period != year or explicit_year(
            doc.text, sentence, pos) is not None or _spoken_year_before(doc):
        return period  # (a report of 2014 delivered on 2013-12-26:) 明年 is 2014
    head = doc.text[sentence:pos]
    at = head.rfind("明年")
    if at >= 0 and not (at and head[at - 1] in "比较同与"):
        return year + 1
    if section_year(doc, pos) == year + 1 or _last_year_named(doc, pos) == year + 1:
        return year + 1
    return period


def _spoken_year_before(doc: Document) -> bool:
    """True when the report of its year was delivered late in the year before (a district's
    report for 2014 read on 2013-12-26): its 明年 is the report's own year."""
    return bool(doc.date and doc.year and doc.date[:4].isdigit()
                and int(doc.date[:4]) == doc.year - 1)


#: A year named in its paragraph: written out, or 明年 / 今年 (not as a base: 比今年, 由今年).
_NAMED_YEAR = re.compile(year_re().pattern + "|明年|今年")


def _last_year_named(doc: Document, pos: int) -> int | None:
    """The year last named before ``pos`` in its paragraph, not as a base nor as a deadline
    (到明年底): 1982年的计划，…比今年增长4%左右。…要求消费部分增长5.7% (1982)."""
    start = doc.text.rfind("\n", 0, pos) + 1
    year = doc.year
    for match in reversed(list(_NAMED_YEAR.finditer(doc.text, start, pos))):
        if match.start() > start and doc.text[match.start() - 1] in "比较同与由从到至":
            continue
        if _COMPARED_IN_CLAUSE.search(doc.text, max(start, doc.text.rfind(
                "，", start, match.start()) + 1), match.start()):
            continue  # 比五年计划原定1957年…的水平超过: a level compared with, not a year named
        word = match.group(0)
        if word == "明年":
            return year + 1 if year is not None else None
        if word == "今年":
            return year
        return year_of(match)
    return None


#: A comparison opening the clause before a year (比五年计划原定1957年的水平): the year is a
#: base, however many words stand between.
_COMPARED_IN_CLAUSE = re.compile(r"[比较](?!上年|去年|今年)")


def vague_fund(text: str, sentence: _Span, amount: Amount, name: str) -> bool:
    """True when a name is only a kind of money (资金, 专项补助资金, 经费), or one whose
    spender alone is printed (中央财政投入, 中央和地方投入) while the sentence says what it is
    for: before it (国家助学制度进一步完善，中央财政投入223亿元; 为继续落实…，2003年中央财政支出)
    or after it (…专项资金，主要用贴息方式支持企业技术改造). Such a name reads as all of that
    money; the money of one purpose is not named."""
    base = name[: -len(g)] if (g := _growth_word(name)) else name
    actor = next((a for a in _skip_longest("fund_actors") if base.startswith(a)), "")
    if base[len(actor) :] not in _skip_words("generic_funds"):
        return False
    if not actor:
        return True
    at = text.find(base, sentence.start, amount.end)
    before = text[sentence.start : at if at >= 0 else amount.start]
    return any(c in before for c in "，,；;：:") or any(
        w in text[amount.end : sentence.end] for w in _skip_words("fund_purposes"))
