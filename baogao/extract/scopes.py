"""Names of one catalog indicator that cover different scopes in one report.

Two names the catalog maps to one indicator can still mean different things in the same
report: a county that prints 财政总收入 (all revenue collected) and 地方财政收入 (the part the
county keeps) gives two values for ``fiscal_revenue``; only the wider name is that indicator,
and the narrower one is left out. The rules are data (``page_shapes.json``). (A national
report's 地方… names are left out by ``facts``.)
"""

from __future__ import annotations

from baogao.extract.catalog import page_shapes
from baogao.models import Fact


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


def scoped_facts(facts: list[Fact]) -> list[Fact]:
    """``facts`` without those whose name covers another scope than the indicator's."""
    dropped = _narrower(facts)
    return [f for i, f in enumerate(facts) if i not in dropped]
