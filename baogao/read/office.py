"""Word (.docx) documents with their tables, and PDFs with a text layer."""

from __future__ import annotations

import zipfile
from pathlib import Path

from baogao.errors import UnreadableFile
from baogao.models import RawDocument


def read_docx(path: Path, name: str) -> list[RawDocument]:
    """One document from a .docx: paragraphs and table rows (cells joined by TAB), in order."""
    import docx
    from docx.document import Document as DocxDocument
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        document: DocxDocument = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        raise UnreadableFile(name, f"not a readable .docx (damaged or truncated: {exc})") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxParagraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if not cells or value != cells[-1]:  # merged cells repeat their text
                        cells.append(value)
                lines.append("\t" + "\t".join(cells))
                lines.append("")
    text = "\n".join(lines)
    if not text.strip():
        raise UnreadableFile(name, ".docx has no text")
    return [RawDocument(source=name, row=0, text=text, format="docx")]


def read_pdf(path: Path, name: str) -> list[RawDocument]:
    """One document from a PDF's text layer (scanned PDFs without one are refused)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(name, f"not a readable PDF (damaged or truncated: {exc})") from exc
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    text = "\n".join(pages).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableFile(name, "PDF has no text layer (scanned?); run OCR first")
    return [RawDocument(source=name, row=0, text=text, format="pdf")]
