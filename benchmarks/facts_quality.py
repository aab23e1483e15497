"""Precision and recall of ``extract_facts`` against the hand-checked expected facts.

    python benchmarks/facts_quality.py [--details] [--split tune|heldout|fresh]

Expected facts live in ``tests/data/expected/facts/*.jsonl`` (one JSON object per line, with
``source`` relative to ``tests/data``), annotated by reading the reports. A fact is identified
by (document, indicator, kind, estimated, period, value, bound); repeated statements of one
fact count once. Expected facts marked ``doubtful`` are never counted missing, and output
matching them is not counted wrong. A line with ``"none": true`` and no indicator marks a report
read in full that states no catalog value: it is scored, so any fact read from it is wrong.
Only indicators that the expected files annotate are scored (the others are not checked).
An indicator added to the catalog after most reports were annotated (steel_output,
coal_output) is scored only in the documents marked as read for it (lines with ``read_for``
and no indicator), so a report annotated before it existed does not count its facts wrong.

Scores are printed by split and format. The held-out split is the team-wide one: the provinces
of ``HELD_OUT_PROVINCES`` (both years, every format), national reports of years ending in 3 or
7, and seed 002; everything else is the tuning split. Documents whose expected facts are marked
``fresh`` (a held-out part annotated later, never looked at while tuning) are scored as a third
split, ``fresh``, so the team held-out figures stay comparable over time. Official web pages
(``formats/provinces-2026-html``) are scored against the expected facts of the clean text of the
same report (``html_pairs.json``), and the clean text of those same reports is scored alongside
(``csv (same reports)``) so the gap between a raw page and clean text is visible.

When ``benchmarks/meta_quality.py`` exists, its figures are printed after these.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baogao.errors import BaogaoError
from baogao.extract import extract_facts
from baogao.models import Document, Fact
from baogao.pipeline import read

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EXPECTED = DATA / "expected" / "facts"
PAIRS = EXPECTED / "html_pairs.json"
HELD_OUT_PROVINCES = ("吉林", "湖南", "贵州", "陕西", "黑龙江")
HELD_OUT_SEEDS = ("seeds/002_",)
FORMATS = ("csv", "jsonl", "docx", "txt", "html")

Key = tuple[str, int, str, str, bool, int | None, float | None, str | None]
DocKey = tuple[str, int]


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


def load_read_without_facts(folder: Path = EXPECTED) -> set[DocKey]:
    """Documents read in full that state no catalog value (lines marked ``none``)."""
    keys: set[DocKey] = set()
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("none") and not row.get("indicator"):
                    keys.add((row["source"], int(row["row"])))
    return keys


def load_read_for(folder: Path = EXPECTED) -> dict[str, set[DocKey]]:
    """Indicator → the documents read for it, for indicators added to the catalog after most
    reports were annotated (lines with ``read_for`` and no indicator): such an indicator is
    scored only in the documents read for it, so a report annotated before it existed does
    not count its facts wrong."""
    read_for: dict[str, set[DocKey]] = defaultdict(set)
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                for indicator in row.get("read_for") or ():
                    read_for[indicator].add((row["source"], int(row["row"])))
    return dict(read_for)


def load_pairs(path: Path = PAIRS) -> dict[str, str]:
    """Web page source → clean-text source of the same report."""
    if not path.exists():
        return {}
    pairs: dict[str, str] = json.loads(path.read_text("utf-8"))["pairs"]
    return pairs


def fmt(source: str) -> str:
    """The format of a source file, by suffix."""
    return source.rsplit(".", 1)[-1].lower()


def split_of(source: str, doc_year: int | None) -> str:
    """``heldout`` or ``tune`` by the team-wide rule."""
    if any(p in source for p in HELD_OUT_PROVINCES) or any(s in source for s in HELD_OUT_SEEDS):
        return "heldout"
    if "national" in source and doc_year is not None and doc_year % 10 in (3, 7):
        return "heldout"
    return "tune"


def documents(sources: Iterable[DocKey]) -> dict[DocKey, Document]:
    """The documents named by ``sources`` (a file that cannot be read is left out)."""
    wanted = set(sources)
    found: dict[DocKey, Document] = {}
    for source in sorted({s for s, _ in wanted}):
        try:
            for doc in read(DATA / source):
                if (source, doc.row) in wanted:
                    found[(source, doc.row)] = doc
        except BaogaoError as exc:
            print(f"skipped {source}: {exc}", file=sys.stderr)
    return found


def extracted(sources: Iterable[DocKey]) -> dict[DocKey, list[Fact]]:
    """Facts of each (source, row) document named by the expected files."""
    return {key: extract_facts(doc) for key, doc in documents(sources).items()}


def score(
    expected: list[dict[str, Any]],
    facts: dict[DocKey, list[Fact]],
    scored: set[str] | None = None,
    read_for: dict[str, set[DocKey]] | None = None,
) -> dict[str, Score]:
    """Scores per indicator plus ``"*"`` overall, over the documents in ``facts``; an
    indicator of ``read_for`` only over the documents read for it."""
    scored = scored if scored is not None else {r["indicator"] for r in expected}
    read_for = read_for or {}
    docs = set(facts)
    expected = [r for r in expected if (r["source"], int(r["row"])) in docs
                and (r["source"], int(r["row"])) in read_for.get(r["indicator"], docs)]
    facts = {key: [f for f in doc_facts if f.indicator not in read_for
                   or key in read_for[f.indicator]] for key, doc_facts in facts.items()}
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
    scores["*"] = Score()
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


def _as_paired(expected: list[dict[str, Any]], pairs: dict[str, str]) -> list[dict[str, Any]]:
    """The expected facts of each clean text, restated for its web page."""
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in expected:
        by_source[row["source"]].append(row)
    restated: list[dict[str, Any]] = []
    for page, clean in pairs.items():
        restated.extend({**row, "source": page} for row in by_source.get(clean, []))
    return restated


@dataclass
class Report:
    """Scores by group: ``(split, format)`` → indicator → Score."""

    groups: dict[tuple[str, str], dict[str, Score]]

    def overall(self, split: str, format_: str) -> Score:
        return self.groups.get((split, format_), {}).get("*", Score())


def run() -> Report:
    """Extract the expected documents (and their web pages) and score them by group."""
    expected = load_expected()
    scored = {r["indicator"] for r in expected}
    fresh = {(r["source"], int(r["row"])) for r in expected if r.get("fresh")}
    pairs = load_pairs()
    expected_all = expected + _as_paired(expected, pairs)
    keys = {(r["source"], int(r["row"])) for r in expected_all} | load_read_without_facts()
    docs = documents(keys)
    facts = {key: extract_facts(doc) for key, doc in docs.items()}
    grouped: dict[tuple[str, str], dict[DocKey, list[Fact]]] = defaultdict(dict)
    for key, doc_facts in facts.items():
        source = key[0]
        split = "fresh" if key in fresh else split_of(pairs.get(source, source), docs[key].year)
        grouped[(split, fmt(source))][key] = doc_facts
        grouped[(split, "all")][key] = doc_facts
        if source in pairs.values():
            grouped[(split, "csv (same reports)")][key] = doc_facts
    read_for = load_read_for()
    for page, clean in pairs.items():  # a web page is read for what its clean text is
        for docs_read in read_for.values():
            docs_read |= {(page, row) for source, row in list(docs_read) if source == clean}
    groups = {name: score(expected_all, group, scored, read_for)
              for name, group in grouped.items()}
    return Report(groups)


def _line(label: str, s: Score) -> str:
    return f"{label:40} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:10.3f} {s.recall:8.3f}"


def _header(title: str) -> None:
    print(f"\n== {title}")
    print(f"{'':40} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")


def print_report(report: Report, splits: tuple[str, ...], details: bool) -> None:
    """Print overall figures by format, then by indicator, for each split."""
    for split in splits:
        _header(f"{split}: by format")
        formats = [*FORMATS, "csv (same reports)", "all"]
        for name in formats:
            if (split, name) in report.groups:
                print(_line(name, report.overall(split, name)))
        _header(f"{split}: by indicator (all formats)")
        table = report.groups.get((split, "all"), {})
        for name in sorted(n for n in table if n != "*"):
            print(_line(name, table[name]))
        if details:
            for (group_split, name), table in sorted(report.groups.items()):
                if group_split != split or name in ("all", "csv (same reports)"):
                    continue
                overall = table.get("*", Score())
                for key in sorted(overall.wrong, key=str):
                    print("WRONG ", key)
                for key in sorted(overall.missed, key=str):
                    print("MISSED", key)


def print_meta() -> None:
    """The metadata figures of ``benchmarks/meta_quality.py``, when it exists."""
    script = ROOT / "benchmarks" / "meta_quality.py"
    if not script.exists():
        return
    print("\n== metadata (benchmarks/meta_quality.py)")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    print(done.stdout.rstrip() or done.stderr.rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list wrong and missed facts")
    parser.add_argument(
        "--split", choices=("tune", "heldout", "fresh"), help="print one split only"
    )
    parser.add_argument("--no-meta", action="store_true", help="skip the metadata figures")
    args = parser.parse_args()
    report = run()
    splits = (args.split,) if args.split else ("tune", "heldout", "fresh")
    print_report(report, splits, args.details)
    if not args.no_meta:
        print_meta()


if __name__ == "__main__":
    main()
