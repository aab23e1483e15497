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

import json
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from baogao.store import Store


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
        texts = store.passage_texts([(d[0], d[2], d[3]) for d in stored])
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

