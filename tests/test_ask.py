"""``ask`` over a real library; the LLM path against a local HTTP server started here."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from baogao.ask.answer import ask, read_question
from baogao.ask.llm import LlmSettings, check_citations
from baogao.errors import QueryError
from baogao.library import Library

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """Seeds and a few corpus files in one library (built once per session)."""
    library = Library(tmp_path_factory.mktemp("ask") / "lib.db")
    corpus = DATA / "corpus"
    report = library.ingest([
        DATA / "seeds",
        corpus / "national",
        corpus / "provinces-2026" / "2026_广东省_政府工作报告.csv",
    ])
    assert report.ok
    yield library
    library.close()


class _Handler(BaseHTTPRequestHandler):
    """An OpenAI-compatible /chat/completions that replies with a fixed text."""

    reply: ClassVar[str] = ""
    status: ClassVar[int] = 200
    requests: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "body": body,
                                    "auth": self.headers.get("Authorization")})
        payload = json.dumps({"choices": [{"message": {"role": "assistant",
                                                       "content": self.reply}}]})
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def llm_server() -> Iterator[type[_Handler]]:
    """A chat-completions server on 127.0.0.1 in a thread."""
    handler = type("Handler", (_Handler,), {"requests": [], "reply": "", "status": 200})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    handler.url = f"http://127.0.0.1:{server.server_address[1]}/v1"  # type: ignore[attr-defined]
    yield handler
    server.shutdown()
    server.server_close()


# -- reading questions ------------------------------------------------------------------------


def test_read_question() -> None:
    q = read_question("西城区2022年地区生产总值是多少？")
    assert (q.region, q.year, q.indicators, q.is_numeric) == ("北京市西城区", 2022, ("gdp",), True)
    assert read_question("西城区2022年地区生产总值增长多少").indicators == ("gdp_growth",)
    assert read_question("什么是“两区”建设？").is_definition


# -- deterministic answers --------------------------------------------------------------------


def test_numeric_question_is_answered_from_facts(lib: Library) -> None:
    result = ask(lib, "西城区2022年地区生产总值是多少？")
    assert result.method == "facts"
    assert result.answer and "5700.1亿元" in result.answer
    fact = result.facts[0]
    assert (fact.region, fact.period, fact.value) == ("北京市西城区", 2022, 5700.1)
    doc = lib.document(fact.doc_id)
    assert "5700.1亿元" in doc.text[fact.start:fact.end]
    assert any("5700.1亿元" in p.text for p in result.passages)


def test_glossary_question_is_answered_from_the_glossary(lib: Library) -> None:
    result = ask(lib, '什么是"两区"建设?')
    assert result.method == "glossary"
    assert result.answer and "自由贸易试验区" in result.answer
    term = result.terms[0]
    doc = lib.document(term["doc_id"])
    assert term["source"] == doc.source
    assert "两区" in doc.text[term["start"]:term["end"]]
    assert "两区" in result.passages[0].text


def test_open_question_gives_cited_passages_best_first(lib: Library) -> None:
    data = ask(lib, "西城区如何做好接诉即办工作？").to_dict()
    assert data["answer"] is None
    assert set(data) >= {"answer", "passages", "facts", "terms"}
    scores = [p["score"] for p in data["passages"]]
    assert scores == sorted(scores, reverse=True)
    for p in data["passages"]:
        doc = lib.document(f"{p['source']}#{p['row']}")
        assert doc.text[p["start"]:p["end"]] == p["text"]
        assert doc.region == "北京市西城区"
    assert any("接诉即办" in p["text"] for p in data["passages"][:2])


@pytest.mark.parametrize("question", ["", "x" * 10_000, "？？？", "AND OR NOT"])
def test_unusable_question_is_a_query_error(lib: Library, question: str) -> None:
    with pytest.raises(QueryError):
        ask(lib, question)


# -- LLM path ---------------------------------------------------------------------------------


def test_check_citations_keeps_only_cited_sentences() -> None:
    checked = check_citations("甲[P1]。乙。丙[P4]。丁[P2][P3]。", 3)
    assert checked.text == "甲[P1]。丁[P2][P3]。"
    assert checked.removed == ("乙。", "丙[P4]。")


def test_llm_answer_removes_uncited_sentences(lib: Library,
                                              llm_server: type[_Handler]) -> None:
    llm_server.reply = ("西城区以接诉即办为主抓手[P1]。这是全国最好的做法。"
                        "全年受理诉求28.05万件[P2]。另见[P99]。")
    settings = LlmSettings(url=llm_server.url, key="k", model="m")  # type: ignore[attr-defined]
    result = ask(lib, "西城区如何做好接诉即办工作？", llm=settings)
    assert result.method == "llm"
    assert result.answer == "西城区以接诉即办为主抓手[P1]。全年受理诉求28.05万件[P2]。"
    assert result.removed == ["这是全国最好的做法。", "另见[P99]。"]
    sent = llm_server.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["auth"] == "Bearer k"
    user = sent["body"]["messages"][-1]["content"]
    assert "[P1]" in user and result.passages[0].text in user


def test_llm_failure_is_a_query_error(lib: Library, llm_server: type[_Handler]) -> None:
    llm_server.status = 500
    settings = LlmSettings(url=llm_server.url)  # type: ignore[attr-defined]
    with pytest.raises(QueryError, match="BAOGAO_LLM_URL"):
        ask(lib, "西城区如何做好接诉即办工作？", llm=settings)


def test_llm_settings_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BAOGAO_LLM_URL", raising=False)
    assert LlmSettings.from_env() is None
    monkeypatch.setenv("BAOGAO_LLM_URL", "http://127.0.0.1:1/v1/chat/completions")
    monkeypatch.setenv("BAOGAO_LLM_MODEL", "qwen")
    settings = LlmSettings.from_env()
    assert settings is not None and settings.model == "qwen"
    assert settings.endpoint == "http://127.0.0.1:1/v1/chat/completions"
