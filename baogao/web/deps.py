"""Shared pieces of the web app: its settings, a pool of library connections, write access.

Reads use pooled ``Library`` objects (one SQLite connection each, never used by two requests
at once), so concurrent GETs are safe. Writes open their own ``Library`` and are serialized by
a lock; SQLite's WAL lets readers go on meanwhile.
"""

from __future__ import annotations

import hmac
import queue
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Annotated

import httpx
from fastapi import Depends, Request

from baogao.ask.llm import LlmSettings
from baogao.library import Library

#: Largest accepted request body on a write (uploads), in bytes.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
#: Bytes of the library file a pooled read connection maps into memory (SQLite's
#: ``mmap_size``; SQLite caps it near 2 GB). Reads of mapped pages skip a system call and a
#: copy each: a search reads the stored text of every candidate's document, and at ×30
#: (benchmarks/scale.py) that read took about half as long mapped. Reads only: SQLite still
#: writes through its journal, and the pool never writes.
READ_MMAP_BYTES = 2 * 1024 * 1024 * 1024


class WebError(Exception):
    """An HTTP-level refusal (auth, size) rendered as ``{"error": message}``."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass
class LibraryPool:
    """Reusable read connections to one library file."""

    db_path: str
    _free: queue.SimpleQueue[Library] = field(default_factory=queue.SimpleQueue)
    _all: list[Library] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def acquire(self) -> Library:
        """A library connection for the calling request alone."""
        try:
            return self._free.get_nowait()
        except queue.Empty:
            lib = Library(self.db_path, readonly=True)
            if self.db_path != ":memory:":
                lib.store.conn.execute(f"PRAGMA mmap_size = {READ_MMAP_BYTES}")
            with self._lock:
                self._all.append(lib)
            return lib

    def release(self, lib: Library) -> None:
        """Give a connection back once the request is done with it."""
        self._free.put(lib)

    def close(self) -> None:
        """Close every connection the pool opened."""
        with self._lock:
            for lib in self._all:
                lib.close()
            self._all.clear()
        self._free = queue.SimpleQueue()


@dataclass
class WebConfig:
    """What ``create_app`` was given."""

    db_path: str
    write_token: str | None = None
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    llm: LlmSettings | None = None
    llm_transport: httpx.BaseTransport | None = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def writable(self) -> bool:
        """True when a write token is set (the server is read-only otherwise)."""
        return bool(self.write_token)

    def check_write(self, authorization: str | None) -> None:
        """Raise ``WebError`` (401/403) unless ``authorization`` carries the write token."""
        if not self.write_token:
            raise WebError(403, "this server is read-only: start it with --write-token "
                           "(or BAOGAO_WRITE_TOKEN) to allow uploads and deletes")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise WebError(401, "a write token is required: send 'Authorization: Bearer <token>'",
                           {"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.strip().encode(), self.write_token.encode()):
            raise WebError(403, "the write token is wrong")


async def get_config(request: Request) -> WebConfig:
    """The app's ``WebConfig`` (async: a plain attribute read needs no worker thread)."""
    config: WebConfig = request.app.state.config
    return config


async def get_library(request: Request) -> AsyncIterator[Library]:
    """A pooled read connection for the duration of one request.

    Async so that taking and returning a connection costs no thread hop (neither blocks:
    a new connection is opened only while the pool grows).
    """
    pool: LibraryPool = request.app.state.pool
    lib = pool.acquire()
    try:
        yield lib
    finally:
        pool.release(lib)


def open_writer(config: WebConfig) -> Library:
    """A library opened for writing (hold ``config.write_lock`` while using it)."""
    return Library(config.db_path)


Lib = Annotated[Library, Depends(get_library)]
Config = Annotated[WebConfig, Depends(get_config)]
