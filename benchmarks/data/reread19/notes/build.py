"""Turn the reading notes ``rowN.txt`` into ``../expected/national_rowN.jsonl``.

    python benchmarks/data/reread19/notes/build.py     # from the repository root

Each note file holds ``ROW=N`` (a national report) or ``SOURCE=path`` (a provincial report,
row 0, path relative to ``tests/data``) and ``F=[(indicator, name, kind, estimated, period,
value, bound, text, evidence_contains, doubtful, note), …]`` as written while reading it.
"""

from __future__ import annotations

import ast
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
SOURCE = "corpus/national/government_work_reports.jsonl"


def _text(path: Path) -> str:
    """The text of a provincial report as baogao reads it (its normalized text)."""
    from baogao.pipeline import read

    [doc] = list(read(path))
    return doc.text


def main() -> None:
    with (ROOT / "baogao/data/indicators.csv").open(encoding="utf-8") as handle:
        units = {r["id"]: r["unit"] for r in csv.DictReader(handle)}
    lines = (ROOT / "tests/data" / SOURCE).read_text("utf-8").splitlines()
    for path in sorted(HERE.glob("*.txt")):
        body = path.read_text("utf-8")
        facts = ast.literal_eval(body.split("F=", 1)[1].strip())
        if "ROW=" in body:
            source, row = SOURCE, int(body.split("ROW=", 1)[1].split()[0])
            text = json.loads(lines[row])["content"]
            first, stem = f"national_row{row}.jsonl", f"national_row{row}"
        else:
            source, row = body.split("SOURCE=", 1)[1].split()[0], 0
            text = _text(ROOT / "tests/data" / source)
            stem = path.stem
            first = "the province's first annotation file"
        text = text.replace(" ", "").replace("\u3000", "")
        out = [{"source": source, "row": row, "indicator": None, "read_for": sorted(units),
                "note": "read in full for every catalog indicator (session 19, old19), blind "
                        f"to baogao's output and to {first}"}]
        for ind, name, kind, est, period, value, bound, said, evidence, doubt, note in facts:
            assert ind in units, ind
            if evidence.replace(" ", "") not in text:
                print("evidence not found:", row, evidence, file=sys.stderr)
            fact = {"source": source, "row": row, "indicator": ind, "name": name, "kind": kind,
                    "estimated": est, "period": period, "value": value, "unit": units[ind],
                    "bound": bound, "text": said, "evidence_contains": evidence}
            fact |= {"doubtful": True} if doubt else {}
            fact |= {"note": note} if note else {}
            out.append(fact)
        target = HERE.parent / "expected" / f"{stem}.jsonl"
        target.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), "utf-8")
        print(stem, len(out) - 1)


if __name__ == "__main__":
    main()
