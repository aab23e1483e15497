"""The last check of an open fact's name: grammar words are no part of it.

* A conjunction or discourse adverb opening the clause (则本年收入实际增长…, 并且减价40%…),
  a list number ((三)信贷保险收入), an adverb before the verb (地方财政共收入, 粮食产量将要
  增长) and a verb of stating before the number (钢产量拟定为…, 增长的绝对数却是…) are read
  off; what is left must still name an object (即|增产, 只|征收 leave a verb alone).
* A name that is only a grammar word, a change verb, a comparison or the plan a value is
  measured against (实际, 减为, 略高于, 上升到, 年度计划), a bare class with nothing that says
  which (城市, 领域, 扶持对象, 单位), a name opening on a pronoun or a comparison word (它所属的…,
  比起原定的计划), cut from the words before it (后的年产能力, 方面支出) or inside a bracket
  (下同）增加), whose object is printed after the number (…拥有|六万四千亩耕地), or whose words
  are all verbs, adverbs and grammar words (都只征收) says what was done or how, not of what:
  the fact is dropped (a number shown under a wrong name is worse than a number left unnamed).
* A value named by a verb of stating alone (一九五八年的工业总产值，|拟定为…) is the subject's
  printed in the clause before; a level printed after a net increase (经营主体净增98万户、
  突破1900万户) is the object's itself.

The word lists live in ``baogao/data/name_grammar.json``.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from baogao.data import load_json
from baogao.extract.open.names import _CHANGE_UNITS, _SPAN_LEAD, _unsure
from baogao.extract.open.words import _growth_word, _strip_lead, _tidy, _words

__all__ = [
    "event_owned",
    "grammar_checked",
    "level_of",
    "list_item",
    "list_verb",
    "modified",
    "paired_owner",
    "parallel_owned",
    "purpose_kept",
    "respective_verb",
    "sibling_owned",
    "stated_subject",
    "titled",
    "whole_carried",
]


#: Tags of a word that can name an object besides nouns (n…): idioms, abbreviations, verbal
#: nouns, places, and the report lexicon's own words (no tag).
_OBJECT_TAGS = frozenset({"", "l", "j", "vn", "i", "s", "eng", "x"})


@functools.lru_cache(maxsize=1)
def _table(key: str) -> frozenset[str]:
    data: dict[str, Any] = load_json("name_grammar.json")
    return frozenset(data[key])


def _grammar_only(words: list[tuple[str, str]]) -> bool:
    """True for two or more words that are all verbs, adverbs or grammar words, one of them
    a grammar word or a one-character adverb (减|为, 只|征收)."""
    grammar = _table("grammar_tags")
    return len(words) >= 2 and all(t == "v" or t == "d" or t in grammar for _, t in words) and any(
        t in grammar or (t == "d" and len(w) == 1) for w, t in words)


#: A basis closing a name (以货币计算, 按可比价格计算): how the value is counted.
_BASIS_TAIL = re.compile(r"(?:以|按)[\u4e00-\u9fff]{1,10}计算$")


def _cut_bracket(name: str) -> bool:
    """True when ``name`` closes a bracket it does not open (下同）增加): cut inside it."""
    depth = 0
    for char in name:
        depth += 1 if char in "（(" else -1 if char in "）)" else 0
        if depth < 0:
            return True
    return False


def _without_inner_adverbs(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``words`` without the adverbs and modals standing between a subject and its verb
    (地方财政|共|收入, 粮食产量|将要|增长; never the first or last word, nor one inside quotes:
    “一次就诊只挂一次号”医疗机构 is kept as printed)."""
    inner, modals = _table("inner_adverbs"), _table("inner_modals")
    kept: list[tuple[str, str]] = []
    quoted = False
    for i, (word, tag) in enumerate(words):
        quoted = quoted or "“" in word
        before_verb = i < len(words) - 1 and words[i + 1][1] in ("v", "d")
        stray = 0 < i < len(words) - 1 and ((tag == "d" and word in inner) or (
            word in modals and before_verb))
        if quoted or not stray:
            kept.append((word, tag))
        quoted = quoted and "”" not in word
    return kept


@functools.lru_cache(maxsize=8192)
def grammar_checked(name: str) -> str | None:
    """``name`` without the grammar words opening or closing it, or None when it names no
    object."""
    framed = _framing().sub("", name, count=1)  # 国家预算规定|国防费支出, 一九五四年计划的|…
    if framed != name:
        if len(framed) < 2 or _unsure(framed):
            return None  # 一九八○年|上升: nothing named after the year
        name = framed
    if name.startswith("在") and name[1:] in _table("locative_places"):
        return None  # 在城镇(安排600万人): where, not what
    based = _BASIS_TAIL.sub("", name)  # 工人职员的平均工资|以货币计算
    words = list(_words(based if len(based) >= 2 else name))
    stripped = based != name
    if len(words) > 3 and words[0][0] in "（(" and words[1][1] == "m" and words[2][0] in "）)":
        words = words[3:]  # （三）|信贷保险收入: a list's number
    words = _without_inner_adverbs(words)
    while len(words) > 1 and words[0][0] in _table("lead_particles"):
        words.pop(0)  # 则|本年收入, 并且|减价
        stripped = True
    while len(words) > 1 and words[-1][0] in _table("tail_particles"):
        words.pop()  # 钢产量|拟定, 绝对数|却是
        stripped = True
    if len(words) > 2 and words[-1][0] == "等" and "有" in [w for w, _ in words[:-1]]:
        at = [w for w, _ in words].index("有")  # 施工线路|有|包头——兰州线、…等: the category
        if at == 0:
            return None  # 有|生铁、钢、原油…等(十七种): examples, no category
        words, stripped = words[:at], True
    rest = "".join(w for w, _ in words)
    for tail in _table("reach_tails"):  # 扶贫对象|覆盖(4007万人): the people reached
        if rest.endswith(tail) and rest[: -len(tail)].endswith(tuple(_table("reached_heads"))):
            rest = rest[: -len(tail)]
    if stripped and not any(t in _OBJECT_TAGS or t.startswith("n") or (
            t == "v" and len(words) > 1) for _, t in words):
        return None  # 即|增产, 只|征收, 或者|超额地: no noun is left (其他|收入 is one)
    if (_cut_bracket(rest) or rest.endswith(tuple(_table("object_after_tails")))
            or (len(words) > 1 and words[-1][0] in _table("time_tails"))
            or (len(words) > 1 and words[-1][0] in _table("locative_tails")
                and words[-1][1] in ("f", "n"))):
        return None  # 下同）增加; …拥有(六万四千亩耕地); 修订计划时; 流域内(16条)
    stem = level_of(rest)
    if stem != rest and (stem in _table("grammar_names") or stem in _table("tail_particles")):
        return None  # 拟定|增长: the change of a grammar word
    if len(words) > 1 and all(t == "v" for _, t in words) and words[0][0] in _table(
            "aspect_verbs"):
        return None  # 开始提升(40%职工的工资级别): verbs alone
    if ((len(rest) < 2 and rest not in _table("place_levels"))
            or rest in _table("grammar_names") or rest in _table("bare_class_names")
            or words[0][0] in _table("pronoun_leads") or _grammar_only(words)
            or (stripped and _unsure(rest))):
        return None
    return rest


@functools.lru_cache(maxsize=1)
def _framing() -> re.Pattern[str]:
    """A year, or a plan or budget and its verb of setting (``framing_sources``,
    ``framing_verbs``), opening a name: 一九五四年|, 国家预算规定|, 我国第一个五年计划规定|,
    计划要求|, 计划的|."""
    sources = "|".join(sorted(_table("framing_sources"), key=len, reverse=True))
    verbs = "|".join(sorted(_table("framing_verbs"), key=len, reverse=True))
    year = r"(?:(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})年(?:的|度)?"
    return re.compile(rf"^(?:{year})?(?:[\u4e00-\u9fff“”]{{0,8}}?(?:{sources})(?:{verbs})(?!的)"
                      rf"|(?:{sources})的)|^{year}")


def level_of(name: str) -> str:
    """``name`` without a change closing it (经营主体|净增 → 经营主体): the object of a level
    printed after its change (经营主体净增98万户、|突破1900万户)."""
    for tail in sorted(_table("flow_tails"), key=len, reverse=True):
        if name.endswith(tail) and len(name) - len(tail) >= 2:
            return name[: len(name) - len(tail)]
    return name


#: A year opening a subject (一九五八年的|工业总产值): the period's, not the object's.
_YEAR_LEAD = re.compile(r"^(?:(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})年(?:的|度)?")
_CLAUSE_MARKS = re.compile(r"[，,；;：:。！？]")


def stated_subject(name: str, before: str) -> str | None:
    """The subject of a value whose name is only a verb of stating (拟定, or 拟定增长 for the
    change after it): the clause printed right before the verb in its sentence (``before``:
    the sentence up to the number), when it is a noun phrase with no number (一九五八年的
    工业总产值，|拟定为… → 工业总产值); None otherwise."""
    stem = level_of(name)
    if stem not in _table("stating_verbs"):
        return None
    at = before.rfind(stem)
    if at <= 0 or not _CLAUSE_MARKS.fullmatch(before[at - 1]):
        return None
    subject = _YEAR_LEAD.sub("", _CLAUSE_MARKS.split(before[: at - 1])[-1].strip())
    if (len(subject) < 2 or any(c.isdigit() for c in subject) or _unsure(subject)
            or subject.endswith("部分")  # (…投资总额，)通过国家预算的部分: a part of the one before
            or _words(subject)[-1][1] not in ("n", "nz", "l", "j", "vn", "")
            or grammar_checked(subject) != subject):
        return None
    return subject + name[len(stem) :]


def modified(source: str, name: str) -> str:
    """``name`` with the trait the tagger reads as an adverb printed right before it in
    ``source`` (长期|建设国债), or ``name``."""
    if not source.endswith(name) or len(source) == len(name):
        return name
    word = _words(source[: len(source) - len(name)])[-1][0]
    return word + name if word in _table("modifier_adverbs") else name


def event_owned(name: str, before: str) -> str:
    """A measure of damage named alone (直接经济损失) with the event printed in a clause before
    it in its sentence (``before``: up to the number; …发生历史罕见的洪涝灾害，|直接经济损失
    2000多亿元 → 洪涝灾害直接经济损失), or ``name``."""
    if name not in _table("event_measures"):
        return name
    cut = max(before.rfind("，"), before.rfind(","), before.rfind("；"))
    if cut <= 0:
        return name
    clause = before[:cut]
    for event in sorted(_table("events"), key=len, reverse=True):
        if clause.endswith(event):
            return event + name
    return name


def _bracketless(phrase: str) -> str:
    """``phrase`` without a bracketed aside (普通中学（包括高中和初中） → 普通中学)."""
    return re.sub(r"[（(][^（）()]*[）)]", "", phrase)


def sibling_owned(name: str, before: str) -> str:
    """A measure named alone whose group's first measure was printed earlier in the sentence
    after its owner (``before``: the sentence up to the number; 全国高等学校新招生16.3万人，
    毕业学生6.4万人 → 全国高等学校毕业学生), or ``name``."""
    groups: list[list[str]] = load_json("name_grammar.json")["sibling_measures"]
    growth = _growth_word(name) or ""
    stem = name[: len(name) - len(growth)]  # (…在校学生达到…，比上年)|增长17%: the same
    group = next((g for g in groups if name in g or (growth and stem in g)), [])
    if not group:
        return name
    clauses = _CLAUSE_MARKS.split(before)
    for index in range(len(clauses) - 1, -1, -1):  # the number's clause too (议案1件、|建议)
        clause = clauses[index]
        for measure in sorted(group, key=len, reverse=True):
            at = clause.find(measure)
            if at < 0 or (measure in (name, stem) and index == len(clauses) - 1):
                continue
            owner = _strip_lead(_tidy(_YEAR_LEAD.sub("", _bracketless(clause[:at]))))[0]
            if not owner:
                break  # (…新招生16.3万人，)|毕业学生6.4万人，|在校学生: the one before
            if len(owner) >= 2 and not any(c.isdigit() for c in owner) and not _unsure(owner):
                return owner + name
            return name
    return name


#: A share with its whole (在工农业总产值中所占的比重) in a clause before.
_WHOLE_SHARE = re.compile(r"在([^，,；;。在]{2,16}?)中(?:所占的?|占)(比重|比例)")


def whole_carried(name: str, before: str) -> str:
    """A share printed without its whole (农业和农村副业|所占的比重) after a clause of the same
    sentence that printed it (现代工业|在工农业总产值中|所占的比重…，): the same whole
    (农业和农村副业在工农业总产值中所占的比重); ``before`` is the sentence up to the number."""
    at = name.find("所占的")
    if at < 2 or "在" in name or not name.endswith(("比重", "比例")):
        return name
    found = next(reversed(list(_WHOLE_SHARE.finditer(before))), None)  # the nearest
    if found is None or not name.endswith(found.group(2)):
        return name
    return f"{name[:at]}在{found.group(1)}中{name[at:]}"


def parallel_owned(name: str, before: str) -> str:
    """An owner named alone (农村) whose measure the clause before printed after a counterpart
    owner (``before``: the sentence up to the number; 城镇人均居住面积增加到8.7平方米，|农村
    增加到22平方米 → 农村人均居住面积), or ``name``."""
    groups: list[list[str]] = load_json("name_grammar.json")["parallel_owners"]
    group = next((g for g in groups if name in g), [])
    clauses = _CLAUSE_MARKS.split(before)
    if not group or len(clauses) < 2:
        return name
    previous = clauses[-2].strip()
    other = next((o for o in sorted(group, key=len, reverse=True)
                  if o != name and previous.startswith(o)), "")
    if not other:
        return name
    verbs = "|".join(re.escape(v) for v in sorted(_table("parallel_verbs"), key=len,
                                                   reverse=True))
    found = re.match(rf"(.+?)(?:{verbs}|\d)", previous[len(other) :])
    measure = found.group(1) if found else ""
    if len(measure) < 2 or _unsure(measure) or _words(measure)[-1][1] not in (
            "n", "nz", "l", "j", "vn", ""):
        return name
    return name + measure


def titled(name: str, unit: str) -> bool:
    """True for a count of people named by the title they got (14人获…|称号): not a count of
    titles."""
    return unit.lstrip("万亿") in _table("person_units") and name.endswith(
        tuple(_table("title_heads")))


def purpose_kept(name: str, before: str, unit: str) -> str:
    """An amount of money whose name the sentence printed right after a verb of purpose
    (支持|科技创新和制造业发展的减税降费及退税超过900亿元): the verb says what the money is for
    and stays in the name; ``name`` otherwise (a count after one, 支持|10家企业, is of the
    things supported)."""
    if not unit.endswith("元"):
        return name
    for verb in _table("purpose_leads"):
        if f"{verb}{name}" in before and not name.startswith(verb):
            return verb + name
    at = before.rfind(name)
    head = before[:at] if at > 0 else ""
    for verb in _table("purpose_leads"):
        done = head.rfind(verb)
        acted = head[done + len(verb) :] if done >= 0 else ""
        if acted and len(acted) <= 2 and _words(acted)[0] == (acted, "v"):
            return verb + acted + name  # 用于|提高|职工工资和实行奖金制度的支出
    return name


def list_verb(head: str, action: str | None) -> str | None:
    """The verb ``head`` (a clause up to its first amount) opens on before its object, when
    the bare items listed in the clauses after it share it (``list_verbs``: 全年新增|大中型
    发电机组容量…, 五年内扩大|淡水养殖面积…); None for a verb after a subject (城镇新增就业)
    or one of another kind."""
    if action is None or action not in _table("list_verbs"):
        return None
    opening = _tidy(_SPAN_LEAD.sub("", head.strip()))
    rest, first = _strip_lead(opening)
    if first is None and opening.startswith(action):  # 补充|中小学教师: a verb of no table
        rest, first = opening[len(action) :], action
    return action if first == action and rest else None  # (…，)增加|224万辆: no object, no list


def list_item(head: str, name: str, unit: str) -> bool:
    """True when ``head`` (a clause up to its first amount) is only the bare noun ``name``:
    an item of the list a verb opened in the clause before (五年内新增…，|采煤能力八千万吨，|
    电气化里程二千四百公里; a part after 其中), not a level, a rate or a total
    (``list_item_levels``), money (协议金额120亿美元: another kind of amount) or a name
    closing on a verb (…再就业)."""
    bare = _tidy(head.strip())
    bare = bare[2:] if bare.startswith("其中") else bare  # (新增公路…，)其中|高速公路…: a part
    return (unit not in _CHANGE_UNITS and not unit.endswith("元")
            and bare == name and _words(name)[-1][1] != "v"
            and not any(w in name for w in _table("list_item_levels")))


def respective_verb(text: str, apart: int, start: int) -> str | None:
    """The flow verb printed right after 分别 (at ``apart``) before the values it pairs with
    their subjects (“上海标准”、“上海品牌”分别|新增|11个和27项): each value's action; None
    when no such verb follows 分别 or 分别 is not in the clause."""
    if apart < 0 or apart + 2 >= start:
        return None
    word, tag = _words(text[apart + 2 : start])[0]
    return word if tag == "v" and word in _table("list_verbs") else None


def paired_owner(source: str, name: str, action: str) -> str:
    """``name`` with the owner printed right before its action when that owner is one of a
    pair (``parallel_owners``: 城市|新建|职工住宅, beside 农村新建住房; 在农村|新建|公共福利
    设施): the owner tells the object apart from its counterpart, not only where it is."""
    if not source.endswith(action + name):
        return name
    before = _SPAN_LEAD.sub("", source[: len(source) - len(action) - len(name)])
    before = _strip_lead(_tidy(before))[0]
    before = before[1:] if before.startswith("在") else before
    groups: list[list[str]] = load_json("name_grammar.json")["parallel_owners"]
    owners = {o for group in groups for o in group if len(o) == 2}
    return before + name if before in owners and not name.startswith(before) else name


#: An aside in brackets (散居孤儿（含艾滋病病毒感染儿童）).
_ASIDE = re.compile(r"[（(][^（）()]*[）)]")


def sibling_head_owned(name: str, before: str) -> str:
    """A bare group named alone (散居孤儿) whose measure the clause before printed after a
    sibling group of the same head noun (``before``: the sentence up to the number;
    集中供养孤儿基本生活保障省定最低标准从…提高到2375元，|散居孤儿（…）从每人每月1484元提高到…
    → 散居孤儿基本生活保障省定最低标准), when the name's clause goes on as the one before did
    (从, 由 or a verb of change); ``name`` otherwise."""
    clauses = _CLAUSE_MARKS.split(before)
    core = _ASIDE.sub("", name)
    if len(clauses) < 2 or not 2 < len(core) <= 8 or core != _tidy(core):
        return name
    words = _words(core)
    head = words[-1][0]
    if len(words) < 2 or len(head) < 2 or words[-1][1] not in ("n", "nr") or not all(
            t.startswith(("n", "j", "a", "b", "v")) for _, t in words):
        return name  # 散居|孤儿 (a group: not 民间|投资, a measure)
    current = clauses[-1].strip()
    verbs = tuple(sorted(_table("parallel_verbs"), key=len, reverse=True))
    after = _ASIDE.sub("", current[current.find(core) + len(core) :]) if core in current else ""
    if not after.startswith(("从", "由", *verbs)):
        return name
    previous = clauses[-2].strip()
    at = previous.find(head)
    if at < 1 or previous[:at] == core[: len(core) - len(head)]:
        return name
    stops = "|".join(re.escape(v) for v in ("从", "由", *verbs))
    found = re.match(rf"(.+?)(?:{stops}|\d)", previous[at + len(head) :])
    measure = found.group(1) if found else ""
    if len(measure) < 2 or _unsure(measure) or _words(measure)[-1][1] not in (
            "n", "nz", "l", "j", "vn"):
        return name
    return name + measure
