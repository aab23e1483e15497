"""The last check of an open fact's name: grammar words are no part of it.

A clause may open on a conjunction or a discourse adverb before its subject (则本年收入实际
增长…, 并且减价40%…) and put a verb of stating between the subject and the number (钢产量
拟定为…, 增长的绝对数却是…): the name is read without them, and what is left must still name
an object (即|增产 leaves a verb alone). A name that is only a grammar word, a change verb, a
comparison or the plan the value is measured against (实际, 减为, 略高于, 年度计划), a bare
class with nothing that says which (城市, 领域, 扶持对象), that
opens on a pronoun (它所属的…), or whose words are all verbs, adverbs and grammar words
(只征收, 都只征收) says what was done or how, not of what: the fact is dropped (a number shown
under a wrong name is worse than a number left unnamed). The word lists live in
``baogao/data/name_grammar.json``.
"""

from __future__ import annotations

import functools
from typing import Any

from baogao.data import load_json
from baogao.extract.open.names import _unsure
from baogao.extract.open.words import _words

__all__ = ["grammar_checked"]


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


@functools.lru_cache(maxsize=8192)
def grammar_checked(name: str) -> str | None:
    """``name`` without the grammar words opening or closing it, or None when it names no
    object."""
    words = list(_words(name))
    stripped = False
    while len(words) > 1 and words[0][0] in _table("lead_particles"):
        words.pop(0)  # 则|本年收入, 并且|减价
        stripped = True
    while len(words) > 1 and words[-1][0] in _table("tail_particles"):
        words.pop()  # 钢产量|拟定, 绝对数|却是
        stripped = True
    rest = "".join(w for w, _ in words)
    if stripped and not any(t in _OBJECT_TAGS or t.startswith("n") for _, t in words):
        return None  # 即|增产, 只|征收, 或者|超额地: no noun is left
    if (len(rest) < 2 or rest in _table("grammar_names") or rest in _table("bare_class_names")
            or words[0][0] in _table("pronoun_leads") or _grammar_only(words)
            or (stripped and _unsure(rest))):
        return None
    return rest
