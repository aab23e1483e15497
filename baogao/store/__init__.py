"""The library store (SQLite by default)."""

from baogao.store.sqlite import (
    ON_DELETE,
    ON_SAVE,
    SAVE_HOOKS,
    DocumentFilter,
    FileRecord,
    PreparedDocument,
    SaveHook,
    Store,
    prepare,
)

__all__ = ["ON_DELETE", "ON_SAVE", "SAVE_HOOKS", "DocumentFilter", "FileRecord",
           "PreparedDocument", "SaveHook", "Store", "prepare"]
