-- Frozen statements (issue 11): marking a statement final keeps what its exports are made of
-- besides its own rows (facts, event, organisation profile with logo, item languages, template
-- files) as JSON, so every export of a final or submitted statement is the same until it is
-- reopened. Statements already final when this step runs are frozen by the store right after it.
CREATE TABLE statement_freezes (
    statement_seq INTEGER PRIMARY KEY REFERENCES statements (seq) ON DELETE CASCADE,
    basis         TEXT NOT NULL,
    logo          BLOB,
    logo_mime     TEXT
) STRICT;

-- Every change of a statement's status, with the reason given (reopening asks for one).
CREATE TABLE statement_changes (
    seq           INTEGER PRIMARY KEY,
    statement_seq INTEGER NOT NULL REFERENCES statements (seq) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    from_status   TEXT NOT NULL,
    to_status     TEXT NOT NULL,
    note          TEXT
) STRICT;

CREATE INDEX statement_changes_by_statement ON statement_changes (statement_seq, seq);
