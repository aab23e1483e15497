"""What the search index holds for one document: a row per passage (paragraph, or heading
line without its own paragraph) with its search-mode tokens and those of its section path.

``passage_rows`` is a pure function of the ``Document``, so ingest workers compute it and hand
it to the main process (``baogao.ask.index.stash_rows``); the index's save hook computes it
otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from baogao.ask.segment import index_lines, index_text
from baogao.models import Document


@dataclass(frozen=True)
class PassageRow:
    """One indexed passage: where it is, its tokens and what a search result shows."""

    doc_id: str
    kind: str  # "paragraph" or "section"
    idx: int
    start: int
    end: int
    section: int | None
    role: str
    ntokens: int
    words: str  # space-joined search-mode tokens of the text
    heading: str  # space-joined tokens of the section path (the parent's, for a heading)
    path: str  # section titles joined by " > "
    heading_path: str  # the titles ``heading`` was cut from (a heading: its parent's)
    region: str
    year: int
    doc_type: str


def _line_words(text: str) -> Callable[[int, int], str]:
    """``index_text(text[start:end])``, taken from one cut of the whole text when the span is
    a whole line (every paragraph and heading is), else cut alone."""
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    lines: list[str] = []
    if "\n " not in text and " \n" not in text:  # else breaks cannot be told from tokens
        lines = index_lines(text)
        if len(lines) != len(starts):  # blank lines
            lines = []
    line_of = {start: k for k, start in enumerate(starts)}

    def words(start: int, end: int) -> str:
        k = line_of.get(start)
        if lines and k is not None and end == (starts[k + 1] - 1 if k + 1 < len(starts)
                                                 else len(text)):
            return lines[k]
        return index_text(text[start:end])

    return words


def _count_tokens(words: str) -> int:
    """``len(words.split())``: counted on the string when its tokens are apart by single
    spaces (printable: no other whitespace), else split."""
    if words and words.isprintable() and "  " not in words and words[0] != " " != words[-1]:
        return words.count(" ") + 1
    return len(words.split())


def passage_rows(doc: Document) -> tuple[PassageRow, ...]:
    """Every passage of ``doc`` ready to index (pure: may run in a worker process)."""
    paths = [doc.section_path(s) for s in doc.sections]
    heads = [" ".join(p) for p in paths]
    headings: list[str] = []
    if all(h and h.strip() == h and "\n" not in h for h in heads):
        headings = index_lines("\n".join(heads))  # one cut for every section path
    if len(headings) != len(heads):
        headings = [index_text(h) for h in heads]
    words_of = _line_words(doc.text)
    para_starts = {p.start for p in doc.paragraphs}
    region, year = doc.region or "", doc.year or 0
    rows: list[PassageRow] = []
    for s in doc.sections:
        if s.start in para_starts:  # heading with inline text: its paragraph covers it
            continue
        words = words_of(s.start, s.heading_end)
        rows.append(PassageRow(
            kind="section", idx=s.index, start=s.start, end=s.heading_end, section=s.index,
            role=s.role, ntokens=_count_tokens(words), words=words,
            heading=headings[s.parent] if s.parent is not None else "",
            path=" > ".join(paths[s.index]),
            heading_path=" ".join(paths[s.parent]) if s.parent is not None else "",
            doc_id=doc.id, region=region, year=year, doc_type=doc.doc_type))
    for p in doc.paragraphs:
        section = doc.sections[p.section] if p.section is not None else None
        words = words_of(p.start, p.end)
        rows.append(PassageRow(
            kind="paragraph", idx=p.index, start=p.start, end=p.end, section=p.section,
            role=section.role if section else "other", ntokens=_count_tokens(words),
            words=words, heading=headings[section.index] if section else "",
            path=" > ".join(paths[section.index]) if section else "",
            heading_path=" ".join(paths[section.index]) if section else "",
            doc_id=doc.id, region=region, year=year, doc_type=doc.doc_type))
    return tuple(rows)
