"""Word (.docx) documents with their tables, and PDFs with a text layer.

A .docx is a zip: before python-docx opens it, every part is inflated once in small pieces
and counted, so a zip bomb or a gigabyte text run is refused (``max_unpacked_bytes``,
``max_office_xml_bytes``) before it takes memory; compression methods zipfile cannot unpack
(Deflate64, from some zip tools) and encrypted parts are named as such.
"""

from __future__ import annotations

import logging
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from baogao.errors import LimitExceeded, UnreadableFile
from baogao.models import RawDocument
from baogao.settings import limit

log = logging.getLogger(__name__)

_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_METHOD_NAMES = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "XZ",
                 98: "PPMd", 99: "AES encryption"}
_CHUNK = 1 << 20


def check_package(path: Path, name: str) -> None:
    """Refuse a .docx that is not a zip, uses an unsupported method, or inflates too far.

    Sizes are counted while inflating (the sizes a zip declares can lie), one MB at a time.
    """
    max_total = limit("max_unpacked_bytes")
    max_xml = limit("max_office_xml_bytes")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(name, f"not a readable .docx (damaged or truncated: {exc})") from exc
    except NotImplementedError as exc:
        raise UnreadableFile(name, f"the .docx uses a zip feature baogao cannot read ({exc}); "
                             "open and save it again in Word") from exc
    with zf:
        infos = zf.infolist()
        # What the zip declares is checked first (instant); it can lie low, never high, so
        # the real sizes are counted while inflating below.
        declared = sum(info.file_size for info in infos)
        if declared > max_total:
            raise LimitExceeded(name, "the inflated size of the .docx", "max_unpacked_bytes",
                                max_total)
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and info.file_size > max_xml:
                raise LimitExceeded(name, f"part {info.filename}, once inflated,",
                                    "max_office_xml_bytes", max_xml)
        total = 0
        for info in infos:
            if info.compress_type not in _METHODS:
                method = _method_name(info.compress_type)
                raise UnreadableFile(name, f"part {info.filename} uses {method} compression, "
                                     "which baogao cannot unpack; open and save it in Word")
            if info.flag_bits & 0x1:
                raise UnreadableFile(name, "the .docx is encrypted (password-protected); "
                                     "save an unprotected copy")
            is_xml = info.filename.endswith((".xml", ".rels"))
            part = 0
            try:
                with zf.open(info) as fh:
                    while chunk := fh.read(_CHUNK):
                        part += len(chunk)
                        total += len(chunk)
                        if is_xml and part > max_xml:
                            raise LimitExceeded(name, f"part {info.filename}, once inflated,",
                                                "max_office_xml_bytes", max_xml)
                        if total > max_total:
                            raise LimitExceeded(name, "the inflated size of the .docx",
                                                "max_unpacked_bytes", max_total)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
                raise UnreadableFile(name, f"part {info.filename} is damaged ({exc})") from exc
            except NotImplementedError as exc:
                raise UnreadableFile(name, f"part {info.filename} cannot be unpacked ({exc}); "
                                     "open and save it again in Word") from exc
            except RuntimeError as exc:  # zipfile: encrypted member without a password
                raise UnreadableFile(name, f"part {info.filename} cannot be unpacked ({exc})"
                                     ) from exc
            except (OSError, zlib.error) as exc:  # a corrupt deflate stream
                raise UnreadableFile(name, f"part {info.filename} is damaged ({exc})") from exc


def _method_name(method: int) -> str:
    return _METHOD_NAMES.get(method, f"method {method}")


def read_docx(path: Path, name: str) -> list[RawDocument]:
    """One document from a .docx: paragraphs and table rows (cells joined by TAB), in order."""
    import docx
    from docx.document import Document as DocxDocument
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph
    from lxml import etree

    check_package(path, name)
    try:
        document: DocxDocument = docx.Document(str(path))
        lines: list[str] = _header_lines(document)
        for element in _body_blocks(document.element.body):
            if element.tag == f"{_W}p":
                lines += _text_boxes(DocxParagraph(element, document))
                lines.append(paragraph_text(element))
            else:
                block = Table(element, document)
                for row in block.rows:
                    cells: list[str] = []
                    for cell in row.cells:
                        value = " ".join(cell.text.split())
                        if not cells or value != cells[-1]:  # merged cells repeat their text
                            cells.append(value)
                    lines.append("\t" + "\t".join(cells))
                    lines.append("")
    except etree.XMLSyntaxError as exc:
        raise UnreadableFile(name, f"the XML inside the .docx is damaged or cut short "
                             f"({_one_line(exc)})") from exc
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        raise UnreadableFile(name, f"not a readable .docx (damaged or truncated: "
                             f"{_one_line(exc)})") from exc
    except (AttributeError, TypeError, IndexError) as exc:
        # python-docx meeting XML that is well formed but not a Word body (wrong root, a
        # part of the wrong type): the structure, not our code, is at fault.
        raise UnreadableFile(name, "the .docx does not hold a Word document body "
                             f"({type(exc).__name__})") from exc
    text = "\n".join(lines)
    if not text.strip():
        raise UnreadableFile(name, ".docx has no text")
    return [RawDocument(source=name, row=0, text=text, format="docx")]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


_SKIPPED_RUN_PARENTS = {f"{_W}txbxContent", f"{_W}moveFrom", f"{_W}del", _MC_FALLBACK}
#: what a heading number is followed by a tab after (一、<tab>2024年工作回顾)
_NUMBER_BEFORE_TAB = re.compile(
    r"(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]"
    r"|\d{1,2}[.．、])[ \u3000]*")


def _body_blocks(body: Any) -> Any:
    """The paragraphs and tables of the body in order, including those inside content
    controls (w:sdt: a cover page, a title block), which python-docx skips."""
    for child in body.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_blocks(content)


def paragraph_text(element: Any) -> str:
    """The text of a w:p as Word shows it: runs in tracked insertions, hyperlinks, smart
    tags and field results included; deleted and moved-away text, text boxes (read apart)
    and the fallback copy of drawings left out; a tab after a heading number dropped (Word's
    list layout: 一、<tab>2024年工作回顾), other tabs kept; breaks as new lines."""
    parts: list[str] = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        parent = node.getparent()
        if parent is None or parent.tag != f"{_W}r":
            continue  # a tab stop of the paragraph's properties, not a character
        skipped = False
        while parent is not None and parent is not element:
            if parent.tag in _SKIPPED_RUN_PARENTS:
                skipped = True
                break
            parent = parent.getparent()
        if skipped:
            continue
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif node.get(f"{_W}type") in (None, "textWrapping"):
            parts.append("\n")  # a line break; page and column breaks are layout
    text = "".join(parts)
    if "\t" in text:
        m = _NUMBER_BEFORE_TAB.match(text)
        if m and text[m.end():m.end() + 1] == "\t" and text.count("\t") == 1:
            text = text[: m.end()] + text[m.end() + 1:]
    return text


def _text_boxes(paragraph: Any) -> list[str]:
    """The paragraphs of text boxes anchored in ``paragraph`` (a title is often set in one),
    read before the paragraph's own text; the VML copy Word keeps as a fallback for a
    DrawingML box is skipped."""
    element = paragraph._p
    if element.find(f".//{_W}txbxContent") is None:
        return []
    out: list[str] = []
    for box in element.iter(f"{_W}txbxContent"):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        for p in box.iter(f"{_W}p"):
            text = "".join(t.text or "" for t in p.iter(f"{_W}t"))
            if text.strip():
                out.append(text)
    return out


def _header_lines(document: Any) -> list[str]:
    """The page-header text of the first section (a title is sometimes set there), ahead of
    the body; lines without a Chinese character (page numbers) are left out."""
    out: list[str] = []
    try:
        section = document.sections[0]
    except IndexError:
        return out
    headers = [section.first_page_header] if section.different_first_page_header_footer else []
    headers.append(section.header)
    for header in headers:
        if header.is_linked_to_previous:
            continue
        for para in header.paragraphs:
            text = para.text.strip()
            if re.search(r"[\u4e00-\u9fff]", text) and text not in out:
                out.append(text)
    return out


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def read_pdf(path: Path, name: str) -> list[RawDocument]:
    """One document from a PDF's text layer (scanned PDFs without one are refused).

    A page that cannot be loaded is left out and named in a warning; a PDF none of whose
    pages load is refused.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from baogao.read.pdflayout import CharLine, PrintedLine, lay_out, page_chars, reflow

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise UnreadableFile(name, "PDF is encrypted (password-protected); save a copy "
                                 "without a password") from exc
        raise UnreadableFile(name, f"not a readable PDF (damaged or truncated: "
                             f"{_one_line(exc)})") from exc
    pages: list[list[CharLine] | list[PrintedLine]] = []
    shift = 0.0
    bad: list[int] = []
    max_chars = limit("max_document_chars")
    chars = 0
    try:
        n_pages = len(pdf)
        for i in range(n_pages):
            try:
                page = pdf[i]
                textpage = page.get_textpage()
                pages.append(page_chars(textpage, shift))
                shift += page.get_height()
                textpage.close()
                page.close()
            except pdfium.PdfiumError:
                bad.append(i + 1)
                continue
            chars += sum((len(ln.text) if isinstance(ln, PrintedLine) else len(ln)) + 1
                         for ln in pages[-1])
            if chars > max_chars:  # stop reading before the text takes memory
                raise LimitExceeded(name, f"text of the first {i + 1} of {n_pages} pages",
                                    "max_document_chars", max_chars)
    finally:
        pdf.close()
    if bad and len(bad) == n_pages:
        raise UnreadableFile(name, f"no page of the PDF can be read (damaged: {n_pages} pages)")
    text = reflow(lay_out(pages))
    if not text.strip():
        raise UnreadableFile(name, "PDF has no text layer (scanned?); run OCR first")
    warnings: tuple[str, ...] = ()
    if bad:
        shown = ", ".join(str(b) for b in bad[:10]) + (" …" if len(bad) > 10 else "")
        warnings = (f"{name}: damaged PDF: page {shown} of {n_pages} could not be read and "
                    "is left out",)
    return [RawDocument(source=name, row=0, text=text, format="pdf", warnings=warnings)]
