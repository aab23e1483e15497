"""Search quality: recall@5 and MRR@10 of baogao and of a plain BM25 baseline.

    .venv/bin/python benchmarks/search_quality.py [-v]

The questions (tests/data/expected/questions.json) were judged by reading the shared
documents: each names the source, the row and verbatim substrings of the answering
paragraph(s). A returned passage answers when it is in that document and its span overlaps
one of those substrings. Both systems rank the same passages (the paragraphs and heading
passages of ``baogao.ask.passage_rows.passage_rows``); the baseline is Okapi BM25 (k1 1.2,
b 0.75) over the character bigrams of the raw passage text, the usual baseline for Chinese
retrieval.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from baogao.ask.passage_rows import passage_rows
from baogao.ask.search import search
from baogao.library import Library
from baogao.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
QUESTIONS = DATA / "expected" / "questions.json"
Hit = tuple[str, int, int, int]  # source, row, start, end


def load_questions() -> list[dict[str, Any]]:
    """The judged questions."""
    data: list[dict[str, Any]] = json.loads(QUESTIONS.read_text("utf-8"))
    return data


def answer_spans(store: Store, q: dict[str, Any]) -> list[Hit]:
    """Where the judged answers of ``q`` lie in the normalized text."""
    doc = store.get_document(f"{q['source']}#{q['row']}")
    spans = []
    for text in q["text"]:
        i = doc.text.find(text)
        if i < 0:
            raise ValueError(f"{q['question']}: {text!r} not in {q['source']}#{q['row']}")
        spans.append((q["source"], q["row"], i, i + len(text)))
    return spans


def is_answer(hit: Hit, answers: list[Hit]) -> bool:
    """True when ``hit`` overlaps a judged answer of the same document."""
    return any(hit[:2] == a[:2] and hit[2] < a[3] and a[2] < hit[3] for a in answers)


def first_rank(hits: list[Hit], answers: list[Hit]) -> int | None:
    """1-based rank of the first answering hit, or None."""
    return next((i + 1 for i, h in enumerate(hits) if is_answer(h, answers)), None)


class BigramBM25:
    """Okapi BM25 over character bigrams of the passages' raw text."""

    def __init__(self, store: Store) -> None:
        rows = [(row, doc.text[row.start:row.end])
                for doc in store.iter_documents() for row in passage_rows(doc)]
        sources = {r[0]: (r[1], r[2]) for r in store.conn.execute(
            "SELECT id, source, row FROM documents")}
        self.hits: list[Hit] = [(*sources[r.doc_id], r.start, r.end) for r, _ in rows]
        self.tf: list[Counter[str]] = [Counter(_bigrams(text)) for _, text in rows]
        self.len = [sum(c.values()) for c in self.tf]
        self.avg = sum(self.len) / max(1, len(self.len))
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, counts in enumerate(self.tf):
            for gram in counts:
                self.postings[gram].append(i)

    def search(self, query: str, k: int = 10) -> list[Hit]:
        """The ``k`` best passages for ``query``."""
        n = len(self.tf)
        scores: dict[int, float] = defaultdict(float)
        for gram in set(_bigrams(query)):
            docs = self.postings.get(gram, [])
            idf = math.log(1 + (n - len(docs) + 0.5) / (len(docs) + 0.5))
            for i in docs:
                tf = self.tf[i][gram]
                scores[i] += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * self.len[i] / self.avg))
        best = sorted(scores, key=lambda i: -scores[i])[:k]
        return [self.hits[i] for i in best]


def _bigrams(text: str) -> list[str]:
    grams: list[str] = []
    for run in re.findall(r"[^\W_]+", text.lower()):
        grams += [run[i:i + 2] for i in range(len(run) - 1)] if len(run) > 1 else [run]
    return grams


def evaluate(name: str, ranked: dict[str, list[Hit]], answers: dict[str, list[Hit]],
             verbose: bool) -> tuple[float, float]:
    """Print and return recall@5 and MRR@10."""
    ranks = {q: first_rank(hits[:10], answers[q]) for q, hits in ranked.items()}
    recall = sum(1 for r in ranks.values() if r and r <= 5) / len(ranks)
    mrr = sum(1 / r for r in ranks.values() if r) / len(ranks)
    print(f"{name:<22} recall@5 {recall:.3f}   MRR@10 {mrr:.3f}   ({len(ranks)} questions)")
    if verbose:
        for q, r in ranks.items():
            if not r or r > 5:
                print(f"    miss ({r}): {q}")
    return recall, mrr


def main() -> None:
    """Build the shared library and score both systems."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="List the questions missed.")
    args = ap.parse_args()
    questions = load_questions()
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp) / "q.db") as lib:
        lib.ingest([DATA / "seeds", DATA / "corpus"])
        search(lib, "就业")  # builds the index if needed
        answers = {q["question"]: answer_spans(lib.store, q) for q in questions}
        ours = {
            q["question"]: [(p.source, p.row, p.start, p.end)
                            for p in search(lib, q["question"], limit=10)]
            for q in questions
        }
        baseline = BigramBM25(lib.store)
        theirs = {q["question"]: baseline.search(q["question"]) for q in questions}
        evaluate("baogao search", ours, answers, args.verbose)
        evaluate("BM25 char bigrams", theirs, answers, args.verbose)


if __name__ == "__main__":
    main()
