"""Where batch tasks run: this machine's processes, a Dask cluster or a Ray cluster.

Every engine maps one function over task groups with a bounded number in flight and yields
the results as they complete. ``local`` needs nothing beyond baogao; ``dask`` and ``ray``
come with ``pip install 'baogao[cluster]'``. Without ``address`` they start a cluster on
this machine (``workers`` processes) and stop it afterwards; with one they connect to it.

Dask was measured against Ray (``benchmarks/cluster_engines.py``, figures in
docs/cluster.md): a local Ray cluster takes about 35 s and ten daemons to start on the 2-core
machine, Dask seconds; ``baogao[cluster]`` installs Dask, ``baogao[ray]`` Ray.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from baogao.errors import BaogaoError

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask", "ray")


class EngineError(BaogaoError):
    """The engine is not installed or its cluster cannot be reached."""


def default_workers() -> int:
    """Worker processes for a cluster started here: the machine's cores."""
    return max(1, os.cpu_count() or 1)


def run_map(
    engine: str, func: Callable[[T], R], items: Iterable[T], *,
    address: str | None = None, workers: int | None = None, in_flight: int | None = None,
) -> Iterator[R]:
    """``func`` over ``items`` on ``engine``; results in completion order."""
    workers = workers or default_workers()
    limit = in_flight or 2 * workers
    if engine == "local":
        return _local(func, items, workers, limit)
    if engine == "dask":
        return _dask(func, items, address, workers, limit)
    if engine == "ray":
        return _ray(func, items, address, workers, limit)
    raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def _local(func: Callable[[T], R], items: Iterable[T], workers: int, limit: int
           ) -> Iterator[R]:
    if workers <= 1:
        for item in items:
            yield func(item)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        window: deque[Future[R]] = deque()
        for item in items:
            window.append(pool.submit(func, item))
            if len(window) >= limit:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _missing(name: str) -> EngineError:
    return EngineError(f"the {name} engine is not installed; "
                       "install it with: pip install 'baogao[cluster]'")


def _dask(func: Callable[[T], R], items: Iterable[T], address: str | None, workers: int,
          limit: int) -> Iterator[R]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise _missing("dask") from exc
    cluster: Any = None
    try:
        if address:
            client = Client(address, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise EngineError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        pending = as_completed()
        running = 0
        for item in items:
            pending.add(client.submit(func, item, pure=False))
            running += 1
            if running >= limit:
                yield next(pending).result()
                running -= 1
        for future in pending:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _ray(func: Callable[[T], R], items: Iterable[T], address: str | None, workers: int,
         limit: int) -> Iterator[R]:
    try:
        import ray
    except ImportError as exc:
        raise _missing("ray") from exc
    started = not ray.is_initialized()
    if started:
        try:
            if address:
                ray.init(address=address, log_to_driver=False)
            else:
                ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        except (ConnectionError, RuntimeError) as exc:
            raise EngineError(f"cannot reach the Ray cluster at {address}: {exc}") from exc
    try:
        remote = ray.remote(func)
        pending: list[Any] = []
        for item in items:
            pending.append(remote.remote(item))
            if len(pending) >= limit:
                done, pending = ray.wait(pending, num_returns=1)
                yield ray.get(done[0])
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            yield ray.get(done[0])
    finally:
        if started:
            ray.shutdown()
