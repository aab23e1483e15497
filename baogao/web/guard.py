"""ASGI middleware that guards writes: token first, then body size, before any body is read."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .deps import WebConfig, WebError

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
