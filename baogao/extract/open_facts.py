"""Every number with a unit as a fact: open-vocabulary facts beside the catalog ones.

    facts = extract_facts(doc)                 # catalog facts (the fixed contract)
    extra = open_facts(doc, facts)             # every other number with a unit

A report is mostly quantified promises and results outside any catalog (新增家庭养老床位300张,
改造燃气管网650公里). For each number with a unit in the running text the object is read as
printed: the noun phrase before the number after its action word (新增|家庭养老床位|300张),
or after the number when the action leads (实施|500个|老旧小区综合整治), or an action
trailing the object (老旧小区改造完工|1225个). ``key`` normalizes the object for matching
across reports (quotes, action words and generic suffixes such as 改造/建设/项目 removed);
``scope`` marks a value about a part (a city, 累计, 年均, 其中). Kind and period come from the
catalog extractor's timing rules (review → actual of year-1, plan → target of the year).

Numbers counted but not read: ordinals (第3个), ranks (前10), numbers inside slogans in
quotation marks (“两个确立”), and the single 一 (一批, 一个). All word lists live in
``baogao/data/commitments.json``.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Any

from baogao.ask.segment import tag_words
from baogao.extract.catalog import cues
from baogao.extract.facts import _Span, iter_sentences, timing_at
from baogao.extract.numbers import parse_number
from baogao.models import Bound, Document, Fact, Role
from baogao.read.regions import resolve_one

_SKIP_ROLES: frozenset[Role] = frozenset({"glossary", "self_building"})
#: The scope of a value stated in a passage about several years (过去五年, “十四五”时期).
MULTI_YEAR = "多年"
#: The scope of a starting value (从202元提高到270元: 202元 is the baseline).
BASELINE = "起点"
_HAN = re.compile(r"[\u4e00-\u9fff]")


@functools.lru_cache(maxsize=8192)
def _words(phrase: str) -> tuple[tuple[str, str], ...]:
    """The words of ``phrase`` with their tags (rjieba with the report lexicon)."""
    return tuple(tag_words(phrase))


@functools.lru_cache(maxsize=8192)
def _cuts(phrase: str) -> frozenset[int]:
    """Word boundaries of ``phrase``: an action or noise word counts only when it is a
    whole word (对口支援 is not 对 + 口支援, 供应链 holds no 供应, 服务中心 no 服务)."""
    cuts = {0}
    at = 0
    for word, _ in _words(phrase):
        at += len(word)
        cuts.add(at)
    return frozenset(cuts)


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The word tables in ``baogao/data/commitments.json``."""
    text = resources.files("baogao.data").joinpath("commitments.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _longest_first(words: list[str]) -> list[str]:
    return sorted(words, key=len, reverse=True)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in _longest_first(words))


@functools.lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern[str]:
    table = cues()
    vocab = vocabulary()
    pre = _alternation([w for ws in table["prefix_bounds"].values() for w in ws])
    post = _alternation([w for ws in table["suffix_bounds"].values() for w in ws])
    seps = _alternation(table["range_separators"])
    mult = _alternation(vocab["multipliers"])
    units = _alternation(vocab["units"])
    more = _alternation(vocab["approx_marks"])
    digits = "零〇一二两三四五六七八九"
    number = rf"(?:\d+(?:\.\d+)?|[{digits}十百千万亿]+(?:点[{digits}]+)?)"
    unit = rf"(?:百分之)?(?:{mult})?(?:{units})"
    return re.compile(
        rf"(?P<pre>{pre})?(?P<pct>百分之)?(?P<num>{number})"
        rf"(?P<unit>(?:{mult})?(?P<more>{more})?(?:{units}))?"
        rf"(?:(?P<sep>{seps})(?P<num2>{number})(?P<unit2>{unit}))?(?P<post>{post})?"
    )


@functools.lru_cache(maxsize=1)
def _bounds() -> dict[str, Bound]:
    found: dict[str, Bound] = {}
    for key in ("prefix_bounds", "suffix_bounds"):
        for bound, words in cues()[key].items():
            for word in words:
                found[word] = bound
    return found


@dataclass(frozen=True)
class Amount:
    """A number with its unit as printed (``1.2万个``: value 1.2, unit 万个)."""

    start: int
    end: int
    num_start: int
    value: Decimal
    unit: str
    bound: Bound | None
    value_high: Decimal | None = None


def _in_quotes(text: str, pos: int, floor: int) -> bool:
    head = text[floor:pos]
    return head.count("“") > head.count("”")


def _plausible(numeral: str) -> bool:
    if re.fullmatch(r"\d+(?:\.\d+)?", numeral):
        return True
    if numeral in ("一", "〇", "零") or numeral[0] in "百千万亿":
        return False
    if re.fullmatch(r"[二两三四五六七八九十]", numeral):
        return False  # 两个万亿元台阶, 七种能力, 五个方面: counts that name things
    if not re.search(r"[十百千万亿点]", numeral):
        return len(numeral) == 1
    return True


@functools.lru_cache(maxsize=4)
def _skip_words(name: str) -> tuple[str, ...]:
    return tuple(vocabulary()[name])


def find_amounts(text: str, start: int, end: int) -> list[Amount]:
    """Numbers with a unit in ``text[start:end]`` that state a quantity.

    Ordinals, ranks, years, slogans in quotes and the lone 一 are left out.
    """
    vocab = vocabulary()
    found: list[Amount] = []
    for match in _quantity_re().finditer(text, start, end):
        unit = (match.group("unit") or "").replace(match.group("more") or "@", "", 1)
        if match.group("pct"):
            unit = "%"
        numeral = match.group("num")
        if not unit or not _plausible(numeral):
            continue
        num_start = match.start("num")
        before = text[max(start, num_start - 2) : num_start]
        after = text[match.end("unit") : match.end("unit") + 2] if match.group("unit") else ""
        if before.endswith(_skip_words("skip_before")) and not match.group("pre"):
            continue
        if after.startswith(_skip_words("skip_after")) and not match.group("post"):
            continue
        if vocab["skip_in_quotes"] and (_HAN.match(numeral) or text.startswith(
                "”", match.end()) or text.startswith("”", match.end() + 1)) and _in_quotes(
                text, num_start, start):
            continue  # “两个确立”, 支持民营经济发展“31条”, “双20条”: names, not amounts
        if num_start > start and re.match(r"[\dA-Za-z.]", text[num_start - 1]):
            continue
        value = parse_number(numeral)
        if value is None:
            continue
        high: Decimal | None = None
        if match.group("sep"):
            high = parse_number(match.group("num2"))
            unit = match.group("unit2") if not match.group("unit") else unit
            if high is None or high <= value:
                high = None
        pre_word = match.group("pre") or ""
        start_at = match.start()
        if pre_word == "约" and match.start() > start and (
                text[match.start() - 1] in vocabulary()["approx_word_blockers"]):
            pre_word, start_at = "", match.start() + 1  # 签约1009户: 约 belongs to 签约
        bound = _bounds().get(match.group("post") or "") or _bounds().get(pre_word)
        if bound is None and match.group("more"):
            bound = "min"
        found.append(Amount(start_at, match.end(), num_start, value, unit, bound, high))
    return found


# Names, actions and scopes -----------------------------------------------------------------


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


def _strip_lead(phrase: str) -> tuple[str, str | None]:
    """Drop leading noise words and action words, each a whole word (新增规模以上工业企业,
    not 新 + 增规模…; 对口支援 keeps its 对); the first action word found is returned."""
    action: str | None = None
    if not phrase.startswith(_word_sets()[0]):
        return phrase, action
    table = _lead_words()
    while phrase:
        cuts = _cuts(phrase)
        for word, is_action in table.get(phrase[0], ()):
            if not phrase.startswith(word) or len(word) not in cuts:
                continue
            if not is_action and len(phrase) <= len(word):
                continue
            if is_action:
                action = action or word
            phrase = phrase[len(word) :]
            break
        else:
            break
    return phrase, action


@functools.lru_cache(maxsize=1)
def _action_index() -> tuple[frozenset[str], frozenset[str], tuple[int, ...]]:
    """Action words as a set, the ones a tail may drop, and their lengths longest first
    (lookups by slice instead of a loop over the word list)."""
    actions = frozenset(_actions())
    keep = set(vocabulary()["tail_keep"])
    lengths = tuple(sorted({len(w) for w in actions}, reverse=True))
    return actions, frozenset(w for w in actions if w not in keep), lengths


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


def _after_last_action(phrase: str, skip: tuple[str, ...] = ()) -> tuple[str, str | None]:
    """The words after the last action word (a whole word) that is followed by a noun
    phrase; an action followed by a noun head (服务平台, 救助资金) belongs to the noun."""
    if _word_sets()[2].search(phrase) is None:
        return phrase, None
    actions, _, lengths = _action_index()
    cuts = _cuts(phrase)
    heads = _skip_words("noun_heads")
    best: tuple[int, str] | None = None
    for idx in range(len(phrase) - 2, -1, -1):
        if idx not in cuts:
            continue
        for size in lengths:
            word = phrase[idx : idx + size]
            end = idx + size
            if (len(word) < size or word not in actions or word in skip or end >= len(phrase)
                    or (end not in cuts and phrase[end] not in "及和与")):
                continue
            if phrase.startswith(heads, end):
                continue
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


_YEARS_LEAD = re.compile(
    r"^(?:(?:近|过去|这)[\d一二两三四五六七八九十]+|\d{1,4})年(?:来|以来)?(?=.)")


@functools.lru_cache(maxsize=1)
def _tail_noise() -> tuple[str, ...]:
    return tuple(_longest_first(vocabulary()["tail_noise"]))


def _tidy(name: str) -> str:
    name = name.strip(" 　，、,:：的了")
    name = _YEARS_LEAD.sub("", name)  # 近3年(全社会研发经费投入)
    name = re.sub(r"连续[\d一二两三四五六七八九十]+年$", "", name)  # 达标率连续七年(保持)
    at = name.find("从", 1)
    if at > 0 and {at, at + 1} <= _cuts(name):
        name = name[:at]  # 标准从202元(提高到): not 从事
    changed = True
    while changed:
        changed = False
        for word in _tail_noise():
            if name.endswith(word) and len(name) > len(word) + 1:
                name = name[: -len(word)]
                changed = True
    while name and name[0] in "”》）)":
        name = name[1:]
    while name and name[-1] in "“《（(":
        name = name[:-1]
    if name.count("“") != name.count("”"):
        name = name.replace("“", "").replace("”", "")
    return name


@functools.lru_cache(maxsize=1)
def _post_sets() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """Words that end the noun phrase after an amount (a word made of action words or
    predicate words: 改造, 更新改造, 用于, 签订, 顺利完成…), trailing words dropped
    (首批, 新, 各…), and the name stops (以 only when not 以上/以下/以内)."""
    vocab = vocabulary()
    ends = re.compile(rf"(?:{_alternation([*_actions(), *vocab['post_stops']])})+")
    trail = frozenset(vocab["post_trail"])
    stops = "".join(re.escape(c) for c in vocab["name_stops"] if c != "以")
    return ends, trail, re.compile(rf"[{stops}]|以(?![上下内])")


def _post_phrase(text: str, begin: int, stop: int) -> str:
    """The noun phrase right after an amount (10座|小型消防站): up to the first action or
    predicate word (3家|银行|签订…, 59处|房产|用于…), trailing adverbs dropped."""
    ends, trail, stops = _post_sets()
    limit = min(stop, begin + 20)
    found = stops.search(text, begin, limit)
    phrase = text[begin : found.start() if found else limit]
    kept: list[tuple[str, str]] = []
    at = 0
    for word, tag in _words(phrase):
        if at >= 2 and ends.fullmatch(word):
            break
        kept.append((word, tag))
        at += len(word)
    while kept and (kept[-1][0] in trail or (
            kept[-1][1] in ("d", "m", "a") and len(kept[-1][0]) == 1)):
        kept.pop()
    return _tidy("".join(w for w, _ in kept))


def key_of(name: str) -> str:
    """A normalized object name for matching across reports (燃气管网改造 → 燃气管网)."""
    key = re.sub(r"[“”\"《》〈〉（）()\s·]", "", name)
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


def _scope(clause_head: str) -> str | None:
    vocab = vocabulary()
    for word in _longest_first(vocab["scopes"]):
        if word in clause_head:
            return word.strip("“”")
    blockers = vocab["place_blockers"]
    suffixes = _alternation(vocab["place_suffixes"])
    for match in re.finditer(rf"[\u4e00-\u9fff]{{2,5}}?(?:{suffixes})", clause_head):
        place = match.group(0)
        if any(b in place for b in blockers) or place.startswith(("全", "各", "本")):
            continue
        if _in_quotes(clause_head, match.start(), 0):
            continue
        for cut in range(len(place) - 2):
            candidate = place[cut:]
            if any(candidate.startswith(a) for a in _actions()):
                continue  # 新建县域医疗次中心: 新建 is the action, not 新建县
            if resolve_one(candidate) is not None:
                return candidate
    return None


@dataclass(frozen=True)
class Reading:
    """The object, action and scope an amount is about."""

    name: str
    action: str | None
    scope: str | None


def _growth_word(phrase: str) -> str | None:
    for word in _longest_first(vocabulary()["growth_words"]):
        if phrase.endswith(word):
            return word
    return None


def read_object(text: str, clause: tuple[int, int], amount: Amount, prev_end: int,
                next_start: int, prev: Reading | None) -> Reading | None:
    """The object (name as printed), action and scope of ``amount`` within its clause."""
    head_start = max(clause[0], prev_end)
    pre = text[head_start : amount.start]
    joined = pre.strip() in ("、", "和", "及", "")
    scope = _scope(text[clause[0] : amount.start])
    # 和美乡村 at a clause's start is a noun; after an amount 和 joins two (5个和3个)
    head = pre.lstrip("、，和及与" if head_start > clause[0] else "、，")
    compared = prev is not None and head.startswith(_comparison_leads())
    metric, metric_action = _strip_tail(head)
    trimmed = _tidy(metric)
    tidied = trimmed != metric and len(_strip_lead(trimmed)[0]) >= 2
    if tidied:
        # 研发经费投入预计年均(增长): 预计, 年均 are not the object; 投入 stays its noun
        metric, metric_action2 = _strip_tail(trimmed)
        metric_action = metric_action or metric_action2
    if metric.endswith(tuple(vocabulary()["metric_suffixes"])):
        # 重点建设用地安全利用率达到95%: a metric noun phrase, not cut at 建设
        name, action = _after_last_action(metric, tuple(vocabulary()["tail_keep"]))
        tail_action = metric_action
    else:
        name, action = _after_last_action(metric if tidied else head)
        tail_action = None
    name, lead_action = _strip_lead(name)
    name, stripped = _strip_tail(name)
    tail_action = tail_action or stripped
    action = lead_action or action or tail_action
    name = _tidy(name)
    follows = text[amount.end : amount.end + 1]
    base_unit = amount.unit.lstrip("万亿")
    if amount.unit not in ("%", "‰") and (_HAN.match(follows) or follows == "“") and (
        base_unit in vocabulary()["count_units"] or not name
    ):
        post = _post_phrase(text, amount.end, next_start)
        post, post_action = _strip_lead(post)
        if len(post) >= 2:
            name = post
            action = action or post_action
    if compared and prev is not None:
        # 集成电路产量增长21%、占全国18%: the share is of the object named before
        name = prev.name + _tidy(head)
        action = None
    growth = _growth_word(pre.strip())
    if not name and prev is not None and (growth or joined):
        name = prev.name + (growth or "") if growth else prev.name
        action = action or prev.action
        scope = scope or prev.scope
    if not name or len(name) < 2 or not _HAN.search(name):
        return None
    if joined and prev is not None and not action:
        action = prev.action
    return Reading(name, action, scope)


@functools.lru_cache(maxsize=1)
def _comparison_leads() -> tuple[str, ...]:
    return tuple(vocabulary()["comparison_leads"])


_LIST_SEP = re.compile("[、和及与]")
_VALUE_ITEM = re.compile(r"[^、和及与\d]{0,3}?[\d两三四五六七八九十]")


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


def _shared_tail(parts: list[str]) -> str:
    """The noun the listed parts share, printed once after the last one: 原煤、原油、
    天然气产量 (the last part ends with a measure word the others lack), 城镇、农村居民
    人均可支配收入 (short first parts take the rest of the last part)."""
    last = parts[-1]
    words = _words(last)
    word = words[-1][0] if words else ""
    own = (*_skip_words("shared_tails"), *_skip_words("metric_suffixes"))
    if any(p.endswith(own) for p in parts[:-1]):
        return ""
    if word in _skip_words("shared_tails") and len(last) > len(word):
        return word
    short = max(len(p) for p in parts[:-1])
    if short <= 3 and len(last) >= short + 2:
        least = min(len(p) for p in parts[:-1])
        cut = min((c for c in _cuts(last) if c >= least), default=len(parts[0]))
        return last[cut if cut <= short else len(parts[0]) :]
    if len(word) >= 2 and word.endswith(own) and len(last) > len(word):
        return word
    return ""


def respectively(text: str, clause: tuple[int, int], amounts: list[Amount]) -> dict[int, str]:
    """Names of ``A和B分别增长5%、6%`` (or ``A、B增长5%、6%``): the i-th value belongs to
    the i-th subject. Values without a unit we read count too (分别达719个和33类)."""
    where = text.find("分别", clause[0], clause[1])
    if where >= 0:
        after = [i for i, a in enumerate(amounts) if a.start > where]
        if not after:
            return {}
        head_end, gap_end = where, where + 2
    else:
        after = _list_run(text, amounts)
        if not after:
            return {}
        head_end = gap_end = amounts[after[0]].start
    first = amounts[after[0]]
    head = text[max(clause[0], amounts[after[0] - 1].end if after[0] else clause[0]) : head_end]
    gap = text[gap_end : first.start]
    growth = _growth_word(gap) or (_tidy(gap) if gap.startswith(_comparison_leads()) else "")
    if where < 0:
        growth = _growth_word(head) or ""
        head = head[: len(head) - len(growth)]
        head, _ = _strip_tail(head)
        if "、" not in head:
            return {}
    parts = [p for p in _LIST_SEP.split(head) if p]
    items: list[int] = []  # where each listed value starts
    at = first.start
    for item in _LIST_SEP.split(text[first.start : clause[1]]):
        if not _VALUE_ITEM.match(item):
            break
        items.append(at)
        at += len(item) + 1
    slot = {}
    for i in after:
        place = max((k for k, s in enumerate(items) if s <= amounts[i].start), default=-1)
        slot[i] = place
    if len(parts) != len(items) or len(parts) < 2 or any(k < 0 for k in slot.values()):
        return {}
    parts = [_strip_lead(_tidy(part))[0] for part in parts]
    tail = _shared_tail(parts)
    names = {}
    for i in after:
        part = parts[slot[i]]
        name = part if part is parts[-1] or not tail else part + tail
        if len(name) < 2:
            return {}
        names[i] = name + growth
    return names


def is_descriptor(text: str, amount: Amount, stop: int, more: bool) -> bool:
    """A measure modifying the noun after it (500米服务半径, 50万吨甲醇制乙醇项目)."""
    base = amount.unit.lstrip("万亿")
    if base in vocabulary()["count_units"] or amount.unit in ("%", "‰"):
        return False
    follows = text[amount.end : amount.end + 1]
    if not _HAN.match(follows):
        return False
    post = _post_phrase(text, amount.end, stop) if not more else text[amount.end : stop]
    tails = vocabulary()["descriptor_tails"]
    return more or any(post.endswith(t) or t in post for t in tails)


# Documents ---------------------------------------------------------------------------------


_CLAUSE_END = re.compile("[，,：:；;。！？]")


def clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Clauses of a sentence, split on ，：；."""
    begin = start
    for match in _CLAUSE_END.finditer(text, start, end):
        if match.start() > begin:
            yield begin, match.start()
        begin = match.start() + 1
    if end > begin:
        yield begin, end


def body_spans(doc: Document) -> Iterator[tuple[Role, _Span]]:
    """Running-text paragraphs outside headings and tables, with their role."""
    headings = [(s.start, s.heading_end) for s in doc.sections]
    for para in doc.paragraphs:
        if para.is_table_row:
            continue
        start = para.start
        for h0, h1 in headings:
            if h0 <= start < h1:
                start = h1  # a heading run into its paragraph: (一)标题。正文…
        while start < para.end and doc.text[start] in "。：: 　":
            start += 1
        if start >= para.end:
            continue
        role = plan_like_role(doc, start)
        if role in _SKIP_ROLES:
            continue
        yield role, _Span(start, para.end)


def plan_like_role(doc: Document, pos: int) -> Role:
    """The section role, with an appendix of this year's 民生实事 read as plan."""
    role = doc.role_at(pos)
    if role == "appendix":
        path = "".join(doc.section_path(doc.section_at(pos)))
        if any(w in path for w in vocabulary()["list_cues"]) and (
            doc.year is None or str(doc.year) in path or "年" not in path
        ):
            return "plan"
    return role


def statement_count(doc: Document) -> int:
    """How many numbers with a unit the running text states (the coverage denominator)."""
    total = 0
    for _, para in body_spans(doc):
        total += len(find_amounts(doc.text, para.start, para.end))
    return total


def _multi_year(doc: Document, para: _Span, sentence: _Span) -> bool:
    """A passage about several years: under a heading naming them (“十四五”时期), in a
    paragraph opening with them (这五年, 过去五年) or a sentence naming them (到2030年)."""
    table = cues()
    words = [*table["multi_year_paragraph"], *table["multi_year_sentence"]]
    titles = [t for t in doc.section_path(doc.section_at(para.start))
              if not re.search(r"(?:19|20)\d{2}年", t)]  # 2025年和“十四五”时期工作: one year
    lead = doc.text[para.start : min(para.end, para.start + 12)]
    if any(w in lead or any(w in t for t in titles) for w in table["multi_year_paragraph"]):
        return True
    return any(w in doc.text[sentence.start : sentence.end] for w in words)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value.normalize())


def open_facts(doc: Document, catalog: list[Fact] | None = None) -> list[Fact]:
    """Facts for every number with a unit that the catalog facts do not already state.

    A catalog fact covers an amount when it comes from the same sentence with the same
    printed value; those amounts keep their catalog fact (indicator set) and are skipped here.
    """
    covered = {(f.start, f.text) for f in catalog or []}
    found: list[Fact] = []
    text = doc.text
    for role, para in body_spans(doc):
        for sentence in iter_sentences(text, para.start, para.end):
            prev: Reading | None = None
            amounts = find_amounts(text, sentence.start, sentence.end)
            multi = bool(amounts) and _multi_year(doc, para, sentence)
            for clause in clauses(text, sentence.start, sentence.end):
                inside = [a for a in amounts if clause[0] <= a.start < clause[1]]
                prev_end = clause[0]
                respective = respectively(text, clause, inside)
                for i, amount in enumerate(inside):
                    nxt = inside[i + 1].start if i + 1 < len(inside) else clause[1]
                    if is_descriptor(text, amount, nxt, i + 1 < len(inside)):
                        continue  # 500米服务半径覆盖率, 50万吨甲醇项目: a modifier
                    reading = read_object(text, clause, amount, prev_end, nxt, prev)
                    if i in respective:
                        reading = Reading(respective[i], reading.action if reading else None,
                                          reading.scope if reading else None)
                    prev_end = amount.end
                    if reading is None:
                        continue
                    prev = reading
                    printed = text[amount.start : amount.end]
                    if (sentence.start, printed) in covered:
                        continue
                    timing = timing_at(doc, role, para, sentence, amount.start)
                    after = text[amount.end : amount.end + 3]
                    baseline = any(after.startswith(w) for w in vocabulary()["from_follow"])
                    if timing is None:
                        continue
                    found.append(Fact(
                        source=doc.source, row=doc.row, region=doc.region, year=doc.year,
                        indicator=None, name=reading.name, kind=timing.kind,
                        estimated=timing.estimated, period=None if multi else timing.period,
                        value=_number(amount.value), unit=amount.unit, bound=amount.bound,
                        text=printed, evidence=text[sentence.start : sentence.end],
                        start=sentence.start, end=sentence.end, doc_id=doc.id,
                        value_high=_number(amount.value_high), key=key_of(reading.name),
                        action=reading.action,
                        scope=BASELINE if baseline else (
                            reading.scope or (MULTI_YEAR if multi else None)),
                        open_vocabulary=True,
                    ))
    return found


def enrich(facts: list[Fact]) -> list[Fact]:
    """Catalog facts with their matching key set (their name normalized)."""
    from dataclasses import replace

    return [replace(f, key=f.key or key_of(f.name)) for f in facts]
