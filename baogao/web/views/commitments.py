"""承诺追踪: a government's commitments of a year against what its next report says."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from baogao.analyze.commitment_rows import (
    COMMITMENT_COLUMNS,
    VERDICT_LABELS,
    VERDICTS,
    commitment_row_dict,
)
from baogao.store.export import write_table
from baogao.web.api import DEFAULT_PAGE, MAX_OFFSET, MAX_PAGE, paged
from baogao.web.deps import Lib
from baogao.web.pages import choice, int_or_none, page, params_of
from baogao.web.serialize import csv_download

router = APIRouter()

CommitmentVerdictParam = Literal["met", "partly", "missed", "done", "unreported"]
ORIGINS = ("target", "list_item")
#: Rows per page of the 承诺追踪 page.
PAGE_ROWS = 100


def _xlsx(rows: list[dict[str, object]]) -> Response:
    with tempfile.TemporaryDirectory() as tmp:
        out = write_table(rows, COMMITMENT_COLUMNS, Path(tmp) / "commitments.xlsx", "xlsx")
        body = out.read_bytes()
    return Response(body, media_type="application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet",
                    headers={"Content-Disposition": 'attachment; filename="commitments.xlsx"'})


@router.get("/api/commitments", summary="Commitments against results", tags=["track"],
            responses={200: {"content": {"text/csv": {}}}})
def api_commitments(
    request: Request,
    lib: Lib,
    region: Annotated[str | None, Query(description="Region in any form (西城, 北京市西城区)")
                      ] = None,
    period: Annotated[int | None, Query(description="Year of the commitment", ge=1949,
                                        le=2100)] = None,
    verdict: CommitmentVerdictParam | None = None,
    limit: Annotated[int | None, Query(ge=1, le=MAX_PAGE, description=(
        f"Rows per page (JSON: default {DEFAULT_PAGE}; CSV and XLSX: all)"))] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    fmt: Annotated[Literal["json", "csv", "xlsx"], Query(alias="format")] = "json",
) -> Response:
    """Every commitment (plan targets and 民生实事 items) of year N with what the report of
    year N+1 says: verdict met, partly, missed, done or unreported, a Chinese reason and both
    quotes. JSON comes one page at a time: ``X-Total-Count`` gives the number matching,
    ``X-Verdict-Counts`` the count of each verdict over the whole selection (region and
    period, whatever ``verdict`` keeps), ``Link`` the next and previous pages."""
    if fmt == "json" and limit is None:
        limit = DEFAULT_PAGE
    found = lib.commitment_page(region, period=period, verdict=verdict, order="verdict",
                                limit=limit, offset=offset)
    counts = found.counts
    rows = [commitment_row_dict(r) for r in found.rows]
    if fmt == "csv":
        return csv_download(rows, COMMITMENT_COLUMNS, "commitments")
    if fmt == "xlsx":
        return _xlsx(rows)
    assert limit is not None
    response = paged(request, rows, found.total, offset, limit)
    response.headers["X-Verdict-Counts"] = ", ".join(f"{k}={v}" for k, v in counts.items())
    return response


@router.get("/commitments", response_class=HTMLResponse, include_in_schema=False)
def commitments_page(
    request: Request, lib: Lib,
    region: str | None = None,
    period: str | None = None,
    verdict: str | None = None,
    origin: str | None = None,
    q: str | None = None,
    page_no: Annotated[str | None, Query(alias="page")] = None,
) -> Response:
    """承诺追踪: commitments with verdict badges, counts for the current filter and links
    to both passages, ``PAGE_ROWS`` rows a page."""
    wanted = choice(verdict, VERDICTS, "verdict")
    kind = choice(origin, ORIGINS, "origin")
    number = int(page_no) if page_no and page_no.isascii() and page_no.isdigit() else 1
    query = {"period": int_or_none(period), "verdict": wanted, "origin": kind,
             "q": q or None, "order": "verdict"}
    found = lib.commitment_page(region or None, **query,  # type: ignore[arg-type]
                                limit=PAGE_ROWS, offset=(max(1, number) - 1) * PAGE_ROWS)
    pages = max(1, (found.total + PAGE_ROWS - 1) // PAGE_ROWS)
    if number > pages:  # past the end: the last page
        number = pages
        found = lib.commitment_page(region or None, **query,  # type: ignore[arg-type]
                                    limit=PAGE_ROWS, offset=(number - 1) * PAGE_ROWS)
    number = min(max(1, number), pages)
    first = (number - 1) * PAGE_ROWS
    return page(request, "commitments.html", "/commitments",
                rows=found.rows, counts=found.counts, total=found.total,
                first=first + 1, page_no=number, pages=pages, labels=VERDICT_LABELS,
                verdicts=VERDICTS, params=params_of(request))
