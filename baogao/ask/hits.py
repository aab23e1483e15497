"""Candidate passages as a search reads them: the index's stored fields and the text.

Each tantivy hit stores what a result needs except the text (``index._tantivy_doc``: doc id,
kind, offsets, section, role, token count, heading and section path, as JSON); the text is
read from the library by its offsets (``Store.passage_texts``: only the compressed blocks
holding it). Decoding a hit costs a stored-field read, a JSON decode, a text read and
lower-casing (ranking counts tokens in the lower-cased text and heading): about half of an
uncached search's CPU at ×30, so decoded hits are kept per process (``_PASSAGES``), keyed by
the committed index state and the hit's address in it (never by its text): a key changes with
every commit, and a passage's text never changes (documents are keyed by the hash of their
text).
"""

from __future__ import annotations

import itertools
import json
import threading
import zlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from baogao.store import Store
from baogao.store.packing import TEXT_BLOCK, block_bytes

#: Documents or spans per SQL statement (SQLite allows 32,766 parameters).
_CHUNK = 300


@dataclass
class Hit:
    """A candidate passage as the index stores it, with the engine's score."""

    doc_id: str
    kind: str
    start: int
    end: int
    section: int | None
    role: str
    ntokens: int
    heading: str  # a heading's parent path ("" for a paragraph: its path is ``path``)
    text: str
    path: str
    score: float
    #: ``text`` lower-cased, and the heading tokens' source (``heading`` for a section,
    #: else ``path``) lower-cased: what ranking counts the query's tokens in
    words: str = ""
    head: str = ""


#: A decoded hit without its score: the ``Hit`` fields in order, ``score`` left out.
_Entry = tuple[str, str, int, int, "int | None", str, int, str, str, str, str, str]

#: Decoded hits of this process, by (index folder, committed state, segment, document
#: address), least recently stored dropped first beyond ``PASSAGES_KEPT`` (about 2 kB each).
_PASSAGES: OrderedDict[tuple[Any, ...], _Entry] = OrderedDict()
_PASSAGES_LOCK = threading.Lock()
PASSAGES_KEPT = 16384

_decode = json.JSONDecoder().decode


def decode_hits(store: Store, searcher: Any, found: Sequence[tuple[float, Any]],
                state: Any) -> list[Hit]:
    """``found`` (tantivy's (score, address) pairs) as ``Hit``s; ``state`` names the
    committed index they come from (None: nothing is kept, e.g. an in-memory index)."""
    keys = [(state, address.segment_ord, address.doc) for _, address in found]
    if state is None:
        known: list[_Entry | None] = [None] * len(keys)
    else:
        with _PASSAGES_LOCK:
            get = _PASSAGES.get
            known = [get(k) for k in keys]
    missing = [i for i, entry in enumerate(known) if entry is None]
    if missing:
        stored = [_decode(searcher.doc(found[i][1])["data"][0].decode("utf-8"))
                  for i in missing]
        texts = passage_texts(store, [(d[0], d[2], d[3]) for d in stored])
        for i, d, text in zip(missing, stored, texts, strict=True):
            heading, path = d[7], d[8]
            known[i] = (d[0], d[1], d[2], d[3], d[4], d[5], d[6], heading, path, text,
                        text.lower(), (heading if d[1] == "section" else path).lower())
        if state is not None:
            with _PASSAGES_LOCK:
                for i in missing:
                    _PASSAGES[keys[i]] = known[i]  # type: ignore[assignment]
                while len(_PASSAGES) > PASSAGES_KEPT:
                    _PASSAGES.popitem(last=False)
    hits = []
    for (score, _), entry in zip(found, known, strict=True):
        assert entry is not None
        (doc_id, kind, start, end, section, role, ntokens, heading, path, text, words,
         head) = entry
        hits.append(Hit(doc_id, kind, start, end, section, role, ntokens, heading, text, path,
                        float(score), words, head))
    return hits


def forget_hits() -> None:
    """Drop every decoded hit this process keeps."""
    with _PASSAGES_LOCK:
        _PASSAGES.clear()


def passage_texts(store: Store, spans: Sequence[tuple[str, int, int]]) -> list[str]:
    """The text of each ``(doc_id, start, end)`` span of a stored document's normalized text
    ("" when the document is gone), reading only the compressed blocks that hold it.

    Two statements per batch: the headers of the documents' stored texts (block ends,
    ``packing.text_header_bytes``), then the bytes of the blocks each span needs, both as
    ``substr`` of the stored value. SQLite hands over only those bytes, not each document's
    whole stored text (about 25 kB; at ×30 a quarter of the CPU of reading it whole). Texts
    of another layout go to ``Store.passage_texts``."""
    conn = store.conn
    ids = list(dict.fromkeys(d for d, _, _ in spans))
    heads: dict[str, bytes | str] = {}
    for i in range(0, len(ids), _CHUNK):
        some = ids[i:i + _CHUNK]
        heads.update(conn.execute(
            f"SELECT id, substr(text, 1, 9 + 4 * ((chars + {TEXT_BLOCK - 1}) / {TEXT_BLOCK})) "
            f"FROM documents WHERE id IN ({','.join('?' * len(some))})", some).fetchall())
    texts: list[str] = [""] * len(spans)
    wanted: dict[tuple[str, int], int] = {}  # (document, where a block starts) → its end
    places: list[tuple[int, str, list[int], int]] = []
    other: list[int] = []
    for n, (doc_id, start, end) in enumerate(spans):
        head = heads.get(doc_id)
        if head is None or end <= start:
            continue
        located = block_bytes(head, start, end)
        if located is None:
            other.append(n)
            continue
        first, offsets = located
        for lo, hi in itertools.pairwise(offsets):
            wanted[(doc_id, lo)] = hi
        places.append((n, doc_id, offsets, start - first * TEXT_BLOCK))
    blocks = _blocks(store, [(d, lo, hi) for (d, lo), hi in wanted.items()])
    for n, doc_id, offsets, skip in places:
        parts = [blocks.get((doc_id, lo), "") for lo in offsets[:-1]]
        if not all(parts):  # unreadable, or rewritten since its header was read: read it whole
            other.append(n)
            continue
        _doc_id, start, end = spans[n]
        texts[n] = "".join(parts)[skip:skip + end - start]
    if other:
        for n, text in zip(other, store.passage_texts([spans[n] for n in other]), strict=True):
            texts[n] = text
    return texts


def _blocks(store: Store, ranges: Sequence[tuple[str, int, int]]) -> dict[tuple[str, int], str]:
    """The text of each block stored at bytes ``lo:hi`` of a document's stored text, by
    (document, ``lo``); a block that cannot be read (the value changed meanwhile, e.g. by
    ``baogao upgrade``: zlib's checksum fails) is left out."""
    found: dict[tuple[str, int], str] = {}
    for i in range(0, len(ranges), _CHUNK):
        part = ranges[i:i + _CHUNK]
        rows = store.conn.execute(
            "SELECT w.column1, w.column2, w.column3, "
            "substr(d.text, w.column2 + 1, w.column3 - w.column2) "
            f"FROM (VALUES {','.join(['(?,?,?)'] * len(part))}) AS w "
            "JOIN documents AS d ON d.id = w.column1",
            [v for r in part for v in r]).fetchall()
        for doc_id, lo, hi, data in rows:
            if isinstance(data, bytes) and len(data) == hi - lo:
                try:
                    found[(doc_id, lo)] = zlib.decompress(data).decode("utf-8")
                except (zlib.error, UnicodeDecodeError):
                    continue
    return found
