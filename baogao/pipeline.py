"""The reading pipeline: file -> raw documents -> normalized, described, outlined documents.

    1. ingest      read_file(path)            -> RawDocument per file or collection row
    2. normalize   normalize(raw.text)        -> canonical text + offset map
    3. meta        extract_metadata(text)     -> region, year, date, speaker, meeting, type
    4. outline     build_outline(text, year)  -> sections with roles, paragraphs

``run_task`` is the unit of work ``Library.ingest`` hands to its worker processes: one plain
file, or one row of a collection (CSV/JSONL/JSON), read through extraction to a
``PreparedDocument`` whose rows only need writing.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from baogao.errors import InputError, InternalError, UnreadableFile
from baogao.models import Document, Fact, RawDocument, Term
from baogao.read import iter_files, read_file
from baogao.read.meta import extract_metadata
from baogao.read.normalize import normalize
from baogao.read.outline import build_outline
from baogao.store.sqlite import PreparedDocument, prepare

log = logging.getLogger(__name__)

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


#: Suffixes of collections: files holding one report per row, read in the main process and
#: handed to the workers row by row.
COLLECTIONS = frozenset({".csv", ".jsonl", ".ndjson", ".json"})


@dataclass(frozen=True)
class Task:
    """One unit of ingest work: a whole plain file (``raw`` None), one collection row, or
    one part of a Parquet dataset written by ``baogao batch`` (``part``)."""

    key: int
    path: str
    display: str
    raw: RawDocument | None = None
    part: int | None = None


@dataclass
class TaskResult:
    """What a task produced: prepared documents and one-line errors."""

    key: int
    items: list[PreparedDocument] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def analyse(doc: Document) -> tuple[Document, list[Fact], list[Term]]:
    """Extract the facts (catalog ones, then every other number with a unit) and glossary
    terms of a document."""
    from baogao.extract import extract_facts, extract_terms
    from baogao.extract.open.facts import enrich, open_facts

    facts = extract_facts(doc)
    return doc, [*enrich(facts), *open_facts(doc, facts)], extract_terms(doc)


#: A document this long that yields no fact and no term gets a warning (is it a report?).
QUIET_CHARS = 20_000


def quiet_warning(doc: Document, facts: list[Fact], terms: list[Term], where: str) -> str | None:
    """A warning for a long document that yielded nothing (not a report, or lost lines?)."""
    if len(doc.text) < QUIET_CHARS or facts or terms:
        return None
    lines = doc.text.count("\n") + 1
    hint = (f" and only {lines} line{'s' if lines > 1 else ''}: line breaks lost?"
            if len(doc.text) / lines > 5000 else ": is it a report?")
    return f"{where}: no facts or glossary terms found in {len(doc.text)} characters{hint}"


def passage_rows(doc: Document) -> object:
    """The search index passages of ``doc`` (segmented here, in the worker)."""
    from baogao.ask.passage_rows import passage_rows as rows_of

    return rows_of(doc)


def read_task(task: Task) -> list[RawDocument] | str:
    """The raw documents of one task, or the one-line error saying why it could not be read
    (an ``InputError``'s reason; anything unexpected as "internal error (ExceptionType)")."""
    if task.raw is not None:
        return [task.raw]
    try:
        return read_file(Path(task.path), task.display)
    except InputError as exc:
        return str(exc)
    except Exception as exc:  # read_file wraps reader failures; this is a last resort
        log.debug("reading %s failed", task.display, exc_info=True)
        return str(InternalError(task.display, exc, "reading"))


def raw_place(task: Task, raw: RawDocument, count: int) -> str:
    """How error lines name one raw document: the file alone, or the file and its row."""
    if raw.row == 0 and task.raw is None and count == 1:
        return raw.source
    return f"{raw.source} row {raw.row}"


def run_task(task: Task, known: frozenset[str] = frozenset()) -> TaskResult:
    """Do one task: every document read, analysed (unless its id is in ``known``, stored
    when ingest started) and prepared. Every failure becomes one line naming the file (and
    row), never an exception: an ``InputError`` with its reason, anything unexpected as
    "internal error (ExceptionType)" with the traceback logged at debug level."""
    result = TaskResult(task.key)
    if task.part is not None:
        return _run_part(task, known, result)
    raws = read_task(task)
    if isinstance(raws, str):
        result.errors.append(raws)
        return result
    for raw in raws:
        result.warnings.extend(raw.warnings)
        where = raw_place(task, raw, len(raws))
        stage = "reading"
        try:
            doc = build_document(raw)
            if doc.id in known:
                result.items.append(prepare(doc, analysed=False))
                continue
            stage = "analysing"
            _, facts, terms = analyse(doc)
            stage = "indexing"
            result.items.append(prepare(doc, facts, terms,
                                        extras={"search": passage_rows(doc)}))
        except InputError as exc:
            result.errors.append(str(exc))
            continue
        except Exception as exc:
            log.debug("%s failed on %s", stage, where, exc_info=True)
            result.errors.append(str(InternalError(where, exc, stage)))
            continue
        warning = quiet_warning(doc, facts, terms, where)
        if warning:
            result.warnings.append(warning)
    return result


def _run_part(task: Task, known: frozenset[str], result: TaskResult) -> TaskResult:
    """Documents analysed by ``baogao batch``: only packing and segmenting are left."""
    from baogao.batch import read_part

    assert task.part is not None
    try:
        found = read_part(task.path, task.part)
    except Exception as exc:
        log.debug("reading %s failed", task.display, exc_info=True)
        result.errors.append(str(InternalError(task.display, exc, "reading")))
        return result
    for doc, facts, terms in found:
        if doc.id in known:
            result.items.append(prepare(doc, analysed=False))
        else:
            result.items.append(prepare(doc, facts, terms,
                                        extras={"search": passage_rows(doc)}))
    return result
