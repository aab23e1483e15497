"""Accuracy of document metadata against the hand-checked set, and web-page body extraction.

    python benchmarks/meta_quality.py [--details] [--split tune]

Expected values: ``tests/data/expected/meta.json`` (written by reading the documents; an entry
with ``"refused": true`` is a saved page that holds no report and must be refused; ``title``
lists the acceptable titles). Documents come from ``tests/data`` (seeds, corpus, formats).

Per format (txt, csv, csv-text = the same CSV rows read without their collection columns,
jsonl, docx, html) and per split (tune / held-out, the team split: provinces 吉林 湖南 贵州
陕西 黑龙江, national years ending in 3 or 7, seed 002), it prints the share of documents with
each field right, and the headline groups of issue 9: region/level/year (all three right),
speaker, date. Web pages: character recall and precision of the extracted body against the
clean text (CSV) of the same report, by character 6-grams of Chinese text, letters and digits.

``meta_figures()`` returns the same figures as a dict for other benchmarks and the floors test.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from baogao.errors import InputError, NotAReport
from baogao.models import Document
from baogao.pipeline import build_document
from baogao.read import iter_files, read_file
from baogao.read.regions import resolve_one

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EXPECTED = DATA / "expected" / "meta.json"
FOLDERS = ("seeds", "corpus", "formats")
FIELDS = ("region", "region_code", "level", "year", "date", "speaker", "speaker_title",
          "meeting", "doc_type", "title")
HEADLINE = {"region/level/year": ("region", "level", "year"), "speaker": ("speaker",),
            "date": ("date",)}
HELD_OUT_PROVINCES = ("吉林", "湖南", "贵州", "陕西", "黑龙江")
HELD_OUT_PAGES = ("_JL.", "_HN.", "_GZ.", "_HL.", "_SN.")
HELD_OUT_SEEDS = ("002_",)
#: web pages and the clean text (CSV) of the same report
PAGE_PAIRS = {"GZ": "贵州省", "HE": "河北省", "HL": "黑龙江省", "HN": "湖南省", "JL": "吉林省",
              "NX": "宁夏回族自治区", "SH": "上海市"}

Key = tuple[str, int]


def split_of(entry: dict[str, Any]) -> str:
    """"held-out" or "tune", by the team-wide split."""
    source = entry["source"]
    if source.startswith("seeds/"):
        return "held-out" if source.split("/")[-1].startswith(HELD_OUT_SEEDS) else "tune"
    if "national" in source:
        year = entry.get("year")
        return "held-out" if year is not None and year % 10 in (3, 7) else "tune"
    if any(p in source for p in HELD_OUT_PAGES) or any(p in source for p in HELD_OUT_PROVINCES):
        return "held-out"
    return "tune"


def format_of(source: str) -> str:
    return source.rsplit(".", 1)[-1].lower()


def _read(without_hints: bool = False) -> tuple[dict[Key, Document], dict[str, InputError]]:
    docs: dict[Key, Document] = {}
    errors: dict[str, InputError] = {}
    for path, display in iter_files([DATA / f for f in FOLDERS]):
        if without_hints and format_of(display) != "csv":
            continue
        try:
            raws = read_file(path, display)
        except InputError as exc:
            errors[display] = exc
            continue
        for raw in raws:
            if without_hints:
                raw = dataclasses.replace(raw, hints={})
            try:
                doc = build_document(raw)
            except InputError as exc:
                errors[f"{display}#{raw.row}"] = exc
                continue
            docs[(doc.source, doc.row)] = doc
    return docs, errors


def _expected_value(entry: dict[str, Any], name: str) -> Any:
    if name == "region_code":
        region = resolve_one(entry["region"]) if entry.get("region") else None
        return region.code if region else None
    return entry[name]


def _right(doc: Document, entry: dict[str, Any], name: str) -> bool:
    if name == "title":
        return doc.title in entry["title"]
    return bool(getattr(doc, name) == _expected_value(entry, name))


def _grams(text: str, n: int = 6) -> Counter[str]:
    s = re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", text)
    return Counter(s[i:i + n] for i in range(len(s) - n + 1))


def _overlap(want: Counter[str], got: Counter[str]) -> tuple[float, float]:
    common = sum((want & got).values())
    return common / max(1, sum(want.values())), common / sum(got.values()) if got else 0.0


def _trafilatura(path: Path) -> str | None:
    """The body trafilatura extracts (a baseline, when it is installed), else None."""
    try:
        import trafilatura  # type: ignore[import-not-found]
    except ImportError:
        return None
    text: str | None = trafilatura.extract(path.read_bytes(), include_tables=True)
    return text or ""


def body_figures(docs: dict[Key, Document]) -> dict[str, dict[str, float]]:
    """Recall and precision of each web page's body against the clean text of its report
    (and of trafilatura's extraction as a baseline when that package is installed)."""
    out: dict[str, dict[str, float]] = {}
    for code, province in PAGE_PAIRS.items():
        source = f"formats/provinces-2026-html/2026_{code}.html"
        page = docs.get((source, 0))
        clean = docs.get((f"corpus/provinces-2026/2026_{province}_政府工作报告.csv", 0))
        if clean is None:
            continue
        want = _grams(clean.text)
        recall, precision = _overlap(want, _grams(page.text) if page else Counter())
        out[code] = {"recall": recall, "precision": precision,
                     "held_out": float(any(f"_{code}." in p for p in HELD_OUT_PAGES))}
        baseline = _trafilatura(DATA / source)
        if baseline is not None:
            out[code]["baseline_recall"], out[code]["baseline_precision"] = _overlap(
                want, _grams(baseline))
    return out


def meta_figures(details: list[str] | None = None) -> dict[str, Any]:
    """Per split and format: documents checked and the share right per field and headline
    group; plus web-page body recall/precision. Misses are appended to ``details``."""
    entries = json.loads(EXPECTED.read_text("utf-8"))
    docs, errors = _read()
    bare, _ = _read(without_hints=True)
    counts: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(
        lambda: defaultdict(lambda: [0, 0]))
    for entry in entries:
        split, fmt = split_of(entry), format_of(entry["source"])
        if entry.get("refused"):
            error = errors.get(entry["source"])
            cell = counts[(split, fmt)]["refused"]
            cell[0] += isinstance(error, NotAReport)
            cell[1] += 1
            continue
        variants = [(fmt, docs)] + ([("csv-text", bare)] if fmt == "csv" else [])
        for name, pool in variants:
            doc = pool.get((entry["source"], entry["row"]))
            cells = counts[(split, name)]
            for field in FIELDS:
                if field not in entry and field != "region_code":
                    continue
                ok = doc is not None and _right(doc, entry, field)
                cells[field][0] += ok
                cells[field][1] += 1
                if not ok and details is not None:
                    got = getattr(doc, field) if doc else "(not read)"
                    details.append(f"{split:8} {name:8} {entry['source']}#{entry['row']} "
                                   f"{field}: got {got!r}, want {_expected_value(entry, field)!r}")
            for group, fields in HEADLINE.items():
                if group in FIELDS:
                    continue  # the field itself, counted above
                ok = doc is not None and all(_right(doc, entry, f) for f in fields)
                cells[group][0] += ok
                cells[group][1] += 1
    figures: dict[str, Any] = {"meta": {}, "body": body_figures(docs)}
    for (split, fmt), cells in sorted(counts.items()):
        figures["meta"].setdefault(split, {})[fmt] = {
            name: {"right": right, "of": total, "share": right / total if total else 1.0}
            for name, (right, total) in cells.items()
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true", help="list every wrong field")
    parser.add_argument("--split", choices=("tune", "held-out"),
                        help="print one split only (tune while working: the held-out figures "
                             "are looked at in aggregate, at most twice a session)")
    args = parser.parse_args()
    splits = (args.split,) if args.split else ("tune", "held-out")
    details: list[str] = []
    figures = meta_figures(details)
    columns = [*HEADLINE, *(f for f in FIELDS if f not in HEADLINE), "refused"]
    for split in splits:
        print(f"\n== metadata, {split} (share of documents right; n = documents)")
        print(f"{'format':9} {'n':>3} " + " ".join(f"{c[:12]:>12}" for c in columns))
        for fmt, cells in figures["meta"].get(split, {}).items():
            n = max(c["of"] for c in cells.values())
            row = [f"{cells[c]['share']:>12.3f}" if c in cells else f"{'-':>12}" for c in columns]
            print(f"{fmt:9} {n:>3} " + " ".join(row))
    print("\n== web pages: body vs clean text of the same report (character 6-grams)")
    for split, held in (("tune", 0.0), ("held-out", 1.0)):
        if split not in splits:
            continue
        rows = {k: v for k, v in figures["body"].items() if v["held_out"] == held}
        for code, v in rows.items():
            base = (f"   (trafilatura: recall {v['baseline_recall']:.3f} precision "
                    f"{v['baseline_precision']:.3f})" if "baseline_recall" in v else "")
            print(f"{split:8} {code}: recall {v['recall']:.3f} precision {v['precision']:.3f}"
                  + base)
        if rows:
            r = sum(v["recall"] for v in rows.values()) / len(rows)
            p = sum(v["precision"] for v in rows.values()) / len(rows)
            print(f"{split:8} mean: recall {r:.3f} precision {p:.3f}")
    if args.details:
        print("\n== wrong fields")
        print("\n".join(d for d in details if d.split()[0] in splits) or "(none)")


if __name__ == "__main__":
    main()
