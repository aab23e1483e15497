"""Typed records passed between pipeline stages.

ingest -> ``RawDocument``; normalize + meta + outline -> ``Document`` (with ``Section`` and
``Paragraph``); extract -> ``Fact`` and ``Term``; search -> ``Passage``; track -> ``TrackRow``.
All character offsets (``start``/``end``) refer to ``Document.text``, the normalized text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from dataclasses import dataclass, field
from typing import Literal

Level = Literal["national", "province", "city", "district"]
DocType = Literal[
    "work_report", "plan_report", "budget_report", "public_report", "npc_resolution", "other"
]
Role = Literal["review", "plan", "self_building", "glossary", "appendix", "other"]
Kind = Literal["actual", "target"]
Bound = Literal["approx", "min", "max"]
Verdict = Literal["met", "missed", "partly", "unverifiable"]


@dataclass(frozen=True)
class RawDocument:
    """One document as a reader found it, before any cleaning.

    ``hints`` carries collection columns (title, year, province, publish_date, url) that
    metadata extraction may use when the text itself is silent. ``warnings`` are one-line
    messages (naming the file) about what the reader had to leave out or ignore.
    """

    source: str
    row: int
    text: str
    format: str
    hints: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A heading and the span it governs.

    ``level`` is 1 for top sections; ``parent`` is the index of the enclosing section in
    ``Document.sections`` or None. ``role`` is set on every section (inherited from its top
    section).
    """

    index: int
    level: int
    marker: str
    title: str
    start: int
    end: int
    heading_end: int
    role: Role
    parent: int | None = None


@dataclass(frozen=True)
class Paragraph:
    """A line of body text (or a table row) with the section it belongs to."""

    index: int
    start: int
    end: int
    section: int | None
    is_table_row: bool = False


@dataclass(frozen=True)
class Document:
    """A normalized report with its metadata and outline.

    ``text`` is the canonical text; ``offset_map[i]`` is the position in ``original`` of
    ``text[i]``. ``id`` is a short hash of ``text`` and identifies the document in the store.
    """

    id: str
    source: str
    row: int
    text: str
    original: str
    offset_map: tuple[int, ...]
    title: str | None = None
    region: str | None = None
    region_path: tuple[str, ...] = ()
    level: Level | None = None
    year: int | None = None
    date: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    meeting: str | None = None
    doc_type: DocType = "other"
    sections: tuple[Section, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    region_code: str | None = None

    def summary(self) -> dict[str, object]:
        """The listing fields (``baogao ls``, ``GET /api/documents``)."""
        return {
            "id": self.id, "source": self.source, "row": self.row, "title": self.title,
            "region": self.region, "region_path": list(self.region_path), "level": self.level,
            "year": self.year, "date": self.date, "speaker": self.speaker,
            "speaker_title": self.speaker_title, "meeting": self.meeting,
            "doc_type": self.doc_type, "region_code": self.region_code,
        }

    def section_at(self, offset: int) -> Section | None:
        """The innermost section containing ``offset``, or None.

        Logarithmic: the last section starting at or before ``offset`` (by bisection), then
        up its parents to the first that still contains ``offset``.
        """
        starts = self._section_starts
        if starts is None:  # sections out of order: scan (never built by build_outline)
            return _innermost_by_scan(self.sections, offset)
        i = bisect.bisect_right(starts, offset) - 1
        section = self.sections[i] if i >= 0 else None
        while section is not None and not (section.start <= offset < section.end):
            section = self.sections[section.parent] if section.parent is not None else None
        return section

    @functools.cached_property
    def _section_starts(self) -> list[int] | None:
        starts = [s.start for s in self.sections]
        ordered = all(a <= b for a, b in itertools.pairwise(starts)) and all(
            s.parent is None or s.parent < s.index == i for i, s in enumerate(self.sections))
        return starts if ordered else None

    def section_path(self, section: Section | None) -> list[str]:
        """Headings from the top section down to ``section``."""
        path: list[str] = []
        while section is not None:
            path.append(section.title)
            section = self.sections[section.parent] if section.parent is not None else None
        return path[::-1]

    def role_at(self, offset: int) -> Role:
        """The role of the section containing ``offset`` ("other" outside any section)."""
        section = self.section_at(offset)
        return section.role if section else "other"


def _innermost_by_scan(sections: tuple[Section, ...], offset: int) -> Section | None:
    found: Section | None = None
    for section in sections:
        if section.start <= offset < section.end and (
            found is None or section.level >= found.level
        ):
            found = section
    return found


@dataclass(frozen=True)
class Fact:
    """One indicator value or target, tied to the sentence it was read from.

    Fields follow the ``baogao facts`` contract (shared/spec/facts.md); ``attribute`` holds a
    table's 指标属性 (预期性/约束性) and ``doc_id`` the document's store id.
    """

    source: str
    row: int
    region: str | None
    year: int | None
    indicator: str | None
    name: str
    kind: Kind
    estimated: bool
    period: int | None
    value: float | None
    unit: str | None
    bound: Bound | None
    text: str
    evidence: str
    start: int
    end: int
    doc_id: str = ""
    attribute: str | None = None
    value_high: float | None = None
    #: Open-vocabulary fields (``baogao facts --all``): a normalized object name for matching
    #: across reports, the action word (新增, 改造, 建成…), the part of the region or time the
    #: value is about (a city, 累计, 年均) and whether the fact is outside the catalog contract.
    key: str = ""
    action: str | None = None
    scope: str | None = None
    open_vocabulary: bool = False

    def contract(self) -> dict[str, object]:
        """The fields of the facts contract, in contract order, plus the extras."""
        return {
            "source": self.source,
            "row": self.row,
            "region": self.region,
            "year": self.year,
            "indicator": self.indicator,
            "name": self.name,
            "kind": self.kind,
            "estimated": self.estimated,
            "period": self.period,
            "value": self.value,
            "unit": self.unit,
            "bound": self.bound,
            "text": self.text,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "value_high": self.value_high,
            "attribute": self.attribute,
            "doc_id": self.doc_id,
            **region_fields(self.region),
        }

    def full(self) -> dict[str, object]:
        """The contract fields plus the open-vocabulary ones (``--all`` output)."""
        return {**self.contract(), "key": self.key, "action": self.action, "scope": self.scope,
                "open_vocabulary": self.open_vocabulary}


def region_fields(region: str | None) -> dict[str, object]:
    """``region_code`` (GB/T 2260) and ``region_path`` ("浙江省/杭州市/桐庐县") of a stored region
    string, added to the rows that show a region (facts, track, compare, their exports)."""
    from baogao.read.regions import region_of

    found = region_of(region)
    path = found.path if found else ((region,) if region else ())
    return {"region_code": found.code if found else None, "region_path": "/".join(path)}


@dataclass(frozen=True)
class Term:
    """A 名词解释 entry: the term, its definition and where the report uses the term."""

    term: str
    definition: str
    start: int
    end: int
    uses: tuple[tuple[int, int], ...] = ()
    doc_id: str = ""


@dataclass(frozen=True)
class Passage:
    """A cited span of a stored document, as returned by search and ask."""

    doc_id: str
    source: str
    row: int
    start: int
    end: int
    section: str
    text: str
    score: float
    title: str | None = None
    region: str | None = None
    year: int | None = None
    snippet: str = ""


@dataclass(frozen=True)
class TrackRow:
    """A target of some period checked against the result reported later."""

    region: str | None
    indicator: str | None
    name: str
    period: int | None
    target_value: float | None
    target_bound: Bound | None
    target_text: str
    target_source: str
    target_row: int
    target_evidence: str
    actual_value: float | None
    actual_text: str | None
    actual_source: str | None
    actual_row: int | None
    actual_evidence: str | None
    verdict: Verdict
    target_value_high: float | None = None
    unit: str | None = None
    reason: str = ""
    target_doc_id: str = ""
    actual_doc_id: str | None = None
    actual_estimated: bool | None = None
    reference_value: float | None = None
    reference_evidence: str | None = None


CommitmentVerdict = Literal["met", "partly", "missed", "done", "unreported"]


@dataclass(frozen=True)
class Commitment:
    """A promise of a report for its year: a target fact of a plan part or a 民生实事 item.

    ``object`` is the thing promised as printed (家庭养老照护床位), ``key`` its normalized
    form; ``value`` is None for an item without a number. ``list_name`` names the 民生实事 list
    the item belongs to; ``start``/``end`` span the sentence (``evidence``).
    """

    region: str | None
    year: int | None
    period: int | None
    object: str
    key: str
    action: str | None
    value: float | None
    unit: str | None
    bound: Bound | None
    text: str
    evidence: str
    source: str
    row: int
    start: int
    end: int
    doc_id: str = ""
    value_high: float | None = None
    scope: str | None = None
    indicator: str | None = None
    list_name: str | None = None
    origin: Literal["target", "list_item"] = "target"


@dataclass(frozen=True)
class CommitmentRow:
    """A commitment of year N checked against what the report of year N+1 says about N."""

    region: str | None
    period: int | None
    object: str
    action: str | None
    value: float | None
    unit: str | None
    bound: Bound | None
    target_text: str
    target_evidence: str
    target_source: str
    target_row: int
    actual_value: float | None
    actual_unit: str | None
    actual_text: str | None
    actual_evidence: str | None
    actual_source: str | None
    actual_row: int | None
    verdict: CommitmentVerdict
    reason: str
    key: str = ""
    scope: str | None = None
    value_high: float | None = None
    indicator: str | None = None
    list_name: str | None = None
    origin: str = "target"
    target_doc_id: str = ""
    target_start: int = 0
    actual_doc_id: str | None = None
    actual_start: int | None = None


@dataclass(frozen=True)
class CommitmentPage:
    """One page of tracked commitments: ``rows``, how many match (``total``) and the count
    of each verdict (plus "total") over the selection whatever the verdict filter."""

    rows: list[CommitmentRow]
    total: int
    counts: dict[str, int]
