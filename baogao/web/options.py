"""Server options that need neither FastAPI nor the library: what ``baogao serve`` reads in
its parent process before it starts worker processes (which import the app themselves)."""

from __future__ import annotations

from typing import Any

from baogao.settings import limit as setting_value

#: uvicorn's h11 protocol with a header deadline (``guard.HeaderTimeoutProtocol``), as an
#: import string: worker processes cannot receive a class made inside a function.
H11_PROTOCOL_PATH = "baogao.web.guard:HeaderTimeoutProtocol"
#: Environment of ``app.app_from_env`` (the app each ``baogao serve --workers N`` process
#: builds): the library path and the write token.
DB_ENV = "BAOGAO_SERVE_DB"
TOKEN_ENV = "BAOGAO_SERVE_TOKEN"


def server_limits() -> dict[str, Any]:
    """uvicorn options that bound what one client can hold: idle keep-alive and
    concurrency (from ``baogao.settings``); the header deadline is the protocol's."""
    return {"timeout_keep_alive": 5, "limit_concurrency": setting_value("http_connections"),
            "server_header": False}


def is_loopback(host: str) -> bool:
    """True when ``host`` only accepts connections from this machine."""
    import ipaddress

    if host.strip().lower() in ("localhost", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
