"""The last look at an open fact's name: framing words, generic heads, thresholds.

* A name opened by the reporting region or a stretch of months (我区外送电能力,
  1—11月规模以上工业能耗强度) keeps only its object: the region is the document's, the
  months belong to the period, not to the object.
* A name that is only a generic head noun (项目, 指标, 经验) says nothing: it borrows the noun
  phrase printed right before its number (深圳综合改革试点|48项|经验 → 深圳综合改革试点经验,
  先行区建设|6个方面|16条|经验 → 先行区建设经验); with none (引进项目1002个, …等5项指标: a
  count of examples), the fact is dropped — precision first.
* A threshold passed (迈上4个万亿元台阶, 连跨4个万亿元台阶) is not an amount of anything.
* A count opened by 在 and followed by its noun (在500个行政村实施…, 在100多个国家和地区展开,
  在四百多个工业企业中进行…试点) tells where something was done: the places are counted
  only as the setting of another action, and the noun alone (行政村, 国家和地区) names no
  object of the report — the fact is dropped (not 保持在650家以上: a level, named before).
* A value said of a fraction of the subjects (有三分之一的省、市、自治区，工业产值平均每年的
  增长速度都在百分之十二以上) is some of them's, not the object's: dropped.

The word lists live in ``baogao/data/open_names.json``.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from baogao.data import load_json
from baogao.extract.open.words import (
    _after_last_action,
    _growth_word,
    _skip_words,
    _strip_lead,
    _tidy,
    _verb_words,
    _words,
    vocabulary,
)

__all__ = ["final_name", "fraction_subject", "joined_list", "listed_descriptor", "located",
           "open_names"]


@functools.lru_cache(maxsize=1)
def open_names() -> dict[str, Any]:
    """The word tables in ``baogao/data/open_names.json``."""
    data: dict[str, Any] = load_json("open_names.json")
    return data


@functools.lru_cache(maxsize=1)
def _framing() -> re.Pattern[str]:
    """Framing words at the start of a name: the region (我区, 全市) or months (1—11月,
    10月份, 前三季度)."""
    regions = "|".join(re.escape(w) for w in sorted(open_names()["framing_leads"], key=len,
                                                     reverse=True))
    month = r"[0-9一二三四五六七八九十]{1,2}"
    months = (rf"{month}(?:月份?)?(?:[—\-－~～至到]{month}月份?)|{month}月份|"
              rf"前{month}个?(?:月|季度)|第?{month}季度")
    return re.compile(rf"^(?:{regions}|{months})+")


def strip_framing(name: str) -> str:
    """``name`` without the region or months framing it (我区外送电能力 → 外送电能力);
    unchanged when too little would be left."""
    for word in open_names()["inner_times"]:
        at = name.find(word, 2)
        if at >= 2 and len(name) - at - len(word) >= 2:
            name = name[:at] + name[at + len(word) :]  # 中央财政|全年|用于社会保障的资金
    match = _framing().match(name)
    if match is None:
        return name
    rest = _tidy(name[match.end() :])
    return rest if len(rest) >= 2 else name


#: A count right before the number (6个方面|16条经验): a part of the qualifier's, skipped.
_COUNT_BEFORE = re.compile(r"[0-9.零一二两三四五六七八九十百千万亿多余]+[个项条家处类种批]"
                           r"[\u4e00-\u9fff]{0,3}$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _qualifier(head: str, name: str) -> str:
    """The noun phrase printed right before the number that qualifies a generic ``name``
    (深圳综合改革试点|48项), or "" (an action, a list of examples ending in 等, nothing).
    ``head`` runs from the amount before (or the clause start) to the number."""
    if head.startswith((name + "、", name + "和")):
        head = head[len(name) + 1 :]  # (…示范区47项)经验、|深圳综合改革试点|48项经验
    if head.endswith(name):
        head = head[: len(head) - len(name)]  # 引进项目|1002个: the name before the number
    head = _COUNT_BEFORE.sub("", head)
    if not head or head.endswith(("等", "、", "和", "及", "与")):
        return ""
    phrase, action = _after_last_action(head)
    if action and not phrase:
        return ""  # 引进|项目, 实施|项目: what was done, no qualifier
    phrase = _tidy(_strip_lead(phrase)[0])
    if head[: len(head) - len(phrase)].endswith(("、", "和", "及", "与")):
        return ""  # (A、B、)C|3个案例: the last of the examples counted, not a qualifier
    if (len(phrase) < 3 or not _HAN.search(phrase) or any(c.isdigit() for c in phrase)
            or any(c in phrase for c in "、和及与")):
        return ""  # (A、B、)C|3个案例: the last of the examples counted, not a qualifier
    if not _noun_phrase(phrase):
        return ""  # a verb, an adverb or a function word ends it: not a noun phrase
    return strip_framing(phrase)


def _noun_phrase(phrase: str) -> bool:
    """True when ``phrase`` ends in a noun, or in a verbal noun after a noun (先行区|建设)."""
    words = _words(phrase)
    if not words or "等" in phrase:
        return False
    word, tag = words[-1]
    if tag == "vn":
        return len(words) >= 2 and words[-2][1] in ("n", "nz", "ns", "nt")
    return not tag.startswith(("v", "d", "p", "u", "c")) and word not in _verb_words()


#: A modifier printed between a count and its generic head (21个|改造|项目, 192个|帮扶|项目).
_MODIFIER = re.compile(r"[\u4e00-\u9fff]{2,6}")


def _modifier(after: str, name: str) -> str:
    """The words printed between the number and a generic ``name`` right after it
    (21个|改造|项目 → 改造), or ""."""
    at = after.find(name, 0, 8 + len(name))
    if at <= 0 or not _MODIFIER.fullmatch(after[:at]):
        return ""
    return after[:at]


_PUNCT = re.compile(r"[，,：:；;。、（）()“”]")


def _said_earlier(before: str, modifier: str) -> str:
    """The fuller phrase ending in ``modifier`` that the sentence printed before (提速推进
    城中村改造，新启动21个|改造|项目 → 城中村改造), or ``modifier``."""
    at = before.rfind(modifier)
    if at < 0:
        return modifier
    chunk = _PUNCT.split(before[: at + len(modifier)])[-1]
    phrase = _tidy(_strip_lead(_after_last_action(chunk)[0])[0])
    if (phrase.endswith(modifier) and len(modifier) < len(phrase) <= len(modifier) + 8
            and not any(c.isdigit() for c in phrase)):
        return phrase
    return modifier


@functools.lru_cache(maxsize=1)
def _value_at_end() -> re.Pattern[str]:
    """A value in a unit at the end of a name (中欧班列|2286列, 低效楼宇|近20万平方米):
    another amount run into it (not 每50公斤, a rate's base)."""
    units = "|".join(re.escape(u) for u in sorted([*vocabulary()["units"], "列"], key=len,
                                                   reverse=True))
    return re.compile(rf"(?<=[\u4e00-\u9fff”])(?<!每)(?:近|超|约|超过)?[0-9][0-9.]*[万亿]?"
                      rf"(?:{units})$")


_CLASSIFIED = re.compile(r"^.*[0-9零一二两三四五六七八九十百千万亿多余]+[个项条家处类种批所座件]")


def _named_earlier(before: str, name: str) -> str:
    """The qualified ``name`` the sentence printed before (2023年20项|计划|指标中，19项指标
    → 计划), or ""."""
    at = before.rfind(name)
    while at > 0:
        chunk = _CLASSIFIED.sub("", _PUNCT.split(before[:at])[-1])
        phrase = _tidy(_strip_lead(_after_last_action(chunk)[0])[0])
        if 2 <= len(phrase) <= 8 and not any(c.isdigit() for c in phrase) and _noun_phrase(
                phrase) and (phrase + name) in before:
            return strip_framing(phrase)
        at = before.rfind(name, 0, at)
    return ""


#: A growth compared with another before a level (全体居民人均可支配收入|增速高于经济增速|、
#: 突破3万元): the level is the object's.
_GROWTH_COMPARED = re.compile(r"(?<=..)(?:增速|增幅)(?:高于|快于|低于|慢于|超过).*$")
_CHANGE_UNITS = ("%", "‰", "倍", "个百分点")


def _multiple_of(head: str, name: str) -> str | None:
    """The subject a multiple is of when ``name`` is the base it is put against (保教人员
    工资待遇|提高到|当地最低工资标准|2倍以上 → 保教人员工资待遇; "" when no subject is
    printed), or None when ``name`` is no base."""
    core = head.rstrip("的")
    if not core.endswith(name):
        return None
    inner = next((v for v in ("不低于", "不少于", "相当于", "提高到") if v in name[2:]), "")
    if inner:  # 特困人员基本生活标准|不低于|当地最低生活保障标准的1.6倍: the name holds both
        return _multiple_of(core[: len(core) - len(name)] + name, name[name.index(inner, 2)
                                                                      + len(inner) :])
    before = core[: len(core) - len(name)]
    verb = next((v for v in sorted(open_names()["base_verbs"], key=len, reverse=True)
                 if before.endswith(v)), "")
    if not verb:
        return None
    subject = _tidy(_strip_lead(before[: len(before) - len(verb)])[0])
    subject = _PUNCT.split(subject)[-1]
    return subject if len(subject) >= 2 and _noun_phrase(subject) else ""


#: A clause ending in 的有 before its number (其中依法判刑的有|二万…人): what it counts is
#: the noun the 的 clause leaves unprinted.
_HEADLESS = re.compile(r"的(?:共|约|还|已|只)?有(?:约|近|超过|达)?$")


def final_name(name: str, head: str, after: str = "", before: str = "",
               unit: str = "") -> str | None:
    """``name`` without framing words, a generic head qualified by the words printed right
    before the number (``head``: from the amount before, or the clause start, up to the
    number) or between the number and the head (``after``: the rest of the clause; the
    fuller phrase the sentence printed ``before`` ending in those words), or None when the
    fact names nothing (a generic head alone, a threshold passed)."""
    vocab = open_names()
    growth = _growth_word(name) or ""
    bare = name[: len(name) - len(growth)]
    if bare in _skip_words("owned_measures_bare") and bare in _skip_words("bare_names"):
        return None  # 营收 alone, with no owner found for it: a measure of nothing named
    if any(w in name for w in vocab["step_words"]) or after.startswith(
            tuple(vocab["step_words"])):
        return None  # 迈上4个万亿元台阶, 万亿元台阶|突破9万亿元, 跻身500亿元|行列
    if name.startswith(tuple(vocab["bound_leads"])):
        return None  # (医疗机构使用)|环节抽检, (办理)|时限压缩: cut from the owner
    if unit.endswith("倍") and (based := _multiple_of(head, name)) is not None:
        name = based
        if not name:
            return None  # 等于…建成住宅面积的二点六倍: a ratio to a base, no subject
    if (ran := _value_at_end().search(name)) is not None:
        # 中欧班列|2286列(、增长7.7%), 低效楼宇|近20万平方米: another value run into the name
        name = name[: ran.start()]
        if len(name) < 2 or not _noun_phrase(name):
            return None  # 输出|345亿度: what is left is no object
    if _framing().fullmatch(name):
        return None  # (工业总产值…，)10月份|增长了10.6%: a time, no object
    if _HEADLESS.search(head) and (not _noun_phrase(name) or _words(name)[-1][1] == "f"):
        return None  # 其中依法判刑的有|…人, 限额以上的有|921个: a 的 clause without its noun
    name = strip_framing(name)
    if unit and unit not in _CHANGE_UNITS:
        name = _GROWTH_COMPARED.sub("", name)
    if unit.endswith("户") and (at := name.rfind("家庭")) >= 2 and 0 < len(name) - at - 2 <= 5 and (
            not name.endswith(tuple(load_json("name_grammar.json")["activity_words"]))):
        # 特殊困难老年人家庭|适老化(改造4.5万户): the households counted; not the work done
        # to them (困难重度残疾人家庭无障碍改造|8613户: the object is the work)
        name = name[: at + 2]
    if name in vocab["generic_names"]:
        modifier = _modifier(after, name)
        qualifier = (_said_earlier(before, modifier) if modifier
                     else _qualifier(head, name) or _named_earlier(before, name))
        return qualifier + name if qualifier else None
    if name in vocab["clause_generic_names"]:
        qualifier = _qualifier(head, name)  # 保交房|7.4万套住房; not 解决|住房 (whose?)
        return qualifier + name if qualifier else None
    return name


def listed_descriptor(text: str, start: int, end: int, unit: str, name: str) -> bool:
    """True for a measure printed between the last of listed projects and the noun it
    describes (金川四矿区…综合开发利用、白银集团|7万吨|锌基合金等项目): the capacity of one
    item, not an amount of the list read before it."""
    base = unit.lstrip("万亿")
    if ("、" not in name or unit in ("%", "‰") or base in vocabulary()["count_units"]
            or not _HAN.match(text, end)):
        return False
    return text.endswith(name[name.rfind("、") + 1 :], 0, start)


def located(text: str, start: int, end: int, unit: str, name: str) -> bool:
    """True for a count right after the preposition 在 whose noun follows it (在500个|行政村
    实施…): the places where something was done, not an object counted (see the module
    notes). ``start``/``end`` delimit the printed amount."""
    if start < 1 or text[start - 1] != "在" or not name:
        return False
    if unit.lstrip("万亿") not in vocabulary()["count_units"]:
        return False  # 稳定在95%以上, 控制在550亿元左右: a level
    rest = text[end : end + len(name) + 8]
    return _HAN.match(rest) is not None and name[:2] in rest


#: A fraction of the subjects opening a clause (也有三分之一的省、市、自治区，…).
_FRACTION_SUBJECT = re.compile(r"[一二三四五六七八九十几]分之[一二三四五六七八九十几]的"
                               r"[\u4e00-\u9fff、]{1,12}[，,]")


def fraction_subject(text: str, start: int, pos: int) -> bool:
    """True when the sentence from ``start`` says the value at ``pos`` of a fraction of its
    subjects (see the module notes)."""
    return _FRACTION_SUBJECT.search(text, start, pos) is not None


@functools.lru_cache(maxsize=1)
def _joined_re() -> re.Pattern[str]:
    vocab = open_names()
    verbs = "|".join(re.escape(w) for w in vocab["joined_verbs"])
    bodies = "|".join(re.escape(w) for w in vocab["larger_bodies"])
    return re.compile(rf"(?:{verbs})[^，,；;。、0-9]{{0,10}}?(?:{bodies})[^，,；;。、0-9]{{0,4}}$")


def joined_list(text: str, start: int, end: int, unit: str) -> bool:
    """True for a count printed right after a list the region joined (6家“小剧场”入围|全市
    首批|15家|演艺空间培育项目, 入选|世界旅游联盟|50个典型案例): the count is the list's,
    of the whole country or city, not an amount of the region's (not 入选国家领航级智能工厂
    |2家: the region's count after its noun). ``start``/``end`` delimit the printed amount."""
    if unit.lstrip("万亿") not in vocabulary()["count_units"] or not _HAN.match(text, end):
        return False
    return _joined_re().search(text, max(0, start - 24), start) is not None
