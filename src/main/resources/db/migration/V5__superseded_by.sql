-- The ids of the rows that supersede each row, as the one definition of a chain
-- (SupersessionChains) decides them, so that browse and every view read the same
-- answer. Rows indexed before this migration have none, so the whole index (derived
-- data) is dropped here and rebuilt from the files at startup.

ALTER TABLE learning_row ADD COLUMN superseded_by CHARACTER VARYING NOT NULL DEFAULT '';

DELETE FROM learning_row;
DELETE FROM malformed_line;
DELETE FROM index_state;
