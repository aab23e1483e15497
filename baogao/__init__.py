"""baogao 报告: Chinese government work reports as structured, verifiable, queryable data.

    import baogao
    docs = list(baogao.read("reports/"))
    facts = baogao.extract_facts(docs[0])
    lib = baogao.Library("reports.db"); lib.ingest(["reports/"])
"""

from __future__ import annotations

import typing as _typing
from importlib import import_module as _import_module

from baogao.errors import (
    BaogaoError,
    CollectionError,
    InputError,
    NotFound,
    QueryError,
    StoreError,
    UnreadableFile,
    UnsupportedFormat,
)

if _typing.TYPE_CHECKING:
    from baogao.analyze.commitments import track_commitments
    from baogao.analyze.track import track
    from baogao.ask.answer import AskResult, ask
    from baogao.ask.search import search
    from baogao.extract import extract_facts, extract_terms
    from baogao.library import IngestReport, Library
    from baogao.models import (
        Commitment,
        CommitmentRow,
        Document,
        Fact,
        Paragraph,
        Passage,
        RawDocument,
        Section,
        Term,
        TrackRow,
    )
    from baogao.pipeline import build_document, read, read_all
    from baogao.store import DocumentFilter, Store

#: Where each public name lives; imported on first use, so that ``import baogao`` (and every
#: CLI start-up) does not load the segmenter, the HTTP client or the web stack.
_LAZY = {
    "track": "baogao.analyze.track", "track_commitments": "baogao.analyze.commitments",
    "Commitment": "baogao.models", "CommitmentRow": "baogao.models",
    "AskResult": "baogao.ask.answer", "ask": "baogao.ask.answer",
    "search": "baogao.ask.search", "extract_facts": "baogao.extract",
    "extract_terms": "baogao.extract", "IngestReport": "baogao.library",
    "Library": "baogao.library", "Document": "baogao.models", "Fact": "baogao.models",
    "Paragraph": "baogao.models", "Passage": "baogao.models", "RawDocument": "baogao.models",
    "Section": "baogao.models", "Term": "baogao.models", "TrackRow": "baogao.models",
    "build_document": "baogao.pipeline", "read": "baogao.pipeline",
    "read_all": "baogao.pipeline", "DocumentFilter": "baogao.store", "Store": "baogao.store",
}


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'baogao' has no attribute {name!r}")
    value = getattr(_import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__version__ = "0.1.0"

__all__ = [
    "AskResult",
    "BaogaoError",
    "CollectionError",
    "Commitment",
    "CommitmentRow",
    "Document",
    "DocumentFilter",
    "Fact",
    "IngestReport",
    "InputError",
    "Library",
    "NotFound",
    "Paragraph",
    "Passage",
    "QueryError",
    "RawDocument",
    "Section",
    "Store",
    "StoreError",
    "Term",
    "TrackRow",
    "UnreadableFile",
    "UnsupportedFormat",
    "__version__",
    "ask",
    "build_document",
    "extract_facts",
    "extract_terms",
    "read",
    "read_all",
    "search",
    "track",
    "track_commitments",
]
