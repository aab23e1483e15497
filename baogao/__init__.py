"""baogao 报告: Chinese government work reports as structured, verifiable, queryable data.

    import baogao
    docs = list(baogao.read("reports/"))
    facts = baogao.extract_facts(docs[0])
    lib = baogao.Library("reports.db"); lib.ingest(["reports/"])
"""

from __future__ import annotations

from baogao.analyze.track import track
from baogao.ask.answer import AskResult, ask
from baogao.ask.search import search
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
from baogao.extract import extract_facts, extract_terms
from baogao.library import IngestReport, Library
from baogao.models import Document, Fact, Paragraph, Passage, RawDocument, Section, Term, TrackRow
from baogao.pipeline import build_document, read, read_all
from baogao.store import DocumentFilter, Store

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
