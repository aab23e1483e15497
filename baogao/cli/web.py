"""``baogao serve``: the web explorer and REST API over a library."""

from __future__ import annotations

import os
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from baogao.cli.common import (
    DbOption,
    app,
    err_console,
    escape,
    library_path,
    open_library,
)
from baogao.errors import QueryError, StoreError

if TYPE_CHECKING:
    import socket
    from pathlib import Path

TOKEN_ENV = "BAOGAO_WRITE_TOKEN"


class LogLevel(str, Enum):
    """uvicorn log levels."""

    critical = "critical"
    error = "error"
    warning = "warning"
    info = "info"
    debug = "debug"


#: The most server processes ``serve`` starts by default.
DEFAULT_WORKERS_MAX = 4


def default_workers() -> int:
    """One server process per core, at most ``DEFAULT_WORKERS_MAX``: a search is a few
    milliseconds of CPU on the event loop, so with one process concurrent clients queue
    behind each other's uncached searches (running them in threads was measured: more CPU
    per request and longer waits); each worker costs about 140 MB at ×30, the supervising
    parent about 35 MB."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    return max(1, min(DEFAULT_WORKERS_MAX, cores))


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine "
                                      "only; 0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    write_token: Annotated[str | None, typer.Option(
        "--write-token", help=f"Token that allows uploads and deletes (Authorization: Bearer "
        f"<token>); prefer ${TOKEN_ENV}, which other users cannot see in the process list.",
        show_default=False)] = None,
    token_env: Annotated[str, typer.Option(
        "--token-env", help="Environment variable to read the write token from.")] = TOKEN_ENV,
    log_level: Annotated[LogLevel, typer.Option(help="uvicorn log level.")] = LogLevel.info,
    allow_remote: Annotated[bool, typer.Option(
        "--allow-remote", help="Allow uploads and deletes on an address other machines can "
        "reach (the token then crosses the network in clear unless a TLS proxy is in "
        "front).")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, max=64, show_default=False,
        help=f"Server processes, each with its own connections and caches (default: one per "
             f"core, at most {DEFAULT_WORKERS_MAX}; 1 = this process only).")] = None,
) -> None:
    """Serve the web explorer (/) and the REST API (/api/, reference at /api/docs).

    The server is read-only unless a write token is given.
    """
    workers = workers or default_workers()

    from baogao.web.options import is_loopback

    path, _ = library_path(db)
    token = write_token or os.environ.get(token_env) or None
    if token and not is_loopback(host) and not allow_remote:
        raise QueryError(f"writes are enabled (write token) and {host} is reachable from other "
                         "machines; serve on 127.0.0.1 behind a TLS proxy, or pass "
                         "--allow-remote to accept this")
    if not token:
        open_library(db, readonly=True).close()  # refuses a missing library, naming it
    sock = listen(host, port)  # a busy port fails here, before anything is announced
    if workers == 1:
        from baogao.web import create_app
        from baogao.web.app import settle

        web_app = create_app(str(path), write_token=token)  # creates the library and index
        settle()
        _announce(path, host, port, token, workers)
        import uvicorn

        from baogao.web.guard import server_options

        server = uvicorn.Server(uvicorn.Config(web_app, host=host, port=port,
                                               log_level=log_level.value, **server_options()))
        server.run(sockets=[sock])
        return
    sock.close()  # the worker processes bind the port themselves
    _prepare(path)
    _announce(path, host, port, token, workers)
    _run_workers(path, host, port, token, workers, log_level.value)


def _prepare(path: Path) -> None:
    """Create or migrate the library and bring its search index up to date once, in a child
    process: this process only starts and watches the workers, and stays small without
    FastAPI, the library and the index (about 140 MB at ×30 when it built the app)."""
    import subprocess
    import sys

    code = "from baogao.web.app import prepare_main; prepare_main()"
    if subprocess.run([sys.executable, "-c", code, str(path)], check=False).returncode:
        raise typer.Exit(1)  # the child printed why


def _announce(path: Path, host: str, port: int, token: str | None, workers: int) -> None:
    mode = "uploads and deletes need the write token" if token else "read-only"
    err_console.print(f"baogao: serving {escape(str(path.resolve()))} at http://{host}:{port}/ "
                      f"({mode}, {workers} worker{'s' if workers > 1 else ''}); Ctrl+C stops",
                      highlight=False)
    from baogao.web.options import is_loopback

    if token and not is_loopback(host):
        err_console.print("[yellow]warning:[/yellow] writes are enabled on an address other "
                          "machines can reach; use TLS in front of it", highlight=False)


def _run_workers(path: Path, host: str, port: int, token: str | None, workers: int,
                 log_level: str) -> None:
    """uvicorn's supervisor over ``workers`` processes, each building the app from the
    environment (``web.app.app_from_env``)."""
    import uvicorn

    from baogao.web.options import DB_ENV, H11_PROTOCOL_PATH, server_limits
    from baogao.web.options import TOKEN_ENV as SERVE_TOKEN_ENV

    os.environ[DB_ENV] = str(path.resolve())
    if token:
        os.environ[SERVE_TOKEN_ENV] = token
    uvicorn.run("baogao.web.app:app_from_env", factory=True, workers=workers, host=host,
                port=port, log_level=log_level, http=H11_PROTOCOL_PATH, **server_limits())


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or a one-line StoreError when the port is taken."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP: asyncio then sets TCP_NODELAY on every accepted connection
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise StoreError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; another "
                         f"program uses the port? pick another with --port") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock
