-- Memory notes are now files in the memory-note tool's format, named by time, kind,
-- slug and fingerprint and written by the service and the tool alike: the index is keyed
-- by file (two files may carry one id), takes any text a note holds, and records how
-- each note is written. Derived data: the old table is dropped and the index rebuilt
-- from the notes directory at its first look.
DROP TABLE memory_note;

CREATE TABLE memory_note (
    path                CHARACTER VARYING NOT NULL PRIMARY KEY,
    id                  CHARACTER VARYING NOT NULL,
    kind                CHARACTER VARYING NOT NULL,
    format              VARCHAR(32)       NOT NULL,
    repo                VARCHAR(64),
    learning_id         CHARACTER VARYING,
    supersedes_note_id  CHARACTER VARYING,
    fingerprint         CHARACTER VARYING NOT NULL,
    captured_at         CHARACTER VARYING NOT NULL,
    summary             CHARACTER VARYING NOT NULL
);

CREATE INDEX ix_memory_note_id ON memory_note (id);
CREATE INDEX ix_memory_note_learning ON memory_note (learning_id);
CREATE INDEX ix_memory_note_fingerprint ON memory_note (fingerprint);
