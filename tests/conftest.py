"""Shared fixtures: paths to the real documents and a real SQLite library built from them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from baogao.library import Library

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
CORPUS = DATA / "corpus"
PROVINCES = CORPUS / "provinces-2026"
NATIONAL = CORPUS / "national" / "government_work_reports.jsonl"
EXPECTED = DATA / "expected"


def load_expected(name: str) -> Any:
    """A hand-checked expectation file from tests/data/expected."""
    return json.loads((EXPECTED / name).read_text("utf-8"))


@pytest.fixture(scope="session")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """A library holding every seed and corpus document (built once per test session)."""
    db = tmp_path_factory.mktemp("lib") / "library.db"
    lib = Library(db)
    report = lib.ingest([SEEDS, CORPUS], jobs=2)
    assert report.ok, report.errors
    return lib
