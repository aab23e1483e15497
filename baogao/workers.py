"""Worker processes that do not outlive the process that started them.

``ProcessPoolExecutor(initializer=die_with_parent)``: when the parent is killed (``kill -9``,
out of memory) its workers would otherwise stay blocked on their task queue forever. A daemon
thread in each worker notices that its parent is gone (it is re-parented) and exits it.

(Linux's ``PR_SET_PDEATHSIG`` is not used: it fires when the *thread* that forked the worker
ends, which in a server's thread pool is not the parent's death.)
"""

from __future__ import annotations

import os
import threading
import time

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


__all__ = ["die_with_parent"]
