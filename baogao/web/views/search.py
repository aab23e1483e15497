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


#: Values ``api_search`` accepts for ``type`` and ``role`` (its ``Literal`` annotations).
_TYPES = frozenset(DocType.__args__)  # type: ignore[attr-defined]
_ROLES = frozenset(RoleParam.__args__)  # type: ignore[attr-defined]


class SearchShortcut:
    """``GET /api/search`` without FastAPI's per-request parameter machinery.

    A search request whose parameters are plainly valid (each given once, numbers as digits
    within the endpoint's bounds, ``type`` and ``role`` among its values) is answered here
    with the same call and the same response as ``api_search``: FastAPI's dependency
    solving and per-parameter validation cost about as much CPU as a cached search, and
    with one server process every client waits for them. Anything else (a missing or
    repeated parameter, an unknown one, a value FastAPI would refuse or convert, an error
    from the search) goes on to ``api_search``, which answers as it always did.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET"
                or scope["path"] != "/api/search"):
            await self.app(scope, receive, send)
            return
        response = self._answer(scope)
        if response is None:
            await self.app(scope, receive, send)
            return
        await response(scope, receive, send)

    def _answer(self, scope: Any) -> Response | None:
        from urllib.parse import parse_qsl

        from baogao.web.deps import LibraryPool

        try:  # read as Starlette reads it (bytes as Latin-1, then %-escapes as UTF-8)
            pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"),
                              keep_blank_values=True, strict_parsing=True)
        except ValueError:
            return None
        args = dict(pairs)
        if len(args) != len(pairs) or not args.keys() <= _PARAMS or "q" not in args:
            return None
        numbers: dict[str, int] = {}
        for name, (low, high) in _BOUNDS.items():
            value = args.get(name)
            if value is None:
                continue
            if not (value.isascii() and value.isdigit() and len(value) <= 9):
                return None
            numbers[name] = int(value)
            if not low <= numbers[name] <= high:
                return None
        if args.get("type", "work_report") not in _TYPES or \
                args.get("role", "review") not in _ROLES:
            return None
        limit, offset = numbers.get("limit", 10), numbers.get("offset", 0)
        pool: LibraryPool = scope["app"].state.pool
        lib = pool.acquire()
        try:
            found = search_page(lib, args["q"], region=args.get("region"),
                                year=numbers.get("year"), doc_type=args.get("type"),
                                role=args.get("role"), limit=limit, offset=offset)
        except Exception:  # api_search meets it again, through the app's
            return None  # error handlers (a QueryError answers 400, a StoreError 503 …)
        finally:
            pool.release(lib)
        request = Request(scope)
        return paged(request, [record_json(p) for p in found.passages], found.total, offset,
                     limit)


_PARAMS = frozenset({"q", "region", "year", "type", "role", "limit", "offset"})
#: The integer parameters of ``api_search`` and their bounds.
_BOUNDS = {"year": (0, 999_999_999), "limit": (1, 200), "offset": (0, MAX_OFFSET)}


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
