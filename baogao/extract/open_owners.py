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


@functools.lru_cache(maxsize=1)
def _fiscal_re() -> re.Pattern[str]:
    """A sentence opening on a budget and its verb (今年中央财政拟安排…, 省财政投入…)."""
    vocab = open_names()

    def alt(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(vocab[key], key=len, reverse=True))

    years = r"[0-9]{4}年|[一二三四五六七八九〇○零]{4}年"
    return re.compile(rf"(?:(?:{alt('fiscal_times')}|{years})[，,]?)?({alt('fiscal_owners')})"
                      rf"(?=[^，,；;。]{{0,8}}?(?:{alt('fiscal_verbs')}))")


def fiscal_owned(text: str, start: int, pos: int, name: str) -> str:
    """``name`` of the value at ``pos`` with the budget its sentence (from ``start``) opens on
    as the payer (中央财政安排|科技投入716亿元 → 中央财政科技投入: the central budget's, not
    all 科技投入 of the country), when ``name`` is a fund (``money_heads``), names no payer
    of its own and no other budget is printed since (…，地方财政每年将安排支出…). A
    clause opening on the budget inside the sentence does the same."""
    match = _fiscal_re().match(text, start, pos)
    if match is None:  # (抓紧…规划，)中央财政今年再安排…: the clause opens on it
        clause = max(text.rfind(mark, start, pos) for mark in "，,；;") + 1
        match = _fiscal_re().match(text, clause, pos) if clause > start else None
    if match is None:
        return name
    owner = match.group(1)
    growth = _growth_word(name) or ""
    bare = name[: len(name) - len(growth)]
    if not bare.endswith(tuple(open_names()["money_heads"])) or bare.startswith(
            (owner, "中央", "国家", "地方", "财政", "各级", "省", "市", "区", "县")):
        return name
    if "财政" in text[match.end(1) : pos] or "中央" in text[match.end(1) : pos]:
        return name  # another budget spoken of since
    return owner + name


def reached(text: str, start: int, end: int, name: str) -> str:
    """A generic group (``reached_nouns``: 学生, 企业, 消费者) counted after a verb that
    reaches it (惠及消费者150余万人, 走访各类企业6924家, 带动|2.55万家|企业) keeps the verb:
    the 150万 are the consumers reached, not the region's consumers. ``start``/``end``
    delimit the printed amount."""
    vocab = open_names()
    if name not in vocab["reached_nouns"]:
        return name
    verbs = tuple(vocab["reach_verbs"])
    before = text[max(0, start - len(name) - 8) : start]
    at = before.rfind(name)
    if at >= 0 and len(before) - at - len(name) <= 2:  # 惠及消费者|150余万人, 资助学生|超过
        lead = before[:at]
    elif text.startswith(name, end) or text.startswith(name, end + 1):  # 带动|2.55万家|企业
        lead = before.rstrip("超近约逾")
    else:
        return name
    verb = next((v for v in verbs if lead.endswith(v)), "")
    return verb + name if verb else name
