"""The blind re-reading set ``benchmarks/data/reread19``: its annotations hold together, and
baogao states no wrong catalog fact in its tuning split (the held-out split is not scored here).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from baogao.extract.catalog import load_catalog
from baogao.pipeline import read
from tests.conftest import load_benchmark

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "benchmarks" / "data" / "reread19"
DATA = ROOT / "tests" / "data"


def _manifest() -> dict[str, list[tuple[str, int]]]:
    raw = json.loads((FOLDER / "manifest.json").read_text("utf-8"))
    return {split: [(source, int(row)) for source, row in docs] for split, docs in raw.items()}


def _rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in sorted((FOLDER / "expected").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return rows


def _plain(text: str) -> str:
    """``text`` with full-width forms made plain and spaces dropped (reading normalizes some of
    them, the annotations quote the report as printed)."""
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def test_the_splits_do_not_overlap_and_every_document_is_annotated() -> None:
    manifest = _manifest()
    tune, heldout = set(manifest["tune"]), set(manifest["heldout"])
    assert tune and heldout and not tune & heldout
    annotated = {(str(r["source"]), int(str(r["row"]))) for r in _rows()}
    assert tune | heldout == annotated


def test_every_document_was_read_for_the_whole_catalog() -> None:
    """A re-read document scores every catalog indicator: its ``read_for`` line lists them."""
    catalog = set(load_catalog())
    read_for = {(str(r["source"]), int(str(r["row"]))): set(r["read_for"])  # type: ignore[call-overload]
                for r in _rows() if r.get("read_for")}
    assert read_for and all(ids == catalog for ids in read_for.values())


def test_every_annotated_fact_quotes_its_document() -> None:
    """(The text as printed, for a collection row: reading makes traditional characters simple.)"""
    texts: dict[tuple[str, int], str] = {}
    for source in sorted({str(r["source"]) for r in _rows()}):
        path = DATA / source
        printed = path.read_text("utf-8").splitlines() if source.endswith(".jsonl") else []
        for doc in read(path):
            raw = json.loads(printed[doc.row])["content"] if printed else ""
            texts[(source, doc.row)] = _plain(doc.text) + "\n" + _plain(raw)
    for row in _rows():
        if not row.get("indicator"):
            continue
        key = (str(row["source"]), int(str(row["row"])))
        quoted = _plain(str(row["evidence_contains"]))
        assert quoted in texts[key], (key, quoted)


@pytest.mark.slow
def test_no_wrong_catalog_fact_in_the_tuning_split() -> None:
    scores = load_benchmark("reread_quality").scores(FOLDER, "tune")
    overall = scores["*"]
    assert overall.fp == 0, overall.wrong
    assert overall.recall >= 0.95
