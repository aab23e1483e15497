"""Golden dump of what ingest produces, to check that a speed change keeps output identical.

    python benchmarks/ingest_identical.py dump OUT.txt [FOLDER ...]
    python benchmarks/ingest_identical.py compare BEFORE.txt AFTER.txt

``dump`` runs every document of the bundled corpus (or of the given folders) through the
worker's path (``run_task``: read, normalize, metadata, outline, facts, open facts, glossary,
commitments, search passages, packing) and writes one block per document: its stored row,
every fact, term, commitment and search passage, its review digest (``commitment_rows``),
and digests of its text, offset map and original as they read back from the packed forms
(so a change of compression alone does not count as a change of output). ``compare`` prints
the first differing lines and the number of documents that differ.
"""

from __future__ import annotations

import hashlib
import sys
import zlib
from pathlib import Path

from corpus_copies import SOURCES

#: Passage row fields left out of the dump: read back from the document's text.
_DERIVED = frozenset({"text"})


def _sha(data: str) -> str:
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def dump(out_path: Path, folders: list[Path]) -> int:
    """Write the golden dump of ``folders``; the number of documents."""
    from baogao.library import _inputs
    from baogao.pipeline import COLLECTIONS, Task, run_task
    from baogao.read import read_file
    from baogao.store.packing import unpack_offsets, unpack_original, unpack_text

    docs = 0
    with out_path.open("w", encoding="utf-8") as out:
        for key, (path, display, _) in enumerate(_inputs(folders)):
            if path.suffix.lower() in COLLECTIONS:
                tasks = [Task(key, str(path), display, raw) for raw in read_file(path, display)]
            else:
                tasks = [Task(key, str(path), display)]
            for task in tasks:
                result = run_task(task)
                for error in result.errors:
                    out.write(f"ERROR {error}\n")
                for warning in result.warnings:
                    out.write(f"WARN {warning}\n")
                for item in result.items:
                    docs += 1
                    doc = item.doc
                    text = unpack_text(item.packed_text)
                    offsets = unpack_offsets(item.packed_offsets)
                    original = unpack_original(item.packed_original, text)
                    out.write(f"DOC {doc.source} {doc.row} {doc.id}\n")
                    out.write(f"META {doc!r}\n")
                    out.write(f"TEXT {_sha(text)} {_sha(repr(offsets))} {_sha(original)}\n")
                    for fact in item.facts:
                        out.write(f"FACT {fact!r}\n")
                    for term in item.terms:
                        out.write(f"TERM {term!r}\n")
                    for commitment in item.commitments or ():
                        out.write(f"COMMIT {commitment!r}\n")
                    if item.review is not None:  # what it offers commitment tracking
                        out.write(f"REVIEW {zlib.decompress(item.review).decode('utf-8')}\n")
                    for row in item.extras.get("search") or ():  # type: ignore[attr-defined]
                        fields = {k: v for k, v in vars(row).items() if k not in _DERIVED}
                        out.write(f"ROW {fields!r}\n")
    return docs


def compare(before: Path, after: Path, show: int = 10) -> int:
    """Print where two dumps differ; the number of documents that differ."""
    def blocks(path: Path) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        current: list[str] = []
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("DOC "):
                current = found.setdefault(line, [])
            current.append(line)
        return found

    a, b = blocks(before), blocks(after)
    differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    for key in differ[:show]:
        left, right = a.get(key, []), b.get(key, [])
        print(key)
        for x, y in zip(left, right, strict=False):
            if x != y:
                print(f"  - {x[:300]}\n  + {y[:300]}")
                break
        else:
            print(f"  {len(left)} lines against {len(right)}")
    print(f"{len(a)} documents before, {len(b)} after, {len(differ)} differ")
    return len(differ)


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "dump":
        folders = [Path(p) for p in sys.argv[3:]] or SOURCES
        print(f"{dump(Path(sys.argv[2]), folders)} documents dumped")
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(1 if compare(Path(sys.argv[2]), Path(sys.argv[3])) else 0)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
