-- Analysed terms of each row, per field, for ranked recall; and the field lengths
-- BM25 normalises by. Rows indexed before this migration have none, so the whole
-- index (derived data) is dropped here and rebuilt from the files at startup.

ALTER TABLE learning_row ADD COLUMN terms CHARACTER VARYING NOT NULL DEFAULT '';
ALTER TABLE learning_row ADD COLUMN field_lengths VARCHAR(100) NOT NULL DEFAULT '';

-- Which version of the text analysis produced the stored terms; a different version
-- makes the service re-index the repository.
ALTER TABLE index_state ADD COLUMN analysis_version INT NOT NULL DEFAULT 0;

DELETE FROM learning_row;
DELETE FROM malformed_line;
DELETE FROM index_state;
