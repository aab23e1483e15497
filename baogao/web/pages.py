"""Server-rendered pages: library, reader, facts, glossary, upload and the API reference.

Each view parses its query, asks the library, and renders a template; text from documents is
only ever output through autoescaping or ``reader.render_blocks`` (which escapes every piece).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from baogao.errors import QueryError
from baogao.read import READERS
from baogao.store import DocumentFilter
from baogao.web.deps import Config, Lib
from baogao.web.reader import render_blocks
from baogao.web.serialize import DOC_TYPES, KINDS, LEVELS
from baogao.web.templating import templates

router = APIRouter(include_in_schema=False)

#: Rows shown in the facts table (the CSV download has them all).
FACT_PAGE_ROWS = 500


def params_of(request: Request) -> dict[str, str]:
    """The non-empty query parameters, to refill filter forms."""
    return {k: v for k, v in request.query_params.items() if v}


def page(request: Request, name: str, active: str, **context: Any) -> Response:
    """Render ``name`` with the navigation marked at ``active``."""
    return templates.TemplateResponse(request, name, {"active": active, **context})


def int_or_none(value: str | None) -> int | None:
    """A form field as an int; None when empty or not a number (ASCII digits, at most 9)."""
    text = (value or "").strip()
    digits = text[1:] if text.startswith("-") else text
    return int(text) if digits.isascii() and digits.isdigit() and len(digits) <= 9 else None


def choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    """A select field: None when empty ("all"), else one of ``allowed``."""
    if not value:
        return None
    if value not in allowed:
        raise QueryError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value


@router.get("/", response_class=HTMLResponse)
def library_page(
    request: Request, lib: Lib,
    region: str | None = None,
    year: Annotated[str | None, Query()] = None,
    doc_type: Annotated[str | None, Query(alias="type")] = None,
    level: str | None = None,
    q: str | None = None,
) -> Response:
    """文库: every report, filtered by region, year, type, level or words."""
    docs = lib.documents(DocumentFilter(region=region or None, year=int_or_none(year),
                                        doc_type=choice(doc_type, DOC_TYPES, "type"),
                                        level=choice(level, LEVELS, "level"),
                                        query=q or None))
    return page(request, "library.html", "/", docs=docs, params=params_of(request))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request, doc_id: str, lib: Lib,
    at: Annotated[int | None, Query(ge=0, description="Start of the cited passage")] = None,
    end: Annotated[int | None, Query(ge=0, description="End of the cited passage")] = None,
    quote: Annotated[str | None, Query(max_length=2000,
                                       description="Words to find and cite")] = None,
) -> Response:
    """报告: the text with its outline, facts marked in place and glossary terms linked."""
    doc = lib.document(doc_id)
    facts = lib.facts(doc_id=doc.id)
    terms = lib.terms(doc_id=doc.id)
    cited = None
    if quote and at is None and (found := doc.text.find(quote)) >= 0:
        at, end = found, found + len(quote)
    if at is not None:
        stop = end if end is not None and end > at else _paragraph_end(doc.text, at)
        cited = (at, min(stop, len(doc.text)))
    blocks = render_blocks(doc, facts, terms, cited)
    return page(request, "document.html", "/", doc=doc, facts=facts, terms=terms,
                blocks=blocks, cited=cited)


def _paragraph_end(text: str, start: int) -> int:
    stop = text.find("\n", start)
    return len(text) if stop < 0 else stop


@router.get("/facts", response_class=HTMLResponse)
def facts_page(
    request: Request, lib: Lib,
    region: str | None = None,
    indicator: str | None = None,
    kind: str | None = None,
    period: str | None = None,
    year: str | None = None,
    doc: str | None = None,
) -> Response:
    """指标: the facts table with filters and a CSV download."""
    facts = lib.facts(region=region or None, indicator=indicator or None,
                      kind=choice(kind, KINDS, "kind"),
                      period=int_or_none(period), year=int_or_none(year), doc_id=doc or None,
                      limit=FACT_PAGE_ROWS + 1)
    indicators = sorted({f.indicator for f in facts if f.indicator})
    return page(request, "facts.html", "/facts", facts=facts[:FACT_PAGE_ROWS],
                truncated=len(facts) > FACT_PAGE_ROWS, indicators=indicators,
                params=params_of(request))


@router.get("/glossary", response_class=HTMLResponse)
def glossary_page(request: Request, lib: Lib, q: str | None = None) -> Response:
    """名词: glossary terms of every report, with a link to where each is defined."""
    terms = lib.terms(term=q or None)
    docs = {d.id: d for d in lib.documents()}
    return page(request, "glossary.html", "/glossary", terms=terms, docs=docs,
                params=params_of(request))


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, config: Config) -> Response:
    """上传: a form that posts reports to ``POST /api/documents`` with the write token."""
    return page(request, "upload.html", "/upload", writable=config.writable,
                formats=sorted(READERS), max_mb=config.max_upload_bytes // (1024 * 1024),
                base_url=str(request.base_url))


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs_page(request: Request) -> Response:
    """A readable reference of the REST API, rendered from its OpenAPI description."""
    return page(request, "api_docs.html", "/api/docs", spec=request.app.openapi(),
                base_url=str(request.base_url))
