"""First-look errors: what baogao read on each fresh page *before* anyone fixed anything for it.

Every page of ``benchmarks/data/fresh*`` was added by a commit; the code of that commit's parent
had never seen the page, so its errors there are the best sample of what baogao does on unseen
pages (the held-out behaviour). This script runs one such old checkout on the tune pages it
never saw and scores them against today's annotation.

    # 1. dump what an old checkout reads (run with PYTHONPATH=<checkout of the parent commit>)
    PYTHONPATH=/tmp/old python benchmarks/first_look.py dump benchmarks/data/fresh16 \\
        --pages 01.txt 03.txt --out /tmp/fl_fresh16.jsonl
    # 2. score every dump against the current annotation, tune split only
    python benchmarks/first_look.py score /tmp/fl_*.jsonl

Only tune pages are dumped or listed: the held-out split is never read one page at a time.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

META = ("region", "level", "year", "date", "speaker", "speaker_title", "doc_type")
GROUP = ("region", "level", "year")


def _manifest(folder: Path) -> dict[str, str]:
    rows = [json.loads(line) for line in (folder / "manifest.jsonl").read_text("utf-8")
            .splitlines() if line.strip()]
    return {row["file"]: row["split"] for row in rows}


def dump(folder: Path, pages: list[str], out: Path) -> None:
    """Facts and metadata the importable ``baogao`` reads on the tune ``pages`` of ``folder``."""
    from baogao.errors import InputError
    from baogao.extract import extract_facts
    from baogao.pipeline import build_document
    from baogao.read import read_file

    split = _manifest(folder)
    with out.open("a", encoding="utf-8") as fh:
        for name in pages:
            if split.get(name) != "tune":
                continue
            row: dict[str, Any] = {"folder": str(folder), "source": name, "facts": [],
                                   "meta": None}
            try:
                raws = read_file(folder / "pages" / name, name)
                if raws:
                    doc = build_document(raws[0])
                    row["meta"] = {f: getattr(doc, f, None) for f in META}
                    row["facts"] = [
                        {k: v for k, v in dataclasses.asdict(f).items()
                         if k in ("indicator", "name", "kind", "estimated", "period", "value",
                                  "unit", "bound", "text", "evidence", "row")}
                        for f in extract_facts(doc) if f.indicator]
            except InputError as exc:
                row["refused"] = type(exc).__name__
            fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def score_dumps(paths: list[Path]) -> None:
    """Wrong and missed facts and wrong metadata fields of every dumped page."""
    from facts_quality import _value, expected_key, load_expected
    from meta_quality import _expected_value

    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            folder = Path(row["folder"])
            expected = [r for r in load_expected(folder / "expected" / "facts")
                        if r["source"] == row["source"]]
            sure = {expected_key(r) for r in expected if not r.get("doubtful")}
            doubtful = {expected_key(r)[2:6] for r in expected if r.get("doubtful")}
            scored = {r["indicator"] for r in load_expected(folder / "expected" / "facts")}
            tag = f"{folder.name}/{row['source']}"
            got = set()
            for f in row["facts"]:
                if f["indicator"] not in scored:
                    continue
                key = (row["source"], 0, f["indicator"], f["kind"], bool(f["estimated"]),
                       f["period"], _value(f["value"]), f["bound"])
                got.add(key)
                if key in sure or key[2:6] in doubtful:
                    continue
                print(f"WRONG  {tag} {key[2:]} | {f['text']} | {f['evidence'][:160]}")
            for key in sorted(sure - got, key=str):
                print(f"MISSED {tag} {key[2:]}")
            entries = json.loads((folder / "expected" / "meta.json").read_text("utf-8"))
            entry = next((e for e in entries if e["source"] == row["source"]), None)
            if entry is None:
                continue
            meta = row["meta"] or {}
            for field in META:
                if field not in entry:
                    continue
                want = _expected_value(entry, field)
                if meta.get(field) != want:
                    print(f"META   {tag} {field}: got {meta.get(field)!r}, want {want!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("folder", type=Path)
    d.add_argument("--pages", nargs="+", required=True)
    d.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("dumps", type=Path, nargs="+")
    args = parser.parse_args()
    if args.cmd == "dump":
        dump(args.folder, args.pages, args.out)
    else:
        score_dumps(args.dumps)


if __name__ == "__main__":
    main()
