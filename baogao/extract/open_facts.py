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
def _unit_gate() -> re.Pattern[str]:
    """A necessary condition for ``find_amounts`` to find anything: a numeral character
    right before a unit (the quantity pattern's number always ends with one), or 百分之."""
    vocab = vocabulary()
    mult = _alternation(vocab["multipliers"])
    units = _alternation(vocab["units"])
    more = _alternation(vocab["approx_marks"])
    return re.compile(rf"[\d零〇一二两三四五六七八九十百千万亿](?:{mult})?(?:{more})?(?:{units})"
                      r"|百分之")


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


_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_SMALL_COUNT = re.compile(r"[二两三四五六七八九十]")
_MAGNITUDE = re.compile(r"[十百千万亿点]")
_GLUED = re.compile(r"[\dA-Za-z.]")


def _plausible(numeral: str) -> bool:
    if _ARABIC.fullmatch(numeral):
        return True
    if numeral in ("一", "〇", "零") or numeral[0] in "百千万亿":
        return False
    if _SMALL_COUNT.fullmatch(numeral):
        return False  # 两个万亿元台阶, 七种能力, 五个方面: counts that name things
    if not _MAGNITUDE.search(numeral):
        return len(numeral) == 1
    return True


@functools.lru_cache(maxsize=8)
def _skip_words(name: str) -> tuple[str, ...]:
    return tuple(vocabulary()[name])


def find_amounts(text: str, start: int, end: int) -> list[Amount]:
    """Numbers with a unit in ``text[start:end]`` that state a quantity.

    Ordinals, ranks, years, slogans in quotes and the lone 一 are left out.
    """
    found: list[Amount] = []
    if _unit_gate().search(text, start, end) is None:
        return found
    vocab = vocabulary()
    skip_before, skip_after = _skip_words("skip_before"), _skip_words("skip_after")
    in_quotes = vocab["skip_in_quotes"]
    for match in _quantity_re().finditer(text, start, end):
        unit_group, pct = match.group("unit", "pct")
        if not unit_group and not pct:
            continue  # no unit: not a quantity
        unit = (unit_group or "").replace(match.group("more") or "@", "", 1)
        if pct:
            unit = "%"
        numeral = match.group("num")
        if not unit or not _plausible(numeral):
            continue
        num_start = match.start("num")
        before = text[max(start, num_start - 2) : num_start]
        after = text[match.end("unit") : match.end("unit") + 2] if unit_group else ""
        if before.endswith(skip_before) and not match.group("pre"):
            continue
        if after.startswith(skip_after) and not match.group("post"):
            continue
        if in_quotes and _HAN.match(numeral) and _in_quotes(text, num_start, start):
            continue
        if num_start > start and _GLUED.match(text[num_start - 1]):
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


def _strip_lead(phrase: str) -> tuple[str, str | None]:
    """Drop leading noise words and action words; the first action word found is returned."""
    action: str | None = None
    if not phrase.startswith(_word_sets()[0]):
        return phrase, action
    noise = _longest_first(vocabulary()["lead_noise"])
    changed = True
    while changed and phrase:
        changed = False
        for word in noise:
            if phrase.startswith(word) and len(phrase) > len(word):
                phrase = phrase[len(word) :]
                changed = True
                break
        for word in _actions():
            if phrase.startswith(word):
                action = action or word
                phrase = phrase[len(word) :]
                changed = True
                break
    return phrase, action


def _strip_tail(phrase: str) -> tuple[str, str | None]:
    """Drop trailing action words (老旧小区改造完工 → 老旧小区, 改造)."""
    action: str | None = None
    if not phrase.endswith(_word_sets()[1]):
        return phrase, action
    keep = vocabulary()["tail_keep"]
    changed = True
    while changed and phrase:
        changed = False
        for word in _actions():
            if word in keep:
                continue
            if phrase.endswith(word) and len(phrase) > len(word):
                phrase = phrase[: -len(word)]
                action = word
                changed = True
                break
    return phrase, action


def _after_last_action(phrase: str, skip: tuple[str, ...] = ()) -> tuple[str, str | None]:
    """The words after the last action word that is followed by a noun phrase."""
    best: tuple[int, str] | None = None
    if _word_sets()[2].search(phrase) is None:
        return phrase, None
    for word in _actions():
        if word in skip:
            continue
        idx = phrase.rfind(word)
        while idx > 0 and phrase[idx + len(word) :] == "":
            idx = phrase.rfind(word, 0, idx)
        rest = phrase[idx + len(word) :] if idx >= 0 else ""
        if idx < 0 or rest.startswith(_skip_words("noun_heads")):
            continue
        if rest and (best is None or idx > best[0]):
            best = (idx, word)
    if best is None:
        return phrase, None
    return phrase[best[0] + len(best[1]) :], best[1]


_YEARS_RUN = re.compile(r"连续[\d一二两三四五六七八九十]+年$")
_KEY_MARKS = re.compile(r"[“”\"《》〈〉（）()\s·]")


def _tidy(name: str) -> str:
    name = name.strip(" 　，、,:：的了")
    name = _YEARS_RUN.sub("", name)  # 达标率连续七年(保持)
    if "从" in name[1:]:
        name = name[: name.index("从", 1)]
    changed = True
    while changed:
        changed = False
        for word in vocabulary()["tail_noise"]:
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


def _post_phrase(text: str, begin: int, stop: int) -> str:
    """The noun phrase right after an amount (10座|小型消防站), cut at an action word."""
    stops = vocabulary()["name_stops"]
    end = begin
    while end < stop and text[end] not in stops and end - begin < 20:
        end += 1
    phrase = text[begin:end]
    cut = len(phrase)
    for word in [*_actions(), *vocabulary()["post_stops"]]:
        idx = phrase.find(word, 2)
        if 0 <= idx < cut:
            cut = idx
    phrase = phrase[:cut]
    changed = True
    while changed:
        changed = False
        for word in vocabulary()["post_trail"]:
            if phrase.endswith(word) and len(phrase) > len(word):
                phrase = phrase[: -len(word)]
                changed = True
    return _tidy(phrase)


@functools.lru_cache(maxsize=1)
def _key_suffixes() -> tuple[str, ...]:
    return tuple(_longest_first(vocabulary()["key_suffixes"]))


@functools.lru_cache(maxsize=1)
def _scope_tables(
) -> tuple[tuple[str, ...], tuple[str, ...], re.Pattern[str], tuple[str, ...]]:
    """Scope words (longest first), place blockers, the place-name pattern and the action
    words of ``_scope``."""
    vocab = vocabulary()
    suffixes = _alternation(vocab["place_suffixes"])
    return (tuple(_longest_first(vocab["scopes"])), tuple(vocab["place_blockers"]),
            re.compile(rf"[\u4e00-\u9fff]{{2,5}}?(?:{suffixes})"), tuple(_actions()))


@functools.lru_cache(maxsize=8192)
def key_of(name: str) -> str:
    """A normalized object name for matching across reports (燃气管网改造 → 燃气管网)."""
    key = _KEY_MARKS.sub("", name)
    key, _ = _strip_lead(key)
    for _ in range(3):
        for suffix in _key_suffixes():
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                key = key[: -len(suffix)]
                break
        key, _ = _strip_tail(key)
    return key


def _scope(clause_head: str) -> str | None:
    scopes, blockers, places, actions = _scope_tables()
    for word in scopes:
        if word in clause_head:
            return word.strip("“”")
    for match in places.finditer(clause_head):
        place = match.group(0)
        if any(b in place for b in blockers) or place.startswith(("全", "各", "本")):
            continue
        if _in_quotes(clause_head, match.start(), 0):
            continue
        for cut in range(len(place) - 2):
            candidate = place[cut:]
            if candidate.startswith(actions):
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


@functools.lru_cache(maxsize=1)
def _growth_words() -> tuple[str, ...]:
    return tuple(_longest_first(vocabulary()["growth_words"]))


def _growth_word(phrase: str) -> str | None:
    for word in _growth_words():
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
    head = pre.lstrip("、，和及与")
    metric, metric_action = _strip_tail(head)
    if metric.endswith(tuple(vocabulary()["metric_suffixes"])):
        # 重点建设用地安全利用率达到95%: a metric noun phrase, not cut at 建设
        name, action = _after_last_action(metric, tuple(vocabulary()["tail_keep"]))
        tail_action = metric_action
    else:
        name, action = _after_last_action(head)
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


def respectively(text: str, clause: tuple[int, int], amounts: list[Amount]) -> dict[int, str]:
    """Names of ``A和B分别增长5%、6%``: the i-th value belongs to the i-th subject."""
    where = text.find("分别", clause[0], clause[1])
    after = [i for i, a in enumerate(amounts) if a.start > where]
    if where < 0 or len(after) < 2:
        return {}
    head = text[max(clause[0], amounts[after[0] - 1].end if after[0] else clause[0]) : where]
    parts = [p for p in re.split(r"[、和及与]", head) if p]
    if len(parts) != len(after):
        return {}
    gap = text[where + 2 : amounts[after[0]].start]
    growth = _growth_word(gap) or ""
    parts = [_strip_lead(_tidy(part))[0] for part in parts]
    last = parts[-1]
    short = max(len(p) for p in parts[:-1])
    tail = last[len(parts[0]):] if short <= 3 and len(last) >= short + 2 else ""
    names = {}
    for index, part in zip(after, parts, strict=True):
        if len(part) < 2:
            return {}
        # 城镇、农村居民人均可支配收入: the first parts share the last part's noun
        names[index] = (part if part is last or not tail else part + tail) + growth
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


_YEAR_TITLE = re.compile(r"(?:19|20)\d{2}年")


def _multi_year(doc: Document, para: _Span, sentence: _Span) -> bool:
    """A passage about several years: under a heading naming them (“十四五”时期), in a
    paragraph opening with them (这五年, 过去五年) or a sentence naming them (到2030年)."""
    return _multi_year_paragraph(doc, para) or _multi_year_sentence(doc.text, sentence)


def _multi_year_paragraph(doc: Document, para: _Span) -> bool:
    """The paragraph part of ``_multi_year``: its heading path or its opening words."""
    table = cues()
    titles = [t for t in doc.section_path(doc.section_at(para.start))
              if not _YEAR_TITLE.search(t)]  # 2025年和“十四五”时期工作: one year
    lead = doc.text[para.start : min(para.end, para.start + 12)]
    return any(w in lead or any(w in t for t in titles) for w in table["multi_year_paragraph"])


def _multi_year_sentence(text: str, sentence: _Span) -> bool:
    """The sentence part of ``_multi_year``: a word naming several years in it."""
    table = cues()
    words = [*table["multi_year_paragraph"], *table["multi_year_sentence"]]
    return any(w in text[sentence.start : sentence.end] for w in words)


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
    gate = _unit_gate()
    for role, para in body_spans(doc):
        if gate.search(text, para.start, para.end) is None:
            continue  # no number with a unit in the paragraph
        para_multi: bool | None = None
        for sentence in iter_sentences(text, para.start, para.end):
            prev: Reading | None = None
            amounts = find_amounts(text, sentence.start, sentence.end)
            if not amounts:
                continue
            if para_multi is None:
                para_multi = _multi_year_paragraph(doc, para)
            multi = para_multi or _multi_year_sentence(text, sentence)
            for clause in clauses(text, sentence.start, sentence.end):
                inside = [a for a in amounts if clause[0] <= a.start < clause[1]]
                if not inside:
                    continue
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
                    baseline = after.startswith(_skip_words("from_follow"))
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
