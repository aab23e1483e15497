"""Facts and metadata on reports nobody here has seen: excerpts of public web pages, annotated by
reading them, kept outside the repository.

    python benchmarks/fresh_pages.py /work/fresh [more folders] [--details] [--split tune]

The folder holds ``pages/*.txt`` (one report excerpt each, UTF-8), ``manifest.jsonl`` (one line
per page: ``file``, ``url``, ``query``, ``split`` = ``tune`` or ``heldout``, fixed by a rule
recorded with it before anything was run), ``expected/facts/*.jsonl`` (catalog facts in the
format of ``tests/data/expected/facts``, ``source`` = the page's file name, row 0) and
``expected/meta.json`` (a list of ``source``, ``row`` and the metadata the excerpt itself shows:
``region``, ``level``, ``year``, ``date``, ``speaker``, ``speaker_title``, ``doc_type``; a field
the excerpt does not show is left out and not scored).

Prints, per split, facts precision/recall overall, by kind and by indicator (scored the way
``facts_quality.py`` scores, with its helpers), and metadata accuracy: region/level/year together
(the fields of the three that the excerpt shows), region code, each field. ``--details`` lists
wrong and missed facts and wrong fields of the tune split only: the held-out split is never
shown one document at a time.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from facts_quality import (
    Score,
    load_expected,
    load_read_without_facts,
    score,
)
from meta_quality import _expected_value, _right

from baogao.errors import InputError
from baogao.extract import extract_facts
from baogao.models import Document, Fact
from baogao.pipeline import build_document
from baogao.read import read_file

SPLITS = ("tune", "heldout")
META_FIELDS = ("region", "region_code", "level", "year", "date", "speaker", "speaker_title",
               "doc_type")
GROUP = ("region", "level", "year")


def load_manifest(folder: Path) -> dict[str, str]:
    """Page file name → split."""
    rows = [json.loads(line) for line in (folder / "manifest.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    return {row["file"]: row["split"] for row in rows}


def read_pages(folder: Path, files: list[str]) -> tuple[dict[str, Document], dict[str, str]]:
    """Each page read as baogao reads a text file; pages it refuses, with the reason."""
    docs: dict[str, Document] = {}
    refused: dict[str, str] = {}
    for name in files:
        try:
            raws = read_file(folder / "pages" / name, name)
            if raws:
                docs[name] = build_document(raws[0])
            else:
                refused[name] = "no document"
        except InputError as exc:
            refused[name] = type(exc).__name__
    return docs, refused


def _line(label: str, s: Score) -> str:
    return f"{label:40} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:10.3f} {s.recall:8.3f}"


def facts_report(split: str, expected: list[dict[str, Any]], facts: dict[tuple[str, int],
                 list[Fact]], details: bool) -> Score:
    scored = {r["indicator"] for r in expected}
    print(f"\n== facts, {split} ({len(facts)} pages)")
    print(f"{'':40} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    table = score(expected, facts, scored)
    print(_line("all", table.get("*", Score())))
    for kind in ("actual", "target"):
        rows = [r for r in expected if r["kind"] == kind]
        kinded = {k: [f for f in v if f.kind == kind] for k, v in facts.items()}
        print(_line(f"kind {kind}", score(rows, kinded, scored).get("*", Score())))
    for name in sorted(n for n in table if n != "*"):
        print(_line(f"  {name}", table[name]))
    if details:
        overall = table.get("*", Score())
        for key in sorted(overall.wrong, key=str):
            print("WRONG ", key)
        for key in sorted(overall.missed, key=str):
            print("MISSED", key)
    return table.get("*", Score())


def meta_report(split: str, entries: list[dict[str, Any]], docs: dict[str, Document],
                details: bool) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for entry in entries:
        doc = docs.get(entry["source"])
        shown = [f for f in GROUP if f in entry]
        if shown:
            ok = doc is not None and all(_right(doc, entry, f) for f in shown)
            counts["region/level/year"][0] += ok
            counts["region/level/year"][1] += 1
        for field in META_FIELDS:
            if field == "region_code":
                if "region" not in entry:
                    continue
            elif field not in entry:
                continue
            ok = doc is not None and _right(doc, entry, field)
            counts[field][0] += ok
            counts[field][1] += 1
            if not ok:
                got = getattr(doc, field) if doc else "(not read)"
                misses.append(f"{entry['source']} {field}: got {got!r}, "
                              f"want {_expected_value(entry, field)!r}")
    print(f"\n== metadata, {split} (share right; n = pages showing the field)")
    for name in ("region/level/year", *META_FIELDS):
        right, total = counts.get(name, [0, 0])
        if total:
            print(f"{name:20} {right:4}/{total:<4} {right / total:6.3f}")
    if details:
        print("\n".join(misses) or "(no wrong fields)")
    return counts


def _print_totals(split: str, facts: Score, counts: dict[str, list[int]]) -> None:
    print(f"\n######## all folders, {split}")
    print(_line("facts all", facts))
    for name in ("region/level/year", *META_FIELDS):
        right, total = counts.get(name, [0, 0])
        if total:
            print(f"{name:20} {right:4}/{total:<4} {right / total:6.3f}")


def report(folder: Path, splits: tuple[str, ...], details: bool,
           totals: dict[str, tuple[Score, dict[str, list[int]]]]) -> None:
    """Print one folder's figures per split and add them to ``totals``."""
    split_of = load_manifest(folder)
    docs, refused = read_pages(folder, sorted(split_of))
    expected = load_expected(folder / "expected" / "facts")
    annotated = {r["source"] for r in expected} | {s for s, _ in load_read_without_facts(
        folder / "expected" / "facts")}
    entries = json.loads((folder / "expected" / "meta.json").read_text("utf-8"))
    for split in splits:
        names = [n for n, s in split_of.items() if s == split]
        print(f"\n######## {folder.name} {split}: {len(names)} pages, "
              f"{sum(n in refused for n in names)} refused or unreadable")
        facts = {(n, 0): extract_facts(docs[n]) for n in names if n in docs and n in annotated}
        facts.update({(n, 0): [] for n in names if n in refused and n in annotated})
        rows = [r for r in expected if split_of.get(r["source"]) == split]
        show = details and split == "tune"
        scored = facts_report(split, rows, facts, show)
        counts = meta_report(split, [e for e in entries if split_of.get(e["source"]) == split],
                             docs, show)
        if show and refused:
            print("refused:", {n: r for n, r in refused.items() if split_of[n] == split})
        total, meta = totals.setdefault(split, (Score(), defaultdict(lambda: [0, 0])))
        total.tp, total.fp, total.fn = total.tp + scored.tp, total.fp + scored.fp, \
            total.fn + scored.fn
        for name, (right, n) in counts.items():
            meta[name][0] += right
            meta[name][1] += n


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+",
                        help="folders with pages/, manifest.jsonl, expected/ (several: each, "
                             "then all together)")
    parser.add_argument("--details", action="store_true",
                        help="list wrong and missed facts and wrong fields (tune split only)")
    parser.add_argument("--split", choices=SPLITS,
                        help="print one split only (tune while working: the held-out figures "
                             "are looked at in aggregate, at most twice a session)")
    args = parser.parse_args()
    splits = (args.split,) if args.split else SPLITS
    totals: dict[str, tuple[Score, dict[str, list[int]]]] = {}
    for folder in args.folders:
        report(folder, splits, args.details, totals)
    if len(args.folders) > 1:
        for split in splits:
            _print_totals(split, *totals[split])


if __name__ == "__main__":
    main()
