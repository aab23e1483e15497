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
from baogao.extract.open.names import _unsure
from baogao.extract.open.words import _words

__all__ = ["event_owned", "grammar_checked", "level_of", "modified", "stated_subject"]


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


def _cut_bracket(name: str) -> bool:
    """True when ``name`` closes a bracket it does not open (下同）增加): cut inside it."""
    depth = 0
    for char in name:
        depth += 1 if char in "（(" else -1 if char in "）)" else 0
        if depth < 0:
            return True
    return False


def _without_inner_adverbs(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``words`` without the adverbs standing between a subject and its verb (地方财政|共|
    收入, 粮食产量|将要|增长); never the first or last word, nor one inside quotes
    (“一次就诊只挂一次号”医疗机构 is kept as printed)."""
    inner, modals = _table("inner_adverbs"), _table("inner_modals")
    kept: list[tuple[str, str]] = []
    quoted = False
    for i, (word, tag) in enumerate(words):
        quoted = quoted or "“" in word
        if quoted or not (0 < i < len(words) - 1 and (
                (tag == "d" and word in inner) or word in modals)):
            kept.append((word, tag))
        quoted = quoted and "”" not in word
    return kept


@functools.lru_cache(maxsize=8192)
def grammar_checked(name: str) -> str | None:
    """``name`` without the grammar words opening or closing it, or None when it names no
    object."""
    words = list(_words(name))
    stripped = False
    if len(words) > 3 and words[0][0] in "（(" and words[1][1] == "m" and words[2][0] in "）)":
        words = words[3:]  # （三）|信贷保险收入: a list's number
    words = _without_inner_adverbs(words)
    while len(words) > 1 and words[0][0] in _table("lead_particles"):
        words.pop(0)  # 则|本年收入, 并且|减价
        stripped = True
    while len(words) > 1 and words[-1][0] in _table("tail_particles"):
        words.pop()  # 钢产量|拟定, 绝对数|却是
        stripped = True
    rest = "".join(w for w, _ in words)
    for tail in _table("reach_tails"):  # 扶贫对象|覆盖(4007万人): the people reached
        if rest.endswith(tail) and rest[: -len(tail)].endswith(tuple(_table("reached_heads"))):
            rest = rest[: -len(tail)]
    if stripped and not any(t in _OBJECT_TAGS or t.startswith("n") or (
            t == "v" and len(words) > 1) for _, t in words):
        return None  # 即|增产, 只|征收, 或者|超额地: no noun is left (其他|收入 is one)
    if _cut_bracket(rest) or rest.endswith(tuple(_table("object_after_tails"))):
        return None  # 下同）增加; 平均一个人民公社拥有(六万四千亩耕地)
    stem = level_of(rest)
    if stem != rest and (stem in _table("grammar_names") or stem in _table("tail_particles")):
        return None  # 拟定|增长: the change of a grammar word
    if ((len(rest) < 2 and rest not in _table("place_levels"))
            or rest in _table("grammar_names") or rest in _table("bare_class_names")
            or words[0][0] in _table("pronoun_leads") or _grammar_only(words)
            or (stripped and _unsure(rest))):
        return None
    return rest


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
