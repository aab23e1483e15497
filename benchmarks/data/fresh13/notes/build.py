"""Builds manifest.jsonl, expected/facts/*.jsonl and expected/meta.json of the fresh13 set from
the hand annotation in notes/annot.txt and the page addresses in notes/urls.tsv.

Split rule, fixed before any page was collected: a page is held out when the last hex digit of
md5(url) is even (0 2 4 6 8 a c e), else tune.

    .venv/bin/python benchmarks/data/fresh13/notes/build.py [FOLDER]

FOLDER (default: this set) is a set laid out the same way (fresh13b).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

from baogao.read.regions import resolve_one

FOLDER = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent.parent).resolve()
HERE = FOLDER / "notes"
UNITS = {"gdp": "亿元", "gdp_per_capita": "元", "general_budget_revenue": "亿元",
         "general_budget_expenditure": "亿元", "fiscal_revenue": "亿元", "retail_sales": "亿元",
         "foreign_trade": "亿元", "foreign_investment_actual": "亿美元",
         "disposable_income_per_capita": "元", "urban_new_jobs": "万人", "grain_output": "亿斤"}


def split_of(url: str) -> str:
    return "heldout" if int(hashlib.md5(url.encode()).hexdigest()[-1], 16) % 2 == 0 else "tune"


def main() -> None:
    rows = [line.split("\t") for line in (HERE / "urls.tsv").read_text("utf-8").splitlines()
            if line.strip()]
    with (FOLDER / "manifest.jsonl").open("w", encoding="utf-8") as out:
        for file, url, query in rows:
            out.write(json.dumps({"file": file, "url": url, "query": query,
                                  "split": split_of(url)}, ensure_ascii=False) + "\n")
    facts: dict[str, list[dict[str, object]]] = defaultdict(list)
    meta: list[dict[str, object]] = []
    for line in (HERE / "annot.txt").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            file, region, level, year, date, speaker, title, doc_type = line[1:].split("|")
            entry: dict[str, object] = {"source": file, "row": 0}
            if region != "-":
                found = resolve_one(region)
                assert found is not None, region
                entry["region"] = found.full
            for key, value in (("level", level), ("year", year), ("date", date),
                               ("speaker", speaker), ("speaker_title", title),
                               ("doc_type", doc_type)):
                if value != "-":
                    entry[key] = int(value) if key == "year" else value
            meta.append(entry)
            facts.setdefault(file, [])
            continue
        file, indicator, kind, est, period, value, bound, doubtful, text = line.split("|")
        row: dict[str, object] = {
            "source": file, "row": 0, "indicator": indicator, "kind": kind,
            "estimated": est == "1", "period": int(period),
            "value": None if value == "null" else float(value),
            "unit": UNITS.get(indicator, "%"), "bound": None if bound == "-" else bound,
            "text": text}
        if doubtful == "1":
            row["doubtful"] = True
        facts[file].append(row)
    folder = FOLDER / "expected" / "facts"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.jsonl"):
        old.unlink()
    for file, items in facts.items():
        lines = items or [{"source": file, "row": 0, "none": True}]
        (folder / (Path(file).stem + ".jsonl")).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    (FOLDER / "expected" / "meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
