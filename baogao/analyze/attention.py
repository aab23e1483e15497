"""Topic attention: how much a report talks about each topic, per 10,000 characters.

    topics = load_topics()                     # the shipped dictionaries, or load_topics(FILE)
    panel = attention_panel(lib, topics)       # one row per region and year
    write_table(*panel_table(panel, topics), "panel.dta", "dta")

A topic is a list of Chinese keywords. The shipped dictionaries live in
``baogao/data/topics/*.txt``, one file per topic: the file name is the topic id, the first
line ``# 标签`` is its label, and the rest are keywords separated by spaces or new lines.
Users may pass their own dictionary (the cntext-style workflow):

* a JSON object ``{"topic": ["word", ...]}``,
* a text file with one topic a line, ``topic<TAB>word1 word2 ...``, ``#`` starting a comment,
* or a folder of ``*.txt`` files laid out like the shipped one.

Counting uses one Aho–Corasick automaton over every keyword, matched leftmost-longest and
without overlaps, so 数字经济 counts for the digital economy and not also for 经济. A keyword
listed under several topics counts for each. A document's rate for a topic is
``hits / characters × 10,000``; a panel cell pools the hits and characters of the region's
documents of that year (work reports only, unless asked otherwise).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ahocorasick

from baogao.errors import QueryError
from baogao.models import Document, region_fields
from baogao.read.regions import canonical_region
from baogao.store import ON_SAVE
from baogao.store.packing import unpack_text

if TYPE_CHECKING:
    from baogao.library import Library

log = logging.getLogger(__name__)

TOPICS_DIR = Path(__file__).parent.parent / "data" / "topics"
PER_CHARS = 10_000
#: Document types pooled into the panel by default.
PANEL_DOC_TYPES = ("work_report",)


@dataclass(frozen=True)
class Topic:
    """A topic: an id, a label for display and its keywords."""

    id: str
    label: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Attention:
    """Topic hits and rates (per 10,000 characters) of one document."""

    doc_id: str
    source: str
    row: int
    region: str | None
    year: int | None
    doc_type: str
    chars: int
    counts: dict[str, int]
    rates: dict[str, float]


@dataclass(frozen=True)
class PanelRow:
    """Topic attention of one region in one year, pooled over its documents."""

    region: str
    year: int
    documents: int
    chars: int
    counts: dict[str, int]
    rates: dict[str, float]


# -- dictionaries -----------------------------------------------------------------------------


def load_topics(path: str | Path | None = None) -> tuple[Topic, ...]:
    """Topic dictionaries from ``path`` (JSON, tab-separated text or a folder); shipped if None."""
    source = Path(path) if path is not None else TOPICS_DIR
    if not source.exists():
        raise QueryError(f"no topic dictionary at {source}; pass a .json, .txt or folder")
    if source.is_dir():
        topics = tuple(_read_topic_file(p) for p in sorted(source.glob("*.txt")))
    elif source.suffix.lower() == ".json":
        topics = _read_json(source)
    else:
        topics = _read_lines(source)
    topics = tuple(t for t in topics if t.words)
    if not topics:
        raise QueryError(f"{source}: no topics with keywords found")
    return topics


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the topic dictionary as UTF-8 ({exc})") from exc


def _split_words(text: str) -> tuple[str, ...]:
    words = text.replace("，", " ").replace(",", " ").replace("、", " ").split()
    return tuple(dict.fromkeys(w for w in words if w))


def _read_topic_file(path: Path) -> Topic:
    label = path.stem
    words: list[str] = []
    for i, line in enumerate(_read_text(path).splitlines()):
        stripped = line.strip()
        if stripped.startswith("#"):
            if i == 0 and stripped.lstrip("#").strip():
                label = stripped.lstrip("#").strip()
            continue
        words.extend(_split_words(stripped))
    return Topic(path.stem, label, tuple(dict.fromkeys(words)))


def _read_json(path: Path) -> tuple[Topic, ...]:
    try:
        raw = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise QueryError(f"{path}: not valid JSON ({exc}); write {{\"topic\": [words]}}") from exc
    if not isinstance(raw, dict):
        raise QueryError(f"{path}: expected a JSON object {{\"topic\": [words]}}")
    topics = []
    for name, words in raw.items():
        if isinstance(words, str):
            words = _split_words(words)
        if not isinstance(words, list | tuple) or not all(isinstance(w, str) for w in words):
            raise QueryError(f"{path}: topic {name!r} must map to a list of words")
        topics.append(Topic(str(name), str(name), tuple(dict.fromkeys(w.strip() for w in words
                                                                      if w.strip()))))
    return tuple(topics)


def _read_lines(path: Path) -> tuple[Topic, ...]:
    merged: dict[str, list[str]] = defaultdict(list)
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        name, sep, rest = stripped.partition("\t") if "\t" in stripped else stripped.partition(" ")
        if not sep or not rest.strip():
            raise QueryError(f"{path} line {number}: write `topic<TAB>word1 word2 ...`")
        merged[name.strip().rstrip(":：")].extend(_split_words(rest))
    return tuple(Topic(n, n, tuple(dict.fromkeys(ws))) for n, ws in merged.items())


# -- counting ---------------------------------------------------------------------------------


class TopicCounter:
    """Counts topic keywords in text with one Aho–Corasick automaton (leftmost-longest)."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = tuple(topics)
        owners: dict[str, list[str]] = defaultdict(list)
        for topic in self.topics:
            for word in topic.words:
                owners[word].append(topic.id)
        self._automaton: Any = ahocorasick.Automaton()
        for word, ids in owners.items():
            self._automaton.add_word(word, tuple(ids))
        self._automaton.make_automaton()

    def count(self, text: str) -> dict[str, int]:
        """Keyword hits per topic id in ``text``."""
        counts = dict.fromkeys((t.id for t in self.topics), 0)
        # hits counted per keyword's topics in C, then spread over the topics
        hits = Counter(map(itemgetter(1), self._automaton.iter_long(text)))
        for ids, n in hits.items():
            for topic_id in ids:
                counts[topic_id] += n
        return counts


def rates_of(counts: dict[str, int], chars: int) -> dict[str, float]:
    """Hits per 10,000 characters, rounded to 3 decimals."""
    return {k: round(v * PER_CHARS / chars, 3) if chars else 0.0 for k, v in counts.items()}


def document_attention(doc: Document, counter: TopicCounter) -> Attention:
    """Topic hits and rates of one document (its normalized text)."""
    counts = counter.count(doc.text)
    chars = len(doc.text)
    return Attention(doc.id, doc.source, doc.row, canonical_region(doc.region), doc.year,
                     doc.doc_type, chars, counts, rates_of(counts, chars))


# -- counts kept at ingest --------------------------------------------------------------------

COUNTS_TABLE = """
CREATE TABLE IF NOT EXISTS topic_counts (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    counts TEXT NOT NULL
)"""


@functools.lru_cache(maxsize=1)
def shipped_topics() -> tuple[Topic, ...]:
    """The shipped dictionaries (``baogao/data/topics``), loaded once."""
    return load_topics()


@functools.lru_cache(maxsize=1)
def _shipped_counter() -> TopicCounter:
    return TopicCounter(shipped_topics())


@functools.lru_cache(maxsize=1)
def counts_version() -> str:
    """A hash of the shipped dictionaries; stored counts of another version are recounted."""
    data = json.dumps([(t.id, t.words) for t in shipped_topics()], ensure_ascii=False)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:12]


def _store_counts(conn: sqlite3.Connection, doc: Document) -> None:
    """``ON_SAVE`` hook: the shipped topics' hits of a new document, in its transaction."""
    conn.execute(COUNTS_TABLE)
    counts = _shipped_counter().count(doc.text)
    conn.execute("INSERT OR REPLACE INTO topic_counts VALUES (?, ?, ?)",
                 (doc.id, counts_version(), json.dumps(counts, separators=(",", ":"))))


if _store_counts not in ON_SAVE:
    ON_SAVE.append(_store_counts)


def _stored_attention(library: Library, types: set[str] | None) -> list[Attention]:
    """Attention of every document from ``topic_counts``; documents missing there (stored
    before the table existed, or counted with older dictionaries) are counted now and
    their counts stored when the library is writable."""
    conn = library.store.conn
    version = counts_version()
    try:
        with conn:
            conn.execute(COUNTS_TABLE)
        joined = ("t.version, t.counts FROM documents AS d "
                  "LEFT JOIN topic_counts AS t ON t.doc_id = d.id")
    except sqlite3.Error:  # a read-only library written before the table existed
        joined = "NULL, NULL FROM documents AS d"
    rows = conn.execute(
        f"SELECT d.id, d.source, d.row, d.region, d.year, d.doc_type, d.chars, {joined} "
        "ORDER BY d.year IS NULL, d.year DESC, d.region, d.source, d.row"
    ).fetchall()
    result: list[Attention] = []
    stale: list[tuple[str, str, str]] = []
    for r in rows:
        if types is not None and r[5] not in types:
            continue
        if r[7] == version:
            counts = json.loads(r[8])
        else:
            stored = conn.execute("SELECT text FROM documents WHERE id = ?", (r[0],)).fetchone()
            counts = _shipped_counter().count(unpack_text(stored[0]))
            stale.append((r[0], version, json.dumps(counts, separators=(",", ":"))))
        result.append(Attention(r[0], r[1], r[2], canonical_region(r[3]), r[4], r[5], r[6],
                                counts, rates_of(counts, r[6])))
    if stale:
        try:
            with conn:
                conn.executemany("INSERT OR REPLACE INTO topic_counts VALUES (?, ?, ?)", stale)
        except sqlite3.Error as exc:
            log.info("topic counts not stored (%s)", exc)
    return result


def attention_documents(
    library: Library,
    topics: Sequence[Topic] | None = None,
    *,
    region: str | None = None,
    doc_types: Iterable[str] | None = None,
) -> list[Attention]:
    """Topic attention of every stored document (of ``region`` and ``doc_types`` if given).

    The shipped dictionaries read the counts stored at ingest (``topic_counts``); other
    dictionaries count every document's text.
    """
    wanted = canonical_region(region) if region else None
    types = set(doc_types) if doc_types else None
    if topics is None or tuple(topics) == shipped_topics():
        return [a for a in _stored_attention(library, types)
                if wanted is None or a.region == wanted]
    counter = TopicCounter(topics)
    result = []
    for meta in library.documents():
        if wanted is not None and canonical_region(meta.region) != wanted:
            continue
        if types is not None and meta.doc_type not in types:
            continue
        result.append(document_attention(library.document(meta.id), counter))
    return result


def pool_panel(items: Iterable[Attention]) -> list[PanelRow]:
    """Pool document attention into one row per (region, year); undated documents drop out."""
    groups: dict[tuple[str, int], list[Attention]] = defaultdict(list)
    for item in items:
        if item.region is not None and item.year is not None:
            groups[(item.region, item.year)].append(item)
    rows = []
    for (region, year), group in sorted(groups.items()):
        counts: dict[str, int] = defaultdict(int)
        for item in group:
            for topic_id, n in item.counts.items():
                counts[topic_id] += n
        chars = sum(item.chars for item in group)
        rows.append(PanelRow(region, year, len(group), chars, dict(counts),
                             rates_of(dict(counts), chars)))
    return rows


def attention_panel(
    library: Library,
    topics: Sequence[Topic] | None = None,
    *,
    region: str | None = None,
    doc_types: Iterable[str] | None = PANEL_DOC_TYPES,
) -> list[PanelRow]:
    """The region × year panel of topic attention (per 10,000 characters).

    Panels of the shipped dictionaries are cached per library state (documents stored and
    the last one added), so repeated requests cost one small query.
    """
    if topics is not None and tuple(topics) != shipped_topics():
        return pool_panel(attention_documents(library, topics, region=region,
                                              doc_types=doc_types))
    state = library.store.conn.execute("SELECT COUNT(*), MAX(rowid) FROM documents").fetchone()
    key = (library.store.path, tuple(state), region,
           tuple(sorted(doc_types)) if doc_types else None)
    with _PANEL_LOCK:
        cached = _PANELS.get(key)
    if cached is None:
        cached = pool_panel(attention_documents(library, None, region=region,
                                                doc_types=doc_types))
        with _PANEL_LOCK:
            if len(_PANELS) >= 32:
                _PANELS.clear()
            _PANELS[key] = cached
    return list(cached)


_PANELS: dict[tuple[Any, ...], list[PanelRow]] = {}
_PANEL_LOCK = threading.Lock()


def panel_table(
    panel: Sequence[PanelRow], topics: Sequence[Topic], *, with_counts: bool = False
) -> tuple[list[dict[str, Any]], list[str]]:
    """Flat rows and column order of a panel, ready for ``export.write_table``.

    Columns: region, year, documents, chars, then one rate column per topic id (and
    ``n_<topic>`` hit counts when ``with_counts``), then region_code (GB/T 2260) and
    region_path for joining panels.
    """
    ids = [t.id for t in topics]
    columns = ["region", "year", "documents", "chars", *ids]
    if with_counts:
        columns += [f"n_{i}" for i in ids]
    columns += ["region_code", "region_path"]
    rows = []
    for p in panel:
        row: dict[str, Any] = {"region": p.region, "year": p.year, "documents": p.documents,
                               "chars": p.chars}
        row.update({i: p.rates.get(i, 0.0) for i in ids})
        if with_counts:
            row.update({f"n_{i}": p.counts.get(i, 0) for i in ids})
        row.update(region_fields(p.region))
        rows.append(row)
    return rows, columns


def documents_table(
    items: Sequence[Attention], topics: Sequence[Topic]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Flat per-document rows (doc_id, source, row, region, year, doc_type, chars, rates)."""
    ids = [t.id for t in topics]
    columns = ["doc_id", "source", "row", "region", "year", "doc_type", "chars", *ids,
               "region_code", "region_path"]
    rows = [
        {"doc_id": a.doc_id, "source": a.source, "row": a.row, "region": a.region,
         "year": a.year, "doc_type": a.doc_type, "chars": a.chars,
         **{i: a.rates.get(i, 0.0) for i in ids}, **region_fields(a.region)}
        for a in items
    ]
    return rows, columns
