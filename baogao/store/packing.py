"""Compact forms of a document's offset map and original text, as stored in the library.

The offset map (``Document.offset_map``: for each normalized character, its index in the
original) is almost everywhere a run of consecutive integers: normalization drops and joins
lines but seldom reorders. It is stored as its *breakpoints*, the ``(i, offset_map[i])``
pairs where a new run starts: a few hundred pairs for a report of 100,000 characters.

The original text is stored as *edits of the normalized text*: a list of pieces, each either
a slice of the normalized text (two integers) or a literal string (what normalization dropped
or changed: blank lines, spaces, full-width digits, Traditional characters). Rebuilding it is
checked when packing; a text that does not rebuild exactly is stored literally.

Both blobs start with a one-byte format tag, so older and newer layouts can be told apart.

The normalized text itself is stored compressed in blocks (``pack_text``): every
``TEXT_BLOCK`` characters are compressed alone (zlib level 6 of their UTF-8), after a header
of block ends, so a passage is read by decompressing the one or two blocks holding it
(``text_slice``, about 0.02 ms a block) instead of the whole document (0.3 ms): the search
index stores no passage text and reads it here. Blocks of 1,024 characters take 0.54 of the
UTF-8 (the whole text at level 1: 0.45; 4,096-character blocks: 0.47 but 0.065 ms a block),
for 0.03 CPU s per MB. Rows written before hold the text as one zlib stream or as a string;
``unpack_text`` and ``text_slice`` read every layout.
"""

from __future__ import annotations

import json
import struct
import zlib
from array import array
from itertools import accumulate, chain
from typing import Any

_RUNS = b"R"  # offset map as breakpoints: int32 pairs (i, offset), zlib
_EDITS = b"E"  # original as pieces of the normalized text, JSON, zlib
_PLAIN = b"P"  # original as UTF-8, zlib
_BLOCK = 64  # a run whose text differs from the original is compared in blocks this long
_BLOCKS = b"B"  # normalized text as zlib blocks of TEXT_BLOCK characters after their ends
#: Characters of normalized text per independently compressed block.
TEXT_BLOCK = 1024


def breakpoints(offsets: tuple[int, ...] | list[int]) -> list[tuple[int, int]]:
    """``(i, offsets[i])`` for every ``i`` where ``offsets`` stops counting up by one."""
    import numpy as np  # imported on first use: ingest only

    n = len(offsets)
    if not n:
        return []
    arr = np.frombuffer(array("q", offsets), dtype=np.int64)  # faster than np.fromiter
    shifted = arr - np.arange(n, dtype=np.int64)
    starts = np.concatenate(([0], np.flatnonzero(np.diff(shifted)) + 1))
    return list(zip(starts.tolist(), arr[starts].tolist(), strict=True))


def pack_document(
    original: str, text: str, offsets: tuple[int, ...] | list[int]
) -> tuple[bytes, bytes]:
    """The stored forms of a document's offset map and original text."""
    points = breakpoints(offsets)
    return _pack_points(points, len(offsets)), _pack_original(original, text, points)


def pack_offsets(offsets: tuple[int, ...] | list[int]) -> bytes:
    """The breakpoints of an offset map (with its length), compressed."""
    return _pack_points(breakpoints(offsets), len(offsets))


def _pack_points(points: list[tuple[int, int]], n: int) -> bytes:
    flat = array("q", [n])
    for i, o in points:
        flat.append(i)
        flat.append(o)
    return _RUNS + zlib.compress(flat.tobytes(), 1)


def unpack_offsets(blob: bytes) -> tuple[int, ...]:
    """The offset map stored by ``pack_offsets`` (or by the first layout: every int32)."""
    if blob[:1] != _RUNS:
        legacy = array("i")
        legacy.frombytes(zlib.decompress(blob))
        return tuple(legacy)
    flat = array("q")
    flat.frombytes(zlib.decompress(blob[1:]))
    n = flat[0]
    starts = flat[1::2]
    values = flat[2::2]
    ends = [*starts[1:], n]
    return tuple(chain.from_iterable(
        range(o, o + (e - s)) for s, e, o in zip(starts, ends, values, strict=True)
    ))


def pack_original(original: str, text: str, offsets: tuple[int, ...] | list[int]) -> bytes:
    """``original`` as slices of ``text`` plus literal strings, compressed."""
    return _pack_original(original, text, breakpoints(offsets))


def _pack_original(original: str, text: str, points: list[tuple[int, int]]) -> bytes:
    pieces: list[int | str] = []
    pos = 0  # next character of the original to account for
    ends = [i for i, _ in points[1:]] + [len(text)]
    for (start, origin), end in zip(points, ends, strict=True):
        if origin < pos:  # a run pointing back (a joined table cell): skip what is covered
            start, origin = start + (pos - origin), pos
            if start >= end:
                continue
        if origin > pos:
            pieces.append(original[pos:origin])
        length = min(end - start, len(original) - origin)
        if length <= 0:
            pos = max(pos, origin)
            continue
        _add_run(pieces, original, text, start, origin, length)
        pos = origin + length
    if pos < len(original):
        pieces.append(original[pos:])
    if _rebuild(pieces, text) != original:  # checked before encoding (JSON keeps pieces)
        return _PLAIN + zlib.compress(original.encode("utf-8"), 6)
    return _encode(pieces)


def _add_run(
    pieces: list[int | str], original: str, text: str, start: int, origin: int, length: int
) -> None:
    """Add ``original[origin:origin+length]``, mapped from ``text[start:]``, as slices where
    the two agree and literals where they do not."""
    if text[start:start + length] == original[origin:origin + length]:
        pieces += [start, length]
        return
    for k in range(0, length, _BLOCK):
        size = min(_BLOCK, length - k)
        chunk = original[origin + k:origin + k + size]
        if text[start + k:start + k + size] == chunk:
            pieces += [start + k, size]
        else:
            pieces.append(chunk)


def _encode(pieces: list[int | str]) -> bytes:
    data = json.dumps(pieces, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return _EDITS + zlib.compress(data, 1)


def pack_text(text: str) -> bytes:
    """The stored form of a document's normalized text (see the module docstring): ``B``,
    the block size, the block count and each block's end (little-endian uint32), then the
    compressed blocks."""
    blocks = [zlib.compress(text[i:i + TEXT_BLOCK].encode("utf-8"), 6)
              for i in range(0, len(text), TEXT_BLOCK)]
    ends = list(accumulate(map(len, blocks)))
    head = struct.pack(f"<{2 + len(ends)}I", TEXT_BLOCK, len(blocks), *ends)
    return b"".join((_BLOCKS, head, *blocks))


def _blocks(value: bytes) -> tuple[int, int, tuple[int, ...]]:
    """Block size, where the blocks start in ``value`` and their ends (relative)."""
    size, count = struct.unpack_from("<2I", value, 1)
    ends: tuple[int, ...] = struct.unpack_from(f"<{count}I", value, 9)
    return size, 9 + 4 * count, ends


def unpack_text(value: bytes | str) -> str:
    """The normalized text stored by ``pack_text`` (every layout; a string is returned as
    is)."""
    if isinstance(value, str):
        return value
    if value[:1] != _BLOCKS:
        return zlib.decompress(value).decode("utf-8")
    _, base, ends = _blocks(value)
    starts = (0, *ends)[:len(ends)]
    return "".join(zlib.decompress(value[base + s:base + e]).decode("utf-8")
                   for s, e in zip(starts, ends, strict=True))


def text_slice(value: bytes | str, start: int, end: int,
               cache: dict[int, str] | None = None) -> str:
    """``unpack_text(value)[start:end]``, decompressing only the blocks holding it.

    ``cache`` (block number → text), when given, is read and filled: a caller reading many
    passages of one document decompresses each block once."""
    if isinstance(value, str) or value[:1] != _BLOCKS:
        return unpack_text(value)[start:end]
    size, base, ends = _blocks(value)
    if not ends or end <= start:
        return ""
    if size != TEXT_BLOCK:  # the cache counts blocks of TEXT_BLOCK characters
        cache = None
    first, last = max(start, 0) // size, min(max(end, 1) - 1, size * len(ends) - 1) // size
    parts = []
    for k in range(first, last + 1):
        block = cache.get(k) if cache is not None else None
        if block is None:
            lo = ends[k - 1] if k else 0
            block = zlib.decompress(value[base + lo:base + ends[k]]).decode("utf-8")
            if cache is not None:
                cache[k] = block
        parts.append(block)
    joined = "".join(parts)
    return joined[start - first * size:end - first * size]


def unpack_original(blob: bytes | str, text: str) -> str:
    """The original text stored by ``pack_original`` (a plain string is returned as is)."""
    if isinstance(blob, str):
        return blob
    tag, body = blob[:1], blob[1:]
    if tag == _PLAIN:
        return zlib.decompress(body).decode("utf-8")
    if tag != _EDITS:
        return blob.decode("utf-8")
    return _rebuild(json.loads(zlib.decompress(body)), text)


def _rebuild(pieces: list[Any], text: str) -> str:
    """The original from its pieces: literal strings, and (start, length) slices of ``text``."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if isinstance(piece, str):
            out.append(piece)
            i += 1
        else:
            out.append(text[piece:piece + pieces[i + 1]])
            i += 2
    return "".join(out)
