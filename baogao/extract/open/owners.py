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

from baogao.data import load_json
from baogao.extract.open.amounts import _find_amounts
from baogao.extract.open.frames import open_names
from baogao.extract.open.names import _strip_verbs, counted_head
from baogao.extract.open.words import (
    _actions,
    _growth_word,
    _skip_words,
    _strip_lead,
    _verb_words,
    _words,
    vocabulary,
)
from baogao.read.regions import resolve_one

#: Word tags of the nouns an owner is made of.
_NOUN_TAGS = frozenset({"n", "nz", "nt", "j", "l", ""})
#: How many of the sentence's first characters are read for its owner.
_OPENING = 24


#: The marks a clause opens after.
_CLAUSE_MARK = re.compile(r"[，,；;]")


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
        if word == "以上" and owner in ("规模", "限额"):
            owner += word  # 规模|以上|工业: a size class opening the owner
            continue
        if tag not in _NOUN_TAGS and (tag != "ns" or owner):  # 庆阳|数据中心集群: a place
            break  # may open the owner
        owner += word
        if word.endswith(_skip_words("owner_heads")):
            at = words.index((word, tag), i)
            heads = load_json("name_grammar.json")["body_heads"]
            if at + 1 < len(words) and words[at + 1][0] in heads:
                return owner + words[at + 1][0]  # 规模以上工业|企业: the head goes on
            return owner
    return ""


def owned(text: str, start: int, pos: int, name: str) -> str:
    """``name`` of the value at ``pos`` with the owner its sentence (from ``start``) opens
    on, when it is a bare measure without it (利润总额增长 → 省属企业利润总额增长), and no
    other owner is printed since (国有企业…，省属企业资产总额…，工业总产值: not 国有企业's)."""
    growth = _growth_word(name) or ""
    if name[: len(name) - len(growth)] not in _skip_words("owned_measures_bare") and not (
            name.endswith(tuple(open_names()["owned_share_tails"]))):
        return name  # (酒钢集团…，)高端产品占比: a share of the owner's output too
    begin = start
    for clause in sorted((m.end() for m in _CLAUSE_MARK.finditer(text, start, pos)),
                         reverse=True):
        found = _owner(text[clause : clause + _OPENING])
        if found and not name.startswith(_words(found)[-1][0]):
            begin = clause  # 国有企业…，省属企业资产总额…，|工业总产值: 省属企业's
            break
    if begin != start and name[: len(name) - len(growth)] not in _skip_words(
            "owned_measures_bare"):
        return name  # (…，)澳资企业超6600户…，“四新”产业占比: only the sentence's owner
    owner = _owner(text[begin : begin + _OPENING])
    if not owner and begin == start and text[start - 1 : start] in ("；", ";") and (
            name[: len(name) - len(growth)] in _skip_words("owned_measures_bare")):
        # 规模以上工业增加值…，增长25.4%；|净利润646.9亿元: the sentence a semicolon goes on
        begin = max(text.rfind(m, 0, start - 1) for m in "。！？\n") + 1
        owner = _owner(text[begin : begin + _OPENING])
    if not owner or name.startswith((_words(owner)[-1][0], owner[:2])):
        return name  # (全年)工业|总产值: the owner's word begins the measure
    since = text.find(owner, begin) + len(owner)
    if any(_another_owner(text[since:pos], head) for head in _skip_words("owner_heads")
           if not any(m.startswith(head) for m in _skip_words("owned_measures_bare"))):
        return name
    return owner + name


def _another_owner(between: str, head: str) -> bool:
    """True when ``head`` is printed in ``between`` as the head of another owner, not as the
    object of an action (庆阳数据中心集群|引进企业357家|，算力规模: the cluster's still)."""
    at = between.find(head)
    while at >= 0:
        if not between[:at].endswith(tuple(_actions())):
            return True
        at = between.find(head, at + 1)
    return False


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


#: A sentence opening on the areas its spending goes to (各级政府加大对科技、教育…事业的
#: 投入，…).
_PURPOSE = re.compile(r"[^，,；;。]{0,8}?加大对([^，,；;。的]{2,30})的(?:支持|投入)(?:力度)?[，,]")


def purposed(text: str, start: int, pos: int, name: str) -> str:
    """``name`` of a fund or spending at ``pos`` in a sentence (from ``start``) that opens on
    the areas the spending is raised for (各级政府加大对科技、教育、文化、卫生、体育事业的
    投入，|全国财政支出2.82万亿元): the spending on them, not all of it
    (全国财政用于科技、教育、文化、卫生、体育事业的支出); ``这些方面`` in the name is
    those areas. Other names are returned as they are."""
    match = _PURPOSE.match(text, start, pos)
    if match is None or ("用于" in name and "这些方面" not in name):
        return name
    if "这些方面" in name:
        return name.replace("这些方面", match.group(1))
    growth = _growth_word(name) or ""
    if not name[: len(name) - len(growth)].endswith(tuple(open_names()["money_heads"])):
        return name
    owner = next((o for o in sorted(open_names()["fiscal_owners"], key=len, reverse=True)
                  if name.startswith(o) and len(name) > len(o)), "")
    return f"{owner}用于{match.group(1)}的{name[len(owner) :]}"  # 全国财政|支出


def fiscal_owned(text: str, start: int, pos: int, name: str) -> str:
    """``name`` of the value at ``pos`` with the budget its sentence (from ``start``) opens on
    as the payer (中央财政安排|科技投入716亿元 → 中央财政科技投入: the central budget's, not
    all 科技投入 of the country), when ``name`` is a fund (``money_heads``), names no payer
    of its own and no other budget is printed since (…，地方财政每年将安排支出…). A
    clause opening on the budget inside the sentence does the same."""
    name = purposed(text, start, pos, name)
    match = _fiscal_re().match(text, start, pos)
    clauses = sorted((m.end() for m in _CLAUSE_MARK.finditer(text, start, pos)), reverse=True)
    for at, clause in enumerate(clauses if match is None else ()):
        # (抓紧…规划，)中央财政今年再安排…: the clause opens on it; (…，中央财政拟安排补贴
        # 资金1335亿元，)|比上年增加60.4亿元: or, for a change, a clause before, whose funds
        # these still are (not 投入国债资金 after 中央财政用于…的支出987亿元)
        if at and not _growth_word(name):
            break
        match = _fiscal_re().match(text, clause, pos)
        if match is not None or _find_amounts(text, clause, pos):
            break
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
    if not name.endswith(tuple(vocab["reached_nouns"])) or name.startswith(
            tuple(vocab["reach_verbs"])):
        return name  # (惠及)3岁以下婴幼儿, 残疾学生: a group ending in one is one too
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
    if not verb:
        return name
    if verb in load_json("name_grammar.json")["benefit_verbs"] and (
            at := text.rfind(verb, 0, start)) > 0:
        return _benefactor(text, at) + verb + name  # 纾困资金|惠及企业|3万余家
    return verb + name


#: The longest name of what benefits a group (纾困资金, 国家育儿补贴政策).
_BENEFACTOR_MAX = 16
_BENEFACTOR_MARKS = "，,、；;。：:"


def _benefactor(text: str, at: int) -> str:
    """What a group counted after a verb of benefit at ``at`` benefits from (安排纾困资金
    91.97亿元，|惠及企业3万余家; 落实国家育儿补贴政策，|惠及…; 长期护理保险制度试点|惠及…): the
    noun phrase closing the clause before (its amount and lead verb off) or opening the verb's
    own clause; "" when there is none plainly (then the verb alone stays: 惠及企业)."""
    own = at - max(text.rfind(m, 0, at) for m in _BENEFACTOR_MARKS) - 1
    if own > 0:
        seg_end, seg_start = at, at - own
    elif at >= 2 and text[at - 1] in _BENEFACTOR_MARKS[:3]:
        seg_end = at - 1
        seg_start = max(text.rfind(m, 0, seg_end) for m in _BENEFACTOR_MARKS) + 1
        if text[seg_start - 1 : seg_start] == "、":
            return ""  # 配置教学仪器、…、照明灯具等基本设备，|惠及…: the last item of a list
    else:
        return ""
    amounts = _find_amounts(text, seg_start, seg_end)
    if amounts:
        if own > 0 or text[amounts[-1].end : seg_end].strip("（）()台套件辆间"):
            return ""  # 新筹建…28.6万套（间）: the units of the amount, nothing after it
        seg_end = amounts[-1].start
    owner, lead = _strip_lead(text[seg_start:seg_end].strip())
    owner, verb = _strip_verbs(owner.strip("的"))
    lead = lead or verb
    if lead is not None and lead in load_json("name_grammar.json")["activity_words"]:
        owner += lead  # 改造农村危房…，|惠及…: the work benefits them (农村危房改造)
    if not 2 <= len(owner) <= _BENEFACTOR_MAX or re.search(r"[^\u4e00-\u9fff“”]", owner):
        return ""
    words = _words(owner)
    if not words[-1][1].startswith(("n", "vn", "j", "l")) and not owner.endswith("”"):
        return ""
    grammar = load_json("name_grammar.json")
    if any(w in grammar["pivot_verbs"] or w in open_names()["reach_verbs"] for w, _ in words):
        return ""  # 消费品以旧换新|带动|相关商品销售: a clause, not what benefits them
    return owner


#: Words a clause may open on before a count that is its subject (其中|5家企业入选…).
_SUBJECT_LEADS = frozenset({"", "其中", "共", "共有", "有", "累计", "全省", "全市", "全区", "首批",
                            "全国", "全年", "目前", "现有", "已有", "已经有", "又有", "还有"})
#: Verbs of a flow opening a clause before a count whose noun a predicate follows (新增|1600个|
#: 自然村（屯）|通硬化路): the new ones are those the predicate says.
_FLOW_LEADS = frozenset({"新增", "新增加", "净增"})
#: A preposition opening a clause before a count of those it serves (免费为|10323名…).
_SERVED_LEAD = re.compile(r"(?:免费|还|又|共|累计|先后|分批次)?[为向给对]")
#: The longest predicate kept before a counted noun.
_PREDICATE_MAX = 20


def restricted(text: str, clause: tuple[int, int], start: int, end: int, name: str,
               unit: str) -> str:
    """A count opening its clause whose noun is the subject of the rest of it (49家|三级公立
    综合医院|获评A级以上, 2个|县（市）|获评全国百强县) counts only the ones the predicate
    says: the name keeps it (获评A级以上的三级公立综合医院), not the noun alone, which
    would read as all of them. Unchanged when the predicate holds another number, runs long,
    or opens on no verb; ``start``/``end`` delimit the printed amount."""
    if (not name or not text.startswith(name, end) or "的" in name
            or name in open_names()["generic_names"]):
        return name  # a generic head (7处|项目|启动施工) is qualified by final_name or dropped
    if not _DIVISIONS.search(name) and not _words(_ASIDE.sub("", name) or name)[-1][1].startswith(
            ("n", "j", "l")):
        return name  # (14座)苏州河桥梁景观灯光|提升: the name ends in no noun
    if unit.lstrip("万亿") not in _skip_words("count_units"):
        return name
    head = text[clause[0] : start].strip()
    run = _count_run(text, clause, start)
    if run is not None:
        head = run[0]  # 28个省（区、市）、|2300个县（市）|已初步建立…: the run's own lead
        if head in _FLOW_LEADS:
            return name  # 新增22个…试点、8个整县|推进…试点: the last noun runs on, no predicate
    pivot = _pivot(head)
    if pivot and run is not None:
        return name  # 带动|1025万台家电以旧换新、45.4万辆汽车报废…: each its own predicate
    if (_SERVED_LEAD.fullmatch(head) is not None
            and unit.lstrip("万亿") in open_names()["served_units"]):
        # 为|5.01万名|农民工|追回欠薪6.83亿元: those served, the predicate up to its amount
        stop = next((a.start for a in _find_amounts(text, end + len(name), clause[1])),
                    clause[1])
        predicate = text[end + len(name) : stop].rstrip("、和及")
        if "、" in predicate:
            return name  # 为|超61万名|孕妇|免费提供地中海贫血、唐氏综合征…的产前筛查: a list
        clause = (clause[0], end + len(name) + len(predicate))
    elif head not in _SUBJECT_LEADS and head not in _FLOW_LEADS and not _existential(
            head) and not pivot and not (
            _EXAMPLES_BEFORE.fullmatch(head) and _strip_lead(head)[1] is None
            and not _words(head)[0][1].startswith("v")
            and not head.startswith(tuple(open_names()["example_verbs"]))  # 深化|…等
            and not any(t.startswith("v") and t != "vn" for _, t in _words(head))):
        return name  # 推动|4000家企业…, 为|60处…, 推进白塔寺等|4个片区: a verb governs it
    rest = run[1] if run is not None else text[end + len(name) : clause[1]].split("、")[0]
    if (_words(rest)[-1][0] in _LEVELS if rest else False) and text.startswith(
            "、", end + len(name) + len(rest)):
        return name  # 50部文艺作品|获得国家|、省级奖项: the predicate goes on after 、
    if (not rest or len(rest) > _PREDICATE_MAX or _DIGIT.search(_RANK.sub("", _QUOTED.sub(
            "", rest)))  # (4部作品)获“五个一工程”奖: a number inside a quoted title
            or not _HAN_ONLY.fullmatch(_RANK.sub("强", rest))):  # 跻身全国30强
        return name
    if pivot and rest.startswith(("等", "和", "及", "与")):
        return name  # 引导|超2万名|高校毕业生|等青年到…: the noun goes on, not cut here
    if pivot and rest in load_json("name_grammar.json")["activity_words"]:
        return name + rest  # 推动|2处|立体停车设施|建设: the work done on them
    words = [(w, t) for w, t in _words(rest) if w != "了"]
    opening = 0
    whole = tuple(open_names()["whole_adverbs"])
    pace = open_names()["progress_predicates"]
    if any(a in rest for a in pace["adverbs"]) and rest.endswith(tuple(pace["verbs"])):
        return name  # 16家高水平医院|建设加速推进, 19所…学校|创建全面展开: all under way
    if rest.startswith(whole) and not _DIVISIONS.search(name):
        return name  # 20件民生实事|全部完成: all of them (not 28个省（区、市）|全部免征…)
    while opening < len(words) - 1 and (words[opening][1] == "d" or words[opening][0]
                                        in (*open_names()["predicate_adverbs"], *whole)):
        opening += 1  # 新|认定为, 先后|访华, (省（区、市）)全部|免征
    # 通过|…评价; after a pivot verb what follows the noun is its predicate whatever the
    # tagger reads (培育扶持|6家|企业|上市, 推动|6项|重点实事|落地)
    verb = bool(words) and (words[opening][0] in _restricting_verbs() or pivot)
    if not words or not (words[opening][1].startswith(("v", "p")) or verb
                         or words[opening][0] in ("被", "获") or (  # 对外开放|共享: an idiom
                             words[opening][1] == "l"
                             and any(t == "v" for _, t in words[opening + 1 :]))):
        return name
    if not verb and not any(t.startswith("v") for _, t in words):
        return name
    if any(j in name for j in "和及与") and words[-1][0] in name:
        return name  # 建筑材料企业和木材|采伐企业: the list of nouns goes on
    return "".join(w for w, _ in words) + "的" + name


#: Adverbs printed before a pivot verb (累计|带动…, 共|帮助…).
_PIVOT_ADVERBS = ("累计", "共", "先后", "还", "又", "积极")


def _pivot(head: str) -> bool:
    """True for a clause head that is a pivot verb (推动|超1万家|企业|开展…, 累计帮助|…): the
    counted noun after it is the subject of the predicate that follows (``pivot_verbs`` of
    ``name_grammar.json``)."""
    for adverb in _PIVOT_ADVERBS:
        if head.startswith(adverb) and len(head) > len(adverb) + 1:
            head = head[len(adverb) :]
            break
    return head in load_json("name_grammar.json")["pivot_verbs"]


@functools.lru_cache(maxsize=1)
def _restricting_verbs() -> frozenset[str]:
    """Verbs opening a predicate that a tagger may read as a preposition or a name (通过,
    荣获): ``restricting_verbs`` of ``name_grammar.json``."""
    return frozenset(load_json("name_grammar.json")["restricting_verbs"])


def _existential(head: str) -> bool:
    """True for a clause opening on a time or place and 有 before its count (现在全国有|
    100多个城市建立了…): the count is the subject of what follows, as after 有 alone."""
    if not head.endswith("有") or not 2 < len(head) <= 8:
        return False
    return all(tag in ("t", "s", "ns", "f", "d") or word in _SUBJECT_LEADS
               for word, tag in _words(head[:-1]))


@functools.lru_cache(maxsize=1)
def _served_money() -> re.Pattern[str]:
    verbs = "|".join(load_json("name_grammar.json")["served_money_verbs"])
    return re.compile(rf"{_SERVED_LEAD.pattern}[\d.]+[万亿]?(?:余|多)?(?:名|人次|人|户|家|个|位)"
                      rf"([\u4e00-\u9fff“”]{{2,14}}?)(?:{verbs})")


def served_owned(text: str, clause_start: int, pos: int, name: str, unit: str) -> str:
    """``name`` of money given to a group counted after 为 in its clause (为6107名|困难家庭
    高校新生|发放|资助金5637.2万元 → 困难家庭高校新生资助金), or unchanged."""
    if not unit.endswith("元") or not name:
        return name
    found = _served_money().match(text, clause_start, pos)
    if found is None or text[found.end() : pos] != name:
        return name
    return found.group(1) + name


def served_unsaid(text: str, clause: tuple[int, int], start: int, end: int, name: str,
                  unit: str) -> bool:
    """True for a count of people or bodies served (为|超61万名|孕妇|免费提供地中海贫血、
    唐氏综合征…的产前筛查) whose service cannot go into the name (a list, or too long):
    the bare noun would read as all of them, so the fact is not kept (precision first).
    ``start``/``end`` delimit the printed amount."""
    if (not name or "的" in name or unit.lstrip("万亿") not in open_names()["served_units"]
            or _SERVED_LEAD.fullmatch(text[clause[0] : start].strip()) is None):
        return False
    if not text.startswith(name, end):
        # 为|1万人|提供互助保障服务: no noun counted, the name is what they got
        return "\u4e00" <= text[end : end + 1] <= "\u9fff"
    stop = next((a.start for a in _find_amounts(text, end + len(name), clause[1])), clause[1])
    predicate = text[end + len(name) : stop].rstrip("、和及")
    return bool(predicate) and ("、" in predicate or len(predicate) > _PREDICATE_MAX)


def _count_run(text: str, clause: tuple[int, int], start: int) -> tuple[str, str] | None:
    """(the words before the run, the predicate after it) of counts listed with 、 before
    one predicate that each of them does (28个省（区、市）、2300个县（市）|已初步建立社会救助
    体系的基本框架), the amount at ``start`` one of them; None when it is not in such a run
    or the predicate lists what each does (获评全国百强区、百强县、千强镇)."""
    amounts = _find_amounts(text, clause[0], clause[1])
    at = next((i for i, a in enumerate(amounts) if a.start == start), None)
    if at is None or len(amounts) < 2:
        return None

    def joined(i: int) -> bool:  # amount i and i + 1 are two counted nouns and a 、
        gap = text[amounts[i].end : amounts[i + 1].start]
        noun = _BRACKETS.sub("", gap[:-1])  # 省（区、市）
        return (gap.endswith("、") and len(noun) > 0 and _HAN_ONLY.fullmatch(noun) is not None
                and not any(t.startswith("v") and t != "vn" for _, t in _words(noun)))

    first, last = at, at
    while first > 0 and joined(first - 1):
        first -= 1
    while last + 1 < len(amounts) and joined(last):
        last += 1
    counts = _skip_words("count_units")
    if first == last or any(a.unit.lstrip("万亿") not in counts
                            for a in amounts[first : last + 1]):
        return None
    tail = text[amounts[last].end : clause[1]]
    noun = ""
    for word, tag in _words(tail):
        if tag.startswith(("d", "v", "p")) or word in ("被", "获"):
            break
        noun += word
    predicate = tail[len(noun) :]
    if not noun or not predicate or "、" in predicate:
        return None
    return text[clause[0] : amounts[first].start].strip(), predicate


#: A noun naming a list of divisions (省（区、市）, 县（市、区）, 县（市）).
_DIVISIONS = re.compile(r"[（(][^）)]*、[^）)]*[）)]$|^[省市县区镇乡][（(][^）)]+[）)]$")
_LEVELS = ("国家", "全国", "省", "市", "区", "县", "国际", "世界")
_ASIDE = re.compile(r"[（(][^）)]*[）)]$")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
#: Another number in a predicate (not a rank: 百强, 500强; not 万 of 万企兴万村).
_DIGIT = re.compile(r"[0-9０-９]|[一二三四五六七八九十两][个项家所座条名批]")
_RANK = re.compile(r"[0-9百千]+强|[0-9]+小时")  # 百强, 500强; 24小时开放
#: Examples printed before the count (吴忠仪表|等|3家企业入选…): its subject still.
_EXAMPLES_BEFORE = re.compile(r"[^，,；;：:。]{2,24}等")
_QUOTED = re.compile(r"“[^“”]{1,16}”")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff“”（）()A-Za-z]+")


#: Nouns that may open a counted noun's phrase before 的 (58个|酒庄|的旅游环线).
_NOUN_TAGS_DE = ("n", "nz", "ns", "nt", "j", "x", "s")
#: A unit of a rate opening its base (每个街道, 每万城镇常住人口, 每千人).
_PER_UNIT = re.compile(r"每(?:个|一个|[万千百])")
_PER_TAIL = re.compile(r"^(.{2,}?)(?:超过|超|达到|达|不少于|不低于)?(每[万千百]?人口?)$")


def counted_first(text: str, end: int, name: str, unit: str) -> str:
    """The noun a count is of when the phrase after it is ``A的B`` and A is a plain noun
    (58个|酒庄|的旅游环线, 三千项|先进技术|的规划): A is counted, not B. ``end`` is where
    the printed amount ends."""
    if "的" not in name or not text.startswith(name, end):
        return name
    if unit.lstrip("万亿") not in _skip_words("count_units"):
        return name
    first = name.split("的", 1)[0]
    words = _words(first)
    if len(first) < 2 or not words or not all(
            t.startswith(_NOUN_TAGS_DE) or (t == "a" and i < len(words) - 1)
            for i, (_, t) in enumerate(words)):
        return name  # (三千项)先进|技术|的规划: an adjective may open the noun
    if first.endswith(("以上", "以下", "级", "型")):
        return name  # 副高级以上职称|的医疗专家: a trait of the noun after 的
    return first


def per_unit(text: str, clause_start: int, pos: int, name: str) -> str:
    """A value said per unit keeps the unit in its name: printed before the name since
    ``clause_start`` (the amount before, or the clause's start: 每个街道|新增体育场地设施
    不少于1片 → 每个街道体育场地设施, 每万城镇常住人口|配备18名社区工作者) or run into
    the name's end (食品抽检量超每千人|6.5批次 → 每千人食品抽检量); read alone, the value
    would be the whole region's."""
    tail = _PER_TAIL.match(name)
    if tail is not None:
        return tail.group(2) + tail.group(1)
    if "每" in name:
        return name
    head = text[clause_start:pos]
    found = _PER_UNIT.search(head)
    if found is None or -1 < head.rfind(name) < found.start():
        return name  # (…每个街道…，)体育设施: the unit is another name's
    words = _words(head[found.end() :])
    unit_noun = ""
    for word, tag in words:
        if not tag.startswith(("n", "j", "l", "m", "q")) or word == name:
            break
        unit_noun += word
    if not unit_noun or name.startswith(unit_noun):
        return name
    return found.group(0) + unit_noun + name


def listed_examples(text: str, pos: int, name: str) -> str:
    """A name holding the last of listed examples and their class (A、B、C等|人大代表建议,
    cut after the 、 before C) keeps the class only (人大代表建议); a name opening on 等
    drops it (特困救助|等补贴补助 → 补贴补助). ``pos`` is where the printed amount starts."""
    if len(name) >= 3 and _words(name)[0][0] == "等":
        return name[1:]  # not 等级民宿
    at = text.rfind(name, max(0, pos - len(name) - 6), pos)
    if at <= 0 or text[at - 1] != "、":
        return name
    item = re.split(r"[，,；;、：:]", text[max(0, at - 40) : at - 1])[-1]
    if not item or _DIGIT.search(item):
        return name  # (警力3200余人)、“西城大妈”和民兵等…力量: amounts listed, not examples
    cut = 0
    for word, _ in _words(name):
        cut += len(word)
        if word == "等":
            rest = name[cut:]
            return rest if len(rest) >= 2 else name
    return name


#: A quoted term a clause opens on (“牛羊菜果薯药粮种”), the owner of the group counted
#: right after it.
_QUOTED_LEAD = re.compile(r"“[^“”]{2,16}”")


def quoted_group(text: str, clause_start: int, head_start: int, name: str) -> str:
    """``name`` of a value read after a count that follows a quoted term opening the clause
    (“牛羊菜果薯药粮种”8个|产业集群全产业链产值突破6100亿元): the measure is of the group
    the quoted term names, printed before the count, and keeps it
    (“牛羊菜果薯药粮种”产业集群全产业链产值). Other names are returned as they are."""
    if head_start <= clause_start or not name or not text.startswith(name, head_start):
        return name
    before = _find_amounts(text, clause_start, head_start)
    if not before or before[-1].end != head_start or before[-1].unit.lstrip(
            "万亿") not in _skip_words("count_units"):
        return name
    lead = _strip_lead(text[clause_start : before[-1].start])[0]
    return lead + name if _QUOTED_LEAD.fullmatch(lead) else name


def counted_before_de(text: str, end: int, post: str, unit: str) -> str:
    """The noun a count of people or bodies is of when the phrase after it reads ``A的B``
    and only A holds a noun of the measure (500多万名|集体企业退休人员养老保障的|历史遗留
    问题: the retirees are counted, not the problem): that noun; ``post`` (the phrase read
    after the amount ending at ``end``) otherwise."""
    heads = vocabulary()["measure_heads"].get(unit.lstrip("万亿"), "")
    if not heads or not post or post[-1] in heads:
        return post
    at = text.find("的", end, end + 24)
    if at < 0 or not text.startswith(post, at + 1) or _find_amounts(text, end, at):
        return post
    cut = counted_head(unit, text[end:at])
    return cut[0] if cut is not None and _HAN_ONLY.fullmatch(cut[0]) else post


def counted_owner(text: str, head_start: int, start: int, end: int, name: str) -> str:
    """``name`` of a count printed after another count's noun and 的 (三十八个|科技项目的|一百个
    课题): the noun counted before owns it (科技项目的课题), which alone would read as any
    课题. ``head_start`` is where the amount before ended; ``start``/``end`` delimit this
    one."""
    pre = text[head_start:start]
    if len(pre) < 3 or not pre.endswith("的") or not name or not text.startswith(name, end):
        return name
    before = _find_amounts(text, max(0, head_start - 12), head_start)
    if not before or before[-1].end != head_start or before[-1].unit.lstrip(
            "万亿") not in _skip_words("count_units"):
        return name
    owner = pre[:-1]
    if not _HAN_ONLY.fullmatch(owner) or not all(
            t in ("n", "nz", "j", "l") for _, t in _words(owner)):
        return name
    return owner + "的" + name


def listed_head(pre: str, before: str | None, name: str) -> str:
    """``name`` of an item printed between 、 (``pre`` the text from the amount before) and
    its amount, right after the amount of ``before`` (the name read for it), when the item
    is a short word of the same length and head as the last
    word of ``before`` (铁路新线1423公里、|复线643公里): the words before that last word are
    its owner too (铁路复线). Other names are returned as they are."""
    if (not before or not pre.startswith("、") or pre[1:] != name or len(name) != 2
            or not _HAN_ONLY.fullmatch(name)):
        return name
    growth = _growth_word(before) or ""
    before = before[: len(before) - len(growth)]  # 铁路新线|增加
    words = _words(before)
    last = words[-1][0] if words else ""
    if (len(last) > len(name) and last[-1] == name[-1] and len(before) > len(name) and any(
            {last[-2], name[0]} == set(pair) for pair in _opposites())):
        return before[: -len(name)] + name  # 实际利用外资…、|内资: 实际利用内资
    if (len(words) < 2 or last == name or len(last) != len(name) or last[-1] != name[-1]
            or not all(t in ("n", "nz", "j", "l", "ns") for _, t in words)):
        return name
    return before[: len(before) - len(last)] + name


@functools.lru_cache(maxsize=1)
def _opposites() -> tuple[str, ...]:
    """Pairs of characters of counterpart objects (``opposite_chars``: 内外, 进出)."""
    return tuple(load_json("name_grammar.json")["opposite_chars"])


def listed_tail(pre: str, before: str | None, name: str) -> str:
    """``name`` of a bare noun printed between 、 (``pre`` the text from the amount before)
    and its amount, right after an amount named by a short noun and a measure of the
    ``listed_measures`` (石油地质储量3000万吨、|天然气200亿立方米): the measure is shared
    (天然气地质储量). Other names are returned as they are."""
    if not before or not pre.startswith("、") or pre[1:] != name or not 2 <= len(name) <= 4:
        return name
    measures = sorted(open_names()["listed_measures"], key=len, reverse=True)
    measure = next((m for m in measures if before.endswith(m)), "")
    noun = before[: len(before) - len(measure)]
    if not measure or not 2 <= len(noun) <= 4 or name.endswith(tuple(measures)):
        return name
    if not all(t in ("n", "nz", "j") for _, t in _words(noun + "，" + name) if t != "x"):
        return name
    return name + measure


def listed_measure(pre: str, before: str | None, name: str) -> str:
    """``name`` of a measure of money printed alone between 、 and its amount right after a
    count of entities (``entity_measures`` after ``entity_heads``: 引进重点企业177家、|注册
    资本1100亿元): those entities' measure (重点企业注册资本). Other names are returned as
    they are."""
    table = load_json("name_grammar.json")
    if (not before or not pre.startswith("、") or pre[1:] != name
            or name not in table["entity_measures"]
            or not before.endswith(tuple(table["entity_heads"]))):
        return name
    return before[before.rfind("等") + 1 :] + name  # (中煤绿能科技等)|企业注册资本


#: Tags of the words of a noun owning the count after it (生态环境|9项约束性指标).
_LEAD_OWNER_TAGS = frozenset({"n", "nz", "l", "j"})


@functools.lru_cache(maxsize=1)
def _lead_verbs() -> frozenset[str]:
    """Verbs and actions that cannot be part of an owner before a count."""
    return frozenset({*_verb_words(), *_actions(), *_skip_words("lead_verbs")})


def lead_owner(text: str, clause_start: int, start: int, name: str) -> str:
    """``name`` of a count read from the generic noun after it (``generic_objects``: 指标,
    项目, 任务), when its clause opens on a short noun right before the count (生态环境|9项|
    约束性指标全部完成): that noun owns the counted ones (生态环境约束性指标), not a place
    (a scope), framing words or a verb. Other names are returned as they are."""
    lead = text[clause_start:start]
    if (not 2 <= len(lead) <= 6 or not name.endswith(_skip_words("generic_objects"))
            or name.startswith(lead) or lead in name
            or _strip_lead(lead)[0] != lead or resolve_one(lead) is not None
            or any(len(v) >= 2 and v in lead for v in _lead_verbs())):
        return name  # 全面完成|25项民生实事: a verb, not an owner
    words = _words(lead)
    if not all(t in _LEAD_OWNER_TAGS for _, t in words) or words[0][0] in _skip_words(
            "lead_noise") or any(w in _skip_words("scopes") or w in _skip_words(
                "compared_wholes") or w in _skip_words("lead_verbs") for w, _ in words):
        return name
    return lead + name


#: A place class counted (县, 县（市）, 省区市, 省（区、市）), ending its noun.
_PLACE_COUNTED = re.compile(r"[省市县区乡镇村旗]{1,3}(?:（[^（）]{1,8}）|(?![\u4e00-\u9fff]))")
#: Word tags that may close a subject owning places (试点, 帮扶).
_SUBJECT_END_TAGS = frozenset({"n", "nz", "vn", "j", "l", "v"})


def place_owned(text: str, clause_start: int, start: int, end: int, name: str,
                unit: str) -> str:
    """``name`` of a count of places printed after a subject and a mark of reach in its
    clause (``place_reach_marks``: 新型农村合作医疗制度试点|已扩大到|671个县, 推动县中托管帮扶
    |从15个县（市）扩大到…): the subject's places (…试点县, 县中托管帮扶县（市）) when the name
    read is the place alone or the subject alone; other names are returned as they are."""
    place = _PLACE_COUNTED.match(text, end)
    if place is None or unit.lstrip("万") not in vocabulary()["count_units"]:
        return name
    head = text[clause_start:start]
    cut = min((at for at in (head.find(m) for m in _place_marks()[0]) if at > 0), default=-1)
    if cut < 0:
        return name
    subject = _strip_lead(head[:cut].strip("，, "))[0]
    for tail in _place_marks()[1]:
        if subject.endswith(tail):
            subject = subject[: -len(tail)]  # 新型农村合作医疗试点|范围(扩大到…)
    words = _words(subject)
    if (not 2 <= len(subject) <= 16 or any(c.isdigit() for c in subject)
            or words[-1][1] not in _SUBJECT_END_TAGS or resolve_one(subject) is not None
            or subject[-1] in "的了"):
        return name
    return subject + place.group(0) if name in (place.group(0), subject) else name


@functools.lru_cache(maxsize=1)
def _place_marks() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The marks of reach after a subject owning places, and the words closing a subject
    that are its extent, not it (``place_subject_tails``: 范围)."""
    table = load_json("name_grammar.json")
    return tuple(table["place_reach_marks"]), tuple(table["place_subject_tails"])
