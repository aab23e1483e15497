"""The Jinja2 environment of the pages (autoescaping on) and its filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi.templating import Jinja2Templates

from baogao.labels import (
    DOC_TYPE_LABELS,
    LEVEL_LABELS,
    VERDICT_LABELS,
    amount,
    document_label,
)
from baogao.web.reader import BOUND_LABELS, KIND_LABELS, ROLE_LABELS, fact_value_label

TEMPLATES = Path(__file__).parent / "templates"


#: (path, label, library module it needs or None) of the navigation bar.
NAV = [("/", "文库", None), ("/facts", "指标", None), ("/glossary", "名词", None),
       ("/track", "目标追踪", "track"), ("/commitments", "承诺追踪", "commitments"),
       ("/compare", "对比", "compare"),
       ("/diff", "差异", "diff"), ("/attention", "关注度", "attention"),
       ("/search", "检索", "search"), ("/ask", "问答", "ask"), ("/upload", "上传", None),
       ("/api/docs", "API", None)]

templates = Jinja2Templates(directory=str(TEMPLATES))


def _number(value: Any, unit: str = "") -> str:
    """A number for people: never scientific notation; 亿元 amounts ≥ 1万亿 in 万亿元."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return amount(float(value), unit)
    return str(value)


def _query(params: dict[str, Any] | list[tuple[str, str]], **changes: Any) -> str:
    """A query string: ``params`` (a dict, or repeated pairs) with ``changes`` applied."""
    pairs = list(params.items()) if isinstance(params, dict) else list(params)
    kept = [(k, v) for k, v in pairs if k not in changes and v not in (None, "")]
    kept += [(k, v) for k, v in changes.items() if v not in (None, "")]
    return "?" + urlencode(kept) if kept else ""


env = templates.env
env.filters["kind_label"] = lambda k: KIND_LABELS.get(k, k or "")
env.filters["bound_label"] = lambda b: BOUND_LABELS.get(b, "") if b else ""
env.filters["role_label"] = lambda r: ROLE_LABELS.get(r, r or "")
env.filters["doc_type_label"] = lambda t: DOC_TYPE_LABELS.get(t, t or "")
env.filters["level_label"] = lambda lv: LEVEL_LABELS.get(lv, lv or "")
env.filters["verdict_label"] = lambda v: VERDICT_LABELS.get(v, v or "")
env.filters["number"] = _number
env.filters["fact_value"] = fact_value_label
env.filters["doc_label"] = lambda d: document_label(d.title, d.region, d.year, d.doc_type)
env.globals["nav"] = [(path, label) for path, label, _ in NAV]
env.globals["query"] = _query
env.globals["DOC_TYPE_LABELS"] = DOC_TYPE_LABELS
env.globals["LEVEL_LABELS"] = LEVEL_LABELS


def _schema_type(schema: Any) -> str:
    """A short type of an OpenAPI parameter schema: ``integer``, ``actual | target``, …"""
    if not isinstance(schema, dict):
        return ""
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        kinds = [_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " | ".join(k for k in kinds if k)
    return str(schema.get("type", ""))


env.filters["schema_type"] = _schema_type


def set_available(modules: set[str]) -> None:
    """Show only the navigation entries whose library modules are present."""
    env.globals["nav"] = [(path, label) for path, label, needs in NAV
                          if needs is None or needs in modules]
