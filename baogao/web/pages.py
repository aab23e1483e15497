"""Server-rendered pages: library, reader, facts, glossary, upload and the API reference.

Each view parses its query, asks the library, and renders a template; text from documents is
only ever output through autoescaping or ``reader.render_blocks`` (which escapes every piece).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from baogao.errors import QueryError
from baogao.extract import load_catalog
from baogao.labels import citation, document_label, indicator_by_name
from baogao.library import Library
from baogao.models import Document, Fact, Section
from baogao.read import READERS
from baogao.store import DocumentFilter
from baogao.store.browse import MAX_PAGE, FactPage, FactQuery, browse_facts
from baogao.store.export import table_bytes
from baogao.web.deps import Config, Lib
from baogao.web.reader import render_blocks, table_groups
from baogao.web.serialize import DOC_TYPES, FACT_COLUMNS, KINDS, LEVELS
from baogao.web.templating import templates

router = APIRouter(include_in_schema=False)

#: Rows on one page of the facts table (the downloads have them all).
FACT_PAGE_ROWS = 100


def params_of(request: Request) -> dict[str, str]:
    """The non-empty query parameters, to refill filter forms."""
    return {k: v for k, v in request.query_params.items() if v}


def page(request: Request, name: str, active: str, status_code: int = 200,
         **context: Any) -> Response:
    """Render ``name`` with the navigation marked at ``active``."""
    return templates.TemplateResponse(request, name, {"active": active, **context},
                                      status_code=status_code)


#: Years a report or a value can be about; anything else in a year field is a typing error.
YEAR_RANGE = (1949, 2100)


class FormError(QueryError):
    """A form field the user got wrong; the message is Chinese and says how to fix it."""


def int_or_none(value: str | None, label: str = "年份") -> int | None:
    """A year field as an int; None when empty; ``FormError`` when it is no plausible year."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    lo, hi = YEAR_RANGE
    if not (text.isascii() and text.isdigit()) or len(text) > 4 or not lo <= int(text) <= hi:
        raise FormError(f"{label}“{text[:20]}”无效：请填写 {lo}–{hi} 之间的四位数年份，"
                        "或留空表示全部年份。")
    return int(text)


def choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    """A select field: None when empty ("all"), else one of ``allowed``."""
    if not value:
        return None
    if value not in allowed:
        raise FormError(f"{name}“{value[:20]}”无效：可选 {'、'.join(allowed)}。")
    return value


def regions_of(lib: Library, names: list[str]) -> tuple[str, ...] | None:
    """The stored regions the region fields denote (each with the regions under it)."""
    names = [n for n in names if n.strip()]
    if not names:
        return None
    return tuple(dict.fromkeys(r for n in names for r in lib.regions(n)))


def region_options(lib: Library) -> list[str]:
    """Every stored region, sorted by division code (provinces, then their cities …)."""
    from baogao.read.regions import code_of

    stored = {d.region for d in lib.documents() if d.region}
    return sorted(stored, key=lambda r: (code_of(r) or "999999", r))


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
    error = None
    try:
        flt = DocumentFilter(year=int_or_none(year), doc_type=choice(doc_type, DOC_TYPES, "类型"),
                             level=choice(level, LEVELS, "层级"), query=q or None)
    except FormError as exc:
        error, flt = str(exc), DocumentFilter(query=q or None)
    docs = lib.documents(flt)
    wanted = regions_of(lib, [region or ""])
    if wanted is not None:
        docs = [d for d in docs if d.region in wanted]
    return page(request, "library.html", "/", docs=docs, params=params_of(request),
                error=error, status_code=400 if error else 200)


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
    # every number with its fact: the catalog facts (listed beside the text) first, so
    # their anchors keep the list's numbering, then the open-vocabulary facts
    numbers = [f for f in lib.facts(doc_id=doc.id, include_open=True) if f.open_vocabulary]
    terms = lib.terms(doc_id=doc.id)
    cited = None
    if quote and at is None and (found := doc.text.find(quote)) >= 0:
        at, end = found, found + len(quote)
    if at is not None:
        stop = end if end is not None and end > at else _paragraph_end(doc.text, at)
        cited = (at, min(stop, len(doc.text)))
    blocks = table_groups(render_blocks(doc, [*facts, *numbers], terms, cited))
    return page(request, "document.html", "/", doc=doc, facts=facts, terms=terms,
                numbers=numbers,
                blocks=blocks, cited=cited, outline=outline_entries(doc),
                label=document_label(doc.title, doc.region, doc.year, doc.doc_type))


def outline_entries(doc: Document) -> list[Section]:
    """The sections shown in the reader's outline.

    A body-less heading that repeats the title of a glossary or appendix section (the line
    "2.名词解释" of an attachment list) is a cross-reference, not a second section.
    """
    named = {s.title for s in doc.sections if s.role in ("glossary", "appendix")}
    return [s for s in doc.sections
            if s.role in ("glossary", "appendix") or s.title not in named
            or s.end - s.heading_end > 20]


def _paragraph_end(text: str, start: int) -> int:
    stop = text.find("\n", start)
    return len(text) if stop < 0 else stop


FACT_SORTS = ("region", "year", "period", "indicator", "kind", "value")


def fact_query(request: Request, lib: Library, *, per_page: int) -> FactQuery:
    """The facts the query string asks for (``FormError`` for a bad field)."""
    p = request.query_params
    indicator = p.get("indicator", "").strip()
    found = indicator_by_name(indicator)
    if indicator and found is None:
        raise FormError(f"没有名为“{indicator[:30]}”的指标：请从“指标”下拉框中选择，"
                        "或输入中文名称（如 地区生产总值增长）。")
    sort = p.get("sort") or "region"
    if sort not in FACT_SORTS:
        raise FormError(f"无法按“{sort[:20]}”排序：可按 {'、'.join(FACT_SORTS)} 排序。")
    page_text = p.get("page") or "1"
    if not (page_text.isascii() and page_text.isdigit()) or not 1 <= int(page_text) <= 100000:
        raise FormError(f"页码“{page_text[:20]}”无效：请填写 1 或更大的整数。")
    return FactQuery(regions=regions_of(lib, p.getlist("region")), indicator=found,
                     kind=choice(p.get("kind"), KINDS, "类别"),
                     period=int_or_none(p.get("period"), "所属年度"),
                     year=int_or_none(p.get("year"), "报告年份"), doc_id=p.get("doc") or None,
                     sort=sort, descending=p.get("desc") == "1",
                     offset=(int(page_text) - 1) * per_page, limit=per_page)


@router.get("/facts", response_class=HTMLResponse)
def facts_page(request: Request, lib: Lib) -> Response:
    """指标: filters, sortable columns, pages with totals, facet counts, downloads."""
    error = None
    try:
        q = fact_query(request, lib, per_page=FACT_PAGE_ROWS)
        result = browse_facts(lib.store, q)
    except FormError as exc:  # show the form as typed, with the reason, and no rows
        error, q = str(exc), FactQuery(limit=FACT_PAGE_ROWS)
        result = FactPage(0, 0, FACT_PAGE_ROWS, [], {})
    docs = {d.id: d for d in lib.documents()}
    base = str(request.base_url).rstrip("/")
    rows = [(f, fact_citation(f, docs.get(f.doc_id), base)) for f in result.facts]
    catalog = load_catalog()
    return page(request, "facts.html", "/facts", result=result, rows=rows, docs=docs,
                catalog=catalog, regions=region_options(lib), query_obj=q,
                selected_regions=request.query_params.getlist("region"),
                params=params_of(request), multi=multi_params(request), error=error,
                status_code=400 if error else 200)


def fact_citation(fact: Fact, doc: Document | None, base: str) -> str:
    """The "cite this" text of a fact, with its permalink."""
    label = document_label(doc.title if doc else None, fact.region, fact.year,
                           doc.doc_type if doc else None)
    label = (f"{fact.region}《{label}》" if fact.region and fact.region not in label
             else f"《{label}》")
    return citation(label=label, name=fact.name, text=fact.text, period=fact.period,
                    kind=fact.kind, evidence=fact.evidence, source=fact.source, row=fact.row,
                    start=fact.start, end=fact.end, url=base + fact_permalink(fact))


def fact_permalink(fact: Fact) -> str:
    """The reader's URL with the fact's sentence cited."""
    return f"/documents/{fact.doc_id}?at={fact.start}&end={fact.end}#cited"


def multi_params(request: Request) -> list[tuple[str, str]]:
    """Every non-empty query parameter, repeated ones included (for links that keep them)."""
    return [(k, v) for k, v in request.query_params.multi_items() if v]


@router.get("/facts/download.{fmt}")
def facts_download(request: Request, lib: Lib, fmt: str) -> Response:
    """The facts of the current filters (every page) as CSV, XLSX or Stata."""
    if fmt not in ("csv", "xlsx", "dta"):
        raise FormError(f"不支持的下载格式“{fmt[:10]}”：可下载 csv、xlsx 或 dta。")
    q = fact_query(request, lib, per_page=1)
    facts: list[Fact] = []
    offset = 0
    while True:
        chunk = browse_facts(lib.store, replace(q, offset=offset, limit=MAX_PAGE)).facts
        facts += chunk
        offset += MAX_PAGE
        if len(chunk) < MAX_PAGE:
            break
    data = table_bytes([f.contract() for f in facts], FACT_COLUMNS, fmt)
    media = {"csv": "text/csv; charset=utf-8",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "dta": "application/x-stata-dta"}[fmt]
    return Response(data, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="facts.{fmt}"'})


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
