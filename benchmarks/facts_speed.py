"""Throughput of ``extract_facts`` over the shared corpus (documents read once, beforehand).

    python benchmarks/facts_speed.py [PATH ...]

Prints the number of documents, characters, facts, seconds and MB/s (UTF-8 bytes of the
normalized text per second of extraction).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from baogao.extract import extract_facts
from baogao.pipeline import read

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests" / "data" / "corpus", ROOT / "tests" / "data" / "seeds"]


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or DEFAULT
    docs = [doc for path in paths for doc in read(path)]
    size = sum(len(doc.text.encode("utf-8")) for doc in docs)
    extract_facts(docs[0])  # warm the caches (catalog, automaton, patterns)
    began = time.perf_counter()
    facts = sum(len(extract_facts(doc)) for doc in docs)
    seconds = time.perf_counter() - began
    chars = sum(len(doc.text) for doc in docs)
    print(f"documents {len(docs)}  characters {chars}  facts {facts}")
    print(f"seconds {seconds:.3f}  MB/s {size / 1e6 / seconds:.2f}")


if __name__ == "__main__":
    main()
