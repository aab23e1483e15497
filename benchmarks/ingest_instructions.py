"""Ingest cost in machine instructions, this tree against another, immune to machine load.

    python benchmarks/ingest_instructions.py --baseline ../main [--step 8]

CPU seconds on a shared machine move by ±10% with the load of other processes (hyperthreads
share a core), more than most speed edits change. Instruction counts do not: each tree runs
the per-document pipeline (normalize, metadata, outline, facts, open facts, glossary,
commitments and review, search passages, packing) over every ``--step``-th document of the
shared corpus under valgrind's callgrind, once uninstrumented (imports, compiled patterns,
the rjieba dictionary, caches: what a long ingest has paid already) and once counted: the
steady state of an ingest. Printed: the instructions of each tree and their ratio.

Needs ``valgrind`` (``apt-get install valgrind``); about two minutes a tree at ``--step 8``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _workload(step: int) -> None:
    """The measured process: a warm-up pass, then a counted one (callgrind toggled here)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus_copies import SOURCES

    from baogao.pipeline import analyse, build_document, passage_rows
    from baogao.read import iter_files, read_file
    from baogao.store.sqlite import prepare

    raws = [r for path, display in iter_files(SOURCES) for r in read_file(path, display)][::step]

    def once() -> None:
        for raw in raws:
            doc = build_document(raw)
            _, facts, terms = analyse(doc)
            prepare(doc, facts, terms, extras={"search": passage_rows(doc)})

    once()
    subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True,
                   check=False)
    once()
    subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], capture_output=True,
                   check=False)


def count(tree: Path, step: int) -> int:
    """Instructions of the counted pass with ``tree``'s ``baogao``."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no",
             f"--callgrind-out-file={tmp}/out", sys.executable, __file__, "--child",
             str(step)], env=env, capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"callgrind run failed: {done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        _workload(int(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", type=Path, required=True,
                        help="another source tree (its baogao/ is measured)")
    parser.add_argument("--step", type=int, default=8,
                        help="measure every STEP-th document of the corpus (default 8)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    base = count(args.baseline.resolve(), args.step)
    ours = count(ROOT, args.step)
    print(f"instructions, every {args.step}th document, steady state: baseline {base:,}, "
          f"this tree {ours:,}; this tree ÷ baseline {ours / base:.4f}")


if __name__ == "__main__":
    main()
