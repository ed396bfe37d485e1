-- Index of the memory-source notes on disk. Derived: rebuilt from the notes
-- directory when rows are missing.
CREATE TABLE memory_note (
    id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind                VARCHAR(64)  NOT NULL,
    repo                VARCHAR(64),
    learning_id         VARCHAR(200),
    supersedes_note_id  VARCHAR(64),
    fingerprint         VARCHAR(64)  NOT NULL,
    captured_at         VARCHAR(32)  NOT NULL,
    summary             CHARACTER VARYING NOT NULL,
    path                CHARACTER VARYING NOT NULL
);

CREATE INDEX ix_memory_note_learning ON memory_note (repo, learning_id);
CREATE INDEX ix_memory_note_fingerprint ON memory_note (fingerprint);
