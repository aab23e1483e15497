"""The library schema and its migrations.

``PRAGMA user_version`` holds the schema version; ``MIGRATIONS[i]`` takes a database from
version ``i`` to ``i + 1``. A new database runs them all.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 0 -> 1: documents, outline, facts, glossary
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        row INTEGER NOT NULL,
        title TEXT,
        region TEXT,
        region_path TEXT NOT NULL DEFAULT '[]',
        level TEXT,
        year INTEGER,
        date TEXT,
        speaker TEXT,
        speaker_title TEXT,
        meeting TEXT,
        doc_type TEXT NOT NULL,
        chars INTEGER NOT NULL,
        text TEXT NOT NULL,
        original TEXT NOT NULL,
        offset_map BLOB NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE INDEX documents_region_year ON documents(region, year);
    CREATE INDEX documents_year ON documents(year);
    CREATE TABLE document_sources (
        source TEXT NOT NULL,
        row INTEGER NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (source, row)
    );
    CREATE INDEX document_sources_doc ON document_sources(doc_id);
    CREATE TABLE sections (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        level INTEGER NOT NULL,
        marker TEXT NOT NULL,
        title TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        heading_end INTEGER NOT NULL,
        role TEXT NOT NULL,
        parent INTEGER,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE paragraphs (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        section INTEGER,
        is_table_row INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        row INTEGER NOT NULL,
        region TEXT,
        year INTEGER,
        indicator TEXT,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        estimated INTEGER NOT NULL,
        period INTEGER,
        value REAL,
        value_high REAL,
        unit TEXT,
        bound TEXT,
        text TEXT NOT NULL,
        evidence TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        attribute TEXT
    );
    CREATE INDEX facts_doc ON facts(doc_id);
    CREATE INDEX facts_indicator ON facts(indicator, kind, period);
    CREATE INDEX facts_region ON facts(region, period);
    CREATE TABLE terms (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        term TEXT NOT NULL,
        definition TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        uses TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX terms_doc ON terms(doc_id);
    CREATE INDEX terms_term ON terms(term);
    """,
    # 1 -> 2: GB/T 2260 code of the document's region (NULL when outside the gazetteer)
    """
    ALTER TABLE documents ADD COLUMN region_code TEXT;
    CREATE INDEX documents_region_code ON documents(region_code);
    """,
    # 2 -> 3: open-vocabulary facts (every number with a unit): key, action, scope, flag
    """
    ALTER TABLE facts ADD COLUMN key TEXT NOT NULL DEFAULT '';
    ALTER TABLE facts ADD COLUMN action TEXT;
    ALTER TABLE facts ADD COLUMN scope TEXT;
    ALTER TABLE facts ADD COLUMN open_vocabulary INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX facts_open ON facts(open_vocabulary, region, period);
    """,
    # 3 -> 4: compact documents (``packing`` 1: offset map as breakpoints, original as edits
    # of the text, see store/packing.py); outline tables keyed by their primary key only;
    # the files ingest has read, so unchanged files are skipped before parsing
    """
    ALTER TABLE documents ADD COLUMN packing INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE sections_v2 (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        level INTEGER NOT NULL,
        marker TEXT NOT NULL,
        title TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        heading_end INTEGER NOT NULL,
        role TEXT NOT NULL,
        parent INTEGER,
        PRIMARY KEY (doc_id, idx)
    ) WITHOUT ROWID;
    INSERT INTO sections_v2 SELECT doc_id, idx, level, marker, title, start, "end",
        heading_end, role, parent FROM sections;
    DROP TABLE sections;
    ALTER TABLE sections_v2 RENAME TO sections;
    CREATE TABLE paragraphs_v2 (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        section INTEGER,
        is_table_row INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (doc_id, idx)
    ) WITHOUT ROWID;
    INSERT INTO paragraphs_v2 SELECT doc_id, idx, start, "end", section, is_table_row
        FROM paragraphs;
    DROP TABLE paragraphs;
    ALTER TABLE paragraphs_v2 RENAME TO paragraphs;
    CREATE TABLE files (
        path TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        rows INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX files_sha256 ON files(sha256);
    """,
    # 4 -> 5 (additive): commitments of each document (plan targets for its year, 民生实事
    # items), extracted at ingest; ``commitment_docs`` records which documents were
    # extracted and by which extractor version (older or missing ones are redone on read)
    """
    CREATE TABLE commitments (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        row INTEGER NOT NULL,
        region TEXT,
        year INTEGER,
        period INTEGER,
        object TEXT NOT NULL,
        key TEXT NOT NULL,
        action TEXT,
        value REAL,
        value_high REAL,
        unit TEXT,
        bound TEXT,
        text TEXT NOT NULL,
        evidence TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        scope TEXT,
        indicator TEXT,
        list_name TEXT,
        origin TEXT NOT NULL
    );
    CREATE INDEX commitments_doc ON commitments(doc_id);
    CREATE INDEX commitments_region ON commitments(region, period);
    CREATE TABLE commitment_docs (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        version TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 5 -> 6 (additive): what a document offers commitment tracking as a later report (its
    # review sentences about one year, the spans of its facts in multi-year passages),
    # worked out at ingest with its commitments (``analyze.commitment_rows.review_digest``)
    """
    ALTER TABLE commitment_docs ADD COLUMN review BLOB;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
