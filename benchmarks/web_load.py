"""Load the web app on loopback and print requests/s and latency percentiles per page.

    python benchmarks/web_load.py [--db lib.db] [--requests 400] [--concurrency 16]

Builds a library from the test seeds and the 2026 provincial reports (unless --db names one),
serves it with uvicorn in this process on 127.0.0.1 (a free port), and sends a bounded number
of requests per scenario with bounded concurrency (httpx.AsyncClient). Each scenario also
stops after --max-seconds. Only the loopback address is ever contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn

from baogao.library import Library
from baogao.web import create_app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
QUERIES = ["就业", "养老服务", "新质生产力", "接诉即办", "如何稳就业", "营商环境", "乡村振兴",
           "科技创新", "地区生产总值", "生态环境", "教育", "医疗卫生"]


@dataclass
class Result:
    """What one scenario measured."""

    name: str
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    def line(self) -> str:
        """One printed line: rate, p50, p95, max (milliseconds)."""
        lat = sorted(self.latencies) or [0.0]
        p50 = statistics.median(lat) * 1000
        p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))] * 1000
        rate = self.requests / self.seconds if self.seconds else 0.0
        return (f"{self.name:<22} {self.requests:>6} {rate:>9.1f} {p50:>8.1f} {p95:>8.1f} "
                f"{lat[-1] * 1000:>8.1f} {self.errors:>6}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app over ``db`` served by uvicorn on 127.0.0.1 in a background thread."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            sys.exit("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


async def run_scenario(base: str, name: str, urls: list[str], total: int, concurrency: int,
                       max_seconds: float) -> Result:
    """GET ``total`` URLs (cycling ``urls``) with at most ``concurrency`` in flight."""
    cycle = itertools.cycle(urls)
    todo = [next(cycle) for _ in range(total)]
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + max_seconds
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in todo:
        queue.put_nowait(url)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        async def worker() -> None:
            nonlocal errors
            while not queue.empty() and time.monotonic() < deadline:
                url = queue.get_nowait()
                t0 = time.perf_counter()
                try:
                    r = await client.get(url)
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - t0)
                errors += not ok

        for warm in urls[:3]:
            await client.get(warm)
        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        seconds = time.perf_counter() - start
    return Result(name, len(latencies), errors, seconds, latencies)


def scenarios(db: Path) -> dict[str, list[str]]:
    """The URLs of each scenario."""
    with Library(db, readonly=True) as lib:
        ids = [d.id for d in lib.documents()]
    return {
        "api search": [f"/api/search?q={q}" for q in QUERIES],
        "search page": [f"/search?q={q}" for q in QUERIES],
        "document page (reader)": [f"/documents/{i}" for i in ids],
        "api document": [f"/api/documents/{i}" for i in ids],
        "library page": ["/", "/?level=province", "/?region=西城区"],
        "api facts": ["/api/facts?indicator=gdp_growth", "/api/facts?kind=target"],
    }


def main() -> None:
    """Parse arguments, build or open the library, serve it, load it, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing library (default: build one)")
    parser.add_argument("--requests", type=int, default=400, help="requests per scenario")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight")
    parser.add_argument("--max-seconds", type=float, default=60, help="cap per scenario")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "lib.db"
            with Library(db) as lib:
                lib.ingest([DATA / "seeds", DATA / "corpus" / "provinces-2026"])
        with serving(db) as base:
            print(f"baogao web load: {base}, {args.requests} requests per scenario, "
                  f"{args.concurrency} concurrent, uvicorn single process")
            print(f"{'scenario':<22} {'reqs':>6} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
                  f"{'max ms':>8} {'errors':>6}")
            for name, urls in scenarios(db).items():
                result = asyncio.run(run_scenario(base, name, urls, args.requests,
                                                  args.concurrency, args.max_seconds))
                print(result.line(), flush=True)


if __name__ == "__main__":
    main()
