"""The reading pipeline: file -> raw documents -> normalized, described, outlined documents.

    1. ingest      read_file(path)            -> RawDocument per file or collection row
    2. normalize   normalize(raw.text)        -> canonical text + offset map
    3. meta        extract_metadata(text)     -> region, year, date, speaker, meeting, type
    4. outline     build_outline(text, year)  -> sections with roles, paragraphs
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from baogao.errors import InputError, UnreadableFile
from baogao.models import Document, RawDocument
from baogao.read import iter_files, read_file
from baogao.read.meta import extract_metadata
from baogao.read.normalize import normalize
from baogao.read.outline import build_outline

MIN_CHARS = 20


def content_hash(text: str) -> str:
    """The id of a document: a short SHA-256 of its normalized text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def build_document(raw: RawDocument) -> Document:
    """Normalize, describe and outline one raw document."""
    normalized = normalize(raw.text)
    text = normalized.text
    if len(text.strip()) < MIN_CHARS:
        where = raw.source if raw.row == 0 else f"{raw.source} row {raw.row}"
        raise UnreadableFile(where, f"too little text to be a report ({len(text)} characters)")
    meta = extract_metadata(text, raw.hints, raw.text)
    sections, paragraphs = build_outline(text, meta.year, normalized.spaced_lines)
    return Document(
        id=content_hash(text), source=raw.source, row=raw.row, text=text, original=raw.text,
        offset_map=normalized.offset_map, title=meta.title, region=meta.region,
        region_path=meta.region_path, level=meta.level, year=meta.year, date=meta.date,
        speaker=meta.speaker, speaker_title=meta.speaker_title, meeting=meta.meeting,
        doc_type=meta.doc_type, sections=sections, paragraphs=paragraphs,
        region_code=meta.region_code,
    )


def read(*paths: str | Path) -> Iterator[Document]:
    """Read every report under ``paths`` (files or folders), one ``Document`` each.

    Raises the first ``InputError``; use ``read_all`` to collect errors and go on.
    """
    for path, display in iter_files([Path(p) for p in paths]):
        for raw in read_file(path, display):
            yield build_document(raw)


def read_all(*paths: str | Path) -> tuple[list[Document], list[InputError]]:
    """Read every report under ``paths``; bad files are returned as errors, not raised."""
    documents: list[Document] = []
    errors: list[InputError] = []
    for path, display in iter_files([Path(p) for p in paths]):
        try:
            raws = read_file(path, display)
        except InputError as exc:
            errors.append(exc)
            continue
        for raw in raws:
            try:
                documents.append(build_document(raw))
            except InputError as exc:
                errors.append(exc)
    return documents, errors
