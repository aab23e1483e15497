"""问答: answer a question with citations (``baogao.ask.answer.ask``)."""

from __future__ import annotations

import base64
import re
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import Markup

from baogao.analyze.charts import Bar, bar_chart, line_chart
from baogao.ask.answer import AskResult, ask
from baogao.web.deps import Config, Lib
from baogao.web.highlight import escape_around, snippet_html
from baogao.web.pages import page

router = APIRouter()

_CITE = re.compile(r"\[(\d{1,3})\]")

#: Example questions on the empty page, one per kind of question.
EXAMPLES = (
    "2026年哪些省份提到了人工智能+？",
    "2025年地区生产总值增长目标不低于5.5%的省份有哪些？",
    "2025年哪个省份经济增速最快？",
    "上海2025年经济增长目标完成了吗？",
    "2025年有多少个省份完成了经济增长目标？",
    "2005年到2011年全国经济增长目标分别是多少？",
    "上海和江苏2026年经济增长目标一样吗？",
    "什么是“两重”“两新”？",
    "西城区如何做好接诉即办？",
)


def answer_html(answer: str) -> Markup:
    """An answer escaped, with ``[n]`` citations linked to the citation list."""
    html = escape_around(
        answer, _CITE, lambda m: f'<sup><a href="#c-{m.group(1)}">[{m.group(1)}]</a></sup>'
    )
    return Markup(html.replace("\n", "<br>\n"))


def chart_uri(result: AskResult) -> str | None:
    """An SVG chart of a list or series answer (as a data: URI), or None."""
    facts = [f for f in result.facts if f.value is not None]
    if len(facts) < 2 or len({f.unit for f in facts}) != 1:
        return None
    unit = facts[0].unit or ""
    title = result.question.indicator_name or ""
    if result.table is not None and result.table.chart:
        points = [(f.period, f.value) for f in facts if f.period is not None
                  and f.value is not None]
        svg = line_chart({title: points}, title=title, unit=unit)
    else:
        bars = [Bar(f.region or "", f.value, f.value_high, f.text) for f in facts
                if f.value is not None]
        svg = bar_chart(bars, title=title, unit=unit)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


@router.get("/api/ask", summary="Answer a question with citations", tags=["ask"])
def api_ask(
    lib: Lib, config: Config,
    q: Annotated[str, Query(description="A question (2025年哪个省份经济增速最快？)")],
    limit: Annotated[int, Query(ge=1, le=20, description="Passages to cite")] = 5,
) -> JSONResponse:
    """The same JSON as ``baogao ask --format json``: ``answer`` (text with [n] citation
    marks), ``question`` (intent and slots), ``citations`` (title, region, year, section,
    quoted words, offsets), ``facts``, ``passages`` and a ``table`` for list answers."""
    result = ask(lib, q, limit=limit, llm=config.llm, transport=config.llm_transport)
    return JSONResponse(result.to_dict())


@router.get("/ask", response_class=HTMLResponse, include_in_schema=False)
def ask_page(request: Request, lib: Lib, config: Config, q: str = "") -> Response:
    """问答: a question box with examples, the answer, a table or chart for lists and series,
    and the numbered citations, each opening the reader at the quoted words."""
    result = None
    if q.strip():
        result = ask(lib, q, limit=6, llm=config.llm, transport=config.llm_transport)
    return page(request, "ask.html", "/ask", q=q, result=result, examples=EXAMPLES,
                answer=answer_html(result.answer) if result else None,
                chart=chart_uri(result) if result else None,
                snippets=[snippet_html(p.snippet) for p in result.passages] if result else [],
                llm=config.llm is not None)
