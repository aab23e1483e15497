"""Bounded fuzzing: random and mutated input through every reader and every analysis stage.

No exception may escape but ``InputError`` (a clear one-line refusal), and every span a
stage reports must point into the text it describes. The number of examples per property
is ``BAOGAO_FUZZ_EXAMPLES`` (default 60, so CI stays quick; run with thousands by hand).
"""

from __future__ import annotations

import os
import zipfile
from decimal import Decimal
from pathlib import Path

import hostile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baogao.errors import InputError
from baogao.extract import extract_facts, extract_terms
from baogao.extract.numbers import find_quantities, parse_number, read_cell
from baogao.extract.tables import table_facts
from baogao.models import Document, RawDocument
from baogao.pipeline import build_document
from baogao.read import READERS, read_file
from baogao.read.meta import extract_metadata
from baogao.read.normalize import normalize
from baogao.read.outline import build_outline

EXAMPLES = int(os.environ.get("BAOGAO_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])

#: Characters reports are made of, weighted towards the ones the extractors react to.
REPORT_CHARS = (
    "一二三四五六七八九十百千万亿零〇两点%％．.,，。；;：:！？!?（）()《》“”、—-～~ \t\n"
    "0123456789年月日增长下降左右以上以内不低于不超过控制在预期目标实现完成同比比上年亿元万元"
    "个百分点地区生产总值居民人均可支配收入城镇调查失业率名词解释是指第一二三部分工作回顾安排"
    "政府工作报告各位代表北京市西城区省县吉林湖南²³¹٢٠"
)
report_text = st.text(alphabet=REPORT_CHARS, max_size=1500)
any_text = st.text(max_size=600)


def _mutations(data: bytes) -> st.SearchStrategy[bytes]:
    """``data`` truncated, with bytes flipped, or with a random slice inserted."""
    n = len(data)
    cut = st.integers(0, n).map(lambda i: data[:i])
    flips = st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, 255)), max_size=8).map(
        lambda edits: _apply(data, edits))
    insert = st.tuples(st.integers(0, n), st.binary(max_size=64)).map(
        lambda t: data[: t[0]] + t[1] + data[t[0]:])
    return st.one_of(cut, flips, insert)


def _apply(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for pos, value in edits:
        out[pos] = value
    return bytes(out)


def _samples(folder: Path) -> dict[str, bytes]:
    """One small valid file per format."""
    text = "\n".join(hostile.seed_text().split("\n")[:12])
    folder.mkdir(parents=True, exist_ok=True)
    docx = hostile.write_docx(folder / "a.docx", hostile.document_xml(text))
    pdf = hostile.write_pdf(folder / "a.pdf", text.split("\n"))
    import json

    row = json.dumps({"title": "报告", "year": "2023", "content": text}, ensure_ascii=False)
    return {
        ".txt": text.encode(), ".md": text.encode("gb18030"),
        ".html": ("<html><head><meta charset='utf-8'><title>报告</title></head><body>"
                  + "".join(f"<p>{ln}</p>" for ln in text.split("\n"))
                  + "<table><tr><td>指标</td><td>5%</td></tr></table></body></html>").encode(),
        ".docx": docx.read_bytes(), ".pdf": pdf.read_bytes(),
        ".csv": ("title,year,content\n报告,2023,\"" + text.replace('"', '""') + "\"\n").encode(),
        ".jsonl": (row + "\n").encode(), ".json": ("[" + row + "]").encode(),
    }




@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return _samples(tmp_path_factory.mktemp("samples"))


def _read_ok(path: Path) -> list[RawDocument]:
    try:
        return read_file(path)
    except InputError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith(str(path))
        assert "internal error" not in message, message
        return []


def _check_document(doc: Document) -> None:
    n = len(doc.text)
    assert len(doc.offset_map) == n
    assert all(0 <= o <= max(len(doc.original) - 1, 0) for o in doc.offset_map[:2000])
    for s in doc.sections:
        assert 0 <= s.start <= s.heading_end <= n and s.start < s.end <= n, s
        assert s.parent is None or s.parent < s.index
    for p in doc.paragraphs:
        assert 0 <= p.start <= p.end <= n
    for f in extract_facts(doc):
        assert 0 <= f.start < f.end <= n
        assert doc.text[f.start : f.end] == f.evidence
        assert f.text in doc.text
    for t in extract_terms(doc):
        assert 0 <= t.start < t.end <= n
        assert all(0 <= a < b <= n for a, b in t.uses)


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_readers_survive_random_bytes(tmp_path: Path, suffix: str) -> None:
    @FUZZ
    @given(data=st.binary(max_size=3000))
    def run(data: bytes) -> None:
        path = tmp_path / f"random{suffix}"
        path.write_bytes(data)
        for raw in _read_ok(path):
            assert isinstance(raw.text, str)

    run()


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_readers_survive_damaged_files(
    tmp_path: Path, suffix: str, samples: dict[str, bytes]
) -> None:
    sample = samples.get(suffix, samples[".txt"])

    @FUZZ
    @given(data=_mutations(sample))
    def run(data: bytes) -> None:
        path = tmp_path / f"damaged{suffix}"
        path.write_bytes(data)
        for raw in _read_ok(path):
            try:
                doc = build_document(raw)
            except InputError:
                continue
            _check_document(doc)

    run()


def test_docx_parts_damaged_inside_the_zip(tmp_path: Path) -> None:
    xml = hostile.document_xml("\n".join(hostile.seed_text().split("\n")[:6]))

    @FUZZ
    @given(cut=st.integers(0, len(xml)), junk=st.text(max_size=20))
    def run(cut: int, junk: str) -> None:
        path = hostile.write_docx(tmp_path / "inner.docx", xml[:cut] + junk + xml[cut:])
        _read_ok(path)

    run()
    with zipfile.ZipFile(tmp_path / "inner.docx") as zf:
        assert "word/document.xml" in zf.namelist()


@FUZZ
@given(text=st.one_of(report_text, any_text))
def test_pipeline_keeps_spans_valid(text: str) -> None:
    try:
        doc = build_document(RawDocument(source="fuzz", row=0, text=text, format="txt"))
    except InputError:
        return
    _check_document(doc)


@FUZZ
@given(text=st.one_of(report_text, any_text))
def test_normalize_maps_every_character(text: str) -> None:
    result = normalize(text)
    assert len(result.offset_map) == len(result.text)
    assert all(0 <= o < max(len(text), 1) for o in result.offset_map)
    assert list(result.offset_map) == sorted(result.offset_map)


@FUZZ
@given(text=report_text, hints=st.dictionaries(
    st.sampled_from(["title", "year", "province", "region", "publish_date", "date"]),
    st.text(alphabet=REPORT_CHARS, max_size=30), max_size=4))
def test_meta_and_outline_never_fail(text: str, hints: dict[str, str]) -> None:
    meta = extract_metadata(text, hints, text)
    assert meta.year is None or 1900 <= meta.year <= 2100
    sections, paragraphs = build_outline(text, meta.year)
    for s in sections:
        assert 0 <= s.start < s.end <= len(text)
    for p in paragraphs:
        assert 0 <= p.start <= p.end <= len(text)


@FUZZ
@given(text=st.one_of(report_text, any_text))
def test_number_parser_never_fails(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, Decimal)
    for q in find_quantities(text, 0, len(text), require_unit=False):
        assert 0 <= q.start < q.end <= len(text)
        assert q.value_high is None or q.value_high > q.value
    read_cell(text)


@FUZZ
@given(rows=st.lists(st.lists(st.text(alphabet=REPORT_CHARS.replace("\n", ""), max_size=12),
                              min_size=1, max_size=5), min_size=1, max_size=12))
def test_table_facts_keep_spans_valid(rows: list[list[str]]) -> None:
    head = "二、2024年主要预期目标\n"
    text = head + "\n".join("\t" + "\t".join(cells) for cells in rows)
    try:
        doc = build_document(RawDocument(source="fuzz", row=0, text=text, format="txt"))
    except InputError:
        return
    for f in table_facts(doc):
        assert 0 <= f.start < f.end <= len(doc.text)
        assert doc.text[f.start : f.end] == f.evidence
