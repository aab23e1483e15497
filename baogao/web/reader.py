"""The reader's HTML: a document's lines with facts marked and glossary terms linked.

Document text is untrusted, so the HTML is built by escaping every piece of text and only
then wrapping it in tags whose attribute values are escaped too. Overlapping spans (two facts
on one value, a term inside a fact, the cited passage) are handled by cutting each line at
every span boundary and wrapping each piece in the spans that cover it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from baogao.labels import amount, plain_number
from baogao.models import Document, Fact, Term

KIND_LABELS = {"actual": "实际", "target": "目标"}
BOUND_LABELS = {"approx": "左右", "min": "以上", "max": "以内"}
ROLE_LABELS = {"review": "回顾", "plan": "部署", "self_building": "自身建设",
               "glossary": "名词解释", "appendix": "附件", "other": "其他"}


@dataclass(frozen=True)
class Block:
    """One rendered line: a heading (``level`` ≥ 1, ``section`` set) or a paragraph."""

    start: int
    end: int
    html: Markup
    level: int = 0
    section: int | None = None
    is_table_row: bool = False
    cells: tuple[Markup, ...] = ()


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    ref: int


def locate_fact(text: str, fact: Fact, taken: set[tuple[int, int]] | None = None) -> (
        tuple[int, int] | None):
    """Where ``fact.text`` (the value's words) sits inside its evidence in ``text``.

    Falls back to the whole evidence span; ``taken`` spans (values already claimed by other
    facts) are skipped so two facts with the same words mark two places, and a match inside
    a longer number (5% in 5.5%) or inside a claimed span is not the value.
    """
    taken = taken or set()
    hi = max(fact.end, fact.start + len(fact.evidence))
    if fact.text:
        pos = text.find(fact.text, fact.start, hi)
        first: tuple[int, int] | None = None
        while pos >= 0:
            span = (pos, pos + len(fact.text))
            whole = not (pos > 0 and fact.text[0].isdigit() and text[pos - 1] in _NUMBER_CHARS)
            if whole:
                first = first or span
                if not any(a < span[1] and span[0] < b for a, b in taken):
                    return span
            pos = text.find(fact.text, pos + 1, hi)
        if first:
            return first
    if 0 <= fact.start < fact.end <= len(text):
        return fact.start, fact.end
    return None


_NUMBER_CHARS = frozenset("0123456789.．")


def fact_value_label(fact: Fact) -> str:
    """The value as a short phrase: ``5%左右``, ``5700.1 亿元``, or the words when qualitative."""
    if fact.value is None:
        return fact.text
    unit = fact.unit or ""
    if fact.value_high is not None:
        value = f"{amount(fact.value, '')}–{amount(fact.value_high, unit)}"
    else:
        value = amount(fact.value, unit)
    return f"{value}{BOUND_LABELS.get(fact.bound or '', '')}"


def fact_title(fact: Fact) -> str:
    """The hover text of a marked fact."""
    parts = [fact.name + (f"（{fact.indicator}）" if fact.indicator else ""),
             KIND_LABELS.get(fact.kind, fact.kind) + ("·预计" if fact.estimated else ""),
             fact_value_label(fact)]
    if fact.period is not None:
        parts.append(f"{fact.period}年")
    if fact.scope:
        parts.append(f"范围：{fact.scope}")
    return " · ".join(parts)


def _fact_open(index: int, fact: Fact, first: bool) -> str:
    anchor = f' id="fact-{index}"' if first else ""
    open_class = " fact-open" if fact.open_vocabulary else ""
    return (
        f'<mark class="fact fact-{escape(fact.kind)}{open_class}"{anchor} data-fact="{index}"'
        f' data-name="{escape(fact.name)}"'
        f' data-indicator="{escape(fact.indicator or "")}" data-kind="{escape(fact.kind)}"'
        f' data-value="{escape("" if fact.value is None else plain_number(fact.value))}"'
        f' data-unit="{escape(fact.unit or "")}" data-period="{escape(fact.period or "")}"'
        f' title="{escape(fact_title(fact))}">'
    )


def _term_open(index: int, term: Term) -> str:
    definition = term.definition if len(term.definition) <= 160 else term.definition[:160] + "…"
    return (f'<a class="term" href="#term-{index}" data-term="{index}"'
            f' title="{escape(term.term)}：{escape(definition)}">')


def render_blocks(
    doc: Document,
    facts: Sequence[Fact],
    terms: Sequence[Term],
    cited: tuple[int, int] | None = None,
) -> list[Block]:
    """The document as blocks of safe HTML, with facts, term uses and the cited span marked."""
    text = doc.text
    taken: set[tuple[int, int]] = set()
    fact_spans: list[_Span] = []
    for i, fact in enumerate(facts):
        span = locate_fact(text, fact, taken)
        if span:
            taken.add(span)
            fact_spans.append(_Span(span[0], span[1], i))
    term_spans = [_Span(s, e, i) for i, t in enumerate(terms) for s, e in t.uses if s < e]
    cited_spans = [_Span(cited[0], cited[1], 0)] if cited and cited[0] < cited[1] else []
    headings = {s.start: s for s in doc.sections}
    rows = {p.start for p in doc.paragraphs if p.is_table_row}
    seen_facts: set[int] = set()
    cited_open = [False]
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        section = headings.get(start)
        if section is None and (start in rows or "\t" in line):
            cells = []
            a = start
            for cell in line.split("\t"):
                b = a + len(cell)
                cells.append(_render_line(text, a, b, fact_spans, term_spans, cited_spans,
                                          facts, terms, seen_facts, cited_open)
                             if a < b else Markup(""))
                a = b + 1
            blocks.append(Block(start, end, Markup(" ").join(cells), is_table_row=True,
                                cells=tuple(cells)))
            continue
        html = _render_line(text, start, end, fact_spans, term_spans, cited_spans,
                            facts, terms, seen_facts, cited_open)
        if section is not None:
            blocks.append(Block(start, end, html, level=section.level, section=section.index))
        else:
            blocks.append(Block(start, end, html))
    return blocks


def table_groups(blocks: Sequence[Block]) -> list[Block | list[Block]]:
    """Blocks with each run of table rows gathered into one list (rendered as a table)."""
    out: list[Block | list[Block]] = []
    for block in blocks:
        if block.cells:
            last = out[-1] if out else None
            if isinstance(last, list):
                last.append(block)
            else:
                out.append([block])
        else:
            out.append(block)
    return out


def _covering(spans: Sequence[_Span], a: int, b: int) -> _Span | None:
    for span in spans:
        if span.start <= a and b <= span.end:
            return span
    return None


def _render_line(
    text: str, start: int, end: int,
    fact_spans: Sequence[_Span], term_spans: Sequence[_Span], cited_spans: Sequence[_Span],
    facts: Sequence[Fact], terms: Sequence[Term], seen_facts: set[int], cited_open: list[bool],
) -> Markup:
    def inside(spans: Sequence[_Span]) -> list[_Span]:
        return [s for s in spans if s.start < end and s.end > start]

    f_in, t_in, c_in = inside(fact_spans), inside(term_spans), inside(cited_spans)
    if not (f_in or t_in or c_in):
        return escape(text[start:end])
    cuts = {start, end}
    for span in (*f_in, *t_in, *c_in):
        cuts.update(x for x in (span.start, span.end) if start < x < end)
    points = sorted(cuts)
    pieces: list[tuple[int, int, _Span | None, _Span | None, bool]] = []
    for a, b in pairwise(points):
        fact, term = _covering(f_in, a, b), _covering(t_in, a, b)
        is_cited = _covering(c_in, a, b) is not None
        if pieces and pieces[-1][2:] == (fact, term, is_cited):
            pieces[-1] = (pieces[-1][0], b, fact, term, is_cited)
        else:
            pieces.append((a, b, fact, term, is_cited))
    out: list[str] = []
    for a, b, fact, term, is_cited in pieces:
        html = str(escape(text[a:b]))
        if term is not None:
            html = _term_open(term.ref, terms[term.ref]) + html + "</a>"
        if fact is not None:
            first = fact.ref not in seen_facts
            seen_facts.add(fact.ref)
            html = _fact_open(fact.ref, facts[fact.ref], first) + html + "</mark>"
        if is_cited:
            anchor = "" if cited_open[0] else ' id="cited"'
            cited_open[0] = True
            html = f'<span class="cited"{anchor}>' + html + "</span>"
        out.append(html)
    return Markup("".join(out))
