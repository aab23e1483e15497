"""Batched writes: many documents per transaction, one savepoint per document.

    with BatchWriter(store) as writer:
        outcome = writer.write(prepared)      # "added", "unchanged" or "missing"
        writer.record_file(record)            # in the same transaction as the file's rows

A transaction is committed after ``max_documents`` documents or ``max_seconds``, whichever
comes first, and when the writer closes. A document that fails is rolled back to its
savepoint alone; a process killed mid-batch loses the uncommitted documents whole (SQLite's
journal), never part of one. Facts, terms and search-index rows are in the same savepoint.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from baogao.errors import StoreError
from baogao.store.sqlite import FileRecord, PreparedDocument, Store


class BatchWriter:
    """Writes prepared documents into ``store`` in batched transactions."""

    def __init__(self, store: Store, *, max_documents: int = 64, max_seconds: float = 1.0,
                 on_commit: Callable[[], None] | None = None) -> None:
        self.store = store
        self.on_commit = on_commit
        self.max_documents = max_documents
        self.max_seconds = max_seconds
        self._pending = 0
        self._started = 0.0

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.rollback()

    def _begin(self) -> None:
        if not self.store.conn.in_transaction:
            self.store.conn.execute("BEGIN IMMEDIATE")
            self._started = time.monotonic()
            self._pending = 0

    def write(self, item: PreparedDocument) -> str:
        """Write one document (see ``Store.write``); raises ``StoreError`` naming its source
        when it cannot be stored (nothing of it is written, the batch goes on)."""
        try:
            self._begin()
            outcome = self.store.write(item)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store {item.doc.source}: {exc}") from exc
        self._pending += 1
        if (self._pending >= self.max_documents
                or time.monotonic() - self._started >= self.max_seconds):
            self.commit()
        return outcome

    def record_file(self, record: FileRecord, *, copy_from: str | None = None) -> None:
        """Remember a completely read file, in the transaction holding its last rows."""
        try:
            self._begin()
            self.store.record_file(record, copy_from=copy_from)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot record {record.source}: {exc}") from exc

    def commit(self) -> None:
        """Commit the open batch, if any."""
        if self.store.conn.in_transaction:
            try:
                self.store.conn.commit()
            except sqlite3.Error as exc:
                raise StoreError(f"cannot commit to {self.store.path}: {exc}") from exc
            if self.on_commit is not None:
                self.on_commit()
        self._pending = 0

    def rollback(self) -> None:
        """Drop the open batch."""
        if self.store.conn.in_transaction:
            self.store.conn.rollback()
        self._pending = 0
