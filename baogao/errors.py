"""The exception tree of baogao.

    BaogaoError                 every error the library raises on purpose
    ├── InputError              a file cannot be turned into documents (names the file)
    │   ├── UnsupportedFormat   no reader for the file's suffix
    │   ├── UnreadableFile      missing, binary, empty, truncated or undecodable
    │   ├── CollectionError     a collection file lacks a text column or a row is malformed
    │   ├── NotAReport          readable, but holds no report (a firewall block page, an
    │   │                       index page, a page with too little report text)
    │   ├── LimitExceeded       the input is larger than a limit in ``settings`` allows
    │   └── InternalError       a bug met while processing a file: says "internal error"
    │                           and the exception type; the traceback stays in the log
    ├── StoreError              the library database cannot be opened or migrated
    ├── NotFound                a document, fact or term asked for does not exist
    └── QueryError              a search, ask, track or compare request is not usable
        └── AmbiguousReference  a document reference matches several documents

Messages are one line and say how to fix the problem.
"""

from __future__ import annotations


def printable(text: str) -> str:
    """``text`` on one line and encodable: control characters and undecodable bytes of file
    names (surrogate escapes) are shown as escapes (``\\n``, ``\\udcff``)."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


class BaogaoError(Exception):
    """Base of every error baogao raises on purpose."""


class InputError(BaogaoError):
    """A file could not be read into documents."""

    def __init__(self, path: str, reason: str) -> None:
        path, reason = printable(path), printable(reason)
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFormat(InputError):
    """No reader is registered for the file's suffix."""


class UnreadableFile(InputError):
    """The file is missing, binary, empty, truncated or not decodable."""


class NotAReport(InputError):
    """The file is readable but holds no report: a block page, an index page, too little
    report text. The reason says which."""


class CollectionError(InputError):
    """A collection file (csv/jsonl/json) has no text column or a malformed row."""


class LimitExceeded(InputError):
    """The file (or what it unpacks to) is larger than a limit of ``baogao.settings``."""

    def __init__(self, path: str, what: str, name: str, value: int) -> None:
        from baogao.settings import setting

        env = setting(name).env
        shown = f"{value >> 20}M" if value >= 1 << 20 and value % (1 << 20) == 0 else value
        super().__init__(path, f"{what} exceeds the limit {name}={shown} "
                               f"(raise it with --limit {name}=… or ${env})")
        self.limit = name


class InternalError(InputError):
    """An unexpected exception while reading, analysing or storing one file.

    The message names the file and the exception type only; the traceback is logged at
    debug level (``baogao -vv``).
    """

    def __init__(self, path: str, exc: BaseException, stage: str = "processing") -> None:
        super().__init__(path, f"internal error while {stage} ({type(exc).__name__}); "
                               "please report it; `baogao -vv` shows the traceback")
        self.exc_type = type(exc).__name__


class StoreError(BaogaoError):
    """The SQLite library cannot be opened, created or migrated."""


class NotFound(BaogaoError):
    """The requested document, fact or term does not exist in the library."""


class QueryError(BaogaoError):
    """A search or analysis request cannot be answered as asked."""


class AmbiguousReference(QueryError):
    """A document reference (id prefix, file name) matches more than one document."""

    def __init__(self, ref: str, candidates: list[str]) -> None:
        shown = "; ".join(candidates[:10]) + (" …" if len(candidates) > 10 else "")
        super().__init__(f"{ref!r} matches {len(candidates)} documents: {shown}; "
                         "give the id or source#row of one")
        self.ref = ref
        self.candidates = candidates
