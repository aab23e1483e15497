"""名词解释 (glossary) entries and where the report uses each term.

Layouts handled (one entry per number):

* ``1.“六个一”专项行动:definition`` — term and definition on one line;
* ``1. 北京设计产业联盟`` then the definition on the following line(s);
* ``11.“五统一、一开放”：`` then ``指…`` on the next line.

The glossary is the section with role ``glossary``, or else the text after a short line
naming it (名词解释, 名词注释) in the second half of the report.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from baogao.extract.catalog import cues
from baogao.models import Document, Term

_QUOTES = "“”\"「」『』‘’'"
_MAX_TERM = 40


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=1)
def _entry_re() -> re.Pattern[str]:
    return re.compile(str(cues()["glossary_entry"]))


def _lines(text: str, start: int, end: int) -> Iterator[_Line]:
    pos = start
    for line in text[start:end].split("\n"):
        yield _Line(pos, pos + len(line), line)
        pos += len(line) + 1


def glossary_span(doc: Document) -> tuple[int, int] | None:
    """The span of the glossary in ``doc.text`` (after its heading), or None."""
    for section in doc.sections:
        if section.role == "glossary" and section.level == 1:
            return section.heading_end, section.end
    headings = tuple(cues()["glossary_headings"])
    half = len(doc.text) // 2
    for line in _lines(doc.text, half, len(doc.text)):
        stripped = line.text.strip()
        if len(stripped) <= 30 and any(stripped.endswith(h) for h in headings):
            return line.end, len(doc.text)
    return None


def _split_term(body: str) -> tuple[str, str] | None:
    """(term, definition) of an entry body; definition "" when it follows on later lines."""
    for sep_index, ch in enumerate(body):
        if ch in cues()["glossary_separators"]:
            term = body[:sep_index].strip()
            if 0 < len(term) <= _MAX_TERM:
                return term, body[sep_index + 1 :].strip()
            return None
    if len(body) <= _MAX_TERM // 2 and not re.search(r"[。；，,]", body):
        return body.strip(), ""
    return None


def _entries(doc: Document, start: int, end: int) -> Iterator[tuple[str, str, int, int]]:
    """(term, definition, start, end) for each numbered entry of the glossary span."""
    current: list[object] | None = None
    for line in _lines(doc.text, start, end):
        if not line.text.strip():
            continue
        match = _entry_re().match(line.text.strip())
        split = _split_term(match.group("body")) if match else None
        if split is not None:
            if current is not None:
                yield _finish(current)
            current = [split[0], [split[1]] if split[1] else [], line.start, line.end]
        elif current is not None:
            parts = current[1]
            assert isinstance(parts, list)
            parts.append(line.text.strip())
            current[3] = line.end
    if current is not None:
        yield _finish(current)


def _finish(entry: list[object]) -> tuple[str, str, int, int]:
    term, parts, start, end = entry
    assert isinstance(term, str) and isinstance(parts, list)
    assert isinstance(start, int) and isinstance(end, int)
    return term, "\n".join(str(p) for p in parts), start, end


def _search_keys(term: str) -> list[str]:
    """The term as printed, without quote marks, and its quoted core (六个一)."""
    keys = [term, "".join(ch for ch in term if ch not in _QUOTES)]
    core = re.findall(rf"[{_QUOTES}]([^{_QUOTES}]{{2,}})[{_QUOTES}]", term)
    if len(core) == 1 and len(core[0]) >= 2:
        keys.append(core[0])
    return [k for k in dict.fromkeys(keys) if len(k) >= 2]


def find_uses(text: str, term: str, end: int) -> tuple[tuple[int, int], ...]:
    """Where ``term`` appears in ``text[:end]``: non-overlapping spans, longest key first."""
    spans: list[tuple[int, int]] = []
    for key in sorted(_search_keys(term), key=len, reverse=True):
        pos = text.find(key, 0, end)
        while pos >= 0:
            span = (pos, pos + len(key))
            if not any(s < span[1] and span[0] < e for s, e in spans):
                spans.append(span)
            pos = text.find(key, pos + 1, end)
    return tuple(sorted(spans))


def extract_terms(doc: Document) -> list[Term]:
    """The 名词解释 entries of ``doc`` with the places the body text uses each term.

    ``Term.start``/``end`` span the entry in ``doc.text``; ``uses`` are spans before the
    glossary. A report without a glossary gives an empty list.
    """
    span = glossary_span(doc)
    if span is None:
        return []
    start, end = span
    heading_start = doc.text.rfind("\n", 0, start) + 1
    terms: list[Term] = []
    for term, definition, entry_start, entry_end in _entries(doc, start, end):
        uses = find_uses(doc.text, term, heading_start)
        terms.append(Term(term, definition, entry_start, entry_end, uses, doc.id))
    return terms
