"""``baogao upgrade`` on a library written by round 3: search before and after, upgrade time.

    python benchmarks/upgrade.py                  # the shared corpus ×10 (--scale N)
    python benchmarks/upgrade.py --work DIR       # keep (and reuse) the libraries

The library is written by the code of the end of round 3 (``--baseline``, checked out with
``git archive``; its document text is one zlib stream, its search index of format 4), then
stored ×N in SQL (``biglib.enlarge``: the copies keep the old rows as they are; the index is
built by this tree). Search CPU p50/p95 over the search queries, every query with this
process's passage and text-block caches emptied first, before and after ``baogao upgrade``
(run as a user runs it, in a child process, timed), and the library's size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from biglib import DATA, ROOT, enlarge
from scale import BASELINE_REV, _checkout
from search_speed import forget_passages, queries, time_both

from baogao.ask.search import search
from baogao.library import Library


def round3_library(work: Path, baseline: str) -> Path:
    """The shared corpus ingested by the code of ``baseline`` into ``work/r3.db``."""
    out = work / "r3.db"
    if out.exists():
        return out
    tree = _checkout(baseline, work / "r3-code")
    subprocess.run([sys.executable, "-m", "baogao", "ingest", str(DATA / "seeds"),
                    str(DATA / "corpus"), "--db", str(out), "--quiet"], check=True,
                   cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)})
    return out


def size_mb(db: Path) -> float:
    """The library file and its index folder, in MB."""
    index = Path(f"{db}.index")
    files = [db, *(index.rglob("*") if index.exists() else [])]
    return sum(f.stat().st_size for f in files if f.is_file()) / 1e6


def search_cpu(db: Path, repeat: int) -> tuple[float, float]:
    """CPU p50/p95 (ms) of a search, caches of passages and blocks emptied before each."""
    import baogao.ask.search as engine

    engine.PAGE_CACHE = 0
    with Library(db) as lib:
        search(lib, "就业")
        return time_both(lambda q: search(lib, q, limit=10), queries(), repeat,
                         forget_passages)[1]


def main() -> None:
    """Build the round-3 library ×N, time search, upgrade it, time search again."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--work", type=Path, help="folder for the libraries (kept)")
    ap.add_argument("--baseline", default=BASELINE_REV, help="revision that writes the library")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        old = round3_library(work, args.baseline)
        db = work / f"r3-x{args.scale}.db"
        for extra in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            extra.unlink(missing_ok=True)
        shutil.rmtree(f"{db}.index", ignore_errors=True)
        enlarge(old, db, args.scale)
        print(f"round-3 library x{args.scale} (written by {args.baseline}): "
              f"{size_mb(db):.0f} MB; load average {os.getloadavg()[0]:.1f}")
        before = search_cpu(db, args.repeat)
        print(f"  search before upgrade: CPU p50 {before[0]:6.1f} ms  p95 {before[1]:6.1f} ms")
        t = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "baogao", "upgrade", "--db", str(db),
                               "--quiet"], capture_output=True, text=True, check=False,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        seconds = time.perf_counter() - t
        print(f"  baogao upgrade: {seconds:.1f} s, exit {done.returncode}: "
              f"{done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ''}")
        again = subprocess.run([sys.executable, "-m", "baogao", "upgrade", "--db", str(db),
                                "--quiet"], capture_output=True, text=True, check=False,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
        print(f"  run again: {again.stderr.strip().splitlines()[-1]}")
        after = search_cpu(db, args.repeat)
        print(f"  search after upgrade:  CPU p50 {after[0]:6.1f} ms  p95 {after[1]:6.1f} ms "
              f"({before[1] / max(after[1], 1e-9):.1f}x faster at p95); {size_mb(db):.0f} MB")


if __name__ == "__main__":
    main()
