"""Targets against results: did a region reach what its report promised?

    rows = track(lib, region="西城区")           # every target of every period
    summarize(rows)                              # {"met": 3, "missed": 0, ...}

For every target of period N (the report that set it) the tracker looks for the result of
period N reported later: the next work report, a plan execution report, or the same report
when it is a plan report (whose review may state the result next to the plan). The row
carries both sentences as evidence.

Which facts are paired
    * Targets are grouped by (region, indicator, period); regions are matched by
      ``canonical_region`` (西城 / 西城区 / 北京市西城区 are one region). An indicator outside
      the catalog is matched by its name as printed. When several reports (or a report's text
      and its indicator table) state the target, the one in a plan section wins, then the one
      from the report delivered in year N, then the first in document order.
    * Candidate results are the actual facts of the same region, indicator and period, from
      any document except the target's own (unless that document is a plan report). The
      chosen result has the closest name (equal; else the shortest name containing the
      other, so 区级一般公共预算收入 beats 地方级一般公共预算收入 for 一般公共预算收入), then
      is not an estimate (预计), then comes from the latest report, then comes first in it.

Verdicts (``better`` is the catalog's higher/lower column; outside the catalog: higher)
    * ``approx`` (5%左右): met when the result is at most 0.5 percentage points on the wrong
      side of the target (7.4% meets 7.5%左右; any result on the better side meets it),
      ``partly`` up to 1 point, else ``missed``. For units other than % the tolerances are 5%
      and 10% of the target value.
    * ``min`` (以上, 不低于) and ``max`` (以内, 不超过): met when the bound holds, else missed.
    * a range (value..value_high): met inside it or on its better side, else missed.
    * exact (4%): met when the result equals the target or is on its better side, else
      missed.
    * 与经济增长同步 (value null, text naming a growth indicator of the catalog and 同步): the
      indicator's result is compared with that growth of the same region and period with the
      same 0.5 / 1 point tolerance (income growth 4.8% against GDP growth 5.2% is met).
    * ``unverifiable``: no later result, a qualitative target with no decidable result
      (达到市级要求), or units that differ.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Literal

from baogao.data import load_json
from baogao.extract import load_catalog
from baogao.models import Document, Fact, TrackRow, Verdict, region_fields
from baogao.read.regions import canonical_region

if TYPE_CHECKING:
    from baogao.library import Library
    from baogao.store import Store

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _reasons() -> dict[str, str]:
    data: dict[str, str] = load_json("track_reasons.json")
    return data


def reason(key: str, **fields: str) -> str:
    """A Chinese reason from ``baogao/data/track_reasons.json``."""
    return _reasons()[key].format(**fields)


def with_unit(text: str, unit: str | None) -> str:
    """A value as printed with its unit when the text lacks it (a plan-table cell: 2.1 →
    2.1平方米, 5左右 → 5%左右)."""
    if not unit or unit in text:
        return text
    numbers = list(re.finditer(r"\d+(?:\.\d+)?", text))
    if not numbers:
        return text
    end = numbers[-1].end()
    return text[:end] + unit + text[end:]

Direction = Literal["higher", "lower"]

#: Percentage points a result may fall on the wrong side of an ``approx`` target (met / partly).
POINTS_MET = 0.5
POINTS_PARTLY = 1.0
#: The same tolerances, as a share of the target, for units other than %.
SHARE_MET = 0.05
SHARE_PARTLY = 0.10
#: The word of a qualitative "grow in step with" target (居民收入增长与经济增长同步).
SYNC_WORD = "同步"
#: Column order of track rows (the jsonl fields, in the order of ``TrackRow``).
TRACK_COLUMNS = [
    "region", "indicator", "name", "period", "target_value", "target_bound", "target_text",
    "target_source", "target_row", "target_evidence", "actual_value", "actual_text",
    "actual_source", "actual_row", "actual_evidence", "verdict", "target_value_high", "unit",
    "reason", "target_doc_id", "actual_doc_id", "actual_estimated", "reference_value",
    "reference_evidence", "region_code", "region_path",
]
_EPS = 1e-9

Key = tuple[str, str, int]  # (canonical region, indicator id or "name:<name>", period)


@dataclass(frozen=True)
class Decision:
    """A verdict with the reason it was reached."""

    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class Sync:
    """The reference growth of a 同步 target (GDP growth for 居民收入增长与经济增长同步)."""

    indicator: str
    fact: Fact | None


def fact_key(fact: Fact) -> Key | None:
    """The grouping key of a fact: canonical region, indicator (or name) and period."""
    region = canonical_region(fact.region)
    if region is None or fact.period is None:
        return None
    return region, fact.indicator or f"name:{fact.name}", fact.period


def direction_of(indicator: str | None) -> Direction:
    """Whether a higher or a lower value is better (catalog ``better``; default higher)."""
    if indicator is None:
        return "higher"
    entry = load_catalog().get(indicator)
    return "lower" if entry is not None and entry.better == "lower" else "higher"


def document_index(library: Library, ids: Iterable[str] | None = None
                   ) -> dict[str, Document]:
    """Stored documents (metadata and outline, no text) by id: every one, or ``ids``."""
    if ids is None:
        return {doc.id: doc for doc in library.documents()}
    from baogao.store import DocumentFilter

    wanted = sorted(set(ids))
    found: dict[str, Document] = {}
    for i in range(0, len(wanted), 500):
        chunk = tuple(wanted[i:i + 500])
        found.update((d.id, d) for d in library.documents(DocumentFilter(ids=chunk)))
    return found


def region_facts(library: Library, region: str | None) -> list[Fact]:
    """The stored facts of a region written in any form (all facts for None): the stored
    region names whose canonical form matches are looked up, then only their facts read."""
    if region is None:
        return library.facts()
    names = region_names(library.store, region)
    return library.facts(regions=names) if names else []


def region_names(store: Store, region: str) -> list[str]:
    """The region names stored on facts that denote ``region`` (any written form), for
    ``Store.facts(regions=...)``: a filter in SQL rather than over every fact."""
    wanted = canonical_region(region)
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT region FROM facts WHERE region IS NOT NULL")
        if canonical_region(r[0]) == wanted]


def target_rank(fact: Fact, docs: Mapping[str, Document]) -> tuple[int, int, str, int, int]:
    """Sort key choosing among several statements of one target (smallest wins)."""
    doc = docs.get(fact.doc_id)
    role = doc.role_at(fact.start) if doc is not None else "other"
    return statement_rank(role, fact.year, fact.period, fact.source, fact.row, fact.start)


def statement_rank(role: str, year: int | None, period: int | None, source: str, row: int,
                   start: int) -> tuple[int, int, str, int, int]:
    """``target_rank`` of a statement at ``start`` in a section of ``role`` (plan first)."""
    role_rank = 0 if role == "plan" else 2 if role == "review" else 1
    year_gap = abs(year - period) if year is not None and period else 99
    return role_rank, year_gap, source, row, start


def name_distance(target_name: str, actual_name: str) -> int:
    """0 for equal names, the length difference when one contains the other, else 1000."""
    if target_name == actual_name:
        return 0
    if target_name in actual_name or actual_name in target_name:
        return abs(len(actual_name) - len(target_name))
    return 1000


def actual_rank(fact: Fact, target_name: str) -> tuple[int, bool, int, str, int, int]:
    """Sort key choosing among candidate results (smallest wins)."""
    return (name_distance(target_name, fact.name), fact.estimated, -(fact.year or 0),
            fact.source, fact.row, fact.start)


def choose_actual(
    target: Fact, candidates: Iterable[Fact], docs: Mapping[str, Document]
) -> Fact | None:
    """The result to judge ``target`` by, among actual facts of its region/indicator/period."""
    usable = [
        f for f in candidates
        if f.value is not None and _may_report_on(f, target, docs)
    ]
    if not usable:
        return None
    return min(usable, key=lambda f: actual_rank(f, target.name))


def _may_report_on(actual: Fact, target: Fact, docs: Mapping[str, Document]) -> bool:
    """A result counts unless it comes from the target's own report (plan reports excepted)."""
    if actual.doc_id != target.doc_id:
        return True
    doc = docs.get(actual.doc_id)
    return doc is not None and doc.doc_type == "plan_report"


# -- verdicts -------------------------------------------------------------------------------


def _shortfall(target: float, actual: float, direction: Direction) -> float:
    """How far ``actual`` lies on the wrong side of ``target`` (≤ 0 when on the better side)."""
    return target - actual if direction == "higher" else actual - target


def _tolerances(target: float, unit: str | None) -> tuple[float, float]:
    if unit is None or unit == "%":
        return POINTS_MET, POINTS_PARTLY
    return abs(target) * SHARE_MET, abs(target) * SHARE_PARTLY


def judge_tolerant(gap: float, met: float, partly: float) -> Verdict:
    """met / partly / missed for a shortfall ``gap`` and the two tolerances."""
    if gap <= met + _EPS:
        return "met"
    if gap <= partly + _EPS:
        return "partly"
    return "missed"


def judge_value(target: Fact, actual: float, unit: str | None) -> Decision:
    """The verdict for a numeric target and a numeric result (reason in Chinese)."""
    assert target.value is not None
    value = target.value
    direction = direction_of(target.indicator)
    shown = {"actual": _fmt(actual) + (unit or ""), "target": with_unit(target.text, unit)}
    if target.value_high is not None:
        low, high = sorted((value, target.value_high))
        inside = low - _EPS <= actual <= high + _EPS
        better = actual > high if direction == "higher" else actual < low
        verdict: Verdict = "met" if inside or better else "missed"
        return Decision(verdict, reason("range", **shown))
    if target.bound == "min":
        return Decision("met" if actual >= value - _EPS else "missed", reason("min", **shown))
    if target.bound == "max":
        return Decision("met" if actual <= value + _EPS else "missed", reason("max", **shown))
    gap = _shortfall(value, actual, direction)
    if target.bound == "approx":
        met, partly = _tolerances(value, unit)
        return Decision(judge_tolerant(gap, met, partly),
                        reason("approx", direction=reason(direction),
                               gap=_gap_words(gap, unit), **shown))
    return Decision("met" if gap <= _EPS else "missed",
                    reason("exact", direction=reason(direction), **shown))


def sync_reference(target: Fact) -> str | None:
    """The growth indicator a 同步 target names (经济增长 -> gdp_growth), or None."""
    if SYNC_WORD not in target.text:
        return None
    for entry in load_catalog().values():
        if entry.id == target.indicator or entry.kind_of_value != "growth":
            continue
        if any(word in target.text for word in (entry.name, *entry.aliases)):
            return entry.id
    return None


def judge_sync(actual: Fact | None, reference: Fact | None, ref_id: str) -> Decision:
    """The verdict of a 同步 target: the result's growth against the reference growth."""
    ref = load_catalog()[ref_id].name if ref_id in load_catalog() else ref_id
    if actual is None or actual.value is None:
        return Decision("unverifiable", reason("sync_no_actual"))
    if reference is None or reference.value is None:
        return Decision("unverifiable", reason("sync_no_reference", ref=ref))
    gap = reference.value - actual.value
    return Decision(
        judge_tolerant(gap, POINTS_MET, POINTS_PARTLY),
        reason("sync", ref=ref, actual=f"{_fmt(actual.value)}%",
               reference=f"{_fmt(reference.value)}%"),
    )


def decide(target: Fact, actual: Fact | None, sync: Sync | None) -> Decision:
    """The verdict for one target and its chosen result."""
    if sync is not None:
        return judge_sync(actual, sync.fact, sync.indicator)
    if target.value is None:
        return Decision("unverifiable", reason("qualitative"))
    if actual is None or actual.value is None:
        return Decision("unverifiable", reason("no_result"))
    if target.unit and actual.unit and target.unit != actual.unit:
        return Decision("unverifiable", reason("units_differ", a=target.unit, b=actual.unit))
    return judge_value(target, actual.value, target.unit or actual.unit)


def _fmt(value: float) -> str:
    return f"{value:g}"


def _gap_words(gap: float, unit: str | None = None) -> str:
    if gap > _EPS:
        points = "个百分点" if unit in (None, "%") else (unit or "")
        return reason("short", gap=_fmt(round(gap, 6)) + points)
    return reason("better")


# -- the tracker ----------------------------------------------------------------------------


@dataclass
class _Index:
    targets: dict[Key, list[Fact]]
    actuals: dict[Key, list[Fact]]


def index_facts(facts: Iterable[Fact]) -> _Index:
    """Targets and actuals grouped by (region, indicator or name, period)."""
    index = _Index(defaultdict(list), defaultdict(list))
    for fact in facts:
        key = fact_key(fact)
        if key is None:
            continue
        (index.targets if fact.kind == "target" else index.actuals)[key].append(fact)
    return index


def track_facts(facts: Iterable[Fact], docs: Mapping[str, Document]) -> list[TrackRow]:
    """Track rows for every target among ``facts`` (the library-free core of ``track``)."""
    index = index_facts(facts)
    rows = [_track_one(key, group, index, docs) for key, group in index.targets.items()]
    order = {ind: i for i, ind in enumerate(load_catalog())}
    rows.sort(key=lambda r: (r.region or "", r.period or 0,
                             order.get(r.indicator or "", len(order)), r.name))
    return rows


def _track_one(key: Key, group: list[Fact], index: _Index, docs: Mapping[str, Document]
               ) -> TrackRow:
    target = min(group, key=lambda f: target_rank(f, docs))
    actual = choose_actual(target, index.actuals.get(key, []), docs)
    sync: Sync | None = None
    if target.value is None and (ref_id := sync_reference(target)) is not None:
        ref_key = (key[0], ref_id, key[2])
        ref = index.actuals.get(ref_key, [])
        sync = Sync(ref_id, choose_actual(target, ref, docs))
    decision = decide(target, actual, sync)
    return make_row(key, target, actual, decision, sync)


def make_row(key: Key, target: Fact, actual: Fact | None, decision: Decision,
             sync: Sync | None) -> TrackRow:
    """A ``TrackRow`` from a target, its result and the decision."""
    reference = sync.fact if sync is not None else None
    return TrackRow(
        region=key[0], indicator=target.indicator, name=target.name, period=target.period,
        target_value=target.value, target_bound=target.bound,
        target_text=with_unit(target.text, target.unit),
        target_source=target.source, target_row=target.row, target_evidence=target.evidence,
        actual_value=actual.value if actual else None,
        actual_text=with_unit(actual.text, actual.unit) if actual else None,
        actual_source=actual.source if actual else None,
        actual_row=actual.row if actual else None,
        actual_evidence=actual.evidence if actual else None,
        verdict=decision.verdict, target_value_high=target.value_high,
        unit=target.unit or (actual.unit if actual else None), reason=decision.reason,
        target_doc_id=target.doc_id, actual_doc_id=actual.doc_id if actual else None,
        actual_estimated=actual.estimated if actual else None,
        reference_value=reference.value if reference else None,
        reference_evidence=reference.evidence if reference else None,
    )


def track_within(
    library: Library,
    region: str | None = None,
    *,
    indicator: str | None = None,
    period: int | None = None,
    verdict: Verdict | None = None,
) -> list[TrackRow]:
    """``track`` over every stored region that ``region`` denotes, its descendants included
    (北京 → 北京市 and its districts; a code works too), through ``Library.regions``."""
    if not region:
        return track(library, None, indicator=indicator, period=period, verdict=verdict)
    return [row for name in library.regions(region)
            for row in track(library, name, indicator=indicator, period=period,
                             verdict=verdict)]


def track(
    library: Library,
    region: str | None = None,
    *,
    indicator: str | None = None,
    period: int | None = None,
    verdict: Verdict | None = None,
) -> list[TrackRow]:
    """Every target in the library checked against the result reported later.

    ``region`` accepts any form of the name (西城, 西城区, 北京市西城区); ``indicator`` is a
    catalog id; ``period`` the year the target is about; ``verdict`` keeps one verdict.
    """
    from baogao.analyze.track_load import track_library

    # = track_facts(region_facts(...), document_index(...)), reading only what it decides by
    rows = track_library(library, region or None)
    return [
        r for r in rows
        if (indicator is None or r.indicator == indicator)
        and (period is None or r.period == period)
        and (verdict is None or r.verdict == verdict)
    ]


def summarize(rows: Iterable[TrackRow]) -> dict[str, int]:
    """How many rows have each verdict (met, missed, partly, unverifiable), plus the total."""
    counts = {"met": 0, "missed": 0, "partly": 0, "unverifiable": 0}
    for row in rows:
        counts[row.verdict] += 1
    counts["total"] = sum(counts.values())
    return counts


def track_row_dict(row: TrackRow) -> dict[str, object]:
    """A track row as a flat dict in ``TRACK_COLUMNS`` order (the jsonl line)."""
    data = {**asdict(row), **region_fields(row.region)}
    return {column: data.get(column) for column in TRACK_COLUMNS}
