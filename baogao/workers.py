"""Worker processes that do not outlive the process that started them.

``ProcessPoolExecutor(initializer=die_with_parent)``: when the parent is killed (``kill -9``,
out of memory) its workers would otherwise stay blocked on their task queue forever. A daemon
thread in each worker notices that its parent is gone (it is re-parented) and exits it.

(Linux's ``PR_SET_PDEATHSIG`` is not used: it fires when the *thread* that forked the worker
ends, which in a server's thread pool is not the parent's death.)

``fewer_collections``: ingest (in the main process and in each worker) runs with fewer
young-generation garbage collections.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

#: How often a worker looks for its parent, in seconds.
POLL_SECONDS = 0.5


def die_with_parent() -> None:
    """Make the calling (worker) process exit soon after its parent dies."""
    parent = os.getppid()
    threading.Thread(target=_watch, args=(parent,), name="die-with-parent",
                     daemon=True).start()


def _watch(parent: int) -> None:
    while True:
        time.sleep(POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


#: Container allocations between two young-generation garbage collections while ingesting
#: (Python's default: 700). Reading a report allocates millions of short-lived objects (spans,
#: matches, readings, facts) that die young and hold no cycles; at the default, the
#: collections took about 3% of an ingest's CPU, at this threshold 0.4%.
INGEST_GC_THRESHOLD = 20_000


def collect_less() -> None:
    """Raise the young-generation threshold to ``INGEST_GC_THRESHOLD`` (never lower it) for
    the rest of this process (a worker that only ingests)."""
    first, *older = gc.get_threshold()
    if 0 < first < INGEST_GC_THRESHOLD:
        gc.set_threshold(INGEST_GC_THRESHOLD, *older)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """``collect_less`` while the block runs; the thresholds found are put back after."""
    found = gc.get_threshold()
    collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*found)


__all__ = ["INGEST_GC_THRESHOLD", "collect_less", "die_with_parent", "fewer_collections"]
