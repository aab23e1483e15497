"""Formats government sites publish besides .docx and .html, read like their twins.

Word 97–2003 .doc files (and WPS .wps, the same layout) read like their .docx twins.

The .doc files in tests/data/formats/doc were saved by LibreOffice from the repository's own
.docx files (the 2025 安徽 report; the 广东 民生实事 table fixture), so each has a twin whose
reading is already checked: the text, the facts and the metadata must come out the same.
A page saved by a browser as one file (.mht / .mhtml) reads like the page itself: the
archives are made here from the official pages in tests/data/formats/provinces-2026-html
the way browsers write them (multipart/related, quoted-printable or base64, images beside).
"""

from __future__ import annotations

import email.charset
import shutil
import struct
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from baogao.errors import UnreadableFile
from baogao.extract import extract_facts
from baogao.library import Library
from baogao.pipeline import build_document
from baogao.read import read_file

DATA = Path(__file__).parent / "data"
DOC = DATA / "formats" / "doc"
TWINS = [
    (DOC / "2025年安徽省政府工作报告.doc",
     DATA / "formats" / "provinces-2025" / "2025年安徽省政府工作报告.docx"),
    (DOC / "广东民生实事表.doc", DATA / "tables" / "广东民生实事表.docx"),
]


@pytest.mark.parametrize(("doc", "docx"), TWINS, ids=lambda p: p.name)
def test_doc_reads_as_its_docx_twin(doc: Path, docx: Path) -> None:
    got = read_file(doc)
    want = read_file(docx)
    assert len(got) == 1 and got[0].format == "doc"
    assert got[0].text == want[0].text


def test_doc_table_rows_come_out_as_tab_separated_lines() -> None:
    text = read_file(DOC / "广东民生实事表.doc")[0].text
    rows = [line for line in text.splitlines() if line.startswith("\t")]
    assert len(rows) >= 11  # the header and the ten items
    assert rows[0].split("\t")[1:] == ["序号", "民生实事项目", "主要内容"]
    assert all(len(r.split("\t")) == 4 for r in rows)


def test_doc_gives_the_facts_and_metadata_of_the_docx() -> None:
    doc, docx = TWINS[0]
    a = build_document(read_file(doc)[0])
    b = build_document(read_file(docx)[0])
    assert (a.region, a.region_code, a.year, a.speaker, a.date) == (
        b.region, b.region_code, b.year, b.speaker, b.date)
    assert a.region == "安徽省" and a.speaker == "王清宪"
    facts_a = [(f.indicator, f.kind, f.period, f.value, f.evidence) for f in extract_facts(a)]
    facts_b = [(f.indicator, f.kind, f.period, f.value, f.evidence) for f in extract_facts(b)]
    assert facts_a == facts_b and len(facts_a) > 10


def test_wps_file_in_the_word_binary_layout_is_read(tmp_path: Path) -> None:
    wps = tmp_path / "报告.wps"
    shutil.copyfile(TWINS[0][0], wps)
    assert read_file(wps)[0].text == read_file(TWINS[0][0])[0].text


def test_doc_is_ingested_into_a_library(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(TWINS[0][0], folder / TWINS[0][0].name)
    with Library(tmp_path / "lib.db") as lib:
        result = lib.ingest([folder])
        assert not result.errors
        [doc] = lib.documents()
        assert doc.region == "安徽省" and doc.year == 2025
        assert lib.facts(doc_id=doc.id)


def _patched(tmp_path: Path, offset_in_stream: int, value: int) -> Path:
    data = bytearray(TWINS[0][0].read_bytes())
    start = next(i for i in range(512, len(data), 512) if data[i:i + 2] == b"\xec\xa5")
    struct.pack_into("<H", data, start + offset_in_stream, value)
    path = tmp_path / "patched.doc"
    path.write_bytes(bytes(data))
    return path


def test_encrypted_doc_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = _patched(tmp_path, 0x0A, 0x0100)
    with pytest.raises(UnreadableFile, match="encrypted"):
        read_file(path)


def test_word95_doc_is_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="Word 6/95"):
        read_file(_patched(tmp_path, 2, 0x65))


@pytest.mark.parametrize(("head", "words"), [
    (b"{\\rtf1\\ansi ", "RTF"),
    (b"<html><body>", "web page"),
    (b"\x00" * 16, "no OLE"),
])
def test_a_non_word_file_named_doc_is_refused_with_what_it_is(
        tmp_path: Path, head: bytes, words: str) -> None:
    path = tmp_path / "x.doc"
    path.write_bytes(head + b"x" * 600)
    with pytest.raises(UnreadableFile, match=words):
        read_file(path)


PAGES = DATA / "formats" / "provinces-2026-html"


def _mhtml(page: Path, path: Path, encoding: str, charset_name: str) -> Path:
    archive = MIMEMultipart("related", type="text/html")
    archive["Snapshot-Content-Location"] = "http://example.gov.cn/report.html"
    charset = email.charset.Charset(charset_name)
    charset.body_encoding = email.charset.QP if encoding == "qp" else email.charset.BASE64
    part = MIMEText("", "html")
    part.set_payload(page.read_text("utf-8"), charset)
    archive.attach(part)
    archive.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "png"))
    path.write_bytes(archive.as_bytes())
    return path


@pytest.mark.parametrize(("page", "encoding", "charset"), [
    ("2026_HE.html", "qp", "utf-8"),
    ("2026_SH.html", "base64", "gb18030"),
])
def test_mhtml_archive_reads_as_its_page(
        tmp_path: Path, page: str, encoding: str, charset: str) -> None:
    got = read_file(_mhtml(PAGES / page, tmp_path / "page.mht", encoding, charset))
    want = read_file(PAGES / page)
    assert got[0].text == want[0].text and got[0].hints == want[0].hints
    assert len(got[0].text) > 5000


def test_mhtml_without_a_page_is_refused_with_the_reason(tmp_path: Path) -> None:
    archive = MIMEMultipart("related")
    archive.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "png"))
    path = tmp_path / "images.mhtml"
    path.write_bytes(archive.as_bytes())
    with pytest.raises(UnreadableFile, match="no web page inside"):
        read_file(path)


# PDFs: the text layer's printed lines put back into paragraphs. The two PDFs in
# tests/data/formats/pdf were saved by LibreOffice from the repository's .docx reports.
PDF = DATA / "formats" / "pdf"
PDF_TWINS = [(PDF / f"2025年{p}政府工作报告.pdf",
              DATA / "formats" / "provinces-2025" / f"2025年{p}政府工作报告.docx")
             for p in ("安徽省", "江苏省")]


def _fact_keys(path: Path) -> set[tuple[object, ...]]:
    doc = build_document(read_file(path)[0])
    return {(f.indicator, f.kind, f.period, f.value, f.bound) for f in extract_facts(doc)}


@pytest.mark.parametrize(("pdf", "docx"), PDF_TWINS, ids=lambda p: p.name)
def test_pdf_gives_the_catalog_facts_of_its_docx_twin(pdf: Path, docx: Path) -> None:
    assert _fact_keys(pdf) == _fact_keys(docx)


def test_pdf_lines_wrapped_inside_a_sentence_are_joined() -> None:
    text = read_file(PDF_TWINS[0][0])[0].text
    # printed as 粮食产 / 量 836.9 亿斤 over two lines, with gaps around the figure
    assert "粮食产量836.9亿斤，再创历史新高。" in text
    assert "全省地区生产总值增长5.8%，经济总量跨上5万亿元台阶。" in text
    # the title, byline and headings stay lines of their own
    lines = text.splitlines()
    assert lines[0] == "2025年安徽省政府工作报告"
    assert "一、2024年工作回顾" in lines


def _reportlab_pdf(path: Path, lines: list[str], per_page: int, running: str) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    for k, page in enumerate(pages, 1):
        if k > 1:
            c.setFont("STSong-Light", 9)
            c.drawCentredString(297, 810, running)
        c.setFont("STSong-Light", 12)
        y = 780.0
        for line in page:
            c.drawString(60, y, line)
            y -= 19
        c.setFont("STSong-Light", 9)
        c.drawCentredString(297, 30, f"— {k} —")
        c.showPage()
    c.save()
    return path


def test_pdf_running_header_and_page_numbers_do_not_enter_the_sentences(tmp_path: Path) -> None:
    seed = read_file(DATA / "seeds" / "000_b5713cac4734963f.txt")[0].text
    paragraphs = [p for p in seed.splitlines() if p.strip()][:40]
    printed: list[str] = []
    for para in paragraphs:  # wrapped at a fixed width (CJK 1, Latin ½), as a page prints
        line, width = "", 0.0
        for ch in para:
            if width >= 37.5:
                printed.append(line)
                line, width = "", 0.0
            line += ch
            width += 1.0 if ord(ch) > 0x2E80 else 0.5
        printed.append(line)
    path = _reportlab_pdf(tmp_path / "report.pdf", printed, per_page=35, running="政府工作报告")
    text = read_file(path)[0].text
    assert text.count("政府工作报告") == seed[: sum(len(p) + 1 for p in paragraphs)].count(
        "政府工作报告")
    assert "—" not in "".join(ln for ln in text.splitlines() if len(ln) < 8)
    # every sentence of the report comes out whole on one line (a paragraph may still be
    # split where a printed line ends exactly on a sentence end)
    lines = set(text.splitlines())
    sentences = [s for p in paragraphs for s in p.strip().split("。") if len(s) > 40]
    assert len(sentences) > 20
    assert all(any(s in line for line in lines) for s in sentences)


def test_pdf_table_comes_out_as_rows_and_gives_the_docx_commitments() -> None:
    """The 民生实事 table fixture saved as PDF by LibreOffice (no ruling lines; a long cell
    wraps inside its column and the table runs over three pages): the rows come back whole
    and give the same commitments as the .docx the PDF was saved from."""
    from baogao.extract.commitments import extract_commitments
    from baogao.pipeline import analyse, read

    def said(path: Path) -> list[tuple[str, float | None, str | None]]:
        [doc] = list(read(path))
        return [(c.object, c.value, c.unit) for c in extract_commitments(doc, analyse(doc)[1])]

    pdf = PDF / "广东民生实事表.pdf"
    rows = [ln.split("\t") for ln in read_file(pdf)[0].text.splitlines() if ln.startswith("\t")]
    assert rows[0][1:] == ["序号", "民生实事项目", "主要内容"]
    assert [r[1] for r in rows[1:]] == list("一二三四五六七八九十")
    assert all(len(r) == 4 for r in rows)
    found = said(pdf)
    assert len(found) > 40 and found == said(DATA / "tables" / "广东民生实事表.docx")
