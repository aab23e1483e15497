"""对比: one indicator across regions or over the years (``baogao.analyze.compare.compare``)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from baogao.analyze.charts import compare_chart
from baogao.analyze.compare import COMPARE_COLUMNS, compare, indicator_label
from baogao.extract import load_catalog
from baogao.store import DocumentFilter
from baogao.web.deps import Lib
from baogao.web.pages import int_or_none, page, params_of
from baogao.web.serialize import csv_download

router = APIRouter()

CompareKindParam = Literal["target", "actual"]
KIND_WORDS = {"target": "目标", "actual": "实际"}


def chart_title(indicator: str, kind: str, period: int | None, region: str | None) -> str:
    """The chart's title: 2026年 地区生产总值增长（%）目标."""
    where = f"{region} " if region else ""
    when = f"{period}年 " if period else ""
    return f"{where}{when}{indicator_label(indicator)}{KIND_WORDS.get(kind, '')}"


@router.get("/api/compare", summary="Compare an indicator across regions or years",
            tags=["compare"],
            responses={200: {"content": {"text/csv": {}, "image/svg+xml": {}}}})
def api_compare(
    lib: Lib,
    indicator: Annotated[str, Query(description="Catalog id, e.g. gdp_growth")],
    kind: CompareKindParam = "target",
    period: Annotated[int | None, Query(description="Regions side by side for this year")
                      ] = None,
    region: Annotated[str | None, Query(description="One region's series over the years")
                      ] = None,
    fmt: Annotated[Literal["json", "csv", "svg"], Query(alias="format")] = "json",
) -> Response:
    """One row per region (``period``) or per year (``region``), each citing its sentence;
    ``format=svg`` draws the chart."""
    rows = compare(lib, indicator, kind=kind, period=period, region=region)
    if fmt == "svg":
        entry = load_catalog().get(indicator)
        svg = compare_chart(rows, title=chart_title(indicator, kind, period, region),
                            unit=entry.unit if entry else "")
        return Response(svg, media_type="image/svg+xml; charset=utf-8")
    dicts = [r.as_dict() for r in rows]
    if fmt == "csv":
        return csv_download(dicts, COMPARE_COLUMNS, "compare")
    return JSONResponse(dicts)


@router.get("/compare", response_class=HTMLResponse, include_in_schema=False)
def compare_page(
    request: Request, lib: Lib,
    indicator: str = "gdp_growth",
    kind: CompareKindParam = "target",
    period: str | None = None,
    region: str | None = None,
) -> Response:
    """对比: a chart and a table of one indicator across regions or over the years."""
    year = int_or_none(period)
    if year is None and not region:  # first visit: the latest year of the library
        latest = lib.documents(DocumentFilter(limit=1))
        year = latest[0].year if latest else None
    rows = compare(lib, indicator, kind=kind, period=year, region=region or None) if (
        year is not None or region) else []
    chart_query = {"indicator": indicator, "kind": kind, "period": year, "region": region,
                   "format": "svg"}
    return page(request, "compare.html", "/compare", rows=rows, catalog=load_catalog(),
                indicator=indicator, kind=kind, period=year, region=region or "",
                title=chart_title(indicator, kind, year, region or None),
                chart_query=chart_query, params=params_of(request))
