"""检索: full-text search of the library (``baogao.ask.search.search``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from baogao.ask.search import MAX_OFFSET, search_page
from baogao.errors import QueryError
from baogao.labels import document_label
from baogao.web.api import DocType, paged
from baogao.web.deps import Lib
from baogao.web.highlight import snippet_html
from baogao.web.pages import FormError, choice, int_or_none, page, params_of
from baogao.web.serialize import DOC_TYPES, ROLES, record_json

router = APIRouter()

RoleParam = Literal["review", "plan", "self_building", "glossary", "appendix", "other"]


@router.get("/api/search", summary="Full-text search", tags=["search"])
async def api_search(
    request: Request,
    lib: Lib,
    q: Annotated[str, Query(description="Words or a question (就业, 如何稳就业)")],
    region: str | None = None,
    year: Annotated[int | None, Query(description="Year the report was delivered")] = None,
    doc_type: Annotated[DocType | None, Query(alias="type")] = None,
    role: Annotated[RoleParam | None, Query(description="Section role")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 10,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> JSONResponse:
    """Passages best matching ``q``, each citing its document and offsets, with a snippet
    whose matched words are marked 【】; ``X-Total-Count`` gives the number of matching
    passages, ``Link`` the next page.

    Runs on the event loop, not in a thread: a search is a few milliseconds of CPU (index
    top-k, re-ranking), so the two thread hops and the GIL hand-overs of a sync handler cost
    more than they hide; ``serve --workers N`` gives the parallelism.
    """
    found = search_page(lib, q, region=region, year=year, doc_type=doc_type, role=role,
                        limit=limit, offset=offset)
    return paged(request, [record_json(p) for p in found.passages], found.total, offset, limit)


#: Results on one page of the search view.
SEARCH_PAGE_ROWS = 20


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_view(
    request: Request, lib: Lib,
    q: str = "",
    region: str | None = None,
    year: str | None = None,
    doc_type: Annotated[str | None, Query(alias="type")] = None,
    role: str | None = None,
    page_no: Annotated[str | None, Query(alias="page")] = None,
) -> Response:
    """检索: a search box, the real number of matches, pages of highlighted snippets."""
    results: list[tuple[Any, Any, str]] = []
    total = 0
    error = None
    number = 1
    try:
        last = MAX_OFFSET // SEARCH_PAGE_ROWS
        number = int(page_no) if page_no and page_no.isascii() and page_no.isdigit() \
            and 0 < int(page_no) <= last \
            else 1
        if q.strip():
            found = search_page(lib, q, region=region or None, year=int_or_none(year),
                                doc_type=choice(doc_type, DOC_TYPES, "类型"),
                                role=choice(role, ROLES, "章节"), limit=SEARCH_PAGE_ROWS,
                                offset=(number - 1) * SEARCH_PAGE_ROWS)
            total = found.total
            results = [(p, snippet_html(p.snippet),
                        document_label(p.title, p.region, p.year)) for p in found.passages]
    except QueryError as exc:
        error = str(exc) if isinstance(exc, FormError) else f"检索词无法处理：{exc}"
    pages = max(1, (total + SEARCH_PAGE_ROWS - 1) // SEARCH_PAGE_ROWS)
    return page(request, "search.html", "/search", q=q, results=results, total=total,
                page_no=number, pages=pages, first=(number - 1) * SEARCH_PAGE_ROWS + 1,
                error=error, params=params_of(request), status_code=400 if error else 200)
