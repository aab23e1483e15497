"""民生实事 lists given as tables (a docx or web-page table, tab-separated rows of a text).

    for table in list_tables(doc): ...          # this year's 民生实事 tables of ``doc``
    found = table_commitments(doc)              # their items as commitments

A run of table rows is a list of this year's 民生实事 when its section title, a caption
right before it, or its header row names a list (民生实事, 为民办实事…), that name is not
about another year, and it is not a report of work done (完成情况). The header row (cells
without digits) tells the columns apart by their words (``commitment_words.json``:
序号 / 实事项目 / 主要内容 / 责任单位…); without one, a first column of numbers is the index,
the next the item's name and the one after it its content.

Each row is one item: its cells are read by the fact extractors as running text, and every
target fact of it that is a promise becomes a commitment (the same filters as in running
text); a row without one becomes a commitment without a value, named by its name cell.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from baogao.data import load_json
from baogao.extract.open.facts import find_amounts, key_of
from baogao.models import Commitment, Document, Paragraph

_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d{2}年?")
#: The longest paragraph read as a table's caption (2025年省十件民生实事项目安排表).
_CAPTION_MAX = 40
_INDEX = re.compile(r"^\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.．、]?\s*$")


@functools.lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The word tables of ``baogao/data/commitment_words.json``."""
    data: dict[str, Any] = load_json("commitment_words.json")
    return data


@dataclass(frozen=True)
class Cell:
    """A cell of a table row: its text and where it is in the document."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TableItem:
    """One row of a 民生实事 table: its name cell (may be None) and content cell."""

    name: Cell | None
    content: Cell | None
    row: Paragraph

    @property
    def start(self) -> int:
        return min(c.start for c in (self.name, self.content) if c is not None)

    @property
    def end(self) -> int:
        return max(c.end for c in (self.name, self.content) if c is not None)


@dataclass(frozen=True)
class ListTable:
    """A 民生实事 list given as a table: its name (十件民生实事) and items."""

    list_name: str
    items: tuple[TableItem, ...]


def _cells(doc: Document, para: Paragraph) -> list[Cell]:
    cells: list[Cell] = []
    at = para.start
    for part in doc.text[para.start : para.end].split("\t"):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        cells.append(Cell(at + lead, at + lead + len(text), text))
        at += len(part) + 1
    return cells


def _runs(doc: Document) -> Iterator[list[Paragraph]]:
    """Consecutive table rows of ``doc``."""
    run: list[Paragraph] = []
    for para in doc.paragraphs:
        if para.is_table_row:
            run.append(para)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _column_role(header: str) -> str | None:
    columns: dict[str, list[str]] = words()["table_columns"]
    for role in ("index", "other", "content", "name"):
        if any(w in header for w in columns[role]):
            return role
    return None


def _this_year(doc: Document, text: str) -> bool:
    """``text`` names no other year than the report's, and no report of work done."""
    if any(w in text for w in words()["table_not_plans"]):
        return False
    years = {int(y) for y in re.findall(r"((?:19|20)\d{2})年", text)}
    return doc.year is None or not years or doc.year in years


def _list_name(doc: Document, run: list[Paragraph], header: list[Cell] | None,
               title: str | None) -> str | None:
    """The name of the list the table gives, if it is this year's 民生实事 list."""
    from baogao.extract.commitments import _cue
    from baogao.extract.commitments import _list_name as name_in

    places: list[str] = [title] if title else []
    section = doc.section_at(run[0].start)
    if section is not None:
        places.append(section.title)
    before = [p for p in doc.paragraphs if p.end <= run[0].start and not p.is_table_row]
    places += [doc.text[p.start : p.end] for p in before[-2:]
               if p.end - p.start <= _CAPTION_MAX][::-1]  # a caption, not running text
    if header is not None:
        places.append(" ".join(c.text for c in header))
    for place in places:
        if len(place) > 80 or _cue(place) is None:
            continue
        if not _this_year(doc, place):
            return None
        return name_in(place, 0, len(place))
    return None


def _header(doc: Document, run: list[Paragraph]) -> list[Cell] | None:
    cells = _cells(doc, run[0])
    if any(_DIGIT.search(_YEAR.sub("", c.text)) for c in cells) or not any(
            _column_role(c.text) for c in cells if c.text):
        return None
    return cells


def _roles(doc: Document, header: list[Cell] | None, rows: list[Paragraph]
           ) -> tuple[int | None, int | None]:
    """Positions of the name and content columns."""
    if header is not None:
        roles = [_column_role(c.text) for c in header]
        name = next((i for i, r in enumerate(roles) if r == "name"), None)
        content = next((i for i, r in enumerate(roles) if r == "content"), None)
        return name, content
    widths = [len(_cells(doc, r)) for r in rows]
    width = max(set(widths), key=widths.count) if widths else 0
    first = [_cells(doc, r)[0].text for r in rows if len(_cells(doc, r)) == width]
    skip = 1 if first and sum(bool(_INDEX.match(t)) for t in first) * 2 > len(first) else 0
    name = skip if width > skip else None
    content = skip + 1 if width > skip + 1 else None
    return name, content


def _one_cell(doc: Document, row: Paragraph) -> str | None:
    """The text of a row that holds one text only (a title or group heading, its cells
    merged: the same text in each)."""
    texts = {c.text for c in _cells(doc, row) if c.text}
    return next(iter(texts)) if len(texts) == 1 else None


def list_tables(doc: Document) -> Iterator[ListTable]:
    """This year's 民生实事 lists of ``doc`` given as tables."""
    for run in _runs(doc):
        title = _one_cell(doc, run[0]) if len(run) > 1 else None
        if title is not None:  # a title row inside the table (2025年十件民生实事)
            run = run[1:]
        header = _header(doc, run)
        name = _list_name(doc, run, header, title)
        if name is None or any(w in doc.text[p.start : p.end] for p in run
                               for w in words()["table_not_lists"]):
            continue  # an indicator table (预期性, 约束性) under a list's name
        rows = run[1:] if header is not None else run
        name_at, content_at = _roles(doc, header, rows)
        head = [c.text for c in header] if header is not None else None
        items: list[TableItem] = []
        for row in rows:
            cells = _cells(doc, row)
            if [c.text for c in cells] == head:
                continue  # the header again (a table over several pages)
            pick = [cells[i] if i is not None and i < len(cells) and cells[i].text else None
                    for i in (name_at, content_at)]
            if pick[0] is None and pick[1] is None:
                continue
            group = _one_cell(doc, row)
            if group is not None and not _DIGIT.search(group) and len(group) <= 12:
                continue  # a group heading inside the table (一、民生保障类)
            items.append(TableItem(pick[0], pick[1], row))
        if items:
            yield ListTable(name, tuple(items))


def _cell_document(doc: Document, tables: list[ListTable]) -> Document:
    """``doc`` whose paragraphs are the name and content cells of its list tables, as
    running text: the fact extractors read them as they read an annex of paragraphs."""
    cells = sorted({(c.start, c.end, item.row.section) for t in tables for item in t.items
                    for c in (item.name, item.content) if c is not None and c.text})
    return replace(doc, paragraphs=tuple(Paragraph(i, a, b, section)
                                         for i, (a, b, section) in enumerate(cells)))


def table_commitments(doc: Document) -> list[Commitment]:
    """The items of this year's 民生实事 tables as commitments: the target facts of a row's
    cells (read by the catalog and open-fact extractors as running text), else the row as
    an item without a number."""
    from baogao.extract import extract_facts
    from baogao.extract.commitments import (
        _OBJECT_MAX,
        ListItem,
        _action_of,
        _from_fact,
        _unnamed,
        commitment_fact,
    )
    from baogao.extract.open.facts import enrich, open_facts

    tables = list(list_tables(doc))
    if not tables:
        return []
    cell_doc = _cell_document(doc, tables)
    catalog = extract_facts(cell_doc)
    facts = [*enrich(catalog), *open_facts(cell_doc, catalog)]
    found: list[Commitment] = []
    text = doc.text
    items = [ListItem(item.start, item.end, t.list_name) for t in tables for item in t.items]
    # amounts the open facts leave unnamed, as for items in running text
    unnamed = _unnamed(cell_doc, {(f.start, f.text) for f in facts}, items)
    for table in tables:
        for item in table.items:
            inside = [f for f in facts if item.start <= f.start < item.end]
            valued = [_from_fact(f, ListItem(item.start, item.end, table.list_name))
                      for f in inside if commitment_fact(doc, f)]
            valued += [c for c in unnamed if item.start <= c.start < item.end]
            if valued:
                found += valued
                continue
            if any(find_amounts(text, c.start, c.end) for c in (item.name, item.content)
                   if c is not None):
                continue  # numbers, none of them a promise: as for items in running text
            named = item.name.text if item.name is not None else re.split(
                r"[，,。；;：:]", item.content.text if item.content else "", maxsplit=1)[0]
            obj = named[:_OBJECT_MAX]
            if len(obj) < 4:
                continue
            found.append(Commitment(
                region=doc.region, year=doc.year, period=doc.year, object=obj,
                key=key_of(obj), action=_action_of(obj), value=None, unit=None, bound=None,
                text=obj, evidence=text[item.start : item.end].replace("\t", " "),
                source=doc.source, row=doc.row, start=item.start, end=item.end,
                doc_id=doc.id, list_name=table.list_name, origin="list_item"))
    return found
