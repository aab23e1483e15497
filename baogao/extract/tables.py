"""Facts from indicator tables (flattened Word tables and .docx tables).

In the normalized text a table row is one line with cells separated by TAB. A table is a run
of such lines; its header row names the columns (指标名称, 2024年计划, 指标属性). The period and
kind of the values come from the value column's header (``2024年计划`` → target of 2024), or
from the title line above the table. Units come from the parentheses after the indicator name
(``地区生产总值增速（%）``); qualitative cells (达到市级要求) give a value of None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from baogao.extract.catalog import convert, cues, load_catalog, match_name
from baogao.extract.numbers import read_cell
from baogao.models import Bound, Document, Fact, Kind

_UNIT_IN_NAME = re.compile(r"^(?P<name>.+?)\s*[（(](?P<unit>[^（）()]{1,12})[）)]\s*$")
_UNIT_CHARS = re.compile(r"[%‰元人米个家张吨斤户项次天亩/瓦时辆所位]")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_MAX_BREAK = 3


@dataclass(frozen=True)
class _Row:
    start: int
    end: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class _Column:
    index: int
    kind: Kind
    estimated: bool
    period: int | None


@dataclass(frozen=True)
class _Cell:
    name: str
    unit: str
    value_text: str
    attribute: str | None


def _tables(text: str) -> Iterator[tuple[int, list[_Row]]]:
    """Runs of TAB lines: (start offset of the run, rows).

    A run interrupted by up to ``_MAX_BREAK`` stray lines (a cell broken over lines) goes on.
    """
    rows: list[_Row] = []
    pos = 0
    run_start = 0
    stray = 0
    for line in text.split("\n"):
        if "\t" in line:
            if not rows:
                run_start = pos
            rows.append(_Row(pos, pos + len(line), tuple(c.strip() for c in line.split("\t"))))
            stray = 0
        elif rows:
            stray += 1
            if stray > _MAX_BREAK:
                yield run_start, rows
                rows = []
                stray = 0
        pos += len(line) + 1
    if rows:
        yield run_start, rows


def _has_word(text: str, key: str) -> bool:
    return any(w in text for w in cues()[key])


def _column_timing(label: str, year: int | None) -> tuple[Kind, bool, int | None] | None:
    match = _YEAR.search(label)
    period = int(match.group(1)) if match else None
    if _has_word(label, "table_estimate_words"):
        return "actual", True, period
    if _has_word(label, "table_actual_words"):
        return "actual", False, period
    if _has_word(label, "table_target_words"):
        return "target", False, period if period is not None else year
    return None


def _columns(header: _Row, title: str, year: int | None) -> list[_Column]:
    """The value columns of a header row, with their kind and period."""
    columns: list[_Column] = []
    for index, label in enumerate(header.cells):
        found = _column_timing(label, year)
        if found is None and _YEAR.fullmatch(label.strip()):
            found = _column_timing(label + title, year)
        if found is not None:
            kind, estimated, period = found
            columns.append(_Column(index, kind, estimated, period))
    return columns


def _is_header(row: _Row) -> bool:
    return any(c in cues()["table_name_headers"] for c in row.cells)


def _split_name(cell: str) -> tuple[str, str]:
    match = _UNIT_IN_NAME.match(cell)
    if match and _UNIT_CHARS.search(match.group("unit")):
        return match.group("name").strip(), match.group("unit").strip()
    return cell.strip(), ""


def _row_cells(row: _Row, header: _Row, column: _Column, single: bool) -> _Cell | None:
    """Name, unit, value text and attribute of one row for one value column."""
    cells = row.cells
    attributes = cues()["table_attributes"]
    if len(cells) == len(header.cells):
        value_index = column.index
    elif single:
        marked = [i for i, c in enumerate(cells) if c in attributes]
        filled = [i for i, c in enumerate(cells) if c and c not in attributes]
        value_index = marked[-1] - 1 if marked else (filled[-1] if filled else -1)
    else:
        return None
    if value_index <= 0 or value_index >= len(cells):
        return None
    names = [c for c in cells[:value_index] if c and not c.isdigit()]
    if not names:
        return None
    name, unit = _split_name(names[-1])
    attribute = next((c for c in cells[value_index + 1 :] if c in attributes), None)
    return _Cell(name, unit, cells[value_index], attribute)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value.normalize())


_CellReading = tuple[str | None, Decimal | None, Decimal | None, str, Bound | None]


def _reading(cell: _Cell) -> _CellReading | None:
    """(indicator, value, value_high, unit, bound) of a row cell, or None to skip the row."""
    text = cell.value_text.strip()
    if text in cues()["table_no_value"]:
        return None
    mention = match_name(cell.name)
    indicator = None
    if mention is not None:
        family = mention.family
        indicator = family.growth if mention.growth_word and family.growth else family.level
        indicator = indicator or family.growth
    quantity = read_cell(text)
    if quantity is None:
        if re.search(r"\d", text) or not _is_qualitative(text):
            return None
        unit = load_catalog()[indicator].unit if indicator else cell.unit
        return indicator, None, None, unit, None
    printed = quantity.unit or cell.unit
    if indicator is None:
        return None, quantity.value, quantity.value_high, printed, quantity.bound
    target = load_catalog()[indicator].unit
    value = convert(quantity.value, printed or target, target)
    high = convert(quantity.value_high, printed or target, target) if quantity.value_high else None
    if value is None:
        return None, quantity.value, quantity.value_high, printed, quantity.bound
    return indicator, value, high, target, quantity.bound


def _is_qualitative(text: str) -> bool:
    """A cell stating a value in words (达到市级要求), not a name or a heading."""
    if _UNIT_IN_NAME.match(text) or len(text) > 30:
        return False
    return any(w in text for w in cues()["qualitative_cell_words"])


def _title_before(text: str, start: int) -> str:
    head = text[max(0, start - 200) : start].rstrip("\n")
    lines = head.split("\n")[-2:]
    return " ".join(lines)


def _row_fact(doc: Document, row: _Row, cell: _Cell, column: _Column) -> Fact | None:
    reading = _reading(cell)
    if reading is None:
        return None
    indicator, value, high, unit, bound = reading
    evidence = doc.text[row.start : row.end]
    return Fact(
        source=doc.source,
        row=doc.row,
        region=doc.region,
        year=doc.year,
        indicator=indicator,
        name=cell.name,
        kind=column.kind,
        estimated=column.estimated,
        period=column.period,
        value=_number(value),
        unit=unit or None,
        bound=bound,
        text=cell.value_text.strip(),
        evidence=evidence,
        start=row.start,
        end=row.end,
        doc_id=doc.id,
        attribute=cell.attribute,
        value_high=_number(high),
    )


def table_facts(doc: Document) -> list[Fact]:
    """Facts from the indicator tables of ``doc`` (rows as TAB-separated lines)."""
    facts: list[Fact] = []
    for start, rows in _tables(doc.text):
        header_at = next((i for i, r in enumerate(rows) if _is_header(r)), None)
        if header_at is None:
            continue
        header = rows[header_at]
        columns = _columns(header, _title_before(doc.text, start), doc.year)
        for row in rows[header_at + 1 :]:
            for column in columns:
                cell = _row_cells(row, header, column, single=len(columns) == 1)
                if cell is None:
                    continue
                fact = _row_fact(doc, row, cell, column)
                if fact is not None:
                    facts.append(fact)
    return facts
