"""What changed between two reports (usually one region, consecutive years).

    d = diff_documents(lib, "seeds/000_b5713cac4734963f.txt", "seeds/003_cd0a21e123bf8728.txt")
    d.targets    # added / dropped / changed targets, by indicator
    d.terms_new, d.terms_gone
    d.topics     # attention per 10,000 characters in each report, biggest moves first

Targets compared are each report's targets for its own plan year (the year it was
delivered), or all its targets when the year is unknown; one target per indicator (an
indicator outside the catalog is keyed by its name), chosen as ``track`` chooses. A target is
*changed* when its value, upper value, bound or qualitative text differs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from baogao.analyze.attention import Topic, TopicCounter, document_attention, load_topics
from baogao.analyze.track import target_rank
from baogao.models import Document, Fact

if TYPE_CHECKING:
    from baogao.library import Library

Change = Literal["added", "dropped", "changed", "same"]


@dataclass(frozen=True)
class TargetChange:
    """One indicator's target in report A and in report B."""

    key: str
    indicator: str | None
    name: str
    change: Change
    a_text: str | None
    b_text: str | None
    a_value: float | None
    b_value: float | None
    a_period: int | None
    b_period: int | None
    a_evidence: str | None
    b_evidence: str | None


@dataclass(frozen=True)
class TopicShift:
    """A topic's attention (per 10,000 characters) in report A and report B."""

    topic: str
    label: str
    a_rate: float
    b_rate: float

    @property
    def delta(self) -> float:
        """B minus A."""
        return round(self.b_rate - self.a_rate, 3)


@dataclass(frozen=True)
class DocDiff:
    """The differences between two reports."""

    a: Document
    b: Document
    targets: list[TargetChange] = field(default_factory=list)
    terms_new: list[str] = field(default_factory=list)
    terms_gone: list[str] = field(default_factory=list)
    topics: list[TopicShift] = field(default_factory=list)

    @property
    def rising(self) -> list[TopicShift]:
        """Topics with more attention in B, biggest rise first."""
        return [t for t in self.topics if t.delta > 0]

    @property
    def falling(self) -> list[TopicShift]:
        """Topics with less attention in B, biggest fall first."""
        return sorted((t for t in self.topics if t.delta < 0), key=lambda t: t.delta)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view (documents by id, source, region and year)."""
        return {
            "a": _doc_ref(self.a), "b": _doc_ref(self.b),
            "targets": [vars(t) for t in self.targets if t.change != "same"],
            "targets_same": [t.key for t in self.targets if t.change == "same"],
            "terms_new": self.terms_new, "terms_gone": self.terms_gone,
            "topics_rising": [_shift(t) for t in self.rising],
            "topics_falling": [_shift(t) for t in self.falling],
        }


def _doc_ref(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "source": doc.source, "row": doc.row, "region": doc.region,
            "year": doc.year, "doc_type": doc.doc_type, "title": doc.title}


def _shift(t: TopicShift) -> dict[str, Any]:
    return {"topic": t.topic, "label": t.label, "a": t.a_rate, "b": t.b_rate, "delta": t.delta}


def plan_targets(doc: Document, facts: Sequence[Fact]) -> dict[str, Fact]:
    """A report's targets for its own plan year, one per indicator (or name)."""
    targets = [f for f in facts if f.kind == "target"]
    own = [f for f in targets if doc.year is not None and f.period == doc.year]
    docs = {doc.id: doc}
    chosen: dict[str, Fact] = {}
    for fact in sorted(own or targets, key=lambda f: target_rank(f, docs)):
        chosen.setdefault(fact.indicator or f"name:{fact.name}", fact)
    return chosen


def _same_target(a: Fact, b: Fact) -> bool:
    if a.value is None and b.value is None:
        return a.text == b.text
    return (a.value, a.value_high, a.bound) == (b.value, b.value_high, b.bound)


def target_changes(a: Mapping[str, Fact], b: Mapping[str, Fact]) -> list[TargetChange]:
    """Targets added, dropped, changed or the same, by indicator key."""
    changes = []
    for key in [*a, *(k for k in b if k not in a)]:
        fa, fb = a.get(key), b.get(key)
        if fa and fb:
            change: Change = "same" if _same_target(fa, fb) else "changed"
        else:
            change = "dropped" if fa else "added"
        any_fact = fa or fb
        assert any_fact is not None
        changes.append(TargetChange(
            key=key, indicator=any_fact.indicator, name=any_fact.name, change=change,
            a_text=fa.text if fa else None, b_text=fb.text if fb else None,
            a_value=fa.value if fa else None, b_value=fb.value if fb else None,
            a_period=fa.period if fa else None, b_period=fb.period if fb else None,
            a_evidence=fa.evidence if fa else None, b_evidence=fb.evidence if fb else None,
        ))
    order = {"changed": 0, "added": 1, "dropped": 2, "same": 3}
    return sorted(changes, key=lambda c: order[c.change])


def topic_shifts(a: Document, b: Document, topics: Sequence[Topic]) -> list[TopicShift]:
    """Every topic's attention in A and B, sorted by the change, biggest rise first."""
    counter = TopicCounter(topics)
    ra, rb = document_attention(a, counter).rates, document_attention(b, counter).rates
    shifts = [TopicShift(t.id, t.label, ra.get(t.id, 0.0), rb.get(t.id, 0.0)) for t in topics]
    return sorted(shifts, key=lambda s: -s.delta)


def diff_documents(
    library: Library, ref_a: str, ref_b: str, *, topics: Sequence[Topic] | None = None
) -> DocDiff:
    """Compare two stored reports (by id, id prefix or source[#row])."""
    a, b = library.document(ref_a), library.document(ref_b)
    targets = target_changes(plan_targets(a, library.facts(doc_id=a.id)),
                             plan_targets(b, library.facts(doc_id=b.id)))
    terms_a = {t.term for t in library.terms(doc_id=a.id)}
    terms_b = {t.term for t in library.terms(doc_id=b.id)}
    return DocDiff(
        a=a, b=b, targets=targets,
        terms_new=sorted(terms_b - terms_a), terms_gone=sorted(terms_a - terms_b),
        topics=topic_shifts(a, b, topics or load_topics()),
    )
