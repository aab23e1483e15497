"""Catalog facts against a blind re-reading of reports already annotated once.

    python benchmarks/reread_quality.py [FOLDER] [--split tune|heldout] [--details]

A re-reading set is a folder with ``expected/*.jsonl`` (the format of
``tests/data/expected/facts``) and ``manifest.json`` (``{"tune": [[source, row], …],
"heldout": […]}``, the split fixed before any output was looked at). Each document was read
in full for every catalog indicator (its ``read_for`` line lists them), without looking at
baogao's output or at the first annotation of the same report, so every catalog indicator is
scored in it: a fact the first annotation left out is counted here. Sources are relative to
``tests/data``; the scoring is ``facts_quality.score``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from facts_quality import (
    ROOT,
    DocKey,
    Score,
    extracted,
    load_expected,
    load_read_for,
)
from facts_quality import score as score_facts


def scores(folder: Path, split: str) -> dict[str, Score]:
    """Scores per indicator (and ``"*"``) of one split of a re-reading set."""
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    docs: set[DocKey] = {(source, int(row)) for source, row in manifest[split]}
    expected = [r for r in load_expected(folder / "expected")
                if (r["source"], int(r["row"])) in docs]
    read_for = load_read_for(folder / "expected")
    indicators = set(read_for)
    facts = extracted(docs)
    return score_facts(expected, facts, indicators, {})


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "benchmarks/data/reread19"))
    parser.add_argument("--split", choices=("tune", "heldout"), default="tune")
    parser.add_argument("--details", action="store_true", help="list wrong and missed facts")
    args = parser.parse_args()
    table = scores(Path(args.folder), args.split)
    print(f"{args.split:24} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for name in sorted(table, key=lambda n: (n != "*", n)):
        s = table[name]
        print(f"{name:24} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:10.3f} {s.recall:8.3f}")
    if args.details:
        overall = table.get("*", Score())
        for key in sorted(overall.wrong, key=str):
            print("WRONG ", key)
        for key in sorted(overall.missed, key=str):
            print("MISSED", key)


if __name__ == "__main__":
    main()
