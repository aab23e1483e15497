"""Server hardening: writes need the token (checked before any body is read), bodies are
bounded in size and time, every response carries the security headers, and a connection
that dribbles its request headers (slowloris) is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import re
import socket
from typing import Any

import h11
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from baogao.settings import limit as setting_value
from baogao.web.deps import WebConfig, WebError
from baogao.web.options import H11_PROTOCOL_PATH, is_loopback, server_limits

log = logging.getLogger(__name__)

__all__ = [
    "H11_PROTOCOL_PATH",
    "NumberGuard",
    "SecurityHeaders",
    "WriteGuard",
    "is_loopback",
    "no_delay",
    "server_options",
]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class WriteGuard:
    """Refuse unsafe methods without the write token (401/403) or with too large a body (413).

    The body is also counted as it streams in, for clients that send no Content-Length.
    """

    def __init__(self, app: ASGIApp, config: WebConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit = self.config.max_upload_bytes
        try:
            self.config.check_write(headers.get("authorization"))
            length = headers.get("content-length")
            if length and length.isdigit() and int(length) > limit:
                raise WebError(413, f"the upload is larger than {limit // (1024 * 1024)} MB")
        except WebError as exc:
            response = JSONResponse({"error": exc.message}, status_code=exc.status,
                                    headers=exc.headers)
            await response(scope, receive, send)
            return
        received = 0
        wait = float(setting_value("http_body_seconds"))

        async def counted_receive() -> Message:
            nonlocal received
            try:
                message = await asyncio.wait_for(receive(), wait)
            except TimeoutError:
                raise WebError(408, f"no request body data for {wait:g} s") from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise WebError(413, f"the upload is larger than {limit // (1024 * 1024)} MB")
            return message

        await self.app(scope, counted_receive, send)


#: A query value of more digits than this cannot be a count, offset, year or id number.
MAX_NUMBER_DIGITS = 18
_LONG_NUMBER = re.compile(rf"[+-]?0*[0-9]{{{MAX_NUMBER_DIGITS + 1},}}")


class NumberGuard:
    """Refuse (422) a query parameter holding a whole number beyond 64 bits.

    Such a value passes FastAPI's ``int`` validation but not SQLite's integers; refusing it
    at the door keeps every endpoint, present and future, from answering 500.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Pages validate their own fields and explain in the form; the API refuses here.
        if (scope["type"] == "http" and scope.get("query_string")
                and str(scope.get("path", "")).startswith("/api")):
            from urllib.parse import parse_qsl

            query = scope["query_string"].decode("latin-1")
            for name, value in parse_qsl(query, keep_blank_values=True):
                if _LONG_NUMBER.fullmatch(value.strip()):
                    response = JSONResponse(
                        {"error": f"{name}: the number is out of range"}, status_code=422)
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)


#: Sent with every response: no inline or foreign scripts, no framing, no MIME sniffing.
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
     b"img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
     b"form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Add ``SECURITY_HEADERS`` to every HTTP response (defence in depth behind escaping).

    It also answers for anything that escapes the app's own error handlers: a plain
    ``{"error": "internal server error"}`` 500 with the headers, the traceback in the log only.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            response = JSONResponse({"error": "internal server error; the server log has "
                                     "details"}, status_code=500)
            await response(scope, receive, send_with_headers)


@functools.lru_cache(maxsize=1)
def _h11_protocol() -> type[Any]:
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderTimeoutProtocol(H11Protocol):
        """uvicorn's h11 protocol with a deadline for the request line and headers.

        The clock starts when the connection opens (and again after each response on a
        kept-alive connection) and is not reset by incoming bytes, so a client that sends
        one header byte every few seconds is cut off after ``http_header_seconds``.
        """

        header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            no_delay(transport)
            self._arm()

        def _arm(self) -> None:
            self._disarm()
            self.header_timer = self.loop.call_later(float(setting_value("http_header_seconds")),
                                                     self._expired)

        def _disarm(self) -> None:
            if self.header_timer is not None:
                self.header_timer.cancel()
                self.header_timer = None

        def _expired(self) -> None:
            self.header_timer = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is not h11.IDLE:
                self._disarm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

    return HeaderTimeoutProtocol


def no_delay(transport: asyncio.BaseTransport) -> None:
    """Send each write at once (TCP_NODELAY) on a TCP connection.

    asyncio sets it only when the listening socket was made with ``IPPROTO_TCP`` as its
    protocol; uvicorn's own socket (``--workers N``) is made with 0, and then Nagle's
    algorithm holds the body of every response after the first on a kept-alive connection
    until the client's delayed ACK: 40 ms each (benchmarks/scale.py, ``serve``).
    """
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        with contextlib.suppress(OSError):  # a socket that refuses the option keeps Nagle
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def __getattr__(name: str) -> Any:
    if name == "HeaderTimeoutProtocol":
        return _h11_protocol()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def server_options() -> dict[str, Any]:
    """uvicorn options that bound what one client can hold: header deadline, idle
    keep-alive, and concurrency (from ``baogao.settings``)."""
    return {"http": _h11_protocol(), **server_limits()}
