"""Tables of a PDF page found from where their text stands, ruled or not.

A PDF prints a table as text placed in columns: a row's cells share a baseline, a long cell
wraps inside its column, and nothing in the text layer says "cell". The columns are found
from the lines that hold several pieces of text separated by wide gaps (a header row, the
first line of each row): their left edges, gathered within half a character, are the column
starts. A run of lines whose every piece starts on a column start is the table when three of
its lines hold several pieces, or two do and one has three (two lines of two pieces may be
headings set with a tab after their number); a line that starts on the first column and runs
on across the next one is prose again. Rows start at the lines with several pieces or with a
piece in the first column; every piece goes to the row above it and to the column it starts
in; a cell's pieces join in reading order. Where most of the lines with several pieces have
one in the first column, only a line with a piece there opens a row (the other lines with
several pieces are the wrapped cells of the row above).

The rows come out as the .docx reader gives them: a line led by TAB, cells joined by TAB.
"""

from __future__ import annotations

from dataclasses import dataclass

#: a gap wider than this many character heights separates two pieces of one printed line
_PIECE_GAP = 0.9
#: how far (in character heights) a piece may start from its column's start
_COLUMN_SLACK = 0.6


@dataclass(frozen=True)
class Piece:
    """Text of one printed line between wide gaps: its left and right edges, its baseline
    and its characters' height (points), and the index of the text layer's line it is in."""

    text: str
    left: float
    right: float
    bottom: float
    em: float
    line: int = 0


@dataclass(frozen=True)
class Table:
    """A table: the text layer's lines it takes (``lines``, the first of them ``first``) and
    its rows of cells."""

    first: int
    lines: frozenset[int]
    rows: tuple[tuple[str, ...], ...]


def pieces(chars: list[tuple[str, tuple[float, float, float, float]]], line: int
           ) -> list[Piece]:
    """The pieces of the text layer's line ``line`` from its visible characters and boxes."""
    out: list[Piece] = []
    text: list[str] = []
    left = right = bottom = em = 0.0
    for ch, (x0, y0, x1, y1) in chars:
        height = y1 - y0
        if text and x0 - right < _PIECE_GAP * max(height, em) and abs(y0 - bottom) < height:
            text.append(ch)
            right = max(right, x1)
            continue
        if text:
            out.append(Piece("".join(text), left, right, bottom, em, line))
        text, left, right, bottom, em = [ch], x0, x1, y0, height
    if text:
        out.append(Piece("".join(text), left, right, bottom, em, line))
    return out


def _columns(anchors: list[list[Piece]]) -> list[float]:
    """Column starts: the left edges of the pieces of the lines with several pieces, each
    start shared by at least two of those lines."""
    lefts = sorted(p.left for line in anchors for p in line)
    em = max(p.em for line in anchors for p in line)
    groups: list[list[float]] = []
    for x in lefts:
        if groups and x - groups[-1][-1] <= _COLUMN_SLACK * em:
            groups[-1].append(x)
        else:
            groups.append([x])
    return [min(g) for g in groups if len(g) >= 2]


def _column_of(piece: Piece, columns: list[float]) -> int | None:
    for k, start in enumerate(columns):
        if abs(piece.left - start) <= _COLUMN_SLACK * piece.em:
            return k
    return None


def _in_table(line: list[Piece], columns: list[float]) -> bool:
    """Every piece starts on a column, and a piece in a column ends before the next one."""
    if not line:
        return False
    for piece in line:
        k = _column_of(piece, columns)
        if k is None:
            return False
        if k + 1 < len(columns) and piece.right > columns[k + 1]:
            return False
    return True


def _visual_lines(found: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped by baseline (within a third of a character), top to bottom, each line
    left to right: the text layer may give one printed line of a table as several lines."""
    lines: list[list[Piece]] = []
    for piece in sorted(found, key=lambda p: (-p.bottom, p.left)):
        if lines and abs(lines[-1][0].bottom - piece.bottom) <= 0.33 * piece.em:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return [sorted(line, key=lambda p: p.left) for line in lines]


def find_tables(page: list[Piece]) -> list[Table]:
    """The tables among the pieces of a page."""
    lines = _visual_lines(page)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        anchors = [ln for ln in lines[i:] if len(ln) >= 2]
        columns = _columns(anchors[:50]) if len(lines[i]) >= 2 else []
        if len(columns) < 2 or not _in_table(lines[i], columns):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and _in_table(lines[j + 1], columns):
            j += 1
        block = lines[i:j + 1]
        several = sum(1 for ln in block if len(ln) >= 2)
        # two lines of two pieces may be headings set with a tab (一、<tab>2024年工作回顾)
        if several >= 3 or (several >= 2 and max(len(ln) for ln in block) >= 3):
            taken = [p for ln in block for p in ln]
            tables.append(Table(min(p.line for p in taken), frozenset(p.line for p in taken),
                                _rows(block, columns)))
            i = j + 1
        else:
            i += 1
    return tables


def _rows(block: list[list[Piece]], columns: list[float]) -> tuple[tuple[str, ...], ...]:
    anchors = [ln for ln in block if len(ln) >= 2]
    first_column = sum(1 for ln in anchors if _column_of(ln[0], columns) == 0)
    if 2 * first_column >= len(anchors):  # rows open in the first column (序号, a name)
        opening = [ln for ln in block if _column_of(ln[0], columns) == 0]
    else:
        opening = anchors
    starts = sorted({max(p.bottom for p in ln) for ln in opening}, reverse=True)
    cells: list[list[list[Piece]]] = [[[] for _ in columns] for _ in starts]
    for line in block:
        for piece in line:
            # the last row start at or above the piece (y grows upwards on a PDF page)
            row = max((r for r, y in enumerate(starts) if y >= piece.bottom - 0.3 * piece.em),
                      default=0)
            column = _column_of(piece, columns)
            if column is not None:
                cells[row][column].append(piece)
    rows: list[tuple[str, ...]] = []
    for row_cells in cells:
        texts = ["".join(p.text for p in sorted(c, key=lambda p: (-p.bottom, p.left)))
                 for c in row_cells]
        while texts and not texts[-1]:
            texts.pop()
        if texts:
            rows.append(tuple(texts))
    return tuple(rows)
