"""baogao 报告: Chinese government work reports as structured, verifiable, queryable data.

    import baogao
    docs = list(baogao.read("reports/"))
    facts = baogao.extract_facts(docs[0])
    lib = baogao.Library("reports.db"); lib.ingest(["reports/"])
"""

from __future__ import annotations

from .ask import AskResult, ask
from .errors import (
    BaogaoError,
    CollectionError,
    InputError,
    NotFound,
    QueryError,
    StoreError,
    UnreadableFile,
    UnsupportedFormat,
)
from .extract import extract_facts, extract_terms
from .library import IngestReport, Library
from .models import Document, Fact, Paragraph, Passage, RawDocument, Section, Term, TrackRow
from .pipeline import build_document, read, read_all
from .search import search
from .store import DocumentFilter, Store
from .track import track

__version__ = "0.1.0"

__all__ = [
    "AskResult",
    "BaogaoError",
    "CollectionError",
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
]
