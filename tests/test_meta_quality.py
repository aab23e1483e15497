"""Metadata and web-page body quality stay above the pinned floors (benchmarks/meta_quality.py
over the hand-checked tests/data/expected/meta.json)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from conftest import EXPECTED, load_benchmark


@cache
def _figures() -> dict[str, Any]:
    figures: dict[str, Any] = load_benchmark("meta_quality").meta_figures()
    return figures


def _floors() -> dict[str, Any]:
    floors: dict[str, Any] = json.loads((EXPECTED / "meta_floors.json").read_text("utf-8"))
    return floors


@pytest.mark.slow
def test_metadata_headline_floors_per_split_and_format() -> None:
    floors = _floors()
    meta = _figures()["meta"]
    assert set(meta) == {"tune", "held-out"}
    for split, formats in meta.items():
        assert {"csv", "csv-text", "docx", "html", "jsonl"} <= set(formats), split
        for fmt, cells in formats.items():
            for group, floor in floors["headline"].items():
                if group not in cells:
                    continue
                floor = floors["exceptions"].get(f"{split}/{fmt}/{group}", floor)
                assert cells[group]["share"] >= floor, (split, fmt, group, cells[group])
            if "refused" in cells:
                assert cells["refused"]["share"] >= floors["refused"], (split, fmt)


@pytest.mark.slow
def test_web_page_body_matches_clean_text() -> None:
    floors = _floors()["body"]
    body = _figures()["body"]
    assert len(body) == 7
    for code, figures in body.items():
        assert figures["recall"] >= floors["recall"], (code, figures)
        assert figures["precision"] >= floors["precision"], (code, figures)
