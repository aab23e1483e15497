"""Precision and recall of ``extract_facts`` against the hand-checked expected facts.

    python benchmarks/facts_quality.py [--details]

Expected facts live in ``tests/data/expected/facts/*.jsonl`` (one JSON object per line, with
``source`` relative to ``tests/data``). A fact is identified by (document, indicator, kind,
estimated, period, value, bound); repeated statements of one fact count once. Expected facts
marked ``doubtful`` are never counted missing, and output matching them is not counted wrong.
Only indicators that the expected files annotate are scored (the others are not checked).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baogao.extract import extract_facts
from baogao.models import Fact
from baogao.pipeline import read

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EXPECTED = DATA / "expected" / "facts"

Key = tuple[str, int, str, str, bool, int | None, float | None, str | None]


@dataclass
class Score:
    """Counts for one indicator (or overall)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    wrong: list[Key] = field(default_factory=list)
    missed: list[Key] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _value(value: Any) -> float | None:
    return None if value is None else round(float(value), 6)


def expected_key(row: dict[str, Any]) -> Key:
    """The identity of one expected fact."""
    return (
        row["source"],
        int(row["row"]),
        row["indicator"],
        row["kind"],
        bool(row["estimated"]),
        row["period"],
        _value(row["value"]),
        row["bound"],
    )


def fact_key(source: str, fact: Fact) -> Key:
    """The identity of one extracted fact (``source`` as the expected files spell it)."""
    assert fact.indicator is not None
    return (
        source,
        fact.row,
        fact.indicator,
        fact.kind,
        fact.estimated,
        fact.period,
        _value(fact.value),
        fact.bound,
    )


def load_expected(folder: Path = EXPECTED) -> list[dict[str, Any]]:
    """Every expected fact with a catalog indicator."""
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("indicator"):
                    rows.append(row)
    return rows


def extracted(sources: Iterable[tuple[str, int]]) -> dict[tuple[str, int], list[Fact]]:
    """Facts of each (source, row) document named by the expected files."""
    wanted = set(sources)
    found: dict[tuple[str, int], list[Fact]] = {}
    for source in sorted({s for s, _ in wanted}):
        for doc in read(DATA / source):
            if (source, doc.row) in wanted:
                found[(source, doc.row)] = extract_facts(doc)
    return found


def score(
    expected: list[dict[str, Any]], facts: dict[tuple[str, int], list[Fact]]
) -> dict[str, Score]:
    """Scores per indicator plus ``"*"`` overall."""
    scored = {r["indicator"] for r in expected}
    sure = {expected_key(r) for r in expected if not r.get("doubtful")}
    doubtful = {expected_key(r) for r in expected if r.get("doubtful")} - sure
    doubtful |= {(*k[:-1], None) for k in doubtful} | {(*k[:-1], "min") for k in doubtful}
    got = {
        fact_key(source, f)
        for (source, _), doc_facts in facts.items()
        for f in doc_facts
        if f.indicator in scored
    }
    scores: dict[str, Score] = defaultdict(Score)
    for key in got - doubtful:
        for name in (key[2], "*"):
            if key in sure:
                scores[name].tp += 1
            else:
                scores[name].fp += 1
                scores[name].wrong.append(key)
    for key in sure - got:
        for name in (key[2], "*"):
            scores[name].fn += 1
            scores[name].missed.append(key)
    return dict(scores)


def run() -> dict[str, Score]:
    """Extract the expected documents and score them."""
    expected = load_expected()
    facts = extracted((r["source"], int(r["row"])) for r in expected)
    return score(expected, facts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list wrong and missed facts")
    args = parser.parse_args()
    scores = run()
    print(f"{'indicator':38} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for name in sorted(scores, key=lambda n: (n == "*", n)):
        s = scores[name]
        label = "overall" if name == "*" else name
        print(f"{label:38} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:10.3f} {s.recall:8.3f}")
    if args.details:
        overall = scores.get("*", Score())
        for key in sorted(overall.wrong, key=str):
            print("WRONG ", key)
        for key in sorted(overall.missed, key=str):
            print("MISSED", key)


if __name__ == "__main__":
    main()
