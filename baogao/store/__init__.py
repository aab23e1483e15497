"""The library store (SQLite by default)."""

from baogao.store.sqlite import (
    HOOK_MODULES,
    ON_DELETE,
    ON_SAVE,
    DocumentFilter,
    FileRecord,
    PreparedDocument,
    Store,
    prepare,
)

__all__ = ["HOOK_MODULES", "ON_DELETE", "ON_SAVE", "DocumentFilter", "FileRecord",
           "PreparedDocument", "Store", "prepare"]
