"""The owner a sentence opens on, for the bare measures of its open facts.

A sentence that opens on an enterprise or an industry (省属企业完成产业类投资553.1亿元、…;
2006年，全国国有企业资产总额…，实现利润增长2.23倍，税收增长1.05倍; 机械工业1979年…，出口额
增长30.8%) goes on with that owner's measures: a bare 利润总额 or 税收 read alone would be
all of the region's. The owner is put before such a measure (省属企业利润总额, 国有企业税收).
The words are data (``commitments.json``: ``owner_heads``, ``owner_leads``,
``owned_measures_bare``).
"""

from __future__ import annotations

import functools
import re

from baogao.extract.open_frames import open_names
from baogao.extract.open_words import _growth_word, _skip_words, _strip_lead, _words

#: Word tags of the nouns an owner is made of.
_NOUN_TAGS = frozenset({"n", "nz", "nt", "j", "l", ""})
#: How many of the sentence's first characters are read for its owner.
_OPENING = 24


@functools.lru_cache(maxsize=4096)
def _owner(opening: str) -> str:
    """The owner ``opening`` (a sentence's first characters) opens on, or ""."""
    words = list(_words(opening))
    i = 0
    if len(words) > 2 and words[0][1] == "m" and words[1][0] == "年" and words[2][0] in "，,":
        i = 3  # 2006年，…
    while i < len(words) and words[i][0] in _skip_words("owner_leads"):
        i += 1  # 全年, 全国: not the owner's
    owner = ""
    for word, tag in words[i : i + 4]:
        if tag not in _NOUN_TAGS:
            break
        owner += word
        if word.endswith(_skip_words("owner_heads")):
            return owner
    return ""


def owned(text: str, start: int, pos: int, name: str) -> str:
    """``name`` of the value at ``pos`` with the owner its sentence (from ``start``) opens
    on, when it is a bare measure without it (利润总额增长 → 省属企业利润总额增长), and no
    other owner is printed since (国有企业…，省属企业资产总额…，工业总产值: not 国有企业's)."""
    growth = _growth_word(name) or ""
    if name[: len(name) - len(growth)] not in _skip_words("owned_measures_bare"):
        return name
    owner = _owner(text[start : start + _OPENING])
    if not owner or name.startswith(_words(owner)[-1][0]):
        return name  # (全年)工业|总产值: the owner's word begins the measure
    since = text.find(owner, start) + len(owner)
    if any(head in text[since:pos] for head in _skip_words("owner_heads")
           if not any(m.startswith(head) for m in _skip_words("owned_measures_bare"))):
        return name
    return owner + name


@functools.lru_cache(maxsize=1)
def _clause_owner_re() -> re.Pattern[str]:
    vocab = open_names()
    heads = "|".join(re.escape(h) for h in sorted(vocab["clause_owners"], key=len, reverse=True))
    adverbs = "|".join(re.escape(a) for a in vocab["owner_adverbs"])
    return re.compile(rf"([^，；。,、“”\d]{{2,20}}?(?:{heads}))(?:{adverbs})*")


def clause_owned(text: str, clause_start: int, pos: int, name: str) -> str:
    """``name`` with the place or body its clause opens on as the subject of a verb
    (中国（安徽）自贸试验区|累计推出|259项|制度创新成果 → 中国（安徽）自贸试验区制度创新成果),
    or unchanged (a clause opening on a verb: 新增|国家级开发区1家; a list: 浦东新区法规、…)."""
    match = _clause_owner_re().match(text, clause_start, pos)
    if match is None:
        return name
    owner = match.group(1)
    rest = text[match.end(1) : pos]
    adverbs = tuple(open_names()["owner_adverbs"])
    while rest.startswith(adverbs) and _strip_lead(rest)[1] is None:
        rest = rest[next(len(a) for a in adverbs if rest.startswith(a)) :]  # 累计|形成
    words = _words(rest)
    verb = not rest or _strip_lead(rest)[1] is not None or words[0][1] == "v"
    if (_strip_lead(owner)[1] is not None or _words(owner)[0][1] == "v" or not verb
            or owner in name or name.startswith(owner[:2]) or rest.startswith(name[:2])):
        return name  # 新增|…开发区: a verb leads; 兰州新区、西固: no verb follows
    return owner + name
