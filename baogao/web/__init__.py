"""The web explorer and REST API: ``create_app(db_path)`` returns a FastAPI app.

    from baogao.web import create_app
    app = create_app("reports.db", write_token="s3cret")   # uvicorn.run(app)

Pages are server-rendered (Jinja2, autoescaped) under ``/``; the JSON API lives under
``/api/`` with its OpenAPI description at ``/api/openapi.json`` and a local reference page at
``/api/docs``. Every asset is served from ``static/``: the app works offline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from baogao.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # ``create_app`` loads FastAPI and the library on first use: ``baogao serve --workers N``
    # imports ``baogao.web.options`` in its parent process without them
    if name == "create_app":
        from baogao.web.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
