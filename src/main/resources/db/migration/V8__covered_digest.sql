-- The SHA-256 of every byte the index covers, so that a change that is not a pure append
-- (a new inode, a same-size rewrite, a shrink) is found by one whole-file comparison. Empty
-- means not yet known: the next sync re-indexes the file whole.
ALTER TABLE index_state ADD COLUMN covered_sha256 VARCHAR(64) DEFAULT '' NOT NULL;
