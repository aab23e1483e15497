"""The library store (SQLite by default)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from baogao.store.sqlite import ON_DELETE, ON_SAVE, DocumentFilter, Store

__all__ = ["ON_DELETE", "ON_SAVE", "DocumentFilter", "Store"]


def __getattr__(name: str) -> Any:
    """The store's names, loaded on first use (``baogao.store.export`` needs none of them)."""
    if name in __all__:
        from baogao.store import sqlite

        return getattr(sqlite, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
