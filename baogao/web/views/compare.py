"""对比: one indicator across regions or over the years (``baogao.analyze.compare.compare``)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from baogao.analyze.charts import compare_chart, tile_grid
from baogao.analyze.compare import COMPARE_COLUMNS, CompareRow, compare, indicator_label
from baogao.extract import load_catalog
from baogao.labels import indicator_by_name
from baogao.library import Library
from baogao.store import DocumentFilter
from baogao.web.deps import Lib
from baogao.web.pages import FormError, int_or_none, page, params_of
from baogao.web.serialize import csv_download, file_download

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
    fmt: Annotated[Literal["json", "csv", "xlsx", "dta", "svg", "tiles"],
                   Query(alias="format")] = "json",
    width: Annotated[int, Query(ge=320, le=1600, description="Chart width in pixels")] = 760,
) -> Response:
    """One row per region (``period``) or per year (``region``), each citing its sentence;
    ``format=svg`` draws the chart, ``format=tiles`` a province tile-grid map (with
    ``period``). A region includes the regions under it (北京 → its districts)."""
    indicator = indicator_by_name(indicator) or indicator
    rows = compare_rows(lib, indicator, kind, period, region)
    entry = load_catalog().get(indicator)
    unit = entry.unit if entry else ""
    if fmt == "svg":
        svg = compare_chart(rows, title=chart_title(indicator, kind, period, region),
                            unit=unit, width=width)
        return Response(svg, media_type="image/svg+xml; charset=utf-8")
    if fmt == "tiles":
        values = {r.region: (r.value, r.text) for r in rows
                  if r.value is not None and r.level == "province"}
        svg = tile_grid(values, title=chart_title(indicator, kind, period, None), unit=unit)
        return Response(svg, media_type="image/svg+xml; charset=utf-8")
    dicts = [r.as_dict() for r in rows]
    if fmt == "csv":
        return csv_download(dicts, COMPARE_COLUMNS, "compare")
    if fmt in ("xlsx", "dta"):
        return file_download(dicts, COMPARE_COLUMNS, "compare", fmt)
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
    error = None
    try:
        year = int_or_none(period, "年度")
    except FormError as exc:
        error, year = str(exc), None
    found = indicator_by_name(indicator)
    if found is None:
        error = error or (f"没有名为“{indicator[:30]}”的指标：请从下拉框中选择。")
        found = "gdp_growth"
    indicator = found
    if year is None and not region and not error:  # first visit: the library's latest year
        latest = lib.documents(DocumentFilter(limit=1))
        year = latest[0].year if latest else None
    rows = compare_rows(lib, indicator, kind, year, region or None) if (
        year is not None or region) else []
    chart_query = {"indicator": indicator, "kind": kind, "period": year, "region": region,
                   "format": "svg"}
    provinces = sum(1 for r in rows if r.level == "province")
    return page(request, "compare.html", "/compare", rows=rows, catalog=load_catalog(),
                indicator=indicator, kind=kind, period=year, region=region or "",
                title=chart_title(indicator, kind, year, region or None),
                chart_query=chart_query, params=params_of(request), error=error,
                show_tiles=year is not None and provinces >= 3,
                status_code=400 if error else 200)


def compare_rows(lib: Library, indicator: str, kind: str, period: int | None,
                 region: str | None) -> list[CompareRow]:
    """``compare`` with the region resolved like everywhere else: a region and the regions
    under it, side by side for a year or one line each over the years."""
    if not region:
        return compare(lib, indicator, kind=kind, period=period)  # type: ignore[arg-type]
    regions = lib.regions(region)
    if not regions:
        return []
    return [row for r in regions[:8]
            for row in compare(lib, indicator, kind=kind, period=period,  # type: ignore[arg-type]
                               region=r)]
