"""The reader marks every number with its fact: catalog and open-vocabulary facts alike.

A real seed report is ingested into a real SQLite library and its reader page rendered by
the web app in-process; every stored fact must be marked on its printed value with a hover
text naming its object, kind, value and period.
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from baogao.extract.facts import iter_sentences
from baogao.extract.open.facts import body_spans, find_amounts
from baogao.library import Library
from baogao.models import Fact
from baogao.web import create_app
from baogao.web.reader import KIND_LABELS, fact_value_label

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

SEED = Path(__file__).parent / "data" / "seeds" / "000_b5713cac4734963f.txt"  # 西城区 2023
_MARK = re.compile(r'<mark class="fact fact-(?P<kind>\w+)(?P<open> fact-open)?"[^>]*'
                   r'data-fact="(?P<ref>\d+)"[^>]*title="(?P<title>[^"]*)">(?P<inner>.*?)</mark>')
_TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[Fact], str]]:
    """The reader page of the seed, its stored facts (catalog and open) and its text."""
    db = tmp_path_factory.mktemp("reader") / "lib.db"
    with Library(db) as lib:
        assert lib.ingest([SEED]).ok
        doc = lib.documents()[0]
        facts = lib.facts(doc_id=doc.id, include_open=True)
        text = lib.document(doc.id).text
    with TestClient(create_app(db)) as client:
        page = client.get(f"/documents/{doc.id}")
        assert page.status_code == 200
        yield page.text, facts, text


def _marks(page: str) -> list[dict[str, str]]:
    return [{**m.groupdict(), "inner": html.unescape(_TAG.sub("", m.group("inner"))),
             "title": html.unescape(m.group("title"))} for m in _MARK.finditer(page)]


def test_every_fact_is_marked_on_its_value(reader: tuple[str, list[Fact], str]) -> None:
    page, facts, _ = reader
    opened = [f for f in facts if f.open_vocabulary]
    assert len(opened) > 50 and len(facts) > len(opened)  # both kinds of fact are stored
    marks = _marks(page)
    titled = {(m["inner"], m["title"]) for m in marks}
    missing = []
    for fact in facts:
        title_parts = [fact.name, KIND_LABELS[fact.kind], fact_value_label(fact)]
        if fact.period is not None:
            title_parts.append(f"{fact.period}年")
        if not any(inner == fact.text and all(p in title for p in title_parts)
                   for inner, title in titled):
            missing.append((fact.name, fact.text))
    assert not missing, missing[:10]
    assert sum(1 for m in marks if m["open"]) >= len(opened)


def test_numbers_with_a_unit_are_marked(reader: tuple[str, list[Fact], str]) -> None:
    """Almost every number with a unit in the running text sits in a mark (the rest are
    numbers the extractor leaves out on purpose: modifiers such as 500米服务半径)."""
    page, _, text = reader
    from baogao.pipeline import read

    doc = next(iter(read(SEED)))
    assert doc.text == text
    printed = [text[a.start : a.end] for _, para in body_spans(doc)
               for s in iter_sentences(text, para.start, para.end)
               for a in find_amounts(text, s.start, s.end)]
    marked = [m["inner"] for m in _marks(page)]
    pool = list(marked)
    found = 0
    for words in printed:
        hit = next((m for m in pool if m == words or words in m), None)
        if hit is not None:
            pool.remove(hit)
            found += 1
    assert len(printed) > 100
    assert found / len(printed) >= 0.9, (found, len(printed))


def test_open_fact_mark_carries_its_fields(reader: tuple[str, list[Fact], str]) -> None:
    page, facts, _ = reader
    fact = next(f for f in facts if f.open_vocabulary and f.unit and f.period)
    anchor = re.search(r'<mark class="fact fact-\w+ fact-open"[^>]*data-name="'
                       + re.escape(html.escape(fact.name)) + r'"[^>]*>', page)
    assert anchor is not None
    tag = anchor.group(0)
    assert f'data-kind="{fact.kind}"' in tag and f'data-period="{fact.period}"' in tag
    assert f'data-unit="{html.escape(fact.unit or "")}"' in tag
