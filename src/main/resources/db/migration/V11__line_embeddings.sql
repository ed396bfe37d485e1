-- Semantic recall's embeddings of rows, derived data like the rest of the index: keyed by
-- the model and the SHA-256 of the line they were computed from, so a rebuilt index finds
-- them again and a line in two repositories is embedded once. Deleting them only costs
-- the time to compute them again. The vector is the normalised embedding quantized to one
-- signed byte a dimension (value x 127).
CREATE TABLE line_embedding (
    model        VARCHAR(64)     NOT NULL,
    line_sha256  VARBINARY(32)   NOT NULL,
    vector       VARBINARY(2048) NOT NULL,
    PRIMARY KEY (model, line_sha256)
);
