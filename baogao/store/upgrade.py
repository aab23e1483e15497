"""Rewrite documents stored in an older layout into the current one, in place.

Layouts a library may hold (``store.packing`` reads every one of them):

* text: a plain string (schema 1–3), one zlib stream (round 3), zlib blocks of 4,096
  characters (early round 4), zlib blocks of ``TEXT_BLOCK`` characters (current);
* offset map: every int32, zlib (schema 1–3), breakpoints ``R`` (current);
* original: a plain string (schema 1–3), edits ``E`` or literal ``P`` of the text (current).

A search reads a hit's text from the library by offsets; from a block of ``TEXT_BLOCK``
characters that is one small decompression, from the older text layouts the whole document
(3–4× the CPU per search on the shared corpus ×10, ``benchmarks/upgrade.py``).
``upgrade_layout`` finds the rows not in the current layout (one SQL scan of the row
headers), unpacks each, packs it again, checks the new form reads back
to the same text, original and offset map, and replaces the three columns with a guarded
``UPDATE`` (only if the row still holds what was read). Rows are committed ``BATCH`` at a
time, each batch one transaction: a crash or Ctrl+C loses at most the open batch, whose rows
stay in their old layout, which reads as before; nothing else changes, so the library stays
consistent (a document's id is the hash of its text and the text does not change, so the
search index and every derived row stay valid). Running it again converts only what is left;
with nothing left it writes nothing.
"""

from __future__ import annotations

import sqlite3
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from baogao.errors import StoreError
from baogao.store.packing import (
    TEXT_BLOCK,
    pack_offsets,
    pack_original,
    pack_text,
    unpack_offsets,
    unpack_original,
    unpack_text,
)
from baogao.store.sqlite import Store

#: Documents rewritten per transaction.
BATCH = 50
#: What a current text blob starts with: the block tag and the block size (uint32, LE).
_TEXT_HEAD = b"B" + struct.pack("<I", TEXT_BLOCK)

#: Rows not in the current layout (any of the three columns).
_OLD_ROWS = (
    "SELECT id, source, row FROM documents WHERE "
    "typeof(text) != 'blob' OR substr(text, 1, 5) != ? "
    "OR typeof(original) != 'blob' OR substr(original, 1, 1) NOT IN (X'45', X'50') "
    "OR typeof(offset_map) != 'blob' OR substr(offset_map, 1, 1) != X'52' "
    "ORDER BY rowid"
)


@dataclass(frozen=True)
class UpgradeReport:
    """What ``upgrade_layout`` did: documents stored, found in an older layout, rewritten,
    and one line per document left as it was; bytes of the three columns before and after
    for the rewritten rows."""

    documents: int
    old: int
    rewritten: int
    failures: tuple[str, ...] = ()
    bytes_before: int = 0
    bytes_after: int = 0
    index_rebuilt: bool = False  # set by ``Library.upgrade``: the search index was rebuilt

    @property
    def ok(self) -> bool:
        """True when every document is in the current layout."""
        return not self.failures


def old_layout_documents(store: Store) -> list[tuple[str, str, int]]:
    """``(id, source, row)`` of every stored document not in the current layout."""
    return [(r[0], r[1], r[2]) for r in store.conn.execute(_OLD_ROWS, (_TEXT_HEAD,))]


def _size(value: bytes | str) -> int:
    return len(value.encode("utf-8")) if isinstance(value, str) else len(value)


def _repack(text_v: bytes | str, original_v: bytes | str, offsets_v: bytes
            ) -> tuple[bytes, bytes, bytes]:
    """The current forms of one row's text, original and offset map (those already current
    kept as they are), checked to read back to what the old forms hold."""
    text = unpack_text(text_v)
    offsets = unpack_offsets(offsets_v)
    original = unpack_original(original_v, text)
    current = isinstance(text_v, bytes) and text_v[:5] == _TEXT_HEAD
    new_text = text_v if current and isinstance(text_v, bytes) else pack_text(text)
    new_offsets = offsets_v if offsets_v[:1] == b"R" else pack_offsets(offsets)
    new_original = (original_v if isinstance(original_v, bytes) and original_v[:1] in (b"E", b"P")
                    else pack_original(original, text, offsets))
    if (unpack_text(new_text) != text or unpack_offsets(new_offsets) != offsets
            or unpack_original(new_original, text) != original):
        raise ValueError("the repacked row does not read back the same")
    return new_text, new_original, new_offsets


def upgrade_layout(
    store: Store, *,
    progress: Callable[[int, int, str | None], None] | None = None, batch: int = BATCH,
) -> UpgradeReport:
    """Rewrite every document stored in an older layout (see the module docstring).

    ``progress(done, total, failure)`` is called after each document (``failure``: one line
    naming the document and the reason it was left as it was, else None); ``batch``
    documents are committed at a time. A write error
    (disk full, library locked) raises ``StoreError``; what was committed before stays.
    """
    documents = store.count()
    todo = old_layout_documents(store)
    failures: list[str] = []
    rewritten = before = after = 0
    conn = store.conn
    try:
        for first in range(0, len(todo), batch):
            done = [0, 0, 0]  # rewritten, bytes before, bytes after in this batch
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                for k, (doc_id, source, row) in enumerate(todo[first:first + batch], first):
                    failure = None
                    got = conn.execute("SELECT text, original, offset_map FROM documents "
                                       "WHERE id = ?", (doc_id,)).fetchone()
                    if got is not None:  # else deleted meanwhile: nothing to do
                        old = (got[0], got[1], got[2])
                        try:
                            new = _repack(*old)
                        except (ValueError, TypeError, zlib.error, struct.error,
                                UnicodeDecodeError, IndexError) as exc:
                            failure = (f"{source}#{row} ({doc_id[:12]}): its stored text "
                                       f"cannot be read ({exc}); left in its old layout")
                            failures.append(failure)
                        else:
                            conn.execute(
                                "UPDATE documents SET text = ?, original = ?, offset_map = ?, "
                                "packing = 2 WHERE id = ? AND text IS ? AND original IS ? "
                                "AND offset_map IS ?", (*new, doc_id, *old))
                            done[0] += 1
                            done[1] += sum(map(_size, old))
                            done[2] += sum(map(_size, new))
                    if progress is not None:
                        progress(k + 1, len(todo), failure)
            rewritten, before, after = rewritten + done[0], before + done[1], after + done[2]
    except sqlite3.Error as exc:
        raise StoreError(f"cannot upgrade {store.path}: {exc} ({rewritten} documents "
                         "rewritten before; run it again to go on)") from exc
    return UpgradeReport(documents, len(todo), rewritten, tuple(failures), before, after)
