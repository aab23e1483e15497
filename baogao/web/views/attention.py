"""关注度: topic attention per 10,000 characters, region × year (``baogao.analyze.attention``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from baogao.analyze.attention import Topic, attention_panel, load_topics, panel_table
from baogao.web.deps import Lib
from baogao.web.pages import page, params_of
from baogao.web.serialize import csv_download, record_json

router = APIRouter()


@lru_cache(maxsize=1)
def shipped_topics() -> tuple[Topic, ...]:
    """The topic dictionaries shipped with baogao (read once)."""
    return load_topics()


@router.get("/api/attention", summary="Topic attention panel", tags=["attention"],
            responses={200: {"content": {"text/csv": {}}}})
def api_attention(
    lib: Lib,
    region: Annotated[str | None, Query(description="Only this region")] = None,
    fmt: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> Response:
    """Keyword hits and rates (per 10,000 characters) of each topic, one row per region and
    year, pooled over the work reports; CSV is the wide panel (one column per topic)."""
    topics = shipped_topics()
    panel = attention_panel(lib, topics, region=region)
    if fmt == "csv":
        rows, columns = panel_table(panel, topics)
        return csv_download(rows, columns, "attention")
    body: dict[str, Any] = {
        "topics": [record_json(t) for t in topics],
        "panel": [record_json(p) for p in panel],
    }
    return JSONResponse(body)


@router.get("/attention", response_class=HTMLResponse, include_in_schema=False)
def attention_page(request: Request, lib: Lib, region: str | None = None) -> Response:
    """关注度: a heat table of topic attention by region and year."""
    topics = shipped_topics()
    panel = attention_panel(lib, topics, region=region or None)
    peaks = {t.id: max((p.rates.get(t.id, 0.0) for p in panel), default=0.0) for t in topics}
    return page(request, "attention.html", "/attention", topics=topics, panel=panel,
                peaks=peaks, params=params_of(request))
