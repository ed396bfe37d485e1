-- The line index also holds what the supersession chains are loaded from (id, supersedes_id,
-- status), in line order beside what health digests (line_sha256): read with USE INDEX, these
-- scans never touch the rows themselves, whose terms and texts make them fat (at 1,000,000
-- rows, 12 s instead of 87 s for the chains, which every start loads before it indexes new
-- lines). A migration of its own: V9 was released with the narrower index.
DROP INDEX ix_indexed_row_line;
CREATE INDEX ix_indexed_row_line ON indexed_row (generation, line_no, line_sha256, id, supersedes_id, status);
