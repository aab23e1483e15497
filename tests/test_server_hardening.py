"""The server under hostile requests: every route, every parameter, odd values -> 4xx, never
5xx; security headers on every response, errors included; no configuration leaks."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from baogao.ask.llm import LlmSettings
from baogao.library import Library
from baogao.web import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

DATA = Path(__file__).parent / "data"
SECRET = "sk-live-SECRET-credential-42"

ODD_VALUES = [
    "99999999999999999999999", "-99999999999999999999999", "²", "١٢", "٢٠٢٤", "2024\x00",
    "1e309", "nan", "[/x]", "%", "' OR 1=1 --", "\"", "a" * 5000, "-1", "0", "", " ",
    "西城区", "../../etc/passwd", "NEAR(", "*", "${jndi:x}",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hard") / "lib.db"
    with Library(path) as lib:
        report = lib.ingest([DATA / "seeds"])
        assert report.ok, report.errors
    return path


@pytest.fixture(scope="module")
def app(db: Path) -> FastAPI:
    return create_app(db, write_token="token-abc")


@pytest.fixture(scope="module")
def app_with_llm(db: Path) -> FastAPI:
    # An LLM endpoint with credentials in its URL and key; nothing listens there.
    llm = LlmSettings(url=f"http://user:{SECRET}@127.0.0.1:9/v1/chat/completions",
                      key=SECRET, model="m")
    return create_app(db, write_token="token-abc", llm=llm)


def _get_routes(app: FastAPI) -> list[tuple[str, list[str]]]:
    """Every GET route (API and pages) with the names of its query parameters."""
    from fastapi.dependencies.models import Dependant
    from fastapi.routing import APIRoute

    def names(dep: Dependant) -> list[str]:
        own = [p.alias for p in dep.query_params]
        return own + [n for sub in dep.dependencies for n in names(sub)]

    def walk(routes: list[Any]) -> list[tuple[str, list[str]]]:
        found: list[tuple[str, list[str]]] = []
        for route in routes:
            if isinstance(route, APIRoute) and "GET" in route.methods:
                found.append((route.path, names(route.dependant)))
            inner = getattr(route, "original_router", None)  # included routers (FastAPI ≥0.16x)
            if inner is not None:
                found += walk(list(inner.routes))
        return found

    return walk(list(app.routes))


def _check(response: httpx.Response, what: str) -> None:
    assert response.status_code < 500, (what, response.status_code, response.text[:300])
    for header in ("content-security-policy", "x-content-type-options", "x-frame-options"):
        assert header in response.headers, (what, header)
    assert SECRET not in response.text, what
    assert "Traceback" not in response.text, what


def test_every_parameter_of_every_route_refuses_odd_values(app: FastAPI) -> None:
    client = TestClient(app, raise_server_exceptions=False)
    routes = _get_routes(app)
    assert len(routes) >= 8
    with Library(app.state.config.db_path, readonly=True) as lib:
        doc_id = lib.documents()[0].id
    for path, params in routes:
        base = path.replace("{doc_id}", doc_id)
        for name in params:
            for value in ODD_VALUES:
                for headers in ({}, {"accept": "text/html"}):
                    r = client.get(base, params={name: value}, headers=headers)
                    _check(r, f"{base}?{name}={value[:20]!r}")
        for value in ("²", "[/x]", "%25", "a" * 3000):
            if "{" in path:
                r = client.get(path.split("{")[0] + value)
                _check(r, f"{path} with {value[:20]!r}")


def test_llm_failure_shows_no_configuration(app_with_llm: FastAPI) -> None:
    client = TestClient(app_with_llm, raise_server_exceptions=False)
    for path in ("/api/ask", "/ask"):
        r = client.get(path, params={"q": "为什么要推进城市更新，具体有哪些考虑和安排？"})
        _check(r, path)
        assert "127.0.0.1:9" not in r.text
        assert "user:" not in r.text


def test_security_headers_on_crashes_and_refusals(app: FastAPI) -> None:
    client = TestClient(app, raise_server_exceptions=False)
    checks: list[tuple[str, Any]] = [
        ("no such page", client.get("/no/such/page")),
        ("unauthorised write", client.post("/api/documents", content=b"x")),
        ("wrong method", client.put("/api/documents")),
        ("huge body", client.post("/api/documents", headers={
            "authorization": "Bearer token-abc", "content-length": str(1 << 40)}, content=b"")),
    ]
    for what, response in checks:
        _check(response, what)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _serve(db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[Any, int]:
    import os
    import subprocess
    import sys
    import time

    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "baogao", "serve", "--db", str(db), "--port", str(port),
         "--log-level", "warning", *args],
        env={**os.environ, "BAOGAO_WRITE_TOKEN": "", **(env or {})},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api", timeout=2)
            return proc, port
        except httpx.HTTPError:
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "baogao serve did not start"
            time.sleep(0.2)


def test_slow_headers_and_slow_bodies_are_cut_off(app: FastAPI) -> None:
    import socket
    import time

    proc, port = _serve(Path(app.state.config.db_path), env={
        "BAOGAO_HTTP_HEADER_SECONDS": "2", "BAOGAO_HTTP_BODY_SECONDS": "2",
        "BAOGAO_WRITE_TOKEN": "token-abc"})
    try:
        # slowloris: one header byte every 0.5 s; the server must close within the deadline
        # (2 s) although bytes keep coming.
        request = b"GET /api HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sent = 0
            closed = False
            started = time.monotonic()
            while time.monotonic() - started < 20:
                try:
                    sock.sendall(request[sent : sent + 1])
                    sent += 1
                    sock.settimeout(0.5)
                    if sock.recv(1) == b"":
                        closed = True
                        break
                except TimeoutError:
                    continue
                except OSError:
                    closed = True
                    break
            assert closed, "the server kept a connection that never finished its headers"
        # a body promised but never sent: 408, with the headers, before the client gives up
        with socket.create_connection(("127.0.0.1", port), timeout=15) as sock:
            sock.sendall(b"POST /api/documents HTTP/1.1\r\nHost: x\r\n"
                         b"Authorization: Bearer token-abc\r\n"
                         b"Content-Type: multipart/form-data; boundary=xx\r\n"
                         b"Content-Length: 1000\r\n\r\n--xx\r\n")
            reply = sock.recv(4096)
            assert reply.startswith(b"HTTP/1.1 408"), reply[:100]
            assert b"content-security-policy" in reply.lower()
        assert httpx.get(f"http://127.0.0.1:{port}/api", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(10)


def test_writes_on_a_remote_address_need_allow_remote(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "baogao", "serve", "--db", str(tmp_path / "x.db"),
         "--host", "0.0.0.0", "--port", str(_free_port())],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "BAOGAO_WRITE_TOKEN": "t0ken"})
    assert result.returncode == 1
    assert "--allow-remote" in result.stderr
    assert "Traceback" not in result.stderr


def test_uploads_of_bad_files_get_their_reason_not_a_500(app: FastAPI, tmp_path: Path) -> None:
    import hostile

    client = TestClient(app, raise_server_exceptions=False)
    auth = {"Authorization": "Bearer token-abc"}
    bomb = hostile.write_zip_bomb(tmp_path / "bomb.docx")
    nested = tmp_path / "nested.json"
    nested.write_text("[" * 100_000 + "]" * 100_000)
    for path, words in ((bomb, "exceeds the limit"), (nested, "nesting")):
        r = client.post("/api/documents", headers=auth,
                        files={"file": (path.name, path.read_bytes())})
        _check(r, f"upload {path.name}")
        assert r.status_code == 422, r.text
        assert path.name in r.json()["error"] and words in r.json()["error"]


def test_responses_are_sent_at_once_on_a_uvicorn_socket(app: FastAPI) -> None:
    """``serve --workers N`` listens on uvicorn's socket (protocol 0), on which asyncio leaves
    Nagle's algorithm on: every response after the first on a kept-alive connection then
    waited for the client's delayed ACK. The hardened protocol sets TCP_NODELAY itself."""
    import socket
    import threading
    import time

    import uvicorn

    from baogao.web.guard import server_options

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # as uvicorn makes it
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", **server_options()))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
            for _ in range(2):  # two requests on one kept-alive connection
                client.sendall(b"GET /api HTTP/1.1\r\nHost: x\r\n\r\n")
                reply = b""
                while not reply.endswith(b"}"):
                    reply += client.recv(65536)
                assert reply.startswith(b"HTTP/1.1 200")
            connections = list(server.server_state.connections)
            assert connections
            for protocol in connections:
                sock = protocol.transport.get_extra_info("socket")
                assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        server.should_exit = True
        thread.join(10)
        listener.close()
