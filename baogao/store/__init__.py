"""The library store (SQLite by default)."""

from baogao.store.sqlite import (
    ON_DELETE,
    ON_SAVE,
    DocumentFilter,
    FileRecord,
    PreparedDocument,
    Store,
    prepare,
)

__all__ = ["ON_DELETE", "ON_SAVE", "DocumentFilter", "FileRecord",
           "PreparedDocument", "Store", "prepare"]
