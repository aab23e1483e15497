"""问答: answer a question with citations (``baogao.ask.answer.ask``)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import Markup

from baogao.ask.answer import ask
from baogao.web.deps import Config, Lib
from baogao.web.highlight import escape_around, snippet_html
from baogao.web.pages import page

router = APIRouter()

_CITE = re.compile(r"\[P(\d{1,2})\]")


def answer_html(answer: str) -> Markup:
    """An answer escaped, with ``[Pn]`` citations linked to the passages and line breaks."""
    html = escape_around(
        answer, _CITE, lambda m: f'<sup><a href="#p-{m.group(1)}">[P{m.group(1)}]</a></sup>'
    )
    return Markup(html.replace("\n", "<br>\n"))


@router.get("/api/ask", summary="Answer a question with citations", tags=["ask"])
def api_ask(
    lib: Lib, config: Config,
    q: Annotated[str, Query(description="A question (西城区2022年地区生产总值是多少？)")],
    limit: Annotated[int, Query(ge=1, le=20, description="Passages to cite")] = 5,
) -> JSONResponse:
    """The answer (from facts, the glossary, or the configured LLM), how it was found, and
    the passages, facts and terms it cites; ``answer`` is null when none was found."""
    result = ask(lib, q, limit=limit, llm=config.llm, transport=config.llm_transport)
    return JSONResponse(result.to_dict())


@router.get("/ask", response_class=HTMLResponse, include_in_schema=False)
def ask_page(request: Request, lib: Lib, config: Config, q: str = "") -> Response:
    """问答: a question box, the answer and the cited passages, each opening the reader."""
    result = None
    if q.strip():
        result = ask(lib, q, limit=6, llm=config.llm, transport=config.llm_transport)
    return page(request, "ask.html", "/ask", q=q, result=result,
                answer=answer_html(result.answer) if result and result.answer else None,
                snippets=[snippet_html(p.snippet) for p in result.passages] if result else [],
                llm=config.llm is not None)
