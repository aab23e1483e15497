"""Names of one catalog indicator that cover different scopes in one report; values a cut
page may have cut.

Two names the catalog maps to one indicator can still mean different things in the same
report: a county that prints 财政总收入 (all revenue collected) and 地方财政收入 (the part the
county keeps) gives two values for ``fiscal_revenue`` of one year; only the wider name is that
indicator, and the narrower one is left out (alone, or of another year, 地方财政收入 is the
region's fiscal revenue). The rules are data (``page_shapes.json``). (A national report's
地方… names are left out by ``facts``.)
"""

from __future__ import annotations

from baogao.extract.catalog import page_shapes
from baogao.models import Document, Fact

#: what may close a sentence (or a table cell) after its last value
_CLOSERS = "。；;！？!?）)”’」』，,、：:|\t"


def _narrower(facts: list[Fact]) -> set[int]:
    """Indexes of facts named by a narrower name of an indicator whose wider name gives a
    value of the same kind and year too (财政收入 and 地方财政收入 of 2022 both)."""
    dropped: set[int] = set()
    for rule in page_shapes()["narrower_names"]:
        indicators = set(rule["indicators"])
        narrow = set(rule["narrow"])
        wide = {(f.indicator, f.kind, f.period) for f in facts
                if f.indicator in indicators and f.name not in narrow
                and f.name.endswith(tuple(rule["wide"]))}
        dropped |= {i for i, f in enumerate(facts)
                    if f.name in narrow and (f.indicator, f.kind, f.period) in wide}
    return dropped


def scoped_facts(facts: list[Fact]) -> list[Fact]:
    """``facts`` without those whose name covers another scope than the indicator's."""
    dropped = _narrower(facts)
    return [f for i, f in enumerate(facts) if i not in dropped]


def uncut_facts(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without a value of the text's unfinished last sentence with nothing closing
    it after: an excerpt cut there may have cut the value too (下降5% of 下降5.8%左右, 5700 of
    5700.1亿元, 5%左 of 5%左右)."""
    body = doc.text.rstrip()
    if not body or body[-1] in _CLOSERS:
        return facts

    def cut(fact: Fact) -> bool:
        if not fact.text or fact.end < len(body):
            return False
        at = body.rfind(fact.text, fact.start)
        return at >= 0 and not any(c in _CLOSERS for c in body[at + len(fact.text) :])

    return [f for f in facts if not cut(f)]
