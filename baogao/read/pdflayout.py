"""Lines of a PDF's text layer put back into paragraphs, and its tables into rows.

Lines are rebuilt from the characters' boxes (``page_chars``): some writers break the text
layer after every character. Tables are found over the whole document at once, so that one
running over a page break stays one (``lay_out``, ``baogao.read.pdftables``), and come out as
TAB-led rows, which are never joined to other lines.

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

from baogao.read.pdftables import find_tables, pieces

#: how far (in character heights) short of the right edge a wrapped line may end
_EDGE_SLACK = 1.5
#: prose lines needed to tell the width of a full line
_MEASURED = 8
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
    character and ``em`` its characters' median height (points), None when unknown; ``row``
    marks a table row (TAB-led cells), which is never joined to another line."""

    text: str
    right: float | None = None
    em: float | None = None
    row: bool = False


Box = tuple[float, float, float, float]
CharLine = list[tuple[str, Box]]


def page_chars(textpage: Any, shift: float = 0.0) -> list[CharLine] | list[PrintedLine]:
    """The printed lines of a pdfium text page as characters with their boxes, the page
    moved down by ``shift`` points (pages stacked, so that a table can run over a page
    break); the text layer's own lines (no boxes) when it counts its characters otherwise.

    Lines are rebuilt from the characters' boxes (loose boxes: the font's full height, which
    a tight box of some CJK fonts reports as zero), not from the text layer's line breaks,
    which some writers put after every character: a line ends where the baseline moves by
    half a character or the text goes back to the left.
    """
    text: str = textpage.get_text_range()
    if len(text) != textpage.count_chars():
        return [PrintedLine(line.rstrip("\r")) for line in text.split("\n")]
    lines: list[CharLine] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        x0, y0, x1, y1 = textpage.get_charbox(i, loose=True)
        box = (x0, y0 - shift, x1, y1 - shift)
        if lines:
            last = lines[-1][-1][1]
            em = max(last[3] - last[1], box[3] - box[1], 1.0)
            if abs(box[1] - last[1]) <= 0.5 * em and box[0] >= last[0] - 0.5 * em:
                lines[-1].append((ch, box))
                continue
        lines.append([(ch, box)])
    return lines


def _printed(chars: CharLine) -> PrintedLine:
    """A line's text (a gap of a third of a character between two Latin letters or digits
    is a space; other gaps are layout), right edge and character height."""
    parts: list[str] = []
    for j, (ch, box) in enumerate(chars):
        before = chars[j - 1] if j else None
        if before and ch.isascii() and ch.isalnum() and before[0].isascii() and (
                before[0].isalnum()) and box[0] - before[1][2] > (box[3] - box[1]) / 3:
            parts.append(" ")
        parts.append(ch)
    heights = sorted(box[3] - box[1] for _, box in chars)
    return PrintedLine("".join(parts), max(box[2] for _, box in chars),
                       heights[len(heights) // 2])


def lay_out(pages: list[list[CharLine] | list[PrintedLine]]) -> list[list[PrintedLine]]:
    """Every page's printed lines, the tables of the document (found over all pages at
    once, so that one running over a page break stays one) as rows on the page where each
    starts."""
    flat: list[tuple[int, CharLine]] = [(k, ln) for k, page in enumerate(pages) for ln in page
                                        if isinstance(ln, list)]
    found = [piece for n, (_, ln) in enumerate(flat) for piece in pieces(ln, n)
             if not _PAGE_NUMBER.fullmatch("".join(ch for ch, _ in ln))]
    tables = {t.first: t for t in find_tables(found)}
    taken = frozenset().union(*(t.lines for t in tables.values())) if tables else frozenset()
    out: list[list[PrintedLine]] = [[ln for ln in page if isinstance(ln, PrintedLine)]
                                    for page in pages]
    for n, (k, ln) in enumerate(flat):
        if n in tables:
            out[k] += [PrintedLine("\t" + "\t".join(cells), row=True)
                       for cells in tables[n].rows]
            out[k].append(PrintedLine(""))
        elif n not in taken:
            out[k].append(_printed(ln))
    return out


def _width(line: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in line)


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS).endswith(_SENTENCE_END)


def _reaches_edge(pages: list[list[PrintedLine]]) -> list[bool]:
    """For every line of every page: does it run to the right edge of the text? Both
    measures need enough prose lines (``_MEASURED``) to tell a full line; table rows are
    not prose."""
    prose = [ln for page in pages for ln in page if ln.text.strip() and not ln.row]
    widths = sorted(_width(ln.text.strip()) for ln in prose)
    full = widths[int(len(widths) * 0.9)] if len(widths) >= _MEASURED else float("inf")
    all_rights = sorted(ln.right for ln in prose if ln.right is not None)
    out: list[bool] = []
    for page in pages:
        rights = sorted(ln.right for ln in page if ln.right is not None and not ln.row)
        pool = rights if len(rights) >= _MEASURED else all_rights
        edge = pool[int(len(pool) * 0.9)] if len(pool) >= _MEASURED else None
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
        line = ln.text if ln.row else _GAP.sub("", ln.text.rstrip())
        if wrapped and line.strip() and not ln.row:
            out[-1] += line.lstrip()  # no space: a figure cut at a line end (5. / 8%) joins
        else:
            out.append(line)
        wrapped = (bool(out[-1].strip()) and at_edge and not ln.row
                   and not _ends_sentence(out[-1]))
    return "\n".join(out)
