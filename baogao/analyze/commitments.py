"""Commitment tracking: what became of each promise of year N, by the report of year N+1.

    rows = track_commitments(lib, region="西城区", period=2023)
    count_verdicts(rows)          # {"met": 12, "done": 3, "unreported": 40, ...}

For every commitment (``extract.commitments``) of a report of year N the tracker reads the
reports of the same government delivered in year N+1 (work report, or plan report whose
review covers N) and looks for the result:

* **Numbers.** A result is an actual fact about year N from a one-year passage of a later
  report (not a 这五年… paragraph), with the same scope (both about the whole region, or
  both about the same city / 累计 / 年均) and a compatible unit (万个 and 个 convert; 个 and
  家 count the same things, 个 and 项 the same projects; 个 and 处 stay apart). Catalog
  targets are matched by indicator; other objects by their normalized key, read head-last:
  equal keys, one key qualifying the other (老旧小区 / 城镇老旧小区, 一键呼 / 一键呼设备),
  or keys sharing most of their character pairs; a bare metric (利用率) or noun (项目) also
  needs the same action or wording. A promise to add (新增) is not answered by a total
  reached (累计达到), nor the reverse; a count result more than ten times (or less than a
  tenth of) the target is a different thing. When two equally good results disagree, or
  promises of different values claim one result, nothing is linked: a wrong link is worse
  than ``unreported``.
* **Words.** A commitment without a number is ``done`` when a review sentence of the later
  report names it with a completion word (建成, 完成…); an item of a 民生实事 list (with or
  without a number) when the later report says the list was completed (20件民生实事全部完成).

Commitments are read from the library (extracted at ingest, ``Library.commitments``), and
so is what a later report offers (its review sentences and which of its facts are about one
year, ``commitment_rows.review_digest``); the rows of each region are kept until its
documents change (``commitment_rows``). Keys are compared as read by ``canonical_key``
(abbreviations and other names of one object, ``commitment_words.json``).

Verdicts: ``met`` / ``partly`` / ``missed`` by the tolerances of ``analyze.track`` (approx:
within 5% of the target is met, within 10% partly; a bound must hold), ``done``, and
``unreported``. Reasons are in Chinese (templates in ``baogao/data/commitments.json``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from baogao.analyze.commitment_rows import COMMITMENT_COLUMNS as COMMITMENT_COLUMNS
from baogao.analyze.commitment_rows import VERDICT_LABELS as VERDICT_LABELS
from baogao.analyze.commitment_rows import VERDICTS as VERDICTS
from baogao.analyze.commitment_rows import by_region_year
from baogao.analyze.commitment_rows import commitment_row_dict as commitment_row_dict
from baogao.analyze.commitment_rows import count_verdicts as count_verdicts
from baogao.analyze.review import Said as Said
from baogao.analyze.review import SaidIndex as SaidIndex
from baogao.analyze.review import YearPassages as YearPassages
from baogao.analyze.review import about_years as about_years
from baogao.analyze.review import find_done as find_done
from baogao.analyze.review import review_sentences as review_sentences
from baogao.analyze.track import direction_of, judge_value, name_distance
from baogao.extract.commitments import extract_commitments, printed_amount
from baogao.extract.facts import _Span
from baogao.extract.open.facts import (
    BASELINE,
    MULTI_YEAR,
    key_of,
    vocabulary,
)
from baogao.models import Commitment, CommitmentRow, CommitmentVerdict, Document, Fact

#: Lowest similarity of two keys for a link (1.0 equal keys).
MIN_SIMILARITY = 0.75
#: A count result outside [target / RATIO, target * RATIO] is a different thing.
RATIO = 10.0
_MULTIPLIERS = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
_OUT_OF_SCOPE = (MULTI_YEAR, BASELINE)


# Units --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def split_unit(unit: str | None) -> tuple[float, str]:
    """The multiplier and base of a unit as printed (万个 → 10000, 个; 名 → 人)."""
    if not unit:
        return 1.0, ""
    scale = 1.0
    base = unit
    for prefix, factor in _MULTIPLIERS.items():
        if unit.startswith(prefix) and len(unit) > len(prefix):
            scale, base = float(factor), unit[len(prefix):]
            break
    for group in vocabulary()["interchangeable_units"]:
        if base in group:
            base = group[0]
    factor, to = vocabulary()["conversions"].get(base, (1, base))
    return scale * float(factor), to


def in_unit(value: float, unit: str | None, target_unit: str | None) -> float | None:
    """``value`` (in ``unit``) expressed in ``target_unit``; None when they do not convert."""
    scale_a, base_a = split_unit(unit)
    scale_b, base_b = split_unit(target_unit)
    if base_a != base_b:
        return None
    return value * scale_a / scale_b


# Matching -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def _pairs(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _subsequence(short: str, long_: str) -> bool:
    chars = iter(long_)
    return all(c in chars for c in short)


def _loose_tail(rest: str) -> bool:
    """Words after a name that do not change what it names: a generic head (设备, 设施), a
    measure of it (天然气 / 天然气产量) or the start of what is said about it (稳步推进)."""
    words = vocabulary()
    verbs = (*words["actions"], *words["post_stops"], *words["post_trail"],
             *words["loose_tails"])
    return (rest in words["generic_heads"] or rest in words["metric_suffixes"]
            or rest.startswith(tuple(verbs)))


@functools.lru_cache(maxsize=1)
def _synonyms() -> tuple[dict[str, str], tuple[tuple[str, str], ...],
                         tuple[tuple[str, str], ...]]:
    """Keys read as another (``commitment_words.json`` synonyms: the key of every name of a
    group → the group's first name), last words read as another (管道 → 管网) and first
    words read as another (规上 → 规模以上)."""
    from baogao.extract.commitment_tables import words

    table = words()
    keys = {key_of(name): group[0] for group in table["synonyms"] for name in group}
    keys.update({name: group[0] for group in table["synonyms"] for name in group})
    heads = tuple((other, group[0]) for group in table["head_synonyms"] for other in group[1:])
    leads = tuple((other, group[0]) for group in table["prefix_synonyms"]
                  for other in group[1:])
    return keys, heads, leads


@functools.lru_cache(maxsize=1)
def _fillers() -> tuple[str, ...]:
    from baogao.extract.commitment_tables import words

    return tuple(words()["key_fillers"])


@functools.lru_cache(maxsize=65536)
def canonical_key(key: str) -> str:
    """``key`` as matched: an abbreviation or other name of an object read as its usual name
    (拆违 → 违法建设, 棚改 → 棚户区改造), a first or last word as its usual one (规上 →
    规模以上, 燃气管道 → 燃气管网)."""
    keys, heads, leads = _synonyms()
    if key in keys:
        return keys[key]
    for filler in _fillers():
        if filler in key and len(key) > len(filler):
            key = key.replace(filler, "")  # 中央财政用于三农的投入 → 中央财政三农投入
    for other, usual in leads:
        if key.startswith(other) and len(key) > len(other):
            key = usual + key[len(other) :]  # 规上工业企业 → 规模以上工业企业
            break
    for other, usual in heads:
        if key.endswith(other) and len(key) > len(other):
            return key[: -len(other)] + usual
    return key


@functools.lru_cache(maxsize=262144)
def similarity(a: str, b: str) -> float:
    """How alike two keys are (read by ``canonical_key``): 1 equal, 0.9 one holds the other,
    else the Dice of their character pairs, or 0.9 × the share of the shorter key's pairs
    found in the longer."""
    if not a or not b:
        return 0.0
    a, b = canonical_key(a), canonical_key(b)
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    pa, pb = _pairs(a), _pairs(b)
    if short not in long_ and pa.isdisjoint(pb):
        return 0.0
    if long_.endswith(short) and _names_part(long_[: -len(short)]):
        return 0.0  # 沿边临港产业园区工业投资 / 工业投资: a part, not the whole region
    compound = any(m in long_.replace(short, "") for m in vocabulary()["compound_marks"])
    if len(short) >= 3 and long_.endswith(short) and not compound and not (
            len(short) == 3 and short[-1] in "率量额数比值"):
        return 0.9  # 老旧小区 / 城镇老旧小区, not 利用率 / 再生水利用率 (a bare metric)
    if long_.startswith(short) and len(short) >= 3 and _loose_tail(long_[len(short):]):
        return 0.9  # 一键呼 / 一键呼设备, …传承试点 / …传承试点稳步: the same head
    if len(short) >= 4 and short[-2:] == long_[-2:] and not compound and _subsequence(
            short, long_):
        return 0.85  # 亿元以上技改 / 亿元以上重点技改: a qualifier added, the same head
    if short in long_ and not compound:
        # the head noun comes last: 亿元以上重点 + 技改 names another thing
        pa, pb = _pairs(short), _pairs(long_)
        return 0.7 * len(pa & pb) / max(1, len(pa))
    if compound:
        return 0.0
    if len(pa) < 2 or len(pb) < 2:
        return 0.0
    dice = 2 * len(pa & pb) / (len(pa) + len(pb))
    fewer = min(len(pa), len(pb))
    # one name adds qualifiers to the other (五个国家及市级地表水…达标率 / 地表水…达标率)
    overlap = 0.9 * len(pa & pb) / fewer if fewer >= 4 else 0.0
    return max(dice, overlap)


@functools.lru_cache(maxsize=4096)
def _names_part(qualifier: str) -> bool:
    """A qualifier naming a part of the region: a zone (产业园区, 高新区, 都市圈) or a place
    (南宁市, 某某县; not 城市, 全市)."""
    from baogao.extract.commitment_tables import words

    if qualifier.endswith(tuple(words()["part_words"])):
        return True
    vocab = vocabulary()
    return len(qualifier) >= 2 and qualifier.endswith(tuple(vocab["place_suffixes"])) and not (
        qualifier.endswith(tuple(vocab["place_blockers"])))


@dataclass(frozen=True)
class Link:
    """A result chosen for a commitment, with its value in the commitment's unit."""

    fact: Fact
    value: float
    score: float


_CLAUSE_MARK = re.compile(r"[，,；;。：:！？]")


@functools.lru_cache(maxsize=65536)
def stock_or_flow(evidence: str, printed: str) -> str | None:
    """"flow" for an amount added in the year (新增300张), "stock" for a total reached
    (累计达到1100座, 总量突破1.8万家), None when the clause does not say."""
    at = evidence.find(printed)
    if at < 0:
        return None
    head = _CLAUSE_MARK.split(evidence[:at])[-1]
    words = vocabulary()
    if any(w in head for w in words["flow_words"]):
        return "flow"
    if any(w in head for w in words["stock_words"]):
        return "stock"
    return None


@functools.lru_cache(maxsize=65536)
def _after(evidence: str, printed: str) -> str:
    """The words after an amount, to the end of its clause (1万家|企业实施改造)."""
    at = evidence.find(printed)
    if at < 0:
        return ""
    rest = evidence[at + len(printed) :]
    return _CLAUSE_MARK.split(rest, maxsplit=1)[0][:20]


class Actuals:
    """Actual facts of the later reports grouped by base unit (万个 and 个 together), so a
    commitment is compared with the results it could convert to only.

    Within a unit the facts are indexed by what a link needs: a catalog indicator (a
    commitment with one is answered by the same indicator only), else the normalized key,
    by its character pairs (``similarity`` is 0 for keys sharing no pair and not equal),
    and by scope (a link needs the same one).
    ``candidates`` gives the facts that can pass, in the order of ``for_unit``, so a
    library of many reports of one region and year is not compared fact by fact."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.by_unit: dict[str, list[Fact]] = defaultdict(list)
        for fact in facts:
            if fact.value is not None:
                self.by_unit[split_unit(fact.unit)[1]].append(fact)
        self._index: dict[str, _UnitIndex] = {}

    def for_unit(self, unit: str | None) -> list[Fact]:
        """The facts whose unit has the same base as ``unit`` (or counts the same
        projects: 个 and 项, see ``same_count_for``)."""
        return [f for b in self._bases(unit) for f in self.by_unit.get(b, [])]

    def _bases(self, unit: str | None) -> list[str]:
        base = split_unit(unit)[1]
        found = [base]
        for units in _same_count_bases().values():
            if base in units:
                found += [b for b in units if b not in found]
        return found

    def candidates(self, c: Commitment) -> list[tuple[Fact, str]]:
        """The facts of ``for_unit(c.unit)`` that may link to ``c`` (same indicator, or
        keys equal or sharing a character pair), each with its key, in the same order."""
        found: list[tuple[Fact, str]] = []
        for base in self._bases(c.unit):
            facts = self.by_unit.get(base)
            if not facts:
                continue
            index = self._index.get(base)
            if index is None:
                index = self._index[base] = _UnitIndex(facts)
            found += index.candidates(c)
        return found


class _UnitIndex:
    """The facts of one base unit by scope, then by indicator, by key and by the character
    pairs of their keys (positions in the unit's list, so results keep its order)."""

    def __init__(self, facts: list[Fact]) -> None:
        self.facts = facts
        self.keys = [canonical_key(listed_key(f.key or key_of(f.name), f.evidence, f.text))
                     for f in facts]
        self.by_indicator: dict[tuple[str | None, str], list[int]] = defaultdict(list)
        self.by_key: dict[tuple[str | None, str], list[int]] = defaultdict(list)
        self.by_pair: dict[tuple[str | None, str], list[int]] = defaultdict(list)
        for i, (fact, key) in enumerate(zip(facts, self.keys, strict=True)):
            if fact.scope in _OUT_OF_SCOPE:
                continue
            if fact.indicator:
                self.by_indicator[fact.scope, fact.indicator].append(i)
                continue
            self.by_key[fact.scope, key].append(i)
            for pair in _pairs(key):
                self.by_pair[fact.scope, pair].append(i)

    def candidates(self, c: Commitment) -> list[tuple[Fact, str]]:
        positions: Iterable[int] = []
        if c.indicator:
            positions = self.by_indicator.get((c.scope, c.indicator), [])
        if not positions:  # an indicator's result may be stated as an open fact only
            # (年末城镇调查失业率从上半年5.5%降到5.3%); ``_candidates`` admits few of them
            key = canonical_key(listed_key(c.key, c.evidence, c.text))
            hits = set(self.by_key.get((c.scope, key), []))
            for pair in _pairs(key):
                hits.update(self.by_pair.get((c.scope, pair), []))
            for head in {c.object.strip("“”")[-2:], c.object.strip("“”")[-1:]}:
                hits.update(self.by_key.get((c.scope, head), []))  # 项目 (``_said_before``)
            positions = sorted(hits)
        return [(self.facts[i], self.keys[i]) for i in positions]


@functools.lru_cache(maxsize=1)
def _same_count_bases() -> dict[str, tuple[str, ...]]:
    """``same_count_for`` with each unit read as its base (家 is counted as 个)."""
    return {head: tuple(dict.fromkeys(split_unit(u)[1] for u in units))
            for head, units in vocabulary()["same_count_for"].items()}


def _same_count(c: Commitment, fact: Fact) -> bool:
    """个 and 项 count the same projects (实施亿元以上技改项目1200项 / …1213个), 户 and 家 the
    same firms (新增规模以上工业企业80户 / 培育规上工业企业85家)."""
    for head, units in _same_count_bases().items():
        if c.object.endswith(head) and fact.name.endswith(head) and {
                split_unit(c.unit)[1], split_unit(fact.unit)[1]} <= set(units):
            return True
    return False


def _counted_as(unit: str | None, target_unit: str | None) -> str:
    """``unit`` with its base replaced by the base of ``target_unit`` (万个 → 万项)."""
    scale = next((p for p in ("万亿", "亿", "万") if (unit or "").startswith(p)), "")
    return scale + split_unit(target_unit)[1]


def _candidates(c: Commitment, actuals: Iterable[Fact] | Actuals) -> list[Link]:
    links: list[Link] = []
    kind = stock_or_flow(c.evidence, c.text)
    doing = _doing(c) if not c.indicator else None
    pool = actuals.candidates(c) if isinstance(actuals, Actuals) else (
        (f, listed_key(f.key or key_of(f.name), f.evidence, f.text)) for f in actuals)
    ckey = listed_key(c.key, c.evidence, c.text)
    for fact, other in pool:
        if fact.value is None or fact.scope != c.scope or fact.scope in _OUT_OF_SCOPE:
            continue
        if kind is not None and stock_or_flow(fact.evidence, fact.text) not in (None, kind):
            continue  # 新建20家中试基地 is not answered by 中试基地达到107家
        if _change_of(fact.name) and not _change_of(c.object) and split_unit(c.unit)[1] not in (
                "%", "‰"):
            continue  # “三农”支出超过1万亿元，比上年增加1839亿元: the change is not the level
        if c.indicator and fact.indicator is None:
            score = _as_indicator(c.key, other)
            if score == 0.0:
                continue
        elif c.indicator or fact.indicator:
            if c.indicator != fact.indicator:
                continue
            # the closest name wins: 区级一般公共预算收入 before 地方级… for 一般公共预算收入
            score = 1.0 - min(name_distance(c.object, fact.name), 10) / 20
        else:
            score = max(similarity(ckey, other), _shared_part(c.key, fact),
                        _said_before(c, fact))
            if doing is not None:
                share = _share(doing, fact.name + _after(fact.evidence, fact.text))
                if share < 0.5:
                    continue  # 推动1万家工业企业开展技术改造 / 规模以上工业企业达7.6万家
                if canonical_key(other).startswith(canonical_key(c.key)):
                    score = max(score, 0.9)  # …/ 推动1万家工业企业技术改造和数字化转型
            if score < MIN_SIMILARITY or _other_purpose(ckey, other, c.evidence):
                continue
            if min(len(canonical_key(c.key)), len(canonical_key(other))) <= 2 and not (
                    c.action is not None and c.action == fact.action) and similarity(
                    _after(c.evidence, c.text), _after(fact.evidence, fact.text)) < MIN_SIMILARITY:
                continue  # 项目 / 新项目开工: a bare noun needs the same action or wording too
        value = in_unit(fact.value, fact.unit, c.unit)
        if value is None and _same_count(c, fact):
            value = in_unit(fact.value, _counted_as(fact.unit, c.unit), c.unit)
        if value is None:
            continue
        if c.value and split_unit(c.unit)[1] not in ("%", "‰", "个百分点", "百分点"):
            ratio = value / c.value if c.value else 0.0
            if not 1 / RATIO <= ratio <= RATIO:
                continue
        links.append(Link(fact, value, score - (0.01 if fact.estimated else 0.0)))
    if c.indicator and any(lk.fact.indicator for lk in links):
        links = [lk for lk in links if lk.fact.indicator]  # the catalog's own result first
    return links


@functools.lru_cache(maxsize=65536)
def listed_key(key: str, evidence: str, printed: str) -> str:
    """``key`` with the measure its clause gives it: one a list names on its first item
    (勘探新增石油地质储量3000万吨、天然气200亿立方米: 天然气地质储量), or the output of a clause
    opening on a verb of producing (生产原油239万吨、天然气56.5亿立方米: 天然气产量)."""
    from baogao.extract.commitment_tables import words

    table = words()
    metrics = sorted(table["listed_metrics"], key=len, reverse=True)
    if not key or key.endswith((*metrics, *vocabulary()["metric_suffixes"])):
        return key
    at = evidence.find(printed)
    if at < 0:
        return key
    clause = _CLAUSE_MARK.split(evidence[:at])[-1]
    lead = _strip_lead(clause)
    for verb, metric in table["output_verbs"].items():
        if lead.startswith(verb):
            return f"{key}{metric}"
    parts = clause.split("、")
    if len(parts) >= 2 and re.search(r"\d", parts[0]):
        head = re.split(r"\d", parts[0], maxsplit=1)[0]
        metric = next((str(m) for m in metrics if head.endswith(m)), None)
        if metric is not None:
            return key + metric
    return key


def _strip_lead(clause: str) -> str:
    words = sorted(vocabulary()["lead_noise"], key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for w in words:
            if clause.startswith(w) and len(clause) > len(w):
                clause, changed = clause[len(w):], True
    return clause


def _other_purpose(key: str, other: str, evidence: str) -> bool:
    """A promise naming only money (专项资金, 中央财政拟安排200亿元专项资金，…支持企业技术
    改造) and a result naming money for a purpose (就业专项资金) its sentence does not say."""
    from baogao.extract.commitment_tables import words

    key, other = canonical_key(key), canonical_key(other)
    if key not in words()["generic_money"] or other == key or not other.endswith(key):
        return False
    return other[: -len(key)] not in evidence


def _change_of(name: str) -> bool:
    """A name of a change (…支出增加, …收入增长), not of a level."""
    return name.endswith(tuple(vocabulary()["growth_words"]))


def _doing(c: Commitment) -> str | None:
    """What the things a promise counts are to do, when its clause says so after them
    (推动超1万家工业企业开展技术改造和数字化转型: 技术改造和数字化转型); a result counting
    the same things must say it too."""
    from baogao.extract.commitment_tables import words

    if split_unit(c.unit)[1] not in _count_bases():
        return None
    rest = _after(c.evidence, c.text)
    at = rest.find(c.object.strip("“”"))
    if at < 0:
        return None
    rest = rest[at + len(c.object.strip("“”")) :]
    verb = next((v for v in words()["doing_verbs"] if rest.startswith(v)), None)
    if verb is None or len(rest) - len(verb) < 2:
        return None
    return rest[len(verb) :]


@functools.lru_cache(maxsize=1)
def _count_bases() -> frozenset[str]:
    return frozenset(split_unit(u)[1] for u in vocabulary()["count_units"])


def _share(words: str, text: str) -> float:
    """The share of the character pairs of ``words`` found in ``text``."""
    pairs = _pairs(words)
    return len(pairs & _pairs(text)) / len(pairs) if pairs else 0.0


def _said_before(c: Commitment, fact: Fact) -> float:
    """0.8 when one side names only a head (投资, 项目) and the other names it with a
    qualifier that the first one's sentence says before its amount, with the same action
    (推进重大工程建设，全年完成投资2400亿元 / 重大工程投资完成2510.1亿元; 启动25个城中村改造
    项目 / 城中村改造跑出“加速度”，启动26个改造项目); else 0."""
    if c.action is None or c.action != fact.action:
        return 0.0
    sides = ((c.object, c.evidence, c.text, fact.name),
             (fact.name, fact.evidence, fact.text, c.object))
    for bare, evidence, printed, full in sides:
        bare, full = bare.strip("“”"), full.strip("“”")
        if not 1 <= len(bare) <= 2 or not full.endswith(bare):
            continue
        qualifier = full[: -len(bare)].strip("“”的")
        at = evidence.find(printed)
        if len(qualifier) >= 2 and not _names_part(qualifier) and qualifier in evidence[
                : max(0, at)]:
            return 0.8
    return 0.0


def _as_indicator(key: str, other: str) -> float:
    """0.9 for an open fact's key naming a catalog indicator's object (the same key, or
    it after a word of the year: 年末城镇调查失业率 for 城镇调查失业率), else 0."""
    from baogao.extract.commitment_tables import words

    key, other = canonical_key(key), canonical_key(other)
    if len(key) < 3 or not other.endswith(key):
        return 0.0
    lead = other[: -len(key)]
    return 0.9 if lead == "" or lead in words()["indicator_year_words"] else 0.0


_SHARED = re.compile(r"[均都]")
_JOINS = re.compile(r"[、和及与]")


def _shared_part(key: str, fact: Fact) -> float:
    """How alike ``key`` is to one of several names given one value each (危险废物安全处置率、
    受污染耕地安全利用率均达100%: 受污染耕地安全利用率 is 100%); 0 for names of a sum
    (合作助老餐厅和助餐点1000个) or of values given apart (分别)."""
    if not _JOINS.search(fact.name):
        return 0.0
    at = fact.evidence.find(fact.text)
    if at < 0:
        return 0.0
    head = _CLAUSE_MARK.split(fact.evidence[:at])[-1]
    named = head.find(fact.name)
    between = head[named + len(fact.name) :] if named >= 0 else ""
    if not _SHARED.match(between):
        return 0.0  # 均达, 都达到 right after the names
    parts = [p for p in _JOINS.split(fact.name) if len(p) >= 2]
    return max((similarity(key, key_of(p)) for p in parts), default=0.0)


def choose_link(c: Commitment, actuals: Iterable[Fact] | Actuals) -> Link | None:
    """The best result for ``c``; None when none fits or the best two disagree."""
    links = sorted(_candidates(c, actuals), key=lambda lk: (-lk.score, lk.fact.start))
    if not links:
        return None
    best = links[0]
    rivals = [lk for lk in links[1:] if best.score - lk.score < 0.05
              and abs(lk.value - best.value) > 1e-9]
    return None if rivals else best


# Verdicts -----------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}{unit or ''}"


def reason(template: str, **fields: str) -> str:
    """A Chinese reason from the templates in ``commitments.json``."""
    return str(vocabulary()["reasons"][template]).format(**fields)


def _as_target(c: Commitment) -> Fact:
    return Fact(source=c.source, row=c.row, region=c.region, year=c.year,
                indicator=c.indicator, name=c.object, kind="target", estimated=False,
                period=c.period, value=c.value, unit=c.unit, bound=c.bound, text=c.text,
                evidence=c.evidence, start=c.start, end=c.end, doc_id=c.doc_id,
                value_high=c.value_high)


def _lower_is_better(c: Commitment) -> bool:
    if c.indicator:
        return direction_of(c.indicator) == "lower"
    words = ("下降", "降低", "减少", "压减", "压降", "控制")
    return any(w in c.evidence[: max(0, c.evidence.find(c.text))][-12:] for w in words)


def judge(c: Commitment, link: Link) -> tuple[CommitmentVerdict, str]:
    """met / partly / missed for a numeric commitment and its result."""
    target = _as_target(c)
    decision = judge_value(target, link.value, c.unit)
    verdict: CommitmentVerdict = "missed"
    if decision.verdict in ("met", "partly"):
        verdict = "met" if decision.verdict == "met" else "partly"
    if _lower_is_better(c) and c.indicator is None and c.value is not None:
        better = link.value <= c.value
        verdict = "met" if better else "missed"
    shown = {"actual": f"{link.fact.text}", "target": c.text}
    if verdict == "met":
        assert c.value is not None
        over = link.value > c.value * 1.05 and not _lower_is_better(c)
        return verdict, reason("met_better" if over else "met", **shown)
    if verdict == "partly":
        gap = abs((c.value or 0) - link.value)
        return verdict, reason("partly", gap=_fmt(round(gap, 6), c.unit), **shown)
    return verdict, reason("missed", **shown)


def one_year_actuals(doc: Document, facts: Iterable[Fact]) -> list[Fact]:
    """The facts of ``doc`` outside multi-year passages: a catalog value in a 这五年…
    paragraph (粮食产量稳定在760亿斤以上) is about the five years, not about year N."""
    return LaterReport(doc).one_year(facts)


# The tracker --------------------------------------------------------------------------------


def _row(c: Commitment, verdict: CommitmentVerdict, why: str, fact: Fact | None = None,
         said: Said | None = None) -> CommitmentRow:
    return CommitmentRow(
        region=c.region, period=c.period, object=c.object, action=c.action, value=c.value,
        unit=c.unit, bound=c.bound, target_text=c.text, target_evidence=c.evidence,
        target_source=c.source, target_row=c.row,
        actual_value=fact.value if fact else None, actual_unit=fact.unit if fact else None,
        actual_text=printed_amount(fact.text, fact.evidence) if fact else (
            said.text if said else None),
        actual_evidence=fact.evidence if fact else (said.text if said else None),
        actual_source=fact.source if fact else (said.source if said else None),
        actual_row=fact.row if fact else (said.row if said else None),
        verdict=verdict, reason=why, key=c.key, scope=c.scope, value_high=c.value_high,
        indicator=c.indicator, list_name=c.list_name, origin=c.origin,
        target_doc_id=c.doc_id, target_start=c.start,
        actual_doc_id=fact.doc_id if fact else (said.doc_id if said else None),
        actual_start=fact.start if fact else (said.start if said else None),
    )


#: A result claimed by promises of different values goes to the best one only if it leads
#: by this much; otherwise to none of them.
CLAIM_MARGIN = 0.15


def track_many(commitments: list[Commitment], actuals: list[Fact], said: list[Said], *,
               index: Actuals | None = None, sentences: SaidIndex | None = None
               ) -> list[CommitmentRow]:
    """Rows of the commitments of one report. One result answers one promise: when
    promises of different values claim the same result (天然气200亿立方米 of new reserves and
    天然气产量60亿立方米, both for 天然气56.5亿立方米), it goes to a clear best one or none."""
    if index is None:
        index = Actuals(actuals)
    links = [choose_link(c, index) if c.value is not None else None for c in commitments]
    claims: dict[int, list[int]] = defaultdict(list)
    for i, link in enumerate(links):
        if link is not None:
            claims[id(link.fact)].append(i)
    for claimants in claims.values():
        values = {(commitments[i].value, commitments[i].unit) for i in claimants}
        if len(values) < 2:
            continue
        ranked = sorted(claimants, key=lambda i: -links[i].score)  # type: ignore[union-attr]
        best = links[ranked[0]]
        runner = links[ranked[1]]
        assert best is not None and runner is not None
        keep = ranked[0] if best.score - runner.score >= CLAIM_MARGIN else None
        for i in ranked:
            if i != keep:
                links[i] = None
    if sentences is None:
        sentences = SaidIndex(said)
    return [track_one(c, actuals, said, link=links[i], linked=True, index=sentences)
            for i, c in enumerate(commitments)]


def track_one(c: Commitment, actuals: list[Fact], said: list[Said], *,
              link: Link | None = None, linked: bool = False,
              index: SaidIndex | None = None) -> CommitmentRow:
    """The row of one commitment given the later reports' actual facts and sentences
    (``linked``: ``link`` was already chosen, by ``track_many``; ``index``: ``said``
    indexed)."""
    if c.value is not None:
        if not linked:
            link = choose_link(c, actuals)
        if link is not None:
            verdict, why = judge(c, link)
            return _row(c, verdict, why, fact=link.fact)
    done = find_done(c, said, index)
    if done is not None:
        sentence, template = done
        return _row(c, "done", reason(template, cue=sentence.text[:60]), said=sentence)
    return _row(c, "unreported", reason("unreported"))


def track_documents(docs: Mapping[str, Document], facts: Mapping[str, list[Fact]]
                    ) -> list[CommitmentRow]:
    """Commitment rows for every report in ``docs`` (full documents, by id) with a later
    report of the same region among them; ``facts`` holds each document's facts."""
    by_region = by_region_year(docs.values())
    rows: list[CommitmentRow] = []
    for (region, year), group in sorted(by_region.items()):
        later = by_region.get((region, year + 1), [])
        if not later:
            continue
        actuals = [f for d in later for f in one_year_actuals(d, facts.get(d.id, []))
                   if f.kind == "actual" and f.period == year]
        said = [s for d in later for s in review_sentences(d)]
        index, sentences = Actuals(actuals), SaidIndex(said)
        for doc in group:
            if doc.doc_type not in ("work_report", "plan_report"):
                continue
            rows += track_many(extract_commitments(doc, facts.get(doc.id, [])), actuals, said,
                               index=index, sentences=sentences)
    return rows


def track_commitments(library: object, region: str | None = None, *,
                      period: int | None = None, verdict: str | None = None
                      ) -> list[CommitmentRow]:
    """Every commitment in the library checked against the next year's report.

    ``region`` accepts any form of the name; ``period`` is the year of the report holding
    the commitment; ``verdict`` keeps one verdict. The commitments are those stored at
    ingest (``Library.commitments``), the results are read from the later reports' stored
    facts and review sentences (``commitment_rows.review_digest``), and the rows of each
    region are kept while its documents are unchanged (``commitment_rows.library_rows``).
    """
    from baogao.analyze.commitment_rows import library_rows
    from baogao.library import Library

    assert isinstance(library, Library)
    return library_rows(library, region, period=period, verdict=verdict)


class LaterReport:
    """What the tracker reads of a later report: its review sentences and which of its
    passages are about one year (worked out at ingest: ``commitment_rows.review_digest``)."""

    def __init__(self, doc: Document) -> None:
        self.doc_id = doc.id
        self._passages = YearPassages(doc)  # its answers are shared with review_sentences
        self.said = review_sentences(doc, self._passages)
        self._doc = doc
        self._starts = [p.start for p in doc.paragraphs]

    def one_year(self, facts: Iterable[Fact]) -> list[Fact]:
        """``facts`` outside multi-year passages (see ``one_year_actuals``)."""
        kept: list[Fact] = []
        for fact in facts:
            i = bisect.bisect_right(self._starts, fact.start) - 1
            if i >= 0:
                para = self._doc.paragraphs[i]
                if self._passages.about_years(_Span(para.start, para.end),
                                              _Span(fact.start, fact.end)):
                    continue
            kept.append(fact)
        return kept
