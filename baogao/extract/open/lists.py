"""Lists of objects and values: ``A、B分别增长5%、6%`` and ``A、B增长5%、6%``.

The i-th value belongs to the i-th subject; a noun the subjects share is printed once after
the last one (城镇、农村居民人均可支配收入, 原煤、原油、天然气产量).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from baogao.data import load_json
from baogao.extract.open.frames import open_names
from baogao.extract.open.words import (
    _comparison_leads,
    _cuts,
    _growth_word,
    _skip_words,
    _strip_lead,
    _strip_tail,
    _tidy,
    _words,
    vocabulary,
)
from baogao.read.regions import resolve_one

if TYPE_CHECKING:
    from baogao.extract.open.amounts import Amount



def _list_parts(head: str, joins: tuple[str, ...] = ("、", "和", "及", "与")) -> list[str]:
    """The parts of ``A、B和C``: split at 、 and at 和/及/与 standing as words (not the 及 of
    普及率)."""
    parts: list[str] = []
    current = ""
    for word, _ in _words(head):
        if word in joins:
            parts.append(current)
            current = ""
        else:
            current += word
    parts.append(current)
    return [p for p in parts if p]


def _pair_prefix(parts: list[str], count: int) -> list[str]:
    """城乡低保平均标准分别提高26.7%、27%: one part whose first word names a pair reads as
    two parts (城镇低保…, 农村低保…)."""
    if len(parts) != 1:
        return []
    for pair, members in vocabulary()["pair_prefixes"].items():
        at = parts[0].find(pair)
        if at >= 0 and len(members) == count:
            # 城乡居民…, 本外币存贷款余额: each member in the pair's place
            return [parts[0][:at] + m + parts[0][at + len(pair) :] for m in members]
    return []


_NUMBER_AT = re.compile(r"\d+(?:\.\d+)?")


def _value_runs(text: str, begin: int, end: int) -> list[list[int]]:
    """The values listed from ``begin``, as runs of number starts: numbers joined by 、/和
    (and their units) form one run; other words start a new one (…分别从202元、270元
    提高到209元、280元: two runs of two)."""
    runs: list[list[int]] = []
    last_end = -1
    for match in _NUMBER_AT.finditer(text, begin, end):
        gap = text[last_end : match.start()] if last_end >= 0 else ""
        if runs and len(gap) <= 6 and any(c in gap for c in "、和及与") and not any(
                w in gap for w in ("提高", "增加", "下降", "达到", "增至", "降至")):
            runs[-1].append(match.start())
        else:
            runs.append([match.start()])
        last_end = match.end()
    return runs


def _list_run(text: str, amounts: list[Amount]) -> list[int]:
    """The first run of two or more amounts joined only by 、 (30.4%、30.1%)."""
    run: list[int] = []
    for i, amount in enumerate(amounts):
        if run and text[amounts[run[-1]].end : amount.start] in ("、", "和"):
            run.append(i)
        elif len(run) >= 2:
            break
        else:
            run = [i]
    return run if len(run) >= 2 else []


#: A comparison after a list's last part (死亡人数|较“十三五”同期, |比2020年): not its measure.
_COMPARED = re.compile(r"(?<=..)[比较](?:上年|去年|20\d\d年|“[^”]{1,8}”).*$")


def _shared_head(parts: list[str]) -> list[str]:
    """信访总量件次、人次: short later parts replace the first part's last word and share
    the words before it (信访总量人次); 生产安全事故起数、死亡人数: later parts that are only
    a measure share the first part's subject (生产安全事故死亡人数)."""
    measures = tuple(open_names()["list_measures"])
    own = next((m for m in sorted(measures, key=len, reverse=True)
                if parts[0].endswith(m) and len(parts[0]) >= len(m) + 2), "")
    if own and len(parts) > 1 and all(_COMPARED.sub("", p) in measures for p in parts[1:]):
        subject = parts[0][: len(parts[0]) - len(own)]
        return [parts[0], *(subject + p for p in parts[1:])]
    first = _words(parts[0])
    last_word = first[-1][0] if first else ""
    if len(first) < 2 or not all(len(p) == len(last_word) for p in parts[1:]):
        return parts
    head = parts[0][: len(parts[0]) - len(last_word)]
    return [parts[0], *(head + p for p in parts[1:])]


def _shared_owner(parts: list[str]) -> list[str]:
    """上海机场航空旅客和货邮吞吐量: a place and the head of a body (``list_owner_heads``)
    opening the first part own the later parts too (上海机场货邮吞吐量), which print no
    place of their own."""
    words = _words(parts[0])
    if len(parts) < 2 or len(words) < 3 or words[0][1] != "ns":
        return parts
    owner = words[0][0] + words[1][0]
    if (words[1][0] not in load_json("name_grammar.json")["list_owner_heads"]
            or resolve_one(words[0][0]) is None):
        return parts
    if any(p.startswith(words[0][0]) or _words(p)[0][1] == "ns" for p in parts[1:]):
        return parts
    return [parts[0], *(owner + p for p in parts[1:])]


def _shared_tail(parts: list[str]) -> str:
    """The noun the listed parts share, printed once after the last one: 原煤、原油、
    天然气产量 (the last part ends with a measure word the others lack), 城镇、农村居民
    人均可支配收入 (short first parts take the rest of the last part)."""
    last = parts[-1]
    words = _words(last)
    word = words[-1][0] if words else ""
    own = (*_skip_words("shared_tails"), *_skip_words("metric_suffixes"))
    always = next((t for t in open_names()["always_shared_tails"]
                   if last.endswith(t) and len(last) > len(t) + 1), "")
    if always and not any(always in p for p in parts[:-1]):
        return always  # 化学需氧量、二氧化硫排放量: a substance ending in 量 still emitted
    if any(p.endswith(own) for p in parts[:-1]):
        return ""
    if word in _skip_words("shared_tails") and len(last) > len(word):
        return word
    short = max(len(p) for p in parts[:-1])
    sectors = tuple(open_names()["sector_ends"])
    if (len(words) >= 3 and words[1][0] in ("产业", "行业") and words[0][1] != "m"
            and short <= 5 and min(len(p) for p in parts[:-1]) >= 2
            and not any(p.endswith(sectors) for p in parts[:-1])):
        # 电子信息、汽车、机械|产业主营业务收入: the sector word and the measure are shared
        return last[len(words[0][0]) :]
    paired = next((w for w in _skip_words("paired_leads") if last.startswith(w)), "")
    if paired and short <= 3 and len(last) > len(paired) + 1:
        return last[len(paired) :]  # 城镇和农村牧区|常住居民…: the rural side is one part
    if short <= 3 and all(p.endswith(sectors) for p in parts[:-1]):
        # 制造业、战略性新兴产业|贷款: a sector is a whole noun; what follows the last
        # part's own sector is shared (工业、制造业|技改投资)
        at = ends = 0
        for part, _ in words:
            at += len(part)
            ends = at if part.endswith(sectors) else ends
        if 0 < ends <= len(last) - 2:
            return last[ends:]
    if short <= 3 and len(last) >= short + 2:
        least = min(len(p) for p in parts[:-1])
        cut = min((c for c in _cuts(last) if c >= least), default=len(parts[0]))
        if len(parts[0]) == 1 or (cut > short and len(_words(last[len(parts[0]) : cut])) == 1 and (
                cut - len(parts[0]) >= 2)):
            cut = len(parts[0])  # 城镇、农村居民…: 居民 is a word of its own
        if last.startswith("“", cut):
            # 东盟、共建|“一带一路”国家|进出口总额: a quoted name is the last part's own,
            # never shared; the measure is
            return _measure_tail(last)
        return last[cut:]
    rest = last[len(words[0][0]) :] if len(words) > 1 else ""
    if 3 <= len(rest) <= 4 and rest.endswith(own):
        return rest  # 清洁能源、新能源装机占比: all but the last part's first word
    if len(word) >= 2 and word.endswith(own) and len(last) > len(word):
        before = words[-2][0] if len(words) > 1 else ""
        # 有色冶金、装备制造产业增加值: the sector word goes with the shared measure
        if before in _skip_words("tail_classifiers") and len(last) > len(before + word):
            return before + word
        return word
    return ""


def _measure_tail(last: str) -> str:
    """The measure the parts share, from the first measure word of the last part on
    (软件和信息服务业|增加值, 旅游及相关产业|增加值占地区生产总值比重)."""
    measures = (*_skip_words("shared_tails"), *_skip_words("metric_suffixes"))
    at = 0
    for word, _ in _words(last):
        if at and word.endswith(measures):
            return last[at:]
        at += len(word)
    return ""


def _parts_named(names: dict[int, str]) -> list[str]:
    """The subjects of a list just named, without their growth word."""
    return [_strip_growth(n) for _, n in sorted(names.items())] if len(names) > 1 else []


def share_named(name: str, unit: str) -> str:
    """A share named only by what it is of (外资企业出口占全省|41.9%, 特色农牧业产值占农业总
    产值|超过88%): its measure is the share (…占全省比重). Other names are returned as
    they are."""
    if unit not in ("%", "‰") or name.startswith("占"):
        return name
    if name.endswith(tuple("占" + w for w in _skip_words("compared_wholes"))):
        return name + "比重"
    at = name.rfind("占")
    words = _words(name[:at + 1]) if at > 1 else ()
    whole = name[at + 1 :]
    if (not words or words[-1] != ("占", "v") or len(whole) < 2 or whole.startswith("比")
            or any(w in whole for w in (*_skip_words("share_words"), "占比", "率"))
            or whole.endswith(tuple(open_names()["planned_wholes"]))):
        return name  # 区属企业资产总额占计划: a share of the plan is how far it got
    return name + "比重"  # 11类民生支出占一般公共预算支出|80.2%: the share of that whole


def _strip_growth(name: str) -> str:
    growth = _growth_word(name)
    if not growth or len(name) <= len(growth):
        return name
    stem = name[: len(name) - len(growth)]
    average = next((w for w in _average_leads() if stem.endswith(w) and len(stem) > len(w)), "")
    return stem[: len(stem) - len(average)]  # …支出年均|增长: the object is the expenditure


@functools.lru_cache(maxsize=1)
def _average_leads() -> tuple[str, ...]:
    """Words of a yearly average before a change (``average_leads`` of name_grammar.json)."""
    return tuple(load_json("name_grammar.json")["average_leads"])


def respectively(text: str, clause: tuple[int, int], amounts: list[Amount],
                 listed: list[str] | None = None) -> dict[int, str]:
    """Names of ``A和B分别增长5%、6%`` (or ``A、B增长5%、6%``): the i-th value belongs to
    the i-th subject. Values without a unit we read count too (分别达719个和33类). A list
    with no subjects of its own (…分别达6.9万元、3.4万元，增长4.2%、5.3%) takes the
    subjects ``listed`` just before."""
    where = text.find("分别", clause[0], clause[1])
    if where >= 0:
        after = [i for i, a in enumerate(amounts) if a.start > where]
        return _respective(text, clause, amounts, listed, where, after) if after else {}
    names: dict[int, str] = {}
    begin = 0
    while run := [begin + i for i in _list_run(text, amounts[begin:])]:
        # each run of joined values of the clause (…提高到740元/月和485元/月、…提高到
        # 不低于1200元/月和1700元/月): the names printed before it
        names.update(_respective(text, clause, amounts, None if names else listed, -1, run))
        begin = run[-1] + 1
    return names


def bare_run(text: str, clause: tuple[int, int], amounts: list[Amount],
             singles: list[str]) -> dict[int, str] | None:
    """Values joined in one run (9.8%和8.5%) that make up their clause, which prints no
    subject of its own, only a change (实际增长): the i-th is of the i-th of the names read
    just before, one per clause (城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，
    实际增长9.8%和8.5%). An empty name marks a value that cannot be paired (too few
    names). None when the clause is not such a run."""
    run = _list_run(text, amounts)
    if len(run) < 2 or len(run) != len(amounts) or run[0] != 0:
        return None
    head = text[clause[0] : amounts[0].start]
    growth = _growth_word(head) or ""
    rest = _tidy(head[: len(head) - len(growth)] if head.endswith(growth) else head)
    if _strip_lead(rest)[0] and rest not in _skip_words("tail_noise"):
        return None  # the clause names its subjects (城镇、农村居民人均可支配收入增长…)
    if len(singles) < len(run):
        return dict.fromkeys(run, "")
    return {i: _strip_growth(name) + growth
            for i, name in zip(run, singles[-len(run) :], strict=True)}


def _respective(text: str, clause: tuple[int, int], amounts: list[Amount],
                listed: list[str] | None, where: int, after: list[int]) -> dict[int, str]:
    """``respectively`` for the values ``after`` (those after 分别 at ``where``, or one run
    of joined values when ``where`` is -1)."""
    if where >= 0:
        head_end, gap_end = where, where + 2
    else:
        head_end = gap_end = amounts[after[0]].start
    first = amounts[after[0]]
    head = text[max(clause[0], amounts[after[0] - 1].end if after[0] else clause[0]) : head_end]
    gap = text[gap_end : first.start].rstrip()  # 分别下降 9.66%: a space before the value
    growth = _growth_word(gap) or (_tidy(gap) if gap.startswith(_comparison_leads()) else "")
    if where < 0:
        growth = _growth_word(head) or ""
        head = head[: len(head) - len(growth)]
        head, _ = _strip_tail(head)
    if listed and len(listed) == len(after) and not _strip_lead(_tidy(head))[0]:
        return {i: name + growth for i, name in zip(after, listed, strict=True)}
    if where < 0 and len(_list_parts(head)) < 2 and not _pair_prefix(
            _list_parts(head), len(after)):
        return {}  # (城乡低保标准提高到)不低于740元/月和485元/月: a pair names two values
    parts = _list_parts(head)
    # (分别达)1.28万亿、1.18万亿、8200亿元: numbers printed without a unit hold places too
    runs = _value_runs(text, gap_end if where >= 0 else first.num_start, clause[1])
    slot = {}
    size = 0
    for i in after:
        run = next((r for r in runs if amounts[i].num_start in r), [])
        slot[i] = run.index(amounts[i].num_start) if run else -1
        size = size or len(run)
        if run and len(run) != size:
            return {}
    pair = _pair_prefix(parts, size)
    inner_and = False
    if pair:
        parts = pair
    elif len(parts) > size and len(_list_parts(head, ("、",))) == size:
        parts = _list_parts(head, ("、",))  # 金融业、软件和信息服务业: 和 inside one part
        inner_and = True
    if len(parts) != size or len(parts) < 2 or any(k < 0 for k in slot.values()):
        return {}
    parts = _shared_owner(_shared_head([_strip_lead(_tidy(part))[0] for part in parts]))
    shares = tuple(open_names()["share_tails"])
    if inner_and or ("占" in parts[-1] and parts[-1].endswith(shares)
                     and not any("占" in p for p in parts[:-1])):
        # 工业战略性新兴产业、高新技术产业|产值占规上工业比重: the whole share is shared
        tail = _measure_tail(parts[-1])
    else:
        tail = _shared_tail(parts)
    names = {}
    for i in after:
        part = parts[slot[i]]
        # 战略性新兴产业、高技术产业增加值: the shared 产业 is printed once
        overlap = next((k for k in range(min(len(part), len(tail)), 0, -1)
                        if part.endswith(tail[:k])), 0)
        name = part if part is parts[-1] or not tail else part + tail[overlap:]
        if len(name) < 2:
            return {}
        names[i] = share_named(name + growth, amounts[i].unit)
    return names


def each_named(head: str, name: str) -> list[str]:
    """The names of a value said of each of listed measures (游客人次、旅游花费|均增长10%以上,
    旅游人次和花费增长|均超20%): one per part, each measure with the subject it shares
    (旅游人次、旅游花费); ``[name]`` when the value is not said of each (no 均 in ``head``,
    the text before the number) or the list ends in examples (…等主要指标)."""
    # 组建率、物业管理覆盖率|超过90%: listed rates add up to no one rate, the value is each's
    rates = "均" not in head and name.endswith("率") and "、" in name
    if ("均" not in head and not rates) or "等" in name or "占" in name:
        return [name]  # …占地区生产总值和…的比重: one share, not a list of measures
    growth = _growth_word(name) or ""
    stem = name[: len(name) - len(growth)]
    after = head[head.rfind("均") + 1 :].strip()
    if not growth and after in _skip_words("growth_words"):
        growth = after  # 游客人次、旅游总花费|均增长|10%以上: the growth of each
    before = head[: head.rfind("均")].rstrip()
    if not growth and not after and (ahead := _growth_word(before)) and not stem.endswith(ahead):
        growth = ahead  # 旅游人次和花费|增长|均超20%: the growth printed before 均
    parts = _list_parts(stem, ("、", "和"))
    if len(parts) == 1 and any(w == "均" for w, _ in _words(head)) and (
            pair := _pair_prefix(parts, 2)):
        return [p + growth for p in pair]  # 本外币存贷款余额|均突破6万亿元: each of the pair
    if len(parts) < 2 or any(len(p) < 2 for p in parts):
        return [name]
    tail = _shared_tail(parts)  # 城市生活垃圾和建筑垃圾|利用率: the measure is shared
    if tail:
        parts = [p if p.endswith(tail) else p + tail for p in parts[:-1]] + parts[-1:]
    else:
        parts = _shared_head(parts)  # 旅游人次和|花费: the subject is shared
    if not all(_measured(p) for p in parts):
        return [name]  # 基本养老保险、基本医疗保险参保率: a part without its measure
    return [p + growth for p in parts]


def _measured(part: str) -> bool:
    """True when ``part`` ends in a measure (参保率, 余额, 人次, 花费), not a bare noun."""
    ends = (*_skip_words("shared_tails"), *_skip_words("metric_suffixes"),
            *open_names()["list_measures"])
    return part.endswith(ends)


#: A stop after a predicate (the end of the count's clause part).
_PART_END = re.compile(r"[，,；;。、]")


def parallel_count(text: str, end: int, stop: int, pre: str, before: str | None,
                   unit: str) -> str | None:
    """The name of a bare count listed after another count of a noun and its predicate
    (243项|政务服务事项|实现跨省通办、|158项|实现省内通办): the same noun, restricted by its
    own predicate (实现省内通办的政务服务事项), as ``open.owners.restricted`` names the first;
    None when the count is not such an item (``end`` is where the amount ends, ``stop`` its
    clause's end, ``pre`` the text from the amount before, ``before`` the noun read there)."""
    if (not before or not pre.endswith("、") or not pre.startswith(before)
            or unit.lstrip("万亿") not in vocabulary()["count_units"]):
        return None
    own = pre[len(before) : -1]
    found = _PART_END.search(text, end, stop)
    predicate = text[end : found.start() if found else stop]
    if not own or not predicate or len(predicate) > 20 or any(c.isdigit() for c in predicate):
        return None
    first = _words(own)[0]
    lead = _words(predicate)[0]
    if first[1] != "v" or lead[1] != "v" or first[0] != lead[0]:
        return None  # both items open on the same verb (实现…、…实现…)
    return f"{predicate}的{before}"


#: A level of government opening a listed item's name (国家级绿色工厂, 自治区级智能工厂).
_LEVEL_LEAD = re.compile(r"^(?:国家级|省级|自治区级|市级|区级|县级)")
#: Words opening a name with a level of its own (国家重点支持“小巨人”企业, 市级…).
_OWN_LEVELS = ("国家", "全国", "中央", "省", "市", "区", "县", "自治区", "乡", "镇")
#: Ends of a measure of what the bodies make or do, not a body (人形机器人产量, 覆盖率).
_MEASURE_ENDS = ("量", "率", "额", "值", "规模", "能力", "比重", "水平", "面积", "收入")


def listed_level(pre: str, before: str | None, name: str, unit: str) -> str:
    """``name`` of a count printed right after another count and a 、 (``pre``), whose name
    (``before``) opens on a level of government (自治区级绿色工厂54家、|绿色园区2家): the level
    is shared (自治区级绿色园区). A name with a level or a place of its own, a measure, or a
    value that is not a count is returned as it is."""
    if (not before or not pre.startswith("、") or pre[1:] != name or name.endswith(_MEASURE_ENDS)
            or unit.lstrip("万亿") not in vocabulary()["count_units"]):
        return name
    level = _LEVEL_LEAD.match(before)
    if level is None or name.startswith(_OWN_LEVELS) or resolve_one(name[:3]) is not None or any(
            tag.startswith("ns") for _, tag in _words(name)[:1]):
        return name
    return level.group(0) + name
