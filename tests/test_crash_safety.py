"""An ingest killed with SIGKILL leaves a sound, complete-per-document library and no stray
worker processes; a document deleted during an ingest never comes back without its facts."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, SEEDS

from baogao.extract import extract_facts
from baogao.library import Library, Parsed

ROOT = Path(__file__).parent.parent
DERIVED = ("sections", "paragraphs", "facts", "terms")


def _counts(db: Path) -> dict[str, dict[str, int]]:
    """Rows per document in every derived table."""
    conn = sqlite3.connect(db)
    try:
        out: dict[str, dict[str, int]] = {}
        for (doc_id,) in conn.execute("SELECT id FROM documents"):
            out[doc_id] = {t: conn.execute(f"SELECT COUNT(*) FROM {t} WHERE doc_id = ?",
                                           (doc_id,)).fetchone()[0] for t in DERIVED}
        return out
    finally:
        conn.close()


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The input folder and a library built from it without interruption."""
    folder = tmp_path_factory.mktemp("in") / "reports"
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(CORPUS / "provinces-2026", folder / "provinces")
    db = folder.parent / "reference.db"
    with Library(db) as lib:
        assert lib.ingest([folder], jobs=2).ok
    return folder, db


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc for worker processes")
def test_kill_9_mid_ingest_leaves_a_sound_library_and_no_workers(
    tmp_path: Path, reference: tuple[Path, Path]
) -> None:
    folder, reference_db = reference
    db = tmp_path / "lib.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "baogao", "ingest", "-q", "--jobs", "2", "--db", str(db),
         str(folder)], env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    workers: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        workers |= _children(proc.pid)
        if db.exists():
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                conn.close()
            except sqlite3.Error:
                stored = 0
        if stored >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    workers |= _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert workers, "the ingest started no worker processes"
    gone_by = time.monotonic() + 10
    while time.monotonic() < gone_by and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "pool workers outlived the killed ingest"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    crashed, expected = _counts(db), _counts(reference_db)
    assert 0 < len(crashed) < len(expected)
    for doc_id, counts in crashed.items():  # every stored document is complete
        assert counts == expected[doc_id], doc_id
    with Library(db) as lib:  # and ingesting again completes the library
        again = lib.ingest([folder])
    assert again.ok, again.errors
    assert _counts(db) == expected


def test_document_deleted_during_an_ingest_keeps_its_facts(tmp_path: Path) -> None:
    first = Path(shutil.copy(SEEDS / "000_b5713cac4734963f.txt", tmp_path / "a.txt"))
    later = Path(shutil.copy(SEEDS / "003_cd0a21e123bf8728.txt", tmp_path / "b.txt"))
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        assert lib.ingest([later]).ok
        [victim] = lib.documents()

    other = Library(db)
    deleted: list[str] = []

    def delete_victim(parsed: Parsed) -> None:
        # Another user removes the report after this ingest has decided it is already stored.
        if not deleted:
            other.delete(victim.id)
            deleted.append(victim.id)

    with Library(db) as lib:
        report = lib.ingest([first, later], on_file=delete_victim)
        assert report.ok, report.errors
        stored = {d.id for d in lib.documents()}
        if victim.id in stored:
            doc = lib.document(victim.id)
            assert len(lib.facts(doc_id=victim.id)) == len(extract_facts(doc)) > 0
            assert lib.terms(doc_id=victim.id)
    other.close()
