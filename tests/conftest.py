"""Shared fixtures: paths to the real documents and a real SQLite library built from them."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from baogao.library import Library

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
CORPUS = DATA / "corpus"
PROVINCES = CORPUS / "provinces-2026"
NATIONAL = CORPUS / "national" / "government_work_reports.jsonl"
EXPECTED = DATA / "expected"
BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load_expected(name: str) -> Any:
    """A hand-checked expectation file from tests/data/expected."""
    return json.loads((EXPECTED / name).read_text("utf-8"))


def load_benchmark(name: str) -> ModuleType:
    """The script ``benchmarks/<name>.py`` imported as a module (each test file that scores
    a benchmark's figures loads it this way; the module is registered so dataclasses work)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """A library holding every seed and corpus document (built once per test session)."""
    db = tmp_path_factory.mktemp("lib") / "library.db"
    lib = Library(db)
    report = lib.ingest([SEEDS, CORPUS], jobs=2)
    assert report.ok, report.errors
    return lib
