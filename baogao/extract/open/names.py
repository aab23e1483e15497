"""How the object of an amount is named: scope, verbs before a name, names that cannot be
trusted, a subject printed before an action, the projects of a bare 投资, comparisons, and a
modifier sharing the next amount's noun. ``open.reading.read_object`` puts them together."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from baogao.data import load_json
from baogao.extract.open.amounts import Amount, _find_amounts, _in_quotes, has_amount
from baogao.extract.open.checks import _compared_re
from baogao.extract.open.words import (
    _action_index,
    _actions,
    _alternation,
    _cuts,
    _longest_first,
    _post_phrase,
    _skip_words,
    _strip_lead,
    _strip_tail,
    _tidy,
    _verb_words,
    _words,
    vocabulary,
)
from baogao.extract.span_memo import last_of
from baogao.read.regions import resolve_one

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


@functools.lru_cache(maxsize=1)
def _place_suffix() -> re.Pattern[str]:
    """A place suffix alone: a place name ends on one at index 2 or later (a quick test
    before the place-name pattern, which is tried at every character)."""
    return re.compile(_alternation(vocabulary()["place_suffixes"]))


def _scope(clause_head: str) -> str | None:
    scopes, blockers, places, actions = _scope_tables()
    for word in scopes:
        if word in clause_head:
            return word.strip("“”")
    if _place_suffix().search(clause_head, 2) is None:
        return None  # no place name: the pattern below would find none
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
    #: The verb its clause opened on before the object, shared by the bare items listed in
    #: the clauses after it (全年新增|…容量1500多万千瓦，|高等级公路1900公里).
    led: str | None = None


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
        if (len(words) >= 2 and len(words[0][0]) > 2 and name[:2] in verbs
                and len(name) >= 5 and not name.startswith(_skip_words("verb_nouns"))
                and _words(name[2:])[0][1] in ("n", "nz", "l", "j", "vn", "")):
            name, verb = name[2:], verb or name[:2]  # 推进设备|更新项目: a verb run into a noun
            continue
        if (len(words) < 2 or words[0][0] not in verbs
                or (len(words[1][0]) < 2 and len(name) - len(words[0][0]) <= 3 and not (
                    # 关闭|小|煤矿: a one-character adjective opening the object
                    len(words) == 3 and words[1][1] == "a" and words[2][1] == "n"
                    and words[0][1] == "v"))
                or name.startswith(_skip_words("verb_nouns"))):  # 营造林任务 stays
            return name, verb  # 生产安全事故: a noun that opens with a verb
        rest = name[len(words[0][0]) :]
        noun = len(words) == 2 and len(rest) == 2 and words[1][1] in ("n", "nz", "l", "j", "vn")
        if (len(rest) < 3 and not noun) or rest[0] in "的了着过和及与、" or (
                words[1][1].startswith("n") and rest.startswith("的", len(words[1][0]))
        ) or _relative(rest):
            # 生产|原油; 上缴国家的利润, 提高农副产品收购价格的支出: the verb and its object
            # modify (not 淘汰落后的…)
            return name, verb
        verb = verb or words[0][0]
        name = rest


#: Tags of the words of a verb's object inside a relative clause (提高|农副产品收购价格|的支出).
_OBJECT_NOUN_TAGS = frozenset({"n", "nz", "ns", "nt", "l", "j", "vn", "c", ""})


def _relative(rest: str) -> bool:
    """True when ``rest`` (what follows a leading verb) is a noun phrase, then 的 and the head
    noun (农副产品收购价格|的|支出, 科技创新和制造业发展|的|主要政策…), or a second verb and
    的 (审议|通过|的法律): the verb and what follows are a clause describing the head, not an
    action done to it."""
    words = _words(rest)
    if len(words) > 2 and words[0][1] in ("v", "p") and words[1][0] == "的" and (
            words[2][1].startswith("n") or words[2][1] in _OBJECT_NOUN_TAGS):
        return True  # 通过|的|法律
    at = rest.find("的")
    if at < 2 or at == len(rest) - 1 or at not in _cuts(rest):
        return False
    head, tag = _words(rest[at + 1 :])[0]  # (被评为新长征突击手)的|有: no head noun
    return (tag in _OBJECT_NOUN_TAGS or tag.startswith("n") or len(head) >= 2) and all(
        tag in _OBJECT_NOUN_TAGS for _, tag in _words(rest[:at]))


_LISTED_VERBS = re.compile(r"(?:[\u4e00-\u9fff]{2}、)+[\u4e00-\u9fff]{2}")
_JOINED_VERBS = re.compile(r"((?:[\u4e00-\u9fff]{2}[、和])+[\u4e00-\u9fff]{2})的?")
#: A name that is only a time (2025年, 三季度, 年底) or the years of a five-year plan
#: (“十一五”, “六五”时期, 第六个五年计划期间): it names no object.
_TIME_ONLY = re.compile(r"(?:近|过去)?(?:(?:19|20)\d{2}年|[\d一二两三四五六七八九十]{1,2}年"
                        r"|\d{1,2}[到至-]|[一二三四]季度|[上下]半年|全年|\d{1,2}月)+(?:底|末|以来|前|的)?"
                        r"|“?(?:十[一二三四五六七八九]?|[一二三四五六七八九])五”(?:时期|期间|计划期间|末)?"
                        r"|(?:十[一二三四五]?|[一二三四五六七八九])五(?:时期|期间)"
                        r"|第[一二三四五六七八九十]{1,3}个五年计划(?:期间|时期)?")
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


#: One level of a place name (化隆县, 谢家滩乡, 拉扎村).
_PLACE_LEVEL = re.compile(
    r"[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|自治州|州|县|区|盟|旗|乡|镇|村|街道)")


def _place_chain(name: str) -> bool:
    """True when ``name`` is only places, one inside the other, the first a known region
    (化隆县谢家滩乡拉扎村)."""
    levels = _PLACE_LEVEL.findall(name)
    return (len(levels) >= 2 and "".join(levels) == name
            and resolve_one(levels[0]) is not None)


def _unsure(name: str) -> bool:
    """True when a name cannot be read with confidence: one word that is not a noun
    (a numeral, pronoun, time, adverb) or a verb naming what was done (整合, 就业: the
    ``verbs_alone`` and action tables), a measure without its object
    (``bare_names``) or a name still led by a verb (``lead_verbs``). Such a
    fact is not kept: a number shown under a wrong name is worse than a number left
    unnamed (the number stays in its sentence, without a fact)."""
    if name in _skip_words("bare_names") and name not in _skip_words("owned_measures_bare"):
        return True  # 产值, 贡献率, 增量 alone: the object they measure is printed elsewhere
        # (营收 alone may still take the owner its sentence opens on: open.owners.owned;
        # open.frames.final_name drops it when none)
    if _place_chain(name):
        return True  # 化隆县谢家滩乡拉扎村(3.73亿立方米山体滑坡): a place is no object
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


#: A span of years a clause may open on before its subject (五年内, 三年来).
_SPAN_LEAD = re.compile(r"^[一二三四五六七八九十两\d]{1,2}年(?:内|来|间|中)")


def _subject_kept(source: str, name: str, action: str) -> str:
    """城镇新增就业, 高等教育新增学位: when the action leaves a short noun, a short noun
    phrase printed right before the action is part of the object (not a place: 广州新增学位
    names 学位 with the scope 广州)."""
    before = source[: len(source) - len(name) - len(action)]
    before = _SPAN_LEAD.sub("", before, count=1)  # 五年内|预计农民新建住宅
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


def counted_head(unit: str, name: str) -> tuple[str, str] | None:
    """(the noun, the predicate) of a name read for a count in an entity measure that runs
    past the noun it counts (3所|医院|交通综合治理, 1325家|中小微企业|融资, 简易楼|解危排险
    20栋): the name ends at its last word ending in a head of the measure (``measure_heads``);
    None when it already does, or holds no such word."""
    table = vocabulary()["measure_heads"]
    heads = table.get(unit.lstrip("万亿"), "")
    if not heads or name[-1] in heads:
        return None
    cut = max((at for at in _cuts(name) if 2 <= at < len(name) and name[at - 1] in heads),
              default=0)
    rest = name[cut:]
    if rest in _net_changes():
        return None  # 规模以上工业企业|净增: the change counted, named so
    if not cut or rest[-1] in _noun_ends() or not _HAN.match(rest) or rest[0] in "和及与" or (
            _words(rest)[0][1] == "p" or has_amount(rest, 0, len(rest))):
        # …工业企业|营业收入, 全国重点|实验室, 中试基地|和概念, 高等学校|由一九八○年的:
        # the rest is a noun, a list, a quote or a comparison
        return None
    return name[:cut], rest.lstrip("的")


@functools.lru_cache(maxsize=1)
def _net_changes() -> frozenset[str]:
    """Net changes of a count (净增, 净增加: the ``flow_tails`` of name_grammar.json that
    open on 净)."""
    return frozenset(w for w in load_json("name_grammar.json")["flow_tails"] if w.startswith("净"))


@functools.lru_cache(maxsize=1)
def _noun_ends() -> frozenset[str]:
    """Last characters of a noun phrase that a count may count: every measure's heads and
    the ``noun_end_chars`` (实验室, 总部, 车间, 项目)."""
    table = vocabulary()["measure_heads"]
    return frozenset("".join(v for k, v in table.items() if k != "_doc")
                     + vocabulary()["noun_end_chars"])


#: Tags of the words of a clause's subject (城乡居民|储蓄存款|大幅度增加).
_SUBJECT_NOUNS = frozenset({"n", "nz", "l", "j"})


def subject_shared(text: str, clause: int, name: str) -> str:
    """A name carrying the subject of the clause before it in its sentence when the name is
    that subject's last word under a time (城乡居民储蓄存款大幅度增加，|年末存款余额达到… →
    城乡居民储蓄存款年末余额): that clause states no amount and is its subject (nouns only)
    followed by an adverb and its predicate. Other names are returned as they are."""
    if clause < 2 or text[clause - 1] not in "，,":
        return name
    begin = last_of(text, "\n。，,；;：:！？", 0, clause - 1) + 1
    before = text[begin : clause - 1]
    if not before:
        return name
    words = _words(before)  # (whether that clause states an amount is asked last: it costs more)
    lead = 0
    while lead < len(words) and words[lead][1] in _SUBJECT_NOUNS:
        lead += 1
    subject = "".join(w for w, _ in words[:lead])
    if (lead < 2 or lead == len(words) or words[lead][1] not in ("d", "ad")
            or len(subject) < 4 or name.startswith(subject)):
        return name
    at = 0
    for word, tag in _words(name)[:-1]:
        if len(word) >= 2 and subject.endswith(word):
            if has_amount(text, begin, clause - 1):
                return name
            return subject + name[:at] + name[at + len(word) :]
        if tag != "t":
            return name  # only a time may stand before the subject's word (年末|存款余额)
        at += len(word)
    return name


def listed_category(name: str) -> tuple[str, str] | None:
    """(the first item, the category's head noun) of a name opening a list with 有
    (当年新增加的主要生产能力有|煤炭 → 煤炭, 生产能力), 有 a word of its own after a noun;
    None for any other name."""
    at = name.rfind("有")
    cuts = _cuts(name)
    if at < 2 or at == len(name) - 1 or at not in cuts or at + 1 not in cuts:
        return None
    word, tag = _words(name[:at])[-1]
    if tag not in ("n", "vn", "nz") or len(word) < 2:
        return None
    item = name[at + 1 :]
    return (item, word) if _words(item)[0][1] in ("n", "nz", "j") else None


def category_flow(name: str, item: str) -> str | None:
    """The verb of a flow in the words of a category opening a list (当年|新增加|的主要生产能力
    有|煤炭 → 新增加): the action of its items, or None (``list_verbs`` of name_grammar.json)."""
    lead = name[: len(name) - len(item)]
    verbs = sorted(load_json("name_grammar.json")["list_verbs"], key=len, reverse=True)
    return next((v for v in verbs if v in lead), None)
