"""Open facts and commitments against hand-checked sets: coverage, recall, precision.

    python benchmarks/commitments_quality.py [--shared /work/shared] [--sample 100]

Prints, for the tuning and the held-out parts separately (team split: 吉林, 湖南, 贵州, 陕西,
黑龙江 and seed 002 are held out):

* coverage — the share of numbers with a unit in the running text (seeds and the shared
  province reports) that become facts (catalog or open);
* commitments recall / precision — commitments found against the hand-read list of every
  quantified promise and 民生实事 item of each plan part (``benchmarks/data/commitments_*``);
* link recall / precision — results linked against the hand-read results of the next
  year's report (``ambiguous`` entries left out of both).

Sets read in round 5 carry a ``group`` naming ``new this round`` (tune 广西, 江苏, 甘肃;
held-out 贵州, 黑龙江) and are also totalled apart from the earlier ones (tune 安徽, 河北,
江西, 上海, 西城; held-out 吉林, 陕西, 湖南). The sets read in round 6 (tune 广东 2025 against
2026; the national reports of 2024, 2011 and 2009 against the next year's, read by title from
the national JSONL; and the plan part of 江西's 2026 report alone, with no later report:
commitments only), each annotated before its output was seen, are totalled apart too.
Their figures as first drawn (in each set's note) are the best estimate of how the extractor
does on reports it was not tuned on; the totals printed are today's, after tuning on them.

With ``--sample N [--seed S --name _x --split tune|heldout]`` it writes N random open facts to
``benchmarks/data/open_facts_sample_x.jsonl`` (for judging by hand). Every
``benchmarks/data/open_facts_judged*.json`` (``{"judgments": [{"id", "text", "evidence",
"name", "kind", "period", "value", "unit", "ok", "note"}]}``; older files name their
``sample`` file for the sentences) is scored: right as judged, and how many of its facts
today's output still states unchanged. Files named ``*_tune*`` or marked ``"split": "tune"``
are tuning samples (drawn to be studied); the others were held out when judged.

``--pool national-heldout`` draws the sample instead from the open facts of the national
full government work reports (not the NPC resolutions) of 1978 onward whose year ends in 3 or
7 — the team's held-out national years, never used to tune open facts. A judged file marked
``"pool": "national-heldout"`` is scored against that pool (built only when needed).
``--pool national-tune`` does the same for the other national years (1978 onward, years not
ending in 3 or 7), the national tuning part; judged files mark ``"pool": "national-tune"``.
``--pool national-old`` draws from the old national work reports (before 1978, years not
ending in 3 or 7: 1954-1975), tuning too.
``--pool pages-tune`` and ``--pool pages-heldout`` draw from the open facts of the annotated web
pages in ``benchmarks/data/fresh1*`` (reports of every level, 1999–2025, none of them used to
tune open facts before session 18), split by the md5(url) rule recorded in each manifest.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from baogao.analyze.commitments import track_documents
from baogao.errors import BaogaoError
from baogao.extract.commitments import extract_commitments
from baogao.extract.open.facts import body_spans, find_amounts
from baogao.models import Commitment, CommitmentRow, Document, Fact
from baogao.pipeline import analyse, read
from baogao.read.normalize import normalize

DATA = Path(__file__).parent / "data"
HELD_OUT = ("吉林", "湖南", "贵州", "陕西", "黑龙江", "002_")


def _docs(path: Path) -> list[Document]:
    return list(read(path))


def held_out(name: str) -> bool:
    """True for documents of the team's held-out split."""
    return any(h in name for h in HELD_OUT)


# Coverage -----------------------------------------------------------------------------------


def coverage(doc: Document, facts: list[Fact]) -> tuple[int, int]:
    """(numbers with a unit in the running text, how many of them are stated by a fact)."""
    stated = {(f.start, f.text) for f in facts}
    texts_by_sentence: dict[int, set[str]] = {}
    for f in facts:
        texts_by_sentence.setdefault(f.start, set()).add(f.text)
    total = found = 0
    from baogao.extract.facts import iter_sentences

    for _, para in body_spans(doc):
        for sentence in iter_sentences(doc.text, para.start, para.end):
            for amount in find_amounts(doc.text, sentence.start, sentence.end):
                total += 1
                printed = doc.text[amount.start : amount.end]
                texts = texts_by_sentence.get(sentence.start, set())
                if (sentence.start, printed) in stated or any(
                    printed in t or t in printed for t in texts
                ):
                    found += 1
    return total, found


# Commitments --------------------------------------------------------------------------------


def _matches(expected: dict[str, Any], c: Commitment, text: str) -> bool:
    quote = expected["quote"]
    if quote not in c.evidence:
        return False
    if expected["text"] is None:
        return c.origin == "list_item"
    return c.text == expected["text"]


def _link_ok(expected: dict[str, Any], row: CommitmentRow) -> bool:
    result = expected["result"]
    if result == "done":
        return row.verdict == "done"
    if result is None:
        return False
    return row.actual_text == result["text"] and result["quote"] in (row.actual_evidence or "")


def _as_read(value: Any) -> Any:
    """A hand-checked set's quotes and texts as the reader normalizes document text (R＆D →
    R&D), so a set read on the printed report still matches when normalization changes."""
    if isinstance(value, str):
        return normalize(value).text
    if isinstance(value, list):
        return [_as_read(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("plan", "result", "region", "split", "group", "note",
                               "plan_title", "result_title")
                and isinstance(v, str) else _as_read(v) for k, v in value.items()}
    return value


def _pick(shared: Path, path: str, title: str | None) -> Document:
    """The document of a set: a seed, a corpus file, or the one titled ``title`` in a file
    holding many (the national JSONL)."""
    docs = _docs(shared / path if path.startswith("seeds") else shared / "corpus" / path)
    return next(d for d in docs if title is None or d.title == title)


def score_set(spec: dict[str, Any], shared: Path) -> dict[str, int]:
    """Counts for one hand-checked pair of reports."""
    spec = _as_read(spec)
    plan = _pick(shared, spec["plan"], spec.get("plan_title"))
    later = _pick(shared, spec["result"], spec.get("result_title"))
    facts = {d.id: analyse(d)[1] for d in (plan, later)}
    commitments = extract_commitments(plan, facts[plan.id])
    rows = track_documents({plan.id: plan, later.id: later}, facts)
    rows = [r for r in rows if r.target_doc_id == plan.id]
    expected = spec["commitments"]
    missing = [e["quote"] for e in expected if e["quote"] not in plan.text]
    if missing:
        print(f"  note: quotes not in the text of {spec['plan']}: {missing}", file=sys.stderr)
    counts = dict.fromkeys(("expected", "found", "extracted", "correct_extracted",
                            "results", "linked_right", "links", "links_right"), 0)
    counts["expected"] = len(expected)
    counts["extracted"] = len(commitments)
    matched_rows: list[tuple[dict[str, Any], CommitmentRow]] = []
    for c in commitments:
        if any(_matches(e, c, plan.text) for e in expected):
            counts["correct_extracted"] += 1
    # each commitment answers one expected entry: first those whose object is quoted (two
    # promises of one sentence with the same value), then the others, in the set's order
    used: set[int] = set()
    chosen: dict[int, Commitment] = {}
    for quoted in (True, False):
        for i, e in enumerate(expected):
            if i in chosen:
                continue
            hit = next((c for c in commitments if id(c) not in used and _matches(e, c, plan.text)
                        and (c.object.strip("“”") in e["quote"]) == quoted), None)
            if hit is not None:
                chosen[i] = hit
                used.add(id(hit))
    for i, e in enumerate(expected):
        hit = chosen.get(i)
        if hit is None:
            continue
        counts["found"] += 1
        row = next((r for r in rows if r.target_start == hit.start and r.target_text == hit.text
                    and r.object == hit.object), None)
        if row is not None:
            matched_rows.append((e, row))
    for e, row in matched_rows:
        if e.get("ambiguous"):
            continue
        if e["result"] is not None:
            counts["results"] += 1
            counts["linked_right"] += _link_ok(e, row)
        if row.verdict != "unreported":
            counts["links"] += 1
            counts["links_right"] += _link_ok(e, row)
    expected_with_result = [e for e in expected if e["result"] is not None
                            and not e.get("ambiguous")]
    counts["results"] = len(expected_with_result)
    return counts


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def report_commitments(shared: Path) -> None:
    """Print commitments and link figures per split."""
    totals: dict[str, dict[str, int]] = {}
    for path in sorted(DATA.glob("commitments_*.json")):
        spec = json.loads(path.read_text("utf-8"))
        counts = score_set(spec, shared)
        split = spec["split"]
        print(f"  {split:8} {spec['region']} {spec['period']}: commitments recall "
              f"{_ratio(counts['found'], counts['expected'])}, precision "
              f"{_ratio(counts['correct_extracted'], counts['extracted'])}; link recall "
              f"{_ratio(counts['linked_right'], counts['results'])}, precision "
              f"{_ratio(counts['links_right'], counts['links'])}")
        # sets read in round 5 and round 6 are also totalled apart from the earlier ones
        group = spec.get("group", "")
        recent = "new this round" in group
        # a plan without its later report
        plans_only = (spec["plan"], spec.get("plan_title")) == (spec["result"],
                                                                spec.get("result_title"))
        # today's figures; each set's note gives its figures as first drawn
        sixth = f"{split} (read in round 6{', plans only' if plans_only else ''})"
        groups = [split, sixth if "round 6" in group
                  else f"{split} (new this round)" if recent else f"{split} (earlier sets)"]
        for group in groups:
            acc = totals.setdefault(group, dict.fromkeys(counts, 0))
            for key, value in counts.items():
                acc[key] += value
    for split, c in sorted(totals.items(), key=lambda kv: (kv[0].split()[0] != "tune", kv[0])):
        print(f"{split}: commitments recall {_ratio(c['found'], c['expected'])}, precision "
              f"{_ratio(c['correct_extracted'], c['extracted'])}; link recall "
              f"{_ratio(c['linked_right'], c['results'])}, link precision "
              f"{_ratio(c['links_right'], c['links'])}")


# Open facts ---------------------------------------------------------------------------------


def corpus_documents(shared: Path) -> Iterator[tuple[str, Document]]:
    """Seeds and the shared province reports, with their file names."""
    paths = [*sorted((shared / "seeds").glob("*.txt")),
             *sorted((shared / "corpus" / "provinces-2025").glob("*.docx")),
             *sorted((shared / "corpus" / "provinces-2026").glob("*.csv"))]
    for path in paths:
        for doc in _docs(path):
            yield path.name, doc


_ITEM_FIELDS = ("name", "kind", "period", "value", "unit", "bound", "text", "evidence", "key",
                "action", "scope")


def open_items(label: str, split: str, facts: list[Fact]) -> list[dict[str, Any]]:
    """The open facts of one document as sample rows, with ids ``label#i``."""
    return [{"id": f"{label}#{i}", "split": split,
             **{k: v for k, v in f.full().items() if k in _ITEM_FIELDS}}
            for i, f in enumerate(x for x in facts if x.open_vocabulary)]


def national_heldout(doc: Document) -> bool:
    """A full national work report of 1978 onward whose year ends in 3 or 7 (held out)."""
    return (doc.level == "national" and doc.doc_type == "work_report"
            and doc.year is not None and doc.year >= 1978 and doc.year % 10 in (3, 7))


def national_tune(doc: Document) -> bool:
    """A full national work report of 1978 onward whose year does not end in 3 or 7."""
    return (doc.level == "national" and doc.doc_type == "work_report"
            and doc.year is not None and doc.year >= 1978 and doc.year % 10 not in (3, 7))


def national_old(doc: Document) -> bool:
    """A national work report before 1978 whose year does not end in 3 or 7 (tuning)."""
    return (doc.level == "national" and doc.doc_type == "work_report"
            and doc.year is not None and doc.year < 1978 and doc.year % 10 not in (3, 7))


def national_old_pool(shared: Path) -> list[dict[str, Any]]:
    """Open facts of the old national tuning work reports (1954-1977, not 1957)."""
    path = shared / "corpus" / "national" / "government_work_reports.jsonl"
    return [item for doc in _docs(path) if national_old(doc)
            for item in open_items(doc.title or doc.id, "tune", analyse(doc)[1])]


def national_heldout_pool(shared: Path) -> list[dict[str, Any]]:
    """Open facts of the held-out national work reports, ids ``<title>#i``."""
    return _national_pool(shared, heldout=True)


def national_tune_pool(shared: Path) -> list[dict[str, Any]]:
    """Open facts of the national tuning work reports (years not ending in 3 or 7)."""
    return _national_pool(shared, heldout=False)


def _national_pool(shared: Path, heldout: bool) -> list[dict[str, Any]]:
    path = shared / "corpus" / "national" / "government_work_reports.jsonl"
    keep = national_heldout if heldout else national_tune
    split = "heldout" if heldout else "tune"
    return [item for doc in _docs(path) if keep(doc)
            for item in open_items(doc.title or doc.id, split, analyse(doc)[1])]


def _pages_pool(split: str) -> list[dict[str, Any]]:
    """Open facts of the annotated web pages (``benchmarks/data/fresh1*``) of one split (the
    md5(url) rule recorded in each manifest), ids ``<set>/<page>#i``. Pages baogao refuses give
    none."""
    items: list[dict[str, Any]] = []
    for folder in sorted(DATA.glob("fresh1*")):
        rows = [json.loads(line) for line in
                (folder / "manifest.jsonl").read_text("utf-8").splitlines() if line.strip()]
        for row in rows:
            if row["split"] != split:
                continue
            try:
                docs = _docs(folder / "pages" / row["file"])
            except BaogaoError:
                continue
            for doc in docs[:1]:
                items.extend(open_items(f"{folder.name}/{row['file']}", split, analyse(doc)[1]))
    return items


def pages_tune_pool(shared: Path) -> list[dict[str, Any]]:
    """Open facts of the tune split of the annotated web pages."""
    return _pages_pool("tune")


def pages_heldout_pool(shared: Path) -> list[dict[str, Any]]:
    """Open facts of the held-out split of the annotated web pages."""
    return _pages_pool("heldout")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="/work/shared", help="The shared inputs folder.")
    parser.add_argument("--sample", type=int, default=0, help="Write N random open facts.")
    parser.add_argument("--seed", type=int, default=20260101, help="Seed of the sample.")
    parser.add_argument("--name", default="", help="Suffix of the sample file name.")
    parser.add_argument("--split", choices=("all", "tune", "heldout"), default="all",
                        help="Draw the sample from this part only.")
    parser.add_argument("--pool", choices=("seeds-provinces", "national-heldout",
                                           "national-tune", "national-old", "pages-tune",
                                           "pages-heldout"),
                        default="seeds-provinces",
                        help="Draw the sample from the seeds and provinces, or from the "
                             "held-out national work reports (years ending in 3 or 7), or "
                             "from the national tuning work reports (the other years), or from "
                             "the annotated web pages of benchmarks/data/fresh1* (one split).")
    args = parser.parse_args()
    shared = Path(args.shared)
    cover: dict[str, list[int]] = {"tune": [0, 0], "heldout": [0, 0]}
    open_pool: list[dict[str, Any]] = []
    for name, doc in corpus_documents(shared):
        facts = analyse(doc)[1]
        total, found = coverage(doc, facts)
        split = "heldout" if held_out(name) else "tune"
        cover[split][0] += total
        cover[split][1] += found
        open_pool.extend(open_items(name, split, facts))
    print("coverage of numbers with a unit (facts / statements):")
    for split, (total, found) in cover.items():
        print(f"  {split}: {_ratio(found, total)}")
    both = [cover["tune"][1] + cover["heldout"][1], cover["tune"][0] + cover["heldout"][0]]
    print(f"  all: {_ratio(both[0], both[1])}")
    print("commitments (hand-checked sets):")
    report_commitments(shared)
    judged = sorted(DATA.glob("open_facts_judged*.json"))
    pools = {"seeds-provinces": open_pool}
    builders = {"national-heldout": national_heldout_pool, "national-tune": national_tune_pool,
                "national-old": national_old_pool, "pages-tune": pages_tune_pool,
                "pages-heldout": pages_heldout_pool}
    for pool_name, build in builders.items():
        if (args.sample and args.pool == pool_name) or any(
                _pool_of(path) == pool_name for path in judged):
            pools[pool_name] = build(shared)
    if args.sample:
        rng = random.Random(args.seed)
        drawn = [f for f in pools[args.pool] if args.split in ("all", f["split"])]
        sample = rng.sample(drawn, min(args.sample, len(drawn)))
        out = DATA / f"open_facts_sample{args.name}.jsonl"
        out.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sample),
                       "utf-8")
        print(f"wrote {len(sample)} open facts to {out}")
    print("hand-judged open facts (value, unit, kind, period, name), each judged sample:")
    for path in judged:
        report_judged(path, pools[_pool_of(path)])


_FIELDS = ("name", "kind", "period", "value", "unit")


def _pool_of(path: Path) -> str:
    """The pool a judged file was drawn from (``seeds-provinces`` unless it names one)."""
    return str(json.loads(path.read_text("utf-8")).get("pool", "seeds-provinces"))


def _place(item: dict[str, Any]) -> tuple[str, str, str]:
    return item["id"].split("#")[0], item["evidence"], item["text"]


def report_judged(path: Path, pool: list[dict[str, Any]]) -> None:
    """Print one judged sample's score as judged, and how much of it today's output still
    states the same way (a fact whose name, kind, period, value or unit changed since it
    was judged needs judging again; one no longer found is counted apart)."""
    spec = json.loads(path.read_text("utf-8"))
    items = spec["judgments"]
    if "sample" in spec:  # older files keep the sentence in their sample file
        by_id = {json.loads(line)["id"]: json.loads(line) for line in
                 (DATA / spec["sample"]).read_text("utf-8").splitlines() if line}
        items = [{**by_id[j["id"]], **j} for j in items]
    now: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for fact in pool:
        now.setdefault(_place(fact), []).append(fact)
    same = right_now = gone = 0
    for item in items:
        current = now.get(_place(item), [])
        if not current:
            gone += 1
        elif any(all(c.get(k) == item.get(k) for k in _FIELDS) for c in current):
            same += 1
            right_now += bool(item["ok"])
    ok = sum(1 for j in items if j["ok"])
    # *_tune* samples were drawn to be studied; the others were judged once as held-out
    # (and studied only afterwards)
    part = spec.get("split") or ("tune" if "_tune" in path.name else "held-out when judged")
    if "pool" in spec:
        part = f"{part}, pool {spec['pool']}"
    print(f"  {path.name} [{part}]: right {_ratio(ok, len(items))} as judged; today {same} of "
          f"{len(items)} unchanged ({right_now} right), {len(items) - same - gone} changed "
          f"(judge again), {gone} no longer a fact")

if __name__ == "__main__":
    main()
