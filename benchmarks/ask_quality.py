"""Quality and latency of ``baogao ask`` on a hand-written question set.

    python benchmarks/ask_quality.py                 # builds a library from tests/data
    python benchmarks/ask_quality.py --db lib.db     # or uses an existing one
    python benchmarks/ask_quality.py -v              # prints every failing question
    python benchmarks/ask_quality.py --scale 100     # latency over every report ×100

The questions (``tests/data/expected/ask_questions.json``) were written by reading the
reports in tests/data, with the expected answers read from them: exact region sets for list
answers, values and verdicts the answer must state, counts, series rows, and questions the
library cannot answer (the answer must say so). ``held_out`` questions (the team split plus
every third cross-region question, all written before tuning) are reported separately.

Prints the pass rate overall, per kind and for tune / held-out, then ask's in-process latency
(p50, p95, max) over the set, each question asked once after a warm-up round. With
``--scale N`` the latency is measured again over a library holding every report (with its
facts and glossary terms) N times, as distinct documents.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from baogao.ask.answer import AskResult, ask  # noqa: E402
from baogao.ask.index import rebuild_index  # noqa: E402
from baogao.library import Library  # noqa: E402
from baogao.store import ON_SAVE  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "expected" / "ask_questions.json"
INPUTS = [ROOT / "tests" / "data" / d for d in ("corpus", "formats/provinces-2025", "seeds")]


def check(result: AskResult, item: dict[str, Any]) -> list[str]:
    """The reasons ``result`` fails the expectation of ``item`` (empty when it passes)."""
    expect = item["expect"]
    answer = result.answer
    problems: list[str] = []
    if expect.get("unsupported"):
        if result.supported or "未提及" not in answer:
            problems.append("should say the library does not support it")
        return problems
    if not result.supported:
        return [f"unsupported: {answer}"]
    intent = result.question.intent
    if intent != item["kind"]:
        problems.append(f"intent {intent}, expected {item['kind']}")
    if "regions" in expect and set(result.regions) != set(expect["regions"]):
        got, want = set(result.regions), set(expect["regions"])
        problems.append(f"regions: missing {sorted(want - got)}, extra {sorted(got - want)}")
    for text in expect.get("contains", []):
        if text not in answer:
            problems.append(f"answer lacks {text!r}")
    if "count" in expect and f"共{expect['count']}个" not in answer:
        problems.append(f"count is not {expect['count']}")
    if "verdict" in expect and not re.search(rf"：{expect['verdict']}(?:[。；]|$)", answer):
        problems.append(f"verdict is not {expect['verdict']}")
    if "years" in expect:
        rows = {r[0]: r[1] for r in (result.table.rows if result.table else [])}
        for year, value in expect["years"].items():
            if rows.get(year) != value:
                problems.append(f"{year}: {rows.get(year)!r} instead of {value!r}")
    return problems


def build(db: Path) -> Library:
    lib = Library(db)
    report = lib.ingest(INPUTS)
    if report.errors:
        print(f"ingest errors: {len(report.errors)}", file=sys.stderr)
    return lib


def enlarge(base: Library, path: Path, scale: int) -> Library:
    """A library holding every document of ``base`` ``scale`` times, facts and terms too."""
    big = Library(path)
    hooks = list(ON_SAVE)
    ON_SAVE.clear()
    try:
        for doc in base.store.iter_documents():
            facts = base.store.facts(doc_id=doc.id, include_open=True)
            terms = base.store.terms(doc_id=doc.id)
            for k in range(scale):
                copy = dataclasses.replace(doc, id=f"{doc.id}x{k}", source=f"{doc.source}~{k}")
                big.store.save(copy, [dataclasses.replace(f, doc_id=copy.id) for f in facts],
                               [dataclasses.replace(t, doc_id=copy.id) for t in terms])
    finally:
        ON_SAVE.extend(hooks)
    rebuild_index(big.store)
    return big


def latency(lib: Library, items: list[dict[str, Any]]) -> tuple[float, float, float]:
    """p50, p95 and max milliseconds of ``ask`` over the questions (after a warm-up)."""
    for item in items:
        ask(lib, item["q"])
    times: list[float] = []
    for item in items:
        t0 = time.perf_counter()
        ask(lib, item["q"])
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    return statistics.median(times), p95, times[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing library (default: build one)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print failures")
    parser.add_argument("--scale", type=int, default=0,
                        help="also time ask over a library of every report N times")
    args = parser.parse_args()
    items = json.loads(QUESTIONS.read_text("utf-8"))["questions"]
    passed: dict[str, list[bool]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(args.db) if args.db else build(Path(tmp) / "ask.db")
        for item in items:
            result = ask(lib, item["q"])
            problems = check(result, item)
            kind = "unsupported" if item["expect"].get("unsupported") else item["kind"]
            for key in ("all", kind, "held-out" if item["held_out"] else "tune"):
                passed[key].append(not problems)
            if problems and args.verbose:
                print(f"FAIL {item['id']} {item['q']}\n     {'; '.join(problems)}\n"
                      f"     answer: {result.answer[:200]}")
        docs = lib.store.count()
        timings = {1: latency(lib, items)}
        if args.scale > 1:
            big = enlarge(lib, Path(tmp) / "big.db", args.scale)
            timings[args.scale] = latency(big, items)
            big.close()
        lib.close()
    print(f"ask quality: {len(items)} questions")
    kinds = sorted(k for k in passed if k not in ("all", "tune", "held-out"))
    for key in ["all", "tune", "held-out", *kinds]:
        oks = passed[key]
        print(f"  {key:<12} {sum(oks):>3}/{len(oks):<3} {100 * sum(oks) / len(oks):5.1f}%")
    for scale, (p50, p95, top) in timings.items():
        print(f"ask latency in-process, x{scale} ({docs * scale} reports): p50 {p50:.1f} ms  "
              f"p95 {p95:.1f} ms  max {top:.1f} ms")


if __name__ == "__main__":
    main()
