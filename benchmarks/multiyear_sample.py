"""Draw open facts to judge by hand without scoring any judged file (no held-out figure is
printed): the tune pools of ``commitments_quality.py``, and a focused pool of the passages
about several years (a five-year review, the goals of the next five-year plan).

    python benchmarks/multiyear_sample.py --pool seeds-provinces --sample 100 --seed 1601 \
        --name _tune_review16a
    python benchmarks/multiyear_sample.py --pool multi-year-national --sample 50 --seed 1603 \
        --name _tune_review16f_national

The focused pools keep the open facts of the tune documents (``multi-year-national``: the
national work reports of 1978 onward whose year does not end in 3 or 7 and that review or plan
several years; ``multi-year-provinces``: the seeds and the tune province reports) that stand
in a section whose title, or in a paragraph whose text, names several years (过去五年, 五年来,
“十四五”, “十五五”, 今后五年, 到2030年) — found by the words below, not by the extractor's own
reading, so a passage it misses is drawn too. Ids are those of ``commitments_quality.py``
(``label#i``), so a judged file marked with the pool ``national-tune`` or ``seeds-provinces``
is scored there.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from commitments_quality import (
    DATA,
    corpus_documents,
    held_out,
    national_tune,
    open_items,
)

from baogao.models import Document
from baogao.pipeline import analyse, read

#: Words naming several years (a review of five years, a five-year plan, its end year).
SEVERAL = re.compile(r"过去五年|五年来|这五年|五年间|五年中|五年里|今后五年|未来五年"
                     r"|五年累计|五年共"
                     r"|十[一二三四五]五|[“\"][六七八九]五[”\"]|[六七八九]五(?:计划|时期|期间)"
                     r"|第[六七八九十]个五年|20[23]0年|2035年|三年来|四年来")


def _section_titles(doc: Document, pos: int) -> list[str]:
    return doc.section_path(doc.section_at(pos))


def multi_year_items(label: str, doc: Document) -> list[dict[str, Any]]:
    """The open facts of ``doc`` in a section or a paragraph naming several years."""
    facts = analyse(doc)[1]
    items = open_items(label, "tune", facts)
    opened = [f for f in facts if f.open_vocabulary]
    kept = []
    for item, fact in zip(items, opened, strict=True):
        start = doc.text.rfind("\n", 0, fact.start) + 1
        end = doc.text.find("\n", fact.end)
        para = doc.text[start : len(doc.text) if end < 0 else end]
        if SEVERAL.search(para) or any(SEVERAL.search(t) for t in
                                       _section_titles(doc, fact.start)):
            kept.append(item)
    return kept


def pool(name: str, shared: Path) -> list[dict[str, Any]]:
    """The open facts of one pool (tune documents only)."""
    if name == "seeds-provinces":
        return [i for label, doc in corpus_documents(shared) if not held_out(label)
                for i in open_items(label, "tune", analyse(doc)[1])]
    if name == "multi-year-provinces":
        return [i for label, doc in corpus_documents(shared) if not held_out(label)
                for i in multi_year_items(label, doc)]
    path = shared / "corpus" / "national" / "government_work_reports.jsonl"
    docs = [d for d in read(path) if national_tune(d)]
    if name == "national-tune":
        return [i for d in docs for i in open_items(d.title or d.id, "tune", analyse(d)[1])]
    return [i for d in docs for i in multi_year_items(d.title or d.id, d)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="/work/shared")
    parser.add_argument("--pool", required=True, choices=(
        "seeds-provinces", "national-tune", "multi-year-national", "multi-year-provinces"))
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--name", required=True, help="Suffix of the sample file name.")
    args = parser.parse_args()
    drawn = pool(args.pool, Path(args.shared))
    sample = random.Random(args.seed).sample(drawn, min(args.sample, len(drawn)))
    out = DATA / f"open_facts_sample{args.name}.jsonl"
    out.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sample), "utf-8")
    print(f"pool {args.pool}: {len(drawn)} open facts; wrote {len(sample)} to {out}")


if __name__ == "__main__":
    main()
