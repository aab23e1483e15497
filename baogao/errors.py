"""The exception tree of baogao.

    BaogaoError                 every error the library raises on purpose
    ├── InputError              a file cannot be turned into documents (names the file)
    │   ├── UnsupportedFormat   no reader for the file's suffix
    │   ├── UnreadableFile      missing, binary, empty, truncated or undecodable
    │   └── CollectionError     a collection file lacks a text column or a row is malformed
    ├── StoreError              the library database cannot be opened or migrated
    ├── NotFound                a document, fact or term asked for does not exist
    └── QueryError              a search, ask, track or compare request is not usable

Messages are one line and say how to fix the problem.
"""

from __future__ import annotations


class BaogaoError(Exception):
    """Base of every error baogao raises on purpose."""


class InputError(BaogaoError):
    """A file could not be read into documents."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFormat(InputError):
    """No reader is registered for the file's suffix."""


class UnreadableFile(InputError):
    """The file is missing, binary, empty, truncated or not decodable."""


class CollectionError(InputError):
    """A collection file (csv/jsonl/json) has no text column or a malformed row."""


class StoreError(BaogaoError):
    """The SQLite library cannot be opened, created or migrated."""


class NotFound(BaogaoError):
    """The requested document, fact or term does not exist in the library."""


class QueryError(BaogaoError):
    """A search or analysis request cannot be answered as asked."""
