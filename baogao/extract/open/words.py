"""Words of open-fact names: the word tables, word boundaries and the clean-up of a name.

An object is read as printed, so every cut is made at a word boundary (rjieba with the report
lexicon, via ``ask.segment.tag_words``): an action or noise word counts only when it is a
whole word (对口支援 keeps its 对, 供应链 holds no 供应). All word lists live in
``baogao/data/commitments.json``.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

from baogao.ask.segment import tag_words
from baogao.data import load_json
from baogao.extract.alternation import words_pattern


@functools.lru_cache(maxsize=32768)
def _words(phrase: str) -> tuple[tuple[str, str], ...]:
    """The words of ``phrase`` with their tags (rjieba with the report lexicon)."""
    return tuple(tag_words(phrase))


@functools.lru_cache(maxsize=32768)
def _cuts(phrase: str) -> frozenset[int]:
    """Word boundaries of ``phrase``: an action or noise word counts only when it is a
    whole word (对口支援 is not 对 + 口支援, 供应链 holds no 供应, 服务中心 no 服务)."""
    cuts = {0}
    at = 0
    adverbs = _glued_adverbs()
    for word, _ in _words(phrase):
        if len(word) >= 3 and word[0] in adverbs and word[1:] in _action_index()[0]:
            cuts.add(at + 1)  # 五年|共培养|…: an adverb the segmenter glued to an action
        at += len(word)
        cuts.add(at)
    return frozenset(cuts)


def _agent_adverb(before: str) -> bool:
    """True when the words before an action end in an agent and one of the ``agent_adverbs``
    of ``name_grammar.json`` (国家|重点|支持…企业: a class of the noun, not an action)."""
    words = _words(before) if before else ()
    return (len(words) >= 2 and words[-1][0] in load_json("name_grammar.json")["agent_adverbs"]
            and words[-2][1] in ("n", "nt", "ns", "j"))


@functools.lru_cache(maxsize=1)
def _glued_adverbs() -> frozenset[str]:
    """One-character adverbs a segmenter may glue to the action after them (共|培养, 又|新建):
    the ``inner_adverbs`` of ``name_grammar.json``."""
    return frozenset(w for w in load_json("name_grammar.json")["inner_adverbs"] if len(w) == 1)


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The word tables in ``baogao/data/commitments.json``."""
    data: dict[str, Any] = load_json("commitments.json")
    return data


def _longest_first(words: list[str]) -> list[str]:
    return sorted(words, key=len, reverse=True)


def _alternation(words: list[str]) -> str:
    return words_pattern(_longest_first(words))


@functools.lru_cache(maxsize=32)
def _skip_words(name: str) -> tuple[str, ...]:
    return tuple(vocabulary()[name])


@functools.lru_cache(maxsize=32)
def _skip_longest(name: str) -> tuple[str, ...]:
    """``_skip_words(name)`` longest first (sorted once, not per call)."""
    return tuple(_longest_first(list(_skip_words(name))))


@functools.lru_cache(maxsize=1)
def _actions() -> list[str]:
    return _longest_first(vocabulary()["actions"])


@functools.lru_cache(maxsize=1)
def _word_sets() -> tuple[tuple[str, ...], tuple[str, ...], re.Pattern[str]]:
    """Quick guards (one C-level test before the loops below): lead words (noise and
    actions), tail action words, and any action word anywhere."""
    noise = tuple(vocabulary()["lead_noise"])
    keep = vocabulary()["tail_keep"]
    actions = tuple(_actions())
    return (noise + actions, tuple(w for w in actions if w not in keep),
            re.compile("|".join(re.escape(w) for w in actions)))


@functools.lru_cache(maxsize=1)
def _lead_words() -> dict[str, tuple[tuple[str, bool], ...]]:
    """Lead noise and action words by first character, longest first, each marked True
    when it is an action."""
    actions = set(_actions())
    words = {*vocabulary()["lead_noise"], *actions}
    table: dict[str, list[tuple[str, bool]]] = {}
    for word in _longest_first(sorted(words)):
        table.setdefault(word[0], []).append((word, word in actions))
    return {k: tuple(v) for k, v in table.items()}


@functools.lru_cache(maxsize=1)
def _verbs_as_nouns() -> tuple[str, ...]:
    """Verbs a noun lead may precede (新|申报, 新|布局): actions, lead verbs and the
    ``noun_tagged_verbs`` the segmenter tags as nouns."""
    vocab = vocabulary()
    return tuple({*_actions(), *vocab["lead_verbs"], *vocab["noun_tagged_verbs"]})


@functools.lru_cache(maxsize=32768)
def _strip_lead(phrase: str) -> tuple[str, str | None]:
    """Drop leading noise words and action words, each a whole word (新增规模以上工业企业,
    not 新 + 增规模…; 对口支援 keeps its 对); the first action word found is returned."""
    action: str | None = None
    if not phrase.startswith(_word_sets()[0]):
        return phrase, action
    table = _lead_words()
    compounds = _skip_words("noun_compounds")
    while phrase and not phrase.startswith(compounds):
        cuts = _cuts(phrase)
        for word, is_action in table.get(phrase[0], ()):
            if not phrase.startswith(word) or len(word) not in cuts:
                continue
            if not is_action and len(phrase) <= len(word):
                continue
            if phrase.startswith(_skip_words("bound_suffixes"), len(word)) or (
                    word in _skip_words("noun_verbs")
                    and phrase.startswith(_head_words()[1], len(word))):
                # 建设|类项目, 服务|型政府, 服务|能力标准: the word opens the noun
                return phrase, action
            if word in _skip_words("noun_leads"):
                after, tag = _words(phrase[len(word) :])[0]
                if tag in ("n", "nz", "l", "j") and not after.startswith(_verbs_as_nouns()):
                    return phrase, action  # 新|优质学校, 新|技术: an adjective of the noun
            if is_action:
                action = action or word
            phrase = phrase[len(word) :]
            break
        else:
            # 更新改造燃气管道: a word made of two action words (更新 + 改造) leads too
            first = _words(phrase)[0][0]
            actions = _action_index()[0]
            if len(phrase) - len(first) < 2 or not any(first[:k] in actions and first[k:] in actions
                                                       for k in range(2, len(first) - 1)):
                break
            action = action or first
            phrase = phrase[len(first) :]
    return phrase, action


@functools.lru_cache(maxsize=1)
def _action_index() -> tuple[frozenset[str], frozenset[str], tuple[int, ...]]:
    """Action words as a set, the ones a tail may drop, and their lengths longest first
    (lookups by slice instead of a loop over the word list)."""
    actions = frozenset(_actions())
    keep = set(vocabulary()["tail_keep"])
    lengths = tuple(sorted({len(w) for w in actions}, reverse=True))
    return actions, frozenset(w for w in actions if w not in keep), lengths


@functools.lru_cache(maxsize=32768)
def _strip_tail(phrase: str) -> tuple[str, str | None]:
    """Drop trailing action words, each a whole word (老旧小区改造完工 → 老旧小区, 改造)."""
    action: str | None = None
    if not phrase.endswith(_word_sets()[1]):
        return phrase, action
    _, droppable, lengths = _action_index()
    changed = True
    while changed and phrase:
        changed = False
        if not phrase.endswith(_word_sets()[1]):
            break
        cuts = _cuts(phrase)
        for size in lengths:
            if (len(phrase) > size and phrase[-size:] in droppable
                    and len(phrase) - size in cuts):
                action = phrase[-size:]
                phrase = phrase[:-size]
                changed = True
                break
    return phrase, action


@functools.lru_cache(maxsize=32768)
def _after_last_action(phrase: str, skip: tuple[str, ...] = ()) -> tuple[str, str | None]:
    """The words after the last action word (a whole word) that is followed by a noun
    phrase; an action followed by a noun head (服务平台, 救助资金) belongs to the noun."""
    if _word_sets()[2].search(phrase) is None:
        return phrase, None
    actions, _, lengths = _action_index()
    cuts = _cuts(phrase)
    heads = _skip_words("noun_heads")
    keep = _skip_words("tail_keep")
    glued = _skip_words("action_glue_before")
    best: tuple[int, str] | None = None
    # 工业对经济增长贡献率: an action inside a 对 phrase belongs to the measure after it
    prep = next((at for at, (word, tag) in zip(sorted(cuts), _words(phrase), strict=False)
                 if word == "对" and tag == "p" and at > 0), len(phrase))
    for idx in range(len(phrase) - 2, -1, -1):
        if idx not in cuts or idx > prep:
            continue
        for size in lengths:
            word = phrase[idx : idx + size]
            end = idx + size
            if (len(word) < size or word not in actions or word in skip or end >= len(phrase)
                    or (end not in cuts and phrase[end] not in "及和与")
                    or phrase[end] == "的" or (
                        phrase.endswith(glued, 0, idx) and _words(phrase[:idx])[-1][0] in glued)
                    or _agent_adverb(phrase[:idx])):
                continue  # 工业增长的贡献率, 实际使用外资, 国家重点支持…企业: inside the noun
            if phrase.startswith(heads, end) or (
                    word in keep and phrase.startswith(_skip_words("agent_heads"), end)):
                continue  # 帮扶|单位, 建设|单位: a kept action names its agent (not 累计|单位…)
            best = (idx, word)
            break
        if best is not None:
            break
    if best is None:
        return phrase, None
    rest = phrase[best[0] + len(best[1]) :]
    if rest.startswith(("及", "和", "与")):
        # 减税降费及退税: the action word is the first of two joined objects
        return phrase[best[0] :], None
    return rest, best[1]


_YEARS_RUN = re.compile(r"连续[\d一二两三四五六七八九十]+年$")
_KEY_MARKS = re.compile(r"[“”\"《》〈〉（）()\s·]")
_YEARS_LEAD = re.compile(
    r"^(?:(?:近|过去|这)[\d一二两三四五六七八九十]+|(?:到|至|截至|截止)?\d{1,4})年(?:底|末)?"
    r"(?:来(?!华)|以来)?(?=.)")  # not 1987年|来华旅游…: 来华 is the object's
_PLAN_LEAD = re.compile(r"^“?(?:十[一二三四五]?|[六七八九])五”?(?:期间|时期)")
#: Years listed before a name (1978、1979两年共增产粮食): the period's, not the object's.
_YEAR_LIST_LEAD = re.compile(r"^(?:(?:19|20)\d{2}年?[、和])+(?:19|20)\d{2}年?"
                             r"(?:[两三四五六七八九十]年)?(?:共|合计|累计)?(?=.)")
_YEARS_TAIL = re.compile(r"(?<=..)(?:近|过去)?[两三四五六七八九十]{1,2}年(?:来|以来|间)?$")
#: A rank printed after the object (高速公路通车里程全国第四): not part of its name.
_RANK_TAIL = re.compile(r"(?<=..)(?:全国|全省|全市|全区|西北|中部|西部|东部)?"
                        r"(?:第[\d一二三四五六七八九十]+位?|前[\d一二三四五六七八九十]+)$")


@functools.lru_cache(maxsize=1)
def _tail_noise() -> tuple[str, ...]:
    return tuple(_longest_first(vocabulary()["tail_noise"]))


@functools.lru_cache(maxsize=1)
def _planned_measures() -> tuple[str, ...]:
    """Measures a plan is stated for (能源生产|计划, 投资总额|计划): ``metric_suffixes``
    and ``planned_measures``; 本科招生计划, 三年行动计划 name plans."""
    vocab = vocabulary()
    return (*vocab["metric_suffixes"], *vocab["planned_measures"])


#: A footnote mark printed after a word (…工作满意度[1]).
_NOTE_MARK = re.compile(r"[\[［]\d{1,2}[\]］]")
#: An aside in brackets saying what a measure covers (（包括奖金在内）, （含艾滋病病毒感染儿童）)
#: or that it holds for the figures after it too ((下同)).
_SCOPE_ASIDE = re.compile(r"[（(](?:不?(?:包括|包含|含)[^（）()]{1,24}|下同|同比，?下同)[）)]")
#: A statement of what was left out of a measure (扣除价格因素, 扣除留抵退税因素).
#: 约 right before 占 (产值约占…的45%左右): the value's bound, no part of the share's name
#: (not 节约, 签约 before 占用).
_APPROX_SHARE = re.compile(r"(?<![节签合预制公条契特邀相履守集])约占")
_DEDUCTED = re.compile(r"[，,]?(?:扣除|剔除|考虑)[\u4e00-\u9fff、和]{1,20}?因素(?:影响)?(?:后)?")


#: What may follow 从 in a name cut before the amount it starts from (从|202元, 从2020年的|
#: 645元, 从上年的…): a number, a time, or nothing; 从集体分得的收入 is a source inside the name.
_FROM_BASE = re.compile(r"[\d零〇一二两三四五六七八九十每]|上年|去年|今年|本年|上半年|年初|年末|$")


@functools.lru_cache(maxsize=32768)

def _tidy(name: str) -> str:
    name = name.strip(" 　，、,:：的了①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")  # ⑤(城乡低保标准): an item mark
    if "年" in name:
        if "、" in name:
            name = _YEAR_LIST_LEAD.sub("", name)  # 1978、1979两年共(增产粮食)
        name = _YEARS_LEAD.sub("", name)  # 近3年(全社会研发经费投入)
        name = _YEARS_RUN.sub("", name)  # 达标率连续七年(保持)
        name = _YEARS_TAIL.sub("", name)  # 居民人均可支配收入五年(增长)
    if "五" in name:
        name = _PLAN_LEAD.sub("", name)  # “十五”期间(年均经济增长速度): the period's
    if "第" in name or "前" in name:
        name = _RANK_TAIL.sub("", name)  # 高速公路通车里程全国第四
    at = name.find("从", 1)
    if at > 0 and {at, at + 1} <= _cuts(name) and _FROM_BASE.match(name, at + 1):
        name = name[:at]  # 标准从202元(提高到): not 从事, nor 从集体(分得的收入)
    if "[" in name or "［" in name:
        name = _NOTE_MARK.sub("", name)  # …满意度[1]: a footnote mark
    if "约占" in name:
        name = _APPROX_SHARE.sub("占", name)  # 产值约占(…总产值的45%左右): 约 is the bound's
    if "扣除" in name or "剔除" in name or "考虑" in name:
        name = _DEDUCTED.sub("", name)  # …收入扣除留抵退税因素(增长): a basis
    if "包括" in name or "含" in name or "下同" in name:
        name = _SCOPE_ASIDE.sub("", name)  # 工资总额（包括奖金在内）: what it covers, an aside
    changed = name.endswith(_tail_noise())  # one C-level test before the loop
    while changed:
        changed = False
        for word in _tail_noise():
            if name.endswith(word) and len(name) > len(word) + 1 and not (
                    word == "约" and name[-2] in vocabulary()["approx_word_blockers"]):
                name = name[: -len(word)]  # (not 国际条约, 签约: the 约 of a word)
                changed = True
    if name.endswith("过") and len(name) > 3 and _words(name)[-1][0] == "过":
        name = name[:-1]  # 街道财政收入过(8亿元): a threshold word, not part of the object
    if name.endswith("计划") and name[:-2].endswith(_planned_measures()):
        name = name[:-2]  # 能源生产计划(增长0.9%), 固定资产投资总额计划(为): the plan's measure
    while name and name[0] in "”》）)":
        name = name[1:]
    if name[:1] in ("(", "（") and ")" not in name and "）" not in name:
        name = name[1:]  # (剔除…因素后)同口径(增长): an aside left open
    while name and name[-1] in "“《（(":
        name = name[:-1]
    if name.count("“") != name.count("”"):
        name = name.replace("“", "").replace("”", "")
    return name


@functools.lru_cache(maxsize=1)
def _post_sets() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """Words that end the noun phrase after an amount (a word made of action words,
    predicate words or verbs of ``mid_verbs``: 改造, 更新改造, 用于, 签订, 顺利完成, 填补…),
    trailing words dropped
    (首批, 新, 各…), and the name stops (以 only when not 以上/以下/以内)."""
    vocab = vocabulary()
    ends = re.compile(
        rf"(?:{_alternation([*_actions(), *vocab['post_stops'], *vocab['mid_verbs']])})+")
    trail = frozenset(vocab["post_trail"])
    stops = "".join(re.escape(c) for c in vocab["name_stops"] if c != "以")
    return ends, trail, re.compile(rf"[{stops}]|以(?![上下内])")


_NOUN_TAGS = frozenset({"n", "nz", "ng", "nt", "ns", "nr", "l", "j", "vn", ""})
#: Tags of the first word of a class named after an example and 等 (…等|不成套旧住房).
_CLASS_TAGS = frozenset({"n", "nz", "ng", "nt", "l", "j", "vn", "a", "b", "d"})
_CLOSE = re.compile(r"[）)]")
_JOINS_AMOUNT = re.compile(r"[^，。；、：]{0,3}?[\d两三四五六七八九十]")


@functools.lru_cache(maxsize=1)
def _head_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Generic heads (事项, 项目) and all noun heads of two characters or more: an action
    before one is inside the noun (6个全国整治项目, 11.7万个政务服务事项)."""
    generic = tuple(h for h in _skip_words("generic_objects") if len(h) > 1)
    return generic, (*(h for h in _skip_words("noun_heads") if len(h) > 1), *generic)


def _listed_nouns(text: str, begin: int, joiner: re.Match[str], stop: int) -> str:
    """40个|机关、企事业单位附属空间, 5个|地方和园区, 100多个|国家及地区: when the noun
    after an amount is the first of a list of nouns (no amount, action or verb after the
    joiner), the amount counts the whole list, named as printed."""
    first = text[begin : joiner.start()]
    if _JOINS_AMOUNT.match(text, joiner.end()) or _HAN_ONLY.fullmatch(first) is None:
        return ""
    if any(tag not in _NOUN_TAGS for _, tag in _words(first)):
        return ""
    rest = _post_phrase(text, joiner.end(), stop)
    end = joiner.end() + len(rest)
    if len(rest) < 2 or not text.startswith(rest, joiner.end()) or _strip_lead(rest)[1]:
        return ""
    if (any(tag not in _PLAIN_NOUN_TAGS for _, tag in _words(rest))
            or text.startswith(("等", "、", "和", "及", "与"), end)
            or _JOINS_AMOUNT.match(text, end)):
        return ""  # 金牌、残奥会|获得8块, 视力、听力…等|残疾儿童, 地区和园区|开展…
    return first + joiner.group() + rest


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]{2,12}")
_PLAIN_NOUN_TAGS = frozenset({"n", "nz", "ng", "nt", "ns", "nr", "l", "j", "b", "vn"})


def _noun_run(text: str, begin: int, stop: int) -> int:
    """How long the plain nouns from ``begin`` run when an adverb or a verb follows them
    (政府首脑|先后访华), or 0."""
    words = _words(text[begin : min(stop, begin + 12)])
    at = 0
    for word, tag in words:
        if tag not in _ITEM_TAGS:
            return at if at >= 2 and tag in ("d", "t", "v") and len(word) >= 2 else 0
        at += len(word)
    return 0


def _governing_verb(words: tuple[tuple[str, str], ...]) -> int:
    """Where the one verb of a phrase running on to the next amount stands, when only plain
    nouns follow it (干部|包抓联|企业 46万户, 中心卫生院|聘任 100名): the verb governs that amount,
    and what comes before it is the counted object; -1 when none (承接产业转移主平台…项目)."""
    verbs = [i for i, (w, t) in enumerate(words) if t == "v" and len(w) >= 2]
    if len(verbs) != 1 or any(t != "n" for _, t in words[verbs[0] + 1 :]):
        return -1
    return verbs[0]


def _list_cut(text: str, begin: int, post: str, stop: int) -> bool:
    """True when the noun ``post`` read after an amount at ``begin`` is the first of a list
    of nouns (学校、医院…, 专题教育、家长课堂等活动; not 采购商、|创历史新高, nor 47项经验、|
    深圳综合改革试点48项经验): the amount counts the whole list. ``stop``: its clause end."""
    end = begin + len(post)
    if not post or not text.startswith(post, begin) or not text.startswith("、", end) or (
            _DIGIT.search(post)):
        return False  # (14个)750千伏电网工程、青疆联网通道: a noun of its own
    after = _words(text[end + 1 : min(stop, end + 13)])
    return bool(after) and after[0][1] in _PLAIN_NOUN_TAGS and len(after[0][0]) >= 2 and (
        _DIGIT.search(text, end + 1, stop) is None)


_DIGIT = re.compile(r"[\d]")


_ITEM_TAGS = frozenset({"n", "nz", "ng", "nt", "ns", "nr", "l", "j", "b"})


def _list_name(text: str, begin: int, stop: int) -> str:
    """The list of nouns an amount at ``begin`` counts, as printed: its items joined by 、
    up to the first other word (学校、医院|周边…), with the noun after a closing 等
    (专题教育、家长课堂等活动); "" when the list goes on past 和/及, or its last item is longer
    than its first (省、自治区、直辖市工业效益: a predicate's noun run on)."""
    words = _words(text[begin : min(stop, begin + 30)])
    sizes: list[int] = []  # words per item
    at, joined = 0, True  # where the list ends, a 、 just read
    for i, (word, tag) in enumerate(words):
        if tag in _ITEM_TAGS and word != "等":
            if joined:
                sizes.append(0)
            sizes[-1] += 1
            joined = False
            at = sum(len(w) for w, _ in words[: i + 1])
        elif word == "、" and not joined:
            joined = True
        elif word in ("和", "及", "与", "、"):
            return ""
        else:
            if word == "等" and not joined and len(sizes) >= 2:
                head = "".join(w for w, _ in itertools.takewhile(
                    lambda wt: wt[1] in _ITEM_TAGS, words[i + 1 :]))
                return text[begin : begin + at] + "等" + head if head else ""
            break
    if len(sizes) < 2 or joined or sizes[-1] > sizes[0]:
        return ""
    return text[begin : begin + at]


#: A one-character place noun whose alternatives follow in brackets (县（市）, 省（区、市）).
_PLACE_CHARS = frozenset("省市县区乡镇村旗州盟")


@functools.lru_cache(maxsize=8192)
def _cut_points(phrase: str) -> frozenset[int]:
    """Where the words of ``phrase`` begin."""
    points = [0]
    for word, _ in _words(phrase):
        points.append(points[-1] + len(word))
    return frozenset(points)


def _post_phrase(text: str, begin: int, stop: int) -> str:
    """The noun phrase right after an amount (10座|小型消防站): up to the first action or
    predicate word (3家|银行|签订…, 59处|房产|用于…), trailing adverbs dropped."""
    ends, trail, stops = _post_sets()
    limit = min(stop, begin + 20)
    found = stops.search(text, begin, limit)
    if found is not None and found.start() > begin:
        cuts = _cut_points(text[begin:limit])
        while found is not None and (found.start() - begin not in cuts or (
                found.group() in "和及与" and found.end() - begin not in cuts)):
            # 4所普通高|等|学校, “五好两宜”|和|美乡村片区: inside a word
            found = stops.search(text, found.end(), limit)
    if found and found.group() == "等" and found.start() >= begin + 2:
        # 31万平方米|小梁薄板房屋等不成套旧住房改造: an example and then the class counted
        after = stops.search(text, found.end(), limit)
        tail = text[found.end() : after.start() if after else limit]
        if len(tail) >= 2 and _words(tail)[0][1] in _CLASS_TAGS and not any(
                c.isdigit() for c in tail):
            found = after
    if found and found.group() in "（(" and (found.start() >= begin + 2 or (
            found.start() == begin + 1 and text[begin] in _PLACE_CHARS)):
        # 4个立体停车楼（库）, 2300个县（市）: a short aside in brackets right after the whole
        # noun is its own
        close = _CLOSE.search(text, found.end(), min(stop, found.end() + 5))
        core = _post_phrase(text, begin, found.start())
        if close is not None and core == _tidy(text[begin : found.start()]):
            return core + text[found.start() : close.end()]
        return core
    while (found and found.start() > begin and found.group() in "和及与"
           and not _JOINS_AMOUNT.match(text, found.end())):
        # 90个国家和地区, 100个省级“和美乡村”: a short noun joined by 和 (not a new amount,
        # not a long phrase) is part of the object
        after = stops.search(text, found.end(), stop)
        if (after.start() if after else stop) - found.end() > 3 and (
                text[found.start() - 1] != "“"):
            run = _noun_run(text, found.end(), stop)  # 外国元首和|政府首脑|先后访华
            if run and all(t in _ITEM_TAGS - {"b"} or t == "t"  # (外国元首: t), not 大中型
                           for _, t in _words(text[begin : found.start()])):
                return _tidy(text[begin : found.end() + run])
            break
        found = after if after is None or after.start() < limit else None
    phrase = text[begin : found.start() if found else limit]
    if found and found.group() in "、和及与" and found.start() - begin >= 2:
        listed = _listed_nouns(text, begin, found, stop)
        if listed:
            return listed

    kept: list[tuple[str, str]] = []
    at = 0
    generic, heads = _head_words()
    predicates = frozenset(_skip_words("post_stops"))
    words = _words(phrase)
    # the phrase runs on to the next amount: a verb in it governs that one
    governs = _governing_verb(words) if begin + len(phrase) == stop and _JOINS_AMOUNT.match(
        text, stop) is not None else -1
    last_de = max((i for i, (w, _) in enumerate(words) if w == "的"), default=-1)
    for index, (word, tag) in enumerate(words):
        if index < last_de and (tag == "v" or ends.fullmatch(word)):
            # 150个|优质学前教育资源牵头的幼儿园共同体, 320家|承包或委托经营的中小学食堂:
            # the object follows the 的, and the clause before it says which ones
            end = governs if governs > last_de + 1 else len(words)  # (的)中心卫生院|聘任100名
            if "".join(w for w, _ in words[last_de + 1 : end]).endswith(_level_heads()) or (
                    found is None and limit < stop) or any(  # cut at the limit: no whole phrase
                    c.isdigit() for c in phrase):  # (8671万人)增加到2007年的…: another amount
                return _tidy("".join(w for w, _ in words[last_de + 1 : end]))  # (28种)…的生产水平
            first = 0
            while first < last_de and words[first][1] == "d":
                first += 1  # 5000个|已|建成自然村的…: an adverb of aspect opens no name
            return _tidy("".join(w for w, _ in words[first:end]))
        if word in _skip_words("post_preps"):
            break  # 1324人凭转化贡献…: a preposition ends the noun wherever it stands
        if at >= 2 and phrase.endswith("性", 0, at) and ends.fullmatch(word) and (
                index + 1 < len(words)):
            kept.append((word, "n"))  # 20个融合性|服务|消费新场景: a …性 trait needs a noun
            at += len(word)
            continue
        if (at >= 2 and ends.fullmatch(word) and index + 1 == len(words)
                and kept[-1][0].endswith("化")):
            kept.append((word, "n"))  # 134户|适老化改造 (，): the action ends the clause as
            break  # the noun of a quality made (适老化), not a predicate of a noun before it
        if (at >= 2 and index + 2 == len(words) and word in _action_index()[0]
                and len(words[-1][0]) == 1 and words[-1][0] in _skip_words("closing_chars")
                and begin + len(phrase) < len(text) and text[begin + len(phrase)] in "，。；、"):
            kept.extend([(word, "n"), words[-1]])  # 3个|先行启动区, …建设行动县: the
            break  # action and the one noun character closing the clause make one noun
        if at >= 2 and ends.fullmatch(word) and _head_closes(words[index + 1 :], heads):
            kept.append((word, "n"))  # 35个对接上海“五个中心”|建设|重点平台: the noun's head
            at += len(word)  # closes the phrase after the action: the action is inside it
            continue
        if at >= 2 and (tag == "i" or (ends.fullmatch(word) and (
                (word in predicates and not phrase.startswith(
                    _skip_words("closing_heads"), at + len(word)))
                or not (phrase.startswith(heads, at + len(word)) or (
                    word in _skip_words("tail_keep")
                    and phrase.startswith(_skip_words("agent_heads"), at + len(word))))))):
            if (len(kept) == 1 and kept[0][1] == tag == "vn" and index + 1 < len(words)
                    and words[index + 1][0] in _actions()):
                # 违法|建设|拆除: a verbal noun alone is no object; with the next one it is
                # (违法建设), the action following
                kept.append((word, "n"))
            break  # 6个全国整治项目: an action before a noun head is inside the noun
        if at >= 1 and word in predicates and kept[-1][1] in _PLAIN_NOUN_TAGS and not (
                phrase.startswith(_skip_words("closing_heads"), at + len(word))):
            break  # 124个镇|获评…: a one-character noun before its predicate
        if (index == governs and at >= 2 and kept[-1][1] in _PLAIN_NOUN_TAGS):
            break  # 47家中心卫生院|聘任100名, 21万名干部|包抓联企业46万户: the noun's verb
        if (at >= 2 and tag in ("a", "d", "ad") and len(word) >= 2 and index + 1 < len(words)
                and words[index + 1][1] == "v" and len(words[index + 1][0]) >= 2
                and (index + 2 == len(words) or words[index + 2][1] not in _NOUN_TAGS)):
            break  # 286件政协提案|高效办结, 10万户购房群众|如期拿到: an adverb and its verb
        if (at >= 2 and tag == "t" and len(word) >= 2 and index + 1 < len(words)
                and words[index + 1][1] == "v" and len(words[index + 1][0]) >= 2
                and kept[-1][1] in _PLAIN_NOUN_TAGS):
            break  # 10万户购房群众|如期(t)拿到合格房屋: a time adverb and its verb, any object
        closing = (*generic, *_skip_words("closing_heads"))
        if at >= 2 and ends.fullmatch(word) and phrase.startswith(closing, at + len(word)):
            # 11.7万个政务服务事项|实现…: the generic head closes the noun before a verb;
            # 6183座病险水库除险加固|工程|开工建设: so does 工程 after its action
            head = next(h for h in closing if phrase.startswith(h, at + len(word)))
            rest = _words(phrase[at + len(word) + len(head) :])
            if rest and len(rest) == 1 and rest[0][0] in _skip_words("closing_chars"):
                kept.extend([(word + head, "n"), rest[0]])  # …建设|行动|县: the noun's end
                break
            if not rest or rest[0][1] not in ("n", "nz", "ng", "nt", "l", "j", "b", ""):
                kept.append((word + head, "n"))
                break
        kept.append((word, tag))
        at += len(word)
    while kept and (kept[-1][0] in trail or (
            kept[-1][1] in ("c", "d", "ad") and len(kept[-1][0]) <= 2) or (
            kept[-1][1] in ("m", "a") and len(kept[-1][0]) == 1 and kept[-1][0] != "点")):
        kept.pop()
    return _tidy("".join(w for w, _ in kept)).rstrip("和及与")


@functools.lru_cache(maxsize=1)
def _level_heads() -> tuple[str, ...]:
    """Measures that no count counts (水平, 率, 规模…: ``metric_suffixes`` and
    ``generic_measures``): a count before ``…的生产水平`` is of what has that level."""
    return (*_skip_words("metric_suffixes"), *_skip_words("generic_measures"), "水平")


#: Tags of the words between an action inside a noun and the head closing it (重点|平台).
_HEAD_RUN_TAGS = frozenset({"n", "nz", "ng", "b", "j", "l"})


def _head_closes(rest: list[tuple[str, str]] | tuple[tuple[str, str], ...],
                 heads: tuple[str, ...]) -> bool:
    """True when the words after an action in a phrase are two or three nouns, the last a
    noun head (建设|重点平台): the action is part of the noun they close."""
    return (2 <= len(rest) <= 3 and all(t in _HEAD_RUN_TAGS for _, t in rest)
            and rest[-1][0] in heads and sum(len(w) for w, _ in rest) <= 6)


@functools.lru_cache(maxsize=8192)
def key_of(name: str) -> str:
    """A normalized object name for matching across reports (燃气管网改造 → 燃气管网)."""
    key = _KEY_MARKS.sub("", name)
    key, _ = _strip_lead(key)
    suffixes = _skip_words("key_suffixes")
    for _ in range(3):
        if key.endswith(suffixes):
            for suffix in _longest_first(list(suffixes)):
                if key.endswith(suffix) and len(key) > len(suffix) + 1:
                    key = key[: -len(suffix)]
                    break
        key, _ = _strip_tail(key)
    return key

@functools.lru_cache(maxsize=1)
def _growth_words() -> tuple[str, ...]:
    return tuple(_longest_first(vocabulary()["growth_words"]))


def _growth_word(phrase: str) -> str | None:
    if not phrase.endswith(_growth_words()):  # one test before the loop
        return None
    for word in _growth_words():
        if phrase.endswith(word):
            return word
    return None


@functools.lru_cache(maxsize=1)
def _comparison_leads() -> tuple[str, ...]:
    return tuple(vocabulary()["comparison_leads"])


@functools.lru_cache(maxsize=1)
def _post_sets_actions() -> frozenset[str]:
    """Action and change words of the tables (a verb heading a name after 和 is one)."""
    vocab = vocabulary()
    return frozenset([*_actions(), *vocab["growth_words"], *vocab["lead_verbs"]])


#: Tags of function words that never end an object's name (由, 在, 和, 的); adverbs only
#: of one character (均), as rjieba tags some two-character nouns d (更新, 一期).
_FUNCTION_TAGS = frozenset({"p", "c", "uj", "ul"})
_COMPARED = frozenset({"比", "较"})


@functools.lru_cache(maxsize=8192)
def trim_name(name: str) -> tuple[str, str | None, bool]:
    """A name without the words around its object that part-of-speech tags show are not
    part of it: a comparison term (从业人员比“四经普”增加 → 从业人员增加, 总量比2020年),
    a trailing 同比, function words at the end (城镇化率由, 参保率在, 余额双双, 升学率首次,
    计划指标中, 标准每月) and a change ending in 到/至 (目录扩展到, 实验室优化重组至: the
    verbs are the action). Returns the name, the action taken off, and whether the name
    ended in 由/从 (the amount is a starting value). A name that is only a comparison
    (较3年前) comes back empty."""
    words = list(_words(name))
    action: str | None = None
    baseline = False
    if len(words) > 1 and words[0][0] in ("和", "及", "或") and words[0][1] == "c":
        # (新建)和改善提升绿水长廊, (修订)或废止…: the second of two actions, then its object
        rest, action = _strip_lead(name[1:])
        while True:
            head = _words(rest)
            if len(head) < 2 or head[0][1] != "v" or len(head[0][0]) < 2 or head[1][1] != "v":
                break
            action, rest = action or head[0][0], rest[len(head[0][0]) :]
        name, words = rest, list(_words(rest))
        if len(words) > 1 and words[0][1] == "v" and len(name) - len(words[0][0]) >= 3 and (
                words[0][0] in _post_sets_actions() or "的" not in name):
            # 改善|绿水长廊; 妨碍…的政策文件 is a clause naming the object, kept
            action, name = action or words[0][0], name[len(words[0][0]) :]
            words = list(_words(name))
    growth = _skip_words("growth_words")
    if len(words) > 1 and words[0][0] in _COMPARED and words[1][1] in ("t", "m", "x"):
        return "", None, False  # 较3年前(增长): only the comparison, no object
    for i, (word, _) in enumerate(words):
        if (i and word in _COMPARED and words[i - 1][0] != "占" and i + 1 < len(words)
                and words[i + 1][1] in ("t", "m", "x")):  # not 较低 (an adverb)
            last = words[-1][0] if words[-1][0] in growth and len(words) > i + 1 else ""
            words = words[:i] + ([(last, "v")] if last else [])
            break
    while len(words) > 1:
        word, tag = words[-1]
        if word in ("到", "至"):
            words.pop()
            verbs: list[str] = []
            while len(words) > 1 and words[-1][1] in ("v", "vn") and len(words[-1][0]) >= 2:
                verbs.insert(0, words.pop()[0])
            action = "".join(verbs) + word if verbs else action
        elif ((tag in _FUNCTION_TAGS and not (word == "比" and words[-2][0] == "占"))
              or (tag in ("d", "ad") and len(word) == 1)
              or word in _skip_words("tail_function_words")
              or (tag == "r" and word.startswith("每"))):
            baseline = baseline or word in ("由", "从")
            words.pop()
        else:
            break
    trimmed = _tidy("".join(w for w, _ in words))
    if len(trimmed) < 2 or trimmed == name:
        return name, None, False
    return trimmed, action, baseline


@functools.lru_cache(maxsize=1)
def _verb_words() -> frozenset[str]:
    """Words the tables know as actions, changes or predicates: alone (整合, 办结, 废止)
    they name what was done, not the object."""
    vocab = vocabulary()
    return frozenset([*_actions(), *vocab["growth_words"], *vocab["post_stops"],
                      *vocab["lead_verbs"]])


def _tail_predicate(name: str) -> tuple[str, str | None]:
    """A name without what was done to its object when a predicate of the
    ``tail_predicates`` table closes it as whole words (市级儿童福利机构|优化提质,
    国家区域医疗中心|平稳运营), and without a 同比 inside
    (资产总额同比增长: the comparison, not the object). Returns the name and the verbs."""
    if "同比" in name:
        name = "".join(w for w, _ in _words(name) if w != "同比")
    predicates = _skip_words("tail_predicates")
    if not name.endswith(predicates):
        return name, None
    done = next(w for w in predicates if name.endswith(w))
    rest = name[: len(name) - len(done)]
    if not done or len(rest) not in _cuts(name) or len(rest) < 2 or (
            len(rest) == 2 and _words(rest)[0][1] != "n"):  # 群众|受益
        return name, None
    return _tidy(rest), done


@functools.lru_cache(maxsize=1)
def _mid_verbs_re() -> re.Pattern[str]:
    return re.compile(_alternation(list(_skip_words("mid_verbs"))))


def _mid_verb(name: str) -> tuple[str, str | None]:
    """The object after a verb of ``mid_verbs`` inside a name, the verb a whole word
    (消费品以旧换新|拉动|商品销售额, 平台|发放|贷款): the words before it say who acted."""
    verbs = _skip_words("mid_verbs")
    if _mid_verbs_re().search(name) is None:
        return name, None
    at = 0
    words = _words(name)
    for i, (word, _) in enumerate(words):
        rest = name[at + len(word) :]
        if at >= 2 and word in verbs and len(rest) >= 2 and words[i + 1][1] not in ("x", "uj"):
            if len(rest) == 2 and len(words) == i + 2 and words[-1][1] == "n" and all(
                    t in ("n", "l", "j", "nz") for _, t in words[:i]):
                return name, word  # 义务教育|增补|学位: a bare noun keeps its field
            return rest, word
        at += len(word)
    return name, None
