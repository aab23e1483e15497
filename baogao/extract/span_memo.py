"""Results kept per span of the text last read: the catalog facts, the open facts and the
commitments read the same sentences of a document in turn, so each reading is done once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

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
