"""差异: what changed between two reports (``baogao.analyze.diff.diff_documents``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from baogao.analyze.diff import diff_documents
from baogao.web.deps import Lib
from baogao.web.pages import page, params_of

router = APIRouter()


@router.get("/api/diff", summary="Differences between two reports", tags=["diff"])
def api_diff(
    lib: Lib,
    a: Annotated[str, Query(description="Earlier report: id, id prefix or source[#row]")],
    b: Annotated[str, Query(description="Later report: id, id prefix or source[#row]")],
) -> JSONResponse:
    """Targets added, dropped or changed; glossary terms new and gone; topics whose
    attention rose or fell most (per 10,000 characters)."""
    return JSONResponse(diff_documents(lib, a, b).as_dict())


@router.get("/diff", response_class=HTMLResponse, include_in_schema=False)
def diff_page(request: Request, lib: Lib, a: str = "", b: str = "") -> Response:
    """差异: pick two reports and see their changed targets, terms and topics."""
    docs = lib.documents()
    result = diff_documents(lib, a, b) if a and b else None
    return page(request, "diff.html", "/diff", docs=docs, a=a, b=b, result=result,
                params=params_of(request))
