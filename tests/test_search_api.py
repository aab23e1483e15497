"""``GET /api/search`` answered by ``SearchShortcut`` (no FastAPI parameter machinery) gives
the response ``api_search`` gives; anything unusual goes on to ``api_search``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROVINCES, SEEDS
from fastapi.testclient import TestClient

from baogao.library import Library
from baogao.web import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("api") / "lib.db"
    with Library(db) as lib:
        assert lib.ingest([SEEDS, PROVINCES / "2026_上海市_政府工作报告.csv"]).ok
    with TestClient(create_app(str(db))) as c:
        yield c


QUERIES = [
    "q=就业", "q=就业&limit=3", "q=就业&limit=3&offset=3", "q=养老服务&region=西城区",
    "q=营商环境&year=2026&type=work_report", "q=科技创新&role=plan&limit=200",
    "q=什么是“两区”建设？", "q=经济&offset=1000", "q=就业&region=", "q=没有这个词语的查询xyz",
]


@pytest.mark.parametrize("query", QUERIES)
def test_shortcut_answers_as_the_endpoint(client: TestClient, query: str) -> None:
    fast = client.get(f"/api/search?{query}")
    # an unknown parameter (ignored by api_search) sends the request on to the endpoint
    slow = client.get(f"/api/search?{query}&unknown=1")
    assert fast.status_code == slow.status_code == 200
    assert fast.json() == slow.json()
    assert fast.headers["x-total-count"] == slow.headers["x-total-count"]
    assert fast.headers.get("link", "") == slow.headers.get("link", "").replace("&unknown=1", "")
    assert fast.headers["content-security-policy"] == slow.headers["content-security-policy"]


@pytest.mark.parametrize(("query", "status"), [
    ("", 422), ("q=", 400), ("q=就业&limit=0", 422), ("q=就业&limit=201", 422),
    ("q=就业&limit=x", 422), ("q=就业&offset=1001", 422), ("q=就业&year=20x", 422),
    ("q=就业&type=novel", 422), ("q=就业&role=intro", 422), ("q=%FF", 400),
    ("q=就业&year=99999999999999999999", 422), ("q=！？", 400),
])
def test_unusual_requests_get_the_endpoint_answer(client: TestClient, query: str,
                                                  status: int) -> None:
    response = client.get(f"/api/search?{query}")
    assert response.status_code == status, response.text
    assert "error" in response.json()


def test_repeated_parameter_is_read_as_the_endpoint_reads_it(client: TestClient) -> None:
    both = client.get("/api/search?q=养老&q=就业&limit=2")
    last = client.get("/api/search?q=就业&limit=2&unknown=1")
    assert both.status_code == 200 and both.json() == last.json()


def test_shortcut_answers_plain_requests_itself(client: TestClient) -> None:
    """The shortcut alone (what it does not answer reaches a stand-in that says 418): plain
    requests are answered by it, unusual ones go on."""
    from starlette.responses import PlainTextResponse

    from baogao.web.views.search import SearchShortcut

    app = client.app

    async def rest(scope: object, receive: object, send: object) -> None:
        await PlainTextResponse("went on", status_code=418)(scope, receive, send)  # type: ignore[arg-type]

    shortcut = SearchShortcut(rest)

    async def asgi(scope: dict[str, object], receive: object, send: object) -> None:
        scope["app"] = app
        await shortcut(scope, receive, send)

    alone = TestClient(asgi)  # type: ignore[arg-type]  # no lifespan: the app's is running
    for query in QUERIES:
        answered = alone.get(f"/api/search?{query}")
        assert answered.status_code == 200
        assert answered.json() == client.get(f"/api/search?{query}").json()
    for query in ("", "q=", "q=就业&limit=0", "q=就业&type=novel", "q=就业&q=养老",
                  "q=就业&unknown=1", "q=！？"):
        assert alone.get(f"/api/search?{query}").status_code == 418, query
    assert alone.get("/api/documents").status_code == 418


def test_passages_kept_between_searches_follow_the_library(tmp_path: Path) -> None:
    """Passages decoded by one search are reused by the next while the index is unchanged;
    after a document is removed or added the hits still carry their documents' text."""
    from baogao.ask.index import _PASSAGES
    from baogao.ask.search import search

    def check(lib: Library, limit: int) -> list[str]:
        hits = search(lib, "就业", limit=limit)
        assert hits
        for h in hits:
            assert lib.document(h.doc_id).text[h.start:h.end] == h.text
        return [h.doc_id for h in hits]

    with Library(tmp_path / "lib.db") as lib:
        assert lib.ingest([SEEDS]).ok
        first = check(lib, 10)
        kept = len(_PASSAGES)
        assert kept > 0
        assert check(lib, 9) == first[:9] and len(_PASSAGES) == kept  # reused, none added
        lib.delete(first[0])
        assert first[0] not in check(lib, 10)
        assert lib.ingest([PROVINCES / "2026_上海市_政府工作报告.csv"]).ok
        added = {d.id for d in lib.documents() if d.region == "上海市"}
        assert added & set(check(lib, 64))  # the new report's passages, with their text
