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

Names are cut only at word boundaries (``open_words``: 对口支援 keeps its 对, 社区卫生服务中心
its 服务); the noun after an amount ends at its predicate (3家|银行|签订…); a comparison is
named with the object compared (集成电路产量…占全国); lists pair their i-th subject and value
with or without 分别 (``open_lists``).

Numbers counted but not read: ordinals (第3个), ranks (前10), numbers inside slogans in
quotation marks (“两个确立”, “31条”), and the single 一 (一批, 一个). All word lists live in
``baogao/data/commitments.json``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from baogao.extract.facts import _Span, iter_sentences, timing_at
from baogao.extract.open_amounts import Amount, _find_amounts, _in_quotes, _unit_gate, find_amounts
from baogao.extract.open_checks import (
    _YEAR_TITLE,
    _after_amount,
    _compared_re,
    _multi_year_paragraph,
    _multi_year_sentence,
    base_estimated,
    drop_compared,
    later_year,
    own_period,
    owned_rate,
    proposed,
    reviewed,
    run_before,
    summed_over_years,
    unreadable,
    unreliable,
    vague_fund,
    years_spanned,
)
from baogao.extract.open_lists import (
    _list_parts,
    _parts_named,
    _strip_growth,
    bare_run,
    respectively,
)
from baogao.extract.open_owners import owned
from baogao.extract.open_words import (
    _action_index,
    _actions,
    _after_last_action,
    _alternation,
    _comparison_leads,
    _cuts,
    _growth_word,
    _head_words,
    _list_cut,
    _list_name,
    _longest_first,
    _mid_verb,
    _post_phrase,
    _skip_longest,
    _skip_words,
    _strip_lead,
    _strip_tail,
    _tail_predicate,
    _tidy,
    _verb_words,
    _words,
    change_named,
    key_of,
    trim_name,
    vocabulary,
)
from baogao.models import Document, Fact, Role
from baogao.read.regions import resolve_one

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
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SHARE_INSIDE = re.compile(r"\d\s*(?:%|％|个百分点)\s*[\u4e00-\u9fff]")


@functools.lru_cache(maxsize=1)
def _scope_tables(
) -> tuple[tuple[str, ...], tuple[str, ...], re.Pattern[str], tuple[str, ...]]:
    """Scope words (longest first), place blockers, the place-name pattern and the action
    words of ``_scope``."""
    vocab = vocabulary()
    suffixes = _alternation(vocab["place_suffixes"])
    return (tuple(_longest_first(vocab["scopes"])), tuple(vocab["place_blockers"]),
            re.compile(rf"[\u4e00-\u9fff]{{2,5}}?(?:{suffixes})"), tuple(_actions()))


def _scope(clause_head: str) -> str | None:
    scopes, blockers, places, actions = _scope_tables()
    for word in scopes:
        if word in clause_head:
            return word.strip("“”")
    for match in places.finditer(clause_head):
        place = match.group(0)
        if any(b in place for b in blockers) or place.startswith(("全", "各", "本")):
            continue
        if _in_quotes(clause_head, match.start(), 0):
            continue
        for cut in range(len(place) - 2):
            candidate = place[cut:]
            if candidate.startswith(actions):
                continue  # 新建县域医疗次中心: 新建 is the action, not 新建县
            if resolve_one(candidate) is not None:
                return candidate
    return None


@dataclass(frozen=True)
class Reading:
    """The object, action and scope an amount is about."""

    name: str
    action: str | None
    scope: str | None
    #: The name ended in 由/从: the amount is where a change started.
    baseline: bool = False
    #: The object a comparison was named after (区属企业资产总额 of …占计划): the next
    #: value named by a change alone (同比下降2%) is of it, not of the comparison.
    carry: str | None = None


@functools.lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    vocab = vocabulary()
    return frozenset([*vocab["lead_noise"], *vocab["tail_noise"], *vocab["scopes"]])


#: A noun after a measure (7个|750千伏输变电工程): digits, a unit, then a noun.
_MEASURED_NOUN = re.compile(r"[\d.]+(?![万亿])[A-Za-z\u4e00-\u9fff]{1,3}?[\u4e00-\u9fff]{2,}")


@functools.lru_cache(maxsize=8192)
def _strip_verbs(name: str) -> tuple[str, str | None]:
    """Leading verbs of a name from the ``lead_verbs`` table, each a whole word (推广高产优质
    品种 → 高产优质品种, 优化重组全国重点实验室), followed by at least three characters of
    noun."""
    verb: str | None = None
    verbs = _skip_words("lead_verbs")
    listed = _LISTED_VERBS.match(name)
    if listed and len(name) - listed.end() >= 3 and all(
            _words(w)[0][1] == "v" for w in listed.group(0).split("、")):
        # 关停、转型、提升|住宿业企业: verbs listed before their one object
        verb, name = listed.group(0).split("、")[-1], name[listed.end() :]
    joined = None if listed else _JOINED_VERBS.search(name)
    pair = re.split("[、和]", joined.group(1)) if joined else []
    if joined and len(name) - joined.end() >= 3 and {0, joined.start(), joined.end(1)} <= {
            0, *_cuts(name)} and all(_words(w)[0] == (w, "v") or (
                i and w in {*_verb_words(), *_skip_words("tail_predicates")})
            for i, w in enumerate(pair)):
        # (国务院各部门)取消和调整|行政审批项目, 制定和颁布的|行政法规: the verbs' object
        verb, name = pair[-1], name[joined.end() :]
    while True:
        words = _words(name)
        if (len(words) == 1 and len(name) >= 4 and name[:2] in verbs
                and not name.startswith(_skip_words("verb_nouns"))
                and _words(name[2:])[0][1] in ("n", "nz", "l", "j")):
            return name[2:], verb or name[:2]  # 解决问题: one word of a verb and its object
        if (len(words) < 2 or words[0][0] not in verbs
                or (len(words[1][0]) < 2 and len(name) - len(words[0][0]) <= 3)
                or name.startswith(_skip_words("verb_nouns"))):  # 营造林任务 stays
            return name, verb  # 生产安全事故: a noun that opens with a verb
        rest = name[len(words[0][0]) :]
        noun = len(words) == 2 and len(rest) == 2 and words[1][1] in ("n", "nz", "l", "j", "vn")
        if (len(rest) < 3 and not noun) or rest[0] in "的了着过和及与、" or (
                words[1][1].startswith("n") and rest.startswith("的", len(words[1][0]))):
            # 生产|原油; 上缴国家的利润: the verb and its object modify (not 淘汰落后的…)
            return name, verb
        verb = verb or words[0][0]
        name = rest


_LISTED_VERBS = re.compile(r"(?:[\u4e00-\u9fff]{2}、)+[\u4e00-\u9fff]{2}")
_JOINED_VERBS = re.compile(r"((?:[\u4e00-\u9fff]{2}[、和])+[\u4e00-\u9fff]{2})的?")
#: A name that is only a time (2025年, 三季度, 年底): it names no object.
_TIME_ONLY = re.compile(r"(?:近|过去)?(?:(?:19|20)\d{2}年|[\d一二两三四五六七八九十]{1,2}年"
                        r"|\d{1,2}[到至-]|[一二三四]季度|[上下]半年|全年|\d{1,2}月)+(?:底|末|以来|前|的)?")
#: A basis alone (剔除房地产业后, 还原留抵退税口径后): the value's object is the one named
#: before.
_BASIS = re.compile(r"(?:剔除|扣除|还原|按)[\u4e00-\u9fff]{1,14}?后")
#: An alternative printed inside a word (新（改）建): read without it.
_INNER_ALT = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff][）)](?=[\u4e00-\u9fff])")
#: Part-of-speech tags of a word that cannot name an object alone: numerals (首批, 千亿),
#: pronouns (每天, 每人), times (首期), prepositions, adverbs, adjectives, conjunctions.
_NOT_NOUN_TAGS = frozenset({"m", "mq", "r", "t", "tg", "p", "d", "a", "ad", "c", "u", "f"})


@functools.lru_cache(maxsize=1)
def _growth_actions() -> frozenset[str]:
    return frozenset(_skip_words("growth_words"))


def _joined_action(match: re.Match[str]) -> str:
    """Drop an alternative in brackets when the characters around it make an action word
    (新（改）建 reads 新建); 因公出国（境）费用 keeps its brackets."""
    text, at, end = match.string, match.start(), match.end()
    if at > 0 and end < len(text) and text[at - 1] + text[end] in _action_index()[0]:
        return ""
    return match.group(0)


def _unsure(name: str) -> bool:
    """True when a name cannot be read with confidence: one word that is not a noun
    (a numeral, pronoun, time, adverb) or a verb naming what was done (整合, 就业: the
    ``verbs_alone`` and action tables), a measure without its object
    (``bare_names``) or a name still led by a verb (``lead_verbs``). Such a
    fact is not kept: a number shown under a wrong name is worse than a number left
    unnamed (the number stays in its sentence, without a fact)."""
    if name in _skip_words("bare_names"):
        return True  # 产值, 贡献率, 增量 alone: the object they measure is printed elsewhere
    if name.endswith(_skip_words("member_tails")):
        return True  # (成为)30个…试点地区之一: the count is of a set it belongs to
    words = _words(name)
    if all(tag in _NOT_NOUN_TAGS or tag == "b" for _, tag in words):
        return True  # 省级, 国家级 (和16家市级…), 更多: a modifier or an amount names nothing
    if words[0][0] in _skip_words("compare_words") and name[len(words[0][0]) :].startswith(
            _skip_words("compared_wholes")):
        return True  # 占全国, 高于全国: a comparison with nothing compared
    if words[0][1] == "p" and "的" not in name and not (
            words[0][0] == "在" and len(words) > 1 and len(words[1][0]) == 1):  # 在粤执业…
        return True  # 在此基础上, 向下游输送, 通过房票去化…: a preposition leads no object
    if len(words) != 1:
        # 协调解决问题: a name still opening with a verb of the tables names an action
        return (words[0][0] in _skip_words("lead_verbs") and len(words[0][0]) >= 2
                and len(words[1][0]) >= 2 and not name.startswith(_skip_words("verb_nouns")))
    return (words[0][1] in _NOT_NOUN_TAGS or name in _verb_words()
            or name in _skip_words("verbs_alone"))


#: Tags of the words of a short subject before an action (城镇|新增|就业).
_SUBJECT_TAGS = frozenset({"n", "nz", "ns", "l", "j", "b", ""})
#: Tags also allowed in the owner of a measure before 实现 (国有|及|国有|控股|工业企业,
#: 规模|以上|工业企业).
_OWNER_TAGS = frozenset({"c", "f", "v", "vn"})


def _subject_kept(source: str, name: str, action: str) -> str:
    """城镇新增就业, 高等教育新增学位: when the action leaves a short noun, a short noun
    phrase printed right before the action is part of the object (not a place: 广州新增学位
    names 学位 with the scope 广州)."""
    before = source[: len(source) - len(name) - len(action)]
    before = _strip_lead(_tidy(before))[0]  # 全年|城镇新建住宅
    run_on = action in _skip_words("run_on_verbs")
    if not 2 <= len(before) <= (14 if run_on else 6) or not source.endswith(
            before + action + name):
        return name
    tags = _SUBJECT_TAGS | _OWNER_TAGS if run_on else _SUBJECT_TAGS
    if run_on and _words(before)[-1][1] != "n":
        return name  # 国有及国有控股工业企业|实现|利润: a longer owner ends in its noun
    if (any(tag not in tags for _, tag in _words(before))
            or any(tag in _NOT_NOUN_TAGS for _, tag in _words(name))  # 突破|千亿
            or resolve_one(before) is not None
            or action in _not_names()
            or any(w in before for w in _not_names())):  # 专窗累计办结: 累计 is a scope
        return name
    # 工业企业|实现|利润: a verb of the run-on table is not part of the name
    return before + ("" if action in _skip_words("run_on_verbs") else action) + name


_NUMERAL_ENDS = frozenset("0123456789万亿千百余")
_NUMERAL_END = re.compile(r"\d[\d.]*[万亿千百]?余?$")
_CHANGE_UNITS = frozenset({"%", "‰", "倍", "个百分点"})


#: What may stand between listed values (、270元, 和485元/月): separators, digits, units.
_LISTED_VALUES = re.compile(r"(?:[、和及][\d.]+[\u4e00-\u9fff/%]{0,4})+")


def _listed_start(text: str, end: int, stop: int) -> bool:
    """True when the values listed after ``end`` lead to a change (从每人每月202元、270元
    提高到…): the value is a starting one."""
    if not text.startswith(("、", "和"), end):
        return False
    window = text[end : min(stop, end + 24)]
    for word in _skip_words("from_follow"):
        at = window.find(word)
        if at > 0 and _LISTED_VALUES.fullmatch(window, 0, at):
            return True
    return False


def _subject_of(head: str, name: str) -> str:
    """The projects a bare 投资 belongs to, printed before its action in the clause
    (“十百千万”工程项目完成投资: “十百千万”工程项目), or "" when none is printed."""
    at = head.rfind(name)
    subject, _ = _strip_tail(_tidy(head[:at]) if at > 0 else "")
    subject = _tidy(subject)
    noise = _skip_words("lead_noise")
    while subject.startswith(noise):  # 力争|全区|招商引资项目, 年内|省重点建设项目
        word = next(w for w in sorted(noise, key=len, reverse=True) if subject.startswith(w))
        if len(word) not in _cuts(subject):
            break
        subject = subject[len(word) :]
    heads = _skip_words("generic_objects")
    return subject if 2 < len(subject) <= 14 and subject.endswith(heads) else ""


def read_object(text: str, clause: tuple[int, int], amount: Amount, prev_end: int,
                next_start: int, prev: Reading | None) -> Reading | None:
    """The object (name as printed), action and scope of ``amount`` within its clause."""
    head_start = max(clause[0], prev_end)
    pre = text[head_start : amount.start]
    if pre.endswith("了") and _growth_word(pre[:-1]):
        pre = pre[:-1]  # (就业率达97.3%，)上升了2.3个百分点: the change of the one before
    if pre.endswith(_skip_words("descriptor_leads")) and _HAN.match(text, amount.end):
        return None  # 通时速350公里(高铁), 海拔1500米以上(学校): a trait of what follows
    if text.startswith("的", amount.end):
        # 超过20%的(有23种), 覆盖94%的(农村人口), 成为全国首个经济总量突破5万亿元的(城市):
        # a value describing what follows; 总投资200亿元的交易中心 is that one's 总投资
        measure = next((m for m in _skip_words("owned_measures") if pre.endswith(m)), "")
        owner = _post_phrase(text, amount.end + 1, next_start) if measure else ""
        if not owner or _unsure(owner):
            return None
        return Reading(owner + measure, None, _scope(text[clause[0] : amount.start]))
    if "（" in pre or "(" in pre:
        pre = _INNER_ALT.sub(_joined_action, pre)
    # 实施临时救助1399户2357人: a value right after another in the same clause
    joined = head_start > clause[0] and pre.strip() in ("、", "和", "及", "")
    scope = _scope(text[clause[0] : amount.start])
    # 和美乡村 at a clause's start is a noun; after an amount 和 joins two (5个和3个)
    head = pre.lstrip("、，和及与" if head_start > clause[0] else "、，")
    # (建安投资66.4亿元，)占全社会投资的比重达到58.3%: a share of the object named before
    compared = prev is not None and (head.startswith(_comparison_leads()) or (
        head.startswith("占") and any(w in head for w in _skip_words("share_words"))))
    # 城镇化率提高至|64.7%, (从174.09万户)增加到|235.31万户: the level a change reached
    reach = next((w for w in _skip_longest("from_follow")
                  if head.endswith(w)), "") if head.endswith(_skip_words("from_follow")) else ""
    head = head[: len(head) - len(reach)]
    metric, metric_action = _strip_tail(head)
    metric_action = metric_action or reach or None
    trimmed = _tidy(metric)
    tidied = trimmed != metric and len(_strip_lead(trimmed)[0]) >= 2
    if tidied:
        # 研发经费投入预计年均(增长): 预计, 年均 are not the object; 投入 stays its noun
        metric, metric_action2 = _strip_tail(trimmed)
        metric_action = metric_action or metric_action2
    if metric.endswith(tuple(vocabulary()["metric_suffixes"])):
        # 重点建设用地安全利用率达到95%: a metric noun phrase, not cut at 建设
        name, action = _after_last_action(metric, tuple(vocabulary()["tail_keep"]))
        if action and len(name) <= 3:
            name, action = action + name, None  # 帮扶就业率: the action names the rate
        tail_action = metric_action
    else:
        source = metric if tidied else head
        name, action = _after_last_action(source)
        if action and (action + name).startswith(_skip_words("noun_compounds")):
            name, action = action + name, None  # 疏解|腾退空间: the action word is the noun's
        tail_action = None
        if action and 0 < len(name) <= 3 and head_start == clause[0]:
            name = _subject_kept(source, name, action)
    name, lead_action = _strip_lead(name)
    name, stripped = _strip_tail(name)
    tail_action = tail_action or stripped
    action = lead_action or action or tail_action
    name = _tidy(name)
    follows = text[amount.end : amount.end + 1]
    base_unit = amount.unit.lstrip("万亿")
    name, verb = _strip_verbs(name)
    action = action or verb
    if name in _skip_words("growth_words") or name in _not_names() or _BASIS.fullmatch(name):
        name = ""  # (比例…)近3年提升21个百分点, 每年(安排): the object is named before
    if name in _skip_words("subject_measures") and prev is not None and (
            head_start > clause[0]
            or (_after_amount(text, clause[0]) and not _subject_of(head, name))):
        # 300个省列重大项目|累计完成投资2393.1亿元 (not 工业投资增长9.5%，…投资)
        owner = _strip_growth(_object(prev))  # 固定资产投资增长5.6%，五年累计完成投资…
        name = "" if owner.endswith(name) else owner + name
    elif name in _skip_words("subject_measures"):
        name = _subject_of(head, name) + name  # 省重大项目|完成投资7290亿元
    elif name in _skip_words("generic_measures"):
        # (38家股权基金,)规模累计达1000亿元; a sentence opening 总量达… names nothing; the
        # object is the one counted right before (not one of an earlier clause)
        near = head_start > clause[0] or _after_amount(text, clause[0])
        name = _strip_growth(_object(prev)) + name if prev is not None and near else ""
    # 完成5万平方米拆违任务: an action right before the amount puts its object after it
    leads = (metric_action is not None and head.endswith(metric_action)
             and metric_action not in _skip_words("object_before_words"))
    counted = base_unit in vocabulary()["count_units"]
    single_name = ""
    runs_on = False
    # 158条道路39.71公里护栏拆除: a second measure of the same thing names its own object
    follows_prev = joined and not pre and prev is not None
    if amount.unit not in ("%", "‰") and (
        _HAN.match(follows) or follows == "“" or (
            counted and follows.isdigit() and not _in_quotes(text, amount.start, clause[0]))
    ) and (counted or not name or leads or follows_prev):
        post = _post_phrase(text, amount.end, next_start)
        if name and post and _words(post)[0][0] in _skip_words("predicate_leads"):
            post = ""  # 企业3万余家|实现复工复产: the object is the one named before
        # 30万人次取得职业资格…的劳动者: an action inside a 的 phrase stays
        post, post_action = (post, None) if "的" in post else _strip_lead(post)
        post, post_tail = _strip_tail(post) if follows_prev else (post, None)
        measure = next((m for m in _skip_words("generic_measures") if post.endswith(m)), "")
        if measure and len(post) > len(measure) + 1 and text.startswith(
                post, amount.end) and amount.end + len(post) >= next_start:
            post = post[: -len(measure)]  # 60个项目|总投资2703.3万元: the measure is the next one's
        post, verb = _strip_verbs(post)
        generic = next((g for g in _skip_longest("generic_objects")
                        if post.startswith(g) and len(post) > len(g)), "")
        if generic and not post.startswith(_head_words()[1] + ("建设",), len(generic)):
            post = generic  # 1项|指标(细颗粒物…未完成), 1053个|事项(“跨省通办”)
        post_action = post_action or verb
        if follows.isdigit() and not _MEASURED_NOUN.match(post):
            post = ""  # 22个750千伏和…, 13.07万户46万群众: no noun after the measure
        single = len(post) == 1 and counted and _words(post)[0][1] == "n"
        if single:
            single_name = post
        if counted and post.endswith(_skip_words("uncountable_measures")):
            return None  # 8个|产业集群全产业链产值(突破…): the count is of the first noun
        if counted and _list_cut(text, amount.end, post, clause[1]):
            post = _list_name(text, amount.end, clause[1])  # 7所|学校、医院|周边…治理
            if not post:
                return None  # 7700多项食品、药品和其他…标准: a list not read whole
        if (len(post) >= 2 or single) and _HAN.search(post):  # 2个|县|被命名为…
            # 实施卫生健康为民服务15项实事: a generic noun keeps the words printed before
            # the number (not a list of examples ending in 等)
            if (post in _skip_words("generic_objects") and name and not pre.endswith("等")
                    and head.endswith(name) and _words(name)[-1][1] != "v"):
                post = name + post
            runs_on = text.startswith(post, amount.end) and amount.end + len(post) == clause[1]
            name = post
            action = action or post_action or post_tail
    carry: str | None = None
    if compared and prev is not None:
        # 集成电路产量增长21%、占全国18%: the share is of the object named before
        carry = _strip_growth(_object(prev))
        share = not head.startswith(_comparison_leads())  # 占全社会投资的比重|达到: no verb kept
        name = carry + _tidy(_strip_tail(head)[0] if share else head)
        action = None
    growth = _growth_word(pre.strip())
    # (老楼加装电梯新开工35部、)完工|26部, (开工390个、)竣工|437个: the same object
    acted = (not name and head_start > clause[0] and pre.startswith(("、", "和"))
             and _strip_lead(_tidy(pre[1:]))[0] == ""
             and not pre.startswith(_skip_words("other_object_verbs"), 1))  # 惠及|310万人
    if not name and prev is not None and (growth or joined or (reach and not head) or acted):
        name = _strip_growth(_object(prev)) + growth if growth else _object(prev)
        action = action or prev.action
        scope = scope or prev.scope
    trimmed_name, trim_action, baseline = trim_name(name) if name else (name, None, False)
    action = action or trim_action
    change = growth or (action if action in _growth_actions() else None)
    if (trimmed_name and amount.unit not in _CHANGE_UNITS and change and _compares(name)
            and not _compares(trimmed_name) and not trimmed_name.endswith(change)
            and not unreadable(trimmed_name)):
        trimmed_name += change  # 农村贫困人口比上年|减少245万人: the change, not the level
    if _TIME_ONLY.fullmatch(name) or (name and not trimmed_name):
        # 从2020年的51%提升到2025年的70% (a date: the object named before in this clause),
        # (转移支付达1379亿元，)较上年增长8.6% (a comparison: the one named before in the
        # sentence) name no object of their own
        same = head_start > clause[0] or not trimmed_name
        name = (_strip_growth(_object(prev)) + (growth or "") if prev is not None and same
                else "")
    else:
        name, verb = _strip_verbs(trimmed_name)  # (修复和)新造|红树林, 谋划|项目
        action = action or verb
    # 细颗粒物年均浓度|40微克/立方米|(下降9.1%): a change named after a level keeps its object
    inner = (_find_amounts(name, 0, len(name)) if amount.unit in _CHANGE_UNITS
             and _unit_gate().search(name) else [])
    if inner and inner[-1].end == len(name):
        name = _tidy(name[: inner[-1].start])
    name, done = _tail_predicate(name)
    action = action or done
    name, verb = _mid_verb(name)
    if verb:
        name, _ = _strip_verbs(name)  # 制定|修改|浦东新区法规
    action = action or verb
    if (not name or (len(name) < 2 and name != single_name) or not _HAN.search(name)
            or (name[-1] in _NUMERAL_ENDS and _NUMERAL_END.search(name))):
        return None  # (就业岗位8.3万余): a name ending in a number is a value run into it
    owner, mark, measure = name.rpartition("、")
    if mark and measure in _skip_words("generic_measures"):
        name = owner + measure  # 新增22家国家级5G工厂、总数(达36家): the total of those
    name = _shared_noun(text, amount, name, clause[1])
    name = drop_compared(name)  # 油料产量比上年|增加
    name = owned_rate(text, clause[0], name, prev.name if prev is not None else None)
    if _unsure(name) or unreliable(text, clause, amount, name, action, runs_on) or (
            _SHARE_INSIDE.search(name)):  # …就业率达 97.3%科技服务业(占比36%): run on
        return None
    if joined and prev is not None and not action:
        action = prev.action
    name = change_named(text, head_start, amount.start, name, amount.unit)
    return Reading(name, action, scope, baseline, carry)


#: A comparison with a named year (较2021年, 比1980年同期).
_YEAR_COMPARED = re.compile(r"(?:比|较|同)(?:(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})年")


def _compares(name: str) -> bool:
    """True when a name holds a comparison (比上年, 较2021年)."""
    return _compared_re().search(name) is not None or _YEAR_COMPARED.search(name) is not None


def _object(prev: Reading) -> str:
    """The object a value named by its change alone continues (see ``Reading.carry``)."""
    return prev.carry or prev.name



def _shared_noun(text: str, amount: Amount, name: str, stop: int) -> str:
    """新增2家|国家级|和16家市级专精特新“小巨人”企业: a modifier alone after an amount
    shares the noun of the next amount's modifier."""
    end = amount.end + len(name)
    if (not name or not text.startswith(name, amount.end) or text[end : end + 1] not in "和、及"
            or any(tag != "b" for _, tag in _words(name))):
        return name
    following = _find_amounts(text, end + 1, min(stop, end + 12))
    if not following or following[0].start != end + 1:
        return name
    post = _post_phrase(text, following[0].end, stop)
    lead = _words(post)[0] if post else ("", "")
    if (lead[1] == "b" or lead[0].endswith("级")) and len(post) > len(lead[0]) + 1:
        return name + post[len(lead[0]) :]
    return name


def is_descriptor(text: str, amount: Amount, stop: int, more: bool) -> bool:
    """A measure modifying the noun after it (500米服务半径, 50万吨甲醇制乙醇项目)."""
    base = amount.unit.lstrip("万亿")
    if base in vocabulary()["count_units"] or amount.unit in ("%", "‰"):
        return False
    follows = text[amount.end : amount.end + 1]
    if not _HAN.match(follows):
        return False
    if base in vocabulary()["descriptor_units"] and follows not in "以内":
        return True  # 公园24小时开放, 15分钟生活圈: a duration describing a service
    post = _post_phrase(text, amount.end, stop) if not more else text[amount.end : stop]
    tails = vocabulary()["descriptor_tails"]
    return more or any(post.endswith(t) or t in post for t in tails)


# Documents ---------------------------------------------------------------------------------


_CLAUSE_END = re.compile("[，,：:；;。！？]")


def clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Clauses of a sentence, split on ，：；."""
    begin = start
    for match in _CLAUSE_END.finditer(text, start, end):
        if match.start() > begin:
            yield begin, match.start()
        begin = match.start() + 1
    if end > begin:
        yield begin, end


def body_spans(doc: Document) -> Iterator[tuple[Role, _Span]]:
    """Running-text paragraphs outside headings and tables, with their role."""
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
def _done_before() -> re.Pattern[str]:
    """Words of a clause stating what exists already (已建成, 已有): a result in a plan."""
    return re.compile(_alternation(vocabulary()["done_before"]))


@functools.lru_cache(maxsize=1)
def _so_far() -> re.Pattern[str]:
    """Words dating a value to this year so far (今年以来, 截至目前, 一月到九月): a result,
    not a plan."""
    months = r"[一二三四五六七八九十\d]{1,2}月份?(?:到|至|－|-)[一二三四五六七八九十\d]{1,2}月"
    return re.compile(_alternation(vocabulary()["so_far_words"]) + "|" + months)


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
        for sentence in iter_sentences(text, para.start, para.end):
            prev: Reading | None = None
            listed: list[str] = []
            singles: list[str] = []  # names of the clauses just before, one value each
            amounts = find_amounts(text, sentence.start, sentence.end)
            if not amounts:
                continue
            if para_multi is None:
                para_multi = _multi_year_paragraph(doc, para)
            multi = para_multi or _multi_year_sentence(text, sentence)
            for clause in clauses(text, sentence.start, sentence.end):
                inside = [a for a in amounts if clause[0] <= a.start < clause[1]]
                if not inside:
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
                        listed_name = _mid_verb(_tail_predicate(trim_name(respective[i])[0])[0])[0]
                        reading = None if _unsure(listed_name) else Reading(
                            listed_name, reading.action if reading else None,
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
                    prev = reading
                    read.append(_strip_growth(reading.name))
                    printed = text[amount.start : amount.end]
                    if (sentence.start, printed) in covered:
                        continue
                    timing = timing_at(doc, role, para, sentence, amount.start)
                    after = text[amount.end : amount.end + 3]
                    baseline = reading.baseline or after.startswith(_skip_words(
                        "from_follow")) or _listed_start(text, amount.end, clause[1])
                    if timing is None:
                        continue
                    # 从2020年的645元/月(提高到…): a start dated in its clause keeps its year
                    dated = baseline and _YEAR_TITLE.search(text, clause[0], amount.start)
                    if timing.kind == "target" and (ran := run_before(
                            text, para.start, sentence.start, amount.start, doc.year)):
                        timing = replace(timing, kind="actual", period=ran)  # 1984年，…。全年
                    if timing.kind == "target" and (_so_far().search(
                            text, sentence.start, amount.start) or baseline):
                        # 今年以来…已拆除, 截至目前: done so far this year, not planned;
                        # 从29.6件(增加到65件): where a change started was, not is planned
                        timing = replace(timing, kind="actual")
                    head = text[clause[0] : amount.start]
                    if timing.kind == "target" and reviewed(text, para.start, amount.start):
                        # (说明 of the next plan:) “十四五”时期…这五年，…从…增加到5.67万亿元
                        timing = replace(timing, kind="actual")
                    if timing.kind == "target" and (_done_before().search(head) or (
                            _DONE_ASPECT.search(text, amount.end, clause[1]))):
                        # (优化)已建成超1.6万个…; 在一百多个国营农场和一些县试办了…: done
                        timing = replace(timing, kind="actual")
                    if timing.kind == "actual" and (proposed(head) or (  # (去年超收…)拟增加…
                            timing.estimated and base_estimated(  # 比1980年预计增加…
                                text, sentence.start, amount.start))):
                        timing = replace(timing, kind="target", estimated=False, period=doc.year)
                    spans, past = years_spanned(text, max(text.rfind(
                        "。", para.start, sentence.start) + 1, para.start), clause[0],
                        amount.start, doc.year, para.start)
                    if timing.kind == "target" and past:
                        timing = replace(timing, kind="actual")  # 近三年…新建房屋达
                    period = own_period(text, doc.year, (para.start, para.end), (
                        sentence.start, clause[0]), amount.start, None if multi or spans or (
                        baseline and not dated) else timing.period, multi and not baseline
                        and not _multi_year_sentence(text, sentence), spans,
                        amount.unit in ("%", "倍"), timing.kind == "target")
                    period = later_year(doc, sentence.start, amount.start, period, timing.kind)
                    if period is not None and summed_over_years(
                            doc, para, sentence.start, amount.start):
                        period = None  # (过去四年…)累计新建…21家: over the years
                    if period is not None and doc.year is not None and period != doc.year:
                        # 到一九八五年，…；原煤七亿吨 (target); 1979年比上年…增长 (actual)
                        timing = replace(timing, kind="target" if period > doc.year else "actual")
                    name = owned(text, sentence.start, amount.start, reading.name)  # 省属企业|
                    found.append(Fact(
                        source=doc.source, row=doc.row, region=doc.region, year=doc.year,
                        indicator=None, name=name, kind=timing.kind,
                        estimated=timing.estimated, period=period,
                        value=_number(amount.value), unit=amount.unit, bound=amount.bound,
                        text=printed, evidence=text[sentence.start : sentence.end],
                        start=sentence.start, end=sentence.end, doc_id=doc.id,
                        value_high=_number(amount.value_high), key=key_of(name),
                        action=reading.action,
                        scope=BASELINE if baseline else (
                            reading.scope or (MULTI_YEAR if multi or spans else None)),
                        open_vocabulary=True,
                    ))
                singles = [*singles, *read] if len(read) == len(inside) == 1 else []
                if not named and len(read) == len(inside) > 1:
                    # 完成产业类投资553.1亿元、研发投入133.5亿元，|分别增长10.6%、10.3%
                    listed = read
    return found


def enrich(facts: list[Fact]) -> list[Fact]:
    """Catalog facts with their matching key set (their name normalized)."""
    return [replace(f, key=f.key or key_of(f.name)) for f in facts]
