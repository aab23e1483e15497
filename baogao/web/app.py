"""The app factory: ``create_app(db_path, write_token=None) -> FastAPI``.

    app = create_app("reports.db")                 # read-only explorer and API
    app = create_app("reports.db", write_token=t)  # uploads and deletes with the token

Errors leave as ``{"error": message}`` (an HTML page for browsers on non-API paths), never a
traceback: ``NotFound`` → 404, ``UnsupportedFormat`` → 415, other ``InputError`` → 422,
``QueryError`` and other ``BaogaoError`` → 400, ``StoreError`` → 503, anything else → 500.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from baogao.ask.llm import LlmSettings
from baogao.errors import (
    BaogaoError,
    InputError,
    NotFound,
    QueryError,
    StoreError,
    UnsupportedFormat,
)
from baogao.library import Library
from baogao.web.deps import LibraryPool, WebConfig, WebError
from baogao.web.guard import NumberGuard, SecurityHeaders, WriteGuard
from baogao.web.options import DB_ENV, TOKEN_ENV
from baogao.web.templating import templates

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"

API_DESCRIPTION = """\
The REST API of a baogao library of Chinese government work reports.

All responses are JSON (facts also as CSV with `?format=csv`). Errors are
`{"error": "message"}`. Writes (`POST`/`DELETE`) need `Authorization: Bearer <token>`
and answer 401/403 without it; the server is read-only unless started with a write token.
"""


def create_app(
    db_path: str | Path,
    write_token: str | None = None,
    *,
    llm: LlmSettings | None = None,
    llm_transport: httpx.BaseTransport | None = None,
) -> FastAPI:
    """The web explorer and REST API over the library at ``db_path``.

    The library is created (or migrated) on start; reads use pooled connections, writes
    (upload, delete) need ``write_token`` as a bearer token. ``ask`` uses ``llm`` (default:
    ``LlmSettings.from_env()``, i.e. ``BAOGAO_LLM_URL``) for questions that the facts and the
    glossary do not answer; ``llm_transport`` replaces the network in tests.
    """
    config = WebConfig(db_path=str(db_path), write_token=write_token or None,
                       llm=llm if llm is not None else LlmSettings.from_env(),
                       llm_transport=llm_transport)
    prepare_library(config.db_path)  # create or migrate the schema before serving
    pool = LibraryPool(config.db_path)
    warm_up(pool)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="baogao 报告",
        description=API_DESCRIPTION,
        version=_version(),
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; /api/docs is served locally
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.pool = pool
    shortcut = _search_shortcut()
    if shortcut is not None:  # innermost: inside the guards, before FastAPI's routing
        app.add_middleware(shortcut)
    app.add_middleware(WriteGuard, config=config)
    app.add_middleware(NumberGuard)
    app.add_middleware(SecurityHeaders)
    _add_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from baogao.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    for router in _analysis_routers():
        app.include_router(router)
    return app


def prepare_library(db_path: str | Path) -> None:
    """Create or migrate the library's schema and bring its search index up to date:
    ``create_app`` does it before serving; ``baogao serve --workers N`` once, in a child
    process, before starting the workers."""
    with Library(str(db_path)) as lib:
        _prepare_index(lib)


def prepare_main() -> None:
    """``python -c 'from baogao.web.app import prepare_main; prepare_main()' DB``: run
    ``prepare_library``; a library error is one line on stderr and exit status 1."""
    import sys

    try:
        prepare_library(sys.argv[1])
    except BaogaoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)


def app_from_env() -> FastAPI:
    """``create_app`` over the library named by ``$BAOGAO_SERVE_DB`` (token in
    ``$BAOGAO_SERVE_TOKEN``): the factory uvicorn calls in each worker process."""
    import os

    app = create_app(os.environ[DB_ENV], write_token=os.environ.get(TOKEN_ENV) or None)
    settle()
    return app


def settle() -> None:
    """Exempt what start-up made (modules, the app, the warmed caches: some 70,000 objects)
    from Python's cyclic garbage collector in a server process: an occasional full
    collection walked them all, 20–80 ms during which a request waited. Objects made while
    serving are collected as before."""
    import gc

    gc.collect()
    gc.freeze()


def _prepare_index(lib: Library) -> None:
    """Bring the search index up to date (every worker then only opens it)."""
    try:
        from baogao.ask.index import sync_index
    except ModuleNotFoundError:  # pragma: no cover - search not installed
        return
    sync_index(lib.store)


def warm_up(pool: LibraryPool) -> None:
    """Load, before the first request, what every search of this process needs: the word
    segmenter, the glossary index, the tantivy reader and a pooled connection (a second of
    CPU in all, otherwise paid by the first request of each worker). Results and decoded
    passages of the warm-up query are dropped again: it answers nobody's question early."""
    try:
        from baogao.ask.search import forget_results, search
    except ModuleNotFoundError:  # pragma: no cover - search not installed
        return
    lib = pool.acquire()
    try:
        search(lib, "就业", limit=1)
    except Exception as exc:  # a warm-up never stops the server; the requests will say why
        log.info("search not warmed up: %s", exc)
    finally:
        pool.release(lib)
        forget_results()


def _search_shortcut() -> Any:
    """``views.search.SearchShortcut`` when search is installed, else None."""
    try:
        from baogao.web.views.search import SearchShortcut
    except ModuleNotFoundError:  # pragma: no cover - search not installed
        return None
    return SearchShortcut


def _analysis_routers() -> list[Any]:
    """Routers of the analysis stages whose library modules are installed."""
    from baogao.web import views
    from baogao.web.templating import set_available

    set_available(views.available())
    return views.routers()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("baogao")
    except PackageNotFoundError:
        return "0"


def status_of(exc: BaogaoError) -> int:
    """The HTTP status of a library error."""
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, UnsupportedFormat):
        return 415
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, StoreError):
        return 503
    if isinstance(exc, QueryError):
        return 400
    return 400


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get(
        "accept", "")


#: What a person reading the explorer is told, by HTTP status (the API keeps its messages).
CHINESE_ERRORS = {
    400: "请求有误", 401: "需要写入令牌", 403: "没有权限", 404: "找不到页面或报告",
    413: "文件太大", 415: "不支持的文件格式", 422: "填写的内容有误", 503: "文库暂时不可用",
    500: "服务器出错了",
}


def error_response(request: Request, status: int, message: str,
                   headers: Mapping[str, str] | None = None, *,
                   chinese: str | None = None) -> Response:
    """``{"error": message}``, or the error page (in Chinese) for a browser on a page path."""
    if _wants_html(request):
        from baogao.web.pages import params_of

        return templates.TemplateResponse(
            request, "error.html",
            {"status": status, "heading": CHINESE_ERRORS.get(status, "出错了"),
             "message": chinese or message, "detail": message if chinese else None,
             "path": request.url.path, "params": params_of(request)},
            status_code=status, headers=dict(headers or {}))
    return JSONResponse({"error": message}, status_code=status, headers=dict(headers or {}))


def chinese_message(exc: BaogaoError) -> str | None:
    """A Chinese sentence for a library error shown on a page (None: no better words)."""
    from baogao.web.pages import FormError

    if isinstance(exc, FormError):
        return str(exc)
    if isinstance(exc, NotFound):
        return "文库里没有这份报告或这条记录。它可能已被删除，或链接不完整；请从文库重新查找。"
    if isinstance(exc, QueryError):
        return "查询条件无法处理：" + str(exc)
    if isinstance(exc, StoreError):
        return "文库文件暂时无法读取，请稍后再试。"
    return None


def _add_error_handlers(app: FastAPI) -> None:
    async def on_baogao(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BaogaoError)
        return error_response(request, status_of(exc), str(exc),
                              chinese=chinese_message(exc))

    async def on_web(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        return error_response(request, exc.status, exc.message, exc.headers)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        chinese = None
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}"
            chinese = f"没有这个页面：{request.url.path}。请从上方导航进入各栏目。"
        return error_response(request, exc.status_code, message, exc.headers, chinese=chinese)

    async def on_invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = []
        fields = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path",
                                                                              "body"))
            problems.append(f"{where}: {err.get('msg', 'invalid')}" if where else
                            str(err.get("msg", "invalid")))
            fields.append(where)
        chinese = ("参数" + "、".join(f"“{f}”" for f in fields if f) + "的值无效，请修改后重试。"
                   if any(fields) else "请求的参数无效，请修改后重试。")
        return error_response(request, 422, "; ".join(problems) or "invalid request",
                              chinese=chinese)

    async def on_overflow(request: Request, exc: Exception) -> Response:
        # A number too large for SQLite's 64-bit integers (year=99999999999999999999).
        return error_response(request, 400, "a number in the request is out of range")

    async def on_crash(request: Request, exc: Exception) -> Response:
        if isinstance(exc, OverflowError):  # a number too large for SQLite (year=10**30)
            return error_response(request, 400, f"number out of range: {exc}",
                                  chinese="填写的数字太大，超出了可处理的范围；请检查年份等数字。")
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal server error; the server log has details",
                              chinese="服务器内部出错了。请稍后重试；若一再出现，请把网址告诉管理员。")

    app.add_exception_handler(BaogaoError, on_baogao)
    app.add_exception_handler(WebError, on_web)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(OverflowError, on_overflow)
    app.add_exception_handler(Exception, on_crash)


__all__ = ["DB_ENV", "TOKEN_ENV", "create_app", "error_response", "status_of"]
