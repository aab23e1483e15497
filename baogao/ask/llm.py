"""An optional LLM that writes a short answer from retrieved passages, with checked citations.

Configured by environment (nothing is needed otherwise):

    BAOGAO_LLM_URL    base URL of an OpenAI-compatible API (…/v1), or its /chat/completions URL
    BAOGAO_LLM_KEY    bearer token (optional for local servers)
    BAOGAO_LLM_MODEL  model name (default "default")

The model sees only the numbered passages [P1]…[Pn] and must end every sentence with the id
of a passage it used. ``check_citations`` keeps the sentences that cite only existing ids
and returns the others as removed, so a caller can show what was dropped. The HTTP transport
is injectable (``transport=``) for tests and proxies.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from baogao.errors import QueryError
from baogao.models import Passage

SYSTEM_PROMPT = (
    "你是政府工作报告的检索助手。只根据用户给出的编号段落回答问题，不要使用其他知识。"
    "回答用简体中文，不超过五句；每一句末尾都要用方括号注明所依据的段落编号，如[P1]或[P1][P3]。"
    "段落中没有答案时，只回答：资料中没有找到答案。"
)
_CITE = re.compile(r"\[P(\d+)\]")
_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+|$)(?:\s*(?:\[P\d+\])+)?")


@dataclass(frozen=True)
class LlmSettings:
    """Where and how to call the model."""

    url: str
    key: str | None = None
    model: str = "default"
    timeout: float = 60.0

    @classmethod
    def from_env(cls) -> LlmSettings | None:
        """Settings from BAOGAO_LLM_URL/KEY/MODEL, or None when no URL is set."""
        url = os.environ.get("BAOGAO_LLM_URL", "").strip()
        if not url:
            return None
        return cls(url=url, key=os.environ.get("BAOGAO_LLM_KEY") or None,
                   model=os.environ.get("BAOGAO_LLM_MODEL") or "default")

    @property
    def endpoint(self) -> str:
        """The chat completions URL."""
        url = self.url.rstrip("/")
        return url if url.endswith("/chat/completions") else url + "/chat/completions"


@dataclass(frozen=True)
class LlmAnswer:
    """The sentences kept (each citing existing passages) and those removed."""

    text: str
    removed: tuple[str, ...]


def prompt(question: str, passages: Sequence[Passage]) -> str:
    """The user message: numbered passages with their sources, then the question."""
    blocks = [
        f"[P{i}] （{p.source}#{p.row}，{p.section or '正文'}）\n{p.text}"
        for i, p in enumerate(passages, 1)
    ]
    return "\n\n".join(blocks) + f"\n\n问题：{question}"


def split_sentences(text: str) -> list[str]:
    """Sentences of an answer, each with the citations that follow it."""
    return [m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def check_citations(text: str, n_passages: int) -> LlmAnswer:
    """Keep the sentences citing at least one passage, all of them in 1..``n_passages``."""
    kept: list[str] = []
    removed: list[str] = []
    for sentence in split_sentences(text):
        ids = [int(x) for x in _CITE.findall(sentence)]
        ok = bool(ids) and all(1 <= i <= n_passages for i in ids)
        (kept if ok else removed).append(sentence)
    return LlmAnswer(text="".join(kept), removed=tuple(removed))


def llm_answer(
    question: str,
    passages: Sequence[Passage],
    settings: LlmSettings,
    *,
    transport: httpx.BaseTransport | None = None,
) -> LlmAnswer:
    """Ask the model to answer from ``passages`` only; raises QueryError when it fails."""
    headers = {"Authorization": f"Bearer {settings.key}"} if settings.key else {}
    body = {
        "model": settings.model,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": prompt(question, passages)},
        ],
    }
    try:
        with httpx.Client(transport=transport, timeout=settings.timeout) as client:
            response = client.post(settings.endpoint, json=body, headers=headers)
            response.raise_for_status()
            content = response.json()["choices"][0]["message"]["content"]
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise QueryError(
            f"the LLM at {settings.endpoint} failed ({type(exc).__name__}: {exc}); "
            "check BAOGAO_LLM_URL/KEY/MODEL or unset BAOGAO_LLM_URL to answer from passages"
        ) from exc
    return check_citations(str(content), len(passages))
