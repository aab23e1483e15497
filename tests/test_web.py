"""The web app and REST API, called in-process against a real SQLite library."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from baogao.ask.llm import LlmSettings
from baogao.library import Library
from baogao.models import Document, Fact, Section, Term
from baogao.web import create_app
from baogao.web.highlight import mark_words, snippet_html
from baogao.web.reader import locate_fact, render_blocks

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")  # starlette 1.x asks for httpx2
    from fastapi.testclient import TestClient

DATA = Path(__file__).parent / "data"
TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PLAN_SOURCE = "seeds/003_cd0a21e123bf8728.txt"  # the 2024 plan of 北京市西城区
REPORT_SOURCE = "seeds/000_b5713cac4734963f.txt"  # the 2023 work report of 北京市西城区

HOSTILE = """北京市测试区2024年政府工作报告
各位代表：
<script>alert('pwned')</script>
<img src=x onerror="alert(1)">一、2023年工作回顾
全区地区生产总值实现5700.1亿元，同比增长4.1%。<b>加粗</b> & 其他。
二、2024年工作安排
地区生产总值增速安排5%左右，登记失业率控制在3.5%以内。
"""


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of the seeds and the 2026 provincial reports."""
    db = tmp_path_factory.mktemp("web") / "lib.db"
    with Library(db) as lib:
        report = lib.ingest([DATA / "seeds", DATA / "corpus" / "provinces-2026"])
    assert report.ok, report.errors
    return db


@pytest.fixture(scope="session")
def app(web_db: Path) -> FastAPI:
    """The read-only app over the shared library."""
    return create_app(web_db)


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client of the read-only app."""
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def ids(client: TestClient) -> dict[str, str]:
    """Document ids by source (ids hash the normalized text, so they are looked up)."""
    return {d["source"]: d["id"] for d in client.get("/api/documents").json()}


@pytest.fixture(scope="session")
def plan(ids: dict[str, str]) -> str:
    """The id of the 2024 plan report of 北京市西城区."""
    return ids[PLAN_SOURCE]


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    """A client of an app with a write token over a fresh library of one seed."""
    db = tmp_path / "w.db"
    with Library(db) as lib:
        lib.ingest([DATA / "seeds" / "003_cd0a21e123bf8728.txt"])
    with TestClient(create_app(db, write_token=TOKEN)) as c:
        yield c


def upload(client: TestClient, name: str, data: bytes,
           headers: dict[str, str] | None = None) -> httpx.Response:
    """POST one file to /api/documents."""
    return client.post("/api/documents", files={"file": (name, data, "text/plain")},
                       headers=headers or {})


# -- documents --------------------------------------------------------------------------------


def test_documents_are_listed_with_ids(client: TestClient) -> None:
    docs = client.get("/api/documents").json()
    assert len(docs) == 20
    assert all(isinstance(d["id"], str) and d["id"] for d in docs)
    assert {"source", "region", "year", "doc_type", "title"} <= set(docs[0])


@pytest.mark.parametrize(("query", "check"), [
    ("region=西城区", lambda d: d["region"] == "北京市西城区"),
    ("year=2026", lambda d: d["year"] == 2026),
    ("type=plan_report", lambda d: d["doc_type"] == "plan_report"),
    ("level=province", lambda d: d["level"] == "province"),
])
def test_documents_filter(client: TestClient, query: str, check: Any) -> None:
    docs = client.get(f"/api/documents?{query}").json()
    assert docs
    assert all(check(d) for d in docs)


def test_document_detail_has_outline_and_text(client: TestClient, plan: str) -> None:
    doc = client.get(f"/api/documents/{plan}").json()
    assert doc["id"] == plan
    assert doc["outline"][0]["title"] == "2023年国民经济和社会发展计划执行情况"
    assert doc["outline"][0]["role"] == "review"
    assert "地区生产总值增速安排5%左右" in doc["text"]
    short = client.get(f"/api/documents/{plan[:8]}?text=false").json()
    assert "text" not in short and short["outline"] == doc["outline"]


def test_unknown_document_is_a_json_404(client: TestClient) -> None:
    r = client.get("/api/documents/doesnotexist")
    assert r.status_code == 404
    assert "doesnotexist" in r.json()["error"]


def test_bad_parameters_are_a_json_422(client: TestClient) -> None:
    r = client.get("/api/documents?year=abc")
    assert r.status_code == 422
    assert "year" in r.json()["error"]
    assert client.get("/api/facts?kind=maybe").status_code == 422


# -- facts and terms --------------------------------------------------------------------------


def test_facts_follow_the_contract(client: TestClient) -> None:
    facts = client.get("/api/facts?region=北京市西城区&kind=target&period=2024").json()
    assert facts
    contract = ["source", "row", "region", "year", "indicator", "name", "kind", "estimated",
                "period", "value", "unit", "bound", "text", "evidence", "start", "end"]
    assert list(facts[0])[:len(contract)] == contract
    growth = [f for f in facts if f["indicator"] == "gdp_growth"]
    assert growth[0]["value"] == 5 and growth[0]["bound"] == "approx"
    assert all(f["kind"] == "target" and f["period"] == 2024 for f in facts)


def test_facts_filter_by_indicator(client: TestClient) -> None:
    facts = client.get("/api/facts?indicator=gdp_growth&year=2026").json()
    assert len({f["region"] for f in facts}) >= 10
    assert all(f["indicator"] == "gdp_growth" for f in facts)


def test_facts_csv_download(client: TestClient) -> None:
    r = client.get("/api/facts?region=北京市西城区&format=csv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    as_json = client.get("/api/facts?region=北京市西城区").json()
    assert len(rows) == len(as_json) > 0
    assert rows[0]["evidence"] == as_json[0]["evidence"]


def test_terms(client: TestClient, plan: str) -> None:
    terms = client.get(f"/api/terms?doc={plan}").json()
    assert any(t["term"] == "红墙先锋工程" for t in terms)
    assert all(isinstance(u, list) and len(u) == 2 for t in terms for u in t["uses"])
    assert client.get("/api/terms?q=红墙").json()


# -- analysis endpoints -----------------------------------------------------------------------


def test_search_cites_passages(client: TestClient) -> None:
    hits = client.get("/api/search?q=就业&limit=5").json()
    assert 0 < len(hits) <= 5
    doc = client.get(f"/api/documents/{hits[0]['doc_id']}").json()
    assert doc["text"][hits[0]["start"]:hits[0]["end"]] == hits[0]["text"]
    assert "【就业】" in hits[0]["snippet"]


def test_empty_search_is_a_400(client: TestClient) -> None:
    r = client.get("/api/search?q=%20")
    assert r.status_code == 400
    assert "empty query" in r.json()["error"]


def test_ask_answers_from_facts_and_glossary(client: TestClient) -> None:
    numeric = client.get("/api/ask?q=西城区2022年地区生产总值是多少？").json()
    assert numeric["method"] == "facts" and "5700.1亿元" in numeric["answer"]
    assert numeric["facts"][0]["evidence"] and numeric["citations"][0]["quote"]
    definition = client.get("/api/ask?q=什么是红墙先锋工程").json()
    assert definition["method"] == "glossary"
    page = client.get("/ask?q=西城区2022年地区生产总值是多少？").text
    assert "5700.1亿元" in page and "?at=" in page
    assert client.get("/api/ask?q=").status_code in (400, 422)
    listing = client.get("/ask?q=2026年城镇新增就业目标在60万人以上的省份").text
    assert "<table" in listing and "江苏省" in listing
    assert "可以这样问" in client.get("/ask").text


def test_ask_with_an_llm_cites_passages(web_db: Path) -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        content = "西城区2022年地区生产总值为5700.1亿元[1]。<script>x</script>没有引用的句子。"
        return httpx.Response(200, json={"choices": [{"message": {"content": content}}]})

    app = create_app(web_db, llm=LlmSettings(url="http://llm.invalid/v1"),
                     llm_transport=httpx.MockTransport(reply))
    with TestClient(app) as c:
        body = c.get("/api/ask?q=西城区2022年地区生产总值是多少").json()
        assert body["method"] == "facts+llm" and "[1]" in body["answer"]
        assert body["removed"]
        page = c.get("/ask?q=西城区2022年地区生产总值是多少").text
        assert '<sup><a href="#c-1">[1]</a></sup>' in page
        assert "<script>x" not in page


def test_track_rows_have_both_quotes(client: TestClient) -> None:
    rows = client.get("/api/track?region=西城区").json()
    met = [r for r in rows if r["verdict"] == "met"]
    assert met and met[0]["target_evidence"] and met[0]["actual_evidence"]
    assert client.get("/api/track?format=csv").headers["content-type"].startswith("text/csv")


def test_track_of_a_parent_region_includes_its_districts(client: TestClient) -> None:
    district = client.get("/api/track?region=西城区").json()
    for name in ("北京", "110000"):
        rows = client.get("/api/track", params={"region": name}).json()
        assert district and {r["region"] for r in rows} >= {r["region"] for r in district}, name
        assert len(rows) >= len(district)
    page = client.get("/track", params={"region": "北京"}).text
    assert "西城区" in page
    assert page.count('class="cite-cell"') == len(client.get(
        "/api/track", params={"region": "北京"}).json())  # a cite text on every row
    assert "；结论：" in page


def test_compare_json_csv_and_svg(client: TestClient) -> None:
    rows = client.get("/api/compare?indicator=gdp_growth&period=2026").json()
    assert len(rows) >= 10 and all(r["period"] == 2026 for r in rows)
    svg = client.get("/api/compare?indicator=gdp_growth&period=2026&format=svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in svg.text and "广东省" in svg.text
    assert client.get("/api/compare?indicator=nope&period=2026").status_code == 400


def test_diff_and_attention(client: TestClient, plan: str, ids: dict[str, str]) -> None:
    diff = client.get(f"/api/diff?a={ids[REPORT_SOURCE]}&b={plan}").json()
    assert diff["a"]["year"] == 2023 and diff["b"]["id"] == plan
    panel = client.get("/api/attention").json()
    assert panel["topics"] and panel["panel"]
    assert {"region", "year", "rates"} <= set(panel["panel"][0])


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/facts", "/api/terms",
                 "/api/search", "/api/track", "/api/compare", "/api/diff", "/api/attention"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/documents"]
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/facts" in page.text
    assert "cdn" not in page.text.lower()


# -- writes -----------------------------------------------------------------------------------


def test_read_only_server_refuses_writes(client: TestClient, plan: str) -> None:
    r = upload(client, "a.txt", HOSTILE.encode(), AUTH)
    assert r.status_code == 403
    assert "read-only" in r.json()["error"]
    assert client.delete(f"/api/documents/{plan}", headers=AUTH).status_code == 403
    assert client.get(f"/api/documents/{plan}").status_code == 200


def test_writes_need_the_token(writable: TestClient, plan: str) -> None:
    r = upload(writable, "a.txt", HOSTILE.encode())
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert "token" in r.json()["error"]
    wrong = upload(writable, "a.txt", HOSTILE.encode(), {"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert writable.delete(f"/api/documents/{plan}").status_code == 401
    assert len(writable.get("/api/documents").json()) == 1


def test_upload_then_delete(writable: TestClient) -> None:
    r = upload(writable, "../../测试区报告.txt", HOSTILE.encode(), AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"] == 1 and body["facts"] >= 2
    doc_id = body["ids"][0]
    doc = writable.get(f"/api/documents/{doc_id}").json()
    assert doc["source"] == "uploads/测试区报告.txt"
    assert any(h["doc_id"] == doc_id for h in writable.get("/api/search?q=测试区").json())
    again = upload(writable, "copy.txt", HOSTILE.encode(), AUTH).json()
    assert again["unchanged"] == 1 and again["ids"] == [doc_id]
    assert writable.delete(f"/api/documents/{doc_id}", headers=AUTH).json()["deleted"] == doc_id
    assert writable.get(f"/api/documents/{doc_id}").status_code == 404
    assert writable.delete(f"/api/documents/{doc_id}", headers=AUTH).status_code == 404


def test_upload_limits_type_and_size(writable: TestClient) -> None:
    r = upload(writable, "report.exe", b"MZ...", AUTH)
    assert r.status_code == 415
    assert ".txt" in r.json()["error"]
    assert writable.post("/api/documents", headers=AUTH, data={"x": "1"}).status_code == 400
    app: Any = writable.app
    app.state.config.max_upload_bytes = 1000
    big = upload(writable, "big.txt", "报告".encode() * 2000, AUTH)
    assert big.status_code == 413
    assert "MB" in big.json()["error"]


def test_upload_of_unreadable_file_is_a_422(writable: TestClient) -> None:
    r = upload(writable, "bad.csv", b"a,b\n1,2\n", AUTH)
    assert r.status_code == 422
    assert r.json()["error"]


def test_hostile_document_is_inert(writable: TestClient) -> None:
    doc_id = upload(writable, "hostile.txt", HOSTILE.encode(), AUTH).json()["ids"][0]
    page = writable.get(f"/documents/{doc_id}").text
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "<b>加粗</b>" not in page
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
    assert "&lt;b&gt;加粗&lt;/b&gt; &amp; 其他" in page
    assert 'data-indicator="gdp_growth"' in page
    library_page = writable.get("/?q=测试区").text
    assert "北京市测试区" in library_page and "<script>alert" not in library_page
    facts_page = writable.get(f"/facts?doc={doc_id}").text
    assert "登记失业率控制在3.5%以内" in facts_page and "<b>加粗</b>" not in facts_page
    search_page = writable.get("/search?q=测试区").text
    assert "<script>alert" not in search_page and "<mark>" in search_page


# -- errors -----------------------------------------------------------------------------------


def test_crash_is_a_generic_500(web_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object, **__: object) -> list[Document]:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(Library, "documents", boom)
    with TestClient(create_app(web_db), raise_server_exceptions=False) as c:
        r = c.get("/api/documents")
        assert r.status_code == 500
        assert r.json() == {"error": "internal server error; the server log has details"}
        page = c.get("/", headers={"Accept": "text/html"})
        assert page.status_code == 500 and "secret" not in page.text
        assert "Traceback" not in page.text


def test_unknown_path(client: TestClient) -> None:
    assert client.get("/api/nothing").json()["error"].startswith("no such page")
    page = client.get("/nothing", headers={"Accept": "text/html"})
    assert page.status_code == 404 and "找不到页面" in page.text and "/nothing" in page.text


# -- pages ------------------------------------------------------------------------------------


def test_library_page(client: TestClient, plan: str) -> None:
    page = client.get("/?region=西城区").text
    assert "文库" in page and f'href="/documents/{plan}"' in page
    assert "广东省" not in page.split("<table", 1)[1]
    blank_form = client.get("/?region=西城区&year=&type=&level=&q=")
    assert blank_form.status_code == 200 and 'class="reset"' in blank_form.text
    assert client.get("/facts?kind=&period=&year=").status_code == 200
    assert client.get("/?type=bogus").status_code == 400


def test_reader_marks_facts_and_links_terms(client: TestClient, plan: str) -> None:
    page = client.get(f"/documents/{plan}").text
    assert 'id="sec-0"' in page and 'href="#sec-0"' in page
    assert 'data-indicator="gdp_growth" data-kind="target" data-value="5"' in page
    assert 'title="地区生产总值（gdp_growth） · 目标 · 5%左右 · 2024年">5%左右</mark>' in page
    assert '<a class="term" href="#term-' in page and "红墙先锋工程" in page


def test_reader_cites_a_passage(client: TestClient, plan: str) -> None:
    hit = client.get("/api/search?q=接诉即办&region=西城区").json()[0]
    page = client.get(f"/documents/{hit['doc_id']}?at={hit['start']}&end={hit['end']}").text
    assert '<span class="cited" id="cited">' in page
    quoted = client.get(f"/documents/{plan}?quote=登记失业率控制在3.5%25以内").text
    assert 'id="cited"' in quoted


def test_analysis_pages(client: TestClient, plan: str, ids: dict[str, str]) -> None:
    search = client.get("/search?q=就业").text
    assert "<mark>就业</mark>" in search and "?at=" in search
    track = client.get("/track?region=西城区").text
    assert "verdict-met" in track and "目标追踪" in track
    compare = client.get("/compare?indicator=gdp_growth&period=2026").text
    assert '<img src="/api/compare?' in compare and "format=svg" in compare
    assert "关注度" in client.get("/attention").text
    assert "目标变化" in client.get(f"/diff?a={ids[REPORT_SOURCE]}&b={plan}").text
    assert "名词解释" in client.get("/glossary?q=红墙").text
    upload_page = client.get("/upload").text
    assert "只读" in upload_page


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/nothing").headers["x-frame-options"] == "DENY"


def test_static_assets_are_local(client: TestClient) -> None:
    page = client.get("/").text
    assert "http://" not in page.replace("http://testserver", "")
    assert "https://" not in page
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200


# -- concurrency ------------------------------------------------------------------------------


def test_concurrent_reads(app: FastAPI, plan: str) -> None:
    async def run() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            urls = [f"/api/documents/{plan}", "/api/search?q=就业", "/api/facts",
                    f"/documents/{plan}", "/api/documents"] * 8
            responses = await asyncio.gather(*(c.get(u) for u in urls))
        return [r.status_code for r in responses]

    assert set(asyncio.run(run())) == {200}


# -- baogao serve ----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_serve_refuses_a_missing_library(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "baogao", "serve", "--db",
                             str(tmp_path / "none.db")], capture_output=True, text=True,
                            timeout=60, check=False, env={**os.environ, "BAOGAO_WRITE_TOKEN": ""})
    assert result.returncode == 1
    assert "no library at" in result.stderr and "baogao ingest" in result.stderr


def test_serve_runs_with_the_token_from_the_environment(web_db: Path) -> None:
    port = _free_port()
    env = {**os.environ, "BAOGAO_WRITE_TOKEN": TOKEN}
    proc = subprocess.Popen([sys.executable, "-m", "baogao", "serve", "--db", str(web_db),
                             "--port", str(port), "--log-level", "warning"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status = httpx.get(f"http://127.0.0.1:{port}/api", timeout=2).json()
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.communicate()[1]
                assert time.monotonic() < deadline, "baogao serve did not start"
                time.sleep(0.2)
        assert status["writable"] is True and status["documents"] == 20
        denied = httpx.delete(f"http://127.0.0.1:{port}/api/documents/x", timeout=5)
        assert denied.status_code == 401
    finally:
        proc.terminate()
        proc.wait(10)


# -- reader HTML, unit level ------------------------------------------------------------------


def _doc(text: str) -> Document:
    return Document(id="d", source="s", row=0, text=text, original=text,
                    offset_map=tuple(range(len(text))),
                    sections=(Section(0, 1, "一", "标题<b>", 0, len(text), 8, "plan"),))


def _fact(text: str, evidence: str, start: int, kind: str = "target") -> Fact:
    return Fact(source="s", row=0, region=None, year=None, indicator="gdp_growth",
                name="地区生产总值", kind=kind, estimated=False, period=2024, value=5.0,  # type: ignore[arg-type]
                unit="%", bound="approx", text=text, evidence=evidence, start=start,
                end=start + len(evidence))


def test_render_blocks_escapes_and_nests() -> None:
    text = "一、标题<b>\n增长5%左右，<i>另</i>增长5%左右。"
    line2 = text.index("增长")
    evidence = text[line2:]
    facts = [_fact("5%左右", evidence, line2), _fact("5%左右", evidence, line2)]
    terms = [Term("增长", "定义\"<x>", 0, 0, uses=((line2, line2 + 2),))]
    blocks = render_blocks(_doc(text), facts, terms, cited=(line2, line2 + 6))
    assert blocks[0].section == 0 and str(blocks[0].html) == "一、标题&lt;b&gt;"
    html = str(blocks[1].html)
    assert "&lt;i&gt;另&lt;/i&gt;" in html
    assert html.count('<mark class="fact fact-target"') == 2
    assert 'id="fact-0"' in html and 'id="fact-1"' in html
    assert 'title="增长：定义&#34;&lt;x&gt;"' in html
    assert html.startswith('<span class="cited" id="cited"><a class="term"')
    assert html.count('id="cited"') == 1


def test_locate_fact_falls_back_to_the_evidence() -> None:
    text = "甲乙丙丁"
    assert locate_fact(text, _fact("丙", "乙丙丁", 1)) == (2, 3)
    assert locate_fact(text, _fact("戊", "乙丙丁", 1)) == (1, 4)


def test_snippet_marks() -> None:
    assert str(snippet_html("<a>【就业】x【】")) == "&lt;a&gt;<mark>就业</mark>x【】"
    marked = str(mark_words("a<就业>b就业", ["就业"]))
    assert marked == "a&lt;<mark>就业</mark>&gt;b<mark>就业</mark>"


# -- pagination -------------------------------------------------------------------------------


def test_document_list_pages_with_total_and_next_link(client: TestClient) -> None:
    every = client.get("/api/documents").json()
    r = client.get("/api/documents?limit=3&offset=2")
    assert r.status_code == 200
    assert int(r.headers["x-total-count"]) == len(every) == 20
    assert [d["id"] for d in r.json()] == [d["id"] for d in every[2:5]]
    links = r.headers["link"]
    assert 'rel="next"' in links and "offset=5" in links and 'rel="prev"' in links
    last = client.get(f"/api/documents?limit=3&offset={len(every) - 1}")
    assert len(last.json()) == 1 and 'rel="next"' not in last.headers.get("link", "")


def test_facts_and_search_report_their_totals(client: TestClient) -> None:
    facts = client.get("/api/facts?region=北京市西城区&limit=5")
    total = int(facts.headers["x-total-count"])
    assert len(facts.json()) == 5 < total
    assert len(client.get(f"/api/facts?region=北京市西城区&limit={total}").json()) == total
    first = client.get("/api/search?q=就业&limit=5")
    second = client.get("/api/search?q=就业&limit=5&offset=5")
    assert int(first.headers["x-total-count"]) == int(second.headers["x-total-count"]) > 10
    ids = {(p["doc_id"], p["start"]) for p in first.json()}
    assert not ids & {(p["doc_id"], p["start"]) for p in second.json()}
