"""目标追踪: targets against the results reported later (``baogao.analyze.track.track``)."""

from __future__ import annotations

from typing import Annotated, Literal, cast

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from baogao.analyze.track import TRACK_COLUMNS, summarize, track_row_dict, track_within
from baogao.models import Verdict
from baogao.web.deps import Lib
from baogao.web.pages import choice, int_or_none, page, params_of
from baogao.web.serialize import VERDICTS, csv_download

router = APIRouter()

VerdictParam = Literal["met", "missed", "partly", "unverifiable"]


@router.get("/api/track", summary="Targets against results", tags=["track"],
            responses={200: {"content": {"text/csv": {}}}})
def api_track(
    lib: Lib,
    region: Annotated[str | None, Query(description="Region in any form (西城, 北京市西城区)")
                      ] = None,
    indicator: Annotated[str | None, Query(description="Catalog id")] = None,
    period: Annotated[int | None, Query(description="Year the target is about")] = None,
    verdict: VerdictParam | None = None,
    fmt: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> Response:
    """Every target with the result reported later, both quotes, and a verdict
    (met, missed, partly, unverifiable) with its reason."""
    rows = [track_row_dict(r) for r in track_within(lib, region, indicator=indicator,
                                                     period=period, verdict=verdict)]
    if fmt == "csv":
        return csv_download(rows, TRACK_COLUMNS, "track")
    return JSONResponse(rows)


@router.get("/track", response_class=HTMLResponse, include_in_schema=False)
def track_page(
    request: Request, lib: Lib,
    region: str | None = None,
    indicator: str | None = None,
    period: str | None = None,
    verdict: str | None = None,
) -> Response:
    """目标追踪: a table of targets, results, verdict badges and both quotes."""
    wanted = cast(Verdict | None, choice(verdict, VERDICTS, "verdict"))
    rows = track_within(lib, region or None, indicator=indicator or None,
                        period=int_or_none(period))
    counts = summarize(rows)  # counts of the current filter, whatever verdict is shown
    shown = sorted((r for r in rows if wanted is None or r.verdict == wanted),
                   key=lambda r: r.verdict == "unverifiable")  # verifiable rows first
    return page(request, "track.html", "/track", rows=shown, counts=counts,
                params=params_of(request))


