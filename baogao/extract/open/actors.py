"""The body a clause opens on before 实现 or 完成, as the owner of the measure after the verb.

A clause may open on the body whose result it states and then a verb of achieving (两大工业园区
实现工业产值11.2亿元; 其中区本级实现生产总值280亿元; 齐车轨道实现铁路车辆出口2000辆; 规模以上
工业企业实现利润总额…): the measure alone (工业产值, 生产总值) would read as the whole region's.
The body is put before it (两大工业园区工业产值, 区本级生产总值). A clause opening on a time, an
adverb, the whole region (全年, 累计, 全县, 在全市率先) or a place alone keeps the name as it is.
The verbs are data (``name_grammar.json``: ``achieving_verbs``).
"""

from __future__ import annotations

import functools
import re

from baogao.data import load_json
from baogao.extract.open.words import _skip_words, _words

#: The longest body read before the verb.
_ACTOR_MAX = 12
#: The whole region or a time named as the body (全县, 我市, 本区, 全年).
_WHOLE = re.compile(r"^(?:[全我本][省市县区旗州盟镇乡国]|全自治区|全年|当年|去年|今年)")
#: A quoted name inside the body (黄河“几字弯”攻坚战): read as one noun.
_QUOTED = re.compile(r"“[^“”]{1,10}”")
#: Tags of the words a body is made of (两大|工业园区: an adjective of number opens it).
_BODY_TAGS = ("n", "nz", "nt", "nr", "j", "l", "i", "ns", "a", "f", "b", "vn", "x")


@functools.lru_cache(maxsize=1)
def _verbs() -> tuple[str, ...]:
    return tuple(load_json("name_grammar.json")["achieving_verbs"])


@functools.lru_cache(maxsize=1)
def _modals() -> tuple[str, ...]:
    return tuple(load_json("name_grammar.json")["achieving_modals"])


def actor_owned(text: str, clause_start: int, pos: int, name: str) -> str:
    """``name`` of the value at ``pos`` with the body its clause (from ``clause_start``) opens
    on before a verb of achieving printed right before the name (see the module notes)."""
    head = text[clause_start:pos].strip()
    verb = next((v for v in _verbs() if head.endswith(v + name)), "")
    if not verb or not name:
        return name
    actor = head[: len(head) - len(verb) - len(name)].strip()
    for lead in load_json("name_grammar.json")["actor_leads"]:
        if actor.startswith(lead):
            actor = actor[len(lead) :]
    for modal in _modals():
        if actor.endswith(modal):
            actor = actor[: -len(modal)]  # 金融街|预计|实现…: the body before the estimate
            break
    if not 2 <= len(actor) <= _ACTOR_MAX or _WHOLE.match(actor):
        return name
    if actor.startswith((*_skip_words("owner_leads"), *_modals())) or not re.fullmatch(
            r"[\u4e00-\u9fff“”（）]+", actor):
        return name
    words = _words(_QUOTED.sub("文", actor))
    if not words or any(not tag.startswith(_BODY_TAGS) and word != "本级"  # 区|本级
                        for word, tag in words if tag):
        return name  # 在全市率先, 今年再, 七是: an adverb, a time or a verb, no body
    if words[-1][1].startswith(("a", "f", "b", "x")) or all(
            tag.startswith("ns") for _, tag in words):
        return name  # a place alone is the region's own (湖南|实现…)
    if name.startswith(words[-1][0]) or actor in name:
        return name
    return actor + name


def achieved_part(name: str) -> str:
    """A listed part that opens on a body and a verb of achieving (规模以上工业|实现|销售收入,
    …、利税、利润分别增长…): the measure with its body, the verb off (规模以上工业销售收入);
    ``name`` otherwise."""
    for verb in _verbs():
        at = name.find(verb)
        if at >= 2 and len(name) - at - len(verb) >= 2:
            owned = actor_owned(name, 0, len(name), name[at + len(verb) :])
            if owned != name[at + len(verb) :]:
                return owned
    return name
