"""Regions side by side and one region over the years.

    compare(lib, "gdp_growth", kind="target", period=2026)   # one row per region
    compare(lib, "gdp_growth", kind="actual", region="全国")   # one row per year

Each row is the one fact that best states the indicator for that region and period:

* a target: the statement in a plan section first, then the one from the report delivered
  in that year, then the first in document order (as ``track`` chooses targets);
* an actual: not an estimate (预计) first, then the latest report, then the first in it.

Regions are matched by ``canonical_region`` (西城 / 西城区 / 北京市西城区 are one region).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Literal

from baogao.analyze.track import document_index, region_names, target_rank
from baogao.errors import QueryError
from baogao.extract import load_catalog
from baogao.models import Document, Fact, region_fields
from baogao.read.regions import canonical_region

if TYPE_CHECKING:
    from baogao.library import Library

CompareKind = Literal["target", "actual"]
COMPARE_COLUMNS = ["region", "level", "period", "indicator", "kind", "value", "value_high",
                   "bound", "unit", "text", "estimated", "year", "source", "row", "evidence",
                   "doc_id", "region_code", "region_path"]


@dataclass(frozen=True)
class CompareRow:
    """One region's value of an indicator for one period, with the sentence it came from."""

    region: str
    level: str | None
    period: int
    indicator: str
    kind: CompareKind
    value: float | None
    value_high: float | None
    bound: str | None
    unit: str | None
    text: str
    estimated: bool
    year: int | None
    source: str
    row: int
    evidence: str
    doc_id: str

    def as_dict(self) -> dict[str, object]:
        """The row as a flat dict in ``COMPARE_COLUMNS`` order, then region_code/region_path."""
        return {**asdict(self), **region_fields(self.region)}


def _actual_rank(fact: Fact) -> tuple[bool, int, str, int, int]:
    return fact.estimated, -(fact.year or 0), fact.source, fact.row, fact.start


def best_fact(facts: Sequence[Fact], kind: CompareKind, docs: Mapping[str, Document]) -> Fact:
    """The fact that best states one region's value for one period (see module docstring)."""
    if kind == "target":
        return min(facts, key=lambda f: target_rank(f, docs))
    return min(facts, key=_actual_rank)


def compare_facts(
    facts: Iterable[Fact],
    indicator: str,
    kind: CompareKind,
    docs: Mapping[str, Document],
    *,
    period: int | None = None,
    region: str | None = None,
) -> list[CompareRow]:
    """Compare rows from ``facts`` (the library-free core of ``compare``)."""
    wanted = canonical_region(region) if region else None
    groups: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for fact in facts:
        name = canonical_region(fact.region)
        if (fact.indicator != indicator or fact.kind != kind or name is None
                or fact.period is None or fact.value is None):
            continue
        if (period is None or fact.period == period) and (wanted is None or name == wanted):
            groups[(name, fact.period)].append(fact)
    rows = [_row(name, p, best_fact(group, kind, docs), docs)
            for (name, p), group in groups.items()]
    if wanted is None:
        rows.sort(key=lambda r: (r.period, -(r.value or 0), r.region))
    else:
        rows.sort(key=lambda r: r.period)
    return rows


def _row(region: str, period: int, fact: Fact, docs: Mapping[str, Document]) -> CompareRow:
    doc = docs.get(fact.doc_id)
    return CompareRow(
        region=region, level=doc.level if doc else None, period=period,
        indicator=fact.indicator or "", kind=fact.kind, value=fact.value,
        value_high=fact.value_high, bound=fact.bound, unit=fact.unit, text=fact.text,
        estimated=fact.estimated, year=fact.year, source=fact.source, row=fact.row,
        evidence=fact.evidence, doc_id=fact.doc_id,
    )


def compare(
    library: Library,
    indicator: str,
    *,
    kind: CompareKind = "target",
    period: int | None = None,
    region: str | None = None,
) -> list[CompareRow]:
    """Regions side by side (``period``) or one region's series (``region``), or both.

    Rows across regions are sorted by value, highest first; a series by period.
    """
    if indicator not in load_catalog():
        raise QueryError(f"unknown indicator {indicator!r}; ids are in "
                         "baogao/data/indicators.csv (gdp_growth, cpi_growth, ...)")
    if kind not in ("target", "actual"):
        raise QueryError(f"kind must be target or actual, not {kind!r}")
    if period is None and region is None:
        raise QueryError("pass --period YEAR (regions side by side) or --region R (a series)")
    names = region_names(library.store, region) if region else None
    facts = library.facts(indicator=indicator, kind=kind, period=period, regions=names)
    return compare_facts(facts, indicator, kind, document_index(library,
                                                                {f.doc_id for f in facts}),
                         period=period, region=region)


def indicator_label(indicator: str) -> str:
    """The catalog name of an indicator with its unit (地区生产总值增长（%）)."""
    entry = load_catalog().get(indicator)
    if entry is None:
        return indicator
    return f"{entry.name}（{entry.unit}）" if entry.unit else entry.name
