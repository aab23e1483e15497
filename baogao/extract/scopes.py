"""Names of one catalog indicator that cover different scopes in one report.

Two names the catalog maps to one indicator can still mean different things in the same
report: a county that prints 财政总收入 (all revenue collected) and 地方财政收入 (the part the
county keeps) gives two values for ``fiscal_revenue``; only the wider name is that indicator,
and the narrower one is left out. A national report's 地方一般公共预算收入 is the sum of the
local governments' budgets, not the nation's. The rules are data (``page_shapes.json``).
"""

from __future__ import annotations

from baogao.extract.catalog import page_shapes
from baogao.models import Document, Fact


def _narrower(facts: list[Fact]) -> set[int]:
    """Indexes of facts named by a narrower name of an indicator whose wider name the report
    also uses."""
    dropped: set[int] = set()
    for rule in page_shapes()["narrower_names"]:
        indicators = set(rule["indicators"])
        wide = tuple(rule["wide"])
        if not any(f.indicator in indicators and f.name.endswith(wide) for f in facts):
            continue
        dropped |= {i for i, f in enumerate(facts)
                    if f.indicator in indicators and f.name in rule["narrow"]}
    return dropped


def _below_the_nation(doc: Document, facts: list[Fact]) -> set[int]:
    """Indexes of facts of a national report whose name is of the local governments'."""
    if doc.level != "national":
        return set()
    prefixes = tuple(page_shapes()["national_excluded_prefixes"])
    return {i for i, f in enumerate(facts) if f.indicator and f.name.startswith(prefixes)}


def scoped_facts(doc: Document, facts: list[Fact]) -> list[Fact]:
    """``facts`` without those whose name covers another scope than the indicator's."""
    dropped = _narrower(facts) | _below_the_nation(doc, facts)
    return [f for i, f in enumerate(facts) if i not in dropped]
