"""National work reports of the corpus (tune years) rewritten into the shapes their copies take
elsewhere (issue 9, catalog facts of national reports): a page that lost its indentation and
blank lines, so the first heading goes unseen, and the like."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import NATIONAL

from baogao.extract import extract_facts
from baogao.models import Document, Fact
from baogao.pipeline import build_document
from baogao.read import read_file


def _national_text(year: int) -> str:
    for raw in read_file(NATIONAL, NATIONAL.name):
        if raw.hints.get("year") == str(year):
            return raw.text
    raise AssertionError(year)


def _as_page(text: str, folder: Path, title: str) -> Document:
    out = folder / "page.txt"
    out.write_text(title + "\n" + text, "utf-8")
    return build_document(read_file(out, out.name)[0])


def _found(facts: list[Fact]) -> set[tuple[str | None, str, int | None, float | None]]:
    return {(f.indicator, f.kind, f.period, f.value) for f in facts}


def test_review_before_the_first_heading_seen_is_dated_by_its_paragraph(tmp_path: Path) -> None:
    # 首先报告2001年的工作 is a heading only with its blank lines around it; a page that drops
    # them leaves the review before any heading: 2001年国内生产总值… dates its paragraph
    flat = re.sub(r"\n+", "\n", _national_text(2002).replace("\u3000", ""))
    doc = _as_page(flat, tmp_path, "2002年政府工作报告")
    assert doc.year == 2002
    assert doc.section_at(doc.text.index("全国财政收入达到")) is None
    found = _found(extract_facts(doc))
    assert ("fiscal_revenue", "actual", 2001, 16371.0) in found
    assert ("cpi_growth", "actual", 2001, 0.7) in found
    assert ("gdp", "actual", 2001, 95933.0) in found
