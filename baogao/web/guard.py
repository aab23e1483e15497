"""ASGI middleware that guards writes: token first, then body size, before any body is read."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from baogao.web.deps import WebConfig, WebError

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

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise WebError(413, f"the upload is larger than {limit // (1024 * 1024)} MB")
            return message

        await self.app(scope, counted_receive, send)


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
    """Add ``SECURITY_HEADERS`` to every HTTP response (defence in depth behind escaping)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
