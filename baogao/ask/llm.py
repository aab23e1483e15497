"""An optional LLM that may only rephrase the planner's answer, with checked citations.

Configured by environment (nothing is needed otherwise):

    BAOGAO_LLM_URL      base URL of an OpenAI-compatible API (…/v1), or its /chat/completions URL
    BAOGAO_LLM_KEY      bearer token (optional for local servers)
    BAOGAO_LLM_MODEL    model name (default "default")
    BAOGAO_LLM_TIMEOUT  total seconds for the call (default 20)

The model sees the rule answer and the numbered quotes [1]…[n] it rests on, and must end
every sentence with the numbers of the quotes it restates. ``check_sentences`` keeps a
sentence only when it cites existing quotes and every number in it (5.5, 2025, 120 …)
appears in one of the quotes it cites; the others are returned as removed.

Limits: one total deadline for connecting, sending and reading (``timeout``), and a cap on
the response size (``max_bytes``, read in chunks and abandoned beyond it). Any failure —
unreachable, HTTP error, timeout, oversize or malformed reply — gives an ``LlmAnswer`` with a
note and no text, never an exception: the caller keeps the rule answer. Notes name neither
the URL nor the key. The HTTP transport is injectable (``transport=``) for tests and proxies.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

SYSTEM_PROMPT = (
    "你是政府工作报告问答的改写助手。用户给出问题、规则答案和编号引文。"
    "只能用更通顺的简体中文复述规则答案，不得增加引文中没有的内容、数字或判断。"
    "不超过五句；每一句末尾用方括号注明所依据的引文编号，如[1]或[1][2]。"
)
_CITE = re.compile(r"\[(\d{1,3})\]")
_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+|$)(?:\s*(?:\[\d{1,3}\])+)?")
_NUM = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class LlmSettings:
    """Where and how to call the model, and the limits of one call."""

    url: str
    key: str | None = None
    model: str = "default"
    timeout: float = 20.0
    max_bytes: int = 64_000

    @classmethod
    def from_env(cls) -> LlmSettings | None:
        """Settings from BAOGAO_LLM_URL/KEY/MODEL/TIMEOUT, or None when no URL is set."""
        url = os.environ.get("BAOGAO_LLM_URL", "").strip()
        if not url:
            return None
        try:
            timeout = float(os.environ.get("BAOGAO_LLM_TIMEOUT") or 20.0)
        except ValueError:
            timeout = 20.0
        return cls(url=url, key=os.environ.get("BAOGAO_LLM_KEY") or None,
                   model=os.environ.get("BAOGAO_LLM_MODEL") or "default", timeout=timeout)

    @property
    def endpoint(self) -> str:
        """The chat completions URL."""
        url = self.url.rstrip("/")
        return url if url.endswith("/chat/completions") else url + "/chat/completions"


@dataclass(frozen=True)
class LlmAnswer:
    """The sentences kept, those removed, and a note when the call failed."""

    text: str
    removed: tuple[str, ...] = ()
    note: str | None = None


def prompt(question: str, answer: str, quotes: Sequence[str]) -> str:
    """The user message: the question, the rule answer, then the numbered quotes."""
    blocks = [f"[{i}] {q}" for i, q in enumerate(quotes, 1)]
    return f"问题：{question}\n规则答案：{answer}\n引文：\n" + "\n".join(blocks)


def split_sentences(text: str) -> list[str]:
    """Sentences of an answer, each with the citations that follow it."""
    return [m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def _numbers(text: str) -> list[str]:
    return _NUM.findall(_CITE.sub("", text))


def check_sentences(text: str, quotes: Sequence[str]) -> LlmAnswer:
    """Keep the sentences that cite existing quotes and whose numbers all appear in them."""
    kept: list[str] = []
    removed: list[str] = []
    for sentence in split_sentences(text):
        ids = [int(x) for x in _CITE.findall(sentence)]
        ok = bool(ids) and all(1 <= i <= len(quotes) for i in ids)
        if ok:
            cited = "".join(quotes[i - 1] for i in ids)
            cited_numbers = set(_numbers(cited))
            ok = all(n in cited_numbers for n in _numbers(sentence))
        (kept if ok else removed).append(sentence)
    return LlmAnswer(text="".join(kept), removed=tuple(removed))


def _read_capped(response: httpx.Response, settings: LlmSettings, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > settings.max_bytes:
            raise OverflowError(f"reply larger than {settings.max_bytes} bytes")
        if time.monotonic() > deadline:
            raise TimeoutError(f"no complete reply within {settings.timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def call(messages: list[dict[str, str]], settings: LlmSettings, *,
         transport: httpx.BaseTransport | None = None) -> str:
    """The model's reply text; raises on any failure (the caller turns it into a note)."""
    headers = {"Authorization": f"Bearer {settings.key}"} if settings.key else {}
    body = {"model": settings.model, "temperature": 0, "stream": False, "messages": messages}
    deadline = time.monotonic() + settings.timeout
    timeout = httpx.Timeout(settings.timeout)
    with httpx.Client(transport=transport, timeout=timeout) as client, client.stream(
        "POST", settings.endpoint, json=body, headers=headers
    ) as response:
        response.raise_for_status()
        raw = _read_capped(response, settings, deadline)
    content = json.loads(raw)["choices"][0]["message"]["content"]
    return str(content)


def rephrase(question: str, answer: str, quotes: Sequence[str], settings: LlmSettings, *,
             transport: httpx.BaseTransport | None = None) -> LlmAnswer:
    """The model's rephrasing of ``answer``, checked sentence by sentence against ``quotes``;
    on failure an empty answer with a note (the caller keeps the rule answer)."""
    messages = [{"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": prompt(question, answer, quotes)}]
    try:
        content = call(messages, settings, transport=transport)
    except (httpx.HTTPError, OSError, ValueError, KeyError, IndexError, TypeError,
            OverflowError) as exc:
        return LlmAnswer(text="", note=f"语言模型不可用（{_reason(exc)}），以下为规则答案。")
    checked = check_sentences(content, quotes)
    if not checked.text:
        return LlmAnswer(text="", removed=checked.removed,
                         note="语言模型的改写没有一句能与引文核对，以下为规则答案。")
    return checked


def _reason(exc: BaseException) -> str:
    """A short, secret-free reason: the kind of failure, never the URL or the key."""
    if isinstance(exc, (httpx.TimeoutException, TimeoutError)):
        return "超时"
    if isinstance(exc, httpx.HTTPStatusError):
        return f"HTTP {exc.response.status_code}"
    if isinstance(exc, OverflowError):
        return "回复过大"
    if isinstance(exc, (httpx.TransportError, OSError)):
        return "无法连接"
    return "回复格式不对"
