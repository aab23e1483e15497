"""What compiling the extractor with mypyc would give: the same output, and how much less CPU.

    python benchmarks/compiled_extract.py [--rounds 2] [--keep DIR]

Copies this tree's ``baogao/`` into a temporary folder (or ``--keep DIR``), compiles the
modules of ``baogao/extract`` with mypyc (part of mypy, a dev dependency; needs a C compiler:
about five minutes on two cores), then, each in a fresh process:

* identity: every document of the shared corpus (tests/data) read, analysed and prepared by
  both trees — metadata, outline, facts, terms, commitments, review digest, search passages
  and stored blobs — must be equal (a digest of each is compared);
* the CPU cost of each ingest stage (``corpus_copies.stage_costs``: one serial pass), both
  trees in alternation ``--rounds`` times (the machine's load moves CPU seconds), the lowest
  of each stage printed side by side.

Modules mypyc cannot compile (``SKIPPED``: an internal mypyc error on ``(*x, y)`` inside a
tuple) stay Python. Nothing here changes how baogao is installed: the compiled copy lives only
in the temporary folder. To run an ingest benchmark on it, keep it and pass this tree as the
baseline: ``python DIR/benchmarks/ingest.py --baseline .`` (after copying ``benchmarks/``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus_copies import ROOT, measure_stages

#: Modules on which mypyc 1.x stops with an internal error.
SKIPPED = ("catalog.py", "commitments.py", "owners.py")


def _digest_child() -> None:
    """The measured process of the identity check: one digest line per document."""
    from corpus_copies import SOURCES

    import baogao.library  # noqa: F401  (the save hooks, as an ingest has them)
    from baogao.pipeline import analyse, build_document, passage_rows
    from baogao.read import iter_files, read_file
    from baogao.store.sqlite import prepare

    for path, display in iter_files(SOURCES):
        for raw in read_file(path, display):
            doc = build_document(raw)
            doc, facts, terms = analyse(doc)
            item = prepare(doc, facts, terms, extras={"search": passage_rows(doc)})
            parts = (repr(item.doc), repr(facts), repr(terms), repr(item.commitments),
                     repr(item.extras), item.packed_offsets, item.packed_original,
                     item.packed_text, item.review)
            digest = hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()
            print(f"{raw.source}#{raw.row}\t{len(facts)}\t{digest}")


def _digests(tree: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, __file__, "--digest"], env=env, capture_output=True,
                          text=True, check=False, cwd=tree)
    if done.returncode != 0:
        raise RuntimeError(f"digest run failed: {done.stderr[-2000:]}")
    return done.stdout.splitlines()


def build(dest: Path) -> list[str]:
    """Copy ``baogao/`` to ``dest`` and compile its extractor there; the modules compiled."""
    shutil.copytree(ROOT / "baogao", dest / "baogao",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    shutil.copytree(ROOT / "benchmarks", dest / "benchmarks",
                    ignore=shutil.ignore_patterns("__pycache__"))
    modules = sorted(str(p.relative_to(dest)) for p in (dest / "baogao" / "extract").rglob("*.py")
                     if p.name != "__init__.py" and p.name not in SKIPPED)
    done = subprocess.run([sys.executable, "-m", "mypyc", *modules], cwd=dest,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"mypyc failed: {done.stdout[-3000:]}{done.stderr[-3000:]}")
    return modules


def main() -> None:
    if sys.argv[1:2] == ["--digest"]:
        _digest_child()
        return
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build the compiled copy here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="baogao-mypyc-") as tmp:
        dest = args.keep or Path(tmp)
        modules = build(dest)
        print(f"compiled {len(modules)} modules of baogao/extract (skipped: {', '.join(SKIPPED)})")
        ours, theirs = _digests(ROOT), _digests(dest)
        same = sum(a == b for a, b in zip(ours, theirs, strict=True))
        print(f"identity: {same} of {len(ours)} documents give the same output"
              + ("" if same == len(ours) else " (DIFFERENT)"))
        python: dict[str, float] = {}
        compiled: dict[str, float] = {}
        for _ in range(args.rounds):
            for costs, tree in ((python, ROOT), (compiled, dest)):
                for stage, cpu in measure_stages(tree).items():
                    costs[stage] = min(cpu, costs.get(stage, cpu))
    print(f"{'stage (CPU s, one serial pass, lowest of rounds)':<50} {'Python':>7} {'mypyc':>7}")
    for stage in python:
        print(f"{stage:<50} {python[stage]:>7.3f} {compiled[stage]:>7.3f}")
    total_p, total_c = sum(python.values()), sum(compiled.values())
    print(f"{'total':<50} {total_p:>7.3f} {total_c:>7.3f}   mypyc ÷ Python {total_c / total_p:.3f}")
    print(json.dumps({"python": python, "mypyc": compiled}))


if __name__ == "__main__":
    main()
