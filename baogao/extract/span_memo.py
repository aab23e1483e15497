"""Results kept per span of the text (or document) last read: the catalog facts, the open
facts, the commitments and the review read the same sentences and paragraphs of a document
in turn, so each reading is done once."""

from __future__ import annotations

import bisect
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


def last_match_end(pattern: re.Pattern[str], text: str, start: int, end: int,
                   group: int = 0) -> int:
    """Where the last match of ``pattern`` in ``text[start:end]`` ends, or -1: the matches
    of a scan of the whole text are found once per text and picked out by bisection, so a
    caller asking from every sentence of a long paragraph does not rescan it each time.

    A match counts when it ends by ``end`` and its ``group`` starts at ``start`` or after.
    Only for patterns whose matches end at their first stop and hold no other match ending
    elsewhere (a year ``2023年``; a short sentence), for which this is the last match a scan
    of ``text[start:end]`` finds."""
    starts, ends = _match_places(pattern, text, group)
    k = bisect.bisect_right(ends, end) - 1
    return ends[k] if k >= 0 and starts[k] >= start else -1


def _match_places(pattern: re.Pattern[str], text: str,
                  group: int) -> tuple[list[int], list[int]]:
    """The (group) starts and the ends of every match of ``pattern`` in ``text``, in order
    (kept for the text last read, per pattern and group)."""
    kept = _MATCH_PLACES.get((pattern, group))  # read once: another thread may replace it
    if kept is None or kept[0] is not text:
        found = list(pattern.finditer(text))
        kept = (text, ([m.start(group) for m in found], [m.end() for m in found]))
        _MATCH_PLACES[(pattern, group)] = kept
    return kept[1]


#: ``_match_places`` of the text last read, by pattern and group.
_MATCH_PLACES: dict[tuple[re.Pattern[str], int], tuple[str, tuple[list[int], list[int]]]] = {}


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
    first, instead of scanning for the pattern at every character.

    The places are found once per text (every stop character followed by a first one) and
    picked out by bisection: a caller asking for every value of a long paragraph walks back
    over it once, not once per value."""
    stop_at = _stop_places(text, stops, firsts)
    # a stop at p opens a match at p + 1 when lo <= p and p + 1 < end (the lookahead reads
    # no further than ``end``)
    low = bisect.bisect_left(stop_at, max(start - 1, 0))
    for k in range(bisect.bisect_left(stop_at, end - 1) - 1, low - 1, -1):
        if (found := pattern.match(text, stop_at[k] + 1, end)) is not None:
            return found
    if start <= opens_at < end:
        return pattern.match(text, opens_at, end)
    return None


def _stop_places(text: str, stops: str, firsts: str) -> list[int]:
    """Where in ``text`` a ``stops`` character stands before a ``firsts`` one, in order (kept
    for the text last read, per pair of character sets)."""
    kept = _STOP_PLACES.get((stops, firsts))  # read once: another thread may replace it
    if kept is None or kept[0] is not text:
        kept = (text, [m.start() for m in _opening_re(stops, firsts).finditer(text)])
        _STOP_PLACES[(stops, firsts)] = kept
    return kept[1]


#: ``_stop_places`` of the text last read, by (stops, firsts).
_STOP_PLACES: dict[tuple[str, str], tuple[str, list[int]]] = {}


@functools.lru_cache(maxsize=16)
def _opening_re(stops: str, firsts: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(stops)}](?=[{re.escape(firsts)}])")
