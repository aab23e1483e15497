"""名词解释 entries and their uses (baogao.extract.glossary), on real reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from baogao.extract import extract_terms
from baogao.pipeline import read

DATA = Path(__file__).resolve().parent / "data"
EXPECTED = json.loads((DATA / "expected" / "glossary.json").read_text("utf-8"))


@pytest.mark.parametrize("entry", EXPECTED, ids=[e["source"] for e in EXPECTED])
def test_terms_match_expected(entry: dict[str, object]) -> None:
    doc = next(d for d in read(DATA / str(entry["source"])) if d.row == entry.get("row", 0))
    terms = extract_terms(doc)
    assert [t.term for t in terms] == entry["terms"]
    for term in terms:
        assert term.definition
        assert doc.text[term.start : term.end].find(term.term) >= 0
        for _start, end in term.uses:
            assert end <= terms[0].start


def test_uses_drop_quotes_and_definition_follows_heading_line() -> None:
    doc = next(read(DATA / "seeds" / "000_b5713cac4734963f.txt"))
    by_term = {t.term: t for t in extract_terms(doc)}
    six = by_term["“六个一”专项行动"]
    assert six.uses and all("六个一" in doc.text[s:e] for s, e in six.uses)
    doc = next(read(DATA / "seeds" / "002_80c15500c8255b14.txt"))
    first = extract_terms(doc)[0]
    assert first.term == "北京设计产业联盟"
    assert first.definition.startswith("是在北京市科学技术委员会")


@pytest.mark.parametrize(("province", "count"), [("广东省", 13), ("江西省", 26)])
def test_province_glossaries(province: str, count: int) -> None:
    path = DATA / "corpus" / "provinces-2026" / f"2026_{province}_政府工作报告.csv"
    terms = extract_terms(next(read(path)))
    assert len(terms) == count
    assert all(t.definition and len(t.term) <= 40 for t in terms)


def test_report_without_glossary() -> None:
    path = DATA / "corpus" / "provinces-2026" / "2026_上海市_政府工作报告.csv"
    assert extract_terms(next(read(path))) == []
