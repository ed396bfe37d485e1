-- API tokens created through the admin endpoint: only a SHA-256 of each token is kept.
CREATE TABLE api_token (
    name        VARCHAR(100) NOT NULL PRIMARY KEY,
    sha256      VARCHAR(64)  NOT NULL UNIQUE,
    grants      CHARACTER VARYING NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
