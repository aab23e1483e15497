"""Commitments of tune reports read from the shapes real reports arrive in (text copied out of
a PDF: hard breaks, page numbers, paragraphs cut apart) are those of the clean read."""

from __future__ import annotations

import dataclasses
import random
from types import ModuleType

import pytest

from baogao.extract.commitments import extract_commitments
from baogao.models import Document
from baogao.pipeline import analyse, build_document
from baogao.read import read_file
from tests.conftest import DATA, load_benchmark

FORMATS_2025 = DATA / "formats" / "provinces-2025"


@pytest.fixture(scope="module")
def fr() -> ModuleType:
    return load_benchmark("format_robustness")


def _clean(name: str) -> Document:
    path = FORMATS_2025 / name
    return build_document(dataclasses.replace(read_file(path, path.name)[0], hints={}))


def _promised(doc: Document) -> set[tuple[str, str, str | None]]:
    return {(c.text, c.object, c.list_name) for c in extract_commitments(doc, analyse(doc)[1])}


@pytest.mark.parametrize("name", ["2025年甘肃省政府工作报告.docx",
                                  "2025年广东省政府工作报告.docx"])
def test_pdf_text_keeps_the_commitments(fr: ModuleType, name: str) -> None:
    # 甘肃: …10件实事。一是… | 二是… | 三是…十是继续实施万名老年人白内障复明工程 — the list goes
    # on in the paragraphs after the one naming it, while each opens on the next number;
    # 广东: 附件1's item 二 cut into paragraphs — the unnumbered ones name no item of their own
    clean = _clean(name)
    doc = fr.read_rendered(fr.shape_pdf_text(fr.Source(name, clean), random.Random(7)))
    assert _promised(doc) == _promised(clean)
