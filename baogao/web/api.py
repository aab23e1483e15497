"""The JSON API over the library: documents, facts, glossary terms, upload and delete."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from baogao.errors import UnsupportedFormat
from baogao.library import IngestReport, Parsed
from baogao.read import READERS
from baogao.store import DocumentFilter
from baogao.web.deps import Config, Lib, WebConfig, WebError, open_writer
from baogao.web.serialize import (
    FACT_COLUMNS,
    csv_download,
    document_detail,
    document_summary,
    fact_json,
    term_json,
)

router = APIRouter(prefix="/api")

DocType = Literal["work_report", "plan_report", "budget_report", "public_report",
                  "npc_resolution", "other"]
LevelParam = Literal["national", "province", "city", "district"]
KindParam = Literal["actual", "target"]
MAX_FILES = 20
#: Rows per page of the list endpoints, unless ``limit`` asks otherwise (at most MAX_PAGE).
DEFAULT_PAGE = 100
MAX_PAGE = 1000
MAX_OFFSET = 2**31 - 1  # SQLite takes 64-bit offsets; larger numbers are refused (422)
DEFAULT_FACTS = 1000


def paged(request: Request, rows: list[Any], total: int, offset: int, limit: int
          ) -> JSONResponse:
    """One page of a list as a JSON array; ``X-Total-Count`` holds the number of matches and
    ``Link`` the next and previous pages (RFC 8288)."""
    links = []
    if offset + len(rows) < total:
        links.append(f'<{request.url.include_query_params(offset=offset + limit)}>; rel="next"')
    if offset > 0:
        prev = request.url.include_query_params(offset=max(0, offset - limit))
        links.append(f'<{prev}>; rel="prev"')
    headers = {"X-Total-Count": str(total)}
    if links:
        headers["Link"] = ", ".join(links)
    return JSONResponse(rows, headers=headers)

UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object",
            "required": ["file"],
            "properties": {"file": {
                "type": "array", "items": {"type": "string", "format": "binary"},
                "description": "One or more reports (" + ", ".join(sorted(READERS)) + ")",
            }},
        }}},
    }
}


@router.get("", summary="Library status")
async def status(lib: Lib, config: Config) -> JSONResponse:
    """Number of stored documents and whether this server accepts writes."""
    return JSONResponse({"documents": lib.store.count(), "writable": config.writable,
                         "formats": sorted(READERS),
                         "max_upload_bytes": config.max_upload_bytes})


@router.get("/documents", summary="List documents")
def list_documents(
    request: Request,
    lib: Lib,
    region: Annotated[str | None, Query(description="Region, full or short (西城区)")] = None,
    year: Annotated[int | None, Query(description="Year the report was delivered")] = None,
    doc_type: Annotated[DocType | None, Query(alias="type")] = None,
    level: LevelParam | None = None,
    q: Annotated[str | None, Query(description="Words in title, region or source")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> JSONResponse:
    """Stored documents (metadata, no text), newest first, one page at a time: the
    ``X-Total-Count`` header gives the number matching, ``Link`` the next page."""
    flt = DocumentFilter(region=region, year=year, doc_type=doc_type, level=level, query=q,
                         limit=limit, offset=offset, sections=False)
    docs = lib.documents(flt)
    total = lib.store.count_documents(flt)
    return paged(request, [document_summary(d) for d in docs], total, offset, limit)


@router.get("/documents/{doc_id}", summary="One document with its outline")
def get_document(
    doc_id: str, lib: Lib,
    text: Annotated[bool, Query(description="Include the normalized text")] = True,
) -> JSONResponse:
    """A document's metadata, outline (sections with offsets and roles) and text."""
    return JSONResponse(document_detail(lib.document(doc_id), with_text=text))


@router.get("/facts", summary="Facts (indicator values and targets)",
            responses={200: {"content": {"text/csv": {}}}})
def list_facts(
    request: Request,
    lib: Lib,
    region: str | None = None,
    indicator: Annotated[str | None, Query(description="Catalog id, e.g. gdp_growth")] = None,
    kind: KindParam | None = None,
    period: Annotated[int | None, Query(description="Year the value is about")] = None,
    year: Annotated[int | None, Query(description="Year of the report")] = None,
    doc: Annotated[str | None, Query(description="Document id")] = None,
    limit: Annotated[int | None, Query(ge=1, le=1_000_000, description=(
        f"Facts per page (JSON: default {DEFAULT_FACTS}; CSV: all)"))] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    fmt: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> Response:
    """Facts in the facts contract, as a JSON array (one page; ``X-Total-Count`` and
    ``Link`` headers) or (``?format=csv``) a CSV download of every match."""
    filters: dict[str, Any] = {"region": region, "indicator": indicator, "kind": kind,
                               "period": period, "year": year, "doc_id": doc}
    if fmt == "json" and limit is None:
        limit = DEFAULT_FACTS
    facts = lib.store.facts(**filters, limit=limit, offset=offset)
    rows = [fact_json(f) for f in facts]
    if fmt == "csv":
        return csv_download(rows, FACT_COLUMNS, "facts")
    assert limit is not None
    return paged(request, rows, lib.store.count_facts(**filters), offset, limit)


@router.get("/terms", summary="Glossary terms (名词解释)")
def list_terms(
    request: Request,
    lib: Lib,
    doc: Annotated[str | None, Query(description="Document id")] = None,
    q: Annotated[str | None, Query(description="Words in the term or its definition")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> JSONResponse:
    """Glossary entries with their definitions and where each report uses them (one page;
    ``X-Total-Count`` and ``Link`` headers)."""
    terms = lib.terms(doc_id=doc, term=q)
    return paged(request, [term_json(t) for t in terms[offset:offset + limit]], len(terms),
                 offset, limit)


@router.post("/documents", summary="Upload reports (needs the write token)", status_code=201,
             openapi_extra=UPLOAD_BODY)
async def upload_documents(request: Request, config: Config) -> JSONResponse:
    """Ingest uploaded files (form field ``file``, repeatable); answers what was added."""
    config.check_write(request.headers.get("authorization"))
    form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES + 5)
    files = [f for f in form.getlist("file") if isinstance(f, UploadFile)]
    if not files:
        raise WebError(400, "send the report as the multipart form field 'file'")
    with tempfile.TemporaryDirectory(prefix="baogao-upload-") as tmp:
        folder = Path(tmp) / "uploads"
        folder.mkdir()
        total = 0
        for upload in files:
            name = safe_filename(upload.filename or "")
            data = await upload.read()
            total += len(data)
            if total > config.max_upload_bytes:
                raise WebError(413, f"the upload is larger than "
                               f"{config.max_upload_bytes // (1024 * 1024)} MB")
            (folder / name).write_bytes(data)
        report, ids = await run_in_threadpool(ingest_folder, config, folder)
    body = {"files": report.files, "documents": report.documents, "added": report.added,
            "unchanged": report.unchanged, "facts": report.facts, "terms": report.terms,
            "ids": ids, "errors": report.errors}
    if not ids:
        body["error"] = "; ".join(report.errors) or "no document found in the upload"
        return JSONResponse(body, status_code=422)
    return JSONResponse(body, status_code=201)


@router.delete("/documents/{doc_id}", summary="Delete a document (needs the write token)")
def delete_document(doc_id: str, request: Request, config: Config) -> JSONResponse:
    """Remove a document with its facts, terms and index entries."""
    config.check_write(request.headers.get("authorization"))
    with config.write_lock, open_writer(config) as lib:
        doc = lib.document(doc_id)
        lib.delete(doc.id)
    return JSONResponse({"deleted": doc.id, "source": doc.source})


def safe_filename(name: str) -> str:
    """The base name of an uploaded file, stripped of paths and control characters.

    Raises ``UnsupportedFormat`` unless its suffix has a registered reader.
    """
    base = re.sub(r"[\x00-\x1f/\\:]+", "_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    base = base.lstrip(".") or "upload"
    suffix = Path(base).suffix.lower()
    if suffix not in READERS:
        raise UnsupportedFormat(base, f"unsupported file type {suffix or '(none)'!r}; "
                                f"upload one of {', '.join(sorted(READERS))}")
    return base[-120:] if len(base) > 120 else base


def ingest_folder(config: WebConfig, folder: Path) -> tuple[IngestReport, list[str]]:
    """Ingest every file of ``folder``; the ids of the documents found (new or known)."""
    ids: list[str] = []

    def on_file(parsed: Parsed) -> None:
        ids.extend(parsed.doc_ids)

    with config.write_lock, open_writer(config) as lib:
        report = lib.ingest([folder], on_file=on_file)
    return report, ids
