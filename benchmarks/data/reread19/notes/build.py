"""Turn the reading notes ``rowN.txt`` into ``../expected/national_rowN.jsonl``.

    python benchmarks/data/reread19/notes/build.py     # from the repository root

Each note file holds ``ROW=N`` and ``F=[(indicator, name, kind, estimated, period, value,
bound, text, evidence_contains, doubtful, note), …]`` as written while reading the report.
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


def main() -> None:
    with (ROOT / "baogao/data/indicators.csv").open(encoding="utf-8") as handle:
        units = {r["id"]: r["unit"] for r in csv.DictReader(handle)}
    lines = (ROOT / "tests/data" / SOURCE).read_text("utf-8").splitlines()
    for path in sorted(HERE.glob("row*.txt")):
        body = path.read_text("utf-8")
        row = int(body.split("ROW=", 1)[1].split()[0])
        facts = ast.literal_eval(body.split("F=", 1)[1].strip())
        text = json.loads(lines[row])["content"].replace(" ", "").replace("\u3000", "")
        out = [{"source": SOURCE, "row": row, "indicator": None, "read_for": sorted(units),
                "note": "read in full for every catalog indicator (session 19, old19), blind "
                        f"to baogao's output and to national_row{row}.jsonl"}]
        for ind, name, kind, est, period, value, bound, said, evidence, doubt, note in facts:
            assert ind in units, ind
            if evidence.replace(" ", "") not in text:
                print("evidence not found:", row, evidence, file=sys.stderr)
            fact = {"source": SOURCE, "row": row, "indicator": ind, "name": name, "kind": kind,
                    "estimated": est, "period": period, "value": value, "unit": units[ind],
                    "bound": bound, "text": said, "evidence_contains": evidence}
            fact |= {"doubtful": True} if doubt else {}
            fact |= {"note": note} if note else {}
            out.append(fact)
        target = HERE.parent / "expected" / f"national_row{row}.jsonl"
        target.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), "utf-8")
        print(row, len(out) - 1)


if __name__ == "__main__":
    main()
