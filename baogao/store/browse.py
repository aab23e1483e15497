"""Browsing stored facts the Datasette way: filters, sorting, pages with totals, facets.

    page = browse_facts(lib.store, FactQuery(regions=("北京市西城区",), kind="target"))
    page.total, page.facts, page.facets["period"]   # [(2024, 12), (2023, 9), …]

Facet counts are taken under every current filter, so they say how many rows each further
choice would leave.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from baogao.errors import QueryError
from baogao.models import Fact
from baogao.store.sqlite import Store, _row_to_fact

#: Sortable columns: name in the query string -> SQL expression.
SORTS = {
    "region": "region", "year": "year", "period": "period", "indicator": "indicator",
    "name": "name", "kind": "kind", "value": "value", "source": "source",
}
FACETS = ("kind", "period", "region", "indicator")
MAX_PAGE = 500


@dataclass(frozen=True)
class FactQuery:
    """Which facts, in which order, which page."""

    regions: tuple[str, ...] | None = None
    indicator: str | None = None
    kind: str | None = None
    period: int | None = None
    year: int | None = None
    doc_id: str | None = None
    sort: str = "region"
    descending: bool = False
    offset: int = 0
    limit: int = 100


@dataclass(frozen=True)
class FactPage:
    """One page of facts, the total under the filters, and facet counts."""

    total: int
    offset: int
    limit: int
    facts: list[Fact]
    facets: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)


def _where(q: FactQuery) -> tuple[str, list[Any]]:
    clauses = ["open_vocabulary = 0"]
    args: list[Any] = []
    for column, value in (("doc_id", q.doc_id), ("indicator", q.indicator), ("kind", q.kind),
                          ("period", q.period), ("year", q.year)):
        if value is not None:
            clauses.append(f"{column} = ?")
            args.append(value)
    if q.regions is not None:
        clauses.append(f"region IN ({','.join('?' * len(q.regions))})" if q.regions else "0")
        args += list(q.regions)
    return " WHERE " + " AND ".join(clauses), args


def browse_facts(store: Store, q: FactQuery) -> FactPage:
    """The page of facts ``q`` asks for (``QueryError`` for an unknown sort or bad page)."""
    if q.sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {q.sort!r}")
    if not 1 <= q.limit <= MAX_PAGE or q.offset < 0:
        raise QueryError(f"a page holds 1 to {MAX_PAGE} rows from offset 0 or more")
    where, args = _where(q)
    total = int(store.conn.execute("SELECT COUNT(*) FROM facts" + where, args).fetchone()[0])
    direction = "DESC" if q.descending else "ASC"
    order = (f"{SORTS[q.sort]} IS NULL, {SORTS[q.sort]} {direction}, region, period DESC, "
             "source, row, start, id")
    rows = store.conn.execute(f"SELECT * FROM facts{where} ORDER BY {order} LIMIT ? OFFSET ?",
                              [*args, q.limit, q.offset])
    facets: dict[str, list[tuple[Any, int]]] = {}
    for column in FACETS:
        # years newest first; other facets by how many rows they hold
        order = f"{column} DESC" if column == "period" else f"n DESC, {column}"
        facets[column] = [
            (value, int(n)) for value, n in store.conn.execute(
                f"SELECT {column}, COUNT(*) AS n FROM facts{where} AND {column} IS NOT NULL "
                f"GROUP BY {column} ORDER BY {order} LIMIT 30", args)
        ]
    return FactPage(total, q.offset, q.limit, [_row_to_fact(r) for r in rows], facets)
