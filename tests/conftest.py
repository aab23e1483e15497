"""Shared fixtures: paths to the real documents and a real SQLite library built from them."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from baogao.extract import extract_facts
from baogao.extract.open.facts import open_facts
from baogao.library import Library
from baogao.models import Document, Fact, RawDocument
from baogao.pipeline import build_document, read
from baogao.read import read_file

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
CORPUS = DATA / "corpus"
PROVINCES = CORPUS / "provinces-2026"
FORMATS_2025 = DATA / "formats" / "provinces-2025"
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


def rewritten_report(path: Path, folder: Path, *pairs: tuple[str, str]) -> Document:
    """The real report at ``path`` with each (old, new) replaced once, written to ``folder``
    and read as a text file: a report of our corpus in the shape of one never seen here."""
    text = read_file(path, path.name)[0].text
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    out = folder / "report.txt"
    out.write_text(text, "utf-8")
    return build_document(read_file(out, out.name)[0])


def rewritten_national(folder: Path, row: int, old: str, new: str) -> Document:
    """The national report of JSONL line ``row`` with ``old`` replaced once by ``new``,
    written to ``folder`` as a one-line JSONL file and read with its collection columns."""
    record = json.loads(NATIONAL.read_text("utf-8").splitlines()[row])
    assert old in record["content"], old
    record["content"] = record["content"].replace(old, new, 1)
    path = folder / "government_work_reports.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    [doc] = list(read(path))
    return doc


#: The opening lines of the 西城区 2023 report (title, byline), as a page without headings
#: prints them before its body.
PAGE_OPENING = ("政府工作报告\n——2023年1月4日在北京市西城区第十七届\n人民代表大会第三次会议上\n"
                "北京市西城区人民政府区长 刘东伟\n")


def headless_page(tmp_path: Path, body: str) -> Document:
    """A page of the 西城区 2023 report without headings: its opening lines, then ``body``."""
    out = tmp_path / "page.txt"
    out.write_text(PAGE_OPENING + body, "utf-8")
    doc = build_document(read_file(out, out.name)[0])
    assert doc.year == 2023 and not doc.sections
    return doc


def page_doc(text: str) -> Document:
    """A report excerpt read as baogao reads a text file (a page of the fresh sets)."""
    return build_document(RawDocument(source="page.txt", row=0, text=text, format="txt"))


def catalog_rows(doc: Document) -> list[tuple[object, ...]]:
    """The catalog facts of ``doc`` as sorted (indicator, kind, estimated, period, value,
    bound) rows."""
    facts: list[Fact] = extract_facts(doc)
    return sorted((f.indicator, f.kind, f.estimated, f.period, f.value, f.bound)
                  for f in facts if f.indicator)


def national_open_facts(years: tuple[int, ...]) -> dict[int, list[Fact]]:
    """The open facts of the national work report of each of ``years``."""
    docs: dict[int, Document] = {}
    for doc in read(NATIONAL):
        if doc.year in years and doc.doc_type == "work_report" and doc.year not in docs:
            docs[doc.year] = doc
    assert set(docs) == set(years)
    return {year: open_facts(doc, extract_facts(doc)) for year, doc in docs.items()}


def facts_at(facts: list[Fact], printed: str, words: str) -> list[Fact]:
    """The facts of ``printed`` in a sentence holding ``words``."""
    return [f for f in facts if f.text == printed and words in (f.evidence or "")]


def province_open_facts(name: str) -> list[Fact]:
    """The open facts of the 2026 report (CSV) of the province whose name starts ``name``."""
    docs: list[Document] = list(read(next(PROVINCES.glob(f"2026_{name}*.csv"))))
    return [f for doc in docs for f in open_facts(doc, extract_facts(doc))]


def province_2025_open_facts(name: str) -> list[Fact]:
    """The open facts of the 2025 report (.docx) of the province whose name starts ``name``."""
    doc = next(read(next(FORMATS_2025.glob(f"2025年{name}*.docx"))))
    return open_facts(doc, extract_facts(doc))


def seed_open_facts(prefix: str) -> list[Fact]:
    """The open facts of the seed document whose file name starts ``prefix``."""
    doc = next(read(next(SEEDS.glob(f"{prefix}_*.txt"))))
    return open_facts(doc, extract_facts(doc))


def names_at(facts: list[Fact], printed: str, words: str) -> list[str]:
    """The names of the facts of ``printed`` in a sentence holding ``words``, sorted."""
    return sorted(f.name for f in facts_at(facts, printed, words))


@pytest.fixture(scope="session")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """A library holding every seed and corpus document (built once per test session)."""
    db = tmp_path_factory.mktemp("lib") / "library.db"
    lib = Library(db)
    report = lib.ingest([SEEDS, CORPUS], jobs=2)
    assert report.ok, report.errors
    return lib
