"""关注度: topic attention per 10,000 characters, region × year (``baogao.analyze.attention``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from baogao.analyze.attention import (
    PanelRow,
    Topic,
    attention_panel,
    load_topics,
    panel_table,
)
from baogao.analyze.charts import line_chart
from baogao.library import Library
from baogao.read.regions import canonical_region, code_of
from baogao.web.deps import Lib
from baogao.web.pages import page, params_of
from baogao.web.serialize import csv_download, file_download, record_json

router = APIRouter()


@lru_cache(maxsize=1)
def shipped_topics() -> tuple[Topic, ...]:
    """The topic dictionaries shipped with baogao (read once)."""
    return load_topics()


@router.get("/api/attention", summary="Topic attention panel", tags=["attention"],
            responses={200: {"content": {"text/csv": {}}}})
def api_attention(
    lib: Lib,
    region: Annotated[str | None, Query(description="Only this region (and the regions "
                                        "under it)")] = None,
    fmt: Annotated[Literal["json", "csv", "xlsx", "dta", "svg"], Query(alias="format")
                   ] = "json",
    width: Annotated[int, Query(ge=320, le=1600, description="Chart width in pixels")] = 760,
) -> Response:
    """Keyword hits and rates (per 10,000 characters) of each topic, one row per region and
    year, pooled over the work reports; CSV is the wide panel (one column per topic);
    ``format=svg`` charts the strongest topics of one region over the years."""
    topics = shipped_topics()
    panel = panel_of(lib, topics, region)
    if fmt in ("csv", "xlsx", "dta"):
        rows, columns = panel_table(panel, topics)
        if fmt == "csv":
            return csv_download(rows, columns, "attention")
        return file_download(rows, columns, "attention", fmt)
    if fmt == "svg":
        place = chart_region(panel, region)
        series_rows = [p for p in panel if p.region == place]
        shown = strongest(series_rows, topics, 6)
        series = {t.label: [(p.year, round(p.rates.get(t.id, 0.0), 2)) for p in series_rows]
                  for t in shown}
        svg = line_chart(series, title=f"{place} 主题关注度（每万字）", width=width,
                         note="数据来源：政府工作报告（baogao 主题词典计数）")
        return Response(svg, media_type="image/svg+xml; charset=utf-8")
    body: dict[str, Any] = {
        "topics": [record_json(t) for t in topics],
        "panel": [record_json(p) for p in panel],
    }
    return JSONResponse(body)


def panel_of(lib: Library, topics: tuple[Topic, ...], region: str | None) -> list[PanelRow]:
    """The panel of ``region`` and the regions under it (all when None), sorted by region
    code (provinces in their official order, districts under their city), then year."""
    if region:
        rows = [row for r in lib.regions(region)
                for row in attention_panel(lib, topics, region=r)]
    else:
        rows = attention_panel(lib, topics)
    return sorted(rows, key=lambda p: (code_of(p.region) or "999999", p.region, p.year))


def strongest(panel: list[PanelRow], topics: tuple[Topic, ...], n: int) -> list[Topic]:
    """The ``n`` topics with the highest mean attention over ``panel``, strongest first."""
    if not panel:
        return list(topics[:n])
    mean = {t.id: sum(p.rates.get(t.id, 0.0) for p in panel) / len(panel) for t in topics}
    return sorted(topics, key=lambda t: -mean[t.id])[:n]


def chart_region(panel: list[PanelRow], region: str | None) -> str:
    """The region whose years the chart follows: the one asked for, else the one with the
    most years."""
    years: dict[str, int] = {}
    for p in panel:
        years[p.region] = years.get(p.region, 0) + 1
    if region:
        own = canonical_region(region)
        if own in years:
            return own
    return max(years, key=lambda r: (years[r], r)) if years else ""


@router.get("/attention", response_class=HTMLResponse, include_in_schema=False)
def attention_page(request: Request, lib: Lib, region: str | None = None,
                   every: Annotated[str | None, Query(alias="all")] = None) -> Response:
    """关注度: the strongest topics by region and year (all with ``all=1``), a chart over time."""
    topics = shipped_topics()
    panel = panel_of(lib, topics, region or None)
    shown = list(topics) if every == "1" else strongest(panel, topics, 8)
    peaks = {t.id: max((p.rates.get(t.id, 0.0) for p in panel), default=0.0) for t in topics}
    place = chart_region(panel, region or None)
    years = sum(1 for p in panel if p.region == place)
    return page(request, "attention.html", "/attention", topics=shown, all_topics=topics,
                panel=panel, peaks=peaks, params=params_of(request), every=every == "1",
                chart_region=place if years >= 2 else None)
