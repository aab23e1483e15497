"""Lines of a PDF's text layer put back into paragraphs.

A PDF holds printed lines, not paragraphs: a sentence of a report runs over two or three
lines (粮食产 / 量836.9亿斤), and a figure is cut from its name at every line end. A line is
joined to the next one when it was wrapped: it does not end a sentence, and its last character
reaches the right edge of the page's text (within about one character's width; justified lines
all end there) or it is about as wide as the document's full lines, measured in character
widths (CJK = 1, other characters ½; the only measure where the text layer gives no boxes).

Lines of a page number alone (3, — 3 —, 第3页, 3/12) are dropped, and so is a running header or
footer (the same line, page numbers aside, first or last on at least three pages and on half
of them, after the first page, whose header line is the title), so that a sentence running
over a page break is joined whole. Short lines (titles, bylines, headings) and lines ending a
sentence stay lines.

PDF writers also set a gap between Chinese and Latin letters or digits (增长 5.8%, 超 143 万人,
2025 年); the text layer gives it as a space, which no other copy of the report has, and which
separates a figure from its unit or its bound. One such space between a Chinese character
(or Chinese punctuation) and a Latin letter or digit is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

#: how far (in character heights) short of the right edge a wrapped line may end
_EDGE_SLACK = 1.5
#: without boxes: the share of a full line's width from which a line counts as wrapped
_FULL_SHARE = 0.85
_SENTENCE_END = tuple("。！？!?；;：:…")
_CLOSERS = "”’」』）)】"
_PAGE_NUMBER = re.compile(r"[-—－–\s]*(?:第\s*)?\d{1,4}\s*(?:页|/\s*\d{1,4})?[-—－–\s]*")
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_GAP = re.compile(rf"(?<=[{_CJK}]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]) (?=[{_CJK}])")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class PrintedLine:
    """One line of a page's text layer; ``right`` is the right edge of its last visible
    character and ``em`` its characters' median height (points), None when unknown."""

    text: str
    right: float | None = None
    em: float | None = None


def page_lines(textpage: Any) -> list[PrintedLine]:
    """The lines of a pdfium text page with the boxes of their characters (loose boxes:
    the font's full height, which a tight box of some CJK fonts reports as zero)."""
    text: str = textpage.get_text_range()
    boxes = len(text) == textpage.count_chars()
    out: list[PrintedLine] = []
    start = 0
    for end in [*(i for i, ch in enumerate(text) if ch == "\n"), len(text)]:
        line = text[start:end].rstrip("\r")
        right = em = None
        if boxes:
            visible = [i for i in range(start, start + len(line)) if not text[i].isspace()]
            if visible:
                charboxes = [textpage.get_charbox(i, loose=True) for i in visible]
                right = max(b[2] for b in charboxes)
                heights = sorted(b[3] - b[1] for b in charboxes)
                em = heights[len(heights) // 2]
        out.append(PrintedLine(line, right, em))
        start = end + 1
    return out


def _width(line: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in line)


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS).endswith(_SENTENCE_END)


def _reaches_edge(pages: list[list[PrintedLine]]) -> list[bool]:
    """For every line of every page: does it run to the right edge of the text?"""
    widths = sorted(_width(ln.text.strip()) for page in pages for ln in page if ln.text.strip())
    full = widths[int(len(widths) * 0.9)] if len(widths) >= 5 else float("inf")
    all_rights = sorted(ln.right for page in pages for ln in page if ln.right is not None)
    out: list[bool] = []
    for page in pages:
        rights = sorted(ln.right for ln in page if ln.right is not None)
        pool = rights if len(rights) >= 5 else all_rights
        edge = pool[int(len(pool) * 0.9)] if pool else None
        for ln in page:
            wide = _width(ln.text.strip()) >= _FULL_SHARE * full
            if ln.right is not None and ln.em and edge is not None:
                out.append(wide or ln.right >= edge - _EDGE_SLACK * ln.em)
            else:
                out.append(wide)
    return out


def _running_lines(pages: list[list[PrintedLine]]) -> set[str]:
    """Lines (digits as #) standing first or last on at least 3 pages and half of them
    (the first page not counted)."""
    counts: dict[str, int] = {}
    for page in pages[1:]:
        texts = [ln.text.strip() for ln in page if ln.text.strip()]
        for edge in {_DIGITS.sub("#", t) for t in (texts[:1] + texts[-1:])}:
            counts[edge] = counts.get(edge, 0) + 1
    return {t for t, n in counts.items() if n >= 3 and 2 * n >= len(pages) - 1}


def reflow(pages: list[list[PrintedLine]]) -> str:
    """The text of the pages with wrapped lines joined and page-number lines dropped."""
    pages = [[ln for ln in page if not (ln.text.strip() and _PAGE_NUMBER.fullmatch(ln.text))]
             for page in pages]
    running = _running_lines(pages)
    pages = pages[:1] + [[ln for ln in page if _DIGITS.sub("#", ln.text.strip()) not in running]
                         for page in pages[1:]]  # the first page's header is the title
    lines = [ln for page in pages for ln in page]
    out: list[str] = []
    wrapped = False
    for ln, at_edge in zip(lines, _reaches_edge(pages), strict=True):
        line = _GAP.sub("", ln.text.rstrip())
        if wrapped and line.strip():
            out[-1] += line.lstrip()  # no space: a figure cut at a line end (5. / 8%) joins
        else:
            out.append(line)
        wrapped = bool(out[-1].strip()) and at_edge and not _ends_sentence(out[-1])
    return "\n".join(out)
