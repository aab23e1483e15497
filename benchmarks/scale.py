"""Archive scale: analysis times at ×100, the web server at ×30, CLI start-up; with round 1.

    python benchmarks/scale.py                      # everything (builds ×30 and ×100)
    python benchmarks/scale.py --work DIR           # keep (and reuse) the libraries
    python benchmarks/scale.py --only startup serve

Sections (``--only``):

* ``analysis``: ``attention`` (panel, then the per-document table), ``compare`` (regions side
  by side; one region's series) and ``track`` (one region; every region) in-process on the
  ×100 library, first call and repeated call.
* ``serve``: ``baogao serve --workers N`` on the ×30 library in a child process on
  127.0.0.1; ``/api/search`` p50/p95 under 4 concurrent clients over the search queries, for
  1 and 2 workers; ``/api/attention`` first and repeated request.
* ``startup``: CPU and wall time of ``baogao --help`` and of common commands (``ls``,
  ``search`` at ×100, ``facts`` of one report, ``indicators``), side by side with a baseline
  revision (``--baseline``, default the end of round 3) checked out with ``git archive``.

Libraries are the shared corpus stored ×N (``biglib.enlarge``). Round 1 figures come from
issue 12 and are printed next to each measurement.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from biglib import ROOT, base_library, enlarge
from search_speed import QUERIES, percentiles

from baogao.analyze.attention import attention_documents, attention_panel
from baogao.analyze.compare import compare
from baogao.analyze.track import track
from baogao.library import Library

PY = sys.executable


def library(work: Path, scale: int) -> Path:
    """The ×``scale`` library in ``work``, built unless there."""
    out = work / f"x{scale}.db"
    if not (out.exists() and Path(f"{out}.index").exists()):
        seconds = enlarge(base_library(work), out, scale)
        print(f"(built x{scale} in {seconds:.0f} s)", file=sys.stderr)
    return out


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def _cpu_timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall seconds, CPU seconds of this process (every thread), result."""
    t, c = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - t, time.process_time() - c, result


def _load_note() -> str:
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def _tree_cpu(pid: int) -> float:
    """CPU seconds used so far by process ``pid`` and its children (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


#: Round 3's figures at ×100 (CPU seconds, first call), printed beside this run's.
ANALYSIS_BEFORE = {"track every region": 2.23, "track 北京市西城区": 0.26}


def _track_objects(lib: Library, region: str | None) -> list[Any]:
    """``track`` as computed before its speed path: every fact and outline as objects."""
    from baogao.analyze.track import document_index, region_facts, track_facts

    facts = region_facts(lib, region)
    return track_facts(facts, document_index(lib, {f.doc_id for f in facts}))


def _forget_track_rows(lib: Library) -> None:
    with lib.store.conn:
        lib.store.conn.execute("DROP TABLE IF EXISTS track_cache")


def analysis(work: Path) -> None:
    """attention, compare and track on the ×100 library.

    ``first`` is the first call in this process, ``again`` the second. For track, ``first``
    starts with no kept rows (``track_cache`` dropped), so it computes every row; ``again``
    reads the kept rows; the old way (every fact and outline as objects) is timed beside it.
    """
    db = library(work, 100)
    print(f"analysis at x100 (target < 1 s; round 1: attention 40 s); CPU and wall seconds, "
          f"{_load_note()}")
    with Library(db) as lib:
        cases: list[tuple[str, Callable[[], Any]]] = [
            ("attention panel", lambda: attention_panel(lib)),
            ("attention per document", lambda: attention_documents(lib)),
            ("compare gdp_growth targets 2025",
             lambda: compare(lib, "gdp_growth", kind="target", period=2025)),
            ("compare gdp_growth series 全国",
             lambda: compare(lib, "gdp_growth", kind="actual", region="全国")),
            ("track 北京市西城区", lambda: track(lib, "北京市西城区")),
            ("track every region", lambda: track(lib)),
        ]
        for label, fn in cases:
            if label.startswith("track"):
                _forget_track_rows(lib)
            first, first_cpu, result = _cpu_timed(fn)
            again, again_cpu, _ = _cpu_timed(fn)
            before = ANALYSIS_BEFORE.get(label)
            note = f"; last session {before:g} s" if before else ""
            print(f"  {label:<34} first CPU {first_cpu:5.2f} s (wall {first:5.2f})  again CPU "
                  f"{again_cpu:5.2f} s (wall {again:5.2f})  ({len(result)} rows{note})")
            sys.stdout.flush()
        for region in ("北京市西城区", None):
            wall, cpu, old = _cpu_timed(lambda r=region: _track_objects(lib, r))
            same = old == track(lib, region)
            print(f"  track {region or 'every region'} the old way (every fact and outline as "
                  f"objects): CPU {cpu:5.2f} s (wall {wall:5.2f}); same rows: {same}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(db: Path, workers: int | None) -> tuple[subprocess.Popen[bytes], str]:
    """``baogao serve`` on ``db`` (``workers`` None: the default options), once it answers."""
    port = _free_port()
    count = [] if workers is None else ["--workers", str(workers)]
    proc = subprocess.Popen(
        [PY, "-m", "baogao", "serve", "--db", str(db), "--port", str(port), *count,
         "--log-level", "warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    base = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            if httpx.get(f"{base}/api", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.3)
    _stop(proc)
    raise SystemExit("baogao serve did not start")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def _load(base: str, paths: list[str], clients: int) -> tuple[list[float], float, int]:
    """GET every path with ``clients`` keep-alive connections (one thread each); latencies,
    seconds, errors. ``http.client``, not httpx: the client shares the two cores with the
    server, and a lighter one takes less of them from it."""
    import http.client
    from urllib.parse import quote, urlsplit

    where = urlsplit(base)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    todo = [quote(p, safe="/?=&") for p in paths]

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port, timeout=60)
        try:
            while True:
                with lock:
                    if not todo:
                        return
                    path = todo.pop()
                t = time.perf_counter()
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                dt = time.perf_counter() - t
                with lock:
                    latencies.append(dt)
                    errors += response.status != 200
        finally:
            conn.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, time.perf_counter() - t0, errors


#: Round 1 (issue 12) and the last session (machine busy with 8 engineers): p95 in ms.
SERVE_BEFORE = {"round 1": 174, "last session": 330}


def _rss_mb(pid: int | str) -> float:
    """Resident memory of one process, in MB (from /proc)."""
    return _status_mb(pid, "VmRSS")


def _status_mb(pid: int | str, field: str) -> float:
    """A memory field of /proc/<pid>/status (VmRSS, RssAnon, RssFile), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _kid_mb(pid: str) -> str:
    """A child's resident memory, with its own (anonymous) part: the rest is mapped files,
    mostly the library a worker reads mapped (page cache, shared with every process)."""
    return f"{_rss_mb(pid):.0f} (own {_status_mb(pid, 'RssAnon'):.0f})"


def _memory(pid: int, workers: int) -> str:
    """Resident memory of the server process and of its child processes (the workers, and
    multiprocessing's resource tracker), as a line; round 4's parent of several workers
    held about 140 MB."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        kids = ", ".join(_kid_mb(c) for c in children)
        role = ("parent, supervising (round 4: ~140 MB)" if workers > 1 else
                "serving itself")
        return (f"server process {_rss_mb(pid):.0f} MB ({role})"
                + (f"; child processes {kids} MB" if kids else ""))
    except OSError:  # not Linux
        return "not measured (no /proc)"


def _distinct_queries() -> tuple[list[str], list[str]]:
    """Queries no worker has seen: pairs of the topic words in both orders (105 each)."""
    words = [q for q in QUERIES if len(q) <= 8][:15]
    pairs = [(a, b) for i, a in enumerate(words) for b in words[i + 1:]]
    return [f"{a} {b}" for a, b in pairs], [f"{b} {a}" for a, b in pairs]


def _serve_line(label: str, lat: list[float], seconds: float, errors: int, cpu_ms: float,
                clients: int) -> str:
    p50, p95 = percentiles(lat)
    verdict = "met" if p95 < 50 else "MISSED"
    return (f"    {label:<34} {clients:>2} clients  p50 {p50:6.1f}  p95 {p95:6.1f} ms "
            f"({verdict})  {len(lat) / seconds:6.1f} req/s  server CPU {cpu_ms:5.1f} ms/req"
            f"  {errors} errors")


#: Pages timed at ×30 (first request, then the median of 5), with earlier figures.
PAGES = {
    "/api/attention": "round 1: 17 s per request at x10",
    "/attention": "",
    "/api/track": "",
    "/track": "",
    "/api/commitments": "last session: ~4 s on 30 reports",
    "/commitments": "last session: ~4 s on 30 reports",
    "/api/documents?limit=100": "round 1: every document, unpaginated",
}


def pages(base: str) -> None:
    """First and repeated wall time of the analysis pages (two workers: the first request
    of each worker computes; every worker is asked)."""
    import httpx

    for path, before in PAGES.items():
        url = f"{base}{path}"
        first, response = _timed(lambda u=url: httpx.get(u, timeout=600))  # type: ignore[misc]
        repeat = 5 if first < 5 else 1  # a page of a minute is timed once more, not five times
        again = statistics.median(
            _timed(lambda u=url: httpx.get(u, timeout=600))[0]  # type: ignore[misc]
            for _ in range(repeat))
        size = len(response.content) / 1024
        print(f"  {path:<26} first {first * 1000:7.0f} ms  again {again * 1000:7.1f} ms  "
              f"({response.status_code}, {size:.0f} kB){'  ' + before if before else ''}")
        sys.stdout.flush()


def serve(work: Path, rounds: int, with_pages: bool = True) -> None:
    """/api/search p50/p95 over baogao serve at ×30, 1 and 2 workers; /api/attention.

    Three loads per server, begun as soon as it answers (no request warms it first: a
    worker warms itself before it accepts): the search queries repeated ``rounds`` times
    (as round 1 measured it; after the first pass the result cache answers), 105 distinct
    queries the server has never seen (every one runs the whole search), and the distinct
    queries from one client. The default worker count is started with no ``--workers``, as
    ``baogao serve`` runs by default."""

    from baogao.cli.web import default_workers

    db = library(work, 30)
    before = ", ".join(f"{k} {v} ms" for k, v in SERVE_BEFORE.items())
    print(f"baogao serve at x30: /api/search?limit=10 (target p95 < 50 ms; before: {before}); "
          f"{_load_note()}")
    repeated = [f"/api/search?q={q}&limit=10" for q in QUERIES] * rounds
    fresh, fresh_one = _distinct_queries()
    for workers in sorted({1, 2, default_workers()}, key=lambda n: n != default_workers()):
        is_default = workers == default_workers()
        proc, base = _start(db, None if is_default else workers)
        print("  default options (no --workers): " if is_default else "  ", end="")
        print(f"--workers {workers}:")
        try:
            for label, paths, clients in (
                    ("repeated queries (cache after 1st)", repeated, 4),
                    ("distinct queries (no cache)", [f"/api/search?q={q}&limit=10"
                                                     for q in fresh], 4),
                    ("distinct queries, one client", [f"/api/search?q={q}&limit=10"
                                                      for q in fresh_one[:40]], 1)):
                cpu0 = _tree_cpu(proc.pid)
                lat, seconds, errors = _load(base, paths, clients)
                cpu = (_tree_cpu(proc.pid) - cpu0) / max(1, len(lat)) * 1000
                print(_serve_line(label, lat, seconds, errors, cpu, clients))
                sys.stdout.flush()
            print(f"    memory: {_memory(proc.pid, workers)}")
            if workers == 2 and with_pages:
                pages(base)
        finally:
            _stop(proc)
        sys.stdout.flush()
    print(f"  ({_load_note()} at the end)")


#: The code start-up is compared with: the end of round 3 (before lazy option conversion).
BASELINE_REV = "8dea3ac"


def _checkout(rev: str, into: Path) -> Path:
    """The package tree of ``rev`` (``git archive``) under ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "baogao"],
                         capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=tar, check=True)
    return into


def _run(args: list[str], cmd: list[str] | None = None, *, tree: Path = ROOT,
         pycache: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one child process, running the package in
    ``tree``. With ``pycache``, compiled modules are kept there (as an installed package has
    them; the first call writes them), whatever PYTHONDONTWRITEBYTECODE says."""
    import resource

    env = {**os.environ, "PYTHONPATH": str(tree)}
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd or [PY, "-m", "baogao", *args], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True, env=env,
                   cwd=tree)  # ``-m`` puts the working folder first on the path
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup(work: Path, baseline: str) -> None:
    """CLI start-up, this tree beside ``baseline``: ``baogao --help`` and common commands
    (``ls`` first page and whole table at ×100, ``search`` at ×100, ``facts`` of one
    report, ``indicators``); CPU and wall medians of 5 runs each, compiled modules kept
    (the first, compiling run is not counted). A baseline that cannot read the ×100
    library (built by this tree in a newer layout) is marked failed: keep a library of its
    layout in ``--work`` (``--work`` of a run before the change) to compare those."""
    db = library(work, 100)
    seed = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))[0]
    commands = {
        "--help": ["--help"],
        "ls --limit 50 (x100)": ["ls", "--db", str(db), "--limit", "50"],
        "ls, all 8,300 rows": ["ls", "--db", str(db)],
        "search 就业 --limit 10 (x100)": ["search", "就业", "--db", str(db), "--limit", "10"],
        "facts <one seed report>": ["facts", str(seed)],
        "indicators": ["indicators"],
    }
    bare = [_run([], [PY, "-c", "pass"]) for _ in range(5)]
    print(f"start-up (CPU / wall median of 5, seconds; compiled modules kept); baseline = "
          f"{baseline}; bare python CPU {statistics.median(b[1] for b in bare):.3f} s; "
          f"{_load_note()}")
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"before": _checkout(baseline, Path(tmp) / "before"), "now": ROOT}
        caches = {name: Path(tmp) / f"pycache-{name}" for name in trees}
        for label, args in commands.items():
            cells = []
            for name, tree in trees.items():
                try:
                    _run(args, tree=tree, pycache=caches[name])  # compiles, warms the cache
                except subprocess.CalledProcessError:  # e.g. a library of a newer layout
                    cells.append(f"{name} failed (cannot read this library?)")
                    continue
                runs = [_run(args, tree=tree, pycache=caches[name]) for _ in range(5)]
                cells.append(f"{name} CPU {statistics.median(r[1] for r in runs):5.3f} "
                             f"(wall {statistics.median(r[0] for r in runs):5.3f})")
            target = "  target < 0.3 s" if label == "--help" else ""
            print(f"  {label:<32} " + "   ".join(cells) + target)
            sys.stdout.flush()


def main() -> None:
    """Run the chosen sections and print their figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, help="folder for the libraries (kept)")
    ap.add_argument("--only", nargs="+", choices=["analysis", "serve", "startup"],
                    default=["startup", "analysis", "serve"])
    ap.add_argument("--rounds", type=int, default=5, help="passes over the queries (serve)")
    ap.add_argument("--no-pages", action="store_true",
                    help="serve: only /api/search, not the analysis pages")
    ap.add_argument("--baseline", default=BASELINE_REV,
                    help="git revision start-up is compared with (default: end of round 3)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if "startup" in args.only:
            startup(work, args.baseline)
        if "analysis" in args.only:
            analysis(work)
        if "serve" in args.only:
            serve(work, args.rounds, not args.no_pages)


if __name__ == "__main__":
    main()
