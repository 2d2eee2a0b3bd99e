-- Every export is recorded: what was written where, its hash, and which versions and fact values
-- went into it, so staff can answer "what exactly did we submit?".
CREATE TABLE exports (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    statement_seq INTEGER NOT NULL REFERENCES statements (seq) ON DELETE CASCADE,
    format        TEXT NOT NULL,
    template      TEXT NOT NULL,
    file          TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    bytes         INTEGER NOT NULL,
    word_count    INTEGER NOT NULL,
    versions      TEXT NOT NULL,  -- JSON: [{"section": id, "version": n}, …] in item order
    facts         TEXT NOT NULL,  -- JSON: {"key": "value", …} as substituted
    created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX exports_by_statement ON exports (statement_seq, created_at);
