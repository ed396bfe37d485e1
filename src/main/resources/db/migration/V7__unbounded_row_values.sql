-- A row's values come from whatever wrote the file (the learnings tool, editors, other
-- services), so no column holding a value of a row may have a length limit: a status of
-- 65 characters once failed the whole repository's index (field report case A). Every
-- bounded column of learning_row is made unbounded. Derived data: the index is dropped
-- here and rebuilt from the files at startup.

DELETE FROM learning_row;
DELETE FROM malformed_line;
DELETE FROM index_state;

ALTER TABLE learning_row ALTER COLUMN id SET DATA TYPE CHARACTER VARYING;
ALTER TABLE learning_row ALTER COLUMN captured_at SET DATA TYPE CHARACTER VARYING;
ALTER TABLE learning_row ALTER COLUMN status SET DATA TYPE CHARACTER VARYING;
ALTER TABLE learning_row ALTER COLUMN fingerprint SET DATA TYPE CHARACTER VARYING;
ALTER TABLE learning_row ALTER COLUMN supersedes_id SET DATA TYPE CHARACTER VARYING;
ALTER TABLE learning_row ALTER COLUMN field_lengths SET DATA TYPE CHARACTER VARYING;

-- The key the exact-duplicate check compares (CanonicalFormat.duplicateKey): the status
-- and the learning NFC-normalised, whitespace-collapsed and case-folded (case D).
ALTER TABLE learning_row ADD COLUMN duplicate_key CHARACTER VARYING NOT NULL DEFAULT '';
CREATE INDEX ix_learning_row_duplicate_key ON learning_row (repo, duplicate_key);
