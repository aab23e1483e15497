"""Results kept per span of the text (or document) last read: the catalog facts, the open
facts, the commitments and the review read the same sentences and paragraphs of a document
in turn, so each reading is done once."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class SpanMemo(Generic[T]):
    """``read(text, start, end)`` kept by span for the text last read. The kept results are
    replaced whole when another text comes (never changed in place for it), so concurrent
    callers at worst miss them."""

    def __init__(self, read: Callable[[str, int, int], Iterable[T]]) -> None:
        self._read = read
        self._last: tuple[str, dict[tuple[int, int], tuple[T, ...]]] = ("", {})

    def __call__(self, text: str, start: int, end: int) -> tuple[T, ...]:
        last = self._last
        if last[0] is not text:
            last = self._last = (text, {})
        found = last[1].get((start, end))
        if found is None:
            found = last[1][(start, end)] = tuple(self._read(text, start, end))
        return found


R = TypeVar("R")
D = TypeVar("D")
K = TypeVar("K", bound=Hashable)


def per_document(read: Callable[[D, K], R]) -> Callable[[D, K], R]:
    """``read(doc, span)`` kept by span for the document last read (by identity: a
    ``Document`` is frozen), replaced whole when another document comes, so concurrent
    callers at worst miss."""
    last: list[tuple[Any, dict[Any, Any]]] = [(None, {})]

    @functools.wraps(read)
    def kept(doc: D, span: K) -> R:
        seen = last[0]  # read once: another thread may replace it
        if seen[0] is not doc:
            seen = last[0] = (doc, {})
        known: dict[K, R] = seen[1]
        if span in known:
            return known[span]
        found = known[span] = read(doc, span)
        return found

    return kept


def last_of(text: str, chars: str, start: int, end: int) -> int:
    """``max(text.rfind(c, start, end) for c in chars)``, sought backwards from ``end`` in
    windows doubling in length: the time is that of the distance to the last one found (a
    character missing from a report run into one line is not sought back to ``start`` each
    time, which made reading it quadratic)."""
    reach = 64
    high = end
    while True:
        low = max(start, high - reach)
        found = -1
        for c in chars:
            at = text.rfind(c, max(low, found + 1), high)
            if at > found:
                found = at
        if found >= 0 or low <= start:
            return found
        high = low
        reach *= 2



def last_match(pattern: re.Pattern[str], text: str, start: int, end: int,
               keep: Callable[[re.Match[str]], bool] = lambda m: True) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]`` that ``keep`` accepts."""
    found = None
    for m in pattern.finditer(text, start, end):
        if keep(m):
            found = m
    return found


def last_opening(pattern: re.Pattern[str], text: str, start: int, end: int, stops: str,
                 firsts: str, opens_at: int = 0) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]`` that begins at ``opens_at`` or
    right after one of the ``stops`` characters, for a pattern whose matches begin with one
    of the ``firsts`` characters and never hold a stop character (so no match hides another:
    ``last_match`` with that ``keep`` finds the same). Tried at those places only, the last
    first, instead of scanning for the pattern at every character."""
    after = [m.end() for m in _opening_re(stops, firsts).finditer(text, max(start - 1, 0), end)]
    if start <= opens_at < end:
        after.insert(0, opens_at)
    for at in reversed(after):
        if (found := pattern.match(text, at, end)) is not None:
            return found
    return None


@functools.lru_cache(maxsize=16)
def _opening_re(stops: str, firsts: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(stops)}](?=[{re.escape(firsts)}])")
